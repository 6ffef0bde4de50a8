"""What the computed inserts of a slide show (``insert: lowest`` ...), as deck parts (`ita_docs.slides.deck`).

Each insert takes the `Writer` (digits, expressions) and the slide block
(``n``, ``indicator``, ``problems``, ``remedies``) and returns the parts and
its standard title; wording comes from ``ita_docs/phrases/slides.yaml``
(`phrase`). Facts come from `ita_docs.analyse.rules` (the year's rules) and the
computed tables of `ita_docs.documents.computed`; every text is in the
document's digits (`Writer.text`, `Writer.d`).

Indicator slides: the problems (ประเด็นที่ 1..n) and remedies (แนวทางแก้ไข) of
an indicator come from the analysis report's finding (its item findings:
code, question, score and text; its text when it lists no item) and from the
measures aimed at the indicator (an OIT item's measure: its steps; others:
their titles as remedies), or, when the slide lists ``problems`` /
``remedies``, exactly those as written (with or without an item code).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate, zip_longest
from typing import Any

from .. import thaifmt
from ..analyse import rules as analysis
from ..analyse.phrases import data_file
from ..model import SlideBlock
from ..slides.deck import Chart, Table, Text, TextPara
from ..slides.layout import clip as _clip
from . import computed, measure_cells
from .prose import TOOL_LABELS, Writer

Parts = list[Any]
PHRASES: dict[str, Any] = data_file("slides")
CLASSES = ("weakness", "improvement", "strength")


_NAME = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def phrase(w: Writer, key: str, **names: Any) -> str:
    """A phrase of ``slides.yaml`` (``titles.lowest``: dotted keys) with its ``{{ name }}`` slots filled
    from ``names``, in the document's digits (`ita_docs.thaifmt.localize_digits`). The phrases are the
    tool's own data and name nothing else, so they are filled without the sandbox. Raises `KeyError`
    for a slot not in ``names``."""
    value: Any = PHRASES
    for k in key.split("."):
        value = value[k]
    return render_phrase(value, w.digits, **names)


def render_phrase(phrase_text: str, digits: str, /, **names: Any) -> str:
    """``phrase_text`` with its ``{{ name }}`` slots filled from ``names``, digits localized."""
    return thaifmt.localize_digits(_NAME.sub(lambda m: str(names[m.group(1)]), phrase_text), digits)


def headers(w: Writer, key: str) -> list[str]:
    return [w.text(h) for h in PHRASES["headers"][key]]


def assessment_of(w: Writer) -> Any:
    """The content's assessment (the deck is made only when there is one). Raises `ValueError` otherwise."""
    if w.c.assessment is None:
        raise ValueError("the content has no assessment: there is nothing to present")
    return w.c.assessment


def fw_of(w: Writer) -> Any:
    """The framework of the assessed year."""
    return analysis.rules(assessment_of(w).year, w.c.framework_year)


def _code(w: Writer, code: str) -> str:
    return thaifmt.item_code(code, digits=w.digits)


def _score(w: Writer, x: float | None) -> str:
    return "-" if x is None else w.score(x)


# --------------------------------------------------------------------------- scores


def overall(w: Writer, b: SlideBlock) -> Parts:
    a, fw = assessment_of(w), fw_of(w)
    score, level = analysis.overall(a, fw), analysis.level(a, fw)
    below = score is not None and score < fw.pass_mark
    paras = [
        TextPara(phrase(w, "overall_label"), 36, False, None, 0, "ctr"),
        TextPara(
            phrase(w, "points", score=_score(w, score)), 80, True, "accent2" if below else "accent1", 0, "ctr"
        ),
    ]
    if level:
        paras.append(TextPara(phrase(w, "level", level=level), 44, True, "accent1", 0, "ctr"))
    paras.append(TextPara(phrase(w, "pass_mark", score=w.score(fw.pass_mark)), 24, False, None, 0, "ctr"))
    return [Text(paras, "ctr")]


def scores(w: Writer, b: SlideBlock) -> Parts:
    a, fw = assessment_of(w), fw_of(w)
    out: Parts = [
        Text(
            [
                TextPara(
                    phrase(w, "points", score=_score(w, analysis.overall(a, fw))),
                    None,
                    True,
                    "accent1",
                    0,
                    "ctr",
                ),
                *(
                    [TextPara(phrase(w, "level", level=analysis.level(a, fw)), None, True, None, 0, "ctr")]
                    if analysis.level(a, fw)
                    else []
                ),
            ]
        )
    ]
    rows = computed.tool_rows(w)
    if rows:
        out.append(
            Table(
                headers(w, "tools"),
                [[r["label"], r["score"], r["weight"], r["weighted"]] for r in rows],
                [6, 3, 3, 3],
                left=(0,),
            )
        )
    return out


