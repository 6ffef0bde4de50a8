"""Committees, their meetings' minutes, and the OIT follow-up checklist.

- ``committees``: the ITA follow-up committee (คณะกรรมการติดตามและพัฒนาผลการประเมิน
  ITA) and any other, appointed by an order (คำสั่ง ... ที่ ๑๒๓/๒๕๖๕), with its
  members and numbered duties (อำนาจหน้าที่). Members are written once and reused
  by every meeting.
- ``minutes``: one รายงานการประชุม per meeting, laid out as ``shared/domain.md``
  ("Minutes") describes the published ones: attendees, agenda items
  (ระเบียบวาระที่ ๑..n) with speaker turns and resolutions (มติ), the recorder and
  the checker.
- ``oit_followup``: one row per OIT item of last year's assessment, with this
  year's status (the status words of ``shared/domain.md``).

A person in a meeting is named in one of three ways (`Who`): a string (a person
id of ``organisation.people`` or a member ``id`` of the committee), ``person:`` /
``member:`` explicitly, or ``name:`` + ``position:`` for someone the content
does not list.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator

from .. import thaifmt
from .base import Blocks, Date, Model, Score, StrList, YearBE

ID = r"^[A-Za-z0-9_.-]+$"

# Committee roles (domain.md, "The ITA follow-up committee"); any other text is printed as written.
ROLE_LABELS = {
    "chair": "ประธานกรรมการ",
    "vice_chair": "รองประธานกรรมการ",
    "member": "กรรมการ",
    "secretary": "กรรมการและเลขานุการ",
    "assistant_secretary": "กรรมการและผู้ช่วยเลขานุการ",
}

# OIT follow-up status words seen in published checklists (domain.md), in the order counts are shown.
OIT_STATUS = {
    "done": "ดำเนินการเรียบร้อยแล้ว",
    "current": "ดำเนินการเป็นปัจจุบัน",
    "partial": "ดำเนินการแล้วบางส่วน",
    "in_progress": "ระหว่างดำเนินการ",
    "pending": "รอดำเนินการ",
    "not_started": "ยังไม่ได้ดำเนินการ",
}
_STATUS_SYNONYMS = {"กำลังดำเนินการ": "in_progress", **{label: key for key, label in OIT_STATUS.items()}}

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


# --------------------------------------------------------------------------- committee


AgendaKind = Literal["chair", "confirm", "inform", "consider", "other"]
# The five standard agenda items in their usual order (domain.md, "Minutes").
AGENDA_ORDER: tuple[str, ...] = ("chair", "confirm", "inform", "consider", "other")


class AppointingOrder(Model):
    """The order (คำสั่ง) that appointed a committee: ที่ ``number`` ลงวันที่ ``date`` เรื่อง ``subject``."""

    issuer: str | None = None
    number: str
    date: Date | None = None
    subject: str | None = None


class Member(Model):
    """A committee member: a ``person`` id, or a ``position`` (optionally with ``name``).

    ``role`` is ``chair``, ``vice_chair``, ``member``, ``secretary``,
    ``assistant_secretary`` (Thai labels in `ROLE_LABELS`) or free text.
    ``id`` lets minutes refer to a member that is not a person of the content.
    """

    id: str | None = Field(default=None, pattern=ID)
    person: str | None = None
    name: str | None = None
    position: StrList = []
    role: str = "member"

    @model_validator(mode="after")
    def _who(self) -> Member:
        if not (self.person or self.position or self.name):
            raise ValueError("member_who")
        return self

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


class Committee(Model):
    """A committee (คณะกรรมการ): its name, appointing order, members and numbered duties.

    ``agenda_titles`` words the standard agenda items as this committee does
    (e.g. ``chair: เรื่องประธานแจ้งให้ที่ประชุมทราบ``) in all its meetings;
    ``sub_item_label`` numbers sub-items (default ``{n}`` → "๓.๑", or e.g.
    ``ระเบียบวาระที่ {n}``).
    """

    id: str = Field(pattern=ID)
    name: str
    order: AppointingOrder | None = None
    members: list[Member] = []
    duties: StrList = []
    agenda_titles: dict[AgendaKind, str] = {}
    sub_item_label: str | None = None

    def member(self, key: str) -> Member | None:
        """The member whose ``id`` or ``person`` is ``key``."""
        return next((m for m in self.members if key in (m.id, m.person)), None)


# --------------------------------------------------------------------------- minutes


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

    id: str | None = Field(default=None, pattern=ID)
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


# --------------------------------------------------------------------------- OIT follow-up


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


def meeting_numbers(minutes: list[Minutes]) -> list[int]:
    """ครั้งที่ of each meeting: given, or its rank by date among its committee's meetings of that year.

    Meetings are numbered per calendar year (domain.md, "Minutes"); a given
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


