"""Score import (`ita_docs.scaffold.scores`, `scores_yaml`, ``ita-docs scores``): issue 17 item 8."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ita_docs import scaffold
from ita_docs.build import render_set
from ita_docs.cli import app
from ita_docs.errors import ContentErrors, OutputError
from ita_docs.load.validate import load
from ita_docs.scaffold import scores, scores_yaml

from ..conftest import copy_sample

SCORES = {1: 92.15, 2: 88.4, 3: 90.55, 4: 83.2, 5: 86.75, 6: 95.3, 7: 79.45, 8: 87.6, 9: 72.35, 10: 96.0}


@pytest.fixture
def rolled(tmp_path):
    """A set rolled over by next-year: the assessment of 2566 with every score left blank."""
    src = copy_sample("huapho-2565", tmp_path / "src")
    scaffold.next_year(src, tmp_path / "set")
    return tmp_path / "set"


def _comments(text: str) -> list[str]:
    return [line.split("#", 1)[1].strip() for line in text.splitlines() if "#" in line]


def test_the_template_round_trips_and_the_yaml_keeps_its_comments(rolled, tmp_path):
    book = tmp_path / "คะแนน.xlsx"
    scores.template(book, 2566, previous={2565: 85.85})
    wb = load_workbook(book)
    assert wb.sheetnames == ["ผลการประเมิน", "ตัวชี้วัด", "ตัวชี้วัดย่อย", "รายข้อ", "ปีก่อน ๆ"]
    for ws in wb.worksheets:
        assert [c.value for c in ws[1]] == ["รหัส", "รายการ", "คะแนน"]
    ws = wb["ตัวชี้วัด"]
    assert [ws.cell(r, 1).value for r in range(2, 12)] == [str(n) for n in range(1, 11)]
    assert "การเปิดเผยข้อมูล" in ws.cell(10, 2).value
    assert any(
        dv.type == "decimal" and dv.formula1 == "0" and dv.formula2 == "100" and "C2" in str(dv.sqref)
        for dv in ws.data_validations.dataValidation
    )
    for r in range(2, 12):
        ws.cell(r, 3).value = SCORES[int(ws.cell(r, 1).value)]
    wb["ผลการประเมิน"]["C5"] = 89.9  # IIT as published
    wb["ตัวชี้วัดย่อย"]["C2"] = 91.5  # 9.1
    items = wb["รายข้อ"]
    items.append(["e7", "หน่วยงานมีการเผยแพร่ผลงาน", 70.27])
    wb.save(book)

    before = (rolled / "assessment.yaml").read_text(encoding="utf-8")
    path, n = scores_yaml.import_scores(book, rolled)
    assert path == rolled / "assessment.yaml" and n == 10 + 1 + 1 + 1 + 1  # previous 2565 re-written too
    after = path.read_text(encoding="utf-8")
    assert _comments(after) == _comments(before)  # every comment kept, in order
    assert (
        "    9: 72.35" in after
        and "# การเปิดเผยข้อมูล (OIT)" in after.split("    9: 72.35", 1)[1].splitlines()[0]
    )
    keys = [
        line.split(":")[0].strip()
        for line in after.splitlines()
        if line.startswith("  ") and not line.startswith("   ") and not line.lstrip().startswith("#")
    ]
    assert keys[:3] == ["year", "indicators", "previous"]  # the skeleton's order, new keys after
    loaded = load(rolled)
    a = loaded.content.assessment
    assert a.indicators == SCORES and a.tools.iit == 89.9 and a.sub_indicators == {"9.1": 91.5}
    assert [(i.code, i.score, i.title) for i in a.items] == [("e7", 70.27, "หน่วยงานมีการเผยแพร่ผลงาน")]
    assert not any("ยังไม่มีคะแนน" in w.message for w in loaded.warnings)
    names = {r.path.name for r in render_set(loaded, tmp_path / "out")}
    assert {"analysis-report.docx", "analysis-slides.pptx"} <= names
    # importing again changes nothing
    scores_yaml.import_scores(book, rolled)
    assert path.read_text(encoding="utf-8") == after


def test_bad_cells_are_reported_cell_by_cell_and_nothing_is_written(rolled, tmp_path):
    book = tmp_path / "bad.xlsx"
    scores.template(book, 2566)
    wb = load_workbook(book)
    ws = wb["ตัวชี้วัด"]
    ws["C2"] = "ดีมาก"  # text in a number cell
    ws["C3"] = 120  # above 100
    ws["C4"] = 85
    wb["รายข้อ"].append(["o99", "ไม่มีข้อนี้", 100])  # unknown item code
    wb["รายข้อ"].append(["zz", "", 5])  # unknown code
    wb["ปีก่อน ๆ"].append(["1", "ซ้ำกับตัวชี้วัด", 50])  # repeated code
    wb.save(book)
    before = {p.name: p.read_bytes() for p in rolled.iterdir()}
    with pytest.raises(ContentErrors) as exc:
        scores_yaml.import_scores(book, rolled)
    found = {(e.location.field, e.message.split(" ")[0]) for e in exc.value.errors}
    assert len(exc.value.errors) == 5
    fields = {e.location.field for e in exc.value.errors}
    assert {"ตัวชี้วัด!C2", "ตัวชี้วัด!C3"} <= fields
    assert any(f.startswith("รายข้อ!A") for f in fields) and any(f.startswith("ปีก่อน ๆ!A") for f in fields)
    text = "\n".join(str(e) for e in exc.value.errors)
    assert "'ดีมาก'" in text and "120" in text and "'o99'" in text and "'zz'" in text and "ซ้ำ" in text
    assert all(e.location.file == book for e in exc.value.errors), found
    assert {p.name: p.read_bytes() for p in rolled.iterdir()} == before


def test_a_csv_with_the_same_columns(rolled, tmp_path):
    sheet = tmp_path / "scores.csv"
    lines = ["รหัส,รายการ,คะแนน", "year,ปีที่ประเมิน,2566", "overall,,86.37"] + [
        f"{n},,{s}" for n, s in SCORES.items()
    ]
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    scores_yaml.import_scores(sheet, rolled)
    a = load(rolled).content.assessment
    assert a.indicators == SCORES and a.overall == 86.37
    sheet.write_text("รหัส,รายการ,คะแนน\nyear,,2567\n1,,abc\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as exc:
        scores_yaml.import_scores(sheet, rolled)
    assert [(e.location.line, e.location.column) for e in exc.value.errors] == [(2, 3), (3, 3)]
    assert "2567" in exc.value.errors[0].message and "2566" in exc.value.errors[0].message


def test_a_set_without_assessment_gets_one(tmp_path):
    src = copy_sample("muangklaeng-2565", tmp_path / "set")
    assert load(src).content.assessment is None
    sheet = tmp_path / "s.csv"
    sheet.write_text(
        "รหัส,คะแนน\nyear,2565\n" + "".join(f"{n},{s}\n" for n, s in SCORES.items()), encoding="utf-8"
    )
    path, _ = scores_yaml.import_scores(sheet, src)
    assert path.name == "assessment.yaml" and path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server"
    )
    assert load(src).content.assessment.indicators == SCORES


def test_the_template_refuses_to_overwrite(tmp_path):
    book = tmp_path / "x.xlsx"
    book.write_bytes(b"kept")
    with pytest.raises(OutputError):
        scores.template(book, 2569)
    assert book.read_bytes() == b"kept"


def test_the_commands(rolled, tmp_path):
    runner = CliRunner()
    book = tmp_path / "c.xlsx"
    result = runner.invoke(app, ["scores", "template", str(book), str(rolled)])
    assert result.exit_code == 0, result.output
    wb = load_workbook(book)
    assert wb["ผลการประเมิน"]["C2"].value == 2566 and wb["ปีก่อน ๆ"]["C4"].value == 85.85
    for r in range(2, 12):
        wb["ตัวชี้วัด"].cell(r, 3).value = 90
    wb.save(book)
    result = runner.invoke(app, ["scores", "import", str(book), str(rolled)])
    assert result.exit_code == 0, result.output
    assert "เติมคะแนน" in result.output
    result = runner.invoke(app, ["scores", "import", str(tmp_path / "nothing.txt"), str(rolled)])
    assert result.exit_code == 2 and ".xlsx" in result.output
