"""The analysis slide deck (``analysis-slides.pptx``) that committees review.

Layout after domain.md "Analysis presentations", 16:9: title; overall score
and level; scores per tool (native chart); the ten indicators (a table, then a
native bar chart); the lowest three ranked (อันดับที่ ๑ = lowest); each
weakness with its problems (ประเด็นที่ ๑..n) and remedies (แนวทางแก้ไข); the OIT
checklist when given; problems and obstacles (ปัญหาและอุปสรรค).

`build_deck` draws a `DeckData` (plain values, easy to fill by hand or in
tests); `ita_docs.documents.analysis_slides` fills one from the content. Every text run is in
TH Sarabun New, Latin and complex script (Thai) alike; slides use Arabic
digits by default, ``digits="thai"`` turns every digit Thai.
"""
from __future__ import annotations

import io
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from itertools import accumulate, zip_longest
from typing import Any, Sequence

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches, Pt

from . import thaifmt
from .charts import StableChartData, number_format, set_typeface, style_chart

FONT = "TH Sarabun New"
NAVY, RED, GREY = RGBColor(0x1F, 0x38, 0x64), RGBColor(0xC0, 0x00, 0x00), RGBColor(0x40, 0x40, 0x40)
WHITE, LIGHT = RGBColor(0xFF, 0xFF, 0xFF), RGBColor(0xDD, 0xE6, 0xF2)
W, H = Inches(13.333), Inches(7.5)
BAND = Inches(1.05)  # the title band
MARGIN, TOP = Inches(0.5), Inches(1.25)  # body starts below the title band
BODY_W, BODY_H = W - 2 * MARGIN, H - TOP - Inches(0.25)
# Text metrics measured on the LibreOffice PDF (Laksaman standing in for TH Sarabun New):
# a line is 1.7 x the font size high, a spacing character about 0.55 em wide (0.58 to be safe).
LINE, CHAR = 1.7, 0.58
PAD_X, PAD_Y = 0.2, 0.1  # inches of cell margins: left + right, top + bottom


@dataclass(frozen=True)
class DeckData:
    """What the deck shows. Scores are numbers (0-100); the deck formats them.

    ``tools``: score out of 100 per tool, e.g. ``{"IIT": 89.4}`` (unknown ones
    left out). ``indicators``: ``(number, name, score)``. ``lowest``: ``(rank,
    number, name, score)`` with rank 1 = lowest. ``weaknesses``: ``(title,
    problems, remedies)``, shown side by side row by row (an empty string leaves
    its cell empty). ``oit_rows``: ``(code, title, status)``. Text may hold
    either digits: `build_deck` writes all in the deck's.
    """

    organisation: str
    year: int
    overall: float | None
    level: str | None
    tools: dict[str, float] = field(default_factory=dict)
    indicators: Sequence[tuple[int, str, float]] = ()
    lowest: Sequence[tuple[int, int, str, float]] = ()
    weaknesses: Sequence[tuple[str, Sequence[str], Sequence[str]]] = ()
    oit_rows: Sequence[tuple[str, str, str]] = ()
    obstacles: Sequence[str] = ()
    pass_mark: float = 85


# --------------------------------------------------------------------------- text metrics


def _width(text: str) -> int:
    """Characters that take width: Thai vowel and tone marks above or below do not."""
    return sum(1 for ch in text if not (ch == "\u0e31" or "\u0e34" <= ch <= "\u0e3a" or "\u0e47" <= ch <= "\u0e4e"))


