"""The analysis slide deck: layout, content from the huapho-2565 sample, fonts, digits, charts."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Inches

from ita_docs import slides
from ita_docs.documents import writer
from ita_docs.documents.analysis_slides import deck_data
from ita_docs.resources import sample_sets
from ita_docs.validate import load

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _load(name: str):
    return load(next(p for p in sample_sets() if p.name == name))


def _deck_data(loaded) -> slides.DeckData:
    return deck_data(writer(loaded))


@pytest.fixture(scope="module")
def data() -> slides.DeckData:
    return _deck_data(_load("huapho-2565"))


@pytest.fixture(scope="module")
def deck(data) -> bytes:
    return slides.build_deck(data)


def _texts(pptx: bytes) -> list[str]:
    """All text of each slide (text boxes and table cells), one string per slide."""
    out = []
    for slide in Presentation(io.BytesIO(pptx)).slides:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
        out.append("\n".join(parts))
    return out


def _titles(pptx: bytes) -> list[str]:
    return [t.split("\n")[0] for t in _texts(pptx)]


def test_deck_data_of_the_sample(data):
    assert data.organisation == "องค์การบริหารส่วนตำบลหัวโพ"
    assert (data.year, data.overall, data.level, data.pass_mark) == (2565, 85.85, "A", 85)
    assert set(data.tools) == {"IIT", "EIT", "OIT"}
    assert [n for n, _name, _s in data.indicators] == list(range(1, 11))
    assert [(r, n) for r, n, _name, _s in data.lowest] == [(1, 9), (2, 5), (3, 7)]
    # below the pass mark (9) plus the report's weaknesses (7, 4), lowest score first
    titles = [t for t, _p, _r in data.weaknesses]
    assert titles[0] == "ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร (58.01 คะแนน)"  # the score the report quotes
    assert [t.split()[1] for t in titles] == ["7", "9", "4"]
    _t, problems, remedies = data.weaknesses[0]
    assert problems[0].startswith("ข้อ e7 หน่วยงานที่ท่านติดต่อ") and "(39.56 คะแนน)" in problems[0]
    assert remedies[0].startswith("ซึ่งประเด็นดังกล่าว")
    assert any("O2 ข้อมูลผู้บริหาร" in p for p in data.weaknesses[1][1])  # OIT measures of indicator 9


def test_sixteen_by_nine(deck):
    prs = Presentation(io.BytesIO(deck))
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))
    assert abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.01


def test_slide_titles_in_order(deck):
    texts = _texts(deck)
    assert "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส" in texts[0]
    assert "องค์การบริหารส่วนตำบลหัวโพ" in texts[0] and "พ.ศ. 2565" in texts[0]
    titles = _titles(deck)
    expected = [
        "ผลการประเมินภาพรวม", "คะแนนรายเครื่องมือการประเมิน", "คะแนนรายตัวชี้วัด", "คะแนนรายตัวชี้วัด (แผนภูมิ)",
        "ตัวชี้วัดที่มีคะแนนต่ำสุด 3 อันดับ", "จุดอ่อน: ตัวชี้วัดที่ 7", "จุดอ่อน: ตัวชี้วัดที่ 9",
        "จุดอ่อน: ตัวชี้วัดที่ 4", "ปัญหาและอุปสรรค",
    ]
    found = [next(i for i, t in enumerate(titles) if t.startswith(e)) for e in expected]
    assert found == sorted(found)
    assert "85.85 คะแนน" in texts[1] and "ระดับผลการประเมิน: A" in texts[1]
    assert "- ไม่มี -" in texts[-1]


def test_lowest_three_in_rank_order(deck):
    (text,) = [t for t in _texts(deck) if t.startswith("ตัวชี้วัดที่มีคะแนนต่ำสุด")]
    ranks = [text.index(s) for s in (
        "อันดับที่ 1\nตัวชี้วัดที่ 9 การเปิดเผยข้อมูล\n63.67",
        "อันดับที่ 2\nตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต\n85.62",
        "อันดับที่ 3\nตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร\n86.12",
    )]
    assert ranks == sorted(ranks)


def test_weakness_problems_and_remedies(deck):
    text = "\n".join(t for t in _texts(deck) if t.startswith("จุดอ่อน: ตัวชี้วัดที่ 7"))
    assert "ประเด็นปัญหา" in text and "แนวทางแก้ไข" in text
    for i in (1, 2, 3, 4):
        assert f"ประเด็นที่ {i}: ข้อ e{i + 6}" in text


def test_native_charts_with_workbooks(deck):
    z = zipfile.ZipFile(io.BytesIO(deck))
    names = z.namelist()
    charts = sorted(n for n in names if re.fullmatch(r"ppt/charts/chart\d+\.xml", n))
    assert len(charts) == 2  # tools, indicators
    assert sum(n.startswith("ppt/embeddings/") and n.endswith(".xlsx") for n in names) == 2
    tools = etree.fromstring(z.read(charts[0]))
    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    assert tools.xpath(".//c:cat//c:v/text()", namespaces=ns) == ["IIT", "EIT", "OIT"]
    indicators = etree.fromstring(z.read(charts[1]))
    assert indicators.xpath("string(.//c:barDir/@val)", namespaces=ns) == "bar"
    assert len(indicators.xpath(".//c:val//c:pt", namespaces=ns)) == 10


def test_every_run_has_the_thai_font_latin_and_complex_script(deck):
    z = zipfile.ZipFile(io.BytesIO(deck))
    parts = [n for n in z.namelist() if re.fullmatch(r"ppt/(slides/slide|charts/chart)\d+\.xml", n)]
    runs = 0
    for name in parts:
        root = etree.fromstring(z.read(name))
        for r in root.iter(f"{A}r"):
            rpr = r.find(f"{A}rPr")
            assert rpr is not None, name
            assert rpr.find(f"{A}latin").get("typeface") == "TH Sarabun New", name
            assert rpr.find(f"{A}cs").get("typeface") == "TH Sarabun New", name
            runs += 1
        for rpr in root.iter(f"{A}defRPr"):
            assert rpr.find(f"{A}cs").get("typeface") == "TH Sarabun New", name
    assert runs > 100


def test_digits(data, deck):
    assert not re.search("[๐-๙]", "".join(_texts(deck)))  # Arabic by default
    thai = slides.build_deck(data, digits="thai")
    text = "".join(_texts(thai))
    assert not re.search("[0-9]", text)
    assert "๘๕.๘๕ คะแนน" in text and "อันดับที่ ๑" in text
    z = zipfile.ZipFile(io.BytesIO(thai))
    assert b"[$-D00041E]0.00" in z.read("ppt/charts/chart1.xml")  # chart labels in Thai digits
    with pytest.raises(ValueError):
        slides.build_deck(data, digits="roman")


def test_same_data_same_bytes(data, deck):
    assert slides.build_deck(data) == deck
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(deck)).infolist()} == {(2000, 1, 1, 0, 0, 0)}


def test_hand_made_deck_with_oit_checklist_and_long_lists():
    data = slides.DeckData(
        organisation="เทศบาลทดสอบ", year=2568, overall=None, level=None,
        weaknesses=[("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", ["ปัญหายาว " * 60] * 6, ["แก้ไข " * 50] * 3)],
        oit_rows=[(f"O{i}", f"รายการที่ {i}", "ดำเนินการเรียบร้อยแล้ว" if i % 3 else "ระหว่างดำเนินการ") for i in range(1, 27)],
        obstacles=["งบประมาณไม่เพียงพอ", "บุคลากรมีจำนวนจำกัด"],
    )
    pptx = slides.build_deck(data)
    titles = _titles(pptx)
    assert not any(t.startswith(("คะแนนรายเครื่องมือ", "คะแนนรายตัวชี้วัด", "ตัวชี้วัดที่มีคะแนนต่ำสุด")) for t in titles)
    assert sum(t.startswith("จุดอ่อน:") for t in titles) > 1  # long rows continue on more slides
    assert any("(ต่อ 2/" in t for t in titles)
    oit = [t for t in _texts(pptx) if t.startswith("การติดตามผลการดำเนินการตามแบบวัด OIT")]
    assert len(oit) > 1 and all(f"O{i}" in "\n".join(oit) for i in (1, 26))
    (summary,) = [t for t in _texts(pptx) if t.startswith("สรุปผลการติดตาม OIT")]
    assert "ดำเนินการเรียบร้อยแล้ว\n18 ข้อ" in summary and "ระหว่างดำเนินการ\n8 ข้อ" in summary and "รวม\n26 ข้อ" in summary
    assert "1. งบประมาณไม่เพียงพอ" in _texts(pptx)[-1]
    assert "- คะแนน" in _texts(pptx)[1]  # no overall score given


def test_samples_without_indicators_or_assessment():
    data = _deck_data(_load("pakkret-2568"))  # items only, no indicator scores
    assert data.indicators == [] and data.lowest == []
    assert _titles(slides.build_deck(data))[-1] == "ปัญหาและอุปสรรค"
    with pytest.raises(ValueError):
        _deck_data(_load("muangklaeng-2565"))  # no assessment


def test_partial_indicator_scores_give_a_table_but_no_ranking():
    data = _deck_data(_load("rangsit-2568"))  # only indicator 7 is known
    assert [n for n, _name, _s in data.indicators] == [7] and data.lowest == []
    titles = _titles(slides.build_deck(data))
    assert "คะแนนรายตัวชี้วัด" in titles
    assert not any(t.startswith(("คะแนนรายตัวชี้วัด (แผนภูมิ)", "ตัวชี้วัดที่มีคะแนนต่ำสุด")) for t in titles)


def test_build_writes_the_deck_with_the_samples(rendered_all):
    """The pipeline writes analysis-slides.pptx for a sample with scores, with a native chart."""
    import io
    import zipfile

    deck = rendered_all["huapho-2565/analysis-slides.pptx"]
    names = zipfile.ZipFile(io.BytesIO(deck)).namelist()
    assert any(n.startswith("ppt/charts/chart") for n in names)
    assert "muangklaeng-2565/analysis-slides.pptx" not in rendered_all  # no assessment, no deck
