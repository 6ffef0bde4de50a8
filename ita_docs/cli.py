"""The ``ita-docs`` command: a thin layer over `ita_docs.pipeline`.

Exit status: 0 done; 1 a template or output problem; 2 invalid content. No
traceback reaches the user: every `ItaDocsError` is printed as located lines.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from . import messages
from .errors import ContentErrors, ItaDocsError
from .messages import msg

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, help="ita-docs: เอกสาร ITA จากเนื้อหา YAML ชุดเดียว")
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


@app.callback()
def main(lang: str = typer.Option(None, "--lang", help="th (ค่าเริ่มต้น) หรือ en")) -> None:
    """Render Thai ITA documents (analysis report, measures, memos) from YAML content."""
    if lang:
        messages.set_language(lang)


def _report(exc: ItaDocsError) -> None:
    if isinstance(exc, ContentErrors):
        err.print(msg("failed", n=len(exc.errors)), style="bold red")
        for e in exc.errors:
            err.print(f"  {e}", markup=False)
        raise typer.Exit(2)
    err.print(msg("failed", n=1), style="bold red")
    err.print(f"  {exc}", markup=False)
    raise typer.Exit(1)


def _warnings(warnings) -> None:
    for w in warnings:
        err.print(f"{msg('warning')}: {w}", style="yellow", markup=False)


@app.command()
def check(content: list[Path] = typer.Argument(None, help="โฟลเดอร์หรือไฟล์เนื้อหา (ค่าเริ่มต้น: ตัวอย่างที่มากับโปรแกรม)")) -> None:
    """Check content as build would (every expression, every document in memory) without writing."""
    from .pipeline import check as run_check
    from .resources import sample_sets

    sources = content or sample_sets()
    try:
        result = run_check(sources)
    except ItaDocsError as exc:
        _report(exc)
    _warnings(result.warnings)
    for source in sources:
        out.print(msg("ok_check", path=source), markup=False)


@app.command()
def build(
    content: list[Path] = typer.Argument(None, help="โฟลเดอร์หรือไฟล์เนื้อหา (ค่าเริ่มต้น: ตัวอย่างที่มากับโปรแกรม)"),
    output: Path = typer.Option(Path("output"), "--output", "-o", help="โฟลเดอร์ผลลัพธ์"),
    only: Optional[list[str]] = typer.Option(None, "--only", help="สร้างเฉพาะเอกสารนี้ (ซ้ำได้)"),
) -> None:
    """Render every document the content supports into OUTPUT (default ./output)."""
    from .pipeline import build as run_build

    try:
        result = run_build(content or None, output, only=only or None)
    except ItaDocsError as exc:
        _report(exc)
    _warnings(result.warnings)
    for path in result.written:
        out.print(f"{msg('wrote')} {path}", markup=False)


@app.command()
def memo(
    preset: str = typer.Argument(..., help="analysis_approval | measures_announce | results_report หรือรหัสบันทึก"),
    content: Path = typer.Argument(None, help="โฟลเดอร์เนื้อหา (ค่าเริ่มต้น: ตัวอย่างแรกที่มีบันทึกข้อความ)"),
    output: Path = typer.Option(Path("output"), "--output", "-o"),
) -> None:
    """Render one memo (by preset or memo id) and its distribution list."""
    from .pipeline import build_memo

    try:
        result = build_memo(preset, content, output)
    except ItaDocsError as exc:
        _report(exc)
    _warnings(result.warnings)
    for path in result.written:
        out.print(f"{msg('wrote')} {path}", markup=False)


def run() -> None:
    """Console entry point: no traceback reaches the user, even for an unexpected bug.

    Set ``ITA_DOCS_DEBUG=1`` to see the traceback of an internal error.
    """
    import os
    import sys

    try:
        app(standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - last resort, reported in words
        if os.environ.get("ITA_DOCS_DEBUG"):
            raise
        err.print(msg("internal", error=f"{type(exc).__name__}: {exc}"), style="bold red", markup=False)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    run()
