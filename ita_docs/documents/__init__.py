"""Document types: one module per type, and this registry.

A new document type is one template (``templates/<name>.docx``), one module
here defining ``DOCUMENT`` (`ita_docs.documents.base.DocumentType`), and one
test file; the only other line to touch is the list below. Shared pieces:
`prose` (the `Writer`: digits, expressions, prose blocks, titles) and
`measure_cells` (measure table cells).
"""
from __future__ import annotations

from . import analysis_report, distribution_list, measures_plan, measures_results, memo
from .base import DocumentType
from .memo import memo_of
from .prose import Writer, emblem_path

# In publication order.
DOCUMENTS: list[DocumentType] = [
    analysis_report.DOCUMENT,
    measures_plan.DOCUMENT,
    measures_results.DOCUMENT,
    memo.DOCUMENT,
    distribution_list.DOCUMENT,
]


def document_names() -> list[str]:
    """The ``--only`` names of every document type, in publication order."""
    return [d.name for d in DOCUMENTS]


__all__ = ["DOCUMENTS", "DocumentType", "Writer", "document_names", "emblem_path", "memo_of"]
