"""The slide deck writer: shapes, text bodies and tables as PresentationML/DrawingML text.

`_Deck` draws a deck slide by slide (title bands, text boxes, tables sized to
their text, native charts from `ita_docs.render.charts.slide_chart`) and `save`s it
through `ita_docs.slides.package`. Every shape is written as text in one go, the
same bytes python-pptx would serialize for the same calls (add_textbox /
add_table / add_chart, then the font of each run): no element objects per cell
or run (tests/test_slides.py builds shapes both ways and compares).
"""
from __future__ import annotations

import functools
import re
from typing import Sequence

from pptx.util import Inches, Pt

from ..render import charts
from .. import thaifmt
from .package import _package, _Slide
from .layout import (
    BAND,
    BODY_H,
    BODY_W,
    FONT,
    GREY,
    LIGHT,
    MARGIN,
    NAVY,
    PAD_X,
    PAD_Y,
    TOP,
    WHITE,
    W,
    _pages,
    _row_height,
    _title_size,
    _widths,
)

_NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"

_CTRL = re.compile("[\x00-\x08\x0b-\x1f]")
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def _esc(text: str) -> str:
    """Text of an ``a:t`` as python-pptx writes it: control characters as ``_xHHHH_``, then XML escapes."""
    if _CTRL.search(text):
        text = _CTRL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    if _NOT_XML.search(text):
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@functools.cache
def _rpr(size: float, bold: bool, color: str) -> str:
    """Run properties: size, weight, colour, and TH Sarabun New as Latin, East Asian and complex-script (Thai) face."""
    face = f'typeface="{FONT}"/>'
    return (f'<a:rPr sz="{Pt(size).centipoints}" b="{int(bold)}" lang="th-TH"><a:solidFill><a:srgbClr val="{color}"/>'
            f"</a:solidFill><a:latin {face}<a:ea {face}<a:cs {face}</a:rPr>")


def _xfrm(x: int, y: int, w: int, h: int) -> str:
    return f'<a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/>'


def _frame(shape_id: int, name: str, x: int, y: int, w: int, h: int, uri: str, body: str) -> str:
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="{name} {shape_id - 1}"/>'
            '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
            f'<p:xfrm>{_xfrm(x, y, w, h)}</p:xfrm><a:graphic><a:graphicData uri="{uri}">{body}</a:graphicData>'
            "</a:graphic></p:graphicFrame>")


_BAND = ('<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="Rectangle {n}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>'
         '<a:xfrm>{xfrm}</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="{color}"/>'
         '</a:solidFill><a:ln><a:noFill/></a:ln></p:spPr><p:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef>'
         '<a:fillRef idx="3"><a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="2"><a:schemeClr val="accent1"/>'
         '</a:effectRef><a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></p:style><p:txBody>'
         '<a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/></a:p></p:txBody></p:sp>')
_TEXTBOX = ('<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="TextBox {n}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
            '<p:spPr><a:xfrm>{xfrm}</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
            '<p:txBody><a:bodyPr wrap="square" anchor="{anchor}"><a:spAutoFit/></a:bodyPr><a:lstStyle/>{paras}'
            "</p:txBody></p:sp>")
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
_TABLE_PR = '<a:tblPr firstRow="1" bandRow="1"><a:tableStyleId>{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}</a:tableStyleId></a:tblPr>'
_CELL_PR = (f'<a:tcPr marT="{Inches(PAD_Y / 2)}" marB="{Inches(PAD_Y / 2)}" marL="{Inches(PAD_X / 2)}" '
            f'marR="{Inches(PAD_X / 2)}" anchor="ctr"><a:solidFill><a:srgbClr val="%s"/></a:solidFill></a:tcPr></a:tc>')


