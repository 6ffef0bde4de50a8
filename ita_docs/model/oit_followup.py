"""The OIT follow-up checklist (``oit_followup``).

One row per OIT item of last year's assessment, with this year's status (the
status words of ``docs/domain.md``, `OIT_STATUS`) and the division responsible.
A status is printed exactly as typed; known synonyms (`STATUS_SYNONYMS`) are
merged only when items are counted per status (issue 16).
"""

from __future__ import annotations

from typing import Any, Literal

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
# Other words for a standard status: counted under it, printed as typed.
STATUS_SYNONYMS = {"กำลังดำเนินการ": "in_progress", "อยู่ระหว่างดำเนินการ": "in_progress", "ดำเนินการแล้ว": "done"}
_STATUS_KEYS = {**STATUS_SYNONYMS, **{label: key for key, label in OIT_STATUS.items()}}
# The columns of the checklist, in their order (`OitFollowup.columns`).
OIT_COLUMNS = ("number", "item", "title", "score", "status", "responsible", "note")


class OitRow(Model):
    """One OIT item of last year's assessment and this year's follow-up.

    ``item`` is an OIT code (``o1``..); ``title`` defaults to the framework's
    title of that item for the checklist's year. ``score`` is last year's item
    score (0-100). ``status`` is a key of `OIT_STATUS` (printed in its Thai
    words), or text printed as typed; a row without a status is listed but not
    counted. ``responsible`` is a division id.
    """

    item: str | None = None
    title: str | None = None
    score: Score | None = None
    status: str | None = None
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

    @model_validator(mode="after")
    def _named(self) -> OitRow:
        if not (self.item or self.title):
            raise ValueError("oit_row")
        return self

    @property
    def status_label(self) -> str:
        """The status as printed: the Thai words of a key, else exactly as typed ("" when none)."""
        if self.status is None:
            return ""
        return OIT_STATUS.get(self.status, self.status)

    @property
    def status_key(self) -> str | None:
        """The status this row is counted under: a key of `OIT_STATUS` when the typed text
        is a key, its Thai words or a synonym (`STATUS_SYNONYMS`), else the typed text; None
        without a status (not counted)."""
        if self.status is None:
            return None
        text = " ".join(self.status.split())
        return text if text in OIT_STATUS else _STATUS_KEYS.get(text, self.status)


class OitFollowup(Model):
    """The OIT follow-up checklist; a plain list in YAML is ``rows``.

    ``year`` is the assessed fiscal year whose items these are (default: the
    assessment's year, else the fiscal year before ``Content.fiscal_year``).
    ``columns`` chooses the checklist's columns and their order from
    `OIT_COLUMNS`; by default every column that holds something in some row
    (an empty ผู้รับผิดชอบ or หมายเหตุ column is left out).
    """

    title: str | None = None
    year: YearBE | None = None
    columns: list[Literal[OIT_COLUMNS]] | None = None  # type: ignore[valid-type]
    rows: list[OitRow]

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, value: Any) -> Any:
        return {"rows": value} if isinstance(value, list) else value
