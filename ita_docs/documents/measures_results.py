"""The measure-result report (รายงานผลการดำเนินการตามมาตรการ...), after seeds 000 and 004.

Template: ``templates/measures-results.docx`` (landscape, a 7-column table:
the measure, its steps, period, responsible units, outputs and outcome).
"""

from __future__ import annotations

from typing import Any

from .. import thaifmt
from ..render.ooxml import Para, Run, Xml, parts_xml, runs_from_markup
from . import measure_cells as cells
from .base import DocumentType, single
from .prose import CELL, LANDSCAPE_TWIPS, TITLE, Writer


def results_context(w: Writer) -> dict[str, Any]:
    """Context of ``templates/measures-results.docx`` (seeds 000 and 004)."""
    rep = w.c.measure_results
    if rep is None:  # made only when the content has one (`DOCUMENT.supported`)
        raise LookupError("no measure_results in the content")
    rows = []
    for n, res in enumerate(rep.results, 1):
        m = w.c.measure(res.measure)
        base = cells.measure_row(w, m, None)
        outputs: list[Para] = []
        for i, o in enumerate(res.outputs, 1):
            runs = runs_from_markup((w.d(f"{i}. ") if len(res.outputs) > 1 else "") + w.text(o.text))
            if o.date:
                runs.append(Run(f" เมื่อวันที่ {thaifmt.date_short(o.date, sep='', digits=w.digits)}", True))
            outputs.append(Para(CELL, runs))
        outcome: list[Para | str] = w.blocks(res.outcome, in_table=True)
        for cit in res.citations:
            line = f"ข้อ {thaifmt.item_code(cit.code, digits=w.digits)}"
            if cit.title:
                line += f" {w.text(cit.title)}"
            line += f" ได้คะแนน {w.score(cit.score)} คะแนน"
            if cit.previous is not None:
                line += f" ({thaifmt.signed(round(cit.score - cit.previous, 2), digits=w.digits)})"
            outcome.append(Para(CELL, [Run(line)]))
        rows.append(
            {
                **base,
                "number": w.d(n),
                "outputs": w.xml(outputs, CELL),
                "outcome": Xml(parts_xml(outcome), CELL),
            }
        )
    # The cover (seed 000: its own first page) ends with a page break.
    cover = [
        Para(TITLE, p.runs) if isinstance(p, Para) else p for p in w.blocks(rep.cover, width=LANDSCAPE_TWIPS)
    ]
    cover_xml = parts_xml(cover)
    if cover_xml:
        cover_xml += '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    return {
        "cover": Xml(cover_xml, TITLE) if cover_xml else Xml(style=TITLE),
        "title": w.title_xml("measure_results"),
        "introduction": w.blocks_xml(rep.introduction, width=LANDSCAPE_TWIPS),
        "table_title": w.xml([Para(TITLE, runs_from_markup(w.text(t))) for t in rep.table_title], TITLE),
        "rows": rows,
        "after": w.blocks_xml(rep.after, width=LANDSCAPE_TWIPS),
    }


DOCUMENT = DocumentType(
    "measures-results",
    "measures-results.docx",
    "รายงานผลการดำเนินการตามมาตรการ",
    lambda c: c.measure_results is not None,
    single(results_context, "measures-results.docx"),
)
