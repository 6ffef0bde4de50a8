"""Starting content sets (ita_docs.scaffold): `new_set` and `next_year`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from ita_docs import scaffold
from ita_docs.build import render_set
from ita_docs.errors import ContentErrors, OutputError
from ita_docs.load.validate import load
from ita_docs.messages import msg
from ita_docs.model import Assessment, Content, schema
from ita_docs.scaffold import new, rollover

from ..conftest import copy_sample, grey_png

NEW = {
    "name": "องค์การบริหารส่วนตำบลทดลอง",
    "kind": "อบต.",
    "district": "เมือง",
    "province": "ราชบุรี",
    "fiscal_year": 2567,
}


def _yaml_lines(path: Path) -> list[str]:
    """The lines of ``path`` that are YAML, not comments or blank."""
    return [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def _leftovers(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if ".tmp-" in p.name]


# --------------------------------------------------------------------------- new


def test_new_set_loads_and_builds(tmp_path):
    folder = tmp_path / "thotlong-2567"
    written = scaffold.new_set(folder, **NEW)
    names = sorted(p.name for p in written)
    assert names == sorted(p.name for p in folder.iterdir())
    assert {"organisation.yaml", "assessment.yaml", schema.FILENAME} <= set(names)
    for path in written:
        if path.suffix == ".yaml":
            text = path.read_text(encoding="utf-8")
            assert text.startswith(f"# yaml-language-server: $schema={schema.FILENAME}\n"), path.name
            assert any(
                "\u0e01" <= ch <= "\u0e5b"
                for line in text.splitlines()
                if line.lstrip().startswith("#")
                for ch in line
            )
    data = json.loads((folder / schema.FILENAME).read_text(encoding="utf-8"))
    assert data["$schema"] == schema.DRAFT and "required" not in data  # per-file schema

    loaded = load(folder)
    c = loaded.content
    assert (c.fiscal_year, c.organisation.name, c.organisation.kind, c.organisation.district) == (
        2567,
        NEW["name"],
        "อบต.",
        "เมือง",
    )
    assert [d.id for d in c.organisation.divisions] == ["palad", "klang", "chang"]
    assert c.organisation.people == [] and c.measures == [] and c.memos == [] and c.minutes == []
    assert c.assessment.year == 2566 and c.assessment.level is None
    assert c.assessment.indicators == {} and not c.assessment.scored  # blank, not 0
    assert (
        c.analysis_report is not None and c.analysis_report.draft
    )  # the skeleton: drafted once scores are in
    if not Assessment.model_fields["overall"].is_required():
        assert not any(
            line.strip().startswith("overall:") for line in _yaml_lines(folder / "assessment.yaml")
        )
    assert "แก้เป็นคะแนนจริงจากประกาศของสำนักงาน ป.ป.ช." in (folder / "assessment.yaml").read_text(
        encoding="utf-8"
    )
    assert [w.message for w in loaded.warnings] == [msg("warn_no_scores", year=2566)]
    rendered = render_set(loaded, tmp_path / "out")
    assert rendered == []  # nothing but the analysis report and the deck needs an organisation alone
    # scores typed in: the analysis report is drafted, section ๔ from the set's own measures
    path = folder / "assessment.yaml"
    text = path.read_text(encoding="utf-8")
    for n in range(1, 11):
        text = text.replace(f"\n    {n}: ", f"\n    {n}: {80 + n} ", 1)
    path.write_text(text, encoding="utf-8")
    loaded = load(folder)
    assert loaded.content.assessment.indicators == {n: 80 + n for n in range(1, 11)} and loaded.warnings == []
    assert "analysis-report.docx" in {r.path.name for r in render_set(loaded, tmp_path / "out2")}


def test_new_set_examples_are_valid_content(tmp_path):
    """Every commented example, uncommented, loads and renders every document type."""
    folder = tmp_path / "live"
    folder.mkdir()
    files = new._new_files(
        folder, **{**NEW, "kind": "เทศบาลตำบล", "district": None}, assessment_year=2566, live=True
    )
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    loaded = load(folder)
    c = loaded.content
    assert c.organisation.district is None
    assert [m.id for m in c.measures] == ["open-data", "iit-awareness"]
    assert c.measure_plan and c.measure_results and c.memos and c.committees and c.minutes and c.oit_followup
    names = {r.path.name for r in render_set(loaded, tmp_path / "out")}
    assert {
        "measures-plan.docx",
        "measures-results.docx",
        "memo-measures-announce.docx",
        "oit-followup.docx",
    } <= names
    assert c.analysis_report is not None and c.analysis_report.next_year.groups[0].measures == [
        "open-data",
        "iit-awareness",
    ]
    assert any(n.startswith("minutes-") for n in names)


def test_new_set_examples_uncomment_by_removing_the_marker(tmp_path):
    """What the files tell the user works: drop ``[]`` and the "# " before each example line."""
    live = new._new_files(tmp_path / "x", **NEW, assessment_year=2566, live=True)
    commented = new._new_files(tmp_path / "x", **NEW, assessment_year=2566, live=False)
    assert live.keys() == commented.keys()
    for name in live:
        lines = commented[name].splitlines()
        plain = {line.replace(": []", ":") for line in _yaml_lines_text(commented[name])}
        uncommented = {line.replace("# ", "", 1) for line in lines if line.lstrip().startswith("#")}
        for line in _yaml_lines_text(live[name]):
            assert line in plain or line in uncommented, (name, line)


def _yaml_lines_text(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_new_set_into_an_empty_folder_and_a_missing_parent(tmp_path):
    (tmp_path / "empty").mkdir()
    scaffold.new_set(tmp_path / "empty", **NEW)
    load(tmp_path / "empty")
    scaffold.new_set(tmp_path / "a" / "b" / "set", **{**NEW, "assessment_year": 2565})
    assert load(tmp_path / "a" / "b" / "set").content.assessment.year == 2565
    assert _leftovers(tmp_path) == [] and _leftovers(tmp_path / "a" / "b") == []


def test_new_set_refuses_a_non_empty_folder(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("ของเดิม", encoding="utf-8")
    with pytest.raises(OutputError) as exc:
        scaffold.new_set(folder, **NEW)
    assert exc.value.path == folder
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "ของเดิม"
    assert _leftovers(tmp_path) == []
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError):
        scaffold.new_set(tmp_path / "file", **NEW)


@pytest.mark.parametrize(
    "change, field",
    [
        ({"kind": "ตำบล"}, "organisation.kind"),
        ({"fiscal_year": 2023}, "fiscal_year"),
        ({"assessment_year": 2568}, "assessment.year"),  # after the fiscal year
        ({"fiscal_year": 2700}, "assessment.year"),  # no framework data for 2699
        ({"name": " "}, "organisation.name"),
    ],
)
def test_new_set_refuses_bad_arguments_and_writes_nothing(tmp_path, change, field):
    with pytest.raises(ContentErrors) as exc:
        scaffold.new_set(tmp_path / "set", **{**NEW, **change})
    assert [e.location.field for e in exc.value.errors] == [field]
    assert list(tmp_path.iterdir()) == []


def test_new_set_quotes_what_yaml_would_misread(tmp_path):
    scaffold.new_set(tmp_path / "s", **{**NEW, "name": "เทศบาล: ทดลอง #1", "district": "yes"})
    org = load(tmp_path / "s").content.organisation
    assert (org.name, org.district) == ("เทศบาล: ทดลอง #1", "yes")


def test_new_set_files_are_valid_against_the_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    from ..model.test_schema import _files

    written = scaffold.new_set(tmp_path / "s", **NEW)
    validator = jsonschema.Draft202012Validator(
        json.loads((tmp_path / "s" / schema.FILENAME).read_text(encoding="utf-8"))
    )
    for path, data in _files(tmp_path / "s").items():
        assert list(validator.iter_errors(data)) == [], path
    assert written


# --------------------------------------------------------------------------- next year


def test_every_content_key_has_a_fate():
    keys = [*scaffold.CARRIED, *scaffold.RENEWED, *scaffold.DROPPED]
    assert len(keys) == len(set(keys))
    assert set(keys) == {info.alias or name for name, info in Content.model_fields.items()}


def test_next_year_from_huapho(tmp_path):
    src = copy_sample("huapho-2565", tmp_path / "huapho-2565")
    old = load(src).content
    dst = tmp_path / "huapho-2566"
    written = scaffold.next_year(src, dst)
    assert {p.name for p in written} == {p.name for p in dst.iterdir()}
    assert {
        "organisation.yaml",
        "committee.yaml",
        "measures.yaml",
        "assessment.yaml",
        "measure_results.yaml",
        schema.FILENAME,
    } == {p.name for p in written}

    loaded = load(dst)
    c = loaded.content
    assert c.fiscal_year == old.fiscal_year + 1 == 2567
    assert c.organisation == old.organisation and c.committees == old.committees
    assert c.analysis_report is None and c.minutes == [] and c.memos == [] and c.oit_followup is None
    # the measures are next year's: ids, periods and dates one year on, nothing else changed
    assert [m.id for m in c.measures] == [m.id.replace("m2566-", "m2567-") for m in old.measures]
    for new_m, old_m in zip(c.measures, old.measures):
        assert new_m.title == [rollover.shift_years(t, 2566) for t in old_m.title]
        assert [s.text for s in new_m.steps] == [rollover.shift_years(s.text, 2566) for s in old_m.steps]
        if old_m.period and old_m.period.until:
            assert (new_m.period.until.year, new_m.period.until.month) == (
                old_m.period.until.year + 1,
                old_m.period.until.month,
            )
    assert "2566" not in (dst / "measures.yaml").read_text(encoding="utf-8").replace("2566/2567", "")
    # the next results: the assessment of the year just ended, no score entered; this year's overall score carried
    assert c.assessment.year == old.fiscal_year == 2566
    assert c.assessment.previous == {2565: 85.85}
    assert c.assessment.indicators == {} and not c.assessment.scored
    # every measure of the plan and of the analysis report, in order, with an output to fill in
    planned = [
        m.replace("m2566-", "m2567-") for g in old.analysis_report.next_year.groups for m in g.measures
    ]
    assert [r.measure for r in c.measure_results.results] == planned
    assert all(
        [o.text for o in r.outputs] == [scaffold.PLACEHOLDER_OUTPUT] for r in c.measure_results.results
    )
    # carried files keep their text and comments; each new file says what was left behind
    for name in (
        "organisation.yaml",
        "committee.yaml",
        "measures.yaml",
        "assessment.yaml",
        "measure_results.yaml",
    ):
        text = (dst / name).read_text(encoding="utf-8")
        assert text.startswith(f"# yaml-language-server: $schema={schema.FILENAME}\n")
        assert "ไม่ยกมา" in text and "(minutes)" in text and "(analysis_report)" in text
    old_measures = (src / "measures.yaml").read_text(encoding="utf-8")
    assert rollover.shift_years(old_measures, 2566) in (dst / "measures.yaml").read_text(encoding="utf-8")
    committee = (dst / "committee.yaml").read_text(encoding="utf-8")
    assert "# ILLUSTRATIVE EXAMPLE, not a real document" in committee
    organisation = (dst / "organisation.yaml").read_text(encoding="utf-8")
    assert "fiscal_year: 2567\n" in organisation and "# The seed names no person" in organisation
    assert not (dst / "minutes.yaml").exists() and not (dst / "oit_followup.yaml").exists()
    # said once: no scores yet; and each placeholder output, by file and line
    no_scores = [w for w in loaded.warnings if "ยังไม่มีคะแนน" in w.message]
    placeholders = [w for w in loaded.warnings if "(เติม)" in w.message]
    assert len(no_scores) == 1 and len(placeholders) == len(planned) == len(loaded.warnings) - 1
    assert {w.location.file.name for w in placeholders} == {"measure_results.yaml"}
    lines = (dst / "measure_results.yaml").read_text(encoding="utf-8").splitlines()
    assert all("(เติม)" in lines[w.location.line - 1] for w in placeholders)
    # without scores: everything but the analysis report and the deck
    built = {r.path.name for r in render_set(loaded, tmp_path / "out")}
    assert "measures-results.docx" in built
    assert not {"analysis-report.docx", "analysis-slides.pptx"} & built
    # the source is untouched
    assert load(src).content == old


def test_next_year_twice_keeps_every_previous_score(tmp_path):
    src = copy_sample("pakkret-2568", tmp_path / "pakkret-2568")
    scaffold.next_year(src, tmp_path / "y1")
    a = load(tmp_path / "y1").content.assessment
    assert (a.year, a.previous) == (2568, {2566: 88.61, 2567: 91.23})
    scaffold.next_year(tmp_path / "y1", tmp_path / "y2")
    c = load(tmp_path / "y2").content
    assert c.fiscal_year == 2570 and c.assessment.year == 2569
    # 2568 was never scored in y1: no made-up 0 among the previous scores
    assert c.assessment.previous == {2566: 88.61, 2567: 91.23}


def test_next_year_without_assessment_and_with_memos(tmp_path):
    src = copy_sample("muangklaeng-2565", tmp_path / "muangklaeng-2565")
    old = load(src).content
    scaffold.next_year(src, tmp_path / "next")
    c = load(tmp_path / "next").content
    assert c.memos == [] and c.fiscal_year == old.fiscal_year + 1
    # the plan is next year's: its title and goal name the new year (the ids here carry none)
    old_plan = old.measure_plan.model_dump_json()
    assert c.measure_plan.model_dump_json() == rollover.shift_years(old_plan, old.fiscal_year)
    assert c.assessment.year == old.fiscal_year and c.assessment.previous == {}
    assert [r.measure for r in c.measure_results.results] == old.measure_plan.groups[0].measures
    assert "บันทึกข้อความ (memos)" in (tmp_path / "next" / "organisation.yaml").read_text(encoding="utf-8")
    assert not (tmp_path / "next" / "memos.yaml").exists()


@pytest.mark.skipif(Assessment.model_fields["overall"].is_required(), reason="assessment.overall is required")
def test_next_year_carries_a_computed_overall(tmp_path):
    from ita_docs.analyse import rules as analysis

    src = copy_sample("huapho-2565", tmp_path / "src")
    path = src / "assessment.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  overall: 85.85\n", "").replace("  level: A\n", ""), encoding="utf-8")
    a = load(src).content.assessment
    assert "overall" not in a.model_fields_set
    scaffold.next_year(src, tmp_path / "dst")
    expected = round(analysis.overall(a, analysis.framework(2565)), 2)
    assert load(tmp_path / "dst").content.assessment.previous == {2565: expected}
    assert "คำนวณ" in (tmp_path / "dst" / "assessment.yaml").read_text(encoding="utf-8")


def test_next_year_refuses_a_non_empty_folder_and_bad_content(tmp_path):
    src = copy_sample("huapho-2565", tmp_path / "src")
    dst = tmp_path / "dst"
    dst.mkdir()
    (dst / "organisation.yaml").write_text("fiscal_year: 2567\n", encoding="utf-8")
    with pytest.raises(OutputError):
        scaffold.next_year(src, dst)
    assert [p.name for p in dst.iterdir()] == ["organisation.yaml"]
    (src / "assessment.yaml").write_text("assessment: {year: 2565, overall: สูง}\n", encoding="utf-8")
    with pytest.raises(ContentErrors):
        scaffold.next_year(src, tmp_path / "other")
    assert not (tmp_path / "other").exists()
    assert _leftovers(tmp_path) == []


def test_next_year_refuses_a_year_without_framework_data(tmp_path):
    from ita_docs.analyse import rules as analysis

    src = copy_sample("rangsit-2568", tmp_path / "src")
    last = max(analysis.framework_years())
    fy, folder = 2568, src
    while fy <= last:  # the documents of fiscal year fy + 1 analyse the assessment of fy
        scaffold.next_year(folder, tmp_path / f"y{fy + 1}")
        fy, folder = fy + 1, tmp_path / f"y{fy + 1}"
    with pytest.raises(ContentErrors) as exc:
        scaffold.next_year(folder, tmp_path / "beyond")
    assert str(last + 1) in str(exc.value)
    assert not (tmp_path / "beyond").exists()


def test_next_year_cuts_files_at_their_top_level_keys(tmp_path):
    src = copy_sample("huapho-2565", tmp_path / "src")
    organisation = (src / "organisation.yaml").read_text(encoding="utf-8")
    (src / "organisation.yaml").write_text(
        "# yaml-language-server: $schema=old.json\n"
        + organisation
        + "\n# ปัญหาและอุปสรรค: ของปีเดิม\nobstacles:\n  - งบประมาณไม่พอ\n"
        + "# ชื่อข้อตามที่หน่วยงานใช้\nitem_titles:\n  o11: ข้อมูลสถิติ   # ยกมา\n",
        encoding="utf-8",
    )
    (src / "extra.yaml").write_text(
        "{document_digits: {analysis-slides: arabic}, memos: []}\n", encoding="utf-8"
    )
    scaffold.next_year(src, tmp_path / "dst")
    text = (tmp_path / "dst" / "organisation.yaml").read_text(encoding="utf-8")
    assert "obstacles:" not in text and "งบประมาณไม่พอ" not in text and "# ปัญหาและอุปสรรค: ของปีเดิม" not in text
    assert "# ชื่อข้อตามที่หน่วยงานใช้\nitem_titles:\n  o11: ข้อมูลสถิติ   # ยกมา\n" in text
    assert "old.json" not in text and text.count("yaml-language-server") == 1
    c = load(tmp_path / "dst").content
    assert c.obstacles == [] and c.item_titles == {"o11": "ข้อมูลสถิติ"}
    assert c.document_digits == {"analysis-slides": "arabic"}  # a flow-style file, re-written
    assert "ความเห็นของไฟล์เดิมไม่ได้ยกมา" in (tmp_path / "dst" / "extra.yaml").read_text(encoding="utf-8")


def test_blocks_attach_comments_to_the_key_below():
    text = "# head\nfiscal_year: 2566  # ปี\n\n# about obstacles\nobstacles:\n  - x\n  # inner\n# about digits\ndigits: thai\n"
    assert rollover._carry(text, 2567) == (
        "# head\nfiscal_year: 2567  # ปี\n\n# about digits\ndigits: thai\n",
        True,
    )
    assert rollover._carry("obstacles: [x]\n", 2567) == (None, True)


def test_next_year_copies_the_emblem(tmp_path):
    src = copy_sample("huapho-2565", tmp_path / "src")
    (src / "img").mkdir()
    (src / "img" / "garuda.png").write_bytes(grey_png(1, 1))
    org = src / "organisation.yaml"
    org.write_text(
        org.read_text(encoding="utf-8").replace(
            "  province: ราชบุรี\n", "  province: ราชบุรี\n  emblem: img/garuda.png\n"
        ),
        encoding="utf-8",
    )
    load(src)
    written = scaffold.next_year(src, tmp_path / "dst")
    assert (tmp_path / "dst" / "img" / "garuda.png").read_bytes() == grey_png(1, 1)
    assert tmp_path / "dst" / "img" / "garuda.png" in written
    assert load(tmp_path / "dst").content.organisation.emblem == "img/garuda.png"


def test_next_year_output_is_valid_against_the_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    from ..model.test_schema import _files

    src = copy_sample("huapho-2565", tmp_path / "src")
    scaffold.next_year(src, tmp_path / "dst")
    validator = jsonschema.Draft202012Validator(schema.json_schema(fragment=True))
    for path, data in _files(tmp_path / "dst").items():
        assert list(validator.iter_errors(data)) == [], path
    assert yaml.safe_load((tmp_path / "dst" / "measure_results.yaml").read_text(encoding="utf-8"))
    shutil.rmtree(tmp_path / "dst")


def test_shift_years_moves_years_near_the_fiscal_year_only():
    text = "m2566-o2 {until: 2566-02-29} ภายใน ๑๕ เม.ย. ๖๖ และ ก.ย.66 ปี ๒๕๖๕-๒๕๖๖ พ.ร.บ. พ.ศ. ๒๕๔๐ 12566"
    assert rollover.shift_years(text, 2566) == (
        "m2567-o2 {until: 2567-02-28} ภายใน ๑๕ เม.ย. ๖๗ และ ก.ย.67 ปี ๒๕๖๖-๒๕๖๗ พ.ร.บ. พ.ศ. ๒๕๔๐ 12566"
    )


def test_a_placeholder_left_in_is_a_warning_at_its_line(tmp_path):
    src = copy_sample("pakkret-2568", tmp_path / "src")
    path = src / "measure_results.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("- measure:")) + 2
    lines[at] = lines[at][: len(lines[at]) - len(lines[at].lstrip())] + '- "ผลการดำเนินการ (เติม)"'
    lines.insert(0, '# แก้ "(เติม)" ให้ครบ')  # named in a comment: no warning
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    warnings = [w for w in load(src).warnings if "(เติม)" in w.message]
    assert [(w.location.file.name, w.location.line) for w in warnings] == [("measure_results.yaml", at + 2)]


def test_a_memo_quoting_the_scores_waits_for_them(tmp_path):
    src = copy_sample("muangklaeng-2565", tmp_path / "src")
    scaffold.next_year(src, tmp_path / "set")
    people = load(tmp_path / "set").content.organisation.people
    (tmp_path / "set" / "memos.yaml").write_text(
        "memos:\n"
        f"  - {{id: approve, preset: analysis_approval, date: 2566-11-01, signer: {people[0].id}}}\n"
        f"  - {{id: announce, preset: measures_announce, date: 2566-11-02, signer: {people[0].id}}}\n",
        encoding="utf-8",
    )
    loaded = load(tmp_path / "set")
    (waiting,) = [w for w in loaded.warnings if "ยังไม่มีคะแนน" in w.message]
    assert "approve" in waiting.message and "announce" not in waiting.message
    built = {r.path.name for r in render_set(loaded, tmp_path / "out")}
    assert "memo-announce.docx" in built and "memo-approve.docx" not in built
