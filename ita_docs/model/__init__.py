"""Typed content model of one organisation's ITA paperwork for one fiscal year.

A *content set* is a folder of YAML files (``content/<name>/*.yaml``); their
top-level keys are merged and validated into one `Content` object (see
`ita_docs.load.loader`). Every document type takes its facts from this one object:

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

from typing import Any, Literal

from .assessment import Assessment, ItemScore, ToolScores
from .base import BLOCK_KINDS, Block, Blocks, Date, Model, Score, StrList, Table, YearBE
from .committee import (
    ROLE_LABELS,
    AppointingOrder,
    Committee,
    Member,
    committee_problems,
)
from .measures import Measure, MeasureGroup, Period, Step
from .memos import Distribution, Endorsement, Memo
from .minutes import (
    AgendaItem,
    AgendaSubItem,
    Attendee,
    Minutes,
    Turn,
    Who,
    meeting_numbers,
    minutes_ids,
)
from .oit_followup import OIT_STATUS, OitFollowup, OitRow
from .organisation import Division, Organisation, OrganisationKind, Person
from .reports import (
    AnalysisReport,
    Finding,
    FindingGroup,
    FindingItem,
    ItemCitation,
    MeasurePlan,
    MeasureResult,
    MeasureResultsReport,
    NextYear,
    Output,
)
from .slides import SLIDE_INSERTS, Slide, SlideBlock


class Content(Model):
    """One organisation's content for one fiscal year (BE): the single source of truth.

    ``digits`` chooses Thai (default) or Arabic digits in every document.
    ``item_titles`` supplies or overrides ITA item titles (``o11: ข้อมูลสถิติ...``).
    ``document_digits`` overrides ``digits`` per document (``analysis-slides: arabic``).
    ``templates`` names a folder (relative to the content folder) whose .docx
    files replace the bundled templates of the same name.
    ``obstacles`` are the problems and obstacles (ปัญหาและอุปสรรค) presented to the committee.
    ``framework_year`` names the framework year whose rules apply to a year without framework
    data of its own (e.g. ``2569`` for 2570 until the NACC publishes the 2570 manual); every
    document that uses them says so, and ``check`` warns (issue 17, ``docs/years.md``).
    ``analysis_slides`` are the slides of the analysis deck (`ita_docs.model.slides`); left
    out, the deck is drafted from the rest of the content.
    """

    fiscal_year: YearBE
    framework_year: YearBE | None = None
    digits: Literal["thai", "arabic"] = "thai"
    organisation: Organisation
    assessment: Assessment | None = None
    item_titles: dict[str, str] = {}
    measures: list[Measure] = []
    analysis_report: AnalysisReport | None = None
    measure_plan: MeasurePlan | None = None
    measure_results: MeasureResultsReport | None = None
    memos: list[Memo] = []
    committees: list[Committee] = []
    minutes: list[Minutes] = []
    oit_followup: OitFollowup | None = None
    obstacles: StrList = []
    analysis_slides: list[Slide] | None = None
    templates: str | None = None
    document_digits: dict[str, Literal["thai", "arabic"]] = {}

    # ---- lookups

    def measure(self, measure_id: str) -> Measure:
        return next(m for m in self.measures if m.id == measure_id)

    def division(self, division_id: str) -> Division:
        return next(d for d in self.organisation.divisions if d.id == division_id)

    def person(self, person_id: str) -> Person:
        return next(p for p in self.organisation.people if p.id == person_id)

    def committee(self, committee_id: str) -> Committee:
        return next(c for c in self.committees if c.id == committee_id)

    def minutes_ids(self) -> list[str]:
        """Each meeting's id: given, else ``<committee>-<number>-<BE year>``."""
        return minutes_ids(self.minutes)

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
                problems.append(
                    (path, "unknown_ref", {"kind": kind, "id": value, "owner": owner, "known": known})
                )

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
            groups(
                ("analysis_report", "next_year", "groups"),
                self.analysis_report.next_year.groups,
                "analysis_report",
            )
        if self.measure_plan:
            groups(("measure_plan", "groups"), self.measure_plan.groups, "measure_plan")
        if self.measure_results:
            for i, r in enumerate(self.measure_results.results):
                ref(
                    ("measure_results", "results", i, "measure"),
                    r.measure,
                    measure_ids,
                    "measure",
                    "measure_results",
                )
        for i, memo in enumerate(self.memos):
            ref(("memos", i, "signer"), memo.signer, person_ids, "person", memo.id)
            for j, e in enumerate(memo.endorsements):
                if e.signer:
                    ref(("memos", i, "endorsements", j, "signer"), e.signer, person_ids, "person", memo.id)
            if memo.distribution and memo.distribution.divisions:
                for j, d in enumerate(memo.distribution.divisions):
                    ref(("memos", i, "distribution", "divisions", j), d, div_ids, "division", memo.id)
        problems += committee_problems(self.committees, self.minutes, self.oit_followup, person_ids, div_ids)
        minutes_ids = self.minutes_ids()
        for i, memo in enumerate(self.memos):
            if memo.minutes:
                ref(("memos", i, "minutes"), memo.minutes, minutes_ids, "minutes", memo.id)
        if self.assessment:
            for k in self.assessment.indicators:
                if not 1 <= k <= 10:
                    problems.append((("assessment", "indicators", k), "indicator_range", {"value": k}))
            if self.assessment.year > self.fiscal_year:
                problems.append(
                    (
                        ("assessment", "year"),
                        "assessment_year",
                        {"year": self.assessment.year, "fy": self.fiscal_year},
                    )
                )
        return problems


__all__ = [
    "BLOCK_KINDS",
    "OIT_STATUS",
    "ROLE_LABELS",
    "SLIDE_INSERTS",
    "AgendaItem",
    "AgendaSubItem",
    "AnalysisReport",
    "AppointingOrder",
    "Assessment",
    "Attendee",
    "Block",
    "Blocks",
    "Committee",
    "Content",
    "Date",
    "Distribution",
    "Division",
    "Endorsement",
    "Finding",
    "FindingGroup",
    "FindingItem",
    "ItemCitation",
    "ItemScore",
    "Measure",
    "MeasureGroup",
    "MeasurePlan",
    "MeasureResult",
    "MeasureResultsReport",
    "Member",
    "Memo",
    "Minutes",
    "Model",
    "NextYear",
    "OitFollowup",
    "OitRow",
    "Organisation",
    "OrganisationKind",
    "Output",
    "Period",
    "Person",
    "Score",
    "Slide",
    "SlideBlock",
    "Step",
    "StrList",
    "Table",
    "ToolScores",
    "Turn",
    "Who",
    "YearBE",
    "meeting_numbers",
]
