"""The analysis slide deck (``analysis-slides.pptx``) that committees review.

Layout after domain.md "Analysis presentations", 16:9: title; overall score
and level; scores per tool (native chart); the ten indicators (a table, then a
native bar chart); the lowest three ranked (อันดับที่ ๑ = lowest); each
weakness with its problems (ประเด็นที่ ๑..n) and remedies (แนวทางแก้ไข); the OIT
checklist when given; problems and obstacles (ปัญหาและอุปสรรค).

`build_deck` draws a `DeckData` (plain values, easy to fill by hand or in
tests); `ita_docs.documents.analysis_slides` fills one from the content. Every text run is in
TH Sarabun New, Latin and complex script (Thai) alike; slides use Arabic
digits by default, ``digits="thai"`` turns every digit Thai.

Speed (a national batch renders tens of thousands of decks): each slide's XML
is written as text in one pass, the bytes python-pptx would write for the same
shapes (tests/test_slides.py builds a deck both ways and compares), instead of
one python-pptx object call per cell, run and font attribute; the parts of
python-pptx's default template come from one save per process (`_skeleton`),
compressed once and zipped by hand with the deck's parts (`_zip`, zipfile's bytes);
charts come from `ita_docs.charts.slide_chart` (built once per shape of data).
About 7-10 ms for the huapho-2565 deck instead of 185 ms (benchmarks/bench_slides.py).
"""
from __future__ import annotations

import functools
import io
import re
import struct
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from itertools import accumulate, zip_longest
from typing import Any, Sequence

from lxml import etree
from pptx import Presentation
from pptx.util import Inches, Pt

from . import charts, thaifmt

FONT = "TH Sarabun New"
NAVY, RED, GREY, WHITE, LIGHT = "1F3864", "C00000", "404040", "FFFFFF", "DDE6F2"  # RGB hex
W, H = Inches(13.333), Inches(7.5)
BAND = Inches(1.05)  # the title band
MARGIN, TOP = Inches(0.5), Inches(1.25)  # body starts below the title band
BODY_W, BODY_H = W - 2 * MARGIN, H - TOP - Inches(0.25)
# Text metrics measured on the LibreOffice PDF (Laksaman standing in for TH Sarabun New):
# a line is 1.7 x the font size high, a spacing character about 0.55 em wide (0.58 to be safe).
LINE, CHAR = 1.7, 0.58
PAD_X, PAD_Y = 0.2, 0.1  # inches of cell margins: left + right, top + bottom


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


# --------------------------------------------------------------------------- text metrics


_MARKS = tuple(map(chr, [0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)]))


def _width(text: str) -> int:
    """Characters that take width: Thai vowel and tone marks above or below do not."""
    return len(text) - sum(map(text.count, _MARKS))


