"""Typed content model of one organisation's ITA paperwork for one fiscal year.

A *content set* is a folder of YAML files (``content/<name>/*.yaml``); their
top-level keys are merged and validated into one `Content` object (see
`ita_docs.loader`). Every document type takes its facts from this one object:

- ``organisation``: name, kind, district, province, divisions, people;
- ``assessment``: the ITA results of the assessed fiscal year (overall, IIT/EIT/OIT,
  ten indicators, optional sub-indicators and items, earlier years' overall scores);
- ``measures``: every measure (มาตรการ) defined once, with a stable ``id``;
- document sections: ``analysis_report``, ``measure_plan``, ``measure_results``,
  ``memos`` refer to measures, divisions and people by id.

Conventions (all documented for content writers in the README):

- Scores are YAML numbers, 0-100 (points), never Thai-digit strings.
- Years are Buddhist Era (BE, e.g. 2566). Dates are ISO ``YYYY-MM-DD``; a year
  above 2400 is read as BE (``2566-04-15`` is 15 April 2023).
- Text fields may use ``**bold**`` and Jinja expressions such as
  ``{{ organisation.name }}`` (rendered in a sandbox).
- Item codes are ``i1``.., ``e1``.., ``o1``.. (IIT, EIT, OIT items).
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from . import thaifmt

Score = Annotated[float, Field(ge=0, le=100)]
YearBE = Annotated[int, Field(ge=2500, le=2700)]


def _to_list(value: Any) -> Any:
    """Accept a single string where a list of strings is expected."""
    if isinstance(value, str):
        return [value]
    return value


def _to_date(value: Any) -> Any:
    """Read dates typed in BE (year > 2400) as the same day in CE."""
    if isinstance(value, dt.date):
        return thaifmt.to_ce_date(value)
    if isinstance(value, str):
        try:
            return thaifmt.to_ce_date(dt.date.fromisoformat(thaifmt.to_digits(value.strip(), digits="arabic")))
        except ValueError:
            return value
    return value


StrList = Annotated[list[str], BeforeValidator(_to_list)]
Date = Annotated[dt.date, BeforeValidator(_to_date)]


class Model(BaseModel):
    """Base of every content model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --------------------------------------------------------------------------- prose


class Table(Model):
    """A free table inside prose: a header row and body rows of text cells."""

    header: list[str] = []
    rows: list[list[str]]


BLOCK_KINDS = ("paragraph", "heading", "bullets", "numbered", "dashes", "table")


class Block(Model):
    """One block of free prose. A plain string in YAML is a paragraph.

    Exactly one of the fields is set: ``paragraph`` (text), ``heading`` (bold
    line), ``bullets`` (list, drawn with a bullet character in the Thai font),
    ``numbered`` (list, ๑. ๒. ...), ``dashes`` (list drawn with "-"),
    ``table``. ``indent: false`` drops the 2.5 cm first-line indent of a
    paragraph; ``center: true`` centres a heading or paragraph.
    """

    paragraph: str | None = None
    heading: str | None = None
    bullets: list[str] | None = None
    numbered: list[str] | None = None
    dashes: list[str] | None = None
    table: Table | None = None
    indent: bool = True
    center: bool = False

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"paragraph": value}
        return value

    @model_validator(mode="after")
    def _exactly_one(self) -> Block:
        kinds = [k for k in BLOCK_KINDS if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError("block_kind")
        return self

    @property
    def kind(self) -> str:
        return next(k for k in BLOCK_KINDS if getattr(self, k) is not None)


Blocks = Annotated[list[Block], BeforeValidator(_to_list)]


# --------------------------------------------------------------------------- organisation


OrganisationKind = Literal[
    "อบจ.", "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "อบต.", "กรุงเทพมหานคร", "เมืองพัทยา", "ส่วนราชการ"
]


class Division(Model):
    """A division (สำนัก/กอง/หน่วย) of the organisation, referred to by ``id``."""

    id: str = Field(pattern=r"^[A-Za-z0-9_-]+$")
    name: str


class Person(Model):
    """A person who signs or attends: full name with title, position line(s)."""

    id: str = Field(pattern=r"^[A-Za-z0-9_-]+$")
    name: str
    position: StrList
    division: str | None = None


class Organisation(Model):
    """The organisation (หน่วยงาน) whose documents these are.

    ``district`` and ``province`` are names without the อำเภอ/จังหวัด prefix.
    ``document_prefix`` is the memo number prefix (e.g. ``รย ๕๒๑๑๒``).
    ``emblem`` is an image file (relative to the content folder) of the Garuda
    emblem used on memos; without it the space is left blank.
    """

    name: str
    kind: OrganisationKind
    district: str | None = None
    province: str
    phone: str | None = None
    document_prefix: str | None = None
    emblem: str | None = None
    divisions: list[Division] = []
    people: list[Person] = []


# --------------------------------------------------------------------------- assessment


class ItemScore(Model):
    """The score of one ITA item (ข้อ i๑/e๑/o๑), optionally with its question text."""

    code: str
    score: Score
    title: str | None = None

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        letter, number = thaifmt.parse_item_code(value)
        return f"{letter}{number}"


class ToolScores(Model):
    """Scores of the three tools, each out of 100 (not weighted)."""

    iit: Score | None = None
    eit: Score | None = None
    oit: Score | None = None


class Assessment(Model):
    """ITA results of one assessed fiscal year, as announced by the NACC.

    ``indicators`` maps indicator number (1-10) to its score (0-100).
    ``previous`` maps earlier fiscal years (BE) to their overall score.
    ``level`` may be given as printed in the NACC report; when omitted it is
    computed from the year's level rule (framework data).
    """

    year: YearBE
    overall: Score
    level: str | None = None
    tools: ToolScores = ToolScores()
    indicators: dict[int, Score] = {}
    sub_indicators: dict[str, Score] = {}
    items: list[ItemScore] = []
    previous: dict[int, Score] = {}


# --------------------------------------------------------------------------- measures


class Period(Model):
    """When a measure runs. A plain string in YAML is taken as ``text``.

    Forms (rendered as in the seed documents):

    - ``text``: printed as written ("ดำเนินการตลอดทั้งปีงบประมาณ");
    - ``fiscal_year`` alone: "ปีงบประมาณ พ.ศ. ๒๕๖๘ (๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘)";
    - ``start`` + ``end`` with ``style: months``: "เดือน ต.ค. ๖๔ - ก.ย. ๖๕";
      ``style: short``: "๑ ต.ค.๖๗-๓๐ ก.ย.๖๘" (after the fiscal-year line if both);
      ``style: long``: "๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘";
    - ``until``: "ภายใน ๑๕ เม.ย. ๖๖" (short) or "ภายใน ๓๐ มิถุนายน ๒๕๖๖" (long).
    """

    text: str | None = None
    fiscal_year: YearBE | None = None
    start: Date | None = None
    end: Date | None = None
    until: Date | None = None
    style: Literal["months", "short", "long"] = "short"

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"text": value}
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Period:
        if (self.start is None) != (self.end is None):
            raise ValueError("period_pair")
        if self.start and self.end and self.start > self.end:
            raise ValueError("period_order")
        if not any((self.text, self.fiscal_year, self.start, self.until)):
            raise ValueError("period_empty")
        return self