class _Deck:
    """A deck being written: its slides (shapes as XML text) and charts, in ``digits``; `save` gives the .pptx."""

    def __init__(self, digits: str):
        thaifmt.to_digits("", digits)  # raises on a bad value
        self.digits = digits
        self.slides: list[_Slide] = []
        self.charts: list[charts.ChartPart] = []

    def d(self, text: str) -> str:
        return thaifmt.to_digits(text, self.digits)

    def score(self, x: float | None) -> str:
        return "-" if x is None else thaifmt.score(x, digits=self.digits)

    def blank(self) -> _Slide:
        s = _Slide()
        self.slides.append(s)
        return s

    def band(self, slide: _Slide, y: int, h: int) -> None:
        i = slide.new_id()
        slide.shapes.append(_BAND.format(id=i, n=i - 1, xfrm=_xfrm(0, y, W, h), color=NAVY))

    def slide(self, title: str) -> _Slide:
        """A blank slide with ``title`` in white on the navy band (sized to fit one line)."""
        s = self.blank()
        self.band(s, 0, BAND)
        title = self.d(title)
        self.text(s, MARGIN, 0, BODY_W, BAND, [(title, _title_size(title), True, WHITE)], anchor="ctr")
        return s

    def text(self, slide: _Slide, x: int, y: int, w: int, h: int, paras: list[tuple], *,
             align: str = "l", anchor: str = "t") -> None:
        """A text box; ``paras`` holds ``(text, size_pt, bold, color)`` per paragraph."""
        i = slide.new_id()
        slide.shapes.append(_TEXTBOX.format(id=i, n=i - 1, xfrm=_xfrm(x, y, w, h), anchor=anchor, paras=self.paras(paras, align)))

    def paras(self, paras: list[tuple], align: str) -> str:
        """One ``a:p`` with one run per ``(text, size, bold, color)``."""
        out = []
        for text, size, bold, color in paras:
            out.append(f'<a:p><a:pPr algn="{align}"/><a:r>{_rpr(size, bold, color)}<a:t>{_esc(self.d(text))}</a:t></a:r></a:p>')
        return "".join(out)

    def table(self, slide: _Slide, header: list[str], rows: list[list[str]], widths: list[float], *,
              size: int = 24, y: int = TOP, colors: list[str | None] | None = None,
              left: Sequence[int] = (1,), x: int = MARGIN, width: int = BODY_W) -> None:
        """A table (the body's width unless told); row heights fit their text (LibreOffice does not grow rows).

        ``widths`` are relative; columns in ``left`` are left-aligned, the others centred.
        """
        widths_in = _widths(width, widths)
        col_w = [Inches(wid) for wid in widths_in]
        out = [_TABLE_PR, "<a:tblGrid>", *(f'<a:gridCol w="{c}"/>' for c in col_w), "</a:tblGrid>"]
        total_h = 0
        for i, cells in enumerate([header, *rows]):
            h = Inches(_row_height(cells, widths_in, size))
            total_h += h
            out.append(f'<a:tr h="{h}">')
            color = WHITE if i == 0 else (colors[i - 1] if colors and colors[i - 1] else GREY)
            cell_pr = _CELL_PR % (NAVY if i == 0 else (LIGHT if i % 2 else WHITE))
            for j, value in enumerate(cells):
                align = "l" if i and j in left else "ctr"
                paras = self.paras([(line, size, i == 0, color) for line in value.split("\n")], align)
                out.append(f'<a:tc><a:txBody><a:bodyPr wrap="square"/><a:lstStyle/>{paras}</a:txBody>{cell_pr}')
            out.append("</a:tr>")
        i = slide.new_id()
        body = "<a:tbl>" + "".join(out) + "</a:tbl>"
        slide.shapes.append(_frame(i, "Table", x, y, sum(col_w), total_h, _TABLE_URI, body))

    def paged_table(self, title: str, header: list[str], rows: list[list[str]], widths: list[float], *,
                    size: int, left: Sequence[int] = (1,)) -> None:
        """``rows`` on as many slides as they need; later slides are titled "(ต่อ k/n)"."""
        widths_in = _widths(BODY_W, widths)
        budget = BODY_H / Inches(1) - _row_height(header, widths_in, size)
        pages = _pages(rows, budget, lambda row: _row_height(row, widths_in, size))
        for k, page in enumerate(pages):
            s = self.slide(title + (f" (ต่อ {k + 1}/{len(pages)})" if k else ""))
            self.table(s, header, page, widths, size=size, left=left)

    def chart(self, slide: _Slide, categories: list[str], values: list[float], *, horizontal: bool, title: str = "") -> None:
        """A native bar chart filling the body (editable in PowerPoint: it has its workbook)."""
        part = charts.slide_chart([self.d(c) for c in categories], values, title=self.d(title), digits=self.digits,
                                  font=FONT, horizontal=horizontal, font_size=22)
        self.charts.append(part)
        slide.charts.append(len(self.charts))
        i = slide.new_id()
        ref = f'<c:chart xmlns:c="{_NS_C}" r:id="rId{len(slide.charts) + 1}"/>'
        slide.shapes.append(_frame(i, "Chart", MARGIN, TOP, BODY_W, BODY_H, _NS_C, ref))

    def save(self) -> bytes:
        return _package(self.slides, self.charts)
