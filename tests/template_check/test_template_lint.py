"""Template checks and repair (ita_docs.template_check.lint), on edited copies of the bundled templates."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ita_docs import messages
from ita_docs.documents import DOCUMENTS, measures_plan, writer
from ita_docs.errors import TemplateError
from ita_docs.load.validate import load
from ita_docs.render.docx import render_template
from ita_docs.resources import sample_sets, templates_dir
from ita_docs.template_check.lint import lint_template, lint_templates
from ita_docs.template_check.names import template_names
from ita_docs.template_check.repair import repair_template

PLAN = templates_dir() / "measures-plan.docx"


pytestmark = pytest.mark.usefixtures("thai_messages")


def edited(tmp_path: Path, name: str, change, part: str = "word/document.xml", source: Path = PLAN) -> Path:
    """A copy of ``source`` whose ``part`` is ``change(xml text)``, every other entry as it was."""
    out = tmp_path / name
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == part:
                text = data.decode("utf-8")
                new = change(text)
                assert new != text, "the edit changed nothing"
                data = new.encode("utf-8")
            dst.writestr(info, data)
    return out


@pytest.fixture(scope="module")
def plan_context():
    loaded = load(next(p for p in sample_sets() if p.name == "muangklaeng-2565"))
    return measures_plan.plan_context(writer(loaded))


def body(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")


# --------------------------------------------------------------------------- the bundled templates


def test_bundled_templates_have_no_problems():
    for doc in DOCUMENTS:
        if doc.template:
            assert lint_template(templates_dir() / doc.template, doc.name) == [], doc.name
            assert template_names(doc.name), doc.name  # the names of the type were found


def test_repair_leaves_the_bundled_templates_as_they_are():
    for path in sorted(templates_dir().glob("*.docx")):
        before, after = zipfile.ZipFile(path), zipfile.ZipFile(io.BytesIO(repair_template(path)))
        assert before.namelist() == after.namelist()
        assert all(before.read(n) == after.read(n) for n in before.namelist()), path.name


# --------------------------------------------------------------------------- not a .docx


def test_a_text_file_named_docx(tmp_path):
    path = tmp_path / "measures-plan.docx"
    path.write_text("นี่คือข้อความ ไม่ใช่เอกสาร Word\n", encoding="utf-8")
    [problem] = lint_template(path)
    assert problem.kind == "not_docx" and problem.template == "measures-plan.docx"
    assert "ไฟล์นี้ไม่ใช่ไฟล์ Word (.docx)" in problem.message and "ไฟล์ข้อความ" in problem.message
    assert "Package not found" not in str(problem)
    with pytest.raises(TemplateError, match=r"ไม่ใช่ไฟล์ Word \(\.docx\)"):
        repair_template(path)


def test_an_old_word_file_and_a_zip_that_is_not_word(tmp_path):
    old = tmp_path / "old.docx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert "Word รุ่นเก่า (.doc)" in lint_template(old)[0].message
    z = tmp_path / "zip.docx"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("readme.txt", "hello")
    assert "word/document.xml" in lint_template(z)[0].message


def test_not_docx_in_english(tmp_path):
    messages.set_language("en")
    path = tmp_path / "memo.docx"
    path.write_text("hello")
    assert "this file is not a Word file (.docx)" in lint_template(path)[0].message


# --------------------------------------------------------------------------- syntax, located in Word's terms


def test_unclosed_row_loop_is_named_by_table_row_and_cell(tmp_path, plan_context):
    path = edited(tmp_path, "plan.docx", lambda x: x.replace("<w:t>{%tr endfor %}</w:t>", "<w:t></w:t>"))
    [problem] = lint_template(path, "measures-plan")
    assert problem.kind == "unclosed_tag" and problem.part == "word/document.xml"
    assert "ตารางที่ 1 แถวที่ 2 ช่องที่ 1" in problem.location and "{%tr for m in g.rows %}" in problem.location
    assert "{%tr endfor %}" in problem.message and "เปิดแล้วไม่ได้ปิด" in problem.message
    assert "line" not in str(problem)
    with pytest.raises(TemplateError):  # the build would fail too
        render_template(path, plan_context)


def test_unclosed_paragraph_loop_is_named_by_its_paragraph(tmp_path):
    path = edited(tmp_path, "plan.docx", lambda x: x.replace("<w:t>{%p endfor %}</w:t>", "<w:t></w:t>"))
    [problem] = lint_template(path, "measures-plan")
    assert problem.kind == "unclosed_tag"
    assert problem.location.startswith("ย่อหน้า “{%p for g in groups %}”")
    assert "ต้องมี {%p endfor %}" in problem.message
    err = problem.error()
    assert (
        isinstance(err, TemplateError)
        and err.template == "plan.docx"
        and "{%p for g in groups %}" in str(err)
    )


def test_unclosed_for_around_text(tmp_path):
    def change(x: str) -> str:
        return x.replace("{{p heading }}", "รายการ {% for d in groups %}ข้อ {{ d.title }} ของหน่วยงาน")

    [problem] = lint_template(edited(tmp_path, "plan.docx", change), "measures-plan")
    assert problem.kind == "unclosed_tag" and "รายการ {% for d in groups %}ข้อ" in problem.location


@pytest.mark.parametrize(
    "old, new, kind, needle",
    [
        ("{{p m.period }}", "{{p m.period| }}", "syntax", "ตารางที่ 1 แถวที่ 3 ช่องที่ 4"),
        ("{{p after }}", "{{p after }}{% endif %}", "syntax", "ไม่มี {% if %} ก่อนหน้า"),
        (
            "<w:t>{%tr endfor %}</w:t>",
            "<w:t>{%tr endif %}</w:t>",
            "unclosed_tag",
            "ต้องปิด {%tr for m in g.rows %} ด้วย {%tr endfor %}",
        ),
        ("{{p heading }}", "{% else %}", "syntax", "ต้องอยู่ภายในบล็อก"),
        ("{{p heading }}", "{{p heading }", "syntax", "ไม่มี }} ปิดในย่อหน้าเดียวกัน"),
    ],
)
def test_other_syntax_errors(tmp_path, old, new, kind, needle):
    [problem] = lint_template(edited(tmp_path, "plan.docx", lambda x: x.replace(old, new)), "measures-plan")
    assert problem.kind == kind and needle in str(problem), str(problem)


def test_problems_in_a_header_name_the_header(tmp_path):
    path = edited(
        tmp_path,
        "plan.docx",
        lambda x: x.replace("</w:hdr>", "<w:p><w:r><w:t>{% if x %}</w:t></w:r></w:p></w:hdr>"),
        "word/header1.xml",
    )
    [problem] = lint_template(path)
    assert problem.part == "word/header1.xml" and str(problem).startswith(
        "plan.docx: หัวกระดาษ, ย่อหน้า “{% if x %}”"
    )


# --------------------------------------------------------------------------- names and filters


def test_unknown_names_attributes_and_filters_say_did_you_mean(tmp_path):
    def change(x: str) -> str:
        return (
            x.replace("{{p goal }}", "{{p gaol }}")
            .replace("{{p m.steps }}", "{{p m.stpes }}")
            .replace("{{p after }}", "{{p after|scroe }}")
        )

    problems = lint_template(edited(tmp_path, "plan.docx", change), "measures-plan")
    by_kind = {p.kind: p for p in problems}
    assert set(by_kind) == {"unknown_name", "unknown_attribute", "unknown_filter"}
    assert "ไม่รู้จักชื่อ 'gaol' (หมายถึง 'goal' หรือไม่?)" in by_kind["unknown_name"].message
    assert "ชื่อที่ใช้ได้: after, goal, groups, heading, title" in by_kind["unknown_name"].message
    attr = by_kind["unknown_attribute"]
    assert (
        "'m' ไม่มี 'stpes' (หมายถึง 'steps' หรือไม่?)" in attr.message
        and "ตารางที่ 1 แถวที่ 3 ช่องที่ 2" in attr.location
    )
    assert "(หมายถึง 'score' หรือไม่?)" in by_kind["unknown_filter"].message


def test_the_document_type_follows_the_file_name(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    edited(folder, "measures-plan.docx", lambda x: x.replace("{{p goal }}", "{{p gaol }}"))
    (folder / "memo.docx").write_text("not word")
    (folder / "~$memo.docx").write_bytes(b"lock")
    problems = lint_templates(folder)
    assert [(p.template, p.kind) for p in problems] == [
        ("measures-plan.docx", "unknown_name"),
        ("memo.docx", "not_docx"),
    ]


def test_names_of_loops_and_sets_are_known(tmp_path):
    def change(x: str) -> str:
        return x.replace(
            "{{p heading }}",
            "{% set n = groups|length %}{{ n }} {% for g2 in groups %}{{ loop.index }} {{ g2.title }}{% endfor %}",
        )

    assert lint_template(edited(tmp_path, "plan.docx", change), "measures-plan") == []


# --------------------------------------------------------------------------- what Word does to tags


def test_smart_quotes_are_a_warning_and_repaired(tmp_path, plan_context):
    path = edited(
        tmp_path, "plan.docx", lambda x: x.replace("{{p g.title }}", "{{p g.title|default(“ไม่มี”) }}")
    )
    [problem] = lint_template(path, "measures-plan")
    assert (problem.kind, problem.severity) == ("smart_quotes", "warning")
    assert "เครื่องหมายคำพูดแบบโค้ง" in problem.message
    fixed = tmp_path / "fixed.docx"
    fixed.write_bytes(repair_template(path))
    assert lint_template(fixed, "measures-plan") == []
    assert '{{p g.title|default("ไม่มี") }}' in body(fixed.read_bytes())
    render_template(fixed, plan_context)


def test_a_tag_split_across_formats_is_a_warning_and_repaired(tmp_path, plan_context):
    split = '<w:r><w:t>{{p go</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>al }}</w:t></w:r>'
    path = edited(tmp_path, "plan.docx", lambda x: x.replace("<w:r><w:t>{{p goal }}</w:t></w:r>", split))
    [problem] = lint_template(path, "measures-plan")
    assert (problem.kind, problem.severity) == ("split_tag", "warning") and "{{p goal }}" in problem.message
    fixed = tmp_path / "fixed.docx"
    fixed.write_bytes(repair_template(path))
    assert lint_template(fixed, "measures-plan") == []
    xml = body(fixed.read_bytes())
    assert "{{p goal }}" in xml and "al }}" not in xml.replace("{{p goal }}", "")
    assert body(render_template(fixed, plan_context)) == body(render_template(PLAN, plan_context))


def test_a_split_tag_keeps_the_text_around_it(tmp_path):
    split = '<w:r><w:t xml:space="preserve">ก่อน {{ hea</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">ding }} หลัง</w:t></w:r>'
    path = edited(tmp_path, "plan.docx", lambda x: x.replace("<w:r><w:t>{{p heading }}</w:t></w:r>", split))
    assert [p.kind for p in lint_template(path, "measures-plan")] == ["split_tag"]
    xml = body(repair_template(path))
    assert '<w:t xml:space="preserve">ก่อน {{ heading }}</w:t>' in xml
    assert '<w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> หลัง</w:t>' in xml


def test_a_tag_split_in_one_format_is_fine(tmp_path):
    split = "<w:r><w:t>{{p go</w:t></w:r><w:r><w:t>al }}</w:t></w:r>"
    path = edited(tmp_path, "plan.docx", lambda x: x.replace("<w:r><w:t>{{p goal }}</w:t></w:r>", split))
    assert lint_template(path, "measures-plan") == []
