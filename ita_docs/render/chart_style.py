"""How the ITA charts look, shared by the documents' and the slide deck's charts: the
DrawingML namespaces, a reproducible chart workbook (`StableChartData`), the number format
that gives Thai digits (`number_format`), the typeface of every run (`set_typeface`), and the
title, labels and axes (`style_chart`). `ita_docs.render.charts` builds the charts.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from lxml import etree
from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_LABEL_POSITION
from pptx.util import Pt

from .chart_format import A_NS, C_NS, R_NS, THAI_DIGITS_PREFIX, number_format

_A = f"{{{A_NS}}}"
_C = f"{{{C_NS}}}"
_FIXED_DATE = _dt.datetime(2000, 1, 1)


class _StableWorkbookWriter(CategoryWorkbookWriter):
    """python-pptx's workbook writer with a fixed creation date (same data, same bytes)."""

    def _populate_worksheet(self, workbook: Any, worksheet: Any) -> None:
        workbook.set_properties({"created": _FIXED_DATE})
        super()._populate_worksheet(workbook, worksheet)


class StableChartData(CategoryChartData):
    """`CategoryChartData` whose embedded workbook is reproducible."""

    @property
    def _workbook_writer(self) -> CategoryWorkbookWriter:  # type: ignore[override]
        return _StableWorkbookWriter(self)


def set_typeface(root: etree._Element, font: str) -> None:
    """Give every DrawingML run property under ``root`` the Latin and complex-script ``font``.

    Thai is complex script: without ``a:cs`` Office draws it in the theme font.
    """
    for tag in ("defRPr", "rPr", "endParaRPr"):
        for rpr in root.iter(f"{_A}{tag}"):
            for child in ("latin", "ea", "cs"):
                el = rpr.find(f"{_A}{child}")
                if el is None:
                    el = etree.SubElement(rpr, f"{_A}{child}")
                el.set("typeface", font)
            _order_rpr(rpr)
            if tag != "endParaRPr":
                rpr.set("lang", rpr.get("lang", "th-TH"))


# CT_TextCharacterProperties children, in schema order
_RPR_ORDER = [
    "ln",
    "noFill",
    "solidFill",
    "gradFill",
    "blipFill",
    "pattFill",
    "grpFill",
    "effectLst",
    "effectDag",
    "highlight",
    "uLnTx",
    "uLn",
    "uFillTx",
    "uFill",
    "latin",
    "ea",
    "cs",
    "sym",
    "hlinkClick",
    "hlinkMouseOver",
    "rtl",
    "extLst",
]


def _order_rpr(rpr: etree._Element) -> None:
    kids = sorted(
        rpr,
        key=lambda el: (
            _RPR_ORDER.index(etree.QName(el).localname) if etree.QName(el).localname in _RPR_ORDER else 99
        ),
    )
    for el in kids:
        rpr.append(el)


def style_chart(
    chart: Chart, *, title: str, digits: str, value_max: float, horizontal: bool, font_size: float
) -> None:
    """Title, no legend, value labels (2 decimals), 0..``value_max`` axis: shared with the slides."""
    chart.has_legend = False
    chart.font.size = Pt(font_size)
    if title:
        chart.chart_title.text_frame.text = title
        chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(font_size + 2)
        chart.chart_title.text_frame.paragraphs[0].runs[0].font.bold = True
    else:
        chart.has_title = False
    plot = chart.plots[0]
    plot.gap_width = 35 if horizontal else 60
    plot.vary_by_categories = False
    _value_labels(plot.series[0], number_format(digits), value_max)
    axis = chart.value_axis
    axis.minimum_scale = 0
    axis.maximum_scale = value_max
    axis.major_unit = _major_unit(value_max)
    axis.has_major_gridlines = True
    axis.tick_labels.number_format = number_format(digits, 0)
    axis.tick_labels.number_format_is_linked = False
    cat_axis = chart.category_axis
    if horizontal:  # first category at the top, value axis still at the bottom
        cat_axis.reverse_order = True
        # c:crosses of the value axis: where it crosses the category axis
        axis._element.find(f"{_C}crosses").set("val", "max")
    for ax in (axis, cat_axis):  # horizontal tick labels (LibreOffice may otherwise turn them)
        ax.tick_labels.font.size = Pt(font_size)
        ax._element.txPr.find(f"{_A}bodyPr").set("rot", "0")
    skip = cat_axis._element.find(f"{_C}tickLblSkip")
    if skip is None:  # every category label, even when they are tight (LibreOffice thins them)
        skip = etree.Element(f"{_C}tickLblSkip")
        cat_axis._element.find(f"{_C}lblOffset").addnext(skip)
    skip.set("val", "1")


def _value_labels(series: Any, fmt: str, value_max: float) -> None:
    """Value labels inside the end of each bar in white; outside a short bar, in dark grey.

    Inside, a label never runs past the plot area, however close the value
    is to ``value_max`` (outside, Word and LibreOffice may clip it).
    """
    labels = series.data_labels
    labels.number_format = fmt
    labels.number_format_is_linked = False
    labels.show_value = True
    labels.position = XL_LABEL_POSITION.INSIDE_END
    labels.font.bold = True
    labels.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    values = series.values
    for i, value in enumerate(values):
        if value is not None and value < value_max * 0.22:
            label = series.points[i].data_label
            label.position = XL_LABEL_POSITION.OUTSIDE_END
            label.font.bold = True
            label.font.color.rgb = RGBColor(0x26, 0x26, 0x26)
            num = etree.Element(f"{_C}numFmt", formatCode=fmt, sourceLinked="0")
            label._dLbl.find(f"{_C}idx").addnext(num)


def _major_unit(value_max: float) -> float:
    """Gridline step: 20 for 0-100, else about a fifth of the range (1, 2 or 5 times a power of ten)."""
    raw = value_max / 5
    power = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1
    return next((step * power for step in (1, 2, 5, 10) if step * power >= raw), raw)


__all__ = [
    "A_NS",
    "C_NS",
    "R_NS",
    "THAI_DIGITS_PREFIX",
    "StableChartData",
    "number_format",
    "set_typeface",
    "style_chart",
]
