"""Distribution lists (รายการแจกจ่ายเอกสาร): the form sent with a memo, after seed 001.

Template: ``templates/distribution-list.docx``: one row per receiving division.
"""

from __future__ import annotations

from typing import Any

from .. import thaifmt
from ..model import Memo
from .base import DocumentType
from .memo import number_text, preset_names, resolved, unit_name
from .prose import Writer


def distribution_context(w: Writer, memo: Memo) -> dict[str, Any]:
    """Context of ``templates/distribution-list.docx``: one row per receiving division.

    ``document`` is the document's identification (unit, number, date, subject), one
    line each, printed once in a cell merged down every row (``{% vm %}``); each row's
    ``document`` keeps the older layout of seed 001's paper form (one line per row) for
    templates written before.
    """
    dist = memo.distribution
    if dist is None:  # made only for a memo that has one (`DOCUMENT`)
        raise LookupError(f"memo {memo.id} has no distribution")
    r = resolved(w, memo)
    with w.names(**preset_names(w, memo)):
        subject = w.text(r["subject"])
    ids = dist.divisions if dist.divisions is not None else [d.id for d in w.c.organisation.divisions]
    doc_lines = [
        f"หนังสือ{unit_name(w, memo)}",
        f"ที่ {number_text(w, memo)}",
        f"ลงวันที่ {w.date_long(memo.date)}",
        f"เรื่อง {subject}",
    ]
    doc_lines = [thaifmt.keep_together(w.d(line)) for line in doc_lines]
    document = "\n".join(doc_lines)
    if len(doc_lines) > len(ids) and ids:
        doc_lines[len(ids) - 1] = " ".join(doc_lines[len(ids) - 1 :])
    received = thaifmt.date_numeric(dist.received, digits=w.digits) if dist.received else ""
    rows = [
        {
            "number": w.d(i),
            "document": doc_lines[i - 1] if i - 1 < len(doc_lines) else "",
            "unit": w.text(w.c.division(d).name),
            "received": received,
        }
        for i, d in enumerate(ids, 1)
    ]
    dots = "................"
    return {
        "org": w.c.organisation,
        "first_use": w.text(dist.first_use) if dist.first_use else dots,
        "revision": w.text(dist.revision) if dist.revision else dots,
        "date": w.date_long(dist.date or memo.date),
        "rows": rows,
        "document": document,
    }


DOCUMENT = DocumentType(
    "distribution-list",
    "distribution-list.docx",
    "รายการแจกจ่ายเอกสาร",
    lambda c: any(m.distribution for m in c.memos),
    lambda w: [
        (f"distribution-{m.id}.docx", distribution_context(w, m)) for m in w.c.memos if m.distribution
    ],
)
