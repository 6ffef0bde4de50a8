"""Start a content set: a new one (`new_set`) or next year's from this year's (`next_year`).

Both write a whole folder or nothing: the folder must be missing or empty; every
file is first written to a staging folder beside it, the staged set is loaded
with `ita_docs.validate.load` (so what is written always loads), then the files
are renamed into place. Each YAML file begins with
``# yaml-language-server: $schema=ita-docs.schema.json`` and the folder gets that
schema (`ita_docs.schema`, the per-file variant), so an editor such as VS Code
with the YAML extension checks and explains every key offline.

`new_set` writes Thai comments on every key, in the style of the bundled samples,
and keeps the examples of the optional parts (measures, measure plan and results,
memos, committees, minutes, OIT checklist) in comments.

`next_year` keeps the text of the carried sections as written, comments included:
each file is cut at its top-level keys (located by PyYAML's node marks) and only
the kept keys' lines are copied, so no YAML is re-emitted. What is carried, made
anew and left behind is in `CARRIED`, `RENEWED`, `DROPPED` (a test checks that
every field of `Content` is in one of them).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import shutil
import typing
from pathlib import Path

import yaml

from . import analysis, schema
from .errors import ContentError, ContentErrors, Location, OutputError
from .loader import LoadedContent
from .messages import language, msg
from .models import Assessment, Content, OrganisationKind
from .validate import load

SCHEMA_LINE = f"# yaml-language-server: $schema={schema.FILENAME}\n"
PLACEHOLDER_OUTPUT = "…ผลการดำเนินการ (เติม)"
FILL_SCORES = "แก้เป็นคะแนนจริงจากประกาศของสำนักงาน ป.ป.ช."

CARRIED = ("fiscal_year", "digits", "document_digits", "organisation", "item_titles", "measures", "measure_plan", "committees", "templates")
"""Top-level keys `next_year` copies as written (``fiscal_year`` + 1)."""
RENEWED = ("assessment", "measure_results")
"""Top-level keys `next_year` writes anew: the placeholder of the next results and the results skeleton."""
DROPPED = ("analysis_report", "memos", "minutes", "oit_followup", "obstacles")
"""Top-level keys that belong to the old year and are not carried."""

_LABELS = {
    "analysis_report": "รายงานการวิเคราะห์ผลการประเมิน (analysis_report)",
    "memos": "บันทึกข้อความ (memos)",
    "minutes": "รายงานการประชุม (minutes)",
    "oit_followup": "ตารางติดตาม OIT (oit_followup)",
    "obstacles": "ปัญหาและอุปสรรค (obstacles)",
    "assessment": "ผลการประเมิน (assessment)",
    "measure_results": "รายงานผลการดำเนินการ (measure_results)",
}

_MESSAGES = {
    "not_empty": (
        "โฟลเดอร์นี้มีไฟล์อยู่แล้ว: เลือกโฟลเดอร์ใหม่หรือโฟลเดอร์ว่าง (ไม่เขียนทับเนื้อหาเดิม)",
        "the folder is not empty: choose a new or empty folder (existing content is never overwritten)",
    ),
    "not_folder": ("มีไฟล์ชื่อนี้อยู่แล้ว ต้องเป็นโฟลเดอร์", "a file of that name exists; a folder is needed"),
    "empty_name": ("ชื่อหน่วยงานและจังหวัดต้องไม่ว่าง", "the organisation's name and province must not be empty"),
}


def _t(message_id: str, **params: object) -> str:
    th, en = _MESSAGES[message_id]
    return (en if language() == "en" else th).format(**params)


def _be(year: int) -> str:
    """A BE year in Thai digits, for comments (``2566`` -> ``๒๕๖๖``)."""
    return str(year).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


class _TextDates(yaml.SafeLoader):
    """YAML as `ita_docs.loader` reads it: dates stay text."""


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def _q(text: str) -> str:
    """``text`` as a YAML scalar: plain when that reads back as the same text, else double-quoted.

    >>> _q("องค์การบริหารส่วนตำบลหัวโพ"), _q("yes"), _q("a: b"), _q("2566")
    ('องค์การบริหารส่วนตำบลหัวโพ', '"yes"', '"a: b"', '"2566"')
    """
    text = str(text)
    plain = text == text.strip() and text and "\n" not in text and " #" not in text and not text.startswith(tuple("#&*!|>'\"%@`{[-?:,"))
    if plain:
        try:
            if yaml.load(f"k: {text}", Loader=_TextDates) == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)


def _example(text: str, at: int, live: bool) -> str:
    """An example block: commented out at column ``at`` (``live`` keeps it as YAML, for tests)."""
    if live:
        return text
    out = []
    for line in text.splitlines():
        out.append(line[:at] + "# " + line[at:] if line.strip() else "")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- writing a whole set


def _check_target(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise OutputError(_t("not_folder"), folder)
    if folder.is_dir() and any(folder.iterdir()):
        raise OutputError(_t("not_empty"), folder)


def _write_set(folder: Path, files: dict[str, str], copies: dict[str, Path] | None = None) -> list[Path]:
    """Write ``files`` (name -> text) and ``copies`` (relative name -> source file) as the set ``folder``.

    Staged beside ``folder``, loaded (`ContentErrors` names the files as they would
    have been), then renamed into place. Nothing is left behind on failure.
    """
    _check_target(folder)
    given, folder = folder, folder.absolute()
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = folder.parent / f".{folder.name}.tmp-{secrets.token_hex(4)}"
        staging.mkdir()
    except OSError as exc:
        raise OutputError(str(exc.strerror or exc), folder) from None
    try:
        try:
            for name, text in files.items():
                (staging / name).write_text(text, encoding="utf-8")
            for name, source in (copies or {}).items():
                (staging / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, staging / name)
            schema.write_schema(staging / schema.FILENAME, fragment=True)
        except OSError as exc:
            raise OutputError(str(exc.strerror or exc), folder) from None
        try:
            load(staging)
        except ContentErrors as exc:
            for e in exc.errors:
                if e.location.file is not None and Path(e.location.file).is_relative_to(staging):
                    e.location.file = folder / Path(e.location.file).relative_to(staging)
            raise
        _check_target(folder)  # still empty: nothing was written there meanwhile
        try:
            if folder.exists():
                for entry in sorted(staging.iterdir()):
                    os.replace(entry, folder / entry.name)
            else:
                os.rename(staging, folder)
        except OSError as exc:
            raise OutputError(str(exc.strerror or exc), folder) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return sorted(given / p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


# --------------------------------------------------------------------------- the assessment placeholder


def _assessment_yaml(year: int, previous: dict[int, float], notes: list[str]) -> str:
    """The ``assessment:`` block of a year whose results are not in yet: every indicator 0."""
    fw = analysis.framework(year)
    lines = [f"# ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {_be(year)} (ปีที่ประเมิน) ตามประกาศของสำนักงาน ป.ป.ช.", *notes]
    lines += [
        f"# คะแนนทุกตัวด้านล่างเป็น 0 ไว้ก่อน: {FILL_SCORES}",
        '# คะแนนเป็นตัวเลข 0-100 เช่น 85.85 (ไม่ใช่ "๘๕.๘๕") โปรแกรมพิมพ์เป็นเลขไทยเอง',
        "assessment:",
        f"  year: {year}          # ปีงบประมาณที่ประเมิน (พ.ศ.): ใช้เกณฑ์การประเมินของปีนี้",
    ]
    if Assessment.model_fields["overall"].is_required():
        lines.append(f"  overall: 0          # คะแนนรวม: {FILL_SCORES}")
    else:
        lines.append("  # overall ไม่ต้องใส่: โปรแกรมคำนวณจากคะแนนตามน้ำหนักในเกณฑ์ของปีนี้ (ใส่เองได้ เช่น overall: 85.85)")
    lines += [
        "  # level ไม่ต้องใส่: โปรแกรมคำนวณตามเกณฑ์ของปีนี้ (ใส่เองได้ตามที่ประกาศ เช่น level: ผ่าน)",
        "  # tools: {iit: 0, eit: 0, oit: 0}   # คะแนนรายเครื่องมือ เต็ม 100 (ไม่ใส่ = คำนวณจากตัวชี้วัด)",
        f"  # คะแนนรายตัวชี้วัด (เลขตัวชี้วัด: คะแนน): {FILL_SCORES}",
        "  indicators:",
    ]
    width = max(len(str(n)) for n in fw.indicators)
    for n, spec in fw.indicators.items():
        lines.append(f"    {n}: 0{' ' * (width - len(str(n)) + 4)}# {spec.name} ({spec.tool.upper()})")
    if previous:
        lines.append("  # คะแนนรวมของปีก่อน ๆ (ปี พ.ศ.: คะแนน) ใช้คำนวณคะแนนที่เพิ่มขึ้นหรือลดลง")
        lines.append("  previous:")
        lines += [f"    {y}: {previous[y]:g}" for y in sorted(previous)]
    else:
        lines += [
            "  # คะแนนรวมของปีก่อน ๆ (ปี พ.ศ.: คะแนน) ใช้คำนวณคะแนนที่เพิ่มขึ้นหรือลดลง เช่น",
            "  # previous:",
            f"  #   {year - 1}: 85.85",
        ]
    lines += [
        "  # คะแนนรายข้อ (ไม่บังคับ) ใช้อ้างในรายงานการวิเคราะห์ เช่น",
        "  # items:",
        "  #   - {code: e7, score: 0, title: หน่วยงานมีการเผยแพร่ผลงานหรือข้อมูลที่สาธารณชนควรรับทราบอย่างชัดเจน}",
    ]
    return "\n".join(lines) + "\n"


def _no_framework(year: int, field: str) -> ContentErrors:
    years = ", ".join(map(str, analysis.framework_years()))
    return ContentErrors([ContentError(msg("no_framework", year=year, years=years), Location(field=field))])


# --------------------------------------------------------------------------- new


def current_fiscal_year(today: dt.date | None = None) -> int:
    """The fiscal year (BE) ``today`` falls in: it starts on 1 October.

    >>> current_fiscal_year(dt.date(2023, 9, 30)), current_fiscal_year(dt.date(2023, 10, 1))
    (2566, 2567)
    """
    today = today or dt.date.today()
    return today.year + 543 + (1 if today.month >= 10 else 0)


def _check_new(name: str, kind: str, province: str, fiscal_year: int, assessment_year: int) -> None:
    errors = []
    kinds = typing.get_args(OrganisationKind)
    if not name.strip() or not province.strip():
        errors.append(ContentError(_t("empty_name"), Location(field="organisation.name")))
    if kind not in kinds:
        errors.append(ContentError(msg("choice", expected=", ".join(kinds), input=kind), Location(field="organisation.kind")))
    for field, year in (("fiscal_year", fiscal_year), ("assessment.year", assessment_year)):
        if year < 2500:
            errors.append(ContentError(msg("range_ge", limit=2500, input=year), Location(field=field)))
        elif year > 2700:
            errors.append(ContentError(msg("range_le", limit=2700, input=year), Location(field=field)))
        if errors and field == "fiscal_year":
            break  # the assessed year is derived from it: one message is enough
    if errors:
        raise ContentErrors(errors)
    if assessment_year > fiscal_year:
        raise ContentErrors([ContentError(msg("assessment_year", year=assessment_year, fy=fiscal_year), Location(field="assessment.year"))])
    if assessment_year not in analysis.framework_years():
        raise _no_framework(assessment_year, "assessment.year")


def new_set(
    folder: Path,
    *,
    name: str,
    kind: str,
    district: str | None,
    province: str,
    fiscal_year: int,
    assessment_year: int | None = None,
) -> list[Path]:
    """Write a new commented content set into ``folder`` (missing or empty); return the files written.

    ``assessment_year`` defaults to ``fiscal_year - 1`` (the results a fiscal
    year's documents analyse); its ten indicators are placeholders (0) to replace
    with the NACC's scores. Raises `ContentErrors` for a bad argument (an unknown
    ``kind``, a year out of range or without framework data) and `OutputError`
    when ``folder`` is not empty or cannot be written; nothing is written then.
    """
    assessment_year = fiscal_year - 1 if assessment_year is None else assessment_year
    _check_new(name, kind, province, fiscal_year, assessment_year)
    _check_target(Path(folder))
    files = _new_files(Path(folder), name=name, kind=kind, district=district, province=province,
                       fiscal_year=fiscal_year, assessment_year=assessment_year, live=False)
    return _write_set(Path(folder), files)


def _new_files(folder: Path, *, name: str, kind: str, district: str | None, province: str,
               fiscal_year: int, assessment_year: int, live: bool) -> dict[str, str]:
    """The files of `new_set`; ``live=True`` writes the examples as YAML instead of comments (tests)."""
    from .documents.memo import EXECUTIVE

    fy, ay = fiscal_year, assessment_year
    head = SCHEMA_LINE
    executive = f"{EXECUTIVE.get(kind, 'ผู้บริหาร')}"
    palad = f"ปลัด{name}" if kind != "ส่วนราชการ" else "หัวหน้าสำนักงาน"
    d = district.strip() if district else ""
    district_line = f"  district: {_q(d)}\n" if d else "  # district: เมือง\n"
    empty = "" if live else " []"

    organisation = f"""{head}# เนื้อหาเอกสาร ITA ของ{name} ประจำปีงบประมาณ พ.ศ. {_be(fy)} (สร้างด้วย ita-docs new)
