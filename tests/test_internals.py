"""Private internals of other libraries that ita-docs' fast paths rely on, one test each.

pyproject.toml pins docxtpl, python-docx, python-pptx and PyYAML below their next minor version;
when one of these tests fails after an upgrade, its message names the library, the version found
and the module of ita-docs that must be looked at again (then widen the pin).
"""

from __future__ import annotations

import io
import struct
import zipfile
from importlib.metadata import version

import pytest
import yaml
from lxml import etree


def _why(dist: str, used_by: str, what: str) -> str:
    return (
        f"{dist} {version(dist)} changed {what}, which {used_by} relies on: review it before widening the pin"
    )


# --------------------------------------------------------------------------- docxtpl (render/compiled, docxtpl_post)


def _docxtpl():
    from docxtpl import DocxTemplate

    return DocxTemplate(io.BytesIO())


def test_docxtpl_patch_xml_joins_a_split_tag():
    tpl = _docxtpl()
    xml = "<w:p><w:r><w:t>{{ na</w:t></w:r><w:r><w:t>me }}</w:t></w:r></w:p>"
    assert "{{ name }}" in tpl.patch_xml(xml), _why("docxtpl", "render.compiled", "DocxTemplate.patch_xml")


def test_docxtpl_resolve_listing_turns_a_tab_into_markup():
    tpl = _docxtpl()
    xml = '<w:p><w:r><w:t xml:space="preserve">a\tb</w:t></w:r></w:p>'
    assert "<w:tab/>" in tpl.resolve_listing(xml), _why(
        "docxtpl", "render.docxtpl_post", "DocxTemplate.resolve_listing"
    )


def test_docxtpl_fix_tables_returns_a_tree():
    tpl = _docxtpl()
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    xml = (
        f'<w:document {ns}><w:body><w:tbl><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>'
        "<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>"
    )
    tree = tpl.fix_tables(xml)
    cols = tree.findall(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol")
    assert len(cols) == 2, _why("docxtpl", "render.docxtpl_post", "DocxTemplate.fix_tables")


def test_docxtpl_header_footer_members():
    from docxtpl import DocxTemplate

    tpl = _docxtpl()
    assert DocxTemplate.HEADER_URI.endswith("/header") and DocxTemplate.FOOTER_URI.endswith("/footer"), _why(
        "docxtpl", "render.compiled", "HEADER_URI/FOOTER_URI"
    )
    assert (
        tpl.get_headers_footers_encoding('<?xml version="1.0" encoding="UTF-8"?><w:hdr/>').lower() == "utf-8"
    ), _why("docxtpl", "render.compiled", "get_headers_footers_encoding")


@pytest.mark.parametrize(
    "name", ["render_xml_part", "map_headers_footers_xml", "build_xml", "render_properties"]
)
def test_docxtpl_render_steps_exist(name):
    """The fast path reproduces these steps of ``DocxTemplate.render`` (tests/test_render_speed.py compares bytes)."""
    from docxtpl import DocxTemplate

    assert callable(getattr(DocxTemplate, name, None)), _why(
        "docxtpl", "render.compiled", f"DocxTemplate.{name}"
    )


# --------------------------------------------------------------------------- python-docx (render/package)


def test_python_docx_content_types_item():
    from docx import Document
    from docx.opc.pkgwriter import _ContentTypesItem

    parts = list(Document().part.package.iter_parts())
    blob = _ContentTypesItem.from_parts(parts).blob
    assert b"<Types" in blob and b"document.main+xml" in blob, _why(
        "python-docx", "render.package", "docx.opc.pkgwriter._ContentTypesItem"
    )


def test_python_docx_part_element():
    from docx import Document

    part = Document().part
    assert etree.QName(part._element).localname == "document", _why(
        "python-docx", "render.package", "XmlPart._element"
    )


# --------------------------------------------------------------------------- python-pptx (render/charts)


def test_python_pptx_workbook_writer_populate_worksheet():
    from pptx.chart.data import CategoryChartData
    from pptx.chart.xlsx import CategoryWorkbookWriter

    assert callable(getattr(CategoryWorkbookWriter, "_populate_worksheet", None)), _why(
        "python-pptx", "render.charts", "CategoryWorkbookWriter._populate_worksheet"
    )
    data = CategoryChartData()
    data.categories = ["a"]
    data.add_series("s", [1.0])
    assert data.xlsx_blob[:2] == b"PK", _why("python-pptx", "render.charts", "CategoryChartData.xlsx_blob")


def test_python_pptx_axis_and_label_elements():
    from pptx import Presentation
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.util import Inches

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    data = CategoryChartData()
    data.categories = ["a", "b"]
    data.add_series("s", [1.0, 2.0])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, 0, 0, Inches(4), Inches(3), data).chart
    assert etree.QName(chart.category_axis._element).localname == "catAx", _why(
        "python-pptx", "render.charts", "axis._element"
    )
    label = chart.plots[0].series[0].points[0].data_label
    label.has_text_frame = True
    assert etree.QName(label._dLbl).localname == "dLbl", _why(
        "python-pptx", "render.charts", "DataLabel._dLbl"
    )


