"""Document sections: the analysis report, the measure plan and the measure-result report."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from .base import Blocks, Date, ItemCode, Model, Score, StrList
from .measures import MeasureGroup


class FindingItem(Model):
    """An item-level finding: ข้อ E๗ ในประเด็น “question” โดยมีผลคะแนน ๓๙.๕๖ text."""

    code: ItemCode
    question: str | None = None
    score: Score
    text: str | None = None


class Finding(Model):
    """An indicator-level finding of the analysis.

    ``score`` is the score quoted in the finding; omitted, it is the
    indicator's score in ``assessment.indicators``. ``name`` overrides the
    indicator's name from the framework data (as some reports word it).
    ``text`` follows the score; ``items`` list item-level findings; ``after``
    is prose printed after the items.
    """

    indicator: int = Field(ge=1, le=10)
    name: str | None = None
    score: Score | None = None
    text: str = ""
    items: list[FindingItem] = []
    after: Blocks = []


class FindingGroup(Model):
    """A section of findings (strengths, urgent weaknesses, points to improve)."""

    intro: Blocks = []
    findings: list[Finding] = []
    start: int = Field(default=1, ge=1)
    after: Blocks = []


class NextYear(Model):
    """Section ๔ of the analysis report: the measures for the next fiscal year."""

    intro: Blocks = []
    heading: str | None = None
    groups: list[MeasureGroup] = []


class Classification(Model):
    """How the analysis classes indicators (๓.๑ strengths, ๓.๒ urgent weaknesses, ๓.๓ points to improve).

    Every field left out takes the year's rule (`ita_docs.analyse.rules.Framework.classification`,
    whose own defaults come from the framework data; see `ita_docs.analyse.rules.classify`):

    - ``weakness_below``: an indicator below it is a weakness to correct urgently
      (default: the year's ``pass_mark``, 85);
    - ``strength_min``: an indicator at or above it is a strength (default: the
      overall mark of the year's top level, 95: AA up to 2565, ผ่านดีเยี่ยม from 2566);
    - ``strengths_top``: when no indicator reaches ``strength_min``, the
      ``strengths_top`` highest indicators that pass are the strengths (0: none);
    - every other indicator is a point to improve;
    - ``weakness_measures`` / ``improvement_measures``: how many standard
      measures the draft proposes per weak / to-improve indicator (None: all
      of the indicator's own measures in the phrase library).
    """

    weakness_below: Score | None = None
    strength_min: Score | None = None
    strengths_top: int | None = Field(default=None, ge=0, le=10)
    weakness_measures: int | None = Field(default=None, ge=0)
    improvement_measures: int | None = Field(default=None, ge=0)


class PhraseOverride:
    """Content's changes to the phrase library (``analysis_report.phrases``), kept opaque.

    The shape is that of a phrases file (``sections``, ``indicators``,
    ``measures``; see `ita_docs.analyse.phrases.merge`), checked at load by
    `ita_docs.load.validate.check_assessment`. Its texts may use names that only the
    drafted report provides (``{{ pass_mark }}``, ``{{ indicator.name }}``), so
    it is not a mapping the content walkers (`ita_docs.model.base.walk`)
    descend into: its expressions are checked by the phrase library's own rules.
    """

    __slots__ = ("data",)

    def __init__(self, data: Mapping[str, Any]):
        self.data = dict(data)

    def __bool__(self) -> bool:
        return bool(self.data)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PhraseOverride) and other.data == self.data

    def __hash__(self) -> int:
        return id(self)

    def __repr__(self) -> str:
        return f"PhraseOverride({self.data!r})"


def _phrase_override(value: Any) -> Any:
    if value is None or isinstance(value, PhraseOverride):
        return value
    if not isinstance(value, Mapping):
        raise ValueError("phrases: a mapping (sections, indicators, measures) is expected")
    return PhraseOverride(value)


class AnalysisReport(Model):
    """รายงานการวิเคราะห์ผลการประเมิน ITA: prose sections around computed tables.

    Structure (after seed 002): title; ``introduction``; ๑. หลักการและเหตุผล
    (``principles``); ๒. ผลคะแนน: ๒.๑ ``results_intro`` + the score box, the
    tool table, the ranking table (computed; retitled by ``ranking_title``),
    the indicator-order table (``indicator_table: true``) and the charts
    (``charts: false`` leaves them out); ๒.๒ ``recommendations``; ๓. ผลการวิเคราะห์:
    ๓.๑ ``strengths``, ๓.๒ ``weaknesses``, ๓.๓ ``improvements``, ``conclusion``;
    ๔. ``next_year`` with its measures tables.

    Every section left out is drafted from the phrase library and the year's
    rules (`ita_docs.analyse.drafting`; ``draft: false`` turns that off); a section
    given, even empty (``recommendations: []``), replaces the draft. A section
    with no text has no heading, and the headings are renumbered.
    ``phrases`` changes the library's wording for this content
    (`ita_docs.analyse.phrases.merge`); ``classification`` changes how indicators are
    classed (`Classification`).
    """

    title: StrList = []
    introduction: Blocks = []
    principles: Blocks = []
    results_intro: Blocks = []
    recommendations: Blocks = []
    analysis_intro: Blocks = []
    strengths: FindingGroup = FindingGroup()
    weaknesses: FindingGroup = FindingGroup()
    improvements: FindingGroup = FindingGroup()
    conclusion: Blocks = []
    next_year: NextYear = NextYear()
    draft: bool = True
    phrases: Annotated[Any, BeforeValidator(_phrase_override)] = None
    classification: Classification = Classification()
    ranking_title: str | None = None
    indicator_table: bool = False
    charts: bool = True


# --------------------------------------------------------------------------- measure plan / results


class MeasurePlan(Model):
    """มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน for ``Content.fiscal_year``."""

    title: StrList = []
    goal: Blocks = []
    heading: str | None = None
    groups: list[MeasureGroup] = []
    after: Blocks = []


class Output(Model):
    """One output (ผลการดำเนินการ) of a measure; ``date`` is appended in bold."""

    _shorthand = "text"

    text: str
    date: Date | None = None


class ItemCitation(Model):
    """An item score cited as evidence of an outcome, optionally with last year's score."""

    code: ItemCode
    score: Score
    previous: Score | None = None
    title: str | None = None


class MeasureResult(Model):
    """What came of one measure (attached by ``measure`` id)."""

    measure: str
    outputs: list[Output] = []
    outcome: Blocks = []
    citations: list[ItemCitation] = []


class MeasureResultsReport(Model):
    """รายงานผลการดำเนินการตามมาตรการ... for ``Content.fiscal_year``."""

    title: StrList = []
    cover: Blocks = []
    introduction: Blocks = []
    table_title: StrList = []
    results: list[MeasureResult] = []
    after: Blocks = []
