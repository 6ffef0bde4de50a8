"""``scores template`` and ``scores import``: the score workbook of an assessed year, and filling it in."""

from __future__ import annotations

from pathlib import Path

import typer

from ..console import out, report
from ..errors import ItaDocsError
from ..messages import msg

app = typer.Typer(no_args_is_help=True, help="คะแนนผลการประเมินจากตารางคำนวณ (Excel)")


@app.command("template", help="เขียนไฟล์ Excel สำหรับกรอกคะแนนตามประกาศของสำนักงาน ป.ป.ช. (หัวคอลัมน์ภาษาไทย)")
def scores_template(
    file: Path = typer.Argument(..., help="ไฟล์ .xlsx ที่จะเขียน เช่น คะแนน.xlsx"),
    content: Path | None = typer.Argument(
        None, help="โฟลเดอร์เนื้อหา (ใช้ปีที่ประเมิน ชื่อตัวชี้วัด และคะแนนปีก่อน ๆ ของเนื้อหา)"
    ),
    year: int | None = typer.Option(
        None, "--year", help="ปีที่ประเมิน พ.ศ. เช่น 2569 (ค่าเริ่มต้น: ของเนื้อหา หรือปีงบประมาณปัจจุบัน - 1)"
    ),
    force: bool = typer.Option(False, "--force", help="เขียนทับไฟล์เดิม"),
) -> None:
    """Write the score workbook (Thai headers, data validation 0-100) of an assessed year."""
    from ..load.validate import load
    from ..scaffold import current_fiscal_year
    from ..scaffold.scores import template
    from ..scaffold.writing import no_framework

    try:
        c = load(content).content if content is not None else None
        a = c.assessment if c is not None else None
        chosen = year or (a.year if a else (c.fiscal_year - 1 if c else current_fiscal_year() - 1))
        try:
            path = template(
                file,
                chosen,
                names=dict(a.indicator_names) if a else None,
                item_titles=dict(c.item_titles) if c else None,
                previous=dict(a.previous) if a else None,
                force=force,
            )
        except KeyError:
            raise no_framework(chosen, "--year") from None
    except ItaDocsError as exc:
        report(exc)
    out.print(f"{msg('wrote')} {path}", markup=False)


@app.command(
    "import", help="เติมคะแนนจากไฟล์ .xlsx หรือ .csv ลงใน assessment ของเนื้อหา (ความเห็นและลำดับในไฟล์ YAML คงเดิม)"
)
def scores_import(
    file: Path = typer.Argument(
        ..., help="ไฟล์คะแนน .xlsx (จาก ita-docs scores template) หรือ .csv (คอลัมน์ รหัส รายการ คะแนน)"
    ),
    content: Path = typer.Argument(..., help="โฟลเดอร์เนื้อหาที่จะเติมคะแนน"),
) -> None:
    """Fill the content's assessment from a score sheet; every bad cell reported, nothing written on a problem."""
    from ..scaffold.scores_yaml import import_scores

    try:
        path, n = import_scores(file, content)
    except ItaDocsError as exc:
        report(exc)
    out.print(msg("scores_imported", n=n, path=path), markup=False)
