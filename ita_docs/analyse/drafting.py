"""Draft the analysis report (รายงานการวิเคราะห์ผลการประเมิน ITA) from the scores alone.

When a content set has ``organisation`` and ``assessment`` but no (or only a
partial) ``analysis_report``, `report` builds the complete
`ita_docs.model.AnalysisReport` the document prints:

- every prose section of seed 002's structure gets the standard text of the
  phrase library (`ita_docs.analyse.phrases`): sections and indicator texts of the
  assessed year (``phrases(assessment.year)``), measures of the fiscal year
  they are proposed for (``phrases(fiscal_year)``), as the library's
  docstring says; a year without a phrases file takes the nearest earlier one;
- indicators are classed by the year's rule (`ita_docs.analyse.classify.classify`,
  thresholds as data: the framework's pass mark and top level, the
  framework's or the content's ``classification``): ๓.๑ strengths (the
  indicator's ``measures`` + ``strength`` texts; ``no_strengths`` when there
  is none), ๓.๒ urgent weaknesses (``measures`` + ``weakness``, the standard
  explanation; ``no_weaknesses`` when there is none), ๓.๓ points to improve
  (``measures`` + ``improvement``; ``no_improvements``); section ๓ opens with
  the table of the three lowest indicators (``{insert: lowest}``); no
  numbered section is ever empty;
- the conclusion names, in one bullet each, only the classes that have
  indicators (`conclusion`), so it never asks to correct a weakness that ๓.๒
  said there is not;
- ๔ lists the set's own ``measures`` (for the fiscal year: grouped as the
  ``measure_plan`` groups them, else one table per tool of their first
  indicator); a set without measures gets the library's proposals aimed at
  each weak indicator (all of the indicator's own measures, or
  ``weakness_measures`` of them) and at each point to improve
  (``improvement_measures``), one measures table per tool, as real
  `ita_docs.model.Measure` objects (`Draft.measures`).

Texts keep their ``{{ expressions }}``: the document's `Writer` renders them
with the report's names (``overall``, ``level``, ``pass_mark``, and
``indicator`` in findings). Digits of the library's text (Thai) are turned
to the document's (``digits``) here.

Content wins section by section: a section the content's ``analysis_report``
gives (even empty) replaces the drafted one; ``analysis_report.phrases``
changes the library's wording first (`ita_docs.analyse.phrases.merge`);
``analysis_report.draft: false`` prints only what the content gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from .. import thaifmt
from ..model import AnalysisReport, Block, Content, Finding, FindingGroup, Measure, MeasureGroup, NextYear
from . import classify, phrases
from . import rules as analysis

#: The `AnalysisReport` fields that are sections (drafted, or replaced by the content's).
SECTIONS = (
    "introduction",
    "principles",
    "results_intro",
    "recommendations",
    "analysis_intro",
    "strengths",
    "weaknesses",
    "improvements",
    "conclusion",
    "next_year",
)
#: Fields that are options of the content's report, never drafted.
OPTIONS = ("title", "draft", "phrases", "classification", "ranking_title", "indicator_table", "charts")


@dataclass(frozen=True)
class Draft:
    """The analysis report as printed, and where its parts come from.

    ``report``: the content's sections over the drafted ones; ``measures``:
    the library measures its drafted ``next_year`` proposes, by id (empty when
    the content gives ``next_year``); ``classes``: the classification;
    ``drafted``: names of the sections that came from the draft.
    """

    report: AnalysisReport
    measures: dict[str, Measure] = field(default_factory=dict)
    classes: analysis.Classes | None = None
    drafted: frozenset[str] = frozenset()


def phrase_year(year: int) -> int:
    """The phrases file for ``year``: its own, else the nearest earlier one, else the first."""
    years = phrases.years()
    earlier = [y for y in years if y <= year]
    return earlier[-1] if earlier else years[0]


def library(content: Content, year: int) -> phrases.Phrases:
    """The phrase library of ``year`` with the content's ``analysis_report.phrases`` laid over it."""
    base = phrases.phrases(phrase_year(year))
    override = content.analysis_report.phrases if content.analysis_report else None
    return phrases.merge(base, override.data) if override else base


def override_problem(content: Content) -> str | None:
    """What is wrong with ``analysis_report.phrases`` (None when it merges cleanly)."""
    report = content.analysis_report
    if report is None or not report.phrases:
        return None
    years = {content.fiscal_year} | ({content.assessment.year} if content.assessment else set())
    for year in sorted(years):
        try:
            library(content, year)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            return f"{where}: {first.get('msg', '')}" if where else str(first.get("msg", exc))
        except (ValueError, TypeError, AttributeError) as exc:
            return str(exc)
    return None


