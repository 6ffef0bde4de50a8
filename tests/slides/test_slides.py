"""The analysis slide deck: the PowerPoint template, slides as content, layout, digits, and the fast writer."""

from __future__ import annotations

import importlib.util
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Inches

from ita_docs.documents import writer
from ita_docs.documents.analysis_slides import DeckJob, slide_specs
from ita_docs.errors import ContentErrors, TemplateError
from ita_docs.load.validate import load
from ita_docs.resources import sample_sets, templates_dir
from ita_docs.slides import deck as slides
from ita_docs.slides.package import slide_template, template_problems
from ita_docs.slides.writer import TextPara

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
TEMPLATE = templates_dir() / "analysis-slides.pptx"
ROOT = Path(__file__).resolve().parents[2]


def _sample(name: str) -> Path:
    return next(p for p in sample_sets() if p.name == name)


def _deck(loaded, template: Path = TEMPLATE, digits: str | None = None) -> bytes:
    w = writer(loaded, digits)
    job = DeckJob(w)
    assert not w.errors, w.errors
    return job(template)


@pytest.fixture(scope="module")
def huapho():
    return load(_sample("huapho-2565"))


@pytest.fixture(scope="module")
def deck(huapho) -> bytes:
    return _deck(huapho)


def _texts(pptx: bytes) -> list[str]:
    """All text of each slide (placeholders, text boxes, table cells), one string per slide; no-break
    spaces (which keep a date or a number with its unit on one line) read as spaces."""
    out = []
    for slide in Presentation(io.BytesIO(pptx)).slides:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
        out.append("\n".join(parts).replace("\xa0", " "))
    return out


def _titles(pptx: bytes) -> list[str]:
    return [
        s.shapes.title.text_frame.text.replace("\xa0", " ") if s.shapes.title is not None else ""
        for s in Presentation(io.BytesIO(pptx)).slides
    ]


