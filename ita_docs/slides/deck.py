"""The analysis slide deck (``analysis-slides.pptx``) that committees review.

Layout after docs/domain.md "Analysis presentations", 16:9: title; overall score
and level; scores per tool (native chart); the ten indicators (a table, then a
native bar chart); the lowest three ranked (อันดับที่ ๑ = lowest); each
weakness with its problems (ประเด็นที่ ๑..n) and remedies (แนวทางแก้ไข); the OIT
checklist when given; problems and obstacles (ปัญหาและอุปสรรค).

`build_deck` draws a `DeckData` (plain values, easy to fill by hand or in
tests); `ita_docs.documents.analysis_slides` fills one from the content. Every text run is in
TH Sarabun New, Latin and complex script (Thai) alike; slides use Arabic
digits by default, ``digits="thai"`` turns every digit Thai.

This module is the composition (which slides, from what data). The layout and
text metrics are `ita_docs.slides.layout`; the shapes are drawn by
`ita_docs.slides.writer`, and the package zipped by `ita_docs.slides.package`.

Speed (a national batch renders tens of thousands of decks): each slide's XML
is written as text in one pass, the bytes python-pptx would write for the same
shapes (tests/test_slides.py builds a deck both ways and compares), instead of
one python-pptx object call per cell, run and font attribute; the parts of
python-pptx's default template come from one save per process (`_skeleton`),
compressed once and zipped by hand with the deck's parts (`_zip`, zipfile's bytes);
charts come from `ita_docs.render.charts.slide_chart` (built once per shape of data).
About 7-10 ms for the huapho-2565 deck instead of 185 ms (benchmarks/bench_slides.py).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate, zip_longest
from typing import Sequence

from pptx.util import Inches

from .layout import (
    BODY_H,
    BODY_W,
    FONT,
    GREY,
    LIGHT,
    MARGIN,
    NAVY,
    PAD_X,
    PAD_Y,
    RED,
    TOP,
    WHITE,
    H,
    W,
    _clip,
    _height,
    _lines,
    _pages,
    _row_height,
    _widths,
)
from .writer import _Deck

__all__ = [
    "BODY_H",
    "BODY_W",
    "FONT",
    "GREY",
    "LIGHT",
    "MARGIN",
    "NAVY",
    "PAD_X",
    "PAD_Y",
    "RED",
    "TOP",
    "WHITE",
    "DeckData",
    "H",
    "W",
    "build_deck",
]



@dataclass(frozen=True)
class DeckData:
    """What the deck shows. Scores are numbers (0-100); the deck formats them.

    ``tools``: score out of 100 per tool, e.g. ``{"IIT": 89.4}`` (unknown ones
    left out). ``indicators``: ``(number, name, score)``. ``lowest``: ``(rank,
    number, name, score)`` with rank 1 = lowest. ``weaknesses``: ``(title,
    problems, remedies)``, shown side by side row by row (an empty string leaves
    its cell empty). ``oit_rows``: ``(code, title, status)``. Text may hold
    either digits: `build_deck` writes all in the deck's.
    """

    organisation: str
    year: int
    overall: float | None
    level: str | None
    tools: dict[str, float] = field(default_factory=dict)
    indicators: Sequence[tuple[int, str, float]] = ()
    lowest: Sequence[tuple[int, int, str, float]] = ()
    weaknesses: Sequence[tuple[str, Sequence[str], Sequence[str]]] = ()
    oit_rows: Sequence[tuple[str, str, str]] = ()
    obstacles: Sequence[str] = ()
    pass_mark: float = 85


# --------------------------------------------------------------------------- the deck


def build_deck(data: DeckData, *, digits: str = "arabic") -> bytes:
    """The analysis deck as .pptx bytes (16:9). ``digits``: ``arabic`` (default) or ``thai``."""
    deck = _Deck(digits)
    _title_slide(deck, data)
    _overall_slide(deck, data)
    if data.tools:
        s = deck.slide("คะแนนรายเครื่องมือการประเมิน (เต็ม 100 คะแนน)")
        deck.chart(s, list(data.tools), list(data.tools.values()), horizontal=False)
    if data.indicators:
        _indicator_slides(deck, data)
    if data.lowest:
        _lowest_slide(deck, data)
    for title, problems, remedies in data.weaknesses:
        _weakness_slides(deck, title, problems, remedies)
    if data.oit_rows:
        _oit_slides(deck, data.oit_rows)
    _obstacle_slides(deck, list(data.obstacles))
    return deck.save()


def _title_slide(deck: _Deck, data: DeckData) -> None:
    s = deck.blank()
    deck.band(s, Inches(1.8), Inches(3.3))
    deck.text(s, MARGIN, Inches(1.8), BODY_W, Inches(3.3), [
        ("การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส", 36, True, WHITE),
        ("ในการดำเนินงานของหน่วยงานภาครัฐ (ITA)", 36, True, WHITE),
        (f"ประจำปีงบประมาณ พ.ศ. {data.year}", 32, False, WHITE),
    ], align="ctr", anchor="ctr")
    deck.text(s, MARGIN, Inches(5.4), BODY_W, Inches(1.4), [(data.organisation, 36, True, NAVY)], align="ctr")


def _overall_slide(deck: _Deck, data: DeckData) -> None:
    s = deck.slide(f"ผลการประเมินภาพรวม ปีงบประมาณ พ.ศ. {data.year}")
    below = data.overall is not None and data.overall < data.pass_mark
    deck.text(s, MARGIN, Inches(1.6), BODY_W, Inches(2.9), [
        ("คะแนนภาพรวม", 36, False, GREY),
        (f"{deck.score(data.overall)} คะแนน", 80, True, RED if below else NAVY),
    ], align="ctr")
    if data.level:
        deck.text(s, MARGIN, Inches(4.5), BODY_W, Inches(1.3), [(f"ระดับผลการประเมิน: {data.level}", 48, True, NAVY)], align="ctr")
    deck.text(s, MARGIN, Inches(6.2), BODY_W, Inches(0.8), [(f"เกณฑ์ผ่าน {deck.score(data.pass_mark)} คะแนน", 24, False, GREY)], align="ctr")


def _indicator_slides(deck: _Deck, data: DeckData) -> None:
    """The scores as a table (two side by side when there are more than six rows), then as a chart."""
    rows = [[str(n), name, deck.score(sc)] for n, name, sc in data.indicators]
    colors = [RED if sc < data.pass_mark else None for *_x, sc in data.indicators]
    s = deck.slide("คะแนนรายตัวชี้วัด")
    half = -(-len(rows) // 2) if len(rows) > 6 else len(rows)
    gap = Inches(0.3)
    width = BODY_W if half == len(rows) else (BODY_W - gap) // 2
    header, rel = ["ข้อ", "ตัวชี้วัด", "คะแนน"], [0.7, 4.4, 1.3]
    widths_in = _widths(width, rel)
    tall = lambda z: max(sum(_row_height(r, widths_in, z) for r in [header, *rows[i:i + half]]) for i in range(0, len(rows), half))  # noqa: E731
    size = next((z for z in (24, 22, 20) if tall(z) <= BODY_H / Inches(1)), 18)
    for k, start in enumerate(range(0, len(rows), half)):
        deck.table(s, header, rows[start:start + half], rel, size=size,
                   colors=colors[start:start + half], x=MARGIN + k * (width + gap), width=width)
    if len(rows) < 3:  # a chart of one or two bars says nothing the table does not
        return
    s = deck.slide("คะแนนรายตัวชี้วัด (แผนภูมิ)")
    deck.chart(s, [f"{n}. {_clip(name, 30)}" for n, name, _ in data.indicators], [sc for *_x, sc in data.indicators], horizontal=True)


def _lowest_slide(deck: _Deck, data: DeckData) -> None:
    s = deck.slide(f"ตัวชี้วัดที่มีคะแนนต่ำสุด {len(data.lowest)} อันดับ")
    rows = [[f"อันดับที่ {r}", f"ตัวชี้วัดที่ {n} {name}", deck.score(sc)] for r, n, name, sc in data.lowest]
    colors = [RED if sc < data.pass_mark else None for *_x, sc in data.lowest]
    deck.table(s, ["อันดับ", "ตัวชี้วัด", "คะแนน"], rows, [2, 5.4, 1.6], size=32, y=Inches(1.7), colors=colors)
    deck.text(s, MARGIN, Inches(6.4), BODY_W, Inches(0.7), [("อันดับที่ 1 = คะแนนต่ำสุด", 24, False, GREY)])


def _weakness_slides(deck: _Deck, title: str, problems: Sequence[str], remedies: Sequence[str]) -> None:
    """Problems beside remedies, row by row; each column numbers its own entries."""
    pairs = list(zip_longest(problems, remedies, fillvalue=""))
    p_no, r_no = accumulate(int(bool(p)) for p, _r in pairs), accumulate(int(bool(r)) for _p, r in pairs)
    rows = [[f"ประเด็นที่ {pn}: {_clip(p)}" if p else "", f"{rn}. {_clip(r)}" if r else ""]
            for (p, r), pn, rn in zip(pairs, p_no, r_no)] or [["-", "-"]]
    deck.paged_table(f"จุดอ่อน: {title}", ["ประเด็นปัญหา", "แนวทางแก้ไข"], rows, [1, 1], size=20, left=(0, 1))


def _oit_slides(deck: _Deck, rows: Sequence[tuple[str, str, str]]) -> None:
    body = [[c, _clip(t, 120), st] for c, t, st in rows]
    deck.paged_table("การติดตามผลการดำเนินการตามแบบวัด OIT", ["ข้อ", "รายการ", "สถานะ"], body, [1, 6.5, 3], size=22)
    counts = Counter(st for *_x, st in rows)
    s = deck.slide("สรุปผลการติดตาม OIT")
    summary = [[status, f"{n} ข้อ"] for status, n in counts.most_common()] + [["รวม", f"{len(rows)} ข้อ"]]
    deck.table(s, ["สถานะ", "จำนวน"], summary, [3, 1], size=28, y=Inches(1.6), left=(0,))


def _obstacle_slides(deck: _Deck, obstacles: list[str]) -> None:
    size, width = 26, BODY_W / Inches(1)
    items = [f"{i}. {_clip(t, 400)}" for i, t in enumerate(obstacles, 1)] or ["- ไม่มี -"]
    pages = _pages(items, BODY_H / Inches(1), lambda t: _height(_lines(t, width, size), size))
    for k, page in enumerate(pages):
        s = deck.slide("ปัญหาและอุปสรรค" + (f" (ต่อ {k + 1}/{len(pages)})" if k else ""))
        deck.text(s, MARGIN, TOP, BODY_W, BODY_H, [(t, size, False, GREY) for t in page])