def tool_chart(w: Writer, b: SlideBlock) -> Parts:
    tools = {
        TOOL_LABELS[t]: s
        for t, s in analysis.tool_scores(assessment_of(w), fw_of(w)).items()
        if s is not None
    }
    return [Chart(list(tools), list(tools.values()))] if tools else [Text([TextPara(phrase(w, "none"))])]


def _indicator_rows(w: Writer) -> list[tuple[int, str, float]]:
    a, fw = assessment_of(w), fw_of(w)
    return [(n, analysis.indicator_name(a, fw, n), a.indicators[n]) for n in sorted(a.indicators)]


def indicators(w: Writer, b: SlideBlock) -> Parts:
    mark = fw_of(w).pass_mark
    rows = _indicator_rows(w)
    return [
        Table(
            headers(w, "indicators"),
            [[w.d(n), name, w.score(s)] for n, name, s in rows],
            [1, 7, 1.6],
            marked=[s < mark for *_x, s in rows],
        )
    ]


def indicator_chart(w: Writer, b: SlideBlock) -> Parts:
    rows = _indicator_rows(w)
    return [
        Chart(
            [w.d(f"{n}. {_clip(name, 30)}") for n, name, _s in rows], [s for *_x, s in rows], horizontal=True
        )
    ]


def _ranked(w: Writer, rows: list[Any], *, lowest_first: bool) -> Table:
    mark = fw_of(w).pass_mark
    cells = [
        [
            phrase(w, "rank", n=i if lowest_first else r.rank),
            phrase(w, "indicator_label", number=r.number, name=r.name),
            w.score(r.score),
        ]
        for i, r in enumerate(rows, 1)
    ]
    return Table(headers(w, "ranking"), cells, [2, 6.4, 1.6], marked=[r.score < mark for r in rows])


def ranking(w: Writer, b: SlideBlock) -> Parts:
    return [_ranked(w, analysis.ranking(assessment_of(w), fw_of(w)), lowest_first=False)]


def lowest(w: Writer, b: SlideBlock) -> Parts:
    rows = analysis.lowest(assessment_of(w), fw_of(w), b.n or 3)
    return [_ranked(w, rows, lowest_first=True), Text([TextPara(phrase(w, "lowest_note"), 24)])]


def below_pass(w: Writer, b: SlideBlock) -> Parts:
    fw = fw_of(w)
    rows = list(reversed(analysis.below_pass(assessment_of(w), fw)))
    if not rows:
        return [Text([TextPara(phrase(w, "no_below_pass", n=int(fw.pass_mark)))])]
    return [_ranked(w, rows, lowest_first=True)]


# --------------------------------------------------------------------------- OIT, obstacles, measures


def oit_items(w: Writer, b: SlideBlock) -> Parts:
    rows = computed.oit_rows(w)
    scored = any(r.score is not None for r in rows)
    head = headers(w, "oit_items")
    body = []
    for r in rows:
        cells = [_code(w, r.item) if r.item else "-", _clip(computed.oit_row_title(w, r), 160)]
        if scored:
            cells.append(computed.item_score(w, r.score))
        body.append([*cells, w.text(r.status_label)])
    if not scored:
        head = head[:2] + head[3:]
    return [Table(head, body, [1, 6.5, 1.4, 3] if scored else [1, 6.5, 3])]


def oit_status(w: Writer, b: SlideBlock) -> Parts:
    counts = computed.oit_counts(w)
    rows = [[w.text(label), phrase(w, "item_count", n=n)] for label, n in counts]
    rows.append([phrase(w, "total"), phrase(w, "item_count", n=len(computed.oit_rows(w)))])
    return [Table(headers(w, "oit_status"), rows, [3, 1], left=(0,))]


def obstacles(w: Writer, b: SlideBlock) -> Parts:
    items = [TextPara(w.d(f"{i}. ") + w.text(t)) for i, t in enumerate(w.c.obstacles, 1)]
    return [Text(items or [TextPara(phrase(w, "none"))])]


def measures(w: Writer, b: SlideBlock) -> Parts:
    rows = [
        [
            " ".join(w.text(t) for t in m.title),
            "\n".join(measure_cells.responsible(w, m)),
            "\n".join(measure_cells.period(w, m.period)),
        ]
        for m in w.c.measures
    ]
    return (
        [Table(headers(w, "measures"), rows, [6, 3, 3], left=(0, 1))]
        if rows
        else [Text([TextPara(phrase(w, "none"))])]
    )


# --------------------------------------------------------------------------- indicators by class


def _findings(w: Writer) -> dict[str, list[Any]]:
    report = w.c.analysis_report
    out: dict[str, list[Any]] = {}
    for cls, group in zip(CLASSES, ("weaknesses", "improvements", "strengths")):
        g = getattr(report, group, None) if report else None
        out[cls] = list(g.findings) if g is not None else []
    return out