def _with_content(tmp_path: Path, extra: str, name: str = "huapho-2565") -> Path:
    folder = tmp_path / name
    shutil.copytree(_sample(name), folder)
    (folder / "slides.yaml").write_text(extra, encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- the template


def test_the_generator_reproduces_the_bundled_template_byte_for_byte():
    spec = importlib.util.spec_from_file_location(
        "build_slide_template", ROOT / "tools" / "build_slide_template.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == TEMPLATE.read_bytes()


def test_the_template_has_the_layouts_theme_fonts_and_colours():
    prs = Presentation(str(TEMPLATE))
    assert [layout.name for layout in prs.slide_layouts] == [
        "ITA Title",
        "ITA Title and Content",
        "ITA Section",
        "ITA Title and Table",
    ]
    assert abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.01
    theme = zipfile.ZipFile(TEMPLATE).read("ppt/theme/theme1.xml").decode()
    for which in ("majorFont", "minorFont"):
        block = re.search(f"<a:{which}>.*?</a:{which}>", theme).group()
        assert '<a:latin typeface="TH Sarabun New"' in block and '<a:cs typeface="TH Sarabun New"' in block
        assert '<a:font script="Thai" typeface="TH Sarabun New"/>' in block
        assert 'charset="-34"' in block  # Thai charset: how Office picks a stand-in
    assert '<a:accent1><a:srgbClr val="1F3864"/>' in theme and '<a:accent2><a:srgbClr val="C00000"/>' in theme
    assert template_problems(TEMPLATE) == []


def test_a_template_without_a_layout_or_placeholder_or_not_a_pptx_is_explained(tmp_path):
    prs = Presentation(str(TEMPLATE))
    prs.slide_layouts[3].name = "ตาราง"  # the user renamed "ITA Title and Table"
    title = prs.slide_layouts[1].placeholders[0]._element  # and deleted the title of "ITA Title and Content"
    title.getparent().remove(title)
    bad = tmp_path / "analysis-slides.pptx"
    prs.save(str(bad))
    problems = template_problems(bad)
    assert [p.kind for p in problems] == ["placeholder", "layout"]
    assert (
        "ไม่มีเค้าโครง (layout) ชื่อ “ITA Title and Table”" in problems[1].message
        and "ตาราง" in problems[1].message
    )
    assert "“ITA Title and Content”" in problems[0].message and "ชื่อเรื่อง (Title)" in problems[0].message
    with pytest.raises(TemplateError):
        slide_template(bad)
    text = tmp_path / "text.pptx"
    text.write_text("not a deck", encoding="utf-8")
    [problem] = template_problems(text)
    assert problem.kind == "not_pptx" and "PowerPoint" in problem.message


def test_check_templates_lints_the_slide_template(tmp_path):
    from ita_docs.template_check.lint import lint_templates

    shutil.copy(TEMPLATE, tmp_path / "analysis-slides.pptx")
    assert lint_templates(tmp_path) == []
    (tmp_path / "analysis-slides.pptx").write_bytes(b"PK broken")
    assert [p.kind for p in lint_templates(tmp_path)] == ["not_pptx"]


def test_a_template_edited_like_a_user_would_shows_in_the_built_deck(tmp_path, huapho):
    """A new theme colour and a logo on the master (python-pptx standing in for PowerPoint)."""
    from PIL import Image

    prs = Presentation(str(TEMPLATE))
    theme_part = next(p for p in prs.part.package.iter_parts() if str(p.partname) == "/ppt/theme/theme1.xml")
    theme_part._blob = theme_part.blob.replace(
        b'<a:accent1><a:srgbClr val="1F3864"/>', b'<a:accent1><a:srgbClr val="006400"/>'
    )
    logo = tmp_path / "logo.png"
    Image.new("RGB", (60, 60), (200, 30, 30)).save(logo)
    from pptx.oxml.shapes.picture import CT_Picture

    master = prs.slide_master  # python-pptx has no add_picture on a master: the p:pic PowerPoint writes
    _image, rid = master.part.get_or_add_image_part(str(logo))
    master.shapes._spTree.append(
        CT_Picture.new_pic(90, "Logo", "", rid, Inches(12.2), Inches(0.1), Inches(0.8), Inches(0.8))
    )
    folder = tmp_path / "mine"
    folder.mkdir()
    prs.save(str(folder / "analysis-slides.pptx"))

    built = _deck(huapho, folder / "analysis-slides.pptx")
    z = zipfile.ZipFile(io.BytesIO(built))
    assert b'<a:accent1><a:srgbClr val="006400"/>' in z.read("ppt/theme/theme1.xml")
    assert any(n.startswith("ppt/media/") for n in z.namelist())
    master = Presentation(io.BytesIO(built)).slide_master
    assert any(s.shape_type == 13 for s in master.shapes)  # the picture, shown on every slide of the master
    # every slide follows the master: no slide hides its shapes, and none names a colour of its own
    for name in (n for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)):
        xml = z.read(name)
        assert b"srgbClr" not in xml and b"showMasterSp" not in xml, name
        assert b"typeface" not in xml, name  # fonts come from the theme
    # the same deck through python-pptx's objects: same bytes on the edited template too
    specs = slide_specs(writer(huapho))
    path = folder / "analysis-slides.pptx"
    assert slides.build_deck(specs, path, digits="thai") == slides.build_deck(
        specs, path, digits="thai", fast=False
    )


# --------------------------------------------------------------------------- the drafted deck


def test_drafted_slides_in_order(deck):
    texts, titles = _texts(deck), _titles(deck)
    assert "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส" in texts[0] and "องค์การบริหารส่วนตำบลหัวโพ" in texts[0]
    assert re.search("พ.ศ.[ \xa0]๒๕๖๕", texts[0])
    expected = [
        "ผลการประเมินภาพรวม",
        "คะแนนรายเครื่องมือการประเมิน",
        "คะแนนรายตัวชี้วัด",
        "คะแนนรายตัวชี้วัด (แผนภูมิ)",
        "ตัวชี้วัดที่มีคะแนนต่ำสุด ๓ อันดับ",
        "จุดอ่อน: ตัวชี้วัดที่ ๗",
        "จุดอ่อน: ตัวชี้วัดที่ ๙",
        "จุดอ่อน: ตัวชี้วัดที่ ๔",
        "ประเด็นที่ต้องพัฒนา: ตัวชี้วัดที่ ๒",
        "การติดตามผลการดำเนินการตามแบบวัด OIT",
        "สรุปผลการติดตาม OIT",
        "ปัญหาและอุปสรรค",
    ]
    found = [next(i for i, t in enumerate(titles) if t.startswith(e)) for e in expected]
    assert found == sorted(found)
    assert "๘๕.๘๕ คะแนน" in texts[1] and "ระดับผลการประเมิน: A" in texts[1]
    assert "- ไม่มี -" in texts[-1]


def test_lowest_three_in_rank_order(deck):
    (text,) = [t for t in _texts(deck) if t.startswith("ตัวชี้วัดที่มีคะแนนต่ำสุด")]
    ranks = [
        text.index(s)
        for s in (
            "อันดับที่ ๑\nตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล\n๖๓.๖๗",
            "อันดับที่ ๒\nตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต\n๘๕.๖๒",
            "อันดับที่ ๓\nตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร\n๘๖.๑๒",
        )
    ]
    assert ranks == sorted(ranks)


def test_weakness_problems_numbered_in_the_decks_digits(deck):
    text = "\n".join(t for t in _texts(deck) if t.startswith("จุดอ่อน: ตัวชี้วัดที่ ๗"))
    assert "ประเด็นปัญหา" in text and "แนวทางแก้ไข" in text
    for i in (1, 2, 3, 4):
        assert f"ประเด็นที่ {'๑๒๓๔'[i - 1]}: ข้อ e{'๗๘๙'[i - 1] if i < 4 else '๑๐'}" in text
    assert not re.search("ประเด็นที่ [0-9]", "".join(_texts(deck)))  # the "ประเด็นที่ 1" on a Thai deck


def test_arabic_digits_when_the_document_says_so(huapho):
    text = "".join(_texts(_deck(huapho, digits="arabic")))
    assert "85.85 คะแนน" in text and "อันดับที่ 1" in text and "ประเด็นที่ 1:" in text
    assert not re.search("[๐-๙]", text)


def test_native_charts_with_workbooks_and_the_theme_font(deck):
    z = zipfile.ZipFile(io.BytesIO(deck))
    names = z.namelist()
    charts = sorted(n for n in names if re.fullmatch(r"ppt/charts/chart\d+\.xml", n))
    assert len(charts) == 2 and sum(n.endswith(".xlsx") for n in names) == 2
    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    tools = etree.fromstring(z.read(charts[0]))
    assert tools.xpath(".//c:cat//c:v/text()", namespaces=ns) == ["IIT", "EIT", "OIT"]
    assert b"[$-D00041E]0.00" in z.read(charts[0])  # Thai digits on the labels
    indicators = etree.fromstring(z.read(charts[1]))
    assert indicators.xpath("string(.//c:barDir/@val)", namespaces=ns) == "bar"
    assert len(indicators.xpath(".//c:val//c:pt", namespaces=ns)) == 10
    assert all(r.find(f"{A}cs").get("typeface") == "TH Sarabun New" for r in indicators.iter(f"{A}defRPr"))


def test_runs_are_thai_and_take_font_and_colours_from_the_theme(deck):
    z = zipfile.ZipFile(io.BytesIO(deck))
    runs = 0
    for name in (n for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)):
        for r in etree.fromstring(z.read(name)).iter(f"{A}r"):
            rpr = r.find(f"{A}rPr")
            assert rpr.get("lang") == "th-TH", name
            assert rpr.find(f"{A}latin") is None and rpr.find(f"{A}cs") is None, name
            fill = rpr.find(f"{A}solidFill")
            assert fill is None or fill[0].tag == f"{A}schemeClr", name
            runs += 1
    assert runs > 200