# --------------------------------------------------------------------------- digits


def _digits(text: str, digits: str) -> str:
    return text if digits == "thai" else thaifmt.to_digits(text, digits)


def _strs(values: list[str], digits: str) -> list[str]:
    return [_digits(v, digits) for v in values]


def _block(b: Block, digits: str) -> Block:
    if digits == "thai":
        return b
    update: dict[str, Any] = {}
    for name in ("paragraph", "heading"):
        if getattr(b, name) is not None:
            update[name] = _digits(getattr(b, name), digits)
    for name in ("bullets", "numbered", "dashes"):
        if getattr(b, name):
            update[name] = _strs(getattr(b, name), digits)
    if b.table:
        update["table"] = b.table.model_copy(
            update={
                "header": _strs(b.table.header, digits),
                "rows": [_strs(r, digits) for r in b.table.rows],
            }
        )
    return b.model_copy(update=update)


def _blocks(blocks: list[Block], digits: str) -> list[Block]:
    return [_block(b, digits) for b in blocks]


def _measure(m: Measure, digits: str) -> Measure:
    if digits == "thai":
        return m
    update: dict[str, Any] = {
        "title": _strs(m.title, digits),
        "steps": [
            s.model_copy(update={"text": _digits(s.text, digits), "bullets": _strs(s.bullets, digits)})
            for s in m.steps
        ],
        "responsible_other": _strs(m.responsible_other, digits),
        "follow_up": _strs(m.follow_up, digits),
    }
    if m.requirement:
        update["requirement"] = _digits(m.requirement, digits)
    if m.period and m.period.text:
        update["period"] = m.period.model_copy(update={"text": _digits(m.period.text, digits)})
    return m.model_copy(update=update)


# --------------------------------------------------------------------------- the draft


def _findings(
    texts: phrases.Phrases, rows: list[analysis.RankedIndicator], kind: str, digits: str
) -> list[Finding]:
    out = []
    for r in rows:
        ind = texts.indicator(r.number)
        out.append(Finding(indicator=r.number, text=_digits(f"{ind.measures} {getattr(ind, kind)}", digits)))
    return out


def _proposed(lib: phrases.Phrases, classes: analysis.Classes, rules: analysis.Rules) -> list[Measure]:
    """Library measures for the weak indicators (lowest first), then for the points to improve."""
    chosen: dict[str, Measure] = {}
    for rows, limit in (
        (classes.weaknesses, rules.weakness_measures),
        (classes.improvements, rules.improvement_measures),
    ):
        for r in rows:
            own = [m for m in lib.measures if m.indicators and m.indicators[0] == r.number]
            for m in own if limit is None else own[:limit]:
                chosen.setdefault(m.id, m)
    return list(chosen.values())


def _listed(a_names: list[str]) -> str:
    """Thai list: "ก" / "ก และข" / "ก ข และค"."""
    if len(a_names) <= 1:
        return "".join(a_names)
    return " ".join(a_names[:-1]) + " และ" + a_names[-1]


def conclusion(
    texts: phrases.Phrases, classes: analysis.Classes, names: dict[int, str], digits: str
) -> list[Block]:
    """The conclusion: its opening, one bullet per class that has indicators (weaknesses, points
    to improve, strengths: each naming its indicators), its end."""
    s = texts.sections
    bullets = []
    for lead, rows in (
        (s.conclusion_weaknesses, classes.weaknesses),
        (s.conclusion_improvements, classes.improvements),
        (s.conclusion_strengths, classes.strengths),
    ):
        if not rows or not lead:
            continue
        head = " ".join(t for b in lead for t in phrases.block_texts(b))
        which = _listed(
            [f"ตัวชี้วัดที่ {thaifmt.to_digits(str(r.number), 'thai')} {names[r.number]}" for r in rows]
        )
        bullets.append(_digits(f"{head} {which}", digits))
    out = _blocks(list(s.conclusion), digits)
    if bullets:
        out.append(Block(bullets=bullets))
    return out + _blocks(list(s.conclusion_end), digits)