#
# ทุกไฟล์ .yaml ในโฟลเดอร์นี้รวมเป็นเนื้อหาชุดเดียว แบ่งไฟล์อย่างไรก็ได้ แต่ชื่อข้อมูลระดับบนสุด
# (เช่น organisation:) เขียนได้ในไฟล์เดียว ชื่อข้อมูล (key) เป็นภาษาอังกฤษ ข้อความเป็นภาษาไทย
# ปีเป็น พ.ศ. วันที่เขียนแบบ ปปปป-ดด-วว ด้วยปี พ.ศ. (2566-04-15) คะแนนเป็นตัวเลข (85.85)
# ส่วนที่ยังไม่ใช้เขียนเป็นตัวอย่างในความเห็น (บรรทัดขึ้นต้นด้วย #): ลบ [] ที่อยู่ข้างบนตัวอย่าง
# แล้วลบ "# " หน้าบรรทัดตัวอย่าง (ใน VS Code เลือกบรรทัดแล้วกด Ctrl+/)
# ตรวจเนื้อหา:  ita-docs check {folder.name}      สร้างเอกสาร:  ita-docs build {folder.name}
# ไฟล์ {schema.FILENAME} ให้โปรแกรมแก้ไข (เช่น VS Code ที่ติดตั้งส่วนขยาย YAML)
# ตรวจและอธิบายชื่อข้อมูลแต่ละชื่อขณะพิมพ์

