"""Native (editable) bar charts for the ITA documents and the slide deck.

python-docx has no chart API. python-pptx writes the same DrawingML chart part
(``c:chartSpace``) that Word uses, and the workbook that holds the chart's data;
this module builds a one-series bar chart with those writers:

- `bar_chart` returns a `ChartPart` (chart XML + workbook bytes) for Word,
  embedded by `ita_docs.render.chart_embed` (``InlineChart`` in a template, ``add_chart``);
- `slide_chart` is the chart part of the slide deck (`ita_docs.slides.deck`);
- `style_chart` and `set_typeface` are shared with the slide deck.

Speed: the chart XML depends on the data only through its texts, so `chart_xml`
builds a chart once per shape (kind, title, count of bars, which bars are
short) with python-pptx and afterwards only writes the texts in, the same
bytes as a full build. The workbook (xlsxwriter, about 1.3 ms) is written each time.

Thai digits: chart numbers are real numbers, so their digits come from the
number format (see `number_format`); category labels and the title are text
and get their digits from `ita_docs.thaifmt.to_digits`.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.chart.xmlwriter import ChartXmlWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.oxml import parse_xml
from pptx.util import Pt

from ..thaifmt import to_digits

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_A = f"{{{A_NS}}}"
_C = f"{{{C_NS}}}"

#: Office's locale prefix ``[$-xxyyzzzz]``: numeral shape ``0D`` (Thai digits),
#: calendar ``00`` (default), language ``041E`` (th-TH).
THAI_DIGITS_PREFIX = "[$-D00041E]"
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


@dataclass(frozen=True)
class ChartPart:
    """A chart ready to embed: the ``c:chartSpace`` XML and its workbook.

    The XML refers to the workbook through relationship ``rId1``
    (``c:externalData``); `ita_docs.render.chart_embed` creates that relationship.
    """

    xml: bytes
    xlsx: bytes
    categories: tuple[str, ...]
    values: tuple[float, ...]
    title: str


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


def number_format(digits: str, decimals: int = 2) -> str:
    """The number format of chart labels for ``digits`` (``thai``/``arabic``).

    >>> number_format("thai"), number_format("arabic", 0)
    ('[$-D00041E]0.00', '0')

    A plain number format cannot switch digits; the locale prefix can. Its
    ``0D`` byte asks Office (Word, Excel) for Thai digits; LibreOffice 7.4
    honours it too and draws ๙๒.๘๗. With the Buddhist-calendar byte as well
    (``[$-D07041E]``) LibreOffice keeps ASCII digits, so the calendar byte stays ``00``.
    The workbook keeps plain numbers either way.
    """
    if digits not in ("thai", "arabic"):
        raise ValueError(f"digits must be 'thai' or 'arabic', got {digits!r}")
    body = "0" + ("." + "0" * decimals if decimals else "")
    return (THAI_DIGITS_PREFIX if digits == "thai" else "") + body


def bar_chart(
    categories: list[str],
    values: list[float],
    *,
    title: str,
    digits: str = "thai",
    font: str = "TH Sarabun New",
    horizontal: bool = False,
    value_max: float = 100,
    series_name: str = "คะแนน",
    font_size: float = 14,
) -> ChartPart:
    """A one-series bar chart (columns, or bars when ``horizontal``) of ``values`` by category.

    Data labels show each value with two decimals; the value axis runs from
    0 to ``value_max``; every text uses ``font`` (Latin and complex script).
    Digits in ``categories`` and ``title`` are converted to ``digits``.
    """
    fmt = number_format(digits)
    categories = [to_digits(c, digits) for c in categories]
    title = to_digits(title, digits)
    if len(categories) != len(values):
        raise ValueError(f"{len(categories)} categories but {len(values)} values")
    if not categories:
        raise ValueError("a chart needs at least one category")
    values = [float(v) for v in values]
    spec = _Spec(horizontal, digits, title, font, value_max, series_name, font_size, slide=False)
    xml = chart_xml(spec, categories, values)
    return ChartPart(
        xml, _workbook(fmt, categories, series_name, values), tuple(categories), tuple(values), title
    )


def slide_chart(
    categories: list[str],
    values: list[float],
    *,
    title: str,
    digits: str,
    font: str,
    horizontal: bool,
    value_max: float = 100,
    series_name: str = "คะแนน",
    font_size: float = 22,
) -> ChartPart:
    """The chart part of a slide deck (`ita_docs.slides.deck`): as python-pptx's ``add_chart`` writes it.

    ``categories`` and ``title`` are taken as they are (their digits already
    converted); ``values`` as given (an ``int`` is written as one). Unlike
    `bar_chart` there is no ``c:roundedCorners``. The part relates to its
    workbook as ``rId1``.
    """
    spec = _Spec(horizontal, digits, title, font, value_max, series_name, font_size, slide=True)
    xml = chart_xml(spec, categories, values)
    xlsx = _workbook(number_format(digits), categories, series_name, values)
    return ChartPart(xml, xlsx, tuple(categories), tuple(values), title)


def _workbook(fmt: str, categories: list[str], series_name: str, values: list[float]) -> bytes:
    data = StableChartData(number_format=fmt)
    data.categories = list(categories)
    data.add_series(series_name, values)
    return data.xlsx_blob


# --------------------------------------------------------------------------- chart XML, built once per shape


@dataclass(frozen=True)
class _Spec:
    """Everything of a chart but its data: a chart XML is cached per spec and shape of data."""

    horizontal: bool
    digits: str
    title: str
    font: str
    value_max: float
    series_name: str
    font_size: float
    slide: bool  # the slide deck's variant (python-pptx add_chart) or Word's (bar_chart)


def chart_xml(spec: _Spec, categories: list[str], values: list[float]) -> bytes:
    """The ``c:chartSpace`` part of a one-series bar chart, the same bytes as `_chart_xml_built` gives.

    The XML depends on the data only through the category texts, the value
    texts, their number and which values get their label outside the bar. The
    chart is built once per `_Spec` and shape (count, short bars) with
    placeholder data and serialized; later charts of that shape only put their
    texts in (about 30 us instead of 2.5 ms). Data the placeholders cannot stand
    for (text XML would change or refuse, values that are not plain numbers)
    take the full build.
    """
    if not _patchable(categories, values):
        return _chart_xml_built(spec, categories, values)
    short = tuple(float(str(v)) < spec.value_max * 0.22 for v in values)
    template = _template(spec, short)
    if template is None:
        return _chart_xml_built(spec, categories, values)
    pieces, slots = template
    out = [pieces[0]]
    for (kind, i), piece in zip(slots, pieces[1:]):
        out.append(
            _xml_text(categories[i]).encode("utf-8") if kind == "cat" else str(values[i]).encode("ascii")
        )
        out.append(piece)
    return b"".join(out)


def _chart_xml_built(spec: _Spec, categories: list[str], values: list[float]) -> bytes:
    """The chart XML built with python-pptx's writer and chart objects (the reference for `chart_xml`)."""
    data = StableChartData(number_format=number_format(spec.digits))
    data.categories = list(categories)
    data.add_series(spec.series_name, values)
    kind = XL_CHART_TYPE.BAR_CLUSTERED if spec.horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
    space = parse_xml(ChartXmlWriter(kind, data).xml.encode("utf-8"))
    if spec.slide:  # what python-pptx's add_chart does when it relates the workbook
        space.get_or_add_externalData().rId = "rId1"
    style_chart(
        Chart(space, None),
        title=spec.title,
        digits=spec.digits,
        value_max=spec.value_max,
        horizontal=spec.horizontal,
        font_size=spec.font_size,
    )
    set_typeface(space, spec.font)
    if not spec.slide:
        space.find(f"{_C}date1904").addnext(etree.Element(f"{_C}roundedCorners", val="0"))
        ext = etree.SubElement(space, f"{_C}externalData", nsmap={"r": R_NS})
        ext.set(f"{{{R_NS}}}id", "rId1")
        etree.SubElement(ext, f"{_C}autoUpdate").set("val", "0")
    return etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)


