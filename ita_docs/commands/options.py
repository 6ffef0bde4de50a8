"""The arguments and options several commands share (content sets, templates, output, quiet)."""

from __future__ import annotations

from pathlib import Path

import typer

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
