"""The analysis slide deck (``analysis-slides.pptx``): slides laid out on the user's PowerPoint template.

`build_deck` draws a list of `SlideSpec` (plain values: a title, a layout and
parts, each `Text`, `Table` or `Chart`, every text already worded and in the
deck's digits) on a template (`ita_docs.slides.package.slide_template`:
``templates/analysis-slides.pptx`` or the user's). Which slides and what they
say is `ita_docs.documents.analysis_slides` (the content's ``analysis_slides``
or the drafted deck).

Layout: the parts of a slide are stacked top to bottom in the layout's body
box (the body placeholder of "ITA Title and Content" when the slide opens with
text, else the table placeholder's box of "ITA Title and Table"). Text is
measured as `ita_docs.slides.layout` does (Thai marks take no width, a line is
1.7 x the size); what does not fit continues on the next slide, titled by
``continued`` ("(ต่อ 2/3)"): text by paragraph, tables by row with the header
repeated; a chart takes the room left (at least `CHART_MIN`). A title is
set one size smaller (down to 24 pt, then two lines at 20 pt) until it fits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .drawing import TableSpec, TextPara, clean
from .fast import FastDeckWriter
from .layout import PAD_X, PAD_Y, inches
from .layout import clip as _clip
from .layout import text_height as _height
from .layout import text_lines as _lines
from .layout import text_width as _text_width
from .package import Box, SlideTemplate, slide_template
from .skeleton import skeleton_of

__all__ = ["CHART_MIN", "Chart", "SlideSpec", "Table", "Text", "TextPara", "build_deck"]

CHART_MIN = inches(3)
_GAP = inches(0.15)
_THAI = re.compile("[\u0e00-\u0e7f]")
_PARA_SPACE = 6 / 72  # inches before each paragraph (the master's spcBef)


@dataclass(frozen=True)
class Text:
    """Paragraphs (`TextPara`); ``anchor`` ``ctr`` centres them in the room left (a score slide)."""

    paras: Sequence[TextPara]
    anchor: str = "t"


@dataclass(frozen=True)
class Table:
    """Header and rows of text; ``widths`` relative; ``left`` columns left-aligned (others centred);
    ``marked`` rows in the below-pass colour; ``size`` pt (None: 4 pt under the body text, at most 24)."""

    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    widths: Sequence[float]
    left: Sequence[int] = (1,)
    marked: Sequence[bool] = ()
    size: float | None = None


@dataclass(frozen=True)
class Chart:
    """A one-series bar chart of scores (0-100): columns, or bars when ``horizontal``."""

    categories: Sequence[str]
    values: Sequence[float]
    horizontal: bool = False


Part = Text | Table | Chart


@dataclass(frozen=True)
class SlideSpec:
    """One slide of the content (it may take more than one page): ``layout`` ``content``,
    ``title`` (``parts`` give the subtitle lines) or ``section``."""

    title: str
    parts: Sequence[Part] = field(default_factory=tuple)
    layout: str = "content"


# --------------------------------------------------------------------------- measuring


# Line height per point of text: in the body placeholder (the master's 90 % line spacing; LibreOffice
# draws 1.1-1.2, TH Sarabun New in PowerPoint about 1.3) and in text boxes and table cells (100 %:
# 1.64 measured on LibreOffice's PDF with Laksaman, `ita_docs.slides.layout.LINE`).
LINE_PLACEHOLDER, LINE_BOX = 1.35, 1.7


def _para_height(p: TextPara, width_in: float, size: float, line: float = LINE_BOX) -> float:
    sz = p.size or size
    indent = 0.45 * p.level
    return (
        _lines(p.text.replace("**", ""), max(1.0, width_in - indent - PAD_X), sz) * sz * line / 72
        + _PARA_SPACE
    )


def _text_height(paras: Sequence[TextPara], width_in: float, size: float, line: float = LINE_BOX) -> float:
    return sum(_para_height(p, width_in, size, line) for p in paras) + PAD_Y


def _table_size(t: Table, body_size: float) -> float:
    return t.size or min(24.0, body_size - 4)


def _col_widths(t: Table, width: int, size: float) -> list[int]:
    """Column widths (EMU): ``width`` shared as ``t.widths`` says, except that a column of numbers or
    codes (no Thai, no spaces: "100.00", "O12") is made wide enough for them on one line at ``size``."""
    total = sum(t.widths)
    widths = [width * w / total for w in t.widths]
    need = [0.0] * len(widths)
    for cells in [t.header[:0], *t.rows]:
        for j, c in enumerate(cells):
            if c and " " not in c and not _THAI.search(c):
                need[j] = max(
                    need[j], inches(_text_width(c.replace("**", "")) * size * 0.58 / 72 + PAD_X + 0.05)
                )
    short = [j for j, w in enumerate(widths) if need[j] > w]
    if short:
        extra = sum(need[j] - widths[j] for j in short)
        rest = [j for j in range(len(widths)) if j not in short]
        room = sum(widths[j] for j in rest)
        if rest and room > extra * 2:
            for j in short:
                widths[j] = need[j]
            for j in rest:
                widths[j] -= extra * widths[j] / room
    return [int(w) for w in widths]


def _row_heights(t: Table, widths: list[int], size: float) -> list[int]:
    widths_in = [w / inches(1) for w in widths]
    return [
        inches(
            max(_height(_lines(c.replace("**", ""), w - PAD_X, size), size) for c, w in zip(cells, widths_in))
        )
        for cells in [t.header, *t.rows]
    ]


def _pages_needed(heights: list[int], first: int, h: int) -> int:
    """Pages a table of these row heights takes (header repeated), starting with ``first`` EMU of room."""
    pages, room, head = 1, first, heights[0]
    tall = head
    for row in heights[1:]:
        if tall + row > room and tall > head:
            pages, room, tall = pages + 1, h, head
        tall += row
    return pages


def _fit_size(t: Table, body_size: float, w: int, room: int, h: int) -> float:
    """The table's text size: its own, else the largest of 22..16 pt (not above the body's less 4)
    at which it takes the fewest slides."""
    if t.size:
        return t.size
    top = min(22.0, body_size - 4)
    sizes = [top] + [s for s in (20.0, 18.0, 16.0) if s < top]
    need = {s: _pages_needed(_row_heights(t, _col_widths(t, w, s), s), room, h) for s in sizes}
    return next(s for s in sizes if need[s] == min(need.values()))


# --------------------------------------------------------------------------- paging


@dataclass
class _Page:
    title: str
    layout: str
    items: list[tuple[Part, int]] = field(default_factory=list)  # (part, height EMU; a chart: 0 = the rest)


def _paginate(spec: SlideSpec, tpl: SlideTemplate, continued: Callable[[str, int, int], str]) -> list[_Page]:
    """The pages of one slide: each part placed, split or moved to a new page where the body is full."""
    boxes = [tpl.boxes[("content", "body")], tpl.boxes[("table", "tbl")]]
    w, h = min(b[2] for b in boxes), min(b[3] for b in boxes)  # the smaller box of the two layouts
    width_in = w / inches(1)
    pages = [_Page(spec.title, "table")]
    used = 0

    def room() -> int:
        return h - used

    def new_page() -> None:
        nonlocal used
        pages.append(_Page(spec.title, "table"))
        used = 0

    def add_text(chunk: list[TextPara], anchor: str, line: float) -> None:
        nonlocal used
        tall = int(inches(_text_height(chunk, width_in, tpl.body_size, line)))
        if anchor == "ctr":
            tall = max(tall, room())
        if not pages[-1].items:
            pages[-1].layout = "content"  # text first: in the body placeholder
        pages[-1].items.append((Text(chunk, anchor), min(tall, room())))
        used += min(tall, room())

    for part in spec.parts:
        if pages[-1].items:
            used += _GAP
        if isinstance(part, Text):
            chunk: list[TextPara] = []
            line = LINE_BOX if pages[-1].items else LINE_PLACEHOLDER
            for p in part.paras:
                ph = inches(_para_height(p, width_in, tpl.body_size, line))
                if chunk and inches(_text_height(chunk, width_in, tpl.body_size, line)) + ph > room():
                    add_text(chunk, part.anchor, line)
                    new_page()
                    chunk, line = [], LINE_PLACEHOLDER
                elif not chunk and pages[-1].items and ph + inches(PAD_Y) > room():
                    new_page()
                    line = LINE_PLACEHOLDER
                chunk.append(p)
            if chunk:
                add_text(chunk, part.anchor, line)
        elif isinstance(part, Table):
            size = _fit_size(part, tpl.body_size, w, room(), h)
            widths = _col_widths(part, w, size)
            heights = _row_heights(part, widths, size)
            head, rows = (
                heights[0],
                list(zip(part.rows, heights[1:], part.marked or [False] * len(part.rows))),
            )
            while rows:
                if head + rows[0][1] > room() and pages[-1].items:
                    new_page()
                take: list[tuple[Sequence[str], int, bool]] = []
                tall = head
                for row in rows:
                    if take and tall + row[1] > room():
                        break
                    take.append(row)
                    tall += row[1]
                rows = rows[len(take) :]
                piece = replace(
                    part, rows=[r for r, _h, _m in take], marked=[m for _r, _h, m in take], size=size
                )
                pages[-1].items.append((piece, tall))
                used += tall
                if rows:
                    new_page()
        else:
            if room() < CHART_MIN and pages[-1].items:
                new_page()
            pages[-1].items.append((part, 0))
            used += max(CHART_MIN, room())
    if len(pages) > 1:
        for k, page in enumerate(pages[1:], 2):
            page.title = continued(spec.title, k, len(pages))
    return pages


def _default_continued(title: str, k: int, n: int) -> str:
    return f"{title} (ต่อ {k}/{n})"


# --------------------------------------------------------------------------- drawing


def _title_paras(title: str, tpl: SlideTemplate, width: int) -> list[TextPara]:
    width_in = width / inches(1) * 0.92
    for size in sorted({tpl.title_size, 32.0, 28.0, 24.0}, reverse=True):
        if size <= tpl.title_size and _lines(title, width_in, size) == 1:
            return [TextPara(title, size)]
    return [TextPara(_clip(title, 2 * int(width_in * 72 / (20 * 0.58))), 20.0)]


def _draw_page(d: Any, page: _Page, tpl: SlideTemplate) -> None:
    slide = d.add(page.layout)
    title_box = tpl.boxes.get((page.layout, "title"))
    d.text_in(slide, "title", _title_paras(page.title, tpl, title_box[2] if title_box else tpl.width))
    key = ("content", "body") if page.layout == "content" else ("table", "tbl")
    x, y, _w, h = tpl.boxes[key]
    w = min(tpl.boxes[("content", "body")][2], tpl.boxes[("table", "tbl")][2])  # as measured by `_paginate`
    top = y
    for i, (part, tall) in enumerate(page.items):
        if i:
            top += _GAP
        if isinstance(part, Text):
            box: Box = (x, top, w, tall)
            if i == 0 and page.layout == "content":
                d.text_in(
                    slide,
                    "body",
                    part.paras,
                    box if len(page.items) > 1 or part.anchor == "ctr" else None,
                    anchor=part.anchor,
                )
            else:  # a text box: the master's body size and bullets are not there, so they are written
                d.text_box(
                    slide,
                    box,
                    [
                        replace(
                            p,
                            size=p.size or tpl.body_size,
                            level=0,
                            text=("• " + p.text) if p.level else p.text,
                        )
                        for p in part.paras
                    ],
                )
            top += tall
        elif isinstance(part, Table):
            widths = _col_widths(part, w, part.size or tpl.body_size)
            heights = _row_heights(part, widths, part.size or tpl.body_size)
            d.table(
                slide,
                x,
                top,
                TableSpec(
                    part.header,
                    part.rows,
                    widths,
                    heights,
                    part.size or tpl.body_size,
                    part.left,
                    part.marked,
                ),
            )
            top += tall
        else:
            rest = max(CHART_MIN, y + h - top)
            d.chart(
                slide,
                (x, top, w, rest),
                [clean(c) for c in part.categories],
                list(part.values),
                horizontal=part.horizontal,
            )
            top += rest
    if page.layout == "table":
        d.drop(slide, "tbl")


def _draw_special(d: Any, spec: SlideSpec) -> None:
    """The title slide (title lines; the parts' text as the subtitle) or a section divider."""
    lines = [p for part in spec.parts if isinstance(part, Text) for p in part.paras]
    if spec.layout == "title":
        slide = d.add("title")
        box = d.t.boxes[("title", "ctrTitle")]
        title = spec.title.split("\n")
        width_in = box[2] / inches(1) * 0.92
        size = next(
            (z for z in (40.0, 36.0, 32.0, 28.0) if all(_lines(t, width_in, z) == 1 for t in title)), 24.0
        )
        d.text_in(slide, "ctrTitle", [TextPara(t, size) for t in title])
        d.text_in(slide, "subTitle", lines or [TextPara("")])
    else:
        slide = d.add("section")
        d.text_in(slide, "title", [TextPara(t) for t in spec.title.split("\n")])
        if lines:
            d.text_in(slide, "body", lines)
        else:
            d.drop(slide, "body")


def build_deck(
    slides: Sequence[SlideSpec],
    template: Path | SlideTemplate,
    *,
    digits: str = "arabic",
    continued: Callable[[str, int, int], str] | None = None,
    fast: bool = True,
) -> bytes:
    """The deck as .pptx bytes: ``slides`` on ``template`` (a path or a read `SlideTemplate`).

    ``digits`` (``arabic``/``thai``) is that of chart labels (texts come worded);
    ``continued(title, k, n)`` titles the k-th of n pages of a slide. ``fast=False`` draws
    tables and charts through python-pptx's objects (the reference; same bytes).
    Raises `ita_docs.errors.TemplateError` for a template that lacks what the deck needs.
    """
    tpl = template if isinstance(template, SlideTemplate) else slide_template(template)
    if digits not in ("arabic", "thai"):
        raise ValueError(f"digits must be 'thai' or 'arabic', got {digits!r}")
    skeleton = skeleton_of(tpl) if fast else None
    d: Any
    if skeleton is not None:
        d = FastDeckWriter(tpl, digits, skeleton)
    else:
        from .writer import DeckWriter  # python-pptx: only for the reference or an uncuttable template

        d = DeckWriter(tpl, digits, fast=fast)
    for spec in slides:
        if spec.layout in ("title", "section"):
            _draw_special(d, spec)
            continue
        for page in _paginate(spec, tpl, continued or _default_continued):
            _draw_page(d, page, tpl)
    return d.save()
