"""Shared building blocks of the content model: the base `Model`, scores, BE years,
dates typed in BE, one-or-many lists and prose `Block`s.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from .. import thaifmt


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
