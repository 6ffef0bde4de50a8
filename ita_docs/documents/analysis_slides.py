"""The analysis slide deck (``analysis-slides.pptx``) for the committee meeting.

Built with python-pptx by `ita_docs.slides.deck.build_deck` (no Word template),
laid out per ``docs/domain.md`` ("Analysis presentations"); this module
gathers its facts from the content: scores and ranking from
`ita_docs.analyse.rules`, weaknesses with their problems and remedies from the
analysis report's findings and the measures aimed at each indicator, the OIT
checklist, and ``obstacles`` (ปัญหาและอุปสรรค). Digits follow the document's
setting (``digits``, or ``document_digits: {analysis-slides: arabic}``).
"""
from __future__ import annotations

from typing import Any

from ..analyse import rules as analysis
from .. import thaifmt
from ..slides.deck import DeckData, build_deck
from . import computed
from .base import DocumentType
from .prose import Writer


def deck_data(w: Writer) -> DeckData:
    """The `DeckData` of a content set that has an ``assessment``.

    Text made here has Arabic digits; content text keeps its own (`build_deck`
    turns every digit to the deck's ``digits``).

    The lowest three are ranked only when every indicator's score is known.
    Weaknesses are the indicators below the year's pass mark plus those the
    analysis report lists as weaknesses, lowest score first. Their problems
    and remedies come from the report's findings (item, question, text) and
    from the measures aimed at that indicator (OIT item → its steps; other
    measures → their titles as remedies).
    """
    content = w.c
    a = content.assessment
    if a is None:
        raise ValueError("the content has no assessment: there is nothing to present")
    fw = analysis.framework(a.year)
    overall = analysis.overall(a, fw)
    level = analysis.level(a, fw)
    tools = {t.upper(): s for t, s in analysis.tool_scores(a, fw).items() if s is not None}
    indicators = [(n, analysis.indicator_name(a, fw, n), a.indicators[n]) for n in sorted(a.indicators)]
    complete = all(n in a.indicators for n in fw.indicators)  # a ranking needs every indicator
    lowest = [(i, r.number, r.name, r.score) for i, r in enumerate(analysis.lowest(a, fw, 3), 1)] if complete else []
    return DeckData(
        content.organisation.name, a.year, overall, level, tools, indicators, lowest,
        weaknesses=_weaknesses(w, a, fw), oit_rows=_oit_rows(w),
        obstacles=[w.text(t) for t in content.obstacles], pass_mark=fw.pass_mark,
    )


def _weaknesses(w: Writer, a: Any, fw: Any) -> list[tuple[str, list[str], list[str]]]:
    content = w.c
    report = content.analysis_report
    groups = [getattr(report, g, None) for g in ("weaknesses", "improvements", "strengths")] if report else []
    findings = [f for g in groups if g is not None for f in g.findings]
    listed = [f.indicator for f in groups[0].findings] if groups and groups[0] is not None else []
    quoted = {f.indicator: f.score for f in reversed(findings) if f.score is not None}
    numbers = [r.number for r in reversed(analysis.below_pass(a, fw))] + listed
    numbers = sorted(dict.fromkeys(numbers), key=lambda n: quoted.get(n, a.indicators.get(n, 101)))
    out = []
    for n in numbers:
        score = quoted.get(n, a.indicators.get(n))
        title = f"ตัวชี้วัดที่ {n} {analysis.indicator_name(a, fw, n)}" + (f" ({_score(score)} คะแนน)" if score is not None else "")
        rows: list[list[str]] = []  # [problem, remedy] side by side
        finding = next((f for f in findings if f.indicator == n), None)
        if finding is not None:
            if finding.text and not finding.items:
                rows.append([w.text(finding.text), ""])
            for item in finding.items:
                question = f" {w.text(item.question)}" if item.question else ""
                rows.append([f"ข้อ {_code(item.code)}{question} ({_score(item.score)} คะแนน)", w.text(item.text or "")])
        general = []
        for m in (m for m in content.measures if n in m.indicators):
            name = " ".join(w.text(t) for t in m.title)
            if m.item:
                rows.append([f"ข้อ {_code(m.item)} {name}", " ".join(w.text(s.text) for s in m.steps) or name])
            else:
                general.append(name)
        for name in general:  # a measure for the whole indicator: the first free remedy cell
            free = next((r for r in rows if not r[1]), None)
            if free is None:
                rows.append(free := ["", ""])
            free[1] = name
        out.append((title, [r[0] for r in rows], [r[1] for r in rows]))
    return out


def _score(x: float) -> str:
    return thaifmt.score(x, digits="arabic")


def _code(code: str) -> str:
    return thaifmt.item_code(code, digits="arabic")


def _oit_rows(w: Writer) -> list[tuple[str, str, str]]:
    return [
        (_code(r.item) if r.item else "-", computed.oit_row_title(w, r), w.text(r.status_label))
        for r in computed.oit_rows(w)
    ]


def _contexts(w: Writer) -> list[tuple[str, bytes]]:
    return [("analysis-slides.pptx", build_deck(deck_data(w), digits=w.digits))]


DOCUMENT = DocumentType(
    "analysis-slides", None, "สไลด์นำเสนอผลการวิเคราะห์ ITA",
    lambda c: c.assessment is not None and bool(c.assessment.indicators),
    _contexts,
)
