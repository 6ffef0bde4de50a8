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

Kept on disk: a finished chart (XML and workbook) is a function of its spec and data alone,
so it is kept in the user's cache folder (`ita_docs.render.store`, kind ``charts``, the newest
512) and read back by a later process, which then imports neither python-pptx nor
xlsxwriter (issue 19: about 0.15 s of a fresh process). The key covers the spec, the texts,
the values as written (``1`` and ``1.0`` differ), the versions of python-pptx and XlsxWriter
and the source of the chart modules; a damaged file is built again, never trusted.

Modules: the chart XML cache is `ita_docs.render.chart_cache`; the look (styling, typeface,
reproducible workbook) `ita_docs.render.chart_style`; the namespaces and number format,
re-exported here, `ita_docs.render.chart_format`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ..thaifmt import to_digits
from . import store
from .chart_cache import ChartSpec, chart_xml
from .chart_format import A_NS, C_NS, R_NS, THAI_DIGITS_PREFIX, number_format

KIND = "charts"
_SOURCES = ("render/charts.py", "render/chart_cache.py", "render/chart_style.py", "render/chart_format.py")


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
    xml, xlsx = _part(spec, fmt, categories, values)
    return ChartPart(xml, xlsx, tuple(categories), tuple(values), title)


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
    xml, xlsx = _part(spec, number_format(digits), categories, values)
    return ChartPart(xml, xlsx, tuple(categories), tuple(values), title)


def _key(spec: ChartSpec, fmt: str, categories: list[str], values: list[float]) -> str | None:
    """The disk key of a chart, or None for data that is not plain texts and numbers."""
    if not all(type(c) is str for c in categories) or not all(type(v) in (int, float) for v in values):
        return None
    given = json.dumps([dataclasses.astuple(spec), fmt, categories, [repr(v) for v in values]])
    digest = store.code_digest(_SOURCES, ("python-pptx", "XlsxWriter"))
    return hashlib.sha256(f"{given}|{digest}".encode()).hexdigest()


def _part(spec: ChartSpec, fmt: str, categories: list[str], values: list[float]) -> tuple[bytes, bytes]:
    """(chart XML, workbook) of a chart: from the disk when a process made it before, else built and kept."""

    def build() -> tuple[bytes, bytes]:
        return chart_xml(spec, categories, values), _workbook(fmt, categories, spec.series_name, values)

    part = store.remembered(_key(spec, fmt, categories, values), KIND, build, _to_disk, _from_disk)
    assert part is not None  # build never gives None
    return part


def _to_disk(part: tuple[bytes, bytes], blobs: store.Blobs) -> dict[str, Any]:
    return {"xml": blobs.add(part[0]), "xlsx": blobs.add(part[1])}


def _from_disk(header: dict[str, Any], area: memoryview) -> tuple[bytes, bytes] | None:
    try:
        return store.blob(area, header.get("xml")), store.blob(area, header.get("xlsx"))
    except ValueError:
        return None  # a reference out of range: built again


def _workbook(fmt: str, categories: list[str], series_name: str, values: list[float]) -> bytes:
    from .chart_style import StableChartData  # python-pptx and xlsxwriter: only for a chart not on disk

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
    "bar_chart",
    "chart_xml",
    "number_format",
    "slide_chart",
]