# Text that parses back to itself in a c:v: no control characters (the parser would
# refuse them or turn CR into LF), no leading/trailing space (a blank one would be dropped).
_UNSAFE_TEXT = re.compile("[\x00-\x1f\ud800-\udfff\ufffe\uffff\ue000\ue001]")
_PH_CAT = "\ue000%d\ue001"


def _patchable(categories: list[str], values: list[float]) -> bool:
    return all(
        type(c) is str and c.strip() == c and c and not _UNSAFE_TEXT.search(c) for c in categories
    ) and all(type(v) in (int, float) and math.isfinite(v) for v in values)


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@functools.lru_cache(maxsize=256)
def _template(spec: _Spec, short: tuple[bool, ...]) -> tuple[list[bytes], list[tuple[str, int]]] | None:
    """The chart XML of ``spec`` cut around the category and value texts, or None if placeholders fail."""
    n = len(short)
    big = abs(spec.value_max) * 10 + 1e6
    values = [-(big + 2 * i + 0.5) if s else big + 2 * i + 0.5 for i, s in enumerate(short)]
    if tuple(v < spec.value_max * 0.22 for v in values) != short:
        return None
    xml = _chart_xml_built(spec, [_PH_CAT % i for i in range(n)], values)
    marks = {_PH_CAT.encode("utf-8") % i: ("cat", i) for i in range(n)}
    marks.update({b"<c:v>%s</c:v>" % str(v).encode("ascii"): ("val", i) for i, v in enumerate(values)})
    pattern = re.compile(b"|".join(re.escape(m) for m in marks))
    pieces, slots, pos = [], [], 0
    for m in pattern.finditer(xml):
        token = m.group()
        if token.startswith(b"<c:v>"):  # keep the tags, cut out the number
            start, end = m.start() + 5, m.end() - 6
        else:
            start, end = m.start(), m.end()
        pieces.append(xml[pos:start])
        slots.append(marks[token])
        pos = end
    pieces.append(xml[pos:])
    if sorted(slots) != sorted(marks.values()):  # each placeholder exactly once
        return None
    return pieces, slots


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
