"""What `check` says (issue 17 item 9): every problem in one run, no noise, Thai only, names beside
ids, Christian-era dates read with a warning, the emblem warning only for a named emblem, no emoji."""

from __future__ import annotations

import pytest
import typer

from ita_docs import console
from ita_docs.build import render_set
from ita_docs.errors import ContentError, ContentErrors, Location
from ita_docs.load.validate import load
from ita_docs.messages import set_language

from ..conftest import copy_sample

ORGANISATION = """\
fiscal_year: 2567
organisation:
  name: เทศบาลตำบลทดสอบ
  kind: เทศบาลตำบล
  province: ราชบุรี
  divisons: []
  divisions:
    - {id: palad, name: สำนักปลัด}
    - {id: klang, name: กองคลัง}
"""
MEASURES = """\
measures:
  - id: m1
    title: มาตรการ
    responsible: [klng]
    steps:
      - ตามที่: ได้มีการประชุม
  - id: m2
    title: มาตรการ ๒
    responsible: [palad, kalng]
measure_plan:
  groups:
    - measures: [m1, m9]
"""
ASSESSMENT = """\
assessment:
  year: 2566
  indicators: {1: 90, 11: 80}
"""


@pytest.fixture(autouse=True)
def thai():
    set_language("th")
    yield
    set_language("th")


def problems(folder) -> list[ContentError]:
    with pytest.raises(ContentErrors) as exc:
        load(folder)
    return exc.value.errors


def write_set(tmp_path, **files: str):
    folder = tmp_path / "set"
    folder.mkdir()
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


def test_every_problem_in_one_run(tmp_path):
    # before: 3 problems, then (fixed) references and the indicator, in rounds
    folder = write_set(tmp_path, organisation=ORGANISATION, measures=MEASURES, assessment=ASSESSMENT)
    found = {e.location.field for e in problems(folder)}
    assert found == {
        "organisation.divisons",  # a misspelt key (model)
        "measures[0].steps[0].ตามที่",  # text with ': ' (model)
        "measures[0].responsible[0]",
        "measures[1].responsible[1]",  # unknown divisions (cross-reference)
        "measure_plan.groups[0].measures[1]",  # unknown measure (cross-reference)
        "assessment.indicators[11]",  # indicator out of range (once, not also as a framework error)
    }


def test_a_colon_inside_text_reports_the_quoting_hint_only(tmp_path):
    folder = write_set(tmp_path, organisation=ORGANISATION.replace("  divisons: []\n", ""), measures=MEASURES)
    at_step = [e for e in problems(folder) if e.location.field.startswith("measures[0].steps")]
    assert len(at_step) == 1 and "ใส่เครื่องหมายคำพูด" in at_step[0].message  # not also "ขาดข้อมูลที่จำเป็น 'text'"


def test_thai_messages_have_no_english_joiner(tmp_path):
    folder = write_set(
        tmp_path,
        organisation=ORGANISATION.replace("  divisons: []\n", "").replace(
            "fiscal_year: 2567", "fiscal_year: 2567\ndigits: latin"
        ),
    )
    (e,) = problems(folder)
    assert "'thai' หรือ 'arabic'" in e.message and " or " not in e.message


def test_an_unknown_division_is_shown_with_the_names(tmp_path):
    folder = write_set(
        tmp_path,
        organisation=ORGANISATION.replace("  divisons: []\n", ""),
        measures="measures:\n  - {id: m1, title: ก, responsible: [klng]}\n",
    )
    (e,) = problems(folder)
    assert "klang = กองคลัง" in e.message and "palad = สำนักปลัด" in e.message


def test_a_christian_era_date_is_read_with_a_warning(tmp_path):
    folder = write_set(
        tmp_path,
        organisation=ORGANISATION.replace("  divisons: []\n", ""),
        measures="measures:\n  - id: m1\n    title: ก\n    period: {until: 2024-04-15}\n",
    )
    loaded = load(folder)
    assert loaded.content.measures[0].period.until.isoformat() == "2024-04-15"
    (w,) = loaded.warnings
    assert w.location.field == "measures[0].period.until" and w.location.line == 4
    assert (
        "2024-04-15" in w.message
        and "ค.ศ." in w.message
        and "15 เมษายน 2567" in w.message.replace("\xa0", " ")
    )


def test_the_emblem_warning_only_when_an_emblem_is_named(tmp_path):
    src = copy_sample("muangklaeng-2565", tmp_path / "m")  # memos, no emblem named
    loaded = load(src)
    render_set(loaded, tmp_path / "out")
    assert not [w for w in loaded.warnings if "emblem" in w.location.field]


def test_locations_print_as_written_not_as_emoji(capsys):
    # before: Rich turned ":100:" into 💯 and read [..] as markup
    error = ContentError(
        "ต้องเป็นตัวเลข [ตัวอย่าง] :smile:", Location(__import__("pathlib").Path("a.yaml"), 100, 3, "x")
    )
    with pytest.raises(typer.Exit):
        console.report(ContentErrors([error]))
    printed = capsys.readouterr().err
    assert (
        "a.yaml:100:3: x: ต้องเป็นตัวเลข [ตัวอย่าง] :smile:" in printed
        and "💯" not in printed
        and "😄" not in printed
    )


def test_a_file_that_cannot_be_read_does_not_hide_the_others_problems(tmp_path):
    folder = write_set(
        tmp_path,
        organisation=ORGANISATION.replace("  divisons: []\n", ""),
        measures="measures:\n  - id: m1\n    title: [unclosed\n",
        assessment="assessment:\n  year: 2566\n  overall: สูง\n",
    )
    found = {(e.location.file.name, e.location.field) for e in problems(folder)}
    assert ("assessment.yaml", "assessment.overall") in found
    assert any(name == "measures.yaml" for name, _ in found)
    assert not any(
        field in ("measures", "organisation") for _, field in found
    )  # nothing "missing" because unreadable
