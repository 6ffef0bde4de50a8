"""The slide deck writer: slides of the template's layouts, their placeholders, tables and charts, with python-pptx.

`DeckWriter` adds slides to a `ita_docs.slides.package.open_deck` presentation
and draws what `ita_docs.slides.deck` laid out: titles and body text in the
layout's placeholders (so the master's fonts, colours and bullets apply), text
boxes, tables (the template's table style: header and bands in the theme's
accent colour) and native charts. Runs name no typeface and no RGB colour:
the font comes from the theme (Latin and complex script), colours are theme
colours (``tx1``, ``accent1``, ``accent2`` for scores below the pass mark),
``lang`` is th-TH. Invisible characters (`ita_docs.render.ooxml.names.INVISIBLE`:
zero-width space and joiners, word joiner, BOM, soft hyphen, direction marks)
are removed, as in the Word documents.

Speed: a table's XML is written as text in one pass (`table_xml`) instead of
one python-pptx call per cell, run and font attribute, the same bytes as
`table_reference` writes through python-pptx's objects (tests/slides/test_slides.py
compares them); a chart's XML comes from `ita_docs.render.charts.slide_chart` (built
once per shape of data, the bytes of python-pptx's ``add_chart``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.util import Emu, Pt

from ..render import chart_style, charts
from ..render.ooxml import runs_from_markup
from .drawing import MARGINS as _MAR
from .drawing import TableSpec, TextPara, clean, table_xml
from .package import Box, SlideTemplate, open_deck, save

_ALIGN = {"l": PP_ALIGN.LEFT, "ctr": PP_ALIGN.CENTER}


def fill(tf: Any, paras: Sequence[TextPara]) -> None:
    """Put ``paras`` into the text frame ``tf`` (its first, empty paragraph first) through python-pptx."""
    from pptx.enum.dml import MSO_THEME_COLOR

    theme = {
        "tx1": MSO_THEME_COLOR.TEXT_1,
        "bg1": MSO_THEME_COLOR.BACKGROUND_1,
        "accent1": MSO_THEME_COLOR.ACCENT_1,
        "accent2": MSO_THEME_COLOR.ACCENT_2,
    }
    for i, para in enumerate(paras):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        if para.level:
            p.level = para.level
        if para.align:
            p.alignment = _ALIGN[para.align]
        for run in runs_from_markup(clean(para.text), bold=bool(para.bold)):
            r = p.add_run()
            r.text = run.text
            font = r.font
            if para.size is not None:
                font.size = Pt(para.size)
            if run.bold or para.bold is not None:
                font.bold = run.bold
            if para.color:
                font.color.theme_color = theme[para.color]
            font.language_id = MSO_LANGUAGE_ID.THAI


def table_reference(shapes: Any, x: int, y: int, t: TableSpec) -> Any:
    """The table drawn through python-pptx's objects (the reference for `table_xml`)."""
    n_rows = len(t.rows) + 1
    frame = shapes.add_table(n_rows, len(t.header), x, y, sum(t.widths), sum(t.heights))
    table = frame.table
    for j, w in enumerate(t.widths):
        table.columns[j].width = Emu(w)
    for i, cells in enumerate([t.header, *t.rows]):
        table.rows[i].height = Emu(t.heights[i])
        for j, value in enumerate(cells):
            cell = table.cell(i, j)
            cell.margin_left = cell.margin_right = _MAR[0]
            cell.margin_top = cell.margin_bottom = _MAR[1]
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            marked = i > 0 and bool(t.marked) and t.marked[i - 1]
            align = "l" if i and j in t.left else "ctr"
            paras = [
                TextPara(line, t.size, i == 0, "accent2" if marked else None, 0, align)
                for line in value.split("\n")
            ]
            fill(cell.text_frame, paras)
    return frame


