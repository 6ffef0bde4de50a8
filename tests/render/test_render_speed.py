"""The fast render path (`ita_docs.render.compiled`) gives docxtpl's bytes: every bundled document,
charts and images, errors, the pieces it reimplements. Correctness only: timings are in
``benchmarks/bench_render.py``."""

from __future__ import annotations

import io
import random
import re
import zipfile

import pytest
from docx import Document
from docxtpl import DocxTemplate

from ita_docs.build import load_all
from ita_docs.errors import TemplateError
from ita_docs.render import compiled as render_cache
from ita_docs.render import ooxml
from ita_docs.render.docx import make_env, render_template
from ita_docs.render.docxtpl_post import resolve_listing
from ita_docs.render.zip_members import deflate, write_zip
from ita_docs.resources import sample_sets, template_dirs, template_path
from ita_docs.write.sets import document_contexts

from ..conftest import copy_sample, edit_text


def jobs(loaded):
    """(name, template, context, digits) of every Word document of a content set, as ``render_set`` makes them."""
    dirs = template_dirs(None, loaded.content_templates())
    for doc, filename, ctx, digits in document_contexts(loaded):
        if doc.template is not None and not isinstance(
            ctx, bytes
        ):  # bytes: a finished file (publish-index.json)
            yield f"{loaded.root.name}/{filename}", template_path(doc.template, dirs), ctx, digits


@pytest.fixture(scope="module")
def samples():
    return [job for loaded in load_all(sample_sets()) for job in jobs(loaded)]


def test_every_bundled_document_takes_the_fast_path(samples):
    assert len(samples) >= 8
    for name, template, _ctx, digits in samples:
        assert render_cache.compiled(template, digits, make_env) is not None, name


@pytest.mark.parametrize("digits", ["document", "arabic"])
def test_fast_path_gives_docxtpl_bytes(samples, digits):
    for name, template, ctx, doc_digits in samples:
        d = doc_digits if digits == "document" else digits
        fast = render_template(template, ctx, digits=d)
        assert fast == render_template(template, ctx, digits=d, fast=False), name
        assert ooxml.audit_package(fast) == [], name


def test_rendering_twice_gives_the_same_bytes(samples):
    _, template, ctx, digits = next(s for s in samples if s[0].endswith("analysis-report.docx"))
    assert callable(ctx)  # charts: parts added to the package while rendering
    first = render_template(template, ctx, digits=digits)
    assert render_template(template, ctx, digits=digits) == first
    names = zipfile.ZipFile(io.BytesIO(first)).namelist()
    assert "word/charts/chart1.xml" in names and "word/embeddings/Microsoft_Excel_Sheet1.xlsx" in names


def test_memo_with_an_emblem_image(tmp_path):
    from PIL import Image

    root = copy_sample("muangklaeng-2565", tmp_path / "set")
    Image.new("RGB", (40, 44), (200, 160, 0)).save(root / "garuda.png")
    edit_text(root / "organisation.yaml", "  divisions:", "  emblem: garuda.png\n  divisions:")
    (loaded,) = load_all([root])
    memos = [j for j in jobs(loaded) if "/memo-" in j[0]]
    assert memos
    for name, template, ctx, digits in memos:
        fast = render_template(template, ctx, digits=digits)
        assert fast == render_template(template, ctx, digits=digits, fast=False), name
        assert any(n.startswith("word/media/") for n in zipfile.ZipFile(io.BytesIO(fast)).namelist())
        assert ooxml.audit_package(fast) == []


def _template(tmp_path, body: str, header: str = "", name: str = "t.docx", title: str = ""):
    doc = Document()
    doc.add_paragraph("ก่อน")
    doc.add_paragraph(body)
    if header:
        doc.sections[0].header.paragraphs[0].text = header
    if title:
        doc.core_properties.title = title
    path = tmp_path / name
    doc.save(path)
    return path


@pytest.mark.parametrize(
    "body, header, context",
    [
        ("{{ no_such_name }}", "", {}),
        ("{{ org.nmae }}", "", {"org": {"name": "x"}}),
        ("ok", "{{ missing }}", {}),
        ("{{ 1/0 }}", "", {}),
        ("{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}", "", {}),
        ("{{ x|no_such_filter }}", "", {"x": 1}),
        ("{% if x %}{{ x|nope }}{% endif %}", "", {"x": 1}),
        ("{{ x.__class__ }}", "", {"x": "s"}),
        ("{% for %}", "", {}),
    ],
)
def test_errors_are_the_same(tmp_path, body, header, context):
    path = _template(tmp_path, body, header)
    errors = []
    for fast in (True, False):
        with pytest.raises(TemplateError) as info:
            render_template(path, context, fast=fast)
        e = info.value
        errors.append((str(e), e.template, e.part, e.line))
    assert errors[0] == errors[1]


@pytest.mark.parametrize("rows", [1, 2])
@pytest.mark.parametrize("n", [0, 1, 3, 5])
def test_tables_docxtpl_regrids_are_the_same(tmp_path, n, rows):
    """Cells made by a loop: more than the grid (docxtpl adds columns), fewer (it removes some), as many."""
    doc = Document()
    table = doc.add_table(rows=rows, cols=3)
    table.cell(0, 0).text, table.cell(0, 1).text, table.cell(0, 2).text = (
        "{%tc for x in xs %}",
        "{{ x }}",
        "{%tc endfor %}",
    )
    table.cell(rows - 1, 0).text += "ก"
    path = tmp_path / "loop.docx"
    doc.save(path)
    ctx = {"xs": [f"คอลัมน์ {i}" for i in range(n)]}
    assert render_template(path, ctx) == render_template(path, ctx, fast=False)


