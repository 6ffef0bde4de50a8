"""The OIT follow-up checklist (``oit_followup``).

One row per OIT item of last year's assessment, with this year's status (the
status words of ``docs/domain.md``, `OIT_STATUS`) and the division responsible.
"""
from __future__ import annotations

from typing import Any

from pydantic import field_validator, model_validator

from .. import thaifmt
from .base import Model, Score, YearBE

# OIT follow-up status words seen in published checklists (docs/domain.md), in the order counts are shown.
OIT_STATUS = {
    "done": "ดำเนินการเรียบร้อยแล้ว",
    "current": "ดำเนินการเป็นปัจจุบัน",
    "partial": "ดำเนินการแล้วบางส่วน",
    "in_progress": "ระหว่างดำเนินการ",
    "pending": "รอดำเนินการ",
    "not_started": "ยังไม่ได้ดำเนินการ",
}
_STATUS_SYNONYMS = {"กำลังดำเนินการ": "in_progress", **{label: key for key, label in OIT_STATUS.items()}}


class OitRow(Model):
    """One OIT item of last year's assessment and this year's follow-up.

    ``item`` is an OIT code (``o1``..); ``title`` defaults to the framework's
    title of that item for the checklist's year. ``score`` is last year's item
    score (0-100). ``status`` is a key of `OIT_STATUS`, one of its Thai
    words, or free text. ``responsible`` is a division id.
    """

    item: str | None = None
    title: str | None = None
    score: Score | None = None
    status: str
    responsible: str | None = None
    note: str | None = None

    @field_validator("item")
    @classmethod
    def _item(cls, value: str | None) -> str | None:
        if value is None:
            return None
        letter, number = thaifmt.parse_item_code(value)
        if letter != "o":
            raise ValueError("oit_item")
        return f"o{number}"

    @field_validator("status")
    @classmethod
    def _status(cls, value: str) -> str:
        return _STATUS_SYNONYMS.get(value, value)

    @model_validator(mode="after")
    def _named(self) -> OitRow:
        if not (self.item or self.title):
            raise ValueError("oit_row")
        return self

    @property
    def status_label(self) -> str:
        return OIT_STATUS.get(self.status, self.status)


class OitFollowup(Model):
    """The OIT follow-up checklist; a plain list in YAML is ``rows``.

    ``year`` is the assessed fiscal year whose items these are (default: the
    assessment's year, else the fiscal year before ``Content.fiscal_year``).
    """

    title: str | None = None
    year: YearBE | None = None
    rows: list[OitRow]

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, value: Any) -> Any:
        return {"rows": value} if isinstance(value, list) else value