class DeckWriter:
    """A deck being drawn on ``template``: `add` a slide of a layout, draw on it, `save`."""

    def __init__(self, template: SlideTemplate, digits: str, *, fast: bool = True):
        self.t = template
        self.digits = digits
        self.fast = fast
        self.prs: Any = open_deck(template)

    def add(self, layout: str) -> Any:
        """A new slide of the layout ``title``, ``content``, ``table`` or ``section`` (`LAYOUTS`)."""
        return self.prs.slides.add_slide(self.prs.slide_layouts[self.t.layouts[layout]])

    @staticmethod
    def placeholder(slide: Any, kind: str) -> Any:
        for ph in slide.placeholders:
            t = ph.element.ph.get("type", "body")
            if (t if t != "obj" else "body") == kind:
                return ph
        raise LookupError(kind)

    def text_in(
        self,
        slide: Any,
        kind: str,
        paras: Sequence[TextPara],
        box: Box | None = None,
        anchor: str | None = None,
    ) -> None:
        """``paras`` in the slide's placeholder of ``kind``; ``box`` moves or resizes it on this slide."""
        ph = self.placeholder(slide, kind)
        if box is not None:
            ph.left, ph.top, ph.width, ph.height = (Emu(v) for v in box)
        tf = ph.text_frame
        tf.word_wrap = True
        if anchor:
            tf.vertical_anchor = MSO_ANCHOR.MIDDLE if anchor == "ctr" else MSO_ANCHOR.TOP
        fill(tf, paras)

    def drop(self, slide: Any, kind: str) -> None:
        """Remove the slide's (empty) placeholder of ``kind``."""
        sp = self.placeholder(slide, kind).element
        sp.getparent().remove(sp)

    def text_box(self, slide: Any, box: Box, paras: Sequence[TextPara]) -> None:
        tf = slide.shapes.add_textbox(*(Emu(v) for v in box)).text_frame
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE
        fill(tf, paras)

    def table(self, slide: Any, x: int, y: int, t: TableSpec) -> None:
        if not self.fast:
            table_reference(slide.shapes, Emu(x), Emu(y), t)
            return
        tree = slide.shapes._spTree
        shape_id = max((int(i) for i in tree.xpath("//p:cNvPr/@id")), default=0) + 1
        tree.append(parse_xml(table_xml(shape_id, x, y, t)))

    def chart(
        self, slide: Any, box: Box, categories: list[str], values: list[float], *, horizontal: bool
    ) -> None:
        """A native bar chart (editable in PowerPoint: it has its workbook) in ``box``."""
        size = min(22.0, max(14.0, self.t.body_size - 4))
        if not self.fast:
            data = chart_style.StableChartData(number_format=charts.number_format(self.digits))
            data.categories = categories
            data.add_series("คะแนน", values)
            frame = slide.shapes.add_chart(_kind(horizontal), *(Emu(v) for v in box), data)
            chart_style.style_chart(
                frame.chart,
                title="",
                digits=self.digits,
                value_max=100,
                horizontal=horizontal,
                font_size=size,
            )
            chart_style.set_typeface(frame.chart._chartSpace, self.t.font)
            return
        part = charts.slide_chart(
            categories,
            values,
            title="",
            digits=self.digits,
            font=self.t.font,
            horizontal=horizontal,
            font_size=size,
        )
        slide.shapes.add_chart(_kind(horizontal), *(Emu(v) for v in box), _Prebuilt(part))

    def save(self) -> bytes:
        return save(self.prs)


def _kind(horizontal: bool) -> Any:
    from pptx.enum.chart import XL_CHART_TYPE

    return XL_CHART_TYPE.BAR_CLUSTERED if horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED


_EXTERNAL = b'<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData>'


class _Prebuilt(CategoryChartData):
    """Chart data whose chart XML and workbook are already made (`ita_docs.render.charts.slide_chart`): python-pptx's
    ``add_chart`` adds them as it adds its own, relating the workbook again (so its reference is taken out)."""

    def __init__(self, part: charts.ChartPart):
        super().__init__()
        if part.xml.count(_EXTERNAL) != 1:
            raise ValueError("unexpected chart XML")
        self._prebuilt_xml = part.xml.replace(_EXTERNAL, b"")
        self._prebuilt_xlsx = part.xlsx

    def xml_bytes(self, chart_type: Any) -> bytes:
        return self._prebuilt_xml

    @property
    def xlsx_blob(self) -> bytes:
        return self._prebuilt_xlsx
