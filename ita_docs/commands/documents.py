"""``pdf``, ``watch`` and ``memo``: PDFs of edited files, rebuilding on every change, one memo."""

from __future__ import annotations

import contextlib
from pathlib import Path

import typer

from ..console import err, error_line, out, outcome, report
from ..errors import ItaDocsError
from ..messages import msg
from .options import CONTENT, OUTPUT, TEMPLATES

app = typer.Typer()


@app.command(help="แปลงไฟล์ .docx (เช่น ที่แก้ใน Word แล้ว) เป็น PDF ไว้ข้างไฟล์เดิม")
def pdf(
    files: list[Path] = typer.Argument(
        ..., exists=True, dir_okay=False, help="ไฟล์ .docx ที่จะแปลงเป็น PDF (เช่น ไฟล์ที่แก้ใน Word แล้ว)"
    ),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="จำนวน LibreOffice ที่แปลงพร้อมกัน"),
) -> None:
    """Convert .docx files (e.g. edited in Word) to PDF beside them."""
    from ..publish import convert_files

    try:
        written = convert_files(files, jobs=jobs)
    except ItaDocsError as exc:
        report(exc)
    for path in written:
        out.print(f"{msg('wrote')} {path}", markup=False)


@app.command(help="เฝ้าดูการแก้ไขเนื้อหาหรือแม่แบบ แล้วสร้างเอกสารใหม่ทุกครั้ง")
def watch(
    content: list[Path] = CONTENT,
    output: Path = OUTPUT,
    templates: Path | None = TEMPLATES,
    pdf: bool = typer.Option(False, "--pdf", help="เขียนไฟล์ PDF ด้วย"),
) -> None:
    """Rebuild whenever a content file or template changes; errors are printed and watching goes on."""
    import os

    from watchfiles import watch as changes

    from ..build import build as run_build
    from ..resources import sample_sets

    sources = content or sample_sets()
    paths = [p.parent if p.is_file() else p for p in sources] + ([templates] if templates else [])

    def once() -> None:
        try:
            outcome(run_build(sources, output, templates=templates, pdf=pdf), quiet=False)
        except ItaDocsError as exc:
            with contextlib.suppress(typer.Exit):
                report(exc)
        except typer.Exit:
            pass
        except Exception as exc:
            if os.environ.get("ITA_DOCS_DEBUG"):
                raise
            err.print(msg("watch_internal", error=error_line(exc)), style="bold red", markup=False)
        err.print(msg("watching"), style="dim")

    once()
    for _ in changes(
        *paths, debounce=600, step=100, watch_filter=lambda _c, p: not Path(p).name.startswith((".", "~$"))
    ):
        once()


@app.command(help="สร้างบันทึกข้อความหนึ่งฉบับ (ตาม preset หรือรหัสบันทึก) พร้อมรายการแจกจ่าย")
def memo(
    preset: str = typer.Argument(
        ..., help="analysis_approval | measures_announce | results_report | minutes_report หรือรหัสบันทึก"
    ),
    content: Path = typer.Argument(None, help="โฟลเดอร์เนื้อหา (ค่าเริ่มต้น: ตัวอย่างแรกที่มีบันทึกข้อความ)"),
    output: Path = OUTPUT,
) -> None:
    """Render one memo (by preset or memo id) and its distribution list."""
    from ..build import build_memo

    try:
        result = build_memo(preset, content, output)
    except ItaDocsError as exc:
        report(exc)
    outcome(result)