# ปีงบประมาณ (พ.ศ.) ของเอกสารชุดนี้: ปีงบประมาณ พ.ศ. {_be(fy)} คือ ๑ ตุลาคม {_be(fy - 1)} ถึง ๓๐ กันยายน {_be(fy)}
fiscal_year: {fy}
# ตัวเลขในเอกสาร: thai (เลขไทย) หรือ arabic (เลขอารบิก)
digits: thai

organisation:
  # ชื่อเต็มของหน่วยงาน
  name: {_q(name)}
  # ประเภท: {" | ".join(typing.get_args(OrganisationKind))}
  kind: {_q(kind)}
  # อำเภอและจังหวัด ไม่ต้องใส่คำว่า "อำเภอ" "จังหวัด"
{district_line}  province: {_q(province)}
  # โทรศัพท์ของหน่วยงาน (พิมพ์ในบันทึกข้อความ):
  # phone: "0 0000 0000"
  # รหัสหนังสือที่นำหน้าเลขที่บันทึกข้อความ:
  # document_prefix: ทส ๐๐๐๐๐
  # ไฟล์ภาพตราครุฑในโฟลเดอร์นี้ (ไม่ใส่ = เว้นที่ว่างไว้บนบันทึกข้อความ):
  # emblem: garuda.png

  # ส่วนราชการ (สำนัก/กอง) ตามลำดับที่ต้องการพิมพ์ในรายการแจกจ่ายเอกสาร แก้ชื่อ เพิ่ม หรือลบได้
  # id: รหัสภาษาอังกฤษ ใช้อ้างถึงในมาตรการ (responsible) บันทึกข้อความ และตารางติดตาม OIT
  divisions:
    - {{id: palad, name: สำนักปลัด}}
    - {{id: klang, name: กองคลัง}}
    - {{id: chang, name: กองช่าง}}
    # - {{id: education, name: กองการศึกษา ศาสนาและวัฒนธรรม}}

  # บุคคลที่ลงนามบันทึกข้อความหรือเข้าประชุม อ้างถึงด้วย id (ตำแหน่งหลายบรรทัดเขียนเป็นรายการได้)
  people:{empty}
