"""Who is who in committee documents: people, committee members and named outsiders.

A `ita_docs.model.Who` names someone by a person id (``organisation.people``),
a committee member id, or name and position; `resolve` turns it into the
name, position lines and committee role printed in attendance lists, speaker
turns and signature blocks.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Committee, Member, Who
from .prose import Writer


@dataclass(frozen=True)
class Named:
    """Someone as printed: ``name`` (may be empty for a position-only member), ``position`` lines, committee ``role``."""

    name: str
    position: list[str]
    role: str
    member: Member | None = None

    def label(self) -> str:
        """The name, else the first position line (a member named only by position)."""
        return self.name or (self.position[0] if self.position else "")


def resolve(w: Writer, committee: Committee | None, who: Who | Member) -> Named:
    """Name, position and committee role of ``who`` (a `Who` or a `Member`)."""
    c = w.c
    people = {p.id: p for p in c.organisation.people}
    member: Member | None
    if isinstance(who, Member):
        member, key = who, who.person
    else:
        key = who.key
        member = committee.member(key) if committee and key else None
    person_id = (who.person if not isinstance(who, Member) else None) or (member.person if member else None)
    if person_id is None and key in people:
        person_id = key
    person = people.get(person_id) if person_id else None
    name = who.name or (person.name if person else None) or (member.name if member else None) or ""
    position = (
        list(who.position)
        or (list(person.position) if person else [])
        or (list(member.position) if member else [])
    )
    return Named(w.text(name), [w.text(p) for p in position], member.role_label if member else "", member)


def member_cells(w: Writer, m: Member) -> list[str]:
    """Name, position and role cells of a committee member; a member known by position only has
    an empty name cell and the position under ตำแหน่ง (issue 16: not under "ชื่อ - สกุล")."""
    n = resolve(w, None, m)
    return [n.name, "\n".join(n.position), n.role]
