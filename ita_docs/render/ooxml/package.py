"""Fixing a whole .docx package for Thai (rules 1-6 of ``docs/domain.md``, "Thai text inside .docx").

Which members are fixed (`is_fixed_member`: WordprocessingML parts under
``word/``, not the theme nor charts), how one parsed member is fixed
(`fix_root`: settings by rule 1, Word parts by rules 2-6 and the digit switch),
the bytes written for it (`part_bytes`, `fix_member`), and `fix_package`, which
rewrites the zip with fixed timestamps (``FIXED_TIME``) so the same input gives
the same bytes. `ita_docs.render.compiled` and `ita_docs.render.package` write the
same bytes with these functions.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from .fix import fix_part, fix_settings, set_digits
from .names import W


def is_fixed_member(name: str) -> bool:
    """Whether `fix_package` parses and fixes the package member ``name``: the XML parts under
    ``word/`` that hold WordprocessingML, so not the theme nor charts (DrawingML, copied as they are)."""
    return (
        name.startswith("word/")
        and name.endswith(".xml")
        and "/theme/" not in name
        and "/charts/" not in name
    )


def _xml_parts(names: list[str]) -> list[str]:
    return [n for n in names if is_fixed_member(n)]


FIXED_TIME = (2000, 1, 1, 0, 0, 0)


def fix_root(
    name: str, root: etree._Element, cs_font: str = "TH Sarabun New", *, digits: str | None = None
) -> None:
    """Fix the parsed package member ``name`` in place, as `fix_package` does (settings: rule 1; Word parts: 2-6)."""
    if name == "word/settings.xml":
        fix_settings(root)
    elif root.tag.startswith(W):
        if digits:
            set_digits(root, digits)
        fix_part(root, cs_font)


def part_bytes(root: etree._Element) -> bytes:
    """The bytes `fix_package` writes for a fixed XML part."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def fix_member(name: str, raw: bytes, cs_font: str = "TH Sarabun New", *, digits: str | None = None) -> bytes:
    """The bytes `fix_package` writes for package member ``name`` holding ``raw``."""
    if not is_fixed_member(name):
        return raw
    root = etree.fromstring(raw)
    fix_root(name, root, cs_font, digits=digits)
    return part_bytes(root)


def fix_package(data: bytes, cs_font: str = "TH Sarabun New", *, digits: str | None = None) -> bytes:
    """Return ``data`` (a .docx) with every part fixed for Thai (rules 1-6).

    ``digits`` (``thai``/``arabic``), when given, is applied by `set_digits`.
    The zip is rewritten with fixed timestamps, so the same input gives the
    same bytes.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, fix_member(info.filename, src.read(info.filename), cs_font, digits=digits))
    return out.getvalue()
