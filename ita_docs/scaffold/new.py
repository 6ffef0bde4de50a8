"""`new_set`: a new commented content set, and `current_fiscal_year`.

`new_set` writes Thai comments on every key, in the style of the bundled samples,
and keeps the examples of the optional parts (measures, measure plan and results,
memos, committees, minutes, OIT checklist) in comments; the files are written
whole or not at all by `ita_docs.scaffold.writing.write_set`.
"""

from __future__ import annotations

import datetime as dt
import typing
from pathlib import Path

from ..analyse import rules as analysis
from ..errors import ContentError, ContentErrors, Location
from ..messages import msg
from ..model import OrganisationKind, schema
from .writing import (
    SCHEMA_LINE,
    assessment_yaml,
    check_target,
    message,
    no_framework,
    scalar,
    thai_year,
    write_set,
)


def _example(text: str, at: int, live: bool) -> str:
    """An example block: commented out at column ``at`` (``live`` keeps it as YAML, for tests)."""
    if live:
        return text
    out = []
    for line in text.splitlines():
        out.append(line[:at] + "# " + line[at:] if line.strip() else "")
    return "\n".join(out) + "\n"


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
        errors.append(ContentError(message("empty_name"), Location(field="organisation.name")))
    if kind not in kinds:
        errors.append(
            ContentError(
                msg("choice", expected=", ".join(kinds), input=kind), Location(field="organisation.kind")
            )
        )
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
        raise ContentErrors(
            [
                ContentError(
                    msg("assessment_year", year=assessment_year, fy=fiscal_year),
                    Location(field="assessment.year"),
                )
            ]
        )
    if assessment_year not in analysis.framework_years():
        raise no_framework(assessment_year, "assessment.year")


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
    year's documents analyse); its ten indicators are left blank for the NACC's
    scores; ``analysis_report.yaml`` says what is drafted from them and holds
    commented examples of the rule and of a section written by hand. Raises `ContentErrors` for a bad argument (an unknown
    ``kind``, a year out of range or without framework data) and `OutputError`
    when ``folder`` is not empty or cannot be written; nothing is written then.
    """
    assessment_year = fiscal_year - 1 if assessment_year is None else assessment_year
    _check_new(name, kind, province, fiscal_year, assessment_year)
    check_target(Path(folder))
    files = _new_files(
        Path(folder),
        name=name,
        kind=kind,
        district=district,
        province=province,
        fiscal_year=fiscal_year,
        assessment_year=assessment_year,
        live=False,
    )
    return write_set(Path(folder), files)


def _new_files(
    folder: Path,
    *,
    name: str,
    kind: str,
    district: str | None,
    province: str,
    fiscal_year: int,
    assessment_year: int,
    live: bool,
) -> dict[str, str]:
    """The files of `new_set`; ``live=True`` writes the examples as YAML instead of comments (tests)."""
    from ..documents.memo import EXECUTIVE

    fy, ay = fiscal_year, assessment_year
    head = SCHEMA_LINE
    executive = f"{EXECUTIVE.get(kind, 'ผู้บริหาร')}"
    palad = f"ปลัด{name}" if kind != "ส่วนราชการ" else "หัวหน้าสำนักงาน"
    d = district.strip() if district else ""
    district_line = f"  district: {scalar(d)}\n" if d else "  # district: เมือง\n"
    empty = "" if live else " []"

    organisation = f"""{head}# เนื้อหาเอกสาร ITA ของ{name} ประจำปีงบประมาณ พ.ศ. {thai_year(fy)} (สร้างด้วย ita-docs new)
