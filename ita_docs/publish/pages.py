"""Which digits a document's page numbers use, read from the .docx itself.

The templates keep a real PAGE field (Word numbers the pages itself) and mark
each section ``<w:pgNumType w:fmt="thaiNumbers"/>`` when the content uses Thai
digits, ``decimal`` otherwise. LibreOffice ignores that format, so the PDF
converter is told to number the pages in Thai digits itself when any section
of the body asks for them.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

# A read-only glance at one attribute; all OOXML building stays in ita_docs/ooxml/.
_PGNUMTYPE = re.compile(rb"<w:pgNumType\b[^>]*\bw:fmt=\"([A-Za-z]+)\"")
THAI_FORMATS = {b"thaiNumbers"}


def page_number_digits(docx: bytes | Path | str) -> str:
    """``"thai"`` if a section of the document numbers its pages in Thai digits, else ``"arabic"``.

    >>> import io, zipfile
    >>> def docx(xml):
    ...     buf = io.BytesIO()
    ...     with zipfile.ZipFile(buf, "w") as z:
    ...         z.writestr("word/document.xml", xml)
    ...     return buf.getvalue()
    >>> page_number_digits(docx('<w:sectPr><w:pgNumType w:fmt="thaiNumbers"/></w:sectPr>'))
    'thai'
    >>> page_number_digits(docx('<w:sectPr><w:pgNumType w:fmt="decimal"/></w:sectPr>'))
    'arabic'
    """
    from ..render.zip_members import check_zip

    source = io.BytesIO(docx) if isinstance(docx, bytes) else Path(docx)
    try:
        with zipfile.ZipFile(source) as z:
            check_zip(z)
            xml = z.read("word/document.xml")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):  # ValueError: ZipTooBig
        return "arabic"
    formats = set(_PGNUMTYPE.findall(xml))
    return "thai" if formats & THAI_FORMATS else "arabic"
