"""The ``ita-docs`` command: a thin layer over `ita_docs.build` and friends.

Exit status: 0 done; 1 a template, output or PDF problem; 2 invalid content.
No traceback reaches the user: every `ItaDocsError` is printed as located
lines (`ita_docs.console`). Here are ``check`` and ``build``; the other commands
are in `ita_docs.commands`, registered below in the order ``--help`` lists them.
Modules are imported inside the commands, so ``ita-docs --help`` and an
up-to-date ``build`` start fast.
"""

from __future__ import annotations

from pathlib import Path

import typer

from . import messages
from .commands import content_sets, documents, scores, serving, templates
from .commands.options import CONTENT, OUTPUT, QUIET, TEMPLATES
from .commands.templates import lint_templates
from .console import err, error_line, out, outcome, progress_bar, report, warnings
from .errors import ItaDocsError
from .messages import msg

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="ita-docs: เอกสาร ITA จากเนื้อหา YAML ชุดเดียว",
)


@app.callback()
def main(lang: str = typer.Option(None, "--lang", help="th (ค่าเริ่มต้น) หรือ en")) -> None:
    """Render Thai ITA documents (analysis report, measures, memos, minutes) from YAML content."""
    if lang:
        messages.set_language(lang)


@app.command(help="ตรวจเนื้อหาและแม่แบบเหมือนสร้างจริงทุกฉบับ (ในหน่วยความจำ) โดยไม่เขียนไฟล์")
def check(content: list[Path] = CONTENT, templates: Path | None = TEMPLATES) -> None:
    """Check content and templates as build would (every expression, every document in memory), writing nothing."""
    from .build import check as run_check
    from .resources import sample_sets

    sources = content or sample_sets()
    try:
        if templates is not None:
            lint_templates(templates)
        result = run_check(sources, templates)
    except ItaDocsError as exc:
        report(exc)
    warnings(result.warnings)
    for source in sources:
        out.print(msg("ok_check", path=source), markup=False)


@app.command(help="สร้างเอกสารที่เปลี่ยนไปลงโฟลเดอร์ผลลัพธ์ (ไฟล์ที่แก้ด้วยมือจะไม่ถูกเขียนทับ)")
def build(
    content: list[Path] = CONTENT,
    output: Path = OUTPUT,
    only: list[str] | None = typer.Option(None, "--only", help="สร้างเฉพาะเอกสารนี้ (ซ้ำได้)"),
    templates: Path | None = TEMPLATES,
    pdf: bool = typer.Option(False, "--pdf", help="เขียนไฟล์ PDF คู่กับ .docx ทุกไฟล์ (ใช้ LibreOffice)"),
    bundle: bool = typer.Option(False, "--bundle", help="รวม PDF ทุกฉบับของแต่ละชุดเป็นไฟล์เดียว พร้อมที่คั่นหน้า"),
    force: bool = typer.Option(False, "--force", help="เขียนทับไฟล์ที่แก้ด้วยมือ (เก็บไฟล์ที่แก้ไว้เป็นสำเนาก่อน)"),
    jobs: int | None = typer.Option(
        None,
        "--jobs",
        "-j",
        min=1,
        help="จำนวนโปรเซสที่สร้างเอกสาร (และ LibreOffice ที่แปลง PDF) พร้อมกัน (ค่าเริ่มต้น: จำนวนคอร์)",
    ),
    scheduler: str | None = typer.Option(None, "--scheduler", help="ส่งงานไปคลัสเตอร์ Dask เช่น tcp://HOST:8786"),
    quiet: bool = QUIET,
) -> None:
    """Render what changed into OUTPUT (default ./output); hand-edited files are never overwritten."""
    from .build import build as run_build

    with progress_bar(not quiet) as progress:
        try:
            result = run_build(
                content or None,
                output,
                only=only or None,
                templates=templates,
                pdf=pdf,
                bundle=bundle,
                force=force,
                jobs=jobs,
                scheduler=scheduler,
                progress=progress,
            )
        except ItaDocsError as exc:
            report(exc)
    outcome(result, quiet=quiet)


# after check and build: pdf, watch, memo, new, next-year, schema, serve; then the groups
for group in (documents.app, content_sets.app, serving.app):
    app.registered_commands += group.registered_commands
app.add_typer(templates.app, name="templates")
app.add_typer(scores.app, name="scores")


def run() -> None:
    """Console entry point: no traceback reaches the user, even for an unexpected bug.

    Set ``ITA_DOCS_DEBUG=1`` to see the traceback of an internal error.

    At exit the collector is skipped (`gc.freeze`, registered first so it runs after every other
    exit handler: the PDF converter's close, temporary folders): the interpreter's passes over
    every object left were 0.10 s of a 0.84 s one-set build (issue 19, ``bench_cold.py``).
    Files are closed by then, and Python does not promise ``__del__`` at exit anyway.
    """
    import atexit
    import gc
    import os
    import sys

    atexit.register(gc.freeze)
    try:
        app(standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:
        if os.environ.get("ITA_DOCS_DEBUG"):
            raise
        err.print(msg("internal", error=error_line(exc)), style="bold red", markup=False)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    run()
