"""The OIT follow-up checklist (ผลการติดตามการเปิดเผยข้อมูลสาธารณะ OIT) as its own document.

One row per OIT item of last year's assessment: the item code, its title (the
framework's OIT item list of that year unless the content gives one), last
year's score, this year's status, the responsible division and a note or
URL; then the number of items per status (docs/domain.md, "OIT follow-up
checklist"). Template: ``templates/oit-followup.docx`` (A4 landscape). The same
tables appear inside minutes with ``{insert: oit_followup}``.
"""
from __future__ import annotations

from typing import Any

from ..render.ooxml import Para, runs_from_markup
from ..analyse.phrases import data_file as phrase_file
from ..load.validate import oit_year
from . import computed
from .base import DocumentType, single
from .prose import TITLE, Writer


def oit_context(w: Writer) -> dict[str, Any]:
    """Context of ``templates/oit-followup.docx``: title, ``rows`` and the status ``summary``."""
    c = w.c
    year = oit_year(c)
    names = {"organisation": c.organisation.name, "fiscal_year": w.d(c.fiscal_year), "year": w.d(year)}
    lines = [w.text(c.oit_followup.title)] if c.oit_followup.title else [w.text(t, names) for t in phrase_file("committee")["oit_title"]]
    rows = [
        {
            "number": w.d(i),
            "item": w.d(r.item.upper()) if r.item else "",
            "title": computed.oit_row_title(w, r),
            "score": computed.item_score(w, r.score),
            "status": w.text(r.status_label),
            "responsible": w.text(c.division(r.responsible).name) if r.responsible else "",
            "note": w.text(r.note) if r.note else "",
        }
        for i, r in enumerate(computed.oit_rows(w), 1)
    ]
    summary = [{"status": s, "count": n, "percent": p} for s, n, p in computed.oit_summary(w)]
    return {
        "title": w.xml([Para(TITLE, runs_from_markup(t.replace("พ.ศ. ", "พ.ศ.\u00a0"))) for t in lines], TITLE),
        "year": w.d(year),
        "fiscal_year": w.d(c.fiscal_year),
        "rows": rows,
        "summary": summary,
        "total": w.d(len(rows)),
        "total_percent": w.d("100.00"),
    }


DOCUMENT = DocumentType(
    "oit-followup", "oit-followup.docx", "ผลการติดตามการเปิดเผยข้อมูลสาธารณะ (OIT)",
    lambda c: c.oit_followup is not None and bool(c.oit_followup.rows),
    single(oit_context, "oit-followup.docx"),
)