def test_what_the_fast_path_leaves_to_docxtpl(tmp_path):
    assert render_cache.compiled(tmp_path / "missing.docx", "thai", make_env) is None
    (tmp_path / "not.docx").write_bytes(b"not a zip")
    assert render_cache.compiled(tmp_path / "not.docx", "thai", make_env) is None
    with pytest.raises(TemplateError, match="cannot open"):
        render_template(tmp_path / "not.docx", {})
    titled = _template(tmp_path, "{{ x }}", title="{{ x }} report", name="titled.docx")
    assert render_cache.compiled(titled, "thai", make_env) is None  # core properties rendered per document
    data = render_template(titled, {"x": "ปี"})
    assert data == render_template(titled, {"x": "ปี"}, fast=False)


def test_cache_follows_the_file_content(tmp_path):
    path = _template(tmp_path, "หนึ่ง {{ x }}", header="หัว {{ x }}")
    assert "หนึ่ง ก" in ooxml.document_text(render_template(path, {"x": "ก"}))
    first = render_cache.compiled(path, "thai", make_env)
    assert render_cache.compiled(path, "thai", make_env) is first
    assert render_cache.compiled(path, "arabic", make_env) is not first
    _template(tmp_path, "สอง {{ x }}", header="หัว {{ x }}")
    data = render_template(path, {"x": "ข"})
    assert "สอง ข" in ooxml.document_text(data) and "หัว ข" in ooxml.document_text(data)
    assert data == render_template(path, {"x": "ข"}, fast=False)


def test_resolve_listing_is_docxtpls():
    """Tabs, newlines, \\a and \\f in w:t, on real output and on random token soup (nested, odd, unclosed)."""
    docxtpl = DocxTemplate(io.BytesIO())
    tokens = [
        "<w:p>",
        '<w:p w:x="1">',
        "</w:p>",
        "<w:pPr>",
        "</w:pPr>",
        "<w:r>",
        '<w:r w:a="b">',
        "</w:r>",
        "<w:rPr>",
        "</w:rPr>",
        "<w:t>",
        '<w:t xml:space="preserve">',
        "</w:t>",
        "\t",
        "\n",
        "\a",
        "\f",
        "x",
        "ก",
        '<w:p a="<">',
        "<w:tab/>",
        "<w:pPr/>",
        "<w:b/>",
        '<w:t xml:space="preserve"/>',
        "<w:p",
        "<w:r",
        "<w:t",
        ">",
        "</w:p",
        '<w:p a="</w:p>">',
        '<w:r a="</w:r>">',
        '<w:r a="x">',
        "<w:p/>",
        "<w:r/>",
    ]
    rng = random.Random(2568)
    for _ in range(5000):
        text = "".join(rng.choice(tokens) for _ in range(rng.randint(0, 40)))
        assert resolve_listing(text) == docxtpl.resolve_listing(text), repr(text)
    real = '<w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">•\tก\nข</w:t></w:r></w:p>'
    assert resolve_listing(real * 3) == docxtpl.resolve_listing(real * 3) != real * 3


def test_zip_is_zipfiles():
    members = [("[Content_Types].xml", b"<x/>" * 50), ("word/ไทย.xml", "ก".encode() * 300), ("empty", b"")]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, ooxml.FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    assert write_zip([deflate(n, d) for n, d in members]) == buf.getvalue()


def test_fixer_rules_on_awkward_xml():
    """Runs of another namespace, comments in properties, nested runs in a text box, duplicates."""
    w = ooxml.W_NS
    xml = (
        f'<w:document xmlns:w="{w}" xmlns:x="urn:x"><w:body><w:p>'
        '<w:r><w:rPr><w:sz w:val="3"/><!-- c --><w:b/><w:noProof/></w:rPr><w:t>ก\u200b</w:t></w:r>'
        '<w:r><w:rPr><w:sz w:val="3"/><!-- c --><w:b/></w:rPr><w:t>ข</w:t></w:r>'
        "<x:r><w:t>q</w:t></x:r><x:r><w:t>z</w:t></x:r>"
        "<w:r><w:drawing><x:box><w:txbxContent><w:p><w:r><w:t>ฉ</w:t></w:r><w:r><w:t>ช</w:t></w:r></w:p>"
        "</w:txbxContent></x:box></w:drawing></w:r></w:p>"
        '<w:tbl><w:tblPr><w:tblLook w:val="1"/><w:tblW w:w="1"/><w:tblW w:w="1"/><w:tblStyle w:val="T"/></w:tblPr></w:tbl>'
        "</w:body></w:document>"
    )
    root = ooxml.etree.fromstring(xml)
    ooxml.fix_part(root)
    out = ooxml.etree.tostring(root, encoding="unicode")
    assert "noProof" not in out and "\u200b" not in out
    assert "<w:t>qz</w:t>" in out.replace(' xml:space="preserve"', "")  # runs of any namespace merge
    texts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", out)
    assert texts == ["กข", "qz", "ฉช"]
    assert (
        out.count('w:bidi="th-TH"') == 3
    )  # the Thai run, the text box's run and the run holding the drawing
    assert '<w:b/><w:bCs/><w:sz w:val="3"/><w:szCs w:val="3"/><w:cs/>' in out
    assert '<w:tblStyle w:val="T"/><w:tblW w:w="1"/><w:tblLook' in out
    again = ooxml.etree.fromstring(out)
    ooxml.fix_part(again)
    assert ooxml.etree.tostring(again, encoding="unicode") == out
    assert ooxml.audit_part("x", again) == []
