"""``templates export`` and ``templates repair``, and the template lint of ``check`` (`lint_templates`)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..console import err, out, report
from ..errors import ItaDocsError
from ..messages import msg

app = typer.Typer(no_args_is_help=True, help="แม่แบบ Word ของเอกสาร")


def lint_templates(folder: Path) -> None:
    """Lint every template in ``folder``: warnings printed, errors raised together (`TemplateErrors`, exit 1)."""
    from ..errors import TemplateErrors
    from ..template_check.lint import lint_templates as lint

    problems = lint(folder)
    for p in problems:
        if p.severity != "error":
            err.print(f"{msg('warning')}: {p}", style="yellow", markup=False)
    errors = [p.error() for p in problems if p.severity == "error"]
    if errors:
        raise TemplateErrors(errors)


@app.command("export", help="คัดลอกแม่แบบที่มากับโปรแกรม (Word และสไลด์ PowerPoint) ไปแก้ แล้วใช้ด้วย --templates")
def templates_export(folder: Path = typer.Argument(..., help="โฟลเดอร์ที่จะคัดลอกแม่แบบไปแก้ใน Word")) -> None:
    """Copy the bundled templates into FOLDER, to edit in Word and use with --templates."""
    from ..errors import OutputError
    from ..resources import templates_dir
    from ..write.outputs import write_new_files

    try:
        bundled = [*sorted(templates_dir().glob("*.docx")), *sorted(templates_dir().glob("*.pptx"))]
        written = write_new_files(folder, {p.name: p.read_bytes() for p in bundled})
    except (ItaDocsError, OutputError) as exc:
        report(exc)
    for path in written:
        out.print(f"{msg('wrote')} {path}", markup=False)


@app.command(
    "repair",
    help="แก้แม่แบบ: เครื่องหมายคำพูดโค้งในช่องข้อมูล และช่องข้อมูลที่ถูกแบ่งหลายรูปแบบตัวอักษร (เก็บไฟล์เดิมเป็น .orig.docx)",
)
def templates_repair(
    files: list[Path] = typer.Argument(..., exists=True, dir_okay=False, help="ไฟล์แม่แบบ .docx"),
) -> None:
    """Repair smart quotes and split tags in templates; the original is kept as NAME.orig.docx."""
    from ..template_check.repair import repair_template
    from ..write.outputs import side_path, write_new_files

    try:
        for path in files:
            fixed = repair_template(path)
            if fixed == path.read_bytes():
                continue
            write_new_files(path.parent, {side_path(path, "orig").name: path.read_bytes()})
            write_new_files(path.parent, {path.name: fixed}, replace=True)
            out.print(f"{msg('wrote')} {path}", markup=False)
    except ItaDocsError as exc:
        report(exc)
