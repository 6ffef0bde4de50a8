"""The ``ita-docs`` command: a thin layer over `ita_docs.build` and friends.

Exit status: 0 done; 1 a template, output or PDF problem; 2 invalid content.
No traceback reaches the user: every `ItaDocsError` is printed as located
lines (`ita_docs.console`). Modules are imported inside the commands, so
``ita-docs --help`` and an up-to-date ``build`` start fast.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import typer

from . import messages
from .console import err, out, outcome, progress_bar, report, warnings
from .errors import ItaDocsError
from .messages import msg

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="ita-docs: เอกสาร ITA จากเนื้อหา YAML ชุดเดียว",
)
templates_app = typer.Typer(no_args_is_help=True, help="แม่แบบ Word ของเอกสาร")
app.add_typer(templates_app, name="templates")
scores_app = typer.Typer(no_args_is_help=True, help="คะแนนผลการประเมินจากตารางคำนวณ (Excel)")
app.add_typer(scores_app, name="scores")

CONTENT = typer.Argument(None, help="โฟลเดอร์หรือไฟล์เนื้อหา (ค่าเริ่มต้น: ตัวอย่างที่มากับโปรแกรม)")
TEMPLATES = typer.Option(
    None,
    "--templates",
    exists=True,
    file_okay=False,
    help="โฟลเดอร์แม่แบบของผู้ใช้ (ไฟล์ชื่อเดียวกันใช้แทนแม่แบบที่มากับโปรแกรม)",
)
OUTPUT = typer.Option(Path("output"), "--output", "-o", help="โฟลเดอร์ผลลัพธ์")
QUIET = typer.Option(False, "--quiet", "-q", help="ไม่แสดงแถบความคืบหน้าและรายชื่อไฟล์")


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


def lint_templates(folder: Path) -> None:
    """Lint every template in ``folder``: warnings printed, errors raised together (`TemplateErrors`, exit 1)."""
    from .errors import TemplateErrors
    from .template_check.lint import lint_templates as lint

    problems = lint(folder)
    for p in problems:
        if p.severity != "error":
            err.print(f"{msg('warning')}: {p}", style="yellow", markup=False)
    errors = [p.error() for p in problems if p.severity == "error"]
    if errors:
        raise TemplateErrors(errors)


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


@app.command(help="แปลงไฟล์ .docx (เช่น ที่แก้ใน Word แล้ว) เป็น PDF ไว้ข้างไฟล์เดิม")
def pdf(
    files: list[Path] = typer.Argument(
        ..., exists=True, dir_okay=False, help="ไฟล์ .docx ที่จะแปลงเป็น PDF (เช่น ไฟล์ที่แก้ใน Word แล้ว)"
    ),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="จำนวน LibreOffice ที่แปลงพร้อมกัน"),
) -> None:
    """Convert .docx files (e.g. edited in Word) to PDF beside them."""
    from .publish import convert_files

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

    from .build import build as run_build
    from .resources import sample_sets

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
            err.print(msg("watch_internal", error=_short(exc)), style="bold red", markup=False)
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
    from .build import build_memo

    try:
        result = build_memo(preset, content, output)
    except ItaDocsError as exc:
        report(exc)
    outcome(result)


@templates_app.command(
    "export", help="คัดลอกแม่แบบที่มากับโปรแกรม (Word และสไลด์ PowerPoint) ไปแก้ แล้วใช้ด้วย --templates"
)
def templates_export(folder: Path = typer.Argument(..., help="โฟลเดอร์ที่จะคัดลอกแม่แบบไปแก้ใน Word")) -> None:
    """Copy the bundled templates into FOLDER, to edit in Word and use with --templates."""
    from .errors import OutputError
    from .resources import templates_dir
    from .write.outputs import write_new_files

    try:
        bundled = [*sorted(templates_dir().glob("*.docx")), *sorted(templates_dir().glob("*.pptx"))]
        written = write_new_files(folder, {p.name: p.read_bytes() for p in bundled})
    except (ItaDocsError, OutputError) as exc:
        report(exc)
    for path in written:
        out.print(f"{msg('wrote')} {path}", markup=False)


@templates_app.command(
    "repair",
    help="แก้แม่แบบ: เครื่องหมายคำพูดโค้งในช่องข้อมูล และช่องข้อมูลที่ถูกแบ่งหลายรูปแบบตัวอักษร (เก็บไฟล์เดิมเป็น .orig.docx)",
)
def templates_repair(
    files: list[Path] = typer.Argument(..., exists=True, dir_okay=False, help="ไฟล์แม่แบบ .docx"),
) -> None:
    """Repair smart quotes and split tags in templates; the original is kept as NAME.orig.docx."""
    from .template_check.repair import repair_template
    from .write.outputs import side_path, write_new_files

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
    from .scaffold import current_fiscal_year, new_set

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
    from .scaffold import next_year as roll

    try:
        written = roll(src, dst)
    except ItaDocsError as exc:
        report(exc)
    for path in written:
        out.print(f"{msg('wrote')} {path}", markup=False)


@scores_app.command(
    "template", help="เขียนไฟล์ Excel สำหรับกรอกคะแนนตามประกาศของสำนักงาน ป.ป.ช. (หัวคอลัมน์ภาษาไทย)"
)
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
    from .load.validate import load
    from .scaffold import current_fiscal_year
    from .scaffold.scores import template
    from .scaffold.writing import no_framework

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


@scores_app.command(
    "import", help="เติมคะแนนจากไฟล์ .xlsx หรือ .csv ลงใน assessment ของเนื้อหา (ความเห็นและลำดับในไฟล์ YAML คงเดิม)"
)
def scores_import(
    file: Path = typer.Argument(
        ..., help="ไฟล์คะแนน .xlsx (จาก ita-docs scores template) หรือ .csv (คอลัมน์ รหัส รายการ คะแนน)"
    ),
    content: Path = typer.Argument(..., help="โฟลเดอร์เนื้อหาที่จะเติมคะแนน"),
) -> None:
    """Fill the content's assessment from a score sheet; every bad cell reported, nothing written on a problem."""
    from .scaffold.scores_yaml import import_scores

    try:
        path, n = import_scores(file, content)
    except ItaDocsError as exc:
        report(exc)
    out.print(msg("scores_imported", n=n, path=path), markup=False)


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

    from .model.schema import json_schema, write_schema

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


