"""One PDF of many: the documents in the given order, one bookmark each."""

from __future__ import annotations

import io
from collections.abc import Sequence

from .errors import PdfConversionError, text


def bundle(pdfs: Sequence[tuple[str, bytes]], *, title: str | None = None) -> bytes:
    """Merge ``[(bookmark title, pdf bytes), ...]`` into one PDF, in that order.

    Each document gets one top-level outline entry (bookmark) pointing at its
    first page; the reader opens with the bookmarks shown. ``title`` becomes
    the merged file's document title. A broken input raises
    `PdfConversionError` naming its bookmark title.

    >>> from pypdf import PdfReader, PdfWriter
    >>> def blank(pages):
    ...     w = PdfWriter()
    ...     for _ in range(pages):
    ...         w.add_blank_page(595, 842)
    ...     buf = io.BytesIO(); w.write(buf); return buf.getvalue()
    >>> merged = PdfReader(io.BytesIO(bundle([("หนึ่ง", blank(2)), ("สอง", blank(1))])))
    >>> len(merged.pages), [o.title for o in merged.outline]
    (3, ['หนึ่ง', 'สอง'])
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError

    writer = PdfWriter()
    for name, data in pdfs:
        try:
            reader = PdfReader(io.BytesIO(data))
            first = len(writer.pages)
            writer.append(reader, import_outline=False)
        except (PyPdfError, ValueError, OSError) as exc:
            raise PdfConversionError(name, text("bad_pdf", reason=exc)) from None
        if len(writer.pages) > first:
            writer.add_outline_item(title=name, page_number=first)
    writer.page_mode = "/UseOutlines"
    if title:
        writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