#
# ทุกไฟล์ .yaml ในโฟลเดอร์นี้รวมเป็นเนื้อหาชุดเดียว แบ่งไฟล์อย่างไรก็ได้ แต่ชื่อข้อมูลระดับบนสุด
# (เช่น organisation:) เขียนได้ในไฟล์เดียว ชื่อข้อมูล (key) เป็นภาษาอังกฤษ ข้อความเป็นภาษาไทย
# ปีเป็น พ.ศ. วันที่เขียนแบบ ปปปป-ดด-วว ด้วยปี พ.ศ. (2566-04-15) คะแนนเป็นตัวเลข (85.85)
# ส่วนที่ยังไม่ใช้เขียนเป็นตัวอย่างในความเห็น (บรรทัดขึ้นต้นด้วย #): ลบ [] ที่อยู่ข้างบนตัวอย่าง
# แล้วลบ "# " หน้าบรรทัดตัวอย่าง (ใน VS Code เลือกบรรทัดแล้วกด Ctrl+/)
# ตรวจเนื้อหา:  ita-docs check {folder.name}      สร้างเอกสาร:  ita-docs build {folder.name}
# ไฟล์ {schema.FILENAME} ให้โปรแกรมแก้ไข (เช่น VS Code ที่ติดตั้งส่วนขยาย YAML)
# ตรวจและอธิบายชื่อข้อมูลแต่ละชื่อขณะพิมพ์

# ปีงบประมาณ (พ.ศ.) ของเอกสารชุดนี้: ปีงบประมาณ พ.ศ. {thai_year(fy)} คือ ๑ ตุลาคม {thai_year(fy - 1)} ถึง ๓๐ กันยายน {thai_year(fy)}
fiscal_year: {fy}
# ตัวเลขในเอกสาร: thai (เลขไทย) หรือ arabic (เลขอารบิก)
digits: thai

organisation:
  # ชื่อเต็มของหน่วยงาน
  name: {scalar(name)}
  # ประเภท: {" | ".join(typing.get_args(OrganisationKind))}
  kind: {scalar(kind)}
  # อำเภอและจังหวัด ไม่ต้องใส่คำว่า "อำเภอ" "จังหวัด"
{district_line}  province: {scalar(province)}
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
""" + _example(
        f"""    - id: somchai
      name: นายสมชาย ใจดี
      position: {palad}
      division: palad
    - id: somying
      name: นางสาวสมหญิง รักงาน
      position: นักวิเคราะห์นโยบายและแผน
      division: palad
""",
        2,
        live,
    )

    assessment = head + assessment_yaml(
        ay,
        {},
        [
            f"# ปีที่ประเมินคือปีงบประมาณก่อนปีของเอกสาร: เอกสารปี {thai_year(fy)} วิเคราะห์ผลปี {thai_year(ay)}",
        ],
    )

    analysis_report = f"""{head}# รายงานการวิเคราะห์ผลการประเมิน ITA ประจำปี {thai_year(ay)} (เอกสาร analysis-report)
# ไม่ต้องเขียนหัวข้อใดก็ได้: เมื่อเติมคะแนนใน assessment.yaml แล้ว โปรแกรมร่างรายงานทั้งฉบับจากคะแนน
# (บทนำ ผลการประเมิน จุดแข็ง จุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน ประเด็นที่ต้องพัฒนา บทสรุป
# และหัวข้อ ๔ มาตรการของปีงบประมาณ {thai_year(fy)} จากมาตรการใน measures.yaml)
# หัวข้อใดที่เขียนเองด้านล่างใช้แทนหัวข้อที่โปรแกรมร่าง หัวข้อ: introduction, principles,
# results_intro, recommendations, analysis_intro, strengths, weaknesses, improvements,
# conclusion, next_year
analysis_report:
  draft: true                      # true = ร่างหัวข้อที่ไม่ได้เขียนเองจากคะแนน | false = พิมพ์เฉพาะที่เขียนเอง
  # เกณฑ์จำแนกตัวชี้วัด (ไม่ใส่ = ตามเกณฑ์ของปี: ต่ำกว่า ๘๕ เป็นจุดอ่อน ตั้งแต่ ๙๕ เป็นจุดแข็ง)
  # classification: {{weakness_below: 85, strength_min: 95}}
  # ตัวอย่างหัวข้อที่เขียนเอง: ลบ "# " หน้าบรรทัดตัวอย่าง
