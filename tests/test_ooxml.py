"""The Thai OOXML fixer and auditor on a deliberately broken document (domain.md rules 1-6)."""
from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from ita_docs import ooxml


def broken_docx() -> bytes:
    doc = Document()
    p = doc.add_paragraph()
    # A word split across two runs with identical formatting, bold without bCs, sz without szCs,
    # rFonts without cs, a noProof, properties out of order, and a zero-width space.
    for text in ("สวั", "สดี\u200b"):
        p._p.append(parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:sz w:val="32"/><w:b/><w:noProof/>'
            f'<w:rFonts w:ascii="TH Sarabun New" w:hAnsi="TH Sarabun New"/></w:rPr><w:t>{text}</w:t></w:r>'
        ))
    doc.add_paragraph("ภาษาไทยไม่มี cs")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_audit_finds_every_rule():
    found = "\n".join(ooxml.audit_package(broken_docx()))
    for needle in ("compatibilityMode", "noProof", "not marked complex script", "w:b without w:bCs",
                   "w:sz without w:szCs", "w:rFonts without w:cs", "out of schema order", "invisible character",
                   "word split", "Symbol"):
        assert needle in found, needle


def test_fix_makes_it_clean_and_keeps_text():
    data = ooxml.fix_package(broken_docx())
    assert ooxml.audit_package(data) == []
    assert "สวัสดี" in ooxml.document_text(data)
    settings = zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml").decode()
    assert settings.count('w:name="compatibilityMode"') == 1 and 'w:val="15"' in settings


def test_fix_is_deterministic():
    raw = broken_docx()
    assert ooxml.fix_package(raw) == ooxml.fix_package(raw)


def test_table_xml_repeats_header_and_bolds_markup():
    xml = ooxml.table_xml(["ก", "ข"], [["**หนา** บาง", "x"]], style="T", cell_style="C", widths=[100, 200])
    assert "<w:tblHeader/>" in xml and "<w:b/><w:bCs/>" in xml and 'w:w="300"' in xml
