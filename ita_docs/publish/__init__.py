"""Publishing: PDFs of the rendered Word documents, through warm LibreOffice workers.

API (everything returns bytes or writes atomically; nothing here writes a
partial file)::

    from ita_docs.publish import PdfConverter, bundle, convert_files, PdfUnavailable

    with PdfConverter(jobs=2) as conv:               # starts 2 offices (raises PdfUnavailable)
        pdf = conv.convert(Path("a.docx"))           # -> bytes; PdfConversionError names the file
        pdf = conv.convert(docx_bytes, name="x.docx")
        pdfs = conv.convert_many([path, (name, docx_bytes), ...])   # -> list[bytes], input order,
                                                     # parallel; PdfConversionErrors lists every failure
    merged = bundle([("title 1", pdf1), ("title 2", pdf2)])    # one PDF, one bookmark per document
    convert_files([Path("a.docx")], output_dir=None, jobs=1)   # a.pdf beside a.docx -> [Path]

``PdfConverter(jobs=1, *, restart_after=200, timeout=120.0, start_timeout=60.0,
soffice=None, uno_python=None)``: one ``soffice.bin`` per job, each with its
own profile and UNO pipe, started once and reused; restarted after
``restart_after`` documents, after a crash (the document is retried once) and
after a document exceeded ``timeout`` seconds (that document fails).
``convert(source, *, name=None, thai_page_numbers=None)``: the last argument
overrides what the document asks for. ``convert_many(sources, *,
return_exceptions=False)``. ``close(kill=False)``; leaving the ``with`` block
through an exception (Ctrl-C) kills running conversions instead of waiting.
``available()`` tells whether LibreOffice is installed, without starting it.
Sources may be .docx or .pptx (the slides).

Wiring into the CLI (``ita-docs build --pdf``, ``ita-docs pdf FILE...``,
``--bundle``): render in memory as today, then
``pdfs = conv.convert_many([(r.path, r.data) for r in rendered])`` and write
``Rendered(r.path.with_suffix(".pdf"), pdf)`` with the same atomic writer;
``bundle([(title, pdf), ...])`` for the bundle. All errors are
`ita_docs.errors.ItaDocsError` and print as one line (Thai or English).

What LibreOffice needs and gets here:

- LibreOffice's UNO bridge for Python (Debian: python3-uno, for the *system*
  Python): the converter runs ``_bridge.py`` under that Python and talks to it
  over a pipe, so ita-docs may live in any virtualenv.
- Fonts (`ita_docs.publish.fonts`): "TH Sarabun New" is replaced, inside the
  converter's private profile only, by Laksaman scaled to TH Sarabun New's
  size; the PDF embeds it.
- Thai page numbers: documents whose sections say ``w:pgNumType
  w:fmt="thaiNumbers"`` get "- ๒ -" in Thai digits (real U+0E52 text) from
  the same PAGE field Word uses (see ``_bridge.py``).
- ``kill -9`` of the Python process kills its offices too (Linux: PR_SET_PDEATHSIG;
  Windows: the bridge closes its office when ita-docs' end of the pipe goes away).
- Linux and Windows differ only in `ita_docs.publish.platform` (``ITA_DOCS_PORTABLE_OFFICE=1``
  runs the Windows branch anywhere; ``docs/platforms.md`` says what is tested where).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .bundle import bundle
    from .errors import PdfConversionError, PdfConversionErrors, PdfUnavailable
    from .pages import page_number_digits
    from .pdf import PdfConverter, available, convert_files, write_atomic

# Imported on first use (PEP 562): a build without --pdf imports `ita_docs.write.outputs` only,
# not LibreOffice's bridge, pypdf and the fonts (issue 19: the cold one-set build).
_HOME = {
    "bundle": "bundle",
    "PdfConversionError": "errors",
    "PdfConversionErrors": "errors",
    "PdfUnavailable": "errors",
    "page_number_digits": "pages",
    "PdfConverter": "pdf",
    "available": "pdf",
    "convert_files": "pdf",
    "write_atomic": "pdf",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "PdfConversionError",
    "PdfConversionErrors",
    "PdfConverter",
    "PdfUnavailable",
    "available",
    "bundle",
    "convert_files",
    "page_number_digits",
    "write_atomic",
]
