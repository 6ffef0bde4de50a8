"""The OIT follow-up checklist (ผลการติดตามการเปิดเผยข้อมูลสาธารณะ OIT) as its own document.

One row per OIT item of last year's assessment: the item code, its title (the
framework's OIT item list of that year unless the content gives one), last
year's score, this year's status (as typed), the responsible division and a
note or URL (columns chosen by ``oit_followup.columns``, else those filled);
then the number of items per status (docs/domain.md, "OIT follow-up checklist"). Template: ``templates/oit-followup.docx`` (A4 landscape). The same
tables appear inside minutes with ``{insert: oit_followup}``.
"""

from __future__ import annotations

from typing import Any

from .. import thaifmt
from ..analyse.phrases import data_file as phrase_file
from ..load.validate import oit_year
from ..render.ooxml import Para, Xml, parts_xml, runs_from_markup
from . import computed
from .base import DocumentType, single
from .prose import CENTER, FLUSH, LANDSCAPE_TWIPS, TITLE, Writer


def oit_context(w: Writer) -> dict[str, Any]:
    """Context of ``templates/oit-followup.docx``: title and ``checklist`` (the tables of
    `ita_docs.documents.computed.oit_followup`); ``rows``, ``summary`` and ``total`` for
    templates that lay the tables out themselves."""
    c = w.c
    year = oit_year(c)
    names = {"organisation": c.organisation.name, "fiscal_year": w.d(c.fiscal_year), "year": w.d(year)}
    oit = c.oit_followup
    lines = (
        [w.text(oit.title)]
        if oit and oit.title
        else [w.text(t, names) for t in phrase_file("committee")["oit_title"]]
    )
    rows = [computed.oit_cells(w, i, r) for i, r in enumerate(computed.oit_rows(w), 1)]
    summary = [{"status": s, "count": n, "percent": p} for s, n, p in computed.oit_summary(w)]
    return {
        "title": w.xml(
            [Para(TITLE, runs_from_markup(thaifmt.keep_together(t))) for t in lines]
            + [Para(CENTER, runs_from_markup(n)) for n in w.rules_note(year)],
            TITLE,
        ),
        "checklist": Xml(parts_xml(computed.oit_followup(w, LANDSCAPE_TWIPS, caption=False)), FLUSH),
        "year": w.d(year),
        "fiscal_year": w.d(c.fiscal_year),
        "rows": rows,
        "summary": summary,
        "total": w.d(computed.oit_counted(w)),
        "total_percent": w.d("100.00"),
    }


DOCUMENT = DocumentType(
    "oit-followup",
    "oit-followup.docx",
    "ผลการติดตามการเปิดเผยข้อมูลสาธารณะ (OIT)",
    lambda c: c.oit_followup is not None and bool(c.oit_followup.rows),
    single(oit_context, "oit-followup.docx"),
)
