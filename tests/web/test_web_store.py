"""Saving from the workbench keeps the YAML a person wrote, byte for byte outside the changed value."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_docs.load.validate import load
from ita_docs.resources import sample_sets
from ita_docs.web.store import HISTORY, MISSING, BadPath, Change, Conflict, SetStore

pytestmark = pytest.mark.usefixtures("thai_messages")

HAND_WRITTEN = """\
# หน่วยงาน (written by hand)
fiscal_year: 2567   # ปีงบประมาณ

organisation:
    name: 'องค์การบริหารส่วนตำบลหนองบัว'    # single quotes kept
    kind: "อบต."
    province: ราชบุรี

    divisions:
        -   id: palad
            name: สำนักปลัด
        - {id: klang, name: "กองคลัง"}   # a flow mapping
    people: []
"""


def test_a_save_changes_only_its_value(tmp_path: Path):
    (tmp_path / "organisation.yaml").write_text(HAND_WRITTEN, encoding="utf-8")
    store = SetStore(tmp_path)
    store.apply([Change("organisation.province", "นครปฐม", expected="ราชบุรี")])
    assert (tmp_path / "organisation.yaml").read_text(encoding="utf-8") == HAND_WRITTEN.replace(
        "province: ราชบุรี", "province: นครปฐม"
    )
    # a layout ruamel.yaml does not write (one list, two indentations): only the changed line is rewritten
    store.apply([Change("organisation.divisions.1.name", "กองช่าง")])
    before = HAND_WRITTEN.replace("province: ราชบุรี", "province: นครปฐม").splitlines()
    after = (tmp_path / "organisation.yaml").read_text(encoding="utf-8").splitlines()
    assert len(after) == len(before)
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(changed) == 1 and '"กองช่าง"' in changed[0][1] and "# a flow mapping" in changed[0][1]


@pytest.mark.parametrize("sample", [p.name for p in sample_sets()])
def test_every_sample_round_trips_byte_for_byte(tmp_path: Path, sample: str):
    src = next(p for p in sample_sets() if p.name == sample)
    for f in src.glob("*.yaml"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    store = SetStore(tmp_path)
    before = {f.name: f.read_bytes() for f in tmp_path.glob("*.yaml")}
    year = store.get("fiscal_year")
    store.apply([Change("fiscal_year", 2599, expected=year)])
    assert {f.name: f.read_bytes() for f in tmp_path.glob("*.yaml")} != before
    store.apply([Change("fiscal_year", year, expected=2599)])
    assert {f.name: f.read_bytes() for f in tmp_path.glob("*.yaml")} == before


def test_score_change_in_the_sample_keeps_comments_and_loads(tmp_path: Path):
    src = next(p for p in sample_sets() if p.name == "huapho-2565")
    for f in src.glob("*.yaml"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    before = (tmp_path / "assessment.yaml").read_text(encoding="utf-8")
    SetStore(tmp_path).apply([Change("assessment.indicators.4", 60, expected=88.77)])
    after = (tmp_path / "assessment.yaml").read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert changed == [
        ("    4: 88.77    # การใช้ทรัพย์สินของราชการ (อันดับ ๖)", "    4: 60       # การใช้ทรัพย์สินของราชการ (อันดับ ๖)")
    ]
    assert len(before.splitlines()) == len(after.splitlines())
    assert load(tmp_path).content.assessment.indicators[4] == 60


def test_text_with_colon_is_quoted_and_reads_back(tmp_path: Path):
    (tmp_path / "organisation.yaml").write_text(HAND_WRITTEN, encoding="utf-8")
    store = SetStore(tmp_path)
    store.apply([Change("organisation.divisions.0.name", "กอง: ช่าง # ไม่ใช่หมายเหตุ")])
    assert store.get("organisation.divisions.0.name") == "กอง: ช่าง # ไม่ใช่หมายเหตุ"


def test_conflict_and_bad_path(tmp_path: Path):
    (tmp_path / "organisation.yaml").write_text(HAND_WRITTEN, encoding="utf-8")
    store = SetStore(tmp_path)
    with pytest.raises(Conflict) as info:
        store.apply([Change("organisation.province", "นครปฐม", expected="ชลบุรี")])
    assert (info.value.expected, info.value.actual) == ("ชลบุรี", "ราชบุรี")
    assert "ชลบุรี" in str(info.value) and "ราชบุรี" in str(info.value)
    with pytest.raises(BadPath):
        store.apply([Change("organisation.name.first", "x")])
    assert (tmp_path / "organisation.yaml").read_text(encoding="utf-8") == HAND_WRITTEN


def test_new_keys_delete_and_undo_history(tmp_path: Path):
    (tmp_path / "organisation.yaml").write_text(HAND_WRITTEN, encoding="utf-8")
    store = SetStore(tmp_path)
    store.apply([Change("assessment.year", 2566), Change("assessment.indicators.4", 60)])
    assert (tmp_path / "assessment.yaml").read_text(
        encoding="utf-8"
    ) == "assessment:\n  year: 2566\n  indicators:\n    4: 60\n"
    store.apply([Change("organisation.divisions.1", MISSING)])
    assert "klang" not in (tmp_path / "organisation.yaml").read_text(encoding="utf-8")
    for i in range(HISTORY + 5):
        store.apply([Change("organisation.province", f"จังหวัด{i}")])
    assert store.undo_depth("organisation.yaml") == HISTORY
    for _ in range(HISTORY):
        assert store.undo("organisation.yaml")
    assert store.undo("organisation.yaml") is None
    assert "province: จังหวัด4" in (tmp_path / "organisation.yaml").read_text(encoding="utf-8")