""" + _example(f"""    - id: somchai
      name: นายสมชาย ใจดี
      position: {palad}
      division: palad
    - id: somying
      name: นางสาวสมหญิง รักงาน
      position: นักวิเคราะห์นโยบายและแผน
      division: palad
""", 2, live)

    assessment = head + _assessment_yaml(ay, {}, [
        f"# ปีที่ประเมินคือปีงบประมาณก่อนปีของเอกสาร: เอกสารปี {_be(fy)} วิเคราะห์ผลปี {_be(ay)}",
    ])

    oit_items = [code for code in analysis.framework(ay).items][:2]
    oit_rows = "".join(
        f"    - {{item: {code}, score: 100, status: done, responsible: palad}}\n" for code in oit_items
    ) or "    - {title: ข้อมูลพื้นฐาน, score: 100, status: done, responsible: palad}\n"

    measures = f"""{head}# มาตรการ ประจำปีงบประมาณ พ.ศ. {_be(fy)}: เขียนแต่ละมาตรการครั้งเดียวพร้อม id แล้วอ้างด้วย id
# ในทุกเอกสาร (measure_plan, measure_results, รายงานการวิเคราะห์)
# ระยะเวลา (period): ข้อความ, {{fiscal_year: {fy}}}, {{until: {fy}-04-15}} (ภายใน ๑๕ เม.ย. {_be(fy)[2:]})
#   หรือ {{start: {fy - 1}-10-01, end: {fy}-09-30, style: months}} (เดือน ต.ค. {_be(fy - 1)[2:]} - ก.ย. {_be(fy)[2:]})
# เริ่มเขียน: ลบ [] แล้วลบ "# " หน้าบรรทัดตัวอย่าง
measures:{empty}
""" + _example(f"""  - id: open-data                  # รหัสมาตรการ (อังกฤษ ตัวเลข . - _) ห้ามซ้ำ
    title: การเปิดเผยข้อมูลสาธารณะบนเว็บไซต์ของหน่วยงาน
    indicators: [9, 10]            # ตัวชี้วัดที่มุ่งยกระดับ (1-10)
    steps_style: numbered          # numbered (๑. ๒.) | bullets | dashes | plain
    steps:
      - ทุกกองจัดทำและเผยแพร่ข้อมูลบนเว็บไซต์ของหน่วยงานให้ครบถ้วนและเป็นปัจจุบัน
      - ตรวจสอบการเผยแพร่ข้อมูลตามแบบวัด OIT ทุกเดือน
    responsible: [palad]           # รหัสส่วนราชการจาก organisation.divisions
    responsible_other: ทุกกอง        # ผู้รับผิดชอบอื่นเป็นข้อความ
    period: {{fiscal_year: {fy}}}
    follow_up: นักวิเคราะห์นโยบายและแผนรายงานผลการติดตามภายใน ๓๐ กันยายน {_be(fy)}
  - id: iit-awareness
    title: สร้างความรู้ความเข้าใจแก่บุคลากรเกี่ยวกับแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)
    indicators: [1, 2, 3, 4, 5]
    steps_style: bullets
    steps:
      - ชี้แจงแนวทางการประเมินแก่หัวหน้าส่วนราชการและบุคลากรทุกคน
    responsible: [palad, klang, chang]
    period: {{until: {fy}-06-30, style: long}}
