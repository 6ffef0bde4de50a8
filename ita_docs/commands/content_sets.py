"""``new``, ``next-year`` and ``schema``: start a content set, roll one into the next year, the JSON Schema."""

from __future__ import annotations

from pathlib import Path

import typer

from ..console import out, report
from ..errors import ItaDocsError
from ..messages import msg

app = typer.Typer()


@app.command(help="เริ่มเนื้อหาชุดใหม่: ไฟล์ YAML พร้อมคำอธิบายภาษาไทย ตรวจและสร้างเอกสารได้ทันที")
def new(
    folder: Path = typer.Argument(..., help="โฟลเดอร์เนื้อหาใหม่ (ต้องยังไม่มี หรือเป็นโฟลเดอร์ว่าง)"),
    name: str = typer.Option(
        ..., "--name", prompt="ชื่อเต็มของหน่วยงาน", help="ชื่อเต็มของหน่วยงาน เช่น องค์การบริหารส่วนตำบลหัวโพ"
    ),
    kind: str = typer.Option(
        ...,
        "--kind",
        prompt="ประเภทหน่วยงาน (อบจ. เทศบาลนคร เทศบาลเมือง เทศบาลตำบล อบต. กรุงเทพมหานคร เมืองพัทยา ส่วนราชการ)",
        help="ประเภทหน่วยงาน: อบจ. เทศบาลนคร เทศบาลเมือง เทศบาลตำบล อบต. กรุงเทพมหานคร เมืองพัทยา หรือ ส่วนราชการ",
    ),
    province: str = typer.Option(
        ..., "--province", prompt="จังหวัด", help='จังหวัด ไม่ต้องใส่คำว่า "จังหวัด" เช่น ราชบุรี'
    ),
    district: str | None = typer.Option(None, "--district", help='อำเภอ ไม่ต้องใส่คำว่า "อำเภอ" เช่น บางแพ'),
    fiscal_year: int | None = typer.Option(
        None, "--fiscal-year", help="ปีงบประมาณ พ.ศ. ของเอกสาร เช่น 2567 (ค่าเริ่มต้น: ปีงบประมาณปัจจุบัน)"
    ),
    assessment_year: int | None = typer.Option(
        None, "--assessment-year", help="ปีที่ประเมิน พ.ศ. (ค่าเริ่มต้น: ปีงบประมาณ - 1)"
    ),
) -> None:
    """Start a new content set: commented YAML that checks and builds a draft at once."""
    from ..scaffold import current_fiscal_year, new_set

    try:
        written = new_set(
            folder,
            name=name,
            kind=kind,
            district=district,
            province=province,
            fiscal_year=fiscal_year or current_fiscal_year(),
            assessment_year=assessment_year,
        )
    except ItaDocsError as exc:
        report(exc)
    for path in written:
        out.print(f"{msg('wrote')} {path}", markup=False)


@app.command(
    "next-year", help="ยกเนื้อหาไปปีงบประมาณถัดไป: หน่วยงาน คณะกรรมการ มาตรการยกไป ผลการประเมินใหม่เป็นโครงร่างให้เติม"
)
def next_year(
    src: Path = typer.Argument(..., help="โฟลเดอร์เนื้อหาของปีนี้"),
    dst: Path = typer.Argument(..., help="โฟลเดอร์ใหม่สำหรับปีงบประมาณถัดไป (ต้องยังไม่มี หรือเป็นโฟลเดอร์ว่าง)"),
) -> None:
    """Roll a content set into the next fiscal year: organisation, committee and measures kept; results to fill in."""
    from ..scaffold import next_year as roll

    try:
        written = roll(src, dst)
    except ItaDocsError as exc:
        report(exc)
    for path in written:
        out.print(f"{msg('wrote')} {path}", markup=False)


@app.command("schema", help="เขียน JSON Schema ของเนื้อหา (คำอธิบายภาษาไทย) ให้ VS Code เติมและตรวจชื่อข้อมูล")
def schema_command(
    output: Path = typer.Option(
        Path("ita-docs.schema.json"), "--output", "-o", help='ไฟล์ JSON Schema ที่จะเขียน ("-" = แสดงบนหน้าจอ)'
    ),
    per_file: bool = typer.Option(
        False, "--per-file", help="ไม่บังคับชื่อข้อมูลระดับบนสุด สำหรับให้โปรแกรมแก้ไขตรวจทีละไฟล์"
    ),
) -> None:
    """Write the JSON Schema of the content (Thai descriptions) for editors such as VS Code."""
    import json

    from ..model.schema import json_schema, write_schema

    if str(output) == "-":
        out.print(
            json.dumps(json_schema(fragment=per_file), ensure_ascii=False, indent=2),
            markup=False,
            soft_wrap=True,
        )
        return
    try:
        path = write_schema(output, fragment=per_file)
    except ItaDocsError as exc:
        report(exc)
    out.print(f"{msg('wrote')} {path}", markup=False)
