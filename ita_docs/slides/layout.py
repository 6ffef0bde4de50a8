"""The analysis deck's page layout and text metrics: sizes, colours, font, and how much room text takes.

The constants place everything on a 16:9 slide (EMU: `inches`, `points`, python-pptx's
``Inches`` and ``Pt`` without importing it);
the metrics estimate wrapped lines and heights of Thai text (LibreOffice does not
grow table rows), so tables are sized and paged to fit (`_pages`) and long text
is cut (`_clip`). Used by `ita_docs.slides.writer` and `ita_docs.slides.deck`.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import Any

#: EMU (English Metric Units, OOXML's length) per inch and per point (ECMA-376 Part 1, 20.1.2.1).
EMU_PER_INCH, EMU_PER_POINT = 914400, 12700


def inches(value: float) -> int:
    """EMU of ``value`` inches, as python-pptx's ``Inches`` gives them (truncated to an int).

    >>> inches(1), inches(13.333), inches(0.05)
    (914400, 12191695, 45720)
    """
    return int(value * EMU_PER_INCH)


def points(value: float) -> int:
    """EMU of ``value`` points, as python-pptx's ``Pt`` gives them.

    >>> points(24), points(10.5)
    (304800, 133350)
    """
    return int(value * EMU_PER_POINT)


FONT = "TH Sarabun New"
NAVY, RED, GREY, WHITE, LIGHT = "1F3864", "C00000", "404040", "FFFFFF", "DDE6F2"  # RGB hex
W, H = inches(13.333), inches(7.5)
BAND = inches(1.05)  # the title band
MARGIN, TOP = inches(0.5), inches(1.25)  # body starts below the title band
BODY_W, BODY_H = W - 2 * MARGIN, H - TOP - inches(0.25)
# Text metrics measured on the LibreOffice PDF (Laksaman standing in for TH Sarabun New):
# a line is 1.7 x the font size high, a spacing character about 0.55 em wide (0.58 to be safe).
LINE, CHAR = 1.7, 0.58
PAD_X, PAD_Y = 0.2, 0.1  # inches of cell margins: left + right, top + bottom


_MARKS = tuple(map(chr, [0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)]))
_NARROW = tuple(".,:;()/ -")  # about half a spacing character in TH Sarabun New
_DIGITS = tuple("0123456789")  # Arabic digits: about 0.85 of one


def _width(text: str) -> float:
    """Spacing characters ``text`` takes: Thai vowel and tone marks above or below take none,
    punctuation and spaces about half, Arabic digits a little less than one (so "100.00"
    is measured at 4.6, not 6, and a score column does not wrap it)."""
    return (
        len(text)
        - sum(map(text.count, _MARKS))
        - 0.5 * sum(map(text.count, _NARROW))
        - 0.15 * sum(map(text.count, _DIGITS))
    )


@functools.lru_cache(maxsize=4096)  # a table's rows are measured to page them, then to draw them
def _lines(text: str, width_in: float, size_pt: float) -> int:
    """Estimated wrapped lines of ``text`` in a box ``width_in`` wide."""
    per_line = max(1, int(width_in * 72 / (size_pt * CHAR)))
    return sum(max(1, math.ceil(_width(part) / per_line - 1e-9)) for part in text.split("\n"))


def _height(lines: int, size_pt: float) -> float:
    """Inches of ``lines`` lines of ``size_pt`` text, with the cell margins."""
    return lines * size_pt * LINE / 72 + PAD_Y


def _widths(width: int, rel: Sequence[float]) -> list[float]:
    """Column widths in inches: ``width`` (EMU) shared in the proportions ``rel``."""
    return [width / inches(1) * w / sum(rel) for w in rel]


def _row_height(cells: Sequence[str], widths_in: Sequence[float], size: float) -> float:
    return max(_height(_lines(c, w - PAD_X, size), size) for c, w in zip(cells, widths_in))


def _title_size(title: str) -> int:
    """The largest title size (36..24 pt) at which ``title`` fits one line of the band."""
    width = BODY_W / inches(1) * 0.9  # Thai digits are wider than the average character
    return next((size for size in (36, 32, 28) if _lines(title, width, size) == 1), 24)


def _pages(items: list, budget: float, cost: Any) -> list[list]:
    """Split ``items`` into pages whose summed ``cost`` stays within ``budget`` (at least one item each)."""
    pages: list[list] = [[]]
    used = 0.0
    for item in items:
        c = cost(item)
        if pages[-1] and used + c > budget:
            pages.append([])
            used = 0.0
        pages[-1].append(item)
        used += c
    return pages


def _clip(text: str, limit: int = 300) -> str:
    """At most ``limit`` characters, cut at a space (or at least not inside a Thai cluster), with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    if cut <= limit // 2:
        cut = limit
        while cut > 1 and (_width(text[cut]) == 0 or text[cut - 1] in "เแโใไ"):  # keep Thai clusters whole
            cut -= 1
    return text[:cut].rstrip() + " …"


# Public names for the deck's modules.
clip = _clip
text_lines = _lines
text_height = _height
text_width = _width