""", 0, live) + "\n" + """# มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (เอกสาร measures-plan)
# ชื่อเรื่องไม่ต้องเขียน: ใช้ชื่อมาตรฐานพร้อมชื่อหน่วยงานและปี
""" + _example("""measure_plan:
  goal:
    - เพื่อยกระดับผลการประเมิน ITA ของ{{ organisation.name }} ประจำปีงบประมาณ พ.ศ. {{ fiscal_year|fiscal_digits }}
  groups:
    - title: มาตรการส่งเสริมคุณธรรมและความโปร่งใส ดังนี้
      measures: [open-data, iit-awareness]
""", 0, live) + "\n" + """# รายงานผลการดำเนินการตามมาตรการ (เอกสาร measures-results): หนึ่งรายการต่อมาตรการ
""" + _example(f"""measure_results:
  results:
    - measure: open-data
      outputs:
        - {{text: เผยแพร่ข้อมูลครบทุกข้อของแบบวัด OIT, date: {fy}-03-31}}
      outcome:
        - ผลการประเมินตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล เพิ่มขึ้น
    - measure: iit-awareness
      outputs:
        - ชี้แจงบุคลากรทุกส่วนราชการแล้ว
""", 0, live)

    memos = f"""{head}# บันทึกข้อความ (และรายการแจกจ่ายเอกสาร)