""" + _example(
        """  conclusion:
    - คณะทำงานจะติดตามผลการดำเนินการตามมาตรการทุกไตรมาส และรายงานผู้บริหารทราบ
  next_year:
    groups:
      - title: มาตรการเพื่อยกระดับผลการประเมิน
        measures: [open-data, iit-awareness]
""",
        2,
        live,
    )

    oit_items = [code for code in analysis.framework(ay).items][:2]
    oit_rows = (
        "".join(
            f"    - {{item: {code}, score: 100, status: done, responsible: palad}}\n" for code in oit_items
        )
        or "    - {title: ข้อมูลพื้นฐาน, score: 100, status: done, responsible: palad}\n"
    )

    measures = (
        f"""{head}# มาตรการ ประจำปีงบประมาณ พ.ศ. {thai_year(fy)}: เขียนแต่ละมาตรการครั้งเดียวพร้อม id แล้วอ้างด้วย id
# ในทุกเอกสาร (measure_plan, measure_results, รายงานการวิเคราะห์)
# ระยะเวลา (period): ข้อความ, {{fiscal_year: {fy}}}, {{until: {fy}-04-15}} (ภายใน ๑๕ เม.ย. {thai_year(fy)[2:]})
#   หรือ {{start: {fy - 1}-10-01, end: {fy}-09-30, style: months}} (เดือน ต.ค. {thai_year(fy - 1)[2:]} - ก.ย. {thai_year(fy)[2:]})
# เริ่มเขียน: ลบ [] แล้วลบ "# " หน้าบรรทัดตัวอย่าง
measures:{empty}
"""
        + _example(
            f"""  - id: open-data                  # รหัสมาตรการ (อังกฤษ ตัวเลข . - _) ห้ามซ้ำ
    title: การเปิดเผยข้อมูลสาธารณะบนเว็บไซต์ของหน่วยงาน
    indicators: [9, 10]            # ตัวชี้วัดที่มุ่งยกระดับ (1-10)
    steps_style: numbered          # numbered (๑. ๒.) | bullets | dashes | plain
    steps:
      - ทุกกองจัดทำและเผยแพร่ข้อมูลบนเว็บไซต์ของหน่วยงานให้ครบถ้วนและเป็นปัจจุบัน
      - ตรวจสอบการเผยแพร่ข้อมูลตามแบบวัด OIT ทุกเดือน
    responsible: [palad]           # รหัสส่วนราชการจาก organisation.divisions
    responsible_other: ทุกกอง        # ผู้รับผิดชอบอื่นเป็นข้อความ
    period: {{fiscal_year: {fy}}}
    follow_up: นักวิเคราะห์นโยบายและแผนรายงานผลการติดตามภายใน ๓๐ กันยายน {thai_year(fy)}
  - id: iit-awareness
    title: สร้างความรู้ความเข้าใจแก่บุคลากรเกี่ยวกับแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)
    indicators: [1, 2, 3, 4, 5]
    steps_style: bullets
    steps:
      - ชี้แจงแนวทางการประเมินแก่หัวหน้าส่วนราชการและบุคลากรทุกคน
    responsible: [palad, klang, chang]
    period: {{until: {fy}-06-30, style: long}}
""",
            0,
            live,
        )
        + "\n"
        + """# มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (เอกสาร measures-plan)
# ชื่อเรื่องไม่ต้องเขียน: ใช้ชื่อมาตรฐานพร้อมชื่อหน่วยงานและปี
"""
        + _example(
            """measure_plan:
  goal:
    - เพื่อยกระดับผลการประเมิน ITA ของ{{ organisation.name }} ประจำปีงบประมาณ พ.ศ. {{ fiscal_year|fiscal_digits }}
  groups:
    - title: มาตรการส่งเสริมคุณธรรมและความโปร่งใส ดังนี้
      measures: [open-data, iit-awareness]
