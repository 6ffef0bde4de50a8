"""The analysis slide deck: layout, content from the huapho-2565 sample, fonts, digits, charts."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Inches

from ita_docs import slides, thaifmt
from ita_docs.slides.layout import _row_height, _widths
from ita_docs.slides.writer import _Deck
from ita_docs.documents import writer
from ita_docs.documents.analysis_slides import deck_data
from ita_docs.resources import sample_sets
from ita_docs.load.validate import load
from ita_docs.render.zip_members import deflate, write_zip

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


def _decks_of_every_kind(data) -> dict[str, bytes]:
    return {
        "huapho-arabic": slides.build_deck(data),
        "huapho-thai": slides.build_deck(data, digits="thai"),
        "hand-made": slides.build_deck(_HAND_MADE),
        "pakkret": slides.build_deck(_deck_data(_load("pakkret-2568")), digits="thai"),
    }


_HAND_MADE = slides.DeckData(
    organisation="เทศบาลทดสอบ & <ท่าน>", year=2568, overall=84.5, level="B",
    tools={"IIT": 10, "EIT": 91.77000000000001},  # a short bar, an int
    indicators=[(1, 'ข้อ "หนึ่ง"', 100), (2, "สอง", 5.5), (3, "สาม\tแท็บ", 85)],
    weaknesses=[("ตัวชี้วัดที่ 2", ["ปัญหา\nสองบรรทัด", ""], ["", "แก้ไข"])],
    oit_rows=[(f"O{i}", f"รายการ {i}", "ดำเนินการแล้ว") for i in range(1, 30)],
    obstacles=["งบประมาณ\x07ไม่พอ", "a < b > c"],
)


def test_two_builds_of_the_same_data_are_byte_identical(data):
    first = _decks_of_every_kind(data)
    again = _decks_of_every_kind(data)  # caches filled now, other decks built between
    assert first == again
    for deck in first.values():
        assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(deck)).infolist()} == {(2000, 1, 1, 0, 0, 0)}


def test_every_run_in_every_slide_has_latin_and_cs_typefaces(data):
    for name, deck in _decks_of_every_kind(data).items():
        z = zipfile.ZipFile(io.BytesIO(deck))
        slides_xml = [n for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
        assert len(slides_xml) == len(Presentation(io.BytesIO(deck)).slides), name  # python-pptx reopens it
        runs = 0
        for part in slides_xml:
            for r in etree.fromstring(z.read(part)).iter(f"{A}r"):
                rpr = r.find(f"{A}rPr")
                assert rpr is not None, (name, part)
                for face in ("latin", "ea", "cs"):
                    assert rpr.find(f"{A}{face}").get("typeface") == "TH Sarabun New", (name, part, face)
                assert rpr.get("sz") and rpr.get("b") in ("0", "1") and rpr.get("lang") == "th-TH", (name, part)
                runs += 1
        assert runs > 10, name


# --------------------------------------------------------------------------- the deck as python-pptx draws it
#
# build_deck writes each slide's XML as text; this is how the deck was drawn through
# python-pptx's objects before (one call per cell, run and font attribute). Both
# ways must give the same bytes, so the text writer cannot drift from what
# python-pptx (and so PowerPoint and LibreOffice) is known to accept.


def _pptx_reference(draw) -> bytes:
    from datetime import datetime

    from pptx.dml.color import RGBColor
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Pt

    from ita_docs.render.charts import (
        StableChartData,
        number_format,
        set_typeface,
        style_chart,
    )

    prs = Presentation()
    prs.slide_width, prs.slide_height = slides.W, slides.H
    align = {"l": PP_ALIGN.LEFT, "ctr": PP_ALIGN.CENTER}
    anchor = {"t": MSO_ANCHOR.TOP, "ctr": MSO_ANCHOR.MIDDLE}

    def fill(tf, paras, al, digits):
        for i, (text, size, bold, color) in enumerate(paras):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.alignment = align[al]
            run = p.add_run()
            run.text = thaifmt.to_digits(text, digits)
            run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, RGBColor.from_string(color)
            set_typeface(run.font._rPr, slides.FONT)

    class Ref:
        def blank(self):
            return prs.slides.add_slide(prs.slide_layouts[6])

        def band(self, s, y, h):
            band = s.shapes.add_shape(1, 0, y, slides.W, h)
            band.fill.solid()
            band.fill.fore_color.rgb = RGBColor.from_string(slides.NAVY)
            band.line.fill.background()

        def text(self, s, x, y, w, h, paras, al="l", an="t", digits="arabic"):
            tf = s.shapes.add_textbox(x, y, w, h).text_frame
            tf.word_wrap = True
            tf.vertical_anchor = anchor[an]
            fill(tf, paras, al, digits)

        def table(self, s, header, rows, widths, size, left=(1,), colors=None, digits="arabic"):
            widths_in = _widths(slides.BODY_W, widths)
            heights = [_row_height(r, widths_in, size) for r in [header, *rows]]
            table = s.shapes.add_table(len(rows) + 1, len(header), slides.MARGIN, slides.TOP, slides.BODY_W,
                                       Inches(sum(heights))).table
            for j, wid in enumerate(widths_in):
                table.columns[j].width = Inches(wid)
            for i, cells in enumerate([header, *rows]):
                table.rows[i].height = Inches(heights[i])
                for j, value in enumerate(cells):
                    cell = table.cell(i, j)
                    cell.margin_top = cell.margin_bottom = Inches(slides.PAD_Y / 2)
                    cell.margin_left = cell.margin_right = Inches(slides.PAD_X / 2)
                    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
                    color = slides.WHITE if i == 0 else (colors[i - 1] if colors and colors[i - 1] else slides.GREY)
                    cell.text_frame.word_wrap = True
                    fill(cell.text_frame, [(line, size, i == 0, color) for line in value.split("\n")],
                         "l" if i and j in left else "ctr", digits)
                    cell.fill.solid()
                    cell.fill.fore_color.rgb = RGBColor.from_string(
                        slides.NAVY if i == 0 else (slides.LIGHT if i % 2 else slides.WHITE))

        def chart(self, s, categories, values, horizontal, digits="arabic"):
            data = StableChartData(number_format=number_format(digits))
            data.categories = [thaifmt.to_digits(c, digits) for c in categories]
            data.add_series("คะแนน", values)
            kind = XL_CHART_TYPE.BAR_CLUSTERED if horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
            frame = s.shapes.add_chart(kind, slides.MARGIN, slides.TOP, slides.BODY_W, slides.BODY_H, data)
            style_chart(frame.chart, title="", digits=digits, value_max=100, horizontal=horizontal, font_size=22)
            set_typeface(frame.chart._chartSpace, slides.FONT)

    draw(Ref())
    props = prs.core_properties
    props.created = props.modified = datetime(2000, 1, 1)
    props.revision = 1
    props.last_modified_by = props.author = "ita-docs"
    buf = io.BytesIO()
    prs.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, (2000, 1, 1, 0, 0, 0)), src.read(info.filename), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _draw(deck, digits: str) -> None:
    """The same shapes through either writer (``deck`` is a _Deck or the python-pptx reference)."""
    ref = not isinstance(deck, _Deck)
    kw = {"digits": digits} if ref else {}
    s = deck.blank()
    deck.band(s, Inches(1.8), Inches(3.3))
    paras = [("ชื่อ & <หน่วยงาน> 2565", 36, True, slides.WHITE), ("", 24, False, slides.GREY),
             ('"อ้าง" \'คำ\'\tแท็บ\x07 ๑๒', 80, True, slides.RED)]
    if ref:
        deck.text(s, slides.MARGIN, Inches(1.8), slides.BODY_W, Inches(3.3), paras, "ctr", "ctr", **kw)
    else:
        deck.text(s, slides.MARGIN, Inches(1.8), slides.BODY_W, Inches(3.3), paras, align="ctr", anchor="ctr")
    s = deck.blank()
    header, rows = ["ข้อ", "รายการ", "สถานะ"], [["1", "บรรทัดแรก\nบรรทัดสอง", "ok"], ["", "ว่าง", "x < y"], ["3", "ยาว " * 40, "-"]]
    if ref:
        deck.table(s, header, rows, [1, 6.5, 3], 22, left=(0, 1), colors=[slides.RED, None, None], **kw)
        deck.chart(deck.blank(), ["IIT", "EIT 2", "OIT & co"], [89.43, 10, 100], False, **kw)
        deck.chart(deck.blank(), [f"{i}. ตัวชี้วัด" for i in range(1, 11)], [90.5 + i / 3 for i in range(10)], True, **kw)
    else:
        deck.table(s, header, rows, [1, 6.5, 3], size=22, left=(0, 1), colors=[slides.RED, None, None])
        deck.chart(deck.blank(), ["IIT", "EIT 2", "OIT & co"], [89.43, 10, 100], horizontal=False)
        deck.chart(deck.blank(), [f"{i}. ตัวชี้วัด" for i in range(1, 11)], [90.5 + i / 3 for i in range(10)], horizontal=True)


@pytest.mark.parametrize("digits", ["arabic", "thai"])
def test_slides_written_as_text_are_what_python_pptx_writes(digits):
    deck = _Deck(digits)
    _draw(deck, digits)
    mine = deck.save()
    reference = _pptx_reference(lambda ref: _draw(ref, digits))
    a, b = zipfile.ZipFile(io.BytesIO(mine)), zipfile.ZipFile(io.BytesIO(reference))
    assert a.namelist() == b.namelist()
    for name in a.namelist():
        assert a.read(name) == b.read(name), name
    assert mine == reference


def test_zip_writer_gives_the_bytes_of_zipfile():
    """Parts are compressed once (the template's per process) and zipped by hand: as zipfile writes them."""
    entries = [("[Content_Types].xml", b"<Types/>"), ("empty", b""), ("ppt/slides/slide1.xml", "ไทย ๑๒๓ ".encode() * 500),
               ("bin", bytes(range(256)) * 40)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in entries:
            z.writestr(zipfile.ZipInfo(name, (2000, 1, 1, 0, 0, 0)), blob, zipfile.ZIP_DEFLATED)
    assert write_zip([deflate(n, b) for n, b in entries]) == buf.getvalue()