# preset ใส่ถ้อยคำมาตรฐานให้: analysis_approval (เสนอรายงานการวิเคราะห์) | measures_announce (แจ้งมาตรการ)
#   | results_report (รายงานผลตามมาตรการ) | minutes_report (ส่งรายงานการประชุม) ค่าที่เขียนเองใช้แทน
# signer: id ของบุคคลใน organisation.people; เรียน (to) ไม่ใส่ = {executive}
memos:{empty}
""" + _example(f"""  - id: measures-announce
    preset: measures_announce
    unit: palad                    # ส่วนราชการเจ้าของเรื่อง (id หรือข้อความ)
    date: {fy}-01-15               # วันที่ ปปปป-ดด-วว ปี พ.ศ.
    signer: somying
    distribution:                  # รายการแจกจ่ายเอกสาร
      date: {fy}-01-16
      divisions: [palad, klang, chang]   # ไม่ใส่ = ทุกส่วนราชการ
""", 0, live)

    committee = f"""{head}# คณะกรรมการติดตามและพัฒนาผลการประเมิน ITA: คำสั่งแต่งตั้ง กรรมการ และอำนาจหน้าที่
# กรรมการ: person (id ของบุคคล) หรือ position (ตำแหน่ง) กับ name (ชื่อ)
# role: chair | vice_chair | member | secretary | assistant_secretary หรือข้อความ
committees:{empty}
""" + _example(f"""  - id: ita
    name: คณะกรรมการติดตามและพัฒนาผลการประเมิน ITA ของ{name}
    order:
      number: "1/{fy}"             # เลขที่คำสั่ง (ใส่เครื่องหมายคำพูด)
      date: {fy - 1}-11-01
      subject: แต่งตั้งคณะกรรมการติดตามและพัฒนาผลการประเมิน ITA
    members:
      - {{id: chair, position: {executive}, role: chair}}
      - {{person: somchai, role: vice_chair}}
      - {{id: klang, position: ผู้อำนวยการกองคลัง, role: member}}
      - {{person: somying, role: secretary}}
    duties:
      - วิเคราะห์ผลการประเมิน ITA และจัดทำมาตรการเพื่อยกระดับผลการประเมิน
      - กำกับ ติดตาม และรายงานผลการดำเนินการตามมาตรการ
""", 0, live)

    minutes = f"""{head}# รายงานการประชุม หนึ่งรายการต่อการประชุมหนึ่งครั้ง
# present ไม่ใส่ = กรรมการทุกคน; agenda ไม่ใส่ = ห้าวาระมาตรฐาน (วาระละ "- ไม่มี -")
# ข้อความแทรกตารางที่คำนวณได้ เช่น {{insert: scores}} (คะแนน) {{insert: lowest}} (ต่ำสุดสามอันดับ)
minutes:{empty}
""" + _example(f"""  - committee: ita
    date: {fy}-01-10
    start: "09.30"                 # เวลา (ใส่เครื่องหมายคำพูด)
    end: "12.00"
    place: ห้องประชุม{name}
    agenda:
      - kind: chair                # ระเบียบวาระที่ ๑ ประธานแจ้งให้ที่ประชุมทราบ
        turns:
          - speaker: chair
            said:
              - ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {{{{ assessment.year|fiscal_digits }}}} ได้คะแนน {{{{ overall }}}} คะแนน ดังนี้
              - {{insert: scores}}
        resolution: รับทราบ
    recorder: somying
""", 0, live) + "\n" + """# ตารางติดตามการเปิดเผยข้อมูลตามแบบวัด OIT ของปีที่ประเมิน (แถวละหนึ่งข้อ)
# status: done | current | partial | in_progress | pending | not_started หรือคำไทย
""" + _example(f"""oit_followup:
  rows:
{oit_rows}""", 0, live)

    return {
        "organisation.yaml": organisation,
        "assessment.yaml": assessment,
        "measures.yaml": measures,
        "memos.yaml": memos,
        "committee.yaml": committee,
        "minutes.yaml": minutes,
    }


# --------------------------------------------------------------------------- next year


def _blocks(text: str) -> list[tuple[str, int, int]] | None:
    """Each top-level key of a YAML file with its line span ``[start, end)``, or None.

    A key's span starts at the comment lines right above it (the first key's at the
    top of the file) and ends where the next key's starts. None when the file is not
    one block mapping of plain keys.
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(node, yaml.MappingNode) or node.flow_style:
        return None
    lines = text.splitlines(keepends=True)
    starts: list[tuple[str, int]] = []
    for knode, _ in node.value:
        if not isinstance(knode, yaml.ScalarNode) or knode.tag == "tag:yaml.org,2002:merge":
            return None
        line = knode.start_mark.line
        if starts and line == starts[-1][1]:
            return None
        starts.append((str(knode.value), line))
    spans = []
    for i, (key, line) in enumerate(starts):
        start = line
        if i == 0:
            start = 0
        else:
            col = len(lines[line]) - len(lines[line].lstrip())
            while start - 1 > starts[i - 1][1] and lines[start - 1].lstrip().startswith("#") and (
                len(lines[start - 1]) - len(lines[start - 1].lstrip()) <= col
            ):
                start -= 1
        spans.append([key, start])
    return [(key, start, spans[i + 1][1] if i + 1 < len(spans) else len(lines)) for i, (key, start) in enumerate(spans)]


