"""Errors of the PDF publisher and their Thai/English wording.

All are `ita_docs.errors.ItaDocsError`, so the CLI prints them as one line::

    ItaDocsError
    ├── PdfUnavailable        LibreOffice, its Python bridge or a Thai font is missing
    ├── PdfConversionError    one document did not convert (names the file)
    └── PdfConversionErrors   every document of a batch that did not convert

Messages follow `ita_docs.messages.language()` (Thai unless ``--lang en``).
"""
from __future__ import annotations

from pathlib import Path

from ..errors import ItaDocsError
from ..messages import language

INSTALL = "sudo apt-get install libreoffice-writer python3-uno fonts-tlwg-laksaman"

MESSAGES: dict[str, tuple[str, str]] = {
    "no_soffice": (
        "ไม่พบ LibreOffice สำหรับสร้าง PDF: ติดตั้งด้วย {install}",
        "LibreOffice is needed to make PDFs and was not found: install it with {install}",
    ),
    "no_uno": (
        "ไม่พบ Python ที่ใช้โมดูล uno ของ LibreOffice ได้ ({soffice}): ติดตั้งด้วย sudo apt-get install python3-uno"
        " หรือตั้ง ITA_DOCS_UNO_PYTHON เป็น Python ที่ import uno ได้",
        "no Python that can import LibreOffice's uno module ({soffice}): install it with sudo apt-get install python3-uno"
        " or set ITA_DOCS_UNO_PYTHON to a Python that can import uno",
    ),
    "no_font": (
        "ไม่พบฟอนต์ไทยสำหรับ PDF (TH Sarabun New หรือ Laksaman): ติดตั้งด้วย sudo apt-get install fonts-tlwg-laksaman",
        "no Thai font for the PDF (TH Sarabun New or Laksaman): install it with sudo apt-get install fonts-tlwg-laksaman",
    ),
    "no_fonttools": (
        "ต้องใช้แพ็กเกจ fonttools เพื่อเตรียมฟอนต์ Laksaman: pip install fonttools",
        "the fonttools package is needed to prepare the Laksaman font: pip install fonttools",
    ),
    "start_failed": ("เริ่ม LibreOffice ไม่สำเร็จ: {reason}", "LibreOffice did not start: {reason}"),
    "failed": ("แปลงเป็น PDF ไม่สำเร็จ: {reason}", "PDF conversion failed: {reason}"),
    "timeout": (
        "ใช้เวลาเกิน {seconds:g} วินาที (หยุด LibreOffice แล้วเริ่มใหม่)",
        "took longer than {seconds:g} s (LibreOffice was stopped and restarted)",
    ),
    "crashed": ("LibreOffice หยุดทำงานระหว่างแปลง ({reason})", "LibreOffice stopped during the conversion ({reason})"),
    "missing_file": ("ไม่พบไฟล์", "no such file"),
    "unreadable": (
        "LibreOffice เปิดไฟล์นี้ไม่ได้ (ไม่ใช่ไฟล์ Word หรือไฟล์เสีย)",
        "LibreOffice cannot open this file (not a Word file, or damaged)",
    ),
    "closed": ("ตัวแปลง PDF ถูกปิดแล้ว", "the PDF converter is closed"),
    "bad_pdf": ("ไฟล์ PDF เสีย: {reason}", "broken PDF: {reason}"),
}


def text(message_id: str, **params: object) -> str:
    """``message_id`` in the current language.

    >>> from ita_docs.messages import set_language
    >>> set_language("en"); text("timeout", seconds=120.0)
    'took longer than 120 s (LibreOffice was stopped and restarted)'
    >>> set_language("th")
    """
    th, en = MESSAGES[message_id]
    params.setdefault("install", INSTALL)
    return (en if language() == "en" else th).format(**params)


class PdfUnavailable(ItaDocsError):
    """PDFs cannot be made on this machine; the message says what to install."""

    def __init__(self, message_id: str, **params: object):
        self.message_id = message_id
        super().__init__(text(message_id, **params))


class PdfConversionError(ItaDocsError):
    """One document did not convert. ``name`` is its file (or the name given for bytes)."""

    def __init__(self, name: str | Path, reason: str):
        self.name = str(name)
        self.reason = reason
        super().__init__(f"{self.name}: {text('failed', reason=reason)}")


class PdfConversionErrors(ItaDocsError):
    """Every failure of a `convert_many` batch, one line each, in input order."""

    def __init__(self, errors: list[PdfConversionError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
