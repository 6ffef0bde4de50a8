"""Document sections: the analysis report, the measure plan and the measure-result report.
"""
from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator, model_validator

from .. import thaifmt
from .base import Blocks, Date, Model, Score, StrList
from .measures import MeasureGroup


class FindingItem(Model):
    """An item-level finding: ข้อ E๗ ในประเด็น “question” โดยมีผลคะแนน ๓๙.๕๖ text."""

    code: str
    question: str | None = None
    score: Score
    text: str | None = None

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        letter, number = thaifmt.parse_item_code(value)
        return f"{letter}{number}"


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


class AnalysisReport(Model):
    """รายงานการวิเคราะห์ผลการประเมิน ITA: prose sections around computed tables.

    Structure (after seed 002): title; ``introduction``; ๑. หลักการและเหตุผล
    (``principles``); ๒. ผลคะแนน: ๒.๑ ``results_intro`` + the score box + the
    ranking table (computed); ๒.๒ ``recommendations``; ๓. ผลการวิเคราะห์:
    ๓.๑ ``strengths``, ๓.๒ ``weaknesses``, ๓.๓ ``improvements``, ``conclusion``;
    ๔. ``next_year`` with its measures tables.
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

    text: str
    date: Date | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"text": value}
        return value


class ItemCitation(Model):
    """An item score cited as evidence of an outcome, optionally with last year's score."""

    code: str
    score: Score
    previous: Score | None = None
    title: str | None = None

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        letter, number = thaifmt.parse_item_code(value)
        return f"{letter}{number}"


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