@functools.lru_cache(maxsize=4096)  # a table's rows are measured to page them, then to draw them
def _lines(text: str, width_in: float, size_pt: float) -> int:
    """Estimated wrapped lines of ``text`` in a box ``width_in`` wide."""
    per_line = max(1, int(width_in * 72 / (size_pt * CHAR)))
    return sum(max(1, -(-_width(part) // per_line)) for part in text.split("\n"))


def _height(lines: int, size_pt: float) -> float:
    """Inches of ``lines`` lines of ``size_pt`` text, with the cell margins."""
    return lines * size_pt * LINE / 72 + PAD_Y


def _widths(width: int, rel: Sequence[float]) -> list[float]:
    """Column widths in inches: ``width`` (EMU) shared in the proportions ``rel``."""
    return [width / Inches(1) * w / sum(rel) for w in rel]


def _row_height(cells: Sequence[str], widths_in: Sequence[float], size: float) -> float:
    return max(_height(_lines(c, w - PAD_X, size), size) for c, w in zip(cells, widths_in))


def _title_size(title: str) -> int:
    """The largest title size (36..24 pt) at which ``title`` fits one line of the band."""
    width = BODY_W / Inches(1) * 0.9  # Thai digits are wider than the average character
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


# --------------------------------------------------------------------------- XML pieces
#
# Every part is written as text in one go, the same bytes python-pptx would
# serialize for the same calls (add_textbox / add_table / add_chart, then the
# font of each run): no element objects per cell or run. The parts python-pptx
# takes from its default template (master, layouts, theme, ...) come from one
# python-pptx save, made once per process (`_skeleton`).

_NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
_CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_DECL = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_STAMP = (2000, 1, 1, 0, 0, 0)  # every zip entry's time: same data, same bytes

_CTRL = re.compile("[\x00-\x08\x0b-\x1f]")
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def _esc(text: str) -> str:
    """Text of an ``a:t`` as python-pptx writes it: control characters as ``_xHHHH_``, then XML escapes."""
    if _CTRL.search(text):
        text = _CTRL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    if _NOT_XML.search(text):
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@functools.cache
def _rpr(size: float, bold: bool, color: str) -> str:
    """Run properties: size, weight, colour, and TH Sarabun New as Latin, East Asian and complex-script (Thai) face."""
    face = f'typeface="{FONT}"/>'
    return (f'<a:rPr sz="{Pt(size).centipoints}" b="{int(bold)}" lang="th-TH"><a:solidFill><a:srgbClr val="{color}"/>'
            f"</a:solidFill><a:latin {face}<a:ea {face}<a:cs {face}</a:rPr>")


def _xfrm(x: int, y: int, w: int, h: int) -> str:
    return f'<a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/>'


def _frame(shape_id: int, name: str, x: int, y: int, w: int, h: int, uri: str, body: str) -> str:
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="{name} {shape_id - 1}"/>'
            '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
            f'<p:xfrm>{_xfrm(x, y, w, h)}</p:xfrm><a:graphic><a:graphicData uri="{uri}">{body}</a:graphicData>'
            "</a:graphic></p:graphicFrame>")


_BAND = ('<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="Rectangle {n}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>'
         '<a:xfrm>{xfrm}</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="{color}"/>'
         '</a:solidFill><a:ln><a:noFill/></a:ln></p:spPr><p:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef>'
         '<a:fillRef idx="3"><a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="2"><a:schemeClr val="accent1"/>'
         '</a:effectRef><a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></p:style><p:txBody>'
         '<a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/></a:p></p:txBody></p:sp>')
_TEXTBOX = ('<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="TextBox {n}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
            '<p:spPr><a:xfrm>{xfrm}</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
            '<p:txBody><a:bodyPr wrap="square" anchor="{anchor}"><a:spAutoFit/></a:bodyPr><a:lstStyle/>{paras}'
            "</p:txBody></p:sp>")
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
_TABLE_PR = '<a:tblPr firstRow="1" bandRow="1"><a:tableStyleId>{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}</a:tableStyleId></a:tblPr>'
_CELL_PR = (f'<a:tcPr marT="{Inches(PAD_Y / 2)}" marB="{Inches(PAD_Y / 2)}" marL="{Inches(PAD_X / 2)}" '
            f'marR="{Inches(PAD_X / 2)}" anchor="ctr"><a:solidFill><a:srgbClr val="%s"/></a:solidFill></a:tcPr></a:tc>')


class _Slide:
    """One slide: its shapes' XML, the next shape id, its charts (numbers in the package)."""

    __slots__ = ("charts", "next_id", "shapes")

    def __init__(self) -> None:
        self.shapes: list[str] = []
        self.next_id = 2  # 1 is the shape tree
        self.charts: list[int] = []

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1


class _Deck:
    def __init__(self, digits: str):
        thaifmt.to_digits("", digits)  # raises on a bad value
        self.digits = digits
        self.slides: list[_Slide] = []
        self.charts: list[charts.ChartPart] = []

    def d(self, text: str) -> str:
        return thaifmt.to_digits(text, self.digits)

    def score(self, x: float | None) -> str:
        return "-" if x is None else thaifmt.score(x, digits=self.digits)

    def blank(self) -> _Slide:
        s = _Slide()
        self.slides.append(s)
        return s

    def band(self, slide: _Slide, y: int, h: int) -> None:
        i = slide.new_id()
        slide.shapes.append(_BAND.format(id=i, n=i - 1, xfrm=_xfrm(0, y, W, h), color=NAVY))

    def slide(self, title: str) -> _Slide:
        """A blank slide with ``title`` in white on the navy band (sized to fit one line)."""
        s = self.blank()
        self.band(s, 0, BAND)
        title = self.d(title)
        self.text(s, MARGIN, 0, BODY_W, BAND, [(title, _title_size(title), True, WHITE)], anchor="ctr")
        return s

    def text(self, slide: _Slide, x: int, y: int, w: int, h: int, paras: list[tuple], *,
             align: str = "l", anchor: str = "t") -> None:
        """A text box; ``paras`` holds ``(text, size_pt, bold, color)`` per paragraph."""
        i = slide.new_id()
        slide.shapes.append(_TEXTBOX.format(id=i, n=i - 1, xfrm=_xfrm(x, y, w, h), anchor=anchor, paras=self.paras(paras, align)))

    def paras(self, paras: list[tuple], align: str) -> str:
        """One ``a:p`` with one run per ``(text, size, bold, color)``."""
        out = []
        for text, size, bold, color in paras:
            out.append(f'<a:p><a:pPr algn="{align}"/><a:r>{_rpr(size, bold, color)}<a:t>{_esc(self.d(text))}</a:t></a:r></a:p>')
        return "".join(out)

    def table(self, slide: _Slide, header: list[str], rows: list[list[str]], widths: list[float], *,
              size: int = 24, y: int = TOP, colors: list[str | None] | None = None,
              left: Sequence[int] = (1,), x: int = MARGIN, width: int = BODY_W) -> None:
        """A table (the body's width unless told); row heights fit their text (LibreOffice does not grow rows).

        ``widths`` are relative; columns in ``left`` are left-aligned, the others centred.
        """
        widths_in = _widths(width, widths)
        col_w = [Inches(wid) for wid in widths_in]
        out = [_TABLE_PR, "<a:tblGrid>", *(f'<a:gridCol w="{c}"/>' for c in col_w), "</a:tblGrid>"]
        total_h = 0
        for i, cells in enumerate([header, *rows]):
            h = Inches(_row_height(cells, widths_in, size))
            total_h += h
            out.append(f'<a:tr h="{h}">')
            color = WHITE if i == 0 else (colors[i - 1] if colors and colors[i - 1] else GREY)
            cell_pr = _CELL_PR % (NAVY if i == 0 else (LIGHT if i % 2 else WHITE))
            for j, value in enumerate(cells):
                align = "l" if i and j in left else "ctr"
                paras = self.paras([(line, size, i == 0, color) for line in value.split("\n")], align)
                out.append(f'<a:tc><a:txBody><a:bodyPr wrap="square"/><a:lstStyle/>{paras}</a:txBody>{cell_pr}')
            out.append("</a:tr>")
        i = slide.new_id()
        body = "<a:tbl>" + "".join(out) + "</a:tbl>"
        slide.shapes.append(_frame(i, "Table", x, y, sum(col_w), total_h, _TABLE_URI, body))

    def paged_table(self, title: str, header: list[str], rows: list[list[str]], widths: list[float], *,
                    size: int, left: Sequence[int] = (1,)) -> None:
        """``rows`` on as many slides as they need; later slides are titled "(ต่อ k/n)"."""
        widths_in = _widths(BODY_W, widths)
        budget = BODY_H / Inches(1) - _row_height(header, widths_in, size)
        pages = _pages(rows, budget, lambda row: _row_height(row, widths_in, size))
        for k, page in enumerate(pages):
            s = self.slide(title + (f" (ต่อ {k + 1}/{len(pages)})" if k else ""))
            self.table(s, header, page, widths, size=size, left=left)

    def chart(self, slide: _Slide, categories: list[str], values: list[float], *, horizontal: bool, title: str = "") -> None:
        """A native bar chart filling the body (editable in PowerPoint: it has its workbook)."""
        part = charts.slide_chart([self.d(c) for c in categories], values, title=self.d(title), digits=self.digits,
                                  font=FONT, horizontal=horizontal, font_size=22)
        self.charts.append(part)
        slide.charts.append(len(self.charts))
        i = slide.new_id()
        ref = f'<c:chart xmlns:c="{_NS_C}" r:id="rId{len(slide.charts) + 1}"/>'
        slide.shapes.append(_frame(i, "Chart", MARGIN, TOP, BODY_W, BODY_H, _NS_C, ref))

    def save(self) -> bytes:
        return _package(self.slides, self.charts)


@dataclass(frozen=True)
class _Skeleton:
    """What python-pptx writes for a 16:9 deck of one blank slide, cut where the slides go."""

    before: list[_Member | str]  # entries before the slides, compressed; a name: written per deck
    after: list[_Member]
    slide_head: bytes  # the slide XML up to its shapes
    slide_tail: bytes
    slide_rels_head: bytes  # the slide's rels with the layout, without the closing tag
    pres_head: bytes  # presentation.xml up to the slide id list
    pres_tail: bytes
    first_slide_id: int
    pres_rels_head: bytes  # presentation.xml.rels before the slide relationships
    first_slide_rid: int
    defaults: dict[str, str]  # content types by extension
    overrides: dict[str, str]  # content types by part name (no slide)
    slide_type: str


@functools.cache
def _skeleton() -> _Skeleton:
    prs = Presentation()
    prs.slide_width, prs.slide_height = W, H
    prs.slides.add_slide(prs.slide_layouts[6])  # blank
    props = prs.core_properties  # fixed, so the same data give the same bytes
    props.created = props.modified = datetime(2000, 1, 1)
    props.revision = 1
    props.last_modified_by = props.author = "ita-docs"
    buf = io.BytesIO()
    prs.save(buf)
    with zipfile.ZipFile(buf) as z:
        entries = [(n, z.read(n)) for n in z.namelist()]
    parts = dict(entries)
    names = [n for n, _b in entries]
    at = names.index("ppt/slides/slide1.xml")
    if names[at + 1] != "ppt/slides/_rels/slide1.xml.rels":
        raise RuntimeError("unexpected python-pptx package layout")
    dynamic = {"[Content_Types].xml", "ppt/presentation.xml", "ppt/_rels/presentation.xml.rels"}
    head, tail = parts["ppt/slides/slide1.xml"].split(b"</p:spTree>")
    pres = parts["ppt/presentation.xml"]
    ids = re.search(rb'<p:sldIdLst><p:sldId id="(\d+)" r:id="rId(\d+)"/></p:sldIdLst>', pres)
    rels = parts["ppt/_rels/presentation.xml.rels"]
    rel = re.search(rb'<Relationship Id="rId%s" [^>]*Target="slides/slide1.xml"/>' % ids.group(2), rels)
    if rels[rel.end():] != b"</Relationships>":
        raise RuntimeError("unexpected python-pptx package layout")
    types = etree.fromstring(parts["[Content_Types].xml"])
    defaults = {el.get("Extension"): el.get("ContentType") for el in types if el.tag.endswith("Default")}
    overrides = {el.get("PartName"): el.get("ContentType") for el in types if el.tag.endswith("Override")}
    slide_type = overrides.pop("/ppt/slides/slide1.xml")
    return _Skeleton(
        [n if n in dynamic else _member(n, b) for n, b in entries[:at]], [_member(n, b) for n, b in entries[at + 2:]],
        head, b"</p:spTree>" + tail, parts["ppt/slides/_rels/slide1.xml.rels"].removesuffix(b"</Relationships>"),
        pres[:ids.start()], pres[ids.end():], int(ids.group(1)), rels[:rel.start()], int(ids.group(2)),
        defaults, overrides, slide_type,
    )


def _package(slides: list[_Slide], chart_parts: list[charts.ChartPart]) -> bytes:
    """The .pptx bytes: the skeleton's parts with these slides and charts, every entry stamped 2000-01-01."""
    sk = _skeleton()
    n = len(slides)
    sld_ids = "".join(f'<p:sldId id="{sk.first_slide_id + k}" r:id="rId{sk.first_slide_rid + k}"/>' for k in range(n))
    pres_rels = "".join(f'<Relationship Id="rId{sk.first_slide_rid + k}" Type="{_RT}slide" Target="slides/slide{k + 1}.xml"/>'
                        for k in range(n))
    defaults = dict(sk.defaults)
    overrides = dict(sk.overrides)
    overrides.update({f"/ppt/slides/slide{k + 1}.xml": sk.slide_type for k in range(n)})
    if chart_parts:
        defaults["xlsx"] = _CT_XLSX
        overrides.update({f"/ppt/charts/chart{k + 1}.xml": _CT_CHART for k in range(len(chart_parts))})
    types = "".join([
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
        *(f'<Default Extension="{e}" ContentType="{t}"/>' for e, t in sorted(defaults.items())),
        *(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in sorted(overrides.items())),
        "</Types>",
    ])
    dynamic = {
        "[Content_Types].xml": _DECL + types.encode("utf-8"),
        "ppt/presentation.xml": b"%s<p:sldIdLst>%s</p:sldIdLst>%s" % (sk.pres_head, sld_ids.encode(), sk.pres_tail),
        "ppt/_rels/presentation.xml.rels": sk.pres_rels_head + pres_rels.encode() + b"</Relationships>",
    }
    members = [m if isinstance(m, _Member) else _member(m, dynamic[m]) for m in sk.before]
    for k, slide in enumerate(slides, 1):
        members.append(_member(f"ppt/slides/slide{k}.xml", sk.slide_head + "".join(slide.shapes).encode("utf-8") + sk.slide_tail))
        rels = "".join(f'<Relationship Id="rId{r}" Type="{_RT}chart" Target="../charts/chart{c}.xml"/>'
                       for r, c in enumerate(slide.charts, 2))
        members.append(_member(f"ppt/slides/_rels/slide{k}.xml.rels", sk.slide_rels_head + rels.encode() + b"</Relationships>"))
        for c in slide.charts:
            members.append(_member(f"ppt/charts/chart{c}.xml", chart_parts[c - 1].xml))
            members.append(_member(f"ppt/charts/_rels/chart{c}.xml.rels", _DECL + (
                f'<Relationships xmlns="{_NS_REL}"><Relationship Id="rId1" Type="{_RT}package" '
                f'Target="../embeddings/Microsoft_Excel_Sheet{c}.xlsx"/></Relationships>').encode()))
            members.append(_member(f"ppt/embeddings/Microsoft_Excel_Sheet{c}.xlsx", chart_parts[c - 1].xlsx))
    members.extend(sk.after)
    return _zip(members)


# --------------------------------------------------------------------------- the zip
#
# The bytes `zipfile` writes for ``writestr(ZipInfo(name, _STAMP), data, ZIP_DEFLATED)``
# (default level, no data descriptor on a seekable file, mode 0600), written here so
# that the template's parts are compressed once per process, not once per deck.

_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_DOSDATE = (_STAMP[0] - 1980) << 9 | _STAMP[1] << 5 | _STAMP[2]
_DOSTIME = _STAMP[3] << 11 | _STAMP[4] << 5 | _STAMP[5] // 2
_SYSTEM = zipfile.ZipInfo().create_system  # 3 (Unix), 0 on Windows


@dataclass(frozen=True)
class _Member:
    name: bytes
    crc: int
    size: int
    data: bytes  # deflated


def _member(name: str, blob: bytes) -> _Member:
    z = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return _Member(name.encode("ascii"), zlib.crc32(blob), len(blob), z.compress(blob) + z.flush())


def _zip(members: list[_Member]) -> bytes:
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for m in members:
        local = _LOCAL.pack(b"PK\x03\x04", 20, 0, 0, zipfile.ZIP_DEFLATED, _DOSTIME, _DOSDATE, m.crc, len(m.data), m.size,
                            len(m.name), 0)
        central.append(_CENTRAL.pack(b"PK\x01\x02", 20, _SYSTEM, 20, 0, 0, zipfile.ZIP_DEFLATED, _DOSTIME, _DOSDATE, m.crc,
                                     len(m.data), m.size, len(m.name), 0, 0, 0, 0, 0o600 << 16, offset) + m.name)
        out += (local, m.name, m.data)
        offset += len(local) + len(m.name) + len(m.data)
    directory = b"".join(central)
    return b"".join(out) + directory + _END.pack(b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), offset, 0)


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


# --------------------------------------------------------------------------- from content
