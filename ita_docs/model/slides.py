"""The analysis slide deck as content: ``analysis_slides``, a list of slides.

Left out, the deck is drafted (`ita_docs.documents.analysis_slides`: the
title slide, overall score, tool chart, indicator table and chart, the lowest
three, one slide per weakness and point to improve the report lists, the OIT
checklist and its summary, problems and obstacles). Given, the deck is
exactly these slides, in this order; ``{insert: drafted}`` puts the drafted
slides at that place.

A slide::

    - title: ผลการดำเนินงานตามมาตรการ        # left out: the title of its insert
      body:
        - ข้อความเป็นย่อหน้า                     # a string is a paragraph
        - bullets: [ข้อหนึ่ง, ข้อสอง]
        - insert: lowest                       # a table or chart computed from the content
          n: 5
    - insert: indicator                        # a slide of one computed insert (title from phrases)
      indicator: 7
      problems: [การประชาสัมพันธ์ยังไม่ทั่วถึง]  # shown as written, numbered ประเด็นที่ 1..n
      remedies: [เพิ่มช่องทางการประชาสัมพันธ์]
    - {layout: section, title: ส่วนที่ 2 แผนการพัฒนา}

Text may use ``{{ expressions }}`` and ``**bold**`` like other prose.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from .base import Model, StrList, Table

#: Computed inserts of a slide, and ``drafted`` (the whole drafted deck) at the slide level.
SLIDE_INSERTS = (
    "overall",
    "scores",
    "tool_chart",
    "indicators",
    "indicator_chart",
    "ranking",
    "lowest",
    "below_pass",
    "oit_status",
    "oit_items",
    "oit_followup",
    "obstacles",
    "indicator",
    "weaknesses",
    "improvements",
    "strengths",
    "measures",
)
SLIDE_BLOCK_KINDS = ("paragraph", "heading", "bullets", "numbered", "dashes", "table", "insert")


class SlideBlock(Model):
    """One block of a slide's body: exactly one of ``paragraph``, ``heading`` (bold), ``bullets``, ``numbered``,
    ``dashes``, ``table`` or ``insert`` (with ``n``, ``indicator``, ``problems``, ``remedies`` for the inserts
    that take them): the block kinds of other prose (`ita_docs.model.base.Block`), so text moves between them."""

    _shorthand = "paragraph"

    paragraph: str | None = None
    heading: str | None = None
    bullets: StrList | None = None
    numbered: StrList | None = None
    dashes: StrList | None = None
    table: Table | None = None
    insert: Literal[SLIDE_INSERTS] | None = None  # type: ignore[valid-type]
    n: int | None = Field(default=None, ge=1, le=10)
    indicator: int | None = Field(default=None, ge=1, le=10)
    problems: StrList | None = None
    remedies: StrList | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> SlideBlock:
        kinds = [k for k in SLIDE_BLOCK_KINDS if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise _problem("slide_block_kind")
        if self.insert == "indicator" and self.indicator is None:
            raise _problem("slide_indicator")
        return self

    @property
    def kind(self) -> str:
        return next(k for k in SLIDE_BLOCK_KINDS if getattr(self, k) is not None)


def _problem(message_id: str) -> ValueError:
    """A located error worded for the user (messages are imported late: models stay low in the import graph)."""
    from ..messages import msg

    return ValueError(msg(message_id))


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, (str, dict)) else value


SlideBlocks = Annotated[list[SlideBlock], BeforeValidator(_one_or_many)]


class Slide(Model):
    """One slide: a title and a body, or one insert (``insert: lowest``) as the whole slide.

    ``layout``: ``content`` (default), ``title`` (the first slide's layout: the title, the
    body's lines under it) or ``section`` (a divider). ``insert: drafted`` stands for every
    drafted slide. A slide whose body does not fit continues on the next slide, titled
    "(ต่อ 2/3)", tables with their header repeated.
    """

    title: str | None = None
    layout: Literal["content", "title", "section"] = "content"
    body: SlideBlocks = Field(default_factory=list)
    insert: Literal[(*SLIDE_INSERTS, "drafted")] | None = None  # type: ignore[valid-type]
    n: int | None = Field(default=None, ge=1, le=10)
    indicator: int | None = Field(default=None, ge=1, le=10)
    problems: StrList | None = None
    remedies: StrList | None = None

    @model_validator(mode="after")
    def _one_body(self) -> Slide:
        if self.insert is not None and self.body:
            raise _problem("slide_insert_and_body")
        if self.insert is None and self.title is None and not self.body:
            raise _problem("slide_empty")
        if self.insert == "indicator" and self.indicator is None:
            raise _problem("slide_indicator")
        return self

    def blocks(self) -> list[SlideBlock]:
        """The body, a slide-level insert as its one block."""
        if self.insert is None or self.insert == "drafted":
            return list(self.body)
        return [
            SlideBlock(
                insert=self.insert,
                n=self.n,
                indicator=self.indicator,
                problems=self.problems,
                remedies=self.remedies,
            )
        ]


__all__ = ["SLIDE_BLOCK_KINDS", "SLIDE_INSERTS", "Slide", "SlideBlock"]
