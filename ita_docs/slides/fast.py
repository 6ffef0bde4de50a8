"""The deck written as text: the bytes python-pptx writes for the same deck and template, about ten times sooner.

`FastDeckWriter` has the calls of `ita_docs.slides.writer.DeckWriter` (add a
slide of a layout, fill or drop its placeholders, text boxes, tables, charts,
save) and writes what python-pptx would: each slide's XML as text from the
placeholders python-pptx clones for each layout, and the package around them
from one python-pptx save per template (`ita_docs.slides.skeleton`: the template
without its slides plus one slide per layout, cut where the slides go; parts
compressed once; kept on disk). tests/slides/test_slides.py builds every sample's
deck, a hand-made deck and decks on edited templates both ways and compares the
bytes; a template the skeleton cannot be cut from is drawn by python-pptx
(`skeleton_of` gives None).

python-pptx behaviour this relies on (pinned by that test; the skeleton's own in
`ita_docs.slides.skeleton`): new slides take the first free ``rIdN`` of the
presentation and ``sldId`` 256 up; a new shape's id is the largest id on the slide
plus one, named "TextBox/Table/Chart {id - 1}"; chart parts are numbered in order
(``chartN.xml``, ``Microsoft_Excel_SheetN.xlsx``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..render import charts
from ..render.ooxml import runs_from_markup
from ..render.zip_members import Member, deflate, write_zip
from .drawing import TableSpec, TextPara, clean, table_xml, text_xml
from .package import Box, SlideTemplate
from .skeleton import Skeleton

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
_CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_DECL = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"


def paras_xml(paras: Sequence[TextPara]) -> str:
    """The ``a:p`` elements `ita_docs.slides.writer.fill` makes of ``paras``."""
    out = []
    for para in paras:
        ppr = ""
        if para.level or para.align:
            attrs = (f' lvl="{para.level}"' if para.level else "") + (
                f' algn="{para.align}"' if para.align else ""
            )
            ppr = f"<a:pPr{attrs}/>"
        runs = []
        for run in runs_from_markup(clean(para.text), bold=bool(para.bold)):
            attrs = f' sz="{int(para.size * 100)}"' if para.size is not None else ""
            if run.bold or para.bold is not None:
                attrs += f' b="{int(run.bold)}"'
            attrs += ' lang="th-TH"'
            fill = f'<a:solidFill><a:schemeClr val="{para.color}"/></a:solidFill>' if para.color else ""
            rpr = f"<a:rPr{attrs}>{fill}</a:rPr>" if fill else f"<a:rPr{attrs}/>"
            runs.append(f"<a:r>{rpr}<a:t>{text_xml(run.text)}</a:t></a:r>")
        out.append(f"<a:p>{ppr}{''.join(runs)}</a:p>" if ppr or runs else "<a:p/>")
    return "".join(out)


class _FastSlide:
    __slots__ = ("charts", "layout", "shapes")

    def __init__(self, layout: str, placeholders: list[tuple[str, str]]):
        self.layout = layout
        self.shapes: list[list[Any]] = [[kind, sp] for kind, sp in placeholders]  # [kind or "", XML]
        self.charts: list[int] = []

    def next_id(self) -> int:
        ids = [1] + [int(m) for _k, sp in self.shapes for m in re.findall(r'<p:cNvPr id="(\d+)"', sp)[:1]]
        return max(ids) + 1


class FastDeckWriter:
    """`ita_docs.slides.writer.DeckWriter`'s calls, written as text (see the module's docstring)."""

    def __init__(self, template: SlideTemplate, digits: str, skeleton: Skeleton):
        self.t = template
        self.digits = digits
        self.sk = skeleton
        self.slides: list[_FastSlide] = []
        self.charts: list[charts.ChartPart] = []

    def add(self, layout: str) -> _FastSlide:
        s = _FastSlide(layout, self.sk.placeholders[layout])
        self.slides.append(s)
        return s

    @staticmethod
    def _index(slide: _FastSlide, kind: str) -> int:
        return next(i for i, (k, _sp) in enumerate(slide.shapes) if k == kind)

    def text_in(
        self,
        slide: _FastSlide,
        kind: str,
        paras: Sequence[TextPara],
        box: Box | None = None,
        anchor: str | None = None,
    ) -> None:
        i = self._index(slide, kind)
        sp = slide.shapes[i][1]
        if box is not None:
            x, y, w, h = box
            sp = sp.replace(
                "<p:spPr/>",
                f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm></p:spPr>',
                1,
            )
        anchor_attr = f' anchor="{"ctr" if anchor == "ctr" else "t"}"' if anchor else ""
        sp = sp.replace("<a:bodyPr/>", f'<a:bodyPr wrap="square"{anchor_attr}/>', 1)
        slide.shapes[i][1] = sp.replace("<a:p/>", paras_xml(paras) or "<a:p/>", 1)

    def drop(self, slide: _FastSlide, kind: str) -> None:
        del slide.shapes[self._index(slide, kind)]

    def text_box(self, slide: _FastSlide, box: Box, paras: Sequence[TextPara]) -> None:
        i = slide.next_id()
        x, y, w, h = box
        slide.shapes.append(
            [
                "",
                (
                    f'<p:sp><p:nvSpPr><p:cNvPr id="{i}" name="TextBox {i - 1}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
                    f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom prst="rect">'
                    '<a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="square"><a:noAutofit/></a:bodyPr>'
                    f"<a:lstStyle/>{paras_xml(paras) or '<a:p/>'}</p:txBody></p:sp>"
                ),
            ]
        )

    def table(self, slide: _FastSlide, x: int, y: int, t: TableSpec) -> None:
        xml = table_xml(slide.next_id(), x, y, t)
        slide.shapes.append(
            ["", xml[xml.index(">", xml.index("<p:graphicFrame")) + 1 :].join(["<p:graphicFrame>", ""])]
        )

    def chart(
        self, slide: _FastSlide, box: Box, categories: list[str], values: list[float], *, horizontal: bool
    ) -> None:
        size = min(22.0, max(14.0, self.t.body_size - 4))
        part = charts.slide_chart(
            categories,
            values,
            title="",
            digits=self.digits,
            font=self.t.font,
            horizontal=horizontal,
            font_size=size,
        )
        self.charts.append(part)
        slide.charts.append(len(self.charts))
        i = slide.next_id()
        x, y, w, h = box
        slide.shapes.append(
            [
                "",
                (
                    f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{i}" name="Chart {i - 1}"/><p:cNvGraphicFramePr>'
                    '<a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
                    f'<p:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></p:xfrm><a:graphic>'
                    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
                    '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
                    f'r:id="rId{len(slide.charts) + 1}"/></a:graphicData></a:graphic></p:graphicFrame>'
                ),
            ]
        )

    def save(self) -> bytes:
        sk = self.sk
        n = len(self.slides)
        rids = sk.free_rids[:n]
        sld_ids = "".join(f'<p:sldId id="{256 + k}" r:id="rId{r}"/>' for k, r in enumerate(rids))
        pres_rels = "".join(
            f'<Relationship Id="rId{r}" Type="{_RT}slide" Target="slides/slide{k}.xml"/>'
            for k, r in enumerate(rids, 1)
        )
        defaults, overrides = dict(sk.defaults), dict(sk.overrides)
        overrides.update({f"/ppt/slides/slide{k}.xml": sk.slide_type for k in range(1, n + 1)})
        if self.charts:
            defaults["xlsx"] = _CT_XLSX
            overrides.update({f"/ppt/charts/chart{k}.xml": _CT_CHART for k in range(1, len(self.charts) + 1)})
        types = "".join(
            [
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
                *(f'<Default Extension="{e}" ContentType="{t}"/>' for e, t in sorted(defaults.items())),
                *(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in sorted(overrides.items())),
                "</Types>",
            ]
        )
        sld_lst = f"<p:sldIdLst>{sld_ids}</p:sldIdLst>" if n else ""
        dynamic = {
            "[Content_Types].xml": _DECL + types.encode("utf-8"),
            "ppt/presentation.xml": sk.pres_head + sld_lst.encode() + sk.pres_tail,
            "ppt/_rels/presentation.xml.rels": sk.pres_rels_head + pres_rels.encode() + b"</Relationships>",
        }
        members = [m if isinstance(m, Member) else deflate(m, dynamic[m]) for m in sk.before]
        for k, slide in enumerate(self.slides, 1):
            body = sk.slide_head[slide.layout] + "".join(sp for _k, sp in slide.shapes) + sk.slide_tail
            members.append(deflate(f"ppt/slides/slide{k}.xml", body.encode("utf-8")))
            rels = "".join(
                f'<Relationship Id="rId{r}" Type="{_RT}chart" Target="../charts/chart{c}.xml"/>'
                for r, c in enumerate(slide.charts, 2)
            )
            members.append(
                deflate(
                    f"ppt/slides/_rels/slide{k}.xml.rels",
                    sk.slide_rels[slide.layout] + rels.encode() + b"</Relationships>",
                )
            )
            for c in slide.charts:
                members.append(deflate(f"ppt/charts/chart{c}.xml", self.charts[c - 1].xml))
                members.append(
                    deflate(
                        f"ppt/charts/_rels/chart{c}.xml.rels",
                        _DECL
                        + (
                            f'<Relationships xmlns="{_NS_REL}"><Relationship Id="rId1" Type="{_RT}package" '
                            f'Target="../embeddings/Microsoft_Excel_Sheet{c}.xlsx"/></Relationships>'
                        ).encode(),
                    )
                )
                members.append(
                    deflate(f"ppt/embeddings/Microsoft_Excel_Sheet{c}.xlsx", self.charts[c - 1].xlsx)
                )
        members.extend(sk.after)
        return write_zip(members)