@app.command("serve", help="เปิดโต๊ะทำงานในเว็บเบราว์เซอร์ (แก้เนื้อหา ตรวจ ดูตัวอย่าง สร้างและดาวน์โหลดเอกสาร) บนเครื่องนี้")
def serve_command(
    workspace: Path = typer.Argument(
        Path("."), help="โฟลเดอร์งาน: แต่ละโฟลเดอร์ย่อยคือชุดเนื้อหาหนึ่งชุด (ค่าเริ่มต้น: โฟลเดอร์ปัจจุบัน)"
    ),
    port: int | None = typer.Option(
        None, "--port", min=1, max=65535, help="พอร์ต (ค่าเริ่มต้น: พอร์ตว่างที่ระบบเลือก)"
    ),
    no_browser: bool = typer.Option(False, "--no-browser", help="ไม่ต้องเปิดเว็บเบราว์เซอร์ให้"),
    host: str | None = typer.Option(None, "--host", help="ให้เครื่องอื่นเข้าได้ เช่น 0.0.0.0 (ต้องตั้งรหัสผ่าน)"),
    password: str | None = typer.Option(
        None, "--password", envvar="ITA_DOCS_PASSWORD", help="รหัสผ่านเมื่อใช้ --host (หรือตัวแปร ITA_DOCS_PASSWORD)"
    ),
    templates: Path | None = TEMPLATES,
) -> None:
    """Serve the workbench for the content sets in WORKSPACE (127.0.0.1 unless --host; Ctrl-C stops it)."""
    from .web import serve

    try:
        serve(
            workspace,
            host=host,
            port=port,
            password=password,
            browser=not no_browser,
            templates=templates,
            say=lambda line: out.print(line, markup=False, soft_wrap=True),
        )
    except ItaDocsError as exc:
        report(exc)
    except KeyboardInterrupt:
        pass


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
    except Exception as exc:
        if os.environ.get("ITA_DOCS_DEBUG"):
            raise
        err.print(msg("internal", error=_short(exc)), style="bold red", markup=False)
        sys.exit(1)


def _short(exc: BaseException, limit: int = 300) -> str:
    """``Type: message`` of an unexpected error, cut to ``limit`` characters (a path may be huge)."""
    text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= limit else text[: limit - 1] + "…"


if __name__ == "__main__":  # pragma: no cover
    run()
