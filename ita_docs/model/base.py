"""Shared building blocks of the content model: the base `Model`, scores, BE years,
dates typed in BE, one-or-many lists and prose `Block`s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from .. import thaifmt

Score = Annotated[float, Field(ge=0, le=100)]
YearBE = Annotated[int, Field(ge=2500, le=2700)]
#: The pattern of an id that content refers to (committees, members, minutes).
ID = r"^[A-Za-z0-9_.-]+$"
MAX_FILE_ID = 80  # characters of an id that names an output file (memo-<id>.docx): well under 255 (issue 19)


def _to_list(value: Any) -> Any:
    """Accept a single string where a list of strings is expected."""
    if isinstance(value, str):
        return [value]
    return value


def _date_parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of ``YYYY-MM-DD`` text (Thai digits allowed; month and day may be
    one digit), or None if the text has another shape.

    >>> _date_parts("๒๕๖๖-๐๔-๑๕"), _date_parts("2566-4-5"), _date_parts("15/04/2566")
    ((2566, 4, 15), (2566, 4, 5), None)
    """
    parts = thaifmt.to_digits(text.strip(), digits="arabic").split("-")
    if len(parts) != 3 or not all(p.isascii() and p.isdigit() for p in parts):
        return None
    if len(parts[0]) != 4 or not all(1 <= len(p) <= 2 for p in parts[1:]):
        return None
    year, month, day = (int(p) for p in parts)
    return year, month, day


def _to_date(value: Any) -> Any:
    """Read a date written ``YYYY-MM-DD``; a BE year (> 2400) is turned into CE first.

    The loader hands dates over as text (it does not let YAML build them), so the
    day is checked in the right calendar year: ``2567-02-29`` is 29 February 2024,
    a real leap day, while ``2566-02-30`` does not exist. Raises ``ValueError("date")``
    for text of another shape and ``ValueError("date_impossible")`` for a day that is
    not in the calendar (the loader turns both into located messages).

    >>> _to_date("2567-02-29"), _to_date(dt.date(2566, 4, 15))
    (datetime.date(2024, 2, 29), datetime.date(2023, 4, 15))
    """
    if value is None:
        return value
    if isinstance(value, dt.date):
        try:
            return thaifmt.to_ce_date(value)
        except ValueError:
            raise ValueError("date_impossible") from None
    parts = _date_parts(value) if isinstance(value, str) else None
    if parts is None:
        raise ValueError("date")
    try:
        return thaifmt.ce_date(*parts)
    except ValueError:
        raise ValueError("date_impossible") from None


StrList = Annotated[list[str], BeforeValidator(_to_list)]
Date = Annotated[dt.date, BeforeValidator(_to_date)]


class Model(BaseModel):
    """Base of every content model: unknown keys are errors, values are immutable.

    A model whose ``_shorthand`` names a field also accepts a plain string in
    YAML for that field alone (``- ตามที่...`` is ``{paragraph: ตามที่...}``).

    ``defer_build``: a model's validator is built when it first validates, not when its class is
    made. Loading a set validates `Content` only, whose validator holds every nested model; built
    per class as well, the 53 models cost a fresh process about 0.1 s more (issue 19).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)
    _shorthand: ClassVar[str | None] = None

    @model_validator(mode="before")
    @classmethod
    def _from_shorthand(cls, value: Any) -> Any:
        if cls._shorthand and isinstance(value, str):
            return {cls._shorthand: value}
        return value


def _item_code(value: str) -> str:
    letter, number = thaifmt.parse_item_code(value)
    return f"{letter}{number}"


# An ITA item code as written in documents' data: i1, e7, o22 (Thai digits and capitals accepted).
ItemCode = Annotated[str, AfterValidator(_item_code)]


# --------------------------------------------------------------------------- prose


class Table(Model):
    """A free table inside prose: a header row and body rows of text cells.

    ``widths`` gives the columns' relative widths (e.g. ``[4, 6, 2]``, any unit:
    they share the available width in that proportion); without it each column
    is sized by its content (`ita_docs.documents.prose.content_widths`).
    ``align`` sets each column's alignment (``left``, ``center``, ``right``);
    by default a column of numbers only is centred, as every score column is.
    """

    header: list[str] = []
    rows: list[list[str]]
    widths: list[Annotated[float, Field(gt=0)]] | None = None
    align: list[Literal["left", "center", "right"]] | None = None


BLOCK_KINDS = ("paragraph", "heading", "bullets", "numbered", "dashes", "table", "insert")

# Tables computed from the content that prose may insert by name (``{insert: lowest}``), not retyped.
INSERTS = ("scores", "indicators", "ranking", "lowest", "below_pass", "oit_followup", "members", "duties")


class Block(Model):
    """One block of free prose. A plain string in YAML is a paragraph.

    Exactly one of the fields is set: ``paragraph`` (text), ``heading`` (bold
    line), ``bullets`` (list, drawn with a bullet character in the Thai font),
    ``numbered`` (list, ๑. ๒. ...), ``dashes`` (list drawn with "-"),
    ``table``, ``insert`` (a table computed from the content, one of
    `INSERTS`: the score box and tool table, the ten indicators, the ranking,
    the three lowest, those below the pass mark, the OIT follow-up checklist,
    the committee's members or duties). ``indent: false`` drops the 2.5 cm first-line indent of a
    paragraph; ``center: true`` centres a heading or paragraph; ``caption: false`` leaves out
    an inserted table's own caption lines (e.g. the appointing order above ``members`` when
    the text already names it).
    """

    _shorthand = "paragraph"

    paragraph: str | None = None
    heading: str | None = None
    bullets: list[str] | None = None
    numbered: list[str] | None = None
    dashes: list[str] | None = None
    table: Table | None = None
    insert: Literal[INSERTS] | None = None  # type: ignore[valid-type]
    indent: bool = True
    caption: bool = True
    center: bool = False

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


def walk(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every value inside ``value`` with its field path, as the YAML wrote it.

    Model fields are named by their YAML key (the alias, e.g. ``for``), list
    items by index and mapping entries by key, so a path can be located with
    `ita_docs.load.loader.Positions.locate`. Unset fields (None) are skipped.
    """
    yield path, value
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            child = getattr(value, name)
            if child is not None:
                yield from walk(child, (*path, info.alias or name))
    elif isinstance(value, (list, tuple)):
        for i, child in enumerate(value):
            yield from walk(child, (*path, i))
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from walk(child, (*path, key))
