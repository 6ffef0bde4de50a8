"""The chart XML of a one-series bar chart, built once per shape (`chart_xml`): the chart is
built with python-pptx (`built_chart_xml`) for placeholder data and cut around its texts;
later charts of that shape only have their texts written in, the same bytes as a full build.
Used by `ita_docs.render.charts`.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from lxml import etree

from .chart_format import C_NS, R_NS, number_format

_C = f"{{{C_NS}}}"


@dataclass(frozen=True)
class ChartSpec:
    """Everything of a chart but its data: a chart XML is cached per spec and shape of data."""

    horizontal: bool
    digits: str
    title: str
    font: str
    value_max: float
    series_name: str
    font_size: float
    slide: bool  # the slide deck's variant (python-pptx add_chart) or Word's (bar_chart)


def chart_xml(spec: ChartSpec, categories: list[str], values: list[float]) -> bytes:
    """The ``c:chartSpace`` part of a one-series bar chart, the same bytes as `built_chart_xml` gives.

    The XML depends on the data only through the category texts, the value
    texts, their number and which values get their label outside the bar. The
    chart is built once per `ChartSpec` and shape (count, short bars) with
    placeholder data and serialized; later charts of that shape only put their
    texts in (about 30 us instead of 2.5 ms). Data the placeholders cannot stand
    for (text XML would change or refuse, values that are not plain numbers)
    take the full build.
    """
    if not _patchable(categories, values):
        return built_chart_xml(spec, categories, values)
    short = tuple(float(str(v)) < spec.value_max * 0.22 for v in values)
    template = _template(spec, short)
    if template is None:
        return built_chart_xml(spec, categories, values)
    pieces, slots = template
    out = [pieces[0]]
    for (kind, i), piece in zip(slots, pieces[1:]):
        out.append(
            _xml_text(categories[i]).encode("utf-8") if kind == "cat" else str(values[i]).encode("ascii")
        )
        out.append(piece)
    return b"".join(out)


def built_chart_xml(spec: ChartSpec, categories: list[str], values: list[float]) -> bytes:
    """The chart XML built with python-pptx's writer and chart objects (the reference for `chart_xml`).

    python-pptx is imported here, on the first chart of a shape, not with the module.
    """
    from pptx.chart.chart import Chart
    from pptx.chart.xmlwriter import ChartXmlWriter
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.oxml import parse_xml

    from .chart_style import StableChartData, set_typeface, style_chart

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
def _template(spec: ChartSpec, short: tuple[bool, ...]) -> tuple[list[bytes], list[tuple[str, int]]] | None:
    """The chart XML of ``spec`` cut around the category and value texts, or None if placeholders fail."""
    n = len(short)
    big = abs(spec.value_max) * 10 + 1e6
    values = [-(big + 2 * i + 0.5) if s else big + 2 * i + 0.5 for i, s in enumerate(short)]
    if tuple(v < spec.value_max * 0.22 for v in values) != short:
        return None
    xml = built_chart_xml(spec, [_PH_CAT % i for i in range(n)], values)
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


__all__ = ["ChartSpec", "built_chart_xml", "chart_xml"]