Problem = tuple[tuple[Any, ...], str, dict[str, Any]]


def committee_problems(
    committees: list[Committee],
    minutes: list[Minutes],
    oit: OitFollowup | None,
    person_ids: list[str],
    division_ids: list[str],
) -> list[Problem]:
    """Cross-references of committees, minutes and the OIT checklist, as ``(path, message_id, params)``.

    Unknown person, member, committee or division ids; duplicate committee,
    member and minutes ids; a substitute for someone who is not a member; an
    end time that is not after the start time.
    """
    problems: list[Problem] = []

    def ref(path: tuple[Any, ...], value: str, known: list[str], kind: str, owner: str) -> None:
        if value not in known:
            problems.append((path, "unknown_ref", {"kind": kind, "id": value, "owner": owner, "known": known}))

    def dup(path: tuple[Any, ...], ids: list[str | None], field: str = "id") -> None:
        seen: set[str] = set()
        for i, x in enumerate(ids):
            if x is not None and x in seen:
                problems.append(((*path, i, field), "duplicate_id", {"id": x}))
            if x is not None:
                seen.add(x)

    dup(("committees",), [c.id for c in committees])
    by_id = {c.id: c for c in committees}
    for ci, c in enumerate(committees):
        dup(("committees", ci, "members"), [m.id for m in c.members])
        for mi, m in enumerate(c.members):
            if m.person:
                ref(("committees", ci, "members", mi, "person"), m.person, person_ids, "person", c.id)

    dup(("minutes",), minutes_ids(minutes))
    for i, m in enumerate(minutes):
        owner = m.id or f"minutes[{i}]"
        c = by_id.get(m.committee)
        if c is None:
            ref(("minutes", i, "committee"), m.committee, list(by_id), "committee", owner)
            continue
        member_keys = [k for mem in c.members for k in (mem.id, mem.person) if k]
        anyone = sorted(set(member_keys) | set(person_ids))

        def who(path: tuple[Any, ...], w: Who) -> None:
            if w.ref:
                ref((*path, "ref"), w.ref, anyone, "person", owner)
            if w.person:
                ref((*path, "person"), w.person, person_ids, "person", owner)
            if w.member:
                ref((*path, "member"), w.member, member_keys, "member", owner)

        for field in ("present", "absent", "attendees"):
            for j, a in enumerate(getattr(m, field) or []):
                who(("minutes", i, field, j), a)
                if a.substitute_for:
                    ref(("minutes", i, field, j, "for"), a.substitute_for, member_keys, "member", owner)
        for j, item in enumerate(m.agenda or []):
            if not (item.kind or item.title) and j >= len(AGENDA_ORDER):
                problems.append((("minutes", i, "agenda", j), "agenda_title", {"n": j + 1}))
            subs = [(("minutes", i, "agenda", j), item)] + [
                (("minutes", i, "agenda", j, "items", k), s) for k, s in enumerate(item.items)
            ]
            for path, sub in subs:
                for t, turn in enumerate(sub.turns):
                    who((*path, "turns", t, "speaker"), turn.speaker)
        for field in ("recorder", "checker"):
            w = getattr(m, field)
            if w is not None:
                who(("minutes", i, field), w)
        if m.start and m.end and m.end <= m.start:
            problems.append((("minutes", i, "end"), "time_order", {"start": m.start.strftime("%H.%M"), "end": m.end.strftime("%H.%M")}))
    if oit:
        for j, row in enumerate(oit.rows):
            if row.responsible:
                ref(("oit_followup", "rows", j, "responsible"), row.responsible, division_ids, "division", "oit_followup")
    return problems
