"""Build the bundled slide template ``templates/analysis-slides.pptx`` (run: ``python tools/build_slide_template.py``).

The template is an ordinary PowerPoint file a user may open and edit (View →
Slide Master): the deck (`ita_docs.slides.deck`) takes from it the slide size, the
theme (colours, fonts), the master (a logo put there shows on every slide) and
four slide layouts, found by name:

- ``ITA Title``: the first slide (``ctrTitle`` and ``subTitle`` placeholders);
- ``ITA Title and Content``: a title and a body placeholder (paragraphs, bullets);
- ``ITA Title and Table``: a title and a table placeholder whose box is where
  tables and charts go;
- ``ITA Section``: a section divider (title and body).

Theme: TH Sarabun New (a SIPA national font, Cabinet resolution of 7 Sep 2553)
for the Latin and complex-script (Thai) faces of both theme fonts, with its
PANOSE/pitch family/charset so that a machine without it substitutes a Thai
sans face (Thai charset 222); colours: navy ``1F3864`` (dk2, accent1), light
blue ``DDE6F2`` (lt2, table bands), red ``C00000`` (accent2: below the pass
mark), text ``262626`` (dk1). The deck's runs name no typeface and no RGB
colour, only theme colours, so editing the theme changes every built deck.

Made with python-pptx from its default template; the bytes are reproducible
(fixed core properties, zip entries stamped 2000-01-01): tests/slides/test_slides.py
checks that this script gives the bundled file byte for byte.
"""

from __future__ import annotations

import copy
import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches, Pt

OUT = Path(__file__).resolve().parent.parent / "templates" / "analysis-slides.pptx"
FONT = "TH Sarabun New"
# TH Sarabun New's PANOSE and family: how Office substitutes a missing font.
FONT_ATTRS = {"typeface": FONT, "panose": "020B0500040200020003", "pitchFamily": "34", "charset": "-34"}
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = {"a": A, "p": P}
W, H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
BAND = Inches(1.05)  # the title band of content slides
BODY_Y = Inches(1.3)
BODY = (MARGIN, BODY_Y, W - 2 * MARGIN, H - BODY_Y - Inches(0.3))
COLOURS = {
    "dk1": "262626",
    "lt1": "FFFFFF",
    "dk2": "1F3864",
    "lt2": "DDE6F2",
    "accent1": "1F3864",
    "accent2": "C00000",
    "accent3": "2E75B6",
    "accent4": "70AD47",
    "accent5": "FFC000",
    "accent6": "7F7F7F",
}
LAYOUTS = {0: "ITA Title", 1: "ITA Title and Content", 5: "ITA Title and Table", 2: "ITA Section"}


def _el(xml: str) -> etree._Element:
    return etree.fromstring(
        f'<root xmlns:a="{A}" xmlns:p="{P}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"{xml}</root>"
    )[0]