""",
            0,
            live,
        )
        + "\n"
        + """# รายงานผลการดำเนินการตามมาตรการ (เอกสาร measures-results): หนึ่งรายการต่อมาตรการ
"""
        + _example(
            f"""measure_results:
  results:
    - measure: open-data
      outputs:
        - {{text: เผยแพร่ข้อมูลครบทุกข้อของแบบวัด OIT, date: {fy}-03-31}}
      outcome:
        - ผลการประเมินตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล เพิ่มขึ้น
    - measure: iit-awareness
      outputs:
        - ชี้แจงบุคลากรทุกส่วนราชการแล้ว
""",
            0,
            live,
        )
    )

    memos = f"""{head}# บันทึกข้อความ (และรายการแจกจ่ายเอกสาร)
# preset ใส่ถ้อยคำมาตรฐานให้: analysis_approval (เสนอรายงานการวิเคราะห์) | measures_announce (แจ้งมาตรการ)
#   | results_report (รายงานผลตามมาตรการ) | minutes_report (ส่งรายงานการประชุม) ค่าที่เขียนเองใช้แทน
# signer: id ของบุคคลใน organisation.people; เรียน (to) ไม่ใส่ = {executive}
memos:{empty}
""" + _example(
        f"""  - id: measures-announce
    preset: measures_announce
    unit: palad                    # ส่วนราชการเจ้าของเรื่อง (id หรือข้อความ)
    date: {fy}-01-15               # วันที่ ปปปป-ดด-วว ปี พ.ศ.
    signer: somying
    distribution:                  # รายการแจกจ่ายเอกสาร
      date: {fy}-01-16
      divisions: [palad, klang, chang]   # ไม่ใส่ = ทุกส่วนราชการ
""",
        0,
        live,
    )

    committee = f"""{head}# คณะกรรมการติดตามและพัฒนาผลการประเมิน ITA: คำสั่งแต่งตั้ง กรรมการ และอำนาจหน้าที่
# กรรมการ: person (id ของบุคคล) หรือ position (ตำแหน่ง) กับ name (ชื่อ)
# role: chair | vice_chair | member | secretary | assistant_secretary หรือข้อความ
committees:{empty}
""" + _example(
        f"""  - id: ita
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
""",
        0,
        live,
    )

    minutes = (
        f"""{head}# รายงานการประชุม หนึ่งรายการต่อการประชุมหนึ่งครั้ง
# present ไม่ใส่ = กรรมการทุกคน; agenda ไม่ใส่ = ห้าวาระมาตรฐาน (วาระละ "- ไม่มี -")
# ข้อความแทรกตารางที่คำนวณได้ เช่น {{insert: scores}} (คะแนน) {{insert: lowest}} (ต่ำสุดสามอันดับ)
minutes:{empty}
"""
        + _example(
            f"""  - committee: ita
    number: auto                   # ครั้งที่ นับให้ตามปีปฏิทิน หรือเขียนเอง เช่น "1/{fy}"; ไม่ใส่ = ไม่พิมพ์ครั้งที่
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
""",
            0,
            live,
        )
        + "\n"
        + """# ตารางติดตามการเปิดเผยข้อมูลตามแบบวัด OIT ของปีที่ประเมิน (แถวละหนึ่งข้อ)
# status: done | current | partial | in_progress | pending | not_started หรือคำไทย
"""
        + _example(
            f"""oit_followup:
  rows:
{oit_rows}""",
            0,
            live,
        )
    )

    return {
        "organisation.yaml": organisation,
        "assessment.yaml": assessment,
        "analysis_report.yaml": analysis_report,
        "measures.yaml": measures,
        "memos.yaml": memos,
        "committee.yaml": committee,
        "minutes.yaml": minutes,
    }