def test_no_text_leaves_its_box_and_rows_of_one_line_are_equally_tall(deck):
    """Tables end inside the slide; a row holding "100.00" is as tall as the other one-line rows."""
    prs = Presentation(io.BytesIO(deck))
    for slide in prs.slides:
        for shape in slide.shapes:
            assert shape.top + shape.height <= prs.slide_height, shape.name
            if shape.has_table and "คะแนน" in shape.table.cell(0, len(shape.table.columns) - 1).text:
                heights = {row.height for row in list(shape.table.rows)[1:]}
                assert len(heights) == 1, [c.text for c in shape.table.rows[1].cells]


def test_same_data_same_bytes(huapho, deck):
    assert _deck(huapho) == deck
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(deck)).infolist()} == {(2000, 1, 1, 0, 0, 0)}


def test_decks_of_the_samples_without_indicators_or_assessment():
    assert not any(s.name.startswith("muangklaeng") for s in sample_sets() if _supported(s))
    rangsit = _deck(load(_sample("rangsit-2568")))  # only indicator 7 is known
    titles = _titles(rangsit)
    assert any(t.startswith("คะแนนรายตัวชี้วัด") for t in titles)
    assert not any(t.startswith(("คะแนนรายตัวชี้วัด (แผนภูมิ)", "ตัวชี้วัดที่มีคะแนนต่ำสุด")) for t in titles)