class Step(Model):
    """One step of a measure; a plain string in YAML is ``text``. ``bullets`` are sub-points."""

    text: str
    bullets: list[str] = []

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"text": value}
        return value


class Measure(Model):
    """A measure (มาตรการ) defined once and referred to by ``id`` everywhere.

    ``title`` is one line or a list (rendered as bullets). ``item`` is the ITA
    item the measure answers (e.g. ``o2``), printed before the title in OIT
    tables. ``requirement`` is the item's requirement ("แสดงข้อมูล..."),
    printed with a dash before the steps. ``steps_style`` chooses how steps are
    drawn: ``numbered`` (๑. ๒.), ``bullets``, ``dashes`` or ``plain``.
    ``responsible`` lists division ids; ``responsible_other`` free text
    (positions, units outside the division list).
    """

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    title: StrList
    item: str | None = None
    indicators: list[int] = []
    items: list[str] = []
    requirement: str | None = None
    steps: list[Step] = []
    steps_style: Literal["numbered", "bullets", "dashes", "plain"] = "numbered"
    responsible: list[str] = []
    responsible_other: StrList = []
    period: Period | None = None
    follow_up: StrList = []

    @field_validator("item")
    @classmethod
    def _item(cls, value: str | None) -> str | None:
        if value is None:
            return None
        letter, number = thaifmt.parse_item_code(value)
        return f"{letter}{number}"


class MeasureGroup(Model):
    """A table of measures: an introductory line and the measure ids, in order.

    ``numbered: true`` prefixes titles with ๑. ๒. ...; measures with an ``item``
    show the item code instead.
    """

    title: str | None = None
    measures: list[str]
    numbered: bool = True


# --------------------------------------------------------------------------- analysis report


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


# --------------------------------------------------------------------------- memos


class Endorsement(Model):
    """A note written under a memo by a superior: เรียน ... / lines / signature / date."""

    to: str | None = None
    lines: StrList = []
    signer: str | None = None
    signature: str | None = None
    date_text: str | None = None
    date: Date | None = None


class Distribution(Model):
    """รายการแจกจ่ายเอกสาร: the form sent with a memo, one row per receiving division.

    ``divisions`` lists division ids; omitted, every division receives it.
    ``received`` is the date the units signed for it (blank column if omitted).
    """

    date: Date | None = None
    divisions: list[str] | None = None
    received: Date | None = None
    first_use: str | None = None
    revision: str | None = None


