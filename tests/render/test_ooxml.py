"""The Thai OOXML fixer and auditor on a deliberately broken document (docs/domain.md rules 1-6)."""

from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from ita_docs.render import ooxml
from ita_docs.render.ooxml.names import _local
from ita_docs.render.ooxml.order import _sort


def broken_docx() -> bytes:
    doc = Document()
    p = doc.add_paragraph()
    # A word split across two runs with identical formatting, bold without bCs, sz without szCs,
    # rFonts without cs, a noProof, properties out of order, and a zero-width space.
    for text in ("สวั", "สดี\u200b"):
        p._p.append(
            parse_xml(
                f'<w:r {nsdecls("w")}><w:rPr><w:sz w:val="32"/><w:b/><w:noProof/>'
                f'<w:rFonts w:ascii="TH Sarabun New" w:hAnsi="TH Sarabun New"/></w:rPr><w:t>{text}</w:t></w:r>'
            )
        )
    doc.add_paragraph("ภาษาไทยไม่มี cs")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_audit_finds_every_rule():
    found = "\n".join(ooxml.audit_package(broken_docx()))
    for needle in (
        "compatibilityMode",
        "noProof",
        "not marked complex script",
        "w:b without w:bCs",
        "w:sz without w:szCs",
        "w:rFonts without w:cs",
        "out of schema order",
        "invisible character",
        "word split",
        "Symbol",
    ):
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


def _children(xml: bytes, tag: str) -> list[list[str]]:
    root = ooxml.etree.fromstring(xml)
    return [[_local(c) for c in el] for el in root.iter(f"{ooxml.W}{tag}")]


def shuffled_table_docx() -> bytes:
    """A table whose tblPr, trPr, tcPr and sectPr children are out of schema order (and a duplicate tblLayout)."""
    doc = Document()
    table = doc.add_table(rows=1, cols=1)
    tbl = table._tbl
    tbl.replace(
        tbl.tblPr,
        parse_xml(
            f'<w:tblPr {nsdecls("w")}><w:tblLook w:val="04A0"/><w:tblLayout w:type="fixed"/><w:tblW w:w="0" w:type="auto"/>'
            '<w:tblStyle w:val="TableGrid"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr>'
        ),
    )
    tbl.tr_lst[0].insert(
        0,
        parse_xml(
            f'<w:trPr {nsdecls("w")}><w:ins w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z"/><w:tblHeader/><w:cantSplit/></w:trPr>'
        ),
    )
    tc = tbl.tr_lst[0].tc_lst[0]
    tc.replace(
        tc.tcPr,
        parse_xml(
            f'<w:tcPr {nsdecls("w")}><w:vAlign w:val="center"/><w:shd w:val="clear" w:fill="auto"/><w:gridSpan w:val="1"/>'
            '<w:tcW w:w="1000" w:type="dxa"/></w:tcPr>'
        ),
    )
    sect = doc.sections[0]._sectPr
    for child in list(sect):  # pgSz, pgMar, cols, docGrid reversed
        sect.remove(child)
        sect.insert(0, child)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_table_and_section_properties_in_schema_order():
    raw = shuffled_table_docx()
    found = "\n".join(ooxml.audit_package(raw))
    for needle in (
        "children of w:tblPr out of schema order",
        "children of w:trPr out of schema order",
        "children of w:tcPr out of schema order",
        "children of w:sectPr out of schema order",
        "w:tblLayout more than once in w:tblPr",
    ):
        assert needle in found, needle
    fixed = ooxml.fix_package(raw)
    assert ooxml.audit_package(fixed) == []
    body = zipfile.ZipFile(io.BytesIO(fixed)).read("word/document.xml")
    assert _children(body, "tblPr") == [["tblStyle", "tblW", "jc", "tblLayout", "tblLook"]]
    # trPr's base is a schema choice: tblHeader/cantSplit keep their order; the revision mark goes last.
    assert _children(body, "trPr") == [["tblHeader", "cantSplit", "ins"]]
    assert _children(body, "tcPr") == [["tcW", "gridSpan", "shd", "vAlign"]]
    assert _children(body, "sectPr") == [["pgSz", "pgMar", "cols", "docGrid"]]


def test_unknown_property_goes_before_the_revision_element():
    tblpr = parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:tblPrChange w:id="1" w:author="x"/><w:tblW/><w:madeUp/></w:tblPr>'
    )
    _sort(tblpr, ooxml.TBLPR_ORDER)
    assert [_local(c) for c in tblpr] == ["tblW", "madeUp", "tblPrChange"]


def test_templates_have_table_properties_in_schema_order():
    """tools/build_templates.py writes tblLayout once, at its place (not after tblLook)."""
    from ita_docs.resources import templates_dir

    for template in sorted(templates_dir().glob("*.docx")):
        found = [
            f
            for f in ooxml.audit_package(template.read_bytes())
            if "schema order" in f or "more than once" in f
        ]
        assert found == [], (template.name, found)
