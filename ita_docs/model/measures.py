"""Measures (มาตรการ), defined once with an id, and tables of them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Date, ItemCode, Model, StrList, YearBE


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

    _shorthand = "text"

    text: str | None = None
    fiscal_year: YearBE | None = None
    start: Date | None = None
    end: Date | None = None
    until: Date | None = None
    style: Literal["months", "short", "long"] = "short"

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

    _shorthand = "text"

    text: str
    bullets: list[str] = []


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
    item: ItemCode | None = None
    indicators: list[int] = []
    items: list[str] = []
    requirement: str | None = None
    steps: list[Step] = []
    steps_style: Literal["numbered", "bullets", "dashes", "plain"] = "numbered"
    responsible: list[str] = []
    responsible_other: StrList = []
    period: Period | None = None
    follow_up: StrList = []


class MeasureGroup(Model):
    """A table of measures: an introductory line and the measure ids, in order.

    ``numbered: true`` prefixes titles with ๑. ๒. ...; measures with an ``item``
    show the item code instead.
    """

    title: str | None = None
    measures: list[str]
    numbered: bool = True
