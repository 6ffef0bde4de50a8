"""The chart names and number format every chart module shares, with no python-pptx import: the
DrawingML namespaces and the number format that gives Thai digits (`number_format`).

Kept apart from `ita_docs.render.chart_style` (which subclasses python-pptx's chart data) so
that a build whose charts come from the disk cache (`ita_docs.render.charts`) never imports
python-pptx (issue 19: about 0.15 s of a fresh process).
"""

from __future__ import annotations

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

#: Office's locale prefix ``[$-xxyyzzzz]``: numeral shape ``0D`` (Thai digits),
#: calendar ``00`` (default), language ``041E`` (th-TH).
THAI_DIGITS_PREFIX = "[$-D00041E]"


def number_format(digits: str, decimals: int = 2) -> str:
    """The number format of chart labels for ``digits`` (``thai``/``arabic``).

    >>> number_format("thai"), number_format("arabic", 0)
    ('[$-D00041E]0.00', '0')

    A plain number format cannot switch digits; the locale prefix can. Its
    ``0D`` byte asks Office (Word, Excel) for Thai digits; LibreOffice 7.4
    honours it too and draws ๙๒.๘๗. With the Buddhist-calendar byte as well
    (``[$-D07041E]``) LibreOffice keeps ASCII digits, so the calendar byte stays ``00``.
    The workbook keeps plain numbers either way. Raises `ValueError` for other ``digits``.
    """
    if digits not in ("thai", "arabic"):
        raise ValueError(f"digits must be 'thai' or 'arabic', got {digits!r}")
    body = "0" + ("." + "0" * decimals if decimals else "")
    return (THAI_DIGITS_PREFIX if digits == "thai" else "") + body


__all__ = ["A_NS", "C_NS", "R_NS", "THAI_DIGITS_PREFIX", "number_format"]
