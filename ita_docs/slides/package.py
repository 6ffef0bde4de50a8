"""The .pptx package around the slides: python-pptx's template parts, the slide and chart parts, the zip.

The parts python-pptx takes from its default template (master, layouts, theme,
...) come from one python-pptx save of a 16:9 deck, made and compressed once per
process (`_skeleton`); `_package` adds each deck's slides (`_Slide`), charts and
their workbooks, content types and relationships, and zips them (`ita_docs.render.zip_members.write_zip`, zipfile's bytes), every entry
stamped 2000-01-01: same data, same bytes.
"""
from __future__ import annotations

import functools
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime

from lxml import etree
from pptx import Presentation

from ..render import charts
from .layout import H, W
from ..render.zip_members import Member, deflate, write_zip

_NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
_CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_DECL = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"


class _Slide:
    """One slide: its shapes' XML, the next shape id, its charts (numbers in the package); drawn by `ita_docs.slides.writer`."""

    __slots__ = ("charts", "next_id", "shapes")

    def __init__(self) -> None:
        self.shapes: list[str] = []
        self.next_id = 2  # 1 is the shape tree
        self.charts: list[int] = []

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1


@dataclass(frozen=True)
class _Skeleton:
    """What python-pptx writes for a 16:9 deck of one blank slide, cut where the slides go."""

    before: list[Member | str]  # entries before the slides, compressed; a name: written per deck
    after: list[Member]
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
        [n if n in dynamic else deflate(n, b) for n, b in entries[:at]], [deflate(n, b) for n, b in entries[at + 2:]],
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
    members = [m if isinstance(m, Member) else deflate(m, dynamic[m]) for m in sk.before]
    for k, slide in enumerate(slides, 1):
        members.append(deflate(f"ppt/slides/slide{k}.xml", sk.slide_head + "".join(slide.shapes).encode("utf-8") + sk.slide_tail))
        rels = "".join(f'<Relationship Id="rId{r}" Type="{_RT}chart" Target="../charts/chart{c}.xml"/>'
                       for r, c in enumerate(slide.charts, 2))
        members.append(deflate(f"ppt/slides/_rels/slide{k}.xml.rels", sk.slide_rels_head + rels.encode() + b"</Relationships>"))
        for c in slide.charts:
            members.append(deflate(f"ppt/charts/chart{c}.xml", chart_parts[c - 1].xml))
            members.append(deflate(f"ppt/charts/_rels/chart{c}.xml.rels", _DECL + (
                f'<Relationships xmlns="{_NS_REL}"><Relationship Id="rId1" Type="{_RT}package" '
                f'Target="../embeddings/Microsoft_Excel_Sheet{c}.xlsx"/></Relationships>').encode()))
            members.append(deflate(f"ppt/embeddings/Microsoft_Excel_Sheet{c}.xlsx", chart_parts[c - 1].xlsx))
    members.extend(sk.after)
    return write_zip(members)
