"""Content validation: every problem reported at once, with file, line and field, in Thai."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_docs import messages
from ita_docs.errors import ContentErrors
from ita_docs.load.validate import load


def errors_of(path: Path) -> list:
    with pytest.raises(ContentErrors) as info:
        load(path)
    return info.value.errors


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(
        i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line
    )


def test_sample_is_valid(sample_copy):
    loaded = load(sample_copy)
    assert loaded.content.organisation.name == "องค์การบริหารส่วนตำบลหัวโพ"
    assert loaded.content.assessment.overall == 85.85
    assert loaded.warnings == []


def test_yaml_syntax_error_names_file_and_line(sample_copy):
    f = sample_copy / "assessment.yaml"
    replace(f, "overall: 85.85", "overall: [85.85")
    (err,) = errors_of(sample_copy)
    assert err.location.file == f
    assert err.location.line is not None and err.location.line >= line_of(f, "overall:")
    assert "รูปแบบ YAML ผิด" in err.message


def test_score_as_text(sample_copy):
    f = sample_copy / "assessment.yaml"
    replace(f, "overall: 85.85", "overall: แปดสิบห้า")
    (err,) = errors_of(sample_copy)
    assert (err.location.file, err.location.line) == (f, line_of(f, "overall:"))
    assert err.location.field == "assessment.overall"
    assert "ต้องเป็นตัวเลข" in err.message and "แปดสิบห้า" in err.message


def test_unknown_key_with_hint(sample_copy):
    f = sample_copy / "organisation.yaml"
    replace(f, "  province:", "  provinse:")
    errs = errors_of(sample_copy)
    msgs = [e.message for e in errs]
    assert any("provinse" in m and "province" in m and "หมายถึง" in m for m in msgs)
    extra = next(e for e in errs if "provinse" in e.message)
    assert (extra.location.file, extra.location.line) == (f, line_of(f, "provinse:"))


def test_missing_field(sample_copy):
    f = sample_copy / "organisation.yaml"
    lines = [ln for ln in f.read_text(encoding="utf-8").splitlines() if not ln.startswith("  province:")]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (err,) = errors_of(sample_copy)
    assert err.location.file == f and err.location.line is not None
    assert "ขาดข้อมูลที่จำเป็น 'province'" in err.message


def test_empty_file(sample_copy):
    f = sample_copy / "measures.yaml"
    f.write_text("", encoding="utf-8")
    errs = errors_of(sample_copy)
    assert any(e.location.file == f and e.location.line == 1 and "ไฟล์ว่าง" in e.message for e in errs)


def test_all_problems_reported_at_once(sample_copy):
    replace(sample_copy / "assessment.yaml", "overall: 85.85", "overall: abc")
    replace(sample_copy / "organisation.yaml", "  province:", "  provinse:")
    assert len(errors_of(sample_copy)) >= 3  # bad number, unknown key, missing province


def test_unknown_division_names_measure_and_division(sample_copy):
    f = sample_copy / "measures.yaml"
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("[palad,", "[paladd,", 1), encoding="utf-8")
    errs = errors_of(sample_copy)
    err = next(e for e in errs if "paladd" in e.message)
    assert "m2566-" in err.message  # the measure that refers to it
    assert "palad" in err.message.replace("paladd", "")  # the hint
    assert err.location.file == f and err.location.line == line_of(f, "[paladd,")


def test_unknown_measure_in_group(sample_copy):
    f = sample_copy / "analysis_report.yaml"
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("m2566-service", "m2566-servise", 1), encoding="utf-8")
    err = next(e for e in errors_of(sample_copy) if "m2566-servise" in e.message)
    assert "มาตรการ" in err.message and err.location.file == f


def test_english_messages(sample_copy):
    replace(sample_copy / "assessment.yaml", "overall: 85.85", "overall: abc")
    messages.set_language("en")
    try:
        (err,) = errors_of(sample_copy)
    finally:
        messages.set_language("th")
    assert "must be a number" in err.message


def test_be_dates_are_read_as_be(tmp_path):
    (tmp_path / "c.yaml").write_text(
        "fiscal_year: 2566\norganisation: {name: x, kind: อบต., province: y}\n"
        "measures:\n  - {id: m1, title: t, period: {until: 2566-04-15}}\n",
        encoding="utf-8",
    )
    m = load(tmp_path).content.measures[0]
    assert m.period.until.isoformat() == "2023-04-15"


def test_unquoted_colon_in_text_is_explained(sample_copy):
    """YAML reads `- ตามที่: ...` as a mapping: the message says to put the text in quotes."""
    (sample_copy / "extra.yaml").write_text("obstacles:\n  - งบประมาณ: ไม่เพียงพอ\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as exc:
        load(sample_copy)
    (e,) = exc.value.errors
    assert e.location.line == 2 and "ใส่เครื่องหมายคำพูดครอบข้อความ" in e.message
