"""``serve``: the clerk's workbench in a web browser (`ita_docs.web`)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..console import out, report
from ..errors import ItaDocsError
from .options import TEMPLATES

app = typer.Typer()


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
    from ..web import serve

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
