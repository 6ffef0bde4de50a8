"""The measure plan (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน), after seed 001.

Template: ``templates/measures-plan.docx`` (landscape, a 5-column measures table).
"""

from __future__ import annotations

from typing import Any

from . import measure_cells as cells
from .base import DocumentType, single
from .prose import FLUSH, LANDSCAPE_TWIPS, Writer


def plan_context(w: Writer) -> dict[str, Any]:
    """Context of ``templates/measures-plan.docx`` (seed 001's plan)."""
    p = w.c.measure_plan
    if p is None:  # made only when the content has one (`DOCUMENT.supported`)
        raise LookupError("no measure_plan in the content")
    return {
        "title": w.title_xml("measure_plan"),
        "heading": w.xml([w.para(p.heading, FLUSH, bold=True)] if p.heading else [], FLUSH),
        "goal": w.blocks_xml(p.goal, width=LANDSCAPE_TWIPS),
        "groups": cells.measure_groups(w, p.groups),
        "after": w.blocks_xml(p.after, width=LANDSCAPE_TWIPS),
    }


DOCUMENT = DocumentType(
    "measures-plan",
    "measures-plan.docx",
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    lambda c: c.measure_plan is not None,
    single(plan_context, "measures-plan.docx"),
)
