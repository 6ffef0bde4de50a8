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

Modules: the chart XML cache is `ita_docs.render.chart_cache`; the look (styling, typeface,
number format, reproducible workbook) `ita_docs.render.chart_style`; both re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..thaifmt import to_digits
from .chart_cache import ChartSpec, chart_xml
from .chart_style import (
    A_NS,
    C_NS,
    R_NS,
    THAI_DIGITS_PREFIX,
    StableChartData,
    number_format,
    set_typeface,
    style_chart,
)


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
    spec = ChartSpec(horizontal, digits, title, font, value_max, series_name, font_size, slide=False)
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
    spec = ChartSpec(horizontal, digits, title, font, value_max, series_name, font_size, slide=True)
    xml = chart_xml(spec, categories, values)
    xlsx = _workbook(number_format(digits), categories, series_name, values)
    return ChartPart(xml, xlsx, tuple(categories), tuple(values), title)


def _workbook(fmt: str, categories: list[str], series_name: str, values: list[float]) -> bytes:
    data = StableChartData(number_format=fmt)
    data.categories = list(categories)
    data.add_series(series_name, values)
    return data.xlsx_blob


__all__ = [
    "A_NS",
    "C_NS",
    "R_NS",
    "THAI_DIGITS_PREFIX",
    "ChartPart",
    "StableChartData",
    "bar_chart",
    "chart_xml",
    "number_format",
    "set_typeface",
    "slide_chart",
    "style_chart",
]