# --------------------------------------------------------------------------- PyYAML (load/safe_yaml)


def test_pyyaml_composer_hooks():
    from yaml.composer import Composer
    from yaml.constructor import SafeConstructor

    assert callable(Composer.compose_node) and callable(SafeConstructor.construct_object), _why(
        "PyYAML", "load.safe_yaml", "Composer.compose_node / construct_object"
    )


def test_pyyaml_libyaml_parser_when_built():
    try:
        from yaml._yaml import CParser
    except ImportError:
        pytest.skip("PyYAML built without libyaml: the Python parser is used")
    parser = CParser("a: 1")
    kinds = []
    while parser.check_event():
        kinds.append(type(parser.get_event()).__name__)
    assert kinds[:2] == ["StreamStartEvent", "DocumentStartEvent"], _why(
        "PyYAML", "load.safe_yaml", "yaml._yaml.CParser events"
    )
    assert yaml.__version__


# --------------------------------------------------------------------------- zipfile (render/zip_members)


def test_zipfile_structures():
    """render.zip_members writes the central directory with zipfile's own structures."""
    for name in ("structCentralDir", "stringCentralDir", "structEndArchive", "stringEndArchive"):
        assert hasattr(zipfile, name), (
            f"zipfile of this Python lacks {name}, which render.zip_members relies on"
        )
    zi = zipfile.ZipInfo("a.xml", (2000, 1, 1, 0, 0, 0))
    zi.compress_type = zipfile.ZIP_DEFLATED
    zi.file_size = zi.compress_size = zi.CRC = 0
    header = zi.FileHeader()
    assert header[:4] == b"PK\x03\x04" and struct.calcsize(zipfile.structCentralDir) == 46, (
        "zipfile.ZipInfo.FileHeader or structCentralDir changed (render.zip_members)"
    )


# --------------------------------------------------------------------------- PyThaiNLP (thaifmt/lines, render/words)


def test_pythainlp_word_list_is_a_set_and_its_files_are_where_the_cache_key_reads_them():
    """`lines._found` looks every substring up in ``thai_words()`` (a list would make it quadratic);
    `render.words._key` reads the size and time of three files of the installed PyThaiNLP."""
    from pathlib import Path

    import pythainlp
    from pythainlp.corpus import thai_words

    from ita_docs.render import words

    assert isinstance(thai_words(), (set, frozenset)), _why("pythainlp", "thaifmt.lines", "thai_words()")
    root = Path(pythainlp.__file__).parent
    for part in ("__init__.py", "corpus/words_th.txt", "tokenize/newmm.py"):
        assert (root / part).is_file(), _why("pythainlp", "render.words", part)
    assert words._key() is not None