def _lines(text: str, width_in: float, size_pt: float) -> int:
    """Estimated wrapped lines of ``text`` in a box ``width_in`` wide."""
    per_line = max(1, int(width_in * 72 / (size_pt * CHAR)))
    return sum(max(1, -(-_width(part) // per_line)) for part in text.split("\n"))


def _height(lines: int, size_pt: float) -> float:
    """Inches of ``lines`` lines of ``size_pt`` text, with the cell margins."""
    return lines * size_pt * LINE / 72 + PAD_Y


def _widths(width: int, rel: Sequence[float]) -> list[float]:
    """Column widths in inches: ``width`` (EMU) shared in the proportions ``rel``."""
    return [width / Inches(1) * w / sum(rel) for w in rel]


def _row_height(cells: Sequence[str], widths_in: Sequence[float], size: float) -> float:
    return max(_height(_lines(c, w - PAD_X, size), size) for c, w in zip(cells, widths_in))


def _title_size(title: str) -> int:
    """The largest title size (36..24 pt) at which ``title`` fits one line of the band."""
    width = BODY_W / Inches(1) * 0.9  # Thai digits are wider than the average character
    return next((size for size in (36, 32, 28) if _lines(title, width, size) == 1), 24)


def _pages(items: list, budget: float, cost: Any) -> list[list]:
    """Split ``items`` into pages whose summed ``cost`` stays within ``budget`` (at least one item each)."""
    pages: list[list] = [[]]
    used = 0.0
    for item in items:
        c = cost(item)
        if pages[-1] and used + c > budget:
            pages.append([])
            used = 0.0
        pages[-1].append(item)
        used += c
    return pages


def _clip(text: str, limit: int = 300) -> str:
    """At most ``limit`` characters, cut at a space (or at least not inside a Thai cluster), with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    if cut <= limit // 2:
        cut = limit
        while cut > 1 and (_width(text[cut]) == 0 or text[cut - 1] in "เแโใไ"):  # keep Thai clusters whole
            cut -= 1
    return text[:cut].rstrip() + " …"


def _font(font: Any, size: float, bold: bool, color: RGBColor) -> None:
    """Size, weight, colour, and TH Sarabun New as Latin, East Asian and complex-script (Thai) face."""
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = color
    set_typeface(font._rPr, FONT)  # font.name would set a:latin only


# --------------------------------------------------------------------------- drawing


class _Deck:
    def __init__(self, digits: str):
        thaifmt.to_digits("", digits)  # raises on a bad value
        self.digits = digits
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = W, H

    def d(self, text: str) -> str:
        return thaifmt.to_digits(text, self.digits)

    def score(self, x: float | None) -> str:
        return "-" if x is None else thaifmt.score(x, digits=self.digits)

    def band(self, slide: Any, y: int, h: int) -> None:
        band = slide.shapes.add_shape(1, 0, y, W, h)  # 1 = rectangle
        band.fill.solid()
        band.fill.fore_color.rgb = NAVY
        band.line.fill.background()

    def slide(self, title: str) -> Any:
        """A blank slide with ``title`` in white on the navy band (sized to fit one line)."""
        s = self.prs.slides.add_slide(self.prs.slide_layouts[6])  # blank
        self.band(s, 0, BAND)
        title = self.d(title)
        self.text(s, MARGIN, 0, BODY_W, BAND, [(title, _title_size(title), True, WHITE)], anchor=MSO_ANCHOR.MIDDLE)
        return s

    def text(self, slide: Any, x: int, y: int, w: int, h: int, paras: list[tuple], *,
             align: Any = PP_ALIGN.LEFT, anchor: Any = MSO_ANCHOR.TOP) -> Any:
        """A text box; ``paras`` holds ``(text, size_pt, bold, color)`` per paragraph."""
        box = slide.shapes.add_textbox(x, y, w, h)
        tf = box.text_frame
        tf.word_wrap = True
        tf.vertical_anchor = anchor
        self.fill(tf, paras, align)
        return box

    def fill(self, tf: Any, paras: list[tuple], align: Any = PP_ALIGN.LEFT) -> None:
        for i, (text, size, bold, color) in enumerate(paras):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.alignment = align
            run = p.add_run()
            run.text = self.d(text)
            _font(run.font, size, bold, color)

    def table(self, slide: Any, header: list[str], rows: list[list[str]], widths: list[float], *,
              size: int = 24, y: int = TOP, colors: list[RGBColor | None] | None = None,
              left: Sequence[int] = (1,), x: int = MARGIN, width: int = BODY_W) -> Any:
        """A table (the body's width unless told); row heights fit their text (LibreOffice does not grow rows).

        ``widths`` are relative; columns in ``left`` are left-aligned, the others centred.
        """
        widths_in = _widths(width, widths)
        heights = [_row_height(r, widths_in, size) for r in [header, *rows]]
        shape = slide.shapes.add_table(len(rows) + 1, len(header), x, y, width, Inches(sum(heights)))
        table = shape.table
        for j, wid in enumerate(widths_in):
            table.columns[j].width = Inches(wid)
        for i, cells in enumerate([header, *rows]):
            table.rows[i].height = Inches(heights[i])
            for j, value in enumerate(cells):
                cell = table.cell(i, j)
                cell.margin_top = cell.margin_bottom = Inches(PAD_Y / 2)
                cell.margin_left = cell.margin_right = Inches(PAD_X / 2)
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE
                color = WHITE if i == 0 else (colors[i - 1] if colors and colors[i - 1] else GREY)
                align = PP_ALIGN.LEFT if i and j in left else PP_ALIGN.CENTER
                cell.text_frame.word_wrap = True
                self.fill(cell.text_frame, [(line, size, i == 0, color) for line in value.split("\n")], align)
                cell.fill.solid()
                cell.fill.fore_color.rgb = NAVY if i == 0 else (LIGHT if i % 2 else WHITE)
        return table

    def paged_table(self, title: str, header: list[str], rows: list[list[str]], widths: list[float], *,
                    size: int, left: Sequence[int] = (1,)) -> None:
        """``rows`` on as many slides as they need; later slides are titled "(ต่อ k/n)"."""
        widths_in = _widths(BODY_W, widths)
        budget = BODY_H / Inches(1) - _row_height(header, widths_in, size)
        pages = _pages(rows, budget, lambda row: _row_height(row, widths_in, size))
        for k, page in enumerate(pages):
            s = self.slide(title + (f" (ต่อ {k + 1}/{len(pages)})" if k else ""))
            self.table(s, header, page, widths, size=size, left=left)

    def chart(self, slide: Any, categories: list[str], values: list[float], *, horizontal: bool, title: str = "") -> Any:
        """A native bar chart filling the body (editable in PowerPoint: it has its workbook)."""
        data = StableChartData(number_format=number_format(self.digits))
        data.categories = [self.d(c) for c in categories]
        data.add_series("คะแนน", values)
        kind = XL_CHART_TYPE.BAR_CLUSTERED if horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
        frame = slide.shapes.add_chart(kind, MARGIN, TOP, BODY_W, BODY_H, data)
        style_chart(frame.chart, title=self.d(title), digits=self.digits, value_max=100, horizontal=horizontal, font_size=22)
        set_typeface(frame.chart._chartSpace, FONT)
        return frame.chart

    def save(self) -> bytes:
        props = self.prs.core_properties  # fixed, so the same data give the same bytes
        props.created = props.modified = datetime(2000, 1, 1)
        props.revision = 1
        props.last_modified_by = props.author = "ita-docs"
        buf = io.BytesIO()
        self.prs.save(buf)
        return _restamp(buf.getvalue())


def _restamp(data: bytes) -> bytes:
    """The same zip with a fixed timestamp on every entry (python-pptx stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, (2000, 1, 1, 0, 0, 0)), src.read(info.filename), zipfile.ZIP_DEFLATED)
    return out.getvalue()


# --------------------------------------------------------------------------- the deck


def build_deck(data: DeckData, *, digits: str = "arabic") -> bytes:
    """The analysis deck as .pptx bytes (16:9). ``digits``: ``arabic`` (default) or ``thai``."""
    deck = _Deck(digits)
    _title_slide(deck, data)
    _overall_slide(deck, data)
    if data.tools:
        s = deck.slide("คะแนนรายเครื่องมือการประเมิน (เต็ม 100 คะแนน)")
        deck.chart(s, list(data.tools), list(data.tools.values()), horizontal=False)
    if data.indicators:
        _indicator_slides(deck, data)
    if data.lowest:
        _lowest_slide(deck, data)
    for title, problems, remedies in data.weaknesses:
        _weakness_slides(deck, title, problems, remedies)
    if data.oit_rows:
        _oit_slides(deck, data.oit_rows)
    _obstacle_slides(deck, list(data.obstacles))
    return deck.save()


def _title_slide(deck: _Deck, data: DeckData) -> None:
    s = deck.prs.slides.add_slide(deck.prs.slide_layouts[6])
    deck.band(s, Inches(1.8), Inches(3.3))
    deck.text(s, MARGIN, Inches(1.8), BODY_W, Inches(3.3), [
        ("การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส", 36, True, WHITE),
        ("ในการดำเนินงานของหน่วยงานภาครัฐ (ITA)", 36, True, WHITE),
        (f"ประจำปีงบประมาณ พ.ศ. {data.year}", 32, False, WHITE),
    ], align=PP_ALIGN.CENTER, anchor=MSO_ANCHOR.MIDDLE)
    deck.text(s, MARGIN, Inches(5.4), BODY_W, Inches(1.4), [(data.organisation, 36, True, NAVY)], align=PP_ALIGN.CENTER)


def _overall_slide(deck: _Deck, data: DeckData) -> None:
    s = deck.slide(f"ผลการประเมินภาพรวม ปีงบประมาณ พ.ศ. {data.year}")
    below = data.overall is not None and data.overall < data.pass_mark
    deck.text(s, MARGIN, Inches(1.6), BODY_W, Inches(2.9), [
        ("คะแนนภาพรวม", 36, False, GREY),
        (f"{deck.score(data.overall)} คะแนน", 80, True, RED if below else NAVY),
    ], align=PP_ALIGN.CENTER)
    if data.level:
        deck.text(s, MARGIN, Inches(4.5), BODY_W, Inches(1.3), [(f"ระดับผลการประเมิน: {data.level}", 48, True, NAVY)], align=PP_ALIGN.CENTER)
    deck.text(s, MARGIN, Inches(6.2), BODY_W, Inches(0.8), [(f"เกณฑ์ผ่าน {deck.score(data.pass_mark)} คะแนน", 24, False, GREY)], align=PP_ALIGN.CENTER)


def _indicator_slides(deck: _Deck, data: DeckData) -> None:
    """The scores as a table (two side by side when there are more than six rows), then as a chart."""
    rows = [[str(n), name, deck.score(sc)] for n, name, sc in data.indicators]
    colors = [RED if sc < data.pass_mark else None for *_x, sc in data.indicators]
    s = deck.slide("คะแนนรายตัวชี้วัด")
    half = -(-len(rows) // 2) if len(rows) > 6 else len(rows)
    gap = Inches(0.3)
    width = BODY_W if half == len(rows) else (BODY_W - gap) // 2
    header, rel = ["ข้อ", "ตัวชี้วัด", "คะแนน"], [0.7, 4.4, 1.3]
    widths_in = _widths(width, rel)
    tall = lambda z: max(sum(_row_height(r, widths_in, z) for r in [header, *rows[i:i + half]]) for i in range(0, len(rows), half))  # noqa: E731
    size = next((z for z in (24, 22, 20) if tall(z) <= BODY_H / Inches(1)), 18)
    for k, start in enumerate(range(0, len(rows), half)):
        deck.table(s, header, rows[start:start + half], rel, size=size,
                   colors=colors[start:start + half], x=MARGIN + k * (width + gap), width=width)
    if len(rows) < 3:  # a chart of one or two bars says nothing the table does not
        return
    s = deck.slide("คะแนนรายตัวชี้วัด (แผนภูมิ)")
    deck.chart(s, [f"{n}. {_clip(name, 30)}" for n, name, _ in data.indicators], [sc for *_x, sc in data.indicators], horizontal=True)


def _lowest_slide(deck: _Deck, data: DeckData) -> None:
    s = deck.slide(f"ตัวชี้วัดที่มีคะแนนต่ำสุด {len(data.lowest)} อันดับ")
    rows = [[f"อันดับที่ {r}", f"ตัวชี้วัดที่ {n} {name}", deck.score(sc)] for r, n, name, sc in data.lowest]
    colors = [RED if sc < data.pass_mark else None for *_x, sc in data.lowest]
    deck.table(s, ["อันดับ", "ตัวชี้วัด", "คะแนน"], rows, [2, 5.4, 1.6], size=32, y=Inches(1.7), colors=colors)
    deck.text(s, MARGIN, Inches(6.4), BODY_W, Inches(0.7), [("อันดับที่ 1 = คะแนนต่ำสุด", 24, False, GREY)])


def _weakness_slides(deck: _Deck, title: str, problems: Sequence[str], remedies: Sequence[str]) -> None:
    """Problems beside remedies, row by row; each column numbers its own entries."""
    pairs = list(zip_longest(problems, remedies, fillvalue=""))
    p_no, r_no = accumulate(int(bool(p)) for p, _r in pairs), accumulate(int(bool(r)) for _p, r in pairs)
    rows = [[f"ประเด็นที่ {pn}: {_clip(p)}" if p else "", f"{rn}. {_clip(r)}" if r else ""]
            for (p, r), pn, rn in zip(pairs, p_no, r_no)] or [["-", "-"]]
    deck.paged_table(f"จุดอ่อน: {title}", ["ประเด็นปัญหา", "แนวทางแก้ไข"], rows, [1, 1], size=20, left=(0, 1))


def _oit_slides(deck: _Deck, rows: Sequence[tuple[str, str, str]]) -> None:
    body = [[c, _clip(t, 120), st] for c, t, st in rows]
    deck.paged_table("การติดตามผลการดำเนินการตามแบบวัด OIT", ["ข้อ", "รายการ", "สถานะ"], body, [1, 6.5, 3], size=22)
    counts = Counter(st for *_x, st in rows)
    s = deck.slide("สรุปผลการติดตาม OIT")
    summary = [[status, f"{n} ข้อ"] for status, n in counts.most_common()] + [["รวม", f"{len(rows)} ข้อ"]]
    deck.table(s, ["สถานะ", "จำนวน"], summary, [3, 1], size=28, y=Inches(1.6), left=(0,))


def _obstacle_slides(deck: _Deck, obstacles: list[str]) -> None:
    size, width = 26, BODY_W / Inches(1)
    items = [f"{i}. {_clip(t, 400)}" for i, t in enumerate(obstacles, 1)] or ["- ไม่มี -"]
    pages = _pages(items, BODY_H / Inches(1), lambda t: _height(_lines(t, width, size), size))
    for k, page in enumerate(pages):
        s = deck.slide("ปัญหาและอุปสรรค" + (f" (ต่อ {k + 1}/{len(pages)})" if k else ""))
        deck.text(s, MARGIN, TOP, BODY_W, BODY_H, [(t, size, False, GREY) for t in page])


# --------------------------------------------------------------------------- from content
