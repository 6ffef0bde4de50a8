"""Minutes (รายงานการประชุม) of committee meetings.

``minutes`` holds one รายงานการประชุม per meeting, laid out as ``docs/domain.md``
("Minutes") describes the published ones: attendees, agenda items
(ระเบียบวาระที่ ๑..n) with speaker turns and resolutions (มติ), the recorder and
the checker. The committee (`ita_docs.model.committee.Committee`) and its
members are written once and reused by every meeting.

A person in a meeting is named in one of three ways (`Who`): a string (a person
id of ``organisation.people`` or a member ``id`` of the committee), ``person:`` /
``member:`` explicitly, or ``name:`` + ``position:`` for someone the content
does not list.

Also here: meeting times (`Time`), the standard agenda items (`AGENDA_ORDER`),
and the computed meeting numbers and ids (`meeting_numbers`, `minutes_ids`).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from .. import thaifmt
from .base import ID, Blocks, Date, MAX_FILE_ID, Model, StrList

_TIME = re.compile(r"^(\d{1,2})\s*[.:]\s*(\d{2})(?:\s*น\.?)?$")


def _to_time(value: Any) -> Any:
    """Read a meeting time: ``"09.30"``, ``"9:30"``, ``"๐๙.๓๐ น."``, or a YAML number.

    YAML reads an unquoted ``9.30`` as the float 9.3 (taken as 09.30) and an
    unquoted ``9:30`` as the sexagesimal integer 570 (taken as minutes). Hours
    must be 0-23 and minutes 0-59; anything else raises ``ValueError("time")``.
    """
    if isinstance(value, dt.time):
        return value
    if isinstance(value, bool):
        raise ValueError("time")
    if isinstance(value, int):
        hours, minutes = (value, 0) if value < 24 else divmod(value, 60)
    elif isinstance(value, float):
        hours, minutes = (int(x) for x in f"{value:.2f}".split("."))
    elif isinstance(value, str):
        m = _TIME.match(thaifmt.to_digits(value.strip(), digits="arabic"))
        if not m:
            raise ValueError("time")
        hours, minutes = int(m.group(1)), int(m.group(2))
    else:
        raise ValueError("time")
    if not (0 <= hours <= 23 and 0 <= minutes <= 59):
        raise ValueError("time")
    return dt.time(hours, minutes)


Time = Annotated[dt.time, BeforeValidator(_to_time)]


AgendaKind = Literal["chair", "confirm", "inform", "consider", "other"]
# The five standard agenda items in their usual order (docs/domain.md, "Minutes").
AGENDA_ORDER: tuple[str, ...] = ("chair", "confirm", "inform", "consider", "other")


class Who(Model):
    """Someone named in minutes. A plain string in YAML is ``ref`` (a person or member id)."""

    _shorthand = "ref"

    ref: str | None = None
    person: str | None = None
    member: str | None = None
    name: str | None = None
    position: StrList = []

    @model_validator(mode="after")
    def _someone(self) -> Who:
        if not (self.ref or self.person or self.member or self.name or self.position):
            raise ValueError("member_who")
        return self

    @property
    def key(self) -> str | None:
        """The id this entry refers to, if any."""
        return self.ref or self.member or self.person


class Attendee(Who):
    """One row of an attendance list.

    ``for`` names the member this person stands in for (a substitute); ``as``
    is the wording (default "แทน", e.g. "รักษาราชการแทน"). ``reason`` is why a
    member is absent (ลาป่วย, ติดราชการ); ``note`` goes in the last column.
    """

    substitute_for: str | None = Field(default=None, alias="for")
    acting: str | None = Field(default=None, alias="as")
    reason: str | None = None
    note: str | None = None


class Turn(Model):
    """A speaker turn: who spoke (left column) and what was said (right column).

    ``label`` replaces the left column's text (e.g. "ประธาน", "เลขานุการ").
    """

    speaker: Who
    label: str | None = None
    said: Blocks = []


class AgendaSubItem(Model):
    """A numbered part of an agenda item (๓.๑, ๓.๒ ...).

    ``body`` is prose before the speaker ``turns``; ``resolution`` (มติ) is one
    line or prose blocks (``acknowledge``/``approve`` are shorthands for the
    standard words); ``after`` is prose after the resolution.
    """

    title: str | None = None
    body: Blocks = []
    turns: list[Turn] = []
    resolution: Blocks = []
    after: Blocks = []

    @property
    def empty(self) -> bool:
        return not (self.body or self.turns or self.resolution or self.after)


class AgendaItem(AgendaSubItem):
    """ระเบียบวาระที่ n: a standard ``kind`` (its title from the phrase data) or a ``title``."""

    kind: AgendaKind | None = None
    items: list[AgendaSubItem] = []

    @property
    def empty(self) -> bool:
        return super().empty and not self.items


class Minutes(Model):
    """รายงานการประชุม of one meeting of ``committee``.

    ``number`` (ครั้งที่ n/ปี) is computed when omitted: the meeting's order by
    date among the committee's meetings of the same calendar year (BE).
    ``present`` defaults to every member not ``absent`` nor replaced by a
    substitute. ``agenda`` defaults to the five standard items, each "- ไม่มี -".
    ``opening`` replaces the standard opening line; ``closing`` is prose
    after the last agenda item (the chair's closing words). ``start``/``end`` are
    times (``"09.30"``); ``end`` is printed as the closing time.
    """

    id: str | None = Field(default=None, pattern=ID, max_length=MAX_FILE_ID)
    committee: str
    title: str | None = None
    number: int | None = Field(default=None, ge=1)
    date: Date
    start: Time | None = None
    end: Time | None = None
    place: str | None = None
    cover: bool = False
    present: list[Attendee] | None = None
    absent: list[Attendee] = []
    attendees: list[Attendee] = []
    opening: Blocks | None = None
    agenda: list[AgendaItem] | None = None
    closing: Blocks = []
    recorder: Who | None = None
    checker: Who | None = None


def meeting_numbers(minutes: list[Minutes]) -> list[int]:
    """ครั้งที่ of each meeting: given, or its rank by date among its committee's meetings of that year.

    Meetings are numbered per calendar year (docs/domain.md, "Minutes"); a given
    number is kept and the computed ones count every meeting of the year.

    >>> m = [Minutes(committee="ita", date=d) for d in ("2566-11-20", "2566-03-01", "2567-01-05")]
    >>> meeting_numbers(m)
    [2, 1, 1]
    """
    out: list[int] = []
    for i, m in enumerate(minutes):
        if m.number is not None:
            out.append(m.number)
            continue
        same = [(x.date, j) for j, x in enumerate(minutes) if x.committee == m.committee and x.date.year == m.date.year]
        out.append(sorted(same).index((m.date, i)) + 1)
    return out


def minutes_ids(minutes: list[Minutes]) -> list[str]:
    """Each meeting's id: given, else ``<committee>-<number>-<BE year>`` (e.g. ``ita-1-2566``)."""
    return [m.id or f"{m.committee}-{n}-{thaifmt.be_year(m.date.year)}" for m, n in zip(minutes, meeting_numbers(minutes))]