def _quoted(w: Writer, n: int) -> float | None:
    found = [f for fs in _findings(w).values() for f in fs if f.indicator == n and f.score is not None]
    return found[0].score if found else assessment_of(w).indicators.get(n)


def classed(w: Writer, cls: str, *, listed_only: bool = False) -> list[int]:
    """The indicators of a class, lowest score first: those the analysis report lists in it, and unless
    ``listed_only`` those the year's rule puts in it (`ita_docs.analyse.rules.classify`); a weakness is also
    every indicator below the pass mark (as the deck always showed)."""
    a, fw = assessment_of(w), fw_of(w)
    numbers = [f.indicator for f in _findings(w)[cls]]
    if cls == "weakness":
        numbers = [r.number for r in reversed(analysis.below_pass(a, fw))] + numbers
    if not listed_only:
        classes = analysis.classify(a, fw)
        numbers += [r.number for r in getattr(classes, cls + ("es" if cls == "weakness" else "s"))]
    taken = {n for other in CLASSES if other != cls for n in ([f.indicator for f in _findings(w)[other]])}
    numbers = [
        n
        for n in dict.fromkeys(numbers)
        if cls == "weakness" or n not in taken or n in [f.indicator for f in _findings(w)[cls]]
    ]
    return sorted(numbers, key=lambda n: (_quoted(w, n) is None, _quoted(w, n) or 0))


def class_of(w: Writer, n: int) -> str:
    for cls in CLASSES:
        if n in classed(w, cls, listed_only=True):
            return cls
    return next((cls for cls in CLASSES if n in classed(w, cls)), "improvement")


def indicator_title(w: Writer, n: int) -> str:
    a, fw = assessment_of(w), fw_of(w)
    finding = next((f for fs in _findings(w).values() for f in fs if f.indicator == n), None)
    name = w.text(finding.name) if finding is not None and finding.name else analysis.indicator_name(a, fw, n)
    score = _quoted(w, n)
    shown = phrase(w, "indicator_score", score=w.score(score)) if score is not None else ""
    return phrase(w, f"titles.{class_of(w, n)}", number=n, name=name, score=shown)


def _computed_pairs(w: Writer, n: int) -> list[list[str]]:
    finding = next((f for fs in _findings(w).values() for f in fs if f.indicator == n), None)
    rows: list[list[str]] = []
    if finding is not None:
        if finding.text and not finding.items:
            rows.append([w.text(finding.text), ""])
        for item in finding.items:
            question = f" {w.text(item.question)}" if item.question else ""
            rows.append(
                [
                    phrase(w, "item", code=_code(w, item.code), question=question, score=w.score(item.score)),
                    w.text(item.text or ""),
                ]
            )
    general = []
    for m in (m for m in w.c.measures if n in m.indicators):
        name = " ".join(w.text(t) for t in m.title)
        if m.item:
            rows.append(
                [
                    f"{phrase(w, 'item_code', code=_code(w, m.item))} {name}",
                    " ".join(w.text(s.text) for s in m.steps) or name,
                ]
            )
        else:
            general.append(name)
    for name in general:  # a measure for the whole indicator: the first free remedy cell
        free = next((r for r in rows if not r[1]), None)
        if free is None:
            rows.append(free := ["", ""])
        free[1] = name
    return rows


def indicator(w: Writer, b: SlideBlock, n: int | None = None) -> Parts:
    n = n or b.indicator or 0
    if b.problems is not None or b.remedies is not None:
        pairs = [
            [w.text(p), w.text(r)] for p, r in zip_longest(b.problems or [], b.remedies or [], fillvalue="")
        ]
    else:
        pairs = _computed_pairs(w, n)
    p_no = accumulate(int(bool(p)) for p, _r in pairs)
    r_no = accumulate(int(bool(r)) for _p, r in pairs)
    rows = [
        [phrase(w, "problem", n=pn, text=_clip(p)) if p else "", w.d(f"{rn}. ") + _clip(r) if r else ""]
        for (p, r), pn, rn in zip(pairs, p_no, r_no)
    ] or [[phrase(w, "none"), phrase(w, "none")]]
    return [Table(headers(w, "problems"), rows, [1, 1], left=(0, 1))]


INSERTS: dict[str, Callable[[Writer, SlideBlock], Parts]] = {
    "overall": overall,
    "scores": scores,
    "tool_chart": tool_chart,
    "indicators": indicators,
    "indicator_chart": indicator_chart,
    "ranking": ranking,
    "lowest": lowest,
    "below_pass": below_pass,
    "oit_items": oit_items,
    "oit_status": oit_status,
    "obstacles": obstacles,
    "measures": measures,
    "indicator": indicator,
}
#: What an insert needs in the content (None: nothing).
NEEDS = {
    "oit_items": "oit_followup",
    "oit_status": "oit_followup",
    "oit_followup": "oit_followup",
    "obstacles": None,
    "measures": None,
}
