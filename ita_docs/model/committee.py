"""Committees (``committees``) and the cross-references of committees, minutes and the OIT checklist.

The ITA follow-up committee (คณะกรรมการติดตามและพัฒนาผลการประเมิน ITA) and any
other, appointed by an order (คำสั่ง ... ที่ ๑๒๓/๒๕๖๕), with its members and
numbered duties (อำนาจหน้าที่). Members are written once and reused by every
meeting (`ita_docs.model.minutes`).

`committee_problems` checks the ids that committees, minutes
(`ita_docs.model.minutes`) and the OIT follow-up (`ita_docs.model.oit_followup`)
refer to.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import Field, model_validator

from .base import ID, Date, Model, StrList
from .minutes import AGENDA_ORDER, AgendaKind, Minutes, Who, minutes_ids
from .oit_followup import OitFollowup

# Committee roles (docs/domain.md, "The ITA follow-up committee"); any other text is printed as written.
ROLE_LABELS = {
    "chair": "ประธานกรรมการ",
    "vice_chair": "รองประธานกรรมการ",
    "member": "กรรมการ",
    "secretary": "กรรมการและเลขานุการ",
    "assistant_secretary": "กรรมการและผู้ช่วยเลขานุการ",
}

# Thai role words as committees write them, understood as the roles they name (issue 16);
# the member's role is still printed as typed.
ROLE_WORDS = {
    "ประธาน": "chair",
    "ประธานกรรมการ": "chair",
    "ประธานคณะกรรมการ": "chair",
    "รองประธาน": "vice_chair",
    "รองประธานกรรมการ": "vice_chair",
    "กรรมการ": "member",
    "เลขานุการ": "secretary",
    "กรรมการและเลขานุการ": "secretary",
    "ผู้ช่วยเลขานุการ": "assistant_secretary",
    "กรรมการและผู้ช่วยเลขานุการ": "assistant_secretary",
}


def role_key(role: str) -> str | None:
    """The role a ``role`` names: a key of `ROLE_LABELS` as given or written in Thai, else None.

    >>> role_key("chair"), role_key("ประธาน"), role_key("กรรมการและเลขานุการ"), role_key("ที่ปรึกษา")
    ('chair', 'chair', 'secretary', None)
    """
    text = " ".join(role.split())
    return text if text in ROLE_LABELS else ROLE_WORDS.get(text)


class AppointingOrder(Model):
    """The order (คำสั่ง) that appointed a committee: ที่ ``number`` ลงวันที่ ``date`` เรื่อง ``subject``."""

    issuer: str | None = None
    number: str
    date: Date | None = None
    subject: str | None = None


class Member(Model):
    """A committee member: a ``person`` id, or a ``position`` (optionally with ``name``).

    ``role`` is ``chair``, ``vice_chair``, ``member``, ``secretary``,
    ``assistant_secretary`` (printed with the Thai labels of `ROLE_LABELS`), a
    Thai role word (``ประธาน``, ``กรรมการและเลขานุการ`` ... `ROLE_WORDS`: printed
    as typed and understood as that role, e.g. who chairs) or other free text.
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
        """The role as printed: the Thai label of a key, else the text as typed."""
        return ROLE_LABELS.get(self.role, self.role)

    @property
    def role_key(self) -> str | None:
        """The role this member holds (`role_key`), or None for other text."""
        return role_key(self.role)


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
            problems.append(
                (path, "unknown_ref", {"kind": kind, "id": value, "owner": owner, "known": known})
            )

    def dup(path: tuple[Any, ...], ids: Sequence[str | None], field: str = "id") -> None:
        seen: set[str] = set()
        for i, x in enumerate(ids):
            if x is not None and x in seen:
                problems.append(((*path, i, field), "duplicate_id", {"id": x}))
            if x is not None:
                seen.add(x)

    dup(("committees",), [c.id for c in committees])
    by_id = {c.id: c for c in committees}
    for ci, com in enumerate(committees):
        dup(("committees", ci, "members"), [m.id for m in com.members])
        for mi, mem in enumerate(com.members):
            if mem.person:
                ref(("committees", ci, "members", mi, "person"), mem.person, person_ids, "person", com.id)

    dup(("minutes",), minutes_ids(minutes))
    for i, m in enumerate(minutes):
        owner = m.id or f"minutes[{i}]"
        c = by_id.get(m.committee)
        if c is None:
            ref(("minutes", i, "committee"), m.committee, list(by_id), "committee", owner)
            continue
        member_keys = [k for mem in c.members for k in (mem.id, mem.person) if k]
        anyone = sorted(set(member_keys) | set(person_ids))

        def who(
            path: tuple[Any, ...],
            w: Who,
            anyone: list[str] = anyone,
            owner: str = owner,
            member_keys: list[str] = member_keys,
        ) -> None:
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
            problems.append(
                (
                    ("minutes", i, "end"),
                    "time_order",
                    {"start": m.start.strftime("%H.%M"), "end": m.end.strftime("%H.%M")},
                )
            )
    if oit:
        for j, row in enumerate(oit.rows):
            if row.responsible:
                ref(
                    ("oit_followup", "rows", j, "responsible"),
                    row.responsible,
                    division_ids,
                    "division",
                    "oit_followup",
                )
    return problems