def _carry(text: str, new_fy: int) -> tuple[str | None, bool]:
    """The kept part of one file, ``fiscal_year`` set to ``new_fy``; and whether comments were kept.

    Returns ``(None, True)`` when nothing of the file is carried.
    """
    blocks = _blocks(text)
    if blocks is None:
        return _carry_data(text, new_fy), False
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    lines = text.splitlines(keepends=True)
    for knode, vnode in node.value:
        if knode.value == "fiscal_year" and isinstance(vnode, yaml.ScalarNode) and vnode.start_mark.line == vnode.end_mark.line:
            i = vnode.start_mark.line
            lines[i] = lines[i][: vnode.start_mark.column] + str(new_fy) + lines[i][vnode.end_mark.column:]
    kept = [line for key, start, end in blocks if key not in RENEWED + DROPPED for line in lines[start:end]]
    kept = [line for line in kept if not line.lstrip().startswith("# yaml-language-server:")]
    if not any(line.strip() and not line.lstrip().startswith("#") for line in kept):
        return None, True
    out = "".join(kept).strip("\n") + "\n"
    return out, True


def _carry_data(text: str, new_fy: int) -> str | None:
    """Fallback for a file `_blocks` cannot cut: its kept keys re-written as YAML (comments lost)."""
    data = yaml.load(text, Loader=_TextDates)
    kept = {k: v for k, v in data.items() if k not in RENEWED + DROPPED}
    if not kept:
        return None
    if "fiscal_year" in kept:
        kept["fiscal_year"] = new_fy
    return yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=10_000)


def _measure_order(c: Content) -> list[str]:
    """Measure ids in the order the documents list them: plan, analysis report, old results, then the rest."""
    ids: list[str] = []
    groups = (c.measure_plan.groups if c.measure_plan else []) + (c.analysis_report.next_year.groups if c.analysis_report else [])
    for mid in [m for g in groups for m in g.measures] + [r.measure for r in (c.measure_results.results if c.measure_results else [])] + [m.id for m in c.measures]:
        if mid not in ids:
            ids.append(mid)
    return ids


def _results_yaml(c: Content, new_fy: int) -> str:
    lines = [
        f"# รายงานผลการดำเนินการตามมาตรการ ประจำปีงบประมาณ พ.ศ. {_be(new_fy)}: โครงร่างจาก ita-docs next-year",
        "# หนึ่งรายการต่อมาตรการใน measures (ตามลำดับในมาตรการและรายงานการวิเคราะห์ของปีที่แล้ว)",
        f'# แก้ "{PLACEHOLDER_OUTPUT}" เป็นผลการดำเนินการจริง เพิ่มวันที่ได้ เช่น {{text: ..., date: {new_fy}-03-31}}',
        "# เพิ่ม outcome (ผลลัพธ์) และ citations (คะแนนรายข้อที่อ้าง) ได้ ลบมาตรการที่ไม่รายงานออกได้",
        "measure_results:",
        "  results:",
    ]
    for mid in _measure_order(c):
        title = " ".join(c.measure(mid).title[:1])
        title = title if len(title) <= 60 else title[:57] + "..."
        lines += [f"    - measure: {mid}   # {title}".rstrip(), "      outputs:", f'        - "{PLACEHOLDER_OUTPUT}"']
    return "\n".join(lines) + "\n"


