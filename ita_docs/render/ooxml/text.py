"""The visible text of a .docx (body, headers and footers), for checks and tests."""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from .names import W, _local


def document_text(data: bytes) -> str:
    """The visible text of the body, headers and footers: one line per paragraph."""
    z = zipfile.ZipFile(io.BytesIO(data))
    lines: list[str] = []
    names = [
        "word/document.xml",
        *sorted(n for n in z.namelist() if re.match(r"word/(header|footer)\d*\.xml", n)),
    ]
    for name in names:
        root = etree.fromstring(z.read(name))
        for p in root.iter(f"{W}p"):
            parts = []
            for el in p.iter(f"{W}t", f"{W}br", f"{W}tab"):
                if _local(el.getparent()) != "r":  # a tab stop of the paragraph's properties, not a tab
                    continue
                parts.append(el.text or "" if _local(el) == "t" else ("\n" if _local(el) == "br" else "\t"))
            lines.append("".join(parts))
    return "\n".join(lines)