def own_groups(content: Content, fw: analysis.Framework, texts: phrases.Phrases) -> list[MeasureGroup]:
    """Section ๔ from the set's own measures: the measure plan's groups, else one table per tool
    (of each measure's first indicator), measures naming no indicator last."""
    if content.measure_plan is not None and content.measure_plan.groups:
        return list(content.measure_plan.groups)
    groups = []
    for tool in analysis.TOOLS:
        ids = [
            m.id
            for m in content.measures
            if m.indicators
            and fw.indicators.get(m.indicators[0]) is not None
            and fw.indicators[m.indicators[0]].tool == tool
        ]
        if ids:
            groups.append(
                MeasureGroup(
                    title=f"มาตรการเพื่อยกระดับผลการประเมินตาม{fw.tools[tool].name} ({tool.upper()})",
                    measures=ids,
                )
            )
    grouped = {mid for g in groups for mid in g.measures}
    rest = [m.id for m in content.measures if m.id not in grouped]
    if rest:
        title = " ".join(t for b in texts.sections.other_measures_title for t in phrases.block_texts(b))
        groups.append(MeasureGroup(title=title or None, measures=rest))
    return groups


def draft(content: Content, digits: str = "thai") -> Draft:
    """The whole report drafted from ``content.assessment`` (the content's own sections ignored).

    Needs ``assessment``; the classification and measures use the indicator
    scores that are known.
    """
    a = content.assessment
    if a is None:
        raise ValueError("drafting the analysis report needs an assessment")
    fw = analysis.rules(a.year, content.framework_year)
    given = content.analysis_report
    rules = analysis.classification_rules(fw, given.classification if given else None)
    classes = classify.classify(a, fw, rules)
    texts = library(content, a.year)
    lib = library(content, content.fiscal_year)
    s = texts.sections

    def blocks(bs: list[Block]) -> list[Block]:
        return _blocks(list(bs), digits)

    analysis_intro = blocks(s.analysis_intro)
    if len(a.indicators) >= 3:
        analysis_intro.append(Block(insert="lowest"))

    def group(kind: str, rows: Any) -> FindingGroup:
        """๓.๑-๓.๓: the class's introduction and findings, or the "none" text (never an empty section)."""
        plural = {"strength": "strengths", "weakness": "weaknesses", "improvement": "improvements"}[kind]
        if not rows:
            return FindingGroup(intro=blocks(getattr(s, f"no_{plural}")))
        return FindingGroup(
            intro=blocks(getattr(s, f"{plural}_intro")), findings=_findings(texts, rows, kind, digits)
        )

    strengths = group("strength", classes.strengths)
    weaknesses = group("weakness", classes.weaknesses)
    improvements = group("improvement", classes.improvements)
    measures = [] if content.measures else [_measure(m, digits) for m in _proposed(lib, classes, rules)]
    groups = own_groups(content, fw, texts) if content.measures else []
    for tool in analysis.TOOLS:
        ids = [m.id for m in measures if fw.indicators[m.indicators[0]].tool == tool]
        if ids:
            title = f"มาตรการเพื่อยกระดับผลการประเมินตาม{fw.tools[tool].name} ({tool.upper()})"
            groups.append(MeasureGroup(title=title, measures=ids))
    names = {n: analysis.indicator_name(a, fw, n) for n in a.indicators}
    report = AnalysisReport(
        introduction=blocks(s.introduction),
        principles=blocks(s.principles),
        results_intro=blocks(s.results_intro),
        recommendations=blocks(s.recommendations),
        analysis_intro=analysis_intro,
        strengths=strengths,
        weaknesses=weaknesses,
        improvements=improvements,
        conclusion=conclusion(texts, classes, names, digits),
        next_year=NextYear(intro=blocks(s.next_year_intro), groups=groups),
    )
    return Draft(report, {m.id: m for m in measures}, classes, frozenset(SECTIONS))


def report(content: Content, digits: str = "thai") -> Draft:
    """The report as printed: the content's ``analysis_report`` merged over the draft, section by section.

    A section the content gives (its key is in the YAML, even with an empty
    value) replaces the drafted one; options (``title``, ``ranking_title``,
    ``charts``...) are the content's. With ``draft: false``, or without an
    assessment, only the content's report is used.
    """
    given = content.analysis_report
    if content.assessment is None or (given is not None and not given.draft):
        if given is None:
            raise ValueError("no analysis report: the content has neither analysis_report nor assessment")
        return Draft(given)
    drafted = draft(content, digits)
    if given is None:
        return drafted
    own = {name for name in SECTIONS if name in given.model_fields_set}
    update = {name: getattr(given, name) for name in own}
    update.update({name: getattr(given, name) for name in OPTIONS})
    merged = drafted.report.model_copy(update=update)
    measures = {} if "next_year" in own else drafted.measures
    return Draft(merged, measures, drafted.classes, frozenset(SECTIONS) - own)
