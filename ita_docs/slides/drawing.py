"""DrawingML text and tables of the slide deck written as XML text, with no python-pptx import.

`TextPara` and `TableSpec` are what `ita_docs.slides.deck` lays out; `text_xml`
escapes an ``a:t`` as python-pptx does; `table_xml` writes a whole table's
``p:graphicFrame`` in one pass, the same bytes as python-pptx's objects give
(`ita_docs.slides.writer.table_reference`; tests/slides/test_slides.py compares
them). Used by the fast writer (`ita_docs.slides.fast`) and by the python-pptx
writer (`ita_docs.slides.writer`); kept apart so that a deck drawn by the fast
writer from a template read before (`ita_docs.slides.package`) does not import
python-pptx (issue 19). Invisible characters
(`ita_docs.render.ooxml.names.INVISIBLE`) are removed, as in the Word documents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..render.ooxml import runs_from_markup
from ..render.ooxml.names import INVISIBLE
from .layout import PAD_X, PAD_Y, inches

_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
#: Cell margins (EMU): left and right, top and bottom.
MARGINS = (inches(PAD_X / 2), inches(PAD_Y / 2))
_MAR = MARGINS


@dataclass(frozen=True)
class TextPara:
    """One paragraph: text (``**bold**`` markup allowed), size (pt; None: the placeholder's),
    bold (None: inherited), theme colour (None: inherited), level (0 paragraph, 1 bullet), alignment (None: inherited)."""

    text: str
    size: float | None = None
    bold: bool | None = None
    color: str | None = None
    level: int = 0
    align: str | None = None


def clean(text: str) -> str:
    """``text`` without invisible characters (as in the Word documents)."""
    return INVISIBLE.sub("", text)


_CTRL = re.compile("[\x00-\x08\x0b-\x1f]")
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def text_xml(text: str) -> str:
    """Text of an ``a:t`` as python-pptx writes it: control characters as ``_xHHHH_``, then XML escapes."""
    if _CTRL.search(text):
        text = _CTRL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    if _NOT_XML.search(text):
        raise ValueError(
            "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters"
        )
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class TableSpec:
    """A table as drawn: header and body rows of text, column widths and row heights (EMU),
    text size (pt), columns left-aligned (others centred), body rows in the below-pass colour."""

    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    widths: Sequence[int]
    heights: Sequence[int]
    size: float
    left: Sequence[int] = (1,)
    marked: Sequence[bool] = ()


def _run_xml(text: str, size: float, bold: bool, color: str | None) -> str:
    fill_xml = f'<a:solidFill><a:schemeClr val="{color}"/></a:solidFill>' if color else ""
    return (
        f'<a:r><a:rPr sz="{int(size * 100)}" b="{int(bold)}" lang="th-TH"'
        + (f">{fill_xml}</a:rPr>" if fill_xml else "/>")
        + f"<a:t>{text_xml(text)}</a:t></a:r>"
    )


def table_xml(shape_id: int, x: int, y: int, t: TableSpec) -> str:
    """The ``p:graphicFrame`` of `table_reference`, written as text (same bytes once serialized)."""
    mar = f'marL="{_MAR[0]}" marR="{_MAR[0]}" marT="{_MAR[1]}" marB="{_MAR[1]}" anchor="ctr"'
    out = [
        (
            f'<p:graphicFrame xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="{_A_NS}">'
            f'<p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="Table {shape_id - 1}"/><p:cNvGraphicFramePr>'
            '<a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
            f'<p:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{sum(t.widths)}" cy="{sum(t.heights)}"/></p:xfrm>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>'
            '<a:tblPr firstRow="1" bandRow="1"><a:tableStyleId>{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}</a:tableStyleId>'
            "</a:tblPr><a:tblGrid>"
        ),
        *(f'<a:gridCol w="{w}"/>' for w in t.widths),
        "</a:tblGrid>",
    ]
    for i, cells in enumerate([t.header, *t.rows]):
        out.append(f'<a:tr h="{t.heights[i]}">')
        marked = i > 0 and bool(t.marked) and t.marked[i - 1]
        color = "accent2" if marked else None
        for j, value in enumerate(cells):
            align = "l" if i and j in t.left else "ctr"
            paras = []
            for line in value.split("\n"):
                runs = "".join(
                    _run_xml(r.text, t.size, r.bold, color)
                    for r in runs_from_markup(clean(line), bold=i == 0)
                )
                paras.append(f'<a:p><a:pPr algn="{align}"/>{runs}</a:p>')
            out.append(
                f"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{''.join(paras)}</a:txBody><a:tcPr {mar}/></a:tc>"
            )
        out.append("</a:tr>")
    out.append("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>")
    return "".join(out)


__all__ = ["MARGINS", "TableSpec", "TextPara", "clean", "table_xml", "text_xml"]
