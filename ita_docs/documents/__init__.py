"""Document types: one module per type, and this registry.

A new document type is one template (``templates/<name>.docx``), one module
here defining ``DOCUMENT`` (`ita_docs.documents.base.DocumentType`), and one
test file; the only other line to touch is the list below. Shared pieces:
`prose` (the `Writer`: digits, expressions, prose blocks, titles) and
`measure_cells` (measure table cells), `computed` (tables computed from the
content, insertable in prose), `people` (who is who in committee documents).
"""

from __future__ import annotations

from ..load.loader import LoadedContent
from . import (
    analysis_report,
    analysis_slides,
    computed,
    distribution_list,
    measures_plan,
    measures_results,
    memo,
    minutes,
    oit_followup,
    publish_index,
)
from .base import DocumentType
from .memo import memo_of
from .prose import Writer, emblem_path

# In publication order.
DOCUMENTS: list[DocumentType] = [
    analysis_report.DOCUMENT,
    analysis_slides.DOCUMENT,
    measures_plan.DOCUMENT,
    measures_results.DOCUMENT,
    memo.DOCUMENT,
    distribution_list.DOCUMENT,
    minutes.DOCUMENT,
    oit_followup.DOCUMENT,
    publish_index.DOCUMENT,  # made from the others' outputs (`DocumentType.after`): last
]


def writer(loaded: LoadedContent, digits: str | None = None) -> Writer:
    """The `Writer` of a content set, with the computed tables prose may insert.

    ``digits`` (``thai``/``arabic``) overrides the content's setting, for a
    document named in ``document_digits``.
    """
    return Writer(loaded, inserts=computed.INSERTS, digits=digits)


def document_names() -> list[str]:
    """The ``--only`` names of every document type, in publication order."""
    return [d.name for d in DOCUMENTS]


__all__ = ["DOCUMENTS", "DocumentType", "Writer", "document_names", "emblem_path", "memo_of", "writer"]
