"""Repair what Word does to template tags: curly quotes inside tags, tags split across runs.

`repair_template` returns the template's bytes with curly quotes inside tags
made straight and every split tag moved into its first run.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from .xml_parts import (
    _TAG,
    SMART_QUOTES,
    XML_SPACE,
    W,
    _open,
    _Para,
    _parts,
    _read_part,
)

# --------------------------------------------------------------------------- repair


def _repair_para(para: _Para) -> bool:
    """Straighten quotes and move every split tag into its first w:t; True when something changed."""
    if not para.pieces:
        return False
    owner = []  # index of the piece each character belongs to
    for k, (_, s, e) in enumerate(para.pieces):
        owner += [k] * (e - s)
    chars = list(para.text)
    for m in _TAG.finditer(para.text):
        first = owner[m.start()]
        for i in range(m.start(), m.end()):
            owner[i] = first
            chars[i] = SMART_QUOTES.get(chars[i], chars[i])
    texts = [""] * len(para.pieces)
    for ch, k in zip(chars, owner):
        texts[k] += ch
    changed = False
    for (t, s, e), new in zip(para.pieces, texts):
        if new == para.text[s:e]:
            continue
        changed = True
        if new:
            t.text = new
            t.set(XML_SPACE, "preserve")
            continue
        run = t.getparent()
        run.remove(t)
        if run.tag == f"{W}r" and all(c.tag == f"{W}rPr" for c in run):
            run.getparent().remove(run)
    return changed


def repair_template(path: Path) -> bytes:
    """The template at ``path`` with curly quotes inside tags made straight and every tag split
    across runs moved into its first run (that run's formatting); other bytes are kept.

    Raises `TemplateError` for a file that is not a .docx.
    """
    path = Path(path)
    z, bad = _open(path)
    if bad is not None:
        raise bad.error()
    assert z is not None
    fixed: dict[str, bytes] = {}
    for name in _parts(z):
        raw = z.read(name)
        try:
            part = _read_part(name, raw)
        except etree.XMLSyntaxError:
            continue
        changed = [_repair_para(p) for p in part.paras if _TAG.search(p.text)]
        if any(changed):
            fixed[name] = etree.tostring(part.root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in z.infolist():
            dst.writestr(info, fixed.get(info.filename, z.read(info.filename)))
    return out.getvalue()