def _theme(blob: bytes) -> bytes:
    root = etree.fromstring(blob)
    root.set("name", "ITA")
    scheme = root.find(".//a:clrScheme", NS)
    scheme.set("name", "ITA")
    for name, rgb in COLOURS.items():
        slot = scheme.find(f"a:{name}", NS)
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=rgb)
    fonts = root.find(".//a:fontScheme", NS)
    fonts.set("name", "ITA")
    for which in ("majorFont", "minorFont"):
        group = fonts.find(f"a:{which}", NS)
        for tag in ("latin", "cs"):
            el = group.find(f"a:{tag}", NS)
            el.attrib.clear()
            el.attrib.update(FONT_ATTRS)
        thai = group.find("a:font[@script='Thai']", NS)
        thai.set("typeface", FONT)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _xfrm(sp: etree._Element, box: tuple[int, int, int, int]) -> None:
    sppr = sp.find("p:spPr", NS)
    for old in sppr.findall("a:xfrm", NS):
        sppr.remove(old)
    x, y, w, h = box
    sppr.insert(0, _el(f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'))


def _placeholders(tree: etree._Element) -> dict[str, etree._Element]:
    out = {}
    for sp in tree.iterfind(".//p:sp", NS):
        ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if ph is not None:
            out[ph.get("type", "body") + ":" + ph.get("idx", "0")] = sp
    return out


def _level(
    n: int,
    *,
    size: int,
    bullet: str | None,
    indent: int,
    color: str = "tx1",
    bold: bool = False,
    align: str = "l",
) -> str:
    bu = f'<a:buFont typeface="{FONT}"/><a:buChar char="{bullet}"/>' if bullet else "<a:buNone/>"
    mar = f' marL="{indent}" indent="{-Inches(0.35) if bullet else 0}"'
    return (
        f'<a:lvl{n}pPr{mar} algn="{align}" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1">'
        '<a:lnSpc><a:spcPct val="90000"/></a:lnSpc><a:spcBef><a:spcPts val="600"/></a:spcBef>'
        f'{bu}<a:defRPr sz="{Pt(size).centipoints}" b="{int(bold)}" kern="1200">'
        f'<a:solidFill><a:schemeClr val="{color}"/></a:solidFill>'
        f'<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl{n}pPr>'
    )


def _master(prs) -> None:
    master = prs.slide_master._element
    tree = master.find("p:cSld/p:spTree", NS)
    ph = _placeholders(tree)
    _xfrm(ph["title:0"], (MARGIN, 0, W - 2 * MARGIN, BAND))
    _xfrm(ph["body:1"], BODY)
    _xfrm(ph["dt:2"], (MARGIN, H - Inches(0.4), Inches(3), Inches(0.35)))
    _xfrm(ph["ftr:3"], (Inches(4.5), H - Inches(0.4), Inches(4.333), Inches(0.35)))
    _xfrm(ph["sldNum:4"], (W - MARGIN - Inches(2), H - Inches(0.4), Inches(2), Inches(0.35)))
    # the title band, behind the title: the theme's accent 1
    band = _el(
        '<p:sp><p:nvSpPr><p:cNvPr id="7" name="ITA Title Band"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{W}" cy="{BAND}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="accent1"/></a:solidFill>'
        '<a:ln><a:noFill/></a:ln></p:spPr><p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/>'
        '<a:p><a:endParaRPr lang="th-TH"/></a:p></p:txBody></p:sp>'
    )
    tree.insert(2, band)  # after the group properties, under every placeholder
    title_body = ph["title:0"].find("p:txBody/a:bodyPr", NS)
    title_body.set("anchor", "ctr")
    for fit in master.iterfind(
        ".//a:bodyPr/a:normAutofit", NS
    ):  # the deck measures and pages its text itself;
        fit.getparent().remove(fit)  # LibreOffice would shrink text that fits
    styles = master.find("p:txStyles", NS)
    title = styles.find("p:titleStyle", NS)
    title.clear()
    lvl = _level(1, size=36, bullet=None, indent=0, color="bg1", bold=True)
    title.append(_el(lvl.replace('<a:spcBef><a:spcPts val="600"/></a:spcBef>', "")))
    body = styles.find("p:bodyStyle", NS)
    body.clear()
    body.append(_el(_level(1, size=26, bullet=None, indent=0)))
    body.append(_el(_level(2, size=26, bullet="•", indent=Inches(0.45))))
    body.append(_el(_level(3, size=24, bullet="-", indent=Inches(0.9))))
    for n in range(4, 10):
        body.append(_el(_level(n, size=24, bullet="•", indent=Inches(0.45 * (n - 1)))))
    other = styles.find("p:otherStyle", NS)  # tables, text boxes, charts
    for rpr in other.iterfind(".//a:defRPr", NS):
        for tag in ("latin", "ea", "cs"):
            if rpr.find(f"a:{tag}", NS) is None:
                rpr.append(_el(f'<a:{tag} typeface="+mn-{tag[:2] if tag != "latin" else "lt"}"/>'))


def _layouts(prs) -> None:
    keep = [(prs.slide_layouts[i], name) for i, name in LAYOUTS.items()]
    kept = [layout._element for layout, _name in keep]
    for layout in list(prs.slide_layouts):
        if layout._element not in kept:
            prs.slide_layouts.remove(layout)
    for layout, name in keep:
        layout._element.find("p:cSld", NS).set("name", name)
        tree = layout._element.find("p:cSld/p:spTree", NS)
        ph = _placeholders(tree)
        for key, sp in ph.items():
            if key.split(":")[0] in ("dt", "ftr", "sldNum"):
                _xfrm(
                    sp,
                    {
                        "dt": (MARGIN, H - Inches(0.4), Inches(3), Inches(0.35)),
                        "ftr": (Inches(4.5), H - Inches(0.4), Inches(4.333), Inches(0.35)),
                        "sldNum": (W - MARGIN - Inches(2), H - Inches(0.4), Inches(2), Inches(0.35)),
                    }[key.split(":")[0]],
                )
        if name == "ITA Title":
            # the whole slide's band in accent 1 under a white title; the organisation below
            tree.insert(
                2,
                _el(
                    '<p:sp><p:nvSpPr><p:cNvPr id="20" name="ITA Title Band"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
                    f'<p:spPr><a:xfrm><a:off x="0" y="{Inches(1.6)}"/><a:ext cx="{W}" cy="{Inches(3.4)}"/></a:xfrm>'
                    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="accent1"/></a:solidFill>'
                    '<a:ln><a:noFill/></a:ln></p:spPr><p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/>'
                    '<a:p><a:endParaRPr lang="th-TH"/></a:p></p:txBody></p:sp>'
                ),
            )
            layout._element.find("p:cSld", NS).getparent().set("showMasterSp", "0")
            _xfrm(ph["ctrTitle:0"], (MARGIN, Inches(1.7), W - 2 * MARGIN, Inches(3.2)))
            _xfrm(ph["subTitle:1"], (MARGIN, Inches(5.3), W - 2 * MARGIN, Inches(1.5)))
            _text_style(ph["ctrTitle:0"], size=40, color="bg1", bold=True, align="ctr", anchor="ctr")
            _text_style(ph["subTitle:1"], size=36, color="accent1", bold=True, align="ctr", anchor="t")
        elif name == "ITA Section":
            _xfrm(ph["title:0"], (MARGIN, Inches(2.2), W - 2 * MARGIN, Inches(1.6)))
            _xfrm(ph["body:1"], (MARGIN, Inches(3.9), W - 2 * MARGIN, Inches(1.5)))
            _text_style(ph["title:0"], size=44, color="accent1", bold=True, align="ctr", anchor="b")
            _text_style(ph["body:1"], size=28, color="tx1", bold=False, align="ctr", anchor="t")
        elif name == "ITA Title and Content":
            _xfrm(ph["body:1"], BODY)
        else:  # ITA Title and Table: a table placeholder where the body goes
            title = ph["title:0"]
            table = copy.deepcopy(title)
            table.find("p:nvSpPr/p:cNvPr", NS).set("id", "6")
            table.find("p:nvSpPr/p:cNvPr", NS).set("name", "Table Placeholder 5")
            table.find("p:nvSpPr/p:cNvSpPr", NS).append(_el('<a:spLocks noGrp="1"/>')) if table.find(
                "p:nvSpPr/p:cNvSpPr/a:spLocks", NS
            ) is None else None
            ph_el = table.find("p:nvSpPr/p:nvPr/p:ph", NS)
            ph_el.attrib.clear()
            ph_el.attrib.update({"type": "tbl", "sz": "quarter", "idx": "13"})
            table.find("p:txBody", NS).getparent().remove(table.find("p:txBody", NS))
            _xfrm(table, BODY)
            title.addnext(table)


def _text_style(sp: etree._Element, *, size: int, color: str, bold: bool, align: str, anchor: str) -> None:
    body = sp.find("p:txBody", NS)
    body.find("a:bodyPr", NS).set("anchor", anchor)
    lst = body.find("a:lstStyle", NS)
    lst.clear()
    lst.append(
        _el(
            _level(1, size=size, bullet=None, indent=0, color=color, bold=bold, align=align).replace(
                '<a:spcBef><a:spcPts val="600"/></a:spcBef>', ""
            )
        )
    )


def build() -> bytes:
    """The template's bytes (the same every run)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(W), Emu(H)
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    theme._blob = _theme(theme.blob)
    _master(prs)
    _layouts(prs)
    props = prs.core_properties
    props.created = props.modified = datetime(2000, 1, 1)
    props.revision = 1
    props.last_modified_by = props.author = "ita-docs"
    props.title = "ITA analysis slides"
    buf = io.BytesIO()
    prs.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(
                zipfile.ZipInfo(info.filename, (2000, 1, 1, 0, 0, 0)),
                src.read(info.filename),
                zipfile.ZIP_DEFLATED,
            )
    return out.getvalue()


def main() -> None:
    OUT.write_bytes(build())
    print(f"wrote {OUT}")


if __name__ == "__main__":
    sys.exit(main())
