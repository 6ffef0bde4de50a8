"""Embedding a native chart (`ita_docs.render.charts.ChartPart`) in a python-docx / docxtpl document.

python-docx has no chart API; this module adds what Word needs to show a chart
built by `ita_docs.render.charts`: the chart part (``word/charts/chartN.xml``), the
workbook (``word/embeddings/Microsoft_Excel_SheetN.xlsx``, so the data are
editable in Word), their relationships and content types, and the ``w:drawing``
that shows the chart in a run.

- `relate_chart` adds the parts to the package of a document, header or footer part;
- `drawing_xml` embeds a chart and returns its ``<w:drawing>``;
- `add_chart` puts a chart into a python-docx run;
- `InlineChart` is used like docxtpl's ``InlineImage``: ``{{ chart }}`` in a template run.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import CONTENT_TYPE as DOCX_CT
from docx.opc.constants import RELATIONSHIP_TYPE as DOCX_RT
from docx.opc.part import Part
from docx.shared import Cm
from lxml import etree

from .charts import A_NS, C_NS, R_NS, ChartPart

_CHART_PART = "/word/charts/chart%d.xml"
_XLSX_PART = "/word/embeddings/Microsoft_Excel_Sheet%d.xlsx"
_XLSX_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def _drawing_xml(r_id: str, shape_id: int, cx: int, cy: int, name: str) -> str:
    return (
        f'<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="{_WP}">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{shape_id}" name="{name}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{C_NS}">'
        f'<c:chart xmlns:c="{C_NS}" xmlns:r="{R_NS}" r:id="{r_id}"/>'
        f"</a:graphicData></a:graphic></wp:inline></w:drawing>"
    )


def _next_shape_id(part: Any) -> int:
    # docxtpl renders from the template's element, which does not yet hold the
    # drawings made during rendering: count the charts made for this part.
    base = getattr(part, "next_id", 1)
    return base + 1000 + len(part.__dict__.get("_ita_charts", []))


def relate_chart(part: Any, chart: ChartPart) -> str:
    """Add ``chart`` (and its workbook) to the package of ``part``; return the ``r:id`` of the chart.

    ``part`` is a python-docx part (document, header, footer) that will show
    the chart. The chart part relates to the workbook as ``rId1``.
    """
    package = part.package
    chart_part = Part(package.next_partname(_CHART_PART), DOCX_CT.DML_CHART, chart.xml, package)
    xlsx_part = Part(package.next_partname(_XLSX_PART), _XLSX_CT, chart.xlsx, package)
    chart_part.rels.add_relationship(DOCX_RT.PACKAGE, xlsx_part, "rId1")
    return part.relate_to(chart_part, DOCX_RT.CHART)


def drawing_xml(part: Any, chart: ChartPart, *, width_cm: float, height_cm: float) -> str:
    """Embed ``chart`` for ``part`` and return its ``<w:drawing>`` XML (to go inside a ``w:r``)."""
    r_id = relate_chart(part, chart)
    charts = part.__dict__.setdefault("_ita_charts", [])
    charts.append(r_id)
    return _drawing_xml(
        r_id, _next_shape_id(part), int(Cm(width_cm)), int(Cm(height_cm)), f"Chart {len(charts)}"
    )


def add_chart(run: Any, chart: ChartPart, *, width_cm: float, height_cm: float) -> None:
    """Append ``chart`` to a python-docx ``Run`` (the run's part gets the chart)."""
    xml = drawing_xml(run.part, chart, width_cm=width_cm, height_cm=height_cm)
    run._r.append(etree.fromstring(xml))


class InlineChart:
    """A chart for a docxtpl template run: ``{{ chart }}`` (like docxtpl's ``InlineImage``).

    ``InlineChart(tpl, bar_chart(...), width_cm=15, height_cm=8)``; the parts
    are added when the template renders the variable, to the part being
    rendered (body, header or footer). Render each object once.
    """

    def __init__(self, tpl: Any, chart: ChartPart, *, width_cm: float = 15.0, height_cm: float = 8.0):
        self.tpl, self.chart = tpl, chart
        self.width_cm, self.height_cm = width_cm, height_cm

    def _insert(self) -> str:
        part = getattr(self.tpl, "current_rendering_part", None) or self.tpl.docx.part
        xml = drawing_xml(part, self.chart, width_cm=self.width_cm, height_cm=self.height_cm)
        return f'</w:t></w:r><w:r>{xml}</w:r><w:r><w:t xml:space="preserve">'

    def __html__(self) -> str:
        return self._insert()

    def __str__(self) -> str:
        return self._insert()
