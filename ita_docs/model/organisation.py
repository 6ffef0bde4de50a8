"""The organisation (หน่วยงาน): divisions and people, referred to by id everywhere."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Model, StrList

OrganisationKind = Literal[
    "อบจ.", "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "อบต.", "กรุงเทพมหานคร", "เมืองพัทยา", "ส่วนราชการ"
]


class Division(Model):
    """A division (สำนัก/กอง/หน่วย) of the organisation, referred to by ``id``."""

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    name: str


class Person(Model):
    """A person who signs or attends: full name with title, position line(s)."""

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    name: str
    position: StrList = []
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