def _supported(path: Path) -> bool:
    from ita_docs.documents.analysis_slides import DOCUMENT

    return DOCUMENT.supported(load(path).content)


# --------------------------------------------------------------------------- slides as content


def test_a_set_that_says_something_gets_exactly_what_it_says(tmp_path):
    folder = _with_content(
        tmp_path,
        """\
analysis_slides:
  - layout: section
    title: ส่วนที่ 1 ผลการประเมิน
  - title: "คะแนนของ {{ organisation.name }}"
    body:
      - "ได้คะแนน **{{ overall }}** คะแนน"
      - bullets: [ข้อหนึ่ง\u200b, ข้อสอง]
      - heading: หัวข้อย่อย
      - dashes: [ขีดหนึ่ง]
      - insert: lowest
        n: 5
  - insert: indicator
    indicator: 8
    problems: [การรับฟังความคิดเห็นยังไม่ทั่วถึง, "ข้อ e14 ช่องทางร้องเรียน"]
    remedies: [เพิ่มช่องทางรับฟังความคิดเห็น]
  - insert: strengths
  - {title: OIT, body: [{insert: oit_followup}]}
  - insert: oit_status
""",
    )
    pptx = _deck(load(folder))
    titles, texts = _titles(pptx), _texts(pptx)
    assert titles[0] == "ส่วนที่ ๑ ผลการประเมิน"
    assert titles[1] == "คะแนนของ องค์การบริหารส่วนตำบลหัวโพ"
    own = "\n".join(t for t, title in zip(texts, titles) if title.startswith("คะแนนของ"))
    assert "ได้คะแนน ๘๕.๘๕ คะแนน" in own and "ข้อหนึ่ง\n" in own  # the zero-width space is gone
    assert "อันดับที่ ๕" in own and "อันดับที่ ๑ = คะแนนต่ำสุด" in own and "หัวข้อย่อย\n- ขีดหนึ่ง" in own
    k = next(i for i, t in enumerate(titles) if t.startswith("ประเด็นที่ต้องพัฒนา: ตัวชี้วัดที่ ๘"))
    assert "ประเด็นที่ ๑: การรับฟังความคิดเห็นยังไม่ทั่วถึง" in texts[k]  # shown as written, without a code
    assert "ประเด็นที่ ๒: ข้อ e๑๔ ช่องทางร้องเรียน" in texts[k] and "๑. เพิ่มช่องทางรับฟังความคิดเห็น" in texts[k]
    assert any(t.startswith("จุดแข็ง: ตัวชี้วัดที่ ๓") for t in titles)
    assert titles[-1] == "สรุปผลการติดตาม OIT"
    oit = "\n".join(t for t, title in zip(texts, titles) if title.startswith("OIT"))
    assert "O๑\n" in oit.replace("o๑", "O๑") and "รวม" in oit  # the checklist then its summary
    assert not any(t.startswith(("ผลการประเมินภาพรวม", "ปัญหาและอุปสรรค")) for t in titles)  # nothing drafted
    assert "\u200b" not in "".join(texts)


def test_drafted_slides_may_be_placed_among_the_sets_own(tmp_path, deck):
    folder = _with_content(
        tmp_path, "analysis_slides:\n  - {insert: drafted}\n  - {title: ขอบคุณ, body: [ขอบคุณครับ]}\n"
    )
    titles = _titles(_deck(load(folder)))
    assert titles[:-1] == _titles(deck) and titles[-1] == "ขอบคุณ"


def test_an_insert_the_content_cannot_feed_is_located(tmp_path):
    folder = _with_content(tmp_path, "analysis_slides:\n  - insert: oit_items\n", "rangsit-2568")
    loaded = load(folder)
    w = writer(loaded)
    slide_specs(w)
    [error] = w.errors
    assert "oit_followup" in str(error) and "slides.yaml" in str(error)


