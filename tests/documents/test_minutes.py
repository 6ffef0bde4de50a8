"""Committee documents: minutes (รายงานการประชุม), the OIT follow-up checklist, the minutes_report memo."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ita_docs import cli, thaifmt
from ita_docs.analyse import rules as analysis
from ita_docs.build import render_set
from ita_docs.documents.minutes import phrases
from ita_docs.load.validate import load, oit_title
from ita_docs.model import OIT_STATUS, meeting_numbers
from ita_docs.render import ooxml
from ita_docs.resources import sample_sets

from ..conftest import copy_sample

FIXTURE = Path(__file__).parents[1] / "fixtures" / "minutes-muangthong"
STANDARD_TITLES = list(phrases()["agenda"].values())


def text(data: bytes) -> str:
    """The document's text with no-break spaces read as spaces (dates and numbers with their
    unit are joined by U+00A0, issue 16)."""
    return ooxml.document_text(data).replace("\xa0", " ")


def flat(data: bytes) -> str:
    """`text` with line breaks dropped: titles are broken into lines between words (issue 16)."""
    return text(data).replace("\n", "")


def ooxml_digits(n: int) -> str:
    return thaifmt.to_digits(str(n))


def _samples() -> list[Path]:
    return sample_sets()


@pytest.fixture(scope="module")
def muangthong(tmp_path_factory) -> dict[str, bytes]:
    loaded = load(FIXTURE)
    return {
        r.path.name: r.data
        for r in render_set(loaded, tmp_path_factory.mktemp("mt"))
        if r.path.suffix == ".docx"
    }


# --------------------------------------------------------------------------- the bundled sample


def test_sample_minutes_say_what_a_meeting_needs(rendered):
    names = [k for k in rendered if k.startswith("huapho-2565/minutes-")]
    assert len(names) == 1
    t = text(rendered[names[0]])
    loaded = load(next(p for p in _samples() if p.name == "huapho-2565"))
    m, committee = loaded.content.minutes[0], loaded.content.committees[0]
    # the title is broken into lines (at a space, which the break replaces)
    assert f"รายงานการประชุม{committee.name}".replace(" ", "") in flat(rendered[names[0]]).replace(" ", "")
    assert "ครั้งที่ ๑/๒๕๖๖" in t  # number: auto
    for heading in ("ผู้มาประชุม", "ผู้ไม่มาประชุม", "ผู้เข้าร่วมประชุม", "เริ่มประชุมเวลา", "ปิดประชุมเวลา"):
        assert heading in t, heading
    assert "ผู้จดรายงานการประชุม" in t and "ผู้ตรวจรายงานการประชุม" in t
    for a in m.absent:  # in a narrow cell, broken into lines between words
        assert a.reason in flat(rendered[names[0]])
    # At least two agenda items with speaker turns and resolutions.
    with_turns = [item for item in m.agenda if item.turns or any(s.turns for s in item.items)]
    assert len(with_turns) >= 2
    assert t.count(phrases()["resolution_label"]) >= 2
    for n in range(1, len(m.agenda) + 1):
        assert f"ระเบียบวาระที่ {ooxml_digits(n)}" in t
    # Scores come from the assessment, not retyped: the overall and the three lowest in rank order.
    a = loaded.content.assessment
    fw = analysis.framework(a.year)
    assert "๘๕.๘๕" in t
    lowest = [x.name for x in analysis.lowest(a, fw, 3)]
    start = t.index("ตัวชี้วัดที่มีคะแนนต่ำสุด")
    assert [t.index(name, start) for name in lowest] == sorted(t.index(name, start) for name in lowest)


def test_sample_oit_checklist_counts_every_status(rendered):
    t = text(rendered["huapho-2565/oit-followup.docx"])
    content = load(next(p for p in _samples() if p.name == "huapho-2565")).content
    rows = content.oit_followup.rows
    for key, label in OIT_STATUS.items():
        n = sum(r.status_key == key for r in rows)
        if n:
            assert f"{label}\n{ooxml_digits(n)}\n" in t, label
    assert f"รวม\n{ooxml_digits(sum(r.status is not None for r in rows))}\n" in t
    # Titles come from the framework's OIT list of the assessed year when the row gives none.
    untitled = [r for r in rows if r.item and not r.title]
    assert untitled
    for r in untitled:
        # digits follow the document; a title is broken into lines between words in its cell
        title = thaifmt.localize_digits(oit_title(content, r.item)).replace("\xa0", "").replace(" ", "")
        assert title in flat(rendered["huapho-2565/oit-followup.docx"]).replace(" ", "")


def test_committee_documents_are_thai_correct(rendered, muangthong):
    docs = {k: v for k, v in rendered.items() if "minutes-" in k or "oit-followup" in k} | muangthong
    assert len(docs) >= 5
    for name, data in docs.items():
        assert ooxml.audit_package(data) == [], name
        assert "{{" not in text(data) and "{%" not in text(data), name


# --------------------------------------------------------------------------- a second organisation


def test_meetings_are_numbered_per_calendar_year(muangthong):
    content = load(FIXTURE).content
    numbers = meeting_numbers(content.minutes)
    order = sorted(range(len(content.minutes)), key=lambda i: content.minutes[i].date)
    assert [numbers[i] for i in order] == list(range(1, len(order) + 1))
    for i, mid in enumerate(content.minutes_ids()):
        t = text(muangthong[f"minutes-{mid}.docx"])
        year = content.minutes[i].date.year + 543
        assert f"ครั้งที่ {ooxml_digits(numbers[i])}/{ooxml_digits(year)}" in t


def test_substitutes_extra_items_and_labels(muangthong):
    content = load(FIXTURE).content
    all_text = "\n".join(text(v) for k, v in muangthong.items() if k.startswith("minutes-"))
    subs = [a for m in content.minutes for a in (m.present or []) if a.substitute_for]
    assert subs
    for a in subs:
        assert (a.acting or "แทน") in all_text
    six = next(m for m in content.minutes if m.agenda and len(m.agenda) >= 6)
    extra = [item for item in six.agenda if item.title and not item.kind]
    assert extra and all(item.title in all_text for item in extra)
    assert "ระเบียบวาระที่ ๖" in all_text
    labels = [t.label for m in content.minutes for item in m.agenda or [] for t in item.turns if t.label]
    assert labels and all(label in all_text for label in labels)
    assert "- ไม่มี -" in all_text or all(not item.empty for m in content.minutes for item in m.agenda or [])


def test_minutes_report_memo(muangthong):
    content = load(FIXTURE).content
    memo = next(m for m in content.memos if m.preset == "minutes_report")
    t = text(muangthong[f"memo-{memo.id}.docx"])
    committee = content.committees[0]
    assert f"รายงานการประชุม{committee.name} ครั้งที่" in t
    assert "สิ่งที่ส่งมาด้วย" in t


# --------------------------------------------------------------------------- defaults


def _minutes_set(tmp_path: Path, minutes_yaml: str) -> Path:
    folder = copy_sample("huapho-2565", tmp_path / "set")
    for name in ("committee.yaml", "minutes.yaml", "oit_followup.yaml"):
        (folder / name).unlink(missing_ok=True)
    (folder / "committee.yaml").write_text(
        "committees:\n"
        "  - id: c\n"
        "    name: คณะกรรมการทดสอบ\n"
        "    members:\n"
        "      - {id: a, name: นายเอ ทดสอบ, position: ปลัด, role: chair}\n"
        "      - {id: b, position: ผู้อำนวยการกองคลัง, role: member}\n"
        "      - {id: s, name: นางสาวซี ทดสอบ, position: นักวิเคราะห์, role: secretary}\n",
        encoding="utf-8",
    )
    (folder / "minutes.yaml").write_text(minutes_yaml, encoding="utf-8")
    return folder


def test_defaults_five_standard_items_and_every_member_present(tmp_path):
    folder = _minutes_set(
        tmp_path, "minutes:\n  - {committee: c, date: 2566-03-01, absent: [{member: b, reason: ลาป่วย}]}\n"
    )
    docs = {r.path.name: r.data for r in render_set(load(folder), tmp_path / "out")}
    t = text(docs["minutes-c-1-2566.docx"])
    for title in STANDARD_TITLES:
        assert title in t
    assert t.count(phrases()["none"]) >= 5
    present = t[t.index("ผู้มาประชุม") : t.index("ผู้ไม่มาประชุม")]
    assert "นายเอ ทดสอบ" in present and "นางสาวซี ทดสอบ" in present and "ผู้อำนวยการกองคลัง" not in present
    assert "ลาป่วย" in t
    # The opening line names the chair who came.
    assert "นายเอ ทดสอบ ประธานในที่ประชุม" in t


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("yaml_text", "line", "fragment"),
    [
        ("minutes:\n  - {committee: nope, date: 2566-03-01}\n", 2, "nope"),
        ("minutes:\n  - committee: c\n    date: 2566-03-01\n    present: [ghost]\n", 4, "ghost"),
        ("minutes:\n  - committee: c\n    date: 2566-03-01\n    start: 25.61\n", 4, "25.61"),
        (
            "minutes:\n  - committee: c\n    date: 2566-03-01\n    start: '13.00'\n    end: '12.00'\n",
            5,
            "ต้องอยู่หลังเวลาเริ่มประชุม",
        ),
        ("minutes:\n  - committee: c\n    date: 2566-03-01\n    recorder: {name: ''}\n", 4, "ต้องระบุบุคคล"),
        (
            "minutes:\n  - committee: c\n    date: 2566-03-01\n    agenda: [{}, {}, {}, {}, {}, {body: [x]}]\n",
            4,
            "ระเบียบวาระที่ 6",
        ),
        ("oit_followup: [{item: o1, status: done, responsible: nowhere}]\n", 1, "nowhere"),
        ("oit_followup: [{item: i1, status: done}]\n", 1, "ขึ้นต้นด้วย o"),
        ("minutes:\n  - committee: c\n    date: 2566-03-01\n    number: 0\n", 4, "ครั้งที่ประชุม (number)"),
        ("oit_followup: {columns: [item, foo], rows: [{item: o1}]}\n", 1, "'foo'"),
    ],
)
def test_bad_committee_content_is_located_and_nothing_is_written(tmp_path, yaml_text, line, fragment):
    folder = _minutes_set(tmp_path, yaml_text)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli.app, ["build", str(folder), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert f"minutes.yaml:{line}:" in result.output and fragment in result.output, result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_member_needs_a_person_or_a_position(tmp_path):
    folder = _minutes_set(tmp_path, "minutes: []\n")
    (folder / "committee.yaml").write_text(
        "committees:\n  - id: c\n    name: ก\n    members:\n      - {role: member}\n      - {person: nobody}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli.app, ["check", str(folder)])
    assert result.exit_code == 2
    assert "committee.yaml:5:" in result.output and "ต้องระบุบุคคล" in result.output


def test_insert_needs_its_data(tmp_path):
    folder = _minutes_set(
        tmp_path,
        "minutes:\n  - committee: c\n    date: 2566-03-01\n    agenda:\n      - body: [{insert: oit_followup}]\n",
    )
    result = CliRunner().invoke(cli.app, ["check", str(folder)])
    assert result.exit_code == 2
    assert "minutes.yaml:5:" in result.output and "oit_followup" in result.output


def test_scores_insert_with_an_incomplete_assessment(tmp_path):
    """Two indicators and no overall score: the score box prints "-" for the unknown score and level."""
    folder = _minutes_set(
        tmp_path,
        "minutes:\n  - committee: c\n    date: 2566-03-01\n    agenda:\n      - body: [{insert: scores}]\n",
    )
    (folder / "assessment.yaml").write_text(
        "assessment:\n  year: 2565\n  indicators: {1: 92.87, 2: 87.48}\n", encoding="utf-8"
    )
    (folder / "analysis_report.yaml").unlink()
    loaded = load(folder)
    assert analysis.overall(loaded.content.assessment, analysis.framework(2565)) is None
    docs = {r.path.name: r.data for r in render_set(loaded, tmp_path / "out") if r.path.suffix == ".docx"}
    t = text(docs["minutes-c-1-2566.docx"])
    assert "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๕" in t
    assert "คะแนน - คะแนน ระดับผลการประเมิน -" in t


def test_fixture_is_a_separate_organisation():
    assert load(FIXTURE).content.organisation.name != load(_samples()[0]).content.organisation.name


def test_committee_wording_and_meeting_names_in_prose(tmp_path):
    """A committee words its agenda titles and sub-item numbers once; prose in minutes names the meeting."""
    folder = _minutes_set(
        tmp_path,
        "minutes:\n"
        "  - committee: c\n"
        "    number: auto\n"
        "    date: 2566-03-01\n"
        "    agenda:\n"
        "      - kind: chair\n"
        "        body: ['{{ minutes.chair }} แจ้งว่าการประชุม{{ minutes.committee }} ครั้งที่ {{ minutes.number }} มีวาระเดียว']\n"
        "        items: [{title: ผลการประเมิน, resolution: acknowledge}]\n",
    )
    with (folder / "committee.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "    agenda_titles: {chair: เรื่องประธานแจ้งให้ที่ประชุมทราบ}\n    sub_item_label: ระเบียบวาระที่ {n}\n"
        )
    docs = {
        r.path.name: r.data for r in render_set(load(folder), tmp_path / "out") if r.path.suffix == ".docx"
    }
    t = text(docs["minutes-c-1-2566.docx"])
    assert "เรื่องประธานแจ้งให้ที่ประชุมทราบ" in t and "เรื่องที่ประธานแจ้ง" not in t
    assert "ระเบียบวาระที่ ๑.๑ ผลการประเมิน" in t
    assert "นายเอ ทดสอบ แจ้งว่าการประชุมคณะกรรมการทดสอบ ครั้งที่ ๑/๒๕๖๖ มีวาระเดียว" in t
    assert "รับทราบ" in t