class Memo(Model):
    """บันทึกข้อความ per ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ พ.ศ. ๒๕๒๖.

    ``preset`` fills subject, body and attachments with standard wording from
    the content (see `ita_docs.memos.PRESETS`); any field given here overrides
    it. ``unit`` is a division id or text; ``number`` follows the
    organisation's ``document_prefix`` ("-" while unnumbered). ``signer`` is a
    person id. ``attachments`` are text lines or document names
    (``analysis_report``, ``measure_plan``, ``measure_results``).
    """

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    preset: Literal["analysis_approval", "measures_announce", "results_report"] | None = None
    unit: str | None = None
    phone: str | None = None
    number: str = "-"
    date: Date
    subject: str | None = None
    to: str | None = None
    via: StrList = []
    body: Blocks = []
    closing: str | None = None
    attachments: StrList = []
    signer: str
    endorsements: list[Endorsement] = []
    distribution: Distribution | None = None


# --------------------------------------------------------------------------- content


class Content(Model):
    """One organisation's content for one fiscal year (BE): the single source of truth.

    ``digits`` chooses Thai (default) or Arabic digits in every document.
    ``item_titles`` supplies or overrides ITA item titles (``o11: ข้อมูลสถิติ...``).
    """

    fiscal_year: YearBE
    digits: Literal["thai", "arabic"] = "thai"
    organisation: Organisation
    assessment: Assessment | None = None
    item_titles: dict[str, str] = {}
    measures: list[Measure] = []
    analysis_report: AnalysisReport | None = None
    measure_plan: MeasurePlan | None = None
    measure_results: MeasureResultsReport | None = None
    memos: list[Memo] = []

    # ---- lookups

    def measure(self, measure_id: str) -> Measure:
        return next(m for m in self.measures if m.id == measure_id)

    def division(self, division_id: str) -> Division:
        return next(d for d in self.organisation.divisions if d.id == division_id)

    def person(self, person_id: str) -> Person:
        return next(p for p in self.organisation.people if p.id == person_id)

    def reference_problems(self) -> list[tuple[tuple[Any, ...], str, dict[str, Any]]]:
        """Cross-reference checks pydantic cannot do field by field.

        Returns ``(path, message_id, params)`` triples: unknown measure,
        division or person ids, duplicate ids, indicator numbers out of range.
        """
        problems: list[tuple[tuple[Any, ...], str, dict[str, Any]]] = []
        div_ids = [d.id for d in self.organisation.divisions]
        person_ids = [p.id for p in self.organisation.people]
        measure_ids = [m.id for m in self.measures]

        def dup(path: tuple[Any, ...], ids: list[str]) -> None:
            seen: set[str] = set()
            for i, x in enumerate(ids):
                if x in seen:
                    problems.append(((*path, i, "id"), "duplicate_id", {"id": x}))
                seen.add(x)

        dup(("organisation", "divisions"), div_ids)
        dup(("organisation", "people"), person_ids)
        dup(("measures",), measure_ids)
        dup(("memos",), [m.id for m in self.memos])

        def ref(path: tuple[Any, ...], value: str, known: list[str], kind: str, owner: str) -> None:
            if value not in known:
                problems.append((path, "unknown_ref", {"kind": kind, "id": value, "owner": owner, "known": known}))

        for i, p in enumerate(self.organisation.people):
            if p.division:
                ref(("organisation", "people", i, "division"), p.division, div_ids, "division", p.id)
        for i, m in enumerate(self.measures):
            for j, d in enumerate(m.responsible):
                ref(("measures", i, "responsible", j), d, div_ids, "division", m.id)
            for j, n in enumerate(m.indicators):
                if not 1 <= n <= 10:
                    problems.append((("measures", i, "indicators", j), "indicator_range", {"value": n}))

        def groups(path: tuple[Any, ...], gs: list[MeasureGroup], owner: str) -> None:
            for gi, g in enumerate(gs):
                for mi, mid in enumerate(g.measures):
                    ref((*path, gi, "measures", mi), mid, measure_ids, "measure", owner)

        if self.analysis_report:
            groups(("analysis_report", "next_year", "groups"), self.analysis_report.next_year.groups, "analysis_report")
        if self.measure_plan:
            groups(("measure_plan", "groups"), self.measure_plan.groups, "measure_plan")
        if self.measure_results:
            for i, r in enumerate(self.measure_results.results):
                ref(("measure_results", "results", i, "measure"), r.measure, measure_ids, "measure", "measure_results")
        for i, memo in enumerate(self.memos):
            ref(("memos", i, "signer"), memo.signer, person_ids, "person", memo.id)
            for j, e in enumerate(memo.endorsements):
                if e.signer:
                    ref(("memos", i, "endorsements", j, "signer"), e.signer, person_ids, "person", memo.id)
            if memo.distribution and memo.distribution.divisions:
                for j, d in enumerate(memo.distribution.divisions):
                    ref(("memos", i, "distribution", "divisions", j), d, div_ids, "division", memo.id)
        if self.assessment:
            for k in self.assessment.indicators:
                if not 1 <= k <= 10:
                    problems.append((("assessment", "indicators", k), "indicator_range", {"value": k}))
            if self.assessment.year > self.fiscal_year:
                problems.append((("assessment", "year"), "assessment_year", {"year": self.assessment.year, "fy": self.fiscal_year}))
        return problems