def test_bad_slides_are_reported_with_their_place(tmp_path):
    folder = _with_content(
        tmp_path, "analysis_slides:\n  - {insert: indicator}\n  - {body: [{bullets: [a], paragraph: b}]}\n"
    )
    with pytest.raises(ContentErrors) as exc:
        load(folder)
    text = str(exc.value)
    assert "indicator" in text and "slides.yaml" in text and "bullets" in text


def test_long_tables_continue_with_the_header_repeated_and_long_text_pages():
    long = [
        slides.SlideSpec(
            "รายการ OIT",
            [
                slides.Table(
                    ["ข้อ", "รายการ", "สถานะ"],
                    [[f"O{i}", "รายการที่ยาวมาก " * (i % 5 + 1), "ดำเนินการแล้ว"] for i in range(1, 41)],
                    [1, 6, 3],
                )
            ],
        ),
        slides.SlideSpec(
            "ปัญหา", [slides.Text([TextPara(f"{i}. " + "งบประมาณไม่เพียงพอ " * 12) for i in range(1, 15)])]
        ),
    ]
    pptx = slides.build_deck(long, TEMPLATE)
    titles, texts = _titles(pptx), _texts(pptx)
    oit = [i for i, t in enumerate(titles) if t.startswith("รายการ OIT")]
    assert len(oit) > 1 and titles[oit[1]] == f"รายการ OIT (ต่อ 2/{len(oit)})"
    assert all(texts[i].split("\n")[1:4] == ["ข้อ", "รายการ", "สถานะ"] for i in oit)
    assert all(f"O{i}\n" in "".join(texts) for i in (1, 40))
    assert sum(t.startswith("ปัญหา") for t in titles) > 1
    prs = Presentation(io.BytesIO(pptx))
    for slide in prs.slides:
        for shape in slide.shapes:
            assert shape.top + shape.height <= prs.slide_height
    assert slides.build_deck(long, TEMPLATE) == slides.build_deck(long, TEMPLATE, fast=False)


# --------------------------------------------------------------------------- the fast writer is python-pptx's bytes


@pytest.mark.parametrize("digits", ["thai", "arabic"])
def test_every_samples_deck_is_the_bytes_python_pptx_writes(digits):
    for path in sample_sets():
        if not _supported(path):
            continue
        specs = slide_specs(writer(load(path), digits))
        fast = slides.build_deck(specs, TEMPLATE, digits=digits)
        reference = slides.build_deck(specs, TEMPLATE, digits=digits, fast=False)
        a, b = zipfile.ZipFile(io.BytesIO(fast)), zipfile.ZipFile(io.BytesIO(reference))
        assert a.namelist() == b.namelist(), path.name
        for name in a.namelist():
            assert a.read(name) == b.read(name), (path.name, name)
        assert fast == reference


def test_a_hand_made_deck_is_the_bytes_python_pptx_writes():
    specs = [
        slides.SlideSpec("ชื่อ & <หน่วยงาน>\nบรรทัดสอง", [slides.Text([TextPara("คำบรรยาย")])], "title"),
        slides.SlideSpec("ตอน", [], "section"),
        slides.SlideSpec(
            "อ้าง \"คำ\" 'ไทย'\tแท็บ\x07",
            [
                slides.Text(
                    [
                        TextPara("ย่อหน้า **หนา** ต่อ", 28, None, "accent1", 0, "ctr"),
                        TextPara("จุด", level=1),
                        TextPara(""),
                    ]
                ),
                slides.Table(
                    ["a", "b"], [["1\nสอง", "x < y"], ["", "ว่าง"]], [1, 3], left=(0,), marked=[True, False]
                ),
                slides.Text([TextPara("หลังตาราง")]),
                slides.Chart(["IIT", "EIT & co"], [10, 91.77000000000001]),
            ],
        ),
        slides.SlideSpec(
            "แผนภูมิ",
            [
                slides.Chart(
                    [f"{i}. ตัวชี้วัด" for i in range(1, 11)], [90.5 + i / 3 for i in range(10)], horizontal=True
                )
            ],
        ),
    ]
    assert slides.build_deck(specs, TEMPLATE) == slides.build_deck(specs, TEMPLATE, fast=False)


