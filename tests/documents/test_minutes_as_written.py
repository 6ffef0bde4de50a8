"""Minutes and the OIT checklist say what real minutes say, as the user wrote it (issue 16).

Each case was found on a real published document: the meeting number is printed only
when given, the time may stand on the date line, agenda and sub-item numbers are kept
as written, someone may speak after the resolution and close the meeting, the members
table may drop its caption, Thai role words name roles, statuses are printed as typed
and only merged when counted, the checklist shows only the columns a set fills.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ita_docs.build import render_set
from ita_docs.load.validate import load
from ita_docs.model.committee import role_key
from ita_docs.render import ooxml

from .test_minutes import _minutes_set, text


def _docs(folder: Path, out: Path) -> dict[str, bytes]:
    return {r.path.name: r.data for r in render_set(load(folder), out) if r.path.suffix == ".docx"}


def _body(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")


def test_no_number_is_invented_and_the_time_may_stand_on_the_date_line(tmp_path):
    folder = _minutes_set(
        tmp_path,
        "minutes:\n"
        "  - {committee: c, date: 2566-10-31, start: '09.30', time_on_date: true}\n"
        "  - {committee: c, date: 2566-11-20, number: '๕/๒๕๖๖ (สมัยวิสามัญ)'}\n"
        "  - {committee: c, date: 2566-12-20, number: 7}\n",
    )
    docs = _docs(folder, tmp_path / "out")
    first, second, third = (text(docs[f"minutes-c-{n}-2566.docx"]) for n in (1, 2, 7))
    assert "ครั้งที่" not in first.split("ผู้มาประชุม")[0]
    assert "เมื่อวันอังคารที่ ๓๑ ตุลาคม ๒๕๖๖ เวลา ๐๙.๓๐ น." in first
    assert "ครั้งที่ ๕/๒๕๖๖ (สมัยวิสามัญ)" in second
    assert "ครั้งที่ ๗/๒๕๖๖" in third


def test_numbers_as_written_turns_after_the_resolution_and_a_closing_remark(tmp_path):
    folder = _minutes_set(
        tmp_path,
        "minutes:\n"
        "  - committee: c\n"
        "    date: 2566-10-31\n"
        "    agenda:\n"
        "      - {kind: chair, resolution: acknowledge}\n"
        "      - {kind: confirm, number: '๒', resolution: acknowledge}\n"
        "      - kind: inform\n"
        "        items:\n"
        "          - {number: '๑.', title: ผลการประเมิน, resolution: acknowledge}\n"
        "          - {title: แผนปีหน้า, resolution: acknowledge}\n"
        "      - kind: consider\n"
        "        turns: [{speaker: a, said: [เสนอแผน]}]\n"
        "        resolution: มีมติเห็นชอบตามเสนอ\n"
        "        after_turns: [{speaker: s, said: [ฝ่ายเลขานุการจะแจ้งเวียนให้ทุกกองทราบ]}]\n"
        "    closing_turns: [{speaker: a, said: [ขอบคุณกรรมการทุกท่าน ปิดประชุม]}]\n",
    )
    t = text(_docs(folder, tmp_path / "out")["minutes-c-1-2566.docx"])
    assert "ระเบียบวาระที่ ๒" in t
    assert "\n๑. ผลการประเมิน" in t and "๓.๒ แผนปีหน้า" in t and "๓.๑" not in t
    resolved = t.index("มีมติเห็นชอบตามเสนอ")
    assert t.index("ฝ่ายเลขานุการจะแจ้งเวียนให้ทุกกองทราบ") > resolved
    closing = t.index("ขอบคุณกรรมการทุกท่าน ปิดประชุม")
    assert t.rindex("นายเอ ทดสอบ", 0, closing) > t.index("ฝ่ายเลขานุการจะแจ้งเวียน")
    assert closing < t.index("ผู้จดรายงานการประชุม")


def test_thai_role_words_name_roles_and_are_printed_as_typed(tmp_path):
    assert [role_key(r) for r in ("ประธาน", "รองประธาน", "กรรมการและเลขานุการ", "ผู้ช่วยเลขานุการ", "ที่ปรึกษา")] == [
        "chair",
        "vice_chair",
        "secretary",
        "assistant_secretary",
        None,
    ]
    folder = _minutes_set(tmp_path, "minutes:\n  - {committee: c, date: 2566-10-31}\n")
    path = folder / "committee.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("role: chair", "role: ประธาน"), encoding="utf-8")
    t = text(_docs(folder, tmp_path / "out")["minutes-c-1-2566.docx"])
    assert "นายเอ ทดสอบ ประธานในที่ประชุม" in t  # understood as the chair
    assert "\nประธาน\n" in t and "ประธานกรรมการ" not in t.split("ระเบียบวาระ")[0]  # printed as typed


def test_members_table_without_its_caption_and_position_only_members(tmp_path):
    folder = _minutes_set(
        tmp_path,
        "minutes:\n"
        "  - committee: c\n"
        "    date: 2566-10-31\n"
        "    agenda:\n"
        "      - {kind: chair, body: [ตามคำสั่งที่ ๑/๒๕๖๖ แต่งตั้งคณะกรรมการ ดังนี้, {insert: members, caption: false}]}\n",
    )
    with (folder / "committee.yaml").open("a", encoding="utf-8") as f:
        f.write("    order: {number: '9/2566', subject: แต่งตั้งคณะกรรมการทดสอบ}\n")
    docs = _docs(folder, tmp_path / "out")
    t = text(docs["minutes-c-1-2566.docx"])
    assert "ตามคำสั่ง" in t and "ที่ ๙/๒๕๖๖" not in t
    # the position-only member: empty name cell, the position under ตำแหน่ง
    members = next(
        t for t in re.findall(r"<w:tbl>.*?</w:tbl>", _body(docs["minutes-c-1-2566.docx"])) if "ชื่อ - สกุล" in t
    )
    row = next(r for r in re.findall(r"<w:tr>.*?</w:tr>", members) if "ผู้อำนวยการกองคลัง" in r)
    cells = re.findall(r"<w:tc>.*?</w:tc>", row)
    assert len(cells) == 4 and "<w:t xml" not in cells[1] and "ผู้อำนวยการกองคลัง" in cells[2]


def test_statuses_are_printed_as_typed_and_merged_only_when_counted(tmp_path):
    folder = _minutes_set(tmp_path, "minutes:\n  - {committee: c, date: 2566-10-31}\n")
    (folder / "oit_followup.yaml").write_text(
        "oit_followup:\n"
        "  - {item: o1, score: 100, status: กำลังดำเนินการ}\n"
        "  - {item: o2, score: 100, status: in_progress}\n"
        "  - {item: o3, score: 0, status: done}\n"
        "  - {item: o4, score: 50}\n",
        encoding="utf-8",
    )
    data = _docs(folder, tmp_path / "out")["oit-followup.docx"]
    t = text(data)
    table = t[: t.index("สรุปสถานะการดำเนินการ")]
    assert "กำลังดำเนินการ" in table and table.count("ระหว่างดำเนินการ") == 1  # o1 as typed, o2 by its key
    summary = t[t.index("สรุปสถานะการดำเนินการ") :]
    assert "ระหว่างดำเนินการ\n๒\n" in summary  # o1 and o2 counted together
    assert "รวม\n๓\n" in summary  # o4 has no status: listed, not counted
    assert "“กำลังดำเนินการ” นับรวมในสถานะ “ระหว่างดำเนินการ”" in summary
    assert "ยังไม่ระบุสถานะ ๑ รายการ" in summary
    # no responsible division nor note in any row: those columns are left out
    assert "ผู้รับผิดชอบ" not in table and "หมายเหตุ" not in table
    assert "o๑" in table and "O๑" not in table  # one script per code
    assert ooxml.audit_package(data) == []


def test_checklist_columns_chosen_by_the_set(tmp_path):
    folder = _minutes_set(tmp_path, "minutes:\n  - {committee: c, date: 2566-10-31}\n")
    (folder / "oit_followup.yaml").write_text(
        "oit_followup:\n"
        "  columns: [item, title, status]\n"
        "  rows:\n"
        "    - {item: o1, score: 100, status: done, responsible: palad}\n",
        encoding="utf-8",
    )
    t = text(_docs(folder, tmp_path / "out")["oit-followup.docx"])
    table = t[: t.index("สรุปสถานะการดำเนินการ")]
    assert "ข้อ\nรายการ\nสถานะการดำเนินการ\n" in table
    assert "คะแนน" not in table and "ผู้รับผิดชอบ" not in table


def test_dates_and_units_do_not_break(tmp_path):
    folder = _minutes_set(
        tmp_path,
        "minutes:\n"
        "  - committee: c\n"
        "    date: 2566-11-05\n"
        "    start: '09.30'\n"
        "    end: '12.00'\n"
        "    agenda: [{kind: chair, body: [ประชุมเมื่อวันที่ 5 พฤศจิกายน 2566 ได้ 85 คะแนน]}]\n",
    )
    xml = _body(_docs(folder, tmp_path / "out")["minutes-c-1-2566.docx"])
    for kept in ("๕\u00a0พฤศจิกายน\u00a0๒๕๖๖", "๘๕\u00a0คะแนน", "๑๒.๐๐\u00a0น.", "๐๙.๓๐\u00a0น."):
        assert kept in xml, kept
    assert "๕ พฤศจิกายน" not in xml


def test_a_memo_about_minutes_without_a_number_names_the_meeting_by_its_date(tmp_path):
    import shutil

    folder = tmp_path / "set"
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "minutes-muangthong", folder)
    path = folder / "minutes.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    number: auto\n", ""), encoding="utf-8")
    docs = _docs(folder, tmp_path / "out")
    memo = text(docs["memo-minutes-report-2567-1.docx"])
    assert "ครั้งที่" not in memo
    assert "เมื่อวันพฤหัสบดีที่ ๒๕ มกราคม ๒๕๖๗" in memo
    assert "ครั้งที่" not in text(docs["minutes-ita-1-2567.docx"]).split("ผู้มาประชุม")[0]