def next_year(src: Path, dst: Path) -> list[Path]:
    """Roll the content set ``src`` forward into the new folder ``dst``; return the files written.

    Carried as written, comments included (`CARRIED`): organisation (divisions,
    people), committees, measures and the measure plan, settings; ``fiscal_year``
    + 1. Made anew (`RENEWED`): ``assessment``, a placeholder for the next results
    (``year`` = the old assessment's + 1, indicators 0) whose ``previous`` holds the
    old year's overall score (given, else computed by `ita_docs.analysis`) and the
    older ones; ``measure_results``, one entry per measure with an output to fill
    in. Left behind (`DROPPED`): analysis report, memos, minutes, OIT checklist,
    obstacles; every new file says so at its top. The emblem image is copied.

    Raises `ContentErrors` when ``src`` does not load or the next assessed year has
    no framework data, `OutputError` when ``dst`` is not empty; nothing is written then.
    """
    src, dst = Path(src), Path(dst)
    loaded: LoadedContent = load(src)
    c = loaded.content
    _check_target(dst)
    old_fy, new_fy = c.fiscal_year, c.fiscal_year + 1
    if new_fy > 2700:
        raise ContentErrors([ContentError(msg("range_le", limit=2700, input=new_fy), Location(field="fiscal_year"))])

    present = set(c.model_fields_set)
    dropped = [k for k in DROPPED if k in present]
    note = [
        f"# ยกมาจาก {loaded.root.name} (ปีงบประมาณ พ.ศ. {_be(old_fy)}) ด้วย ita-docs next-year สำหรับปีงบประมาณ พ.ศ. {_be(new_fy)}",
    ]
    if dropped:
        note.append("# ไม่ยกมา (เป็นของปีเดิม): " + ", ".join(_LABELS[k] for k in dropped))
    note.append("# ผลการประเมินและรายงานผลเขียนใหม่ใน assessment.yaml และ measure_results.yaml")
    note.append("# ตรวจข้อความที่ระบุปีหรือวันที่ เช่น ระยะเวลา (period) ของมาตรการ ให้เป็นของปีใหม่")
    header = SCHEMA_LINE + "\n".join(note) + "\n"

    files: dict[str, str] = {}
    for file in loaded.files:
        text = file.read_bytes().decode("utf-8-sig")
        kept, comments = _carry(text, new_fy)
        if kept is None:
            continue
        extra = "" if comments else "# (ความเห็นของไฟล์เดิมไม่ได้ยกมา: จัดรูปแบบไฟล์ใหม่)\n"
        files[file.name] = header + extra + "\n" + kept

    # The next results: a placeholder; this year's overall score goes to `previous`.
    previous: dict[int, float] = {}
    notes: list[str] = ["# เขียนใหม่โดย ita-docs next-year (ผลปีใหม่ยังไม่ประกาศ)"]
    next_assessed = (c.assessment.year + 1) if c.assessment else old_fy
    if c.assessment:
        a = c.assessment
        previous.update(a.previous)
        fw = analysis.framework(a.year)
        given = "overall" in a.model_fields_set  # loading may have filled it in (analysis.complete)
        total = a.overall if a.overall is not None else _computed_overall(a, fw)
        if total is not None:
            previous[a.year] = round(total, 2)
            how = "ตามที่ประกาศ" if given else "คำนวณจากคะแนนตามเกณฑ์"
            notes.append(f"# previous: คะแนนรวมปี {_be(a.year)} ({how}) ยกมาจากเนื้อหาเดิม พร้อมคะแนนของปีก่อนหน้า")
    if next_assessed not in analysis.framework_years():
        raise _no_framework(next_assessed, "assessment.year")
    new_files = {
        "assessment.yaml": _assessment_yaml(next_assessed, previous, notes),
        "measure_results.yaml": _results_yaml(c, new_fy) if c.measures else None,
    }
    for name, block in new_files.items():
        if block is None:
            continue
        if name in files:  # the old file keeps other keys: the new block goes after them
            files[name] = files[name].rstrip("\n") + "\n\n" + block
        else:
            files[name] = header + "\n" + block

    copies: dict[str, Path] = {}
    if c.organisation.emblem:
        copies[c.organisation.emblem] = loaded.root / c.organisation.emblem
    return _write_set(dst, files, copies)


def _computed_overall(a: Assessment, fw: analysis.Framework) -> float | None:
    """The overall score the content left out, by `ita_docs.analysis` (the year's rule)."""
    compute = getattr(analysis, "computed_overall", None)  # the tool-weighted rule, where analysis has it
    return compute(a, fw) if compute else analysis.weighted_overall(a, fw)


__all__ = ["CARRIED", "DROPPED", "RENEWED", "current_fiscal_year", "new_set", "next_year"]