def test_python_pptx_internals_the_fast_writer_relies_on():
    """New slides take the first free rIds and ids from 256; a template's own slides are dropped."""
    prs = Presentation(str(TEMPLATE))
    prs.slides.add_slide(prs.slide_layouts[1])
    buf = io.BytesIO()
    prs.save(buf)
    from ita_docs.slides.package import open_deck
    from ita_docs.slides.skeleton import skeleton_of

    with_slide = slide_template(Path(TEMPLATE))
    edited = with_slide.__class__(**{**with_slide.__dict__, "data": buf.getvalue()})
    assert len(open_deck(edited).slides) == 0
    sk = skeleton_of(edited)
    rels = zipfile.ZipFile(buf).read("ppt/_rels/presentation.xml.rels").decode()
    taken = int(re.search(r'Id="rId(\d+)"[^>]*Target="slides/slide1.xml"', rels).group(1))
    assert sk is not None and sk.free_rids[0] == taken  # the dropped slide's rId is taken again first
    specs = [slides.SlideSpec("หนึ่ง", [slides.Text([TextPara("ข้อความ")])])]
    assert slides.build_deck(specs, edited) == slides.build_deck(specs, edited, fast=False)
    assert len(Presentation(io.BytesIO(slides.build_deck(specs, edited))).slides) == 1


def test_build_writes_the_deck_with_the_samples(rendered_all):
    deck = rendered_all["huapho-2565/analysis-slides.pptx"]
    assert any(n.startswith("ppt/charts/chart") for n in zipfile.ZipFile(io.BytesIO(deck)).namelist())
    assert "muangklaeng-2565/analysis-slides.pptx" not in rendered_all  # no assessment, no deck


def test_templates_export_and_override(tmp_path):
    from typer.testing import CliRunner

    from ita_docs.build import check
    from ita_docs.cli import app

    out = tmp_path / "mine"
    result = CliRunner().invoke(app, ["templates", "export", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "analysis-slides.pptx").read_bytes() == TEMPLATE.read_bytes()
    (out / "analysis-slides.pptx").write_bytes(b"not a deck")
    result = CliRunner().invoke(app, ["check", str(_sample("huapho-2565")), "--templates", str(out)])
    assert result.exit_code == 1 and "PowerPoint" in result.output
    with pytest.raises(TemplateError):
        check([_sample("huapho-2565")], out)


def test_row_heights_of_scores_are_one_line():
    """ "100.00" in a score column is measured as one line (the issue's rows twice as tall)."""
    t = slides.Table(
        ["ข้อ", "ตัวชี้วัด", "คะแนน"],
        [["1", "การปฏิบัติหน้าที่", "100.00"], ["2", "การใช้งบประมาณ", "85.85"]],
        [1, 7, 1.6],
    )
    for size in (24, 22, 20, 18, 16):
        heights = slides._row_heights(t, slides._col_widths(t, Inches(6), size), size)
        assert heights[1] == heights[2], size


def test_colour_of_below_pass_rows_is_the_themes():
    specs = [slides.SlideSpec("x", [slides.Table(["a", "b"], [["1", "2"]], [1, 1], marked=[True])])]
    xml = zipfile.ZipFile(io.BytesIO(slides.build_deck(specs, TEMPLATE))).read("ppt/slides/slide1.xml")
    assert b'<a:schemeClr val="accent2"/>' in xml and b"srgbClr" not in xml


def test_the_python_pptx_path_with_prebuilt_tables_and_charts_is_python_pptx_too(monkeypatch, huapho):
    """A template the skeleton cannot be cut from is drawn through python-pptx, tables and charts made
    ahead (`table_xml`, `slide_chart`): the same bytes as python-pptx's own calls."""
    from ita_docs.slides import skeleton as slide_skeleton

    specs = slide_specs(writer(huapho))
    reference = slides.build_deck(specs, TEMPLATE, fast=False)
    monkeypatch.setattr(slides, "skeleton_of", lambda template: None)
    assert slides.build_deck(specs, TEMPLATE) == reference
    assert slide_skeleton.skeleton_of(slide_template(TEMPLATE)) is not None  # the bundled template is cut
