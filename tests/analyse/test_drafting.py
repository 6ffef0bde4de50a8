"""The analysis report drafted from scores alone (`ita_docs.analyse.drafting`), computed figures, charts."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ita_docs.analyse import drafting
from ita_docs.analyse import rules as analysis
from ita_docs.build import render_set
from ita_docs.errors import ContentErrors
from ita_docs.load.validate import load
from ita_docs.render import ooxml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
THAI_DIGIT = re.compile("[๐-๙]")

ORG = """\
fiscal_year: 2567
organisation:
  name: เทศบาลตำบลทดสอบ
  kind: เทศบาลตำบล
  district: เมือง
  province: ราชบุรี
"""
# Computed by the 2566 rules: IIT 88.20, EIT 87.45, OIT 84.175 -> overall 86.365, cut to 86.36 (computed_overall),
# level ผ่าน (overall >= 85, but OIT < 85 so not ผ่านดี).
INDICATORS = {
    1: 92.10,
    2: 88.40,
    3: 90.55,
    4: 83.20,
    5: 86.75,
    6: 95.30,
    7: 79.45,
    8: 87.60,
    9: 72.35,
    10: 96.00,
}


def assessment_yaml(indicators: dict[int, float] = INDICATORS, extra: str = "") -> str:
    lines = ["assessment:", "  year: 2566"] + ([extra.rstrip("\n")] if extra else []) + ["  indicators:"]
    lines += [f"    {n}: {s:.2f}" for n, s in indicators.items()]
    return "\n".join(lines) + "\n"


def write(folder: Path, assessment: str, more: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "organisation.yaml").write_text(ORG + more, encoding="utf-8")
    (folder / "assessment.yaml").write_text(assessment, encoding="utf-8")
    return folder


def build(folder: Path) -> bytes:
    loaded = load(folder)
    (doc,) = render_set(loaded, folder.parent / "out", only=["analysis-report"])
    return doc.data


def paragraphs(data: bytes) -> list[str]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    # no-break spaces (dates, numbers with their unit) read as spaces
    return ["".join(t.text or "" for t in p.iter(f"{W}t")).replace("\xa0", " ") for p in root.iter(f"{W}p")]


def text(data: bytes) -> str:
    return "\n".join(paragraphs(data))


def charts_xml(data: bytes) -> str:
    z = zipfile.ZipFile(io.BytesIO(data))
    return "".join(
        z.read(n).decode() for n in z.namelist() if n.startswith("word/charts/chart") and n.endswith(".xml")
    )


def section(data: bytes, start: str, end: str) -> list[str]:
    paras = paragraphs(data)
    i = next(k for k, p in enumerate(paras) if start in p)
    j = next(k for k, p in enumerate(paras) if k > i and end in p)
    return paras[i + 1 : j]


@pytest.fixture(scope="module")
def drafted(tmp_path_factory) -> bytes:
    return build(write(tmp_path_factory.mktemp("d") / "scores", assessment_yaml()))


# --------------------------------------------------------------------------- 1. scores alone


def test_scores_alone_build_a_complete_report(drafted):
    body = text(drafted)
    for score in INDICATORS.values():
        assert f"{score:.2f}".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) in body
    assert "๘๖.๓๖" in body  # the computed overall
    assert "ระดับผลการประเมิน : ผ่าน" in body  # the computed level (OIT 84.18 < 85: not ผ่านดี)
    assert "๘๔.๑๘" in body and "๓๓.๖๗" in body  # OIT out of 100 and weighted (40%)
    for heading in (
        "๑. หลักการและเหตุผล",
        "๒.๑ คะแนนผลการประเมิน",
        "๒.๒ ข้อเสนอแนะ",
        "๓. ผลการวิเคราะห์ผลการประเมิน",
        "๓.๑ วิเคราะห์ประเด็นที่เป็นจุดแข็ง",
        "๓.๒ วิเคราะห์ประเด็นที่เป็นข้อบกพร่อง",
        "๓.๓ วิเคราะห์ประเด็นที่จะต้องพัฒนา",
        "๔. ข้อเสนอแนะมาตรการ",
        "๔.๑ มาตรการ/แนวทาง",
    ):
        assert any(p.startswith(heading) for p in paragraphs(drafted)), heading
    assert ooxml.audit_package(drafted) == []


def test_the_three_lowest_are_named_in_rank_order(drafted):
    paras = paragraphs(drafted)
    i = paras.index("ตัวชี้วัดที่มีคะแนนต่ำสุด ๓ อันดับ")
    rows = [
        p
        for p in paras[i + 1 : i + 20]
        if p in ("การเปิดเผยข้อมูล", "ประสิทธิภาพการสื่อสาร", "การใช้ทรัพย์สินของราชการ")
    ]
    assert rows == ["การเปิดเผยข้อมูล", "ประสิทธิภาพการสื่อสาร", "การใช้ทรัพย์สินของราชการ"]  # 72.35, 79.45, 83.20


def test_classification_follows_the_year_rule(drafted):
    weak = section(drafted, "๓.๒ วิเคราะห์ประเด็นที่เป็นข้อบกพร่อง", "๓.๓ วิเคราะห์")
    heads = [re.search(r"ตัวชี้วัดที่ (\S+)", p).group(1) for p in weak if p.startswith("(")]
    assert heads == ["๙", "๗", "๔"]  # below the pass mark 85, lowest first
    strong = section(drafted, "๓.๑ วิเคราะห์ประเด็นที่เป็นจุดแข็ง", "๓.๒ วิเคราะห์")
    assert [re.search(r"ตัวชี้วัดที่ (\S+)", p).group(1) for p in strong if p.startswith("(")] == [
        "๑๐",
        "๖",
    ]  # >= 95
    improve = section(drafted, "๓.๓ วิเคราะห์ประเด็นที่จะต้องพัฒนา", "๔. ข้อเสนอแนะ")
    assert [re.search(r"ตัวชี้วัดที่ (\S+)", p).group(1) for p in improve if p.startswith("(")] == [
        "๕",
        "๘",
        "๒",
        "๓",
        "๑",
    ]


def test_rule_thresholds_are_data():
    fw = analysis.framework(2566)
    rules = analysis.classification_rules(fw)
    assert (rules.weakness_below, rules.strength_min) == (fw.pass_mark, fw.levels[0].min) == (85, 95)
    from ita_docs.model.reports import Classification

    rules = analysis.classification_rules(
        fw, Classification(weakness_below=90, strength_min=99, strengths_top=1)
    )
    assert (rules.weakness_below, rules.strength_min, rules.strengths_top) == (90, 99, 1)


def test_enough_drafted_analysis_and_measures(drafted):
    analysed = section(drafted, "๓. ผลการวิเคราะห์ผลการประเมิน", "๔. ข้อเสนอแนะมาตรการ")
    assert sum(len(p) for p in analysed) >= 2500
    body = text(drafted)
    # the library's measures for the weak indicators, in tables grouped by tool
    assert "มาตรการเพื่อยกระดับผลการประเมินตามแบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)" in body
    assert "เปิดเผยข้อมูลสาธารณะบนเว็บไซต์หลักของหน่วยงานตามหลักเกณฑ์แบบวัด OIT" in body  # a measure for indicator 9
    assert "ตลอดปีงบประมาณ พ.ศ." in body and "{{" not in body


def test_draft_measures_are_real_measures():
    loaded = load(write(Path(__import__("tempfile").mkdtemp()) / "m", assessment_yaml()))
    d = drafting.report(loaded.content)
    assert d.measures and all(type(m).__name__ == "Measure" for m in d.measures.values())
    assert all(mid in d.measures for g in d.report.next_year.groups for mid in g.measures)


def test_native_charts_in_thai_digits(drafted):
    z = zipfile.ZipFile(io.BytesIO(drafted))
    assert [n for n in z.namelist() if n.startswith("word/charts/chart")].count("word/charts/chart1.xml") == 1
    assert any(n.startswith("word/embeddings/") for n in z.namelist())
    xml = charts_xml(drafted)
    assert "๑. การปฏิบัติหน้าที่" in xml and "[$-D00041E]0.00" in xml
    assert "คะแนนรายตัวชี้วัด ประจำปีงบประมาณ พ.ศ. ๒๕๖๖" in xml
    assert "<c:v>72.35</c:v>" in xml


# --------------------------------------------------------------------------- 2. every figure once


def test_a_changed_score_leaves_no_trace(tmp_path):
    first = build(write(tmp_path / "a", assessment_yaml(extra="  overall: 86.37")))
    assert load(tmp_path / "a").warnings == []
    old = ("๗๒.๓๕", "๘๔.๑๘", "๓๓.๖๗", "๘๖.๓๗")  # indicator 9, OIT, OIT weighted, overall
    assert all(s in text(first) for s in old)
    changed = {**INDICATORS, 9: 88.35}  # OIT 92.175, overall 89.565 cut to 89.56: every tool >= 85
    second = build(write(tmp_path / "b", assessment_yaml(changed)))
    body, xml = text(second), charts_xml(second)
    for s in old:
        assert s not in body, s
    assert "72.35" not in xml and "84.1" not in xml
    assert "๘๙.๕๖" in body and "ระดับผลการประเมิน : ผ่านดี" in body and "๙๒.๑๘" in body


def test_a_given_overall_that_disagrees_is_a_warning(tmp_path):
    folder = write(tmp_path / "w", assessment_yaml(extra="  overall: 90.00"))
    loaded = load(folder)
    (warning,) = loaded.warnings
    line = next(
        i for i, t in enumerate((folder / "assessment.yaml").read_text().splitlines(), 1) if "overall:" in t
    )
    assert warning.location.file == folder / "assessment.yaml" and warning.location.line == line
    assert f"assessment.yaml:{line}" in str(warning)
    assert "90.0" in warning.message and "86.36" in warning.message
    assert "๙๐.๐๐" in text(build(folder))  # the given value is printed


def test_a_given_tool_score_that_disagrees_is_a_warning(tmp_path):
    folder = write(tmp_path / "t", assessment_yaml(extra="  tools: {oit: 80.00}"))
    (warning,) = [w for w in load(folder).warnings if "oit" in w.location.field]
    assert "80.0" in warning.message and "84.18" in warning.message and warning.location.line == 3


def test_rounding_tolerance():
    assert not analysis.disagrees(85.85, 85.844)
    assert analysis.disagrees(85.87, 85.844)


# --------------------------------------------------------------------------- 3. content over the draft


def test_content_sections_replace_the_draft(tmp_path):
    more = "analysis_report:\n  principles:\n    - หลักการที่หน่วยงานเขียนเอง\n  ranking_title: คะแนนรายตัวชี้วัดเรียงจากมากไปน้อย\n  indicator_table: true\n"
    data = build(write(tmp_path / "c", assessment_yaml(), more))
    body = text(data)
    assert "หลักการที่หน่วยงานเขียนเอง" in body
    assert (
        "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) ได้พัฒนา" not in body
    )  # drafted principles
    assert "ได้นำผลคะแนนรายตัวชี้วัดมาวิเคราะห์" in body  # other sections still drafted
    assert "คะแนนรายตัวชี้วัดเรียงจากมากไปน้อย" in body and "คะแนนสูงสุดรายตัวชี้วัด" not in body
    assert "คะแนนรายตัวชี้วัด" in paragraphs(data)  # the indicator-order table


def test_empty_sections_drop_their_heading_and_numbers_follow(tmp_path):
    more = "analysis_report:\n  principles: []\n  recommendations: []\n  strengths: {}\n"
    paras = paragraphs(build(write(tmp_path / "e", assessment_yaml(), more)))
    assert not any("หลักการและเหตุผล" in p for p in paras)
    assert not any("ข้อเสนอแนะ/หมายเหตุ" in p for p in paras)
    assert not any("จุดแข็ง" in p and p.startswith(("๒.", "๓.")) for p in paras)
    for heading in (
        "๑. ผลคะแนนการประเมิน",
        "๑.๑ คะแนนผลการประเมิน",
        "๒. ผลการวิเคราะห์ผลการประเมิน",
        "๒.๑ วิเคราะห์ประเด็นที่เป็นข้อบกพร่อง",
        "๒.๒ วิเคราะห์ประเด็นที่จะต้องพัฒนา",
        "๓. ข้อเสนอแนะมาตรการ",
        "๓.๑ มาตรการ",
    ):
        assert any(p.startswith(heading) for p in paras), heading


def test_phrases_names_and_parts_from_content(tmp_path):
    more = (
        "analysis_report:\n  phrases:\n    indicators:\n      9:\n"
        '        weakness: "ข้อความจุดอ่อนของเราเอง เกณฑ์ {{ pass_mark }} คะแนน ({{ indicator.name }})"\n'
    )
    extra = (
        "  indicator_names: {8: การปรับปรุงการทำงาน, 9: การเปิดเผยข้อมูลสาธารณะ}\n"
        "  tool_parts:\n    eit:\n      - {name: ส่วนที่ ๑ ผู้รับบริการ, score: 90.10}\n      - {name: ส่วนที่ ๒ ผู้มาติดต่อ, score: 84.80}\n"
    )
    data = build(write(tmp_path / "p", assessment_yaml(extra=extra), more))
    body = text(data)
    assert "ข้อความจุดอ่อนของเราเอง เกณฑ์ ๘๕ คะแนน (การเปิดเผยข้อมูลสาธารณะ)" in body
    paras = paragraphs(data)
    # the ranking and lowest tables, the findings and the charts all take the content's name
    assert "การปรับปรุงการทำงาน" in paras and "การปรับปรุงระบบการทำงาน" not in paras
    assert "ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน" in body and "ตัวชี้วัดที่ ๘ การปรับปรุงระบบ" not in body
    assert paras.count("การเปิดเผยข้อมูลสาธารณะ") == 2  # ranking + lowest three
    assert "๘. การปรับปรุงการทำงาน" in charts_xml(data)
    eit = next(i for i, p in enumerate(paras) if p.startswith("EIT "))
    assert paras[eit + 4 : eit + 6] == ["- ส่วนที่ ๑ ผู้รับบริการ", "๙๐.๑๐"]


def test_a_bad_phrases_override_is_a_located_error(tmp_path):
    more = "analysis_report:\n  phrases:\n    indicators:\n      11: {weakness: ข้อความ}\n"
    with pytest.raises(ContentErrors) as exc:
        load(write(tmp_path / "x", assessment_yaml(), more))
    (err,) = exc.value.errors
    assert err.location.field == "analysis_report.phrases" and err.location.line == 8


def test_arabic_digits_throughout_the_draft(tmp_path):
    folder = write(tmp_path / "ar", assessment_yaml(), "digits: arabic\n")
    data = build(folder)
    assert not THAI_DIGIT.search(text(data))
    assert "86.36" in text(data) and "2567" in text(data)
    assert "[$-D00041E]" not in charts_xml(data)
    d = drafting.report(load(folder).content, "arabic")
    drafted_texts = [
        f.text for g in (d.report.strengths, d.report.weaknesses, d.report.improvements) for f in g.findings
    ]
    drafted_texts += [b.paragraph or "" for b in d.report.principles + d.report.conclusion]
    drafted_texts += [s.text for m in d.measures.values() for s in m.steps]
    assert drafted_texts and not any(THAI_DIGIT.search(t) for t in drafted_texts)


def test_draft_false_keeps_only_the_content(tmp_path):
    more = "analysis_report:\n  draft: false\n  principles:\n    - หลักการเท่านั้น\n"
    paras = paragraphs(build(write(tmp_path / "f", assessment_yaml(), more)))
    assert "หลักการเท่านั้น" in paras
    assert not any("ผลการวิเคราะห์ผลการประเมิน" in p for p in paras)  # no section ๓ at all
