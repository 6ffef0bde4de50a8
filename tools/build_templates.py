"""Build the bundled Word templates in ``templates/`` (run: ``python tools/build_templates.py``).

The templates are ordinary .docx files a user may open and edit in Word; this
script only makes their first version reproducible. Layout per
``docs/domain.md`` and ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ พ.ศ. ๒๕๒๖: A4,
left margin 3 cm, right 2 cm, TH Sarabun New 16 pt, Thai Distributed body text
with a 2.5 cm first-line indent, page numbers "- ๒ -" centred at the top from
page 2. Everything is built on named styles (prefix "ITA"), so restyling a
document means editing a style.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from ita_docs.render.ooxml import fix_package

FONT = "TH Sarabun New"
OUT = Path(__file__).resolve().parent.parent / "templates"
A4_W, A4_H = Cm(21.0), Cm(29.7)


# --------------------------------------------------------------------------- styles


def _fonts(el, font: str = FONT) -> None:
    rpr = el.get_or_add_rPr() if hasattr(el, "get_or_add_rPr") else el
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, rfonts)
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for a in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{a}"), font)


def _style(
    doc,
    name,
    *,
    base="Normal",
    size=16,
    bold=False,
    align=None,
    first_line=None,
    left=None,
    hanging=None,
    before=0,
    after=0,
    keep_next=False,
    kind=WD_STYLE_TYPE.PARAGRAPH,
    line_at_least=None,
):
    styles = doc.styles
    st = styles[name] if name in [s.name for s in styles] else styles.add_style(name, kind)
    if base:
        st.base_style = styles[base]
    st.quick_style = True
    f = st.font
    f.name = FONT
    _fonts(st.element)
    f.size = Pt(size)
    f.bold = bold
    if kind == WD_STYLE_TYPE.PARAGRAPH:
        pf = st.paragraph_format
        if align is not None:
            pf.alignment = align
        if first_line is not None:
            pf.first_line_indent = Cm(first_line)
        if left is not None:
            pf.left_indent = Cm(left)
        if hanging is not None:
            pf.first_line_indent = -Cm(hanging)
        pf.space_before = Pt(before)
        pf.space_after = Pt(after)
        pf.keep_with_next = keep_next
        if line_at_least:
            from docx.enum.text import WD_LINE_SPACING

            pf.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
            pf.line_spacing = Cm(line_at_least)
    return st


THAI_DIST = "thaiDistribute"


def _jc(style, val: str) -> None:
    ppr = style.element.get_or_add_pPr()
    jc = ppr.find(qn("w:jc"))
    if jc is None:
        jc = parse_xml(f'<w:jc {nsdecls("w")} w:val="{val}"/>')
        ppr.append(jc)
    jc.set(qn("w:val"), val)


def base_document(*, landscape: bool = False):
    """A document with the ITA styles, A4 page setup and the page-number header."""
    doc = Document()
    # Drop the default body paragraph.
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr)
    rpr.find(qn("w:sz")).set(qn("w:val"), "32")
    rpr.find(qn("w:szCs")).set(qn("w:val"), "32")
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:bidi"), "th-TH")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    # Theme fonts in built-in styles would override the Thai font: make them explicit.
    for rf in styles_el.iter(qn("w:rFonts")):
        if any(a.endswith("Theme") or a.endswith("theme") for a in rf.attrib):
            _fonts(rf)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    _fonts(normal.element)
    normal.font.size = Pt(16)

    body_st = _style(doc, "ITA Body", first_line=2.5)
    _jc(body_st, THAI_DIST)
    flush = _style(doc, "ITA Body Flush")
    _jc(flush, THAI_DIST)
    _style(doc, "ITA Title", size=16, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, keep_next=True)
    _style(doc, "ITA Heading 1", bold=True, before=12, after=6, keep_next=True)
    _style(doc, "ITA Heading 2", bold=True, before=6, after=3, keep_next=True, left=0.75)
    _style(doc, "ITA Heading 3", bold=True, before=3, keep_next=True, left=1.25)
    _style(doc, "ITA Center", align=WD_ALIGN_PARAGRAPH.CENTER)
    _style(doc, "ITA Box", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _style(doc, "ITA Caption", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=3, keep_next=True)
    bl = _style(doc, "ITA Bullet", left=3.0, hanging=0.5)
    _jc(bl, THAI_DIST)
    _style(doc, "ITA Table Text", size=14)
    _style(doc, "ITA Table Head", size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _style(doc, "ITA Table Bullet", size=14, left=0.45, hanging=0.45)
    _style(doc, "ITA Header", align=WD_ALIGN_PARAGRAPH.CENTER)
    _style(doc, "ITA Signature", align=WD_ALIGN_PARAGRAPH.CENTER, left=7.5)

    tbl = doc.styles.add_style("ITA Table", WD_STYLE_TYPE.TABLE)
    tbl.base_style = doc.styles["Normal Table"] if "Normal Table" in [s.name for s in doc.styles] else None
    tblpr = tbl.element.find(qn("w:tblPr"))
    if tblpr is None:
        tblpr = parse_xml(f"<w:tblPr {nsdecls('w')}/>")
        tbl.element.append(tblpr)
    tblpr.append(
        parse_xml(
            f"<w:tblBorders {nsdecls('w')}>"
            + "".join(
                f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + "</w:tblBorders>"
        )
    )
    tblpr.append(
        parse_xml(
            f'<w:tblCellMar {nsdecls("w")}><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        )
    )

    sec = doc.sections[0]
    setup_section(sec, landscape=landscape)
    sec.different_first_page_header_footer = True
    add_page_number(sec.header)
    return doc


def setup_section(sec, *, landscape: bool) -> None:
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = A4_H, A4_W
        sec.left_margin = sec.right_margin = Cm(2.0)
        sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(1.5)
    else:
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = A4_W, A4_H
        sec.left_margin, sec.right_margin = Cm(3.0), Cm(2.0)
        sec.top_margin, sec.bottom_margin = Cm(2.5), Cm(2.0)
    sec.header_distance = Cm(1.2)
    sectpr = sec._sectPr
    pg = sectpr.find(qn("w:pgNumType"))
    if pg is None:
        pg = parse_xml(f'<w:pgNumType {nsdecls("w")} w:fmt="thaiNumbers"/>')
        cols = sectpr.find(qn("w:cols"))
        if cols is not None:
            cols.addprevious(pg)
        else:
            sectpr.append(pg)


def add_page_number(header) -> None:
    """Header "- ๒ -": a PAGE field between dashes (digits from the section's pgNumType)."""
    p = header.paragraphs[0]
    p.style = header.part.document.styles["ITA Header"] if hasattr(header.part, "document") else "ITA Header"
    p.add_run("- ")
    for xml in (
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {nsdecls('w')}><w:t>๒</w:t></w:r>",
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        p._p.append(parse_xml(xml))
    p.add_run(" -")


# --------------------------------------------------------------------------- content helpers


def para(doc, text: str = "", style: str = "ITA Body", **kw):
    p = doc.add_paragraph(style=style)
    if text:
        r = p.add_run(text)
        if kw.get("bold"):
            r.bold = True
    return p


def table(
    doc,
    headers: list[str],
    row_cells: list[str],
    widths_cm: list[float],
    *,
    loop: str,
    endloop: str = "{%tr endfor %}",
    cant_split: bool = True,
):
    """A table: a repeating header row, a loop row, and the body row with ``row_cells``.

    ``cant_split`` keeps each body row on one page; turn it off where a row can be
    taller than a page (it would otherwise leave the page before it empty).
    """
    t = doc.add_table(rows=4, cols=len(headers))
    t.style = doc.styles["ITA Table"]
    t.autofit = False
    tblpr = t._tbl.tblPr
    # Fixed layout, at its schema position in w:tblPr (before w:tblLook; `autofit = False` made it).
    tblpr.get_or_add_tblLayout().set(qn("w:type"), "fixed")
    for row in t.rows:
        for i, cell in enumerate(row.cells):
            cell.width = Cm(widths_cm[i])
    # Word and LibreOffice lay out fixed tables by the grid, not the cell widths.
    for col, w in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    head, open_row, body, close_row = t.rows
    for i, h in enumerate(headers):
        c = head.cells[i]
        c.paragraphs[0].style = doc.styles["ITA Table Head"]
        c.paragraphs[0].add_run(h)
    trpr = head._tr.get_or_add_trPr()
    trpr.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
    trpr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    open_row.cells[0].paragraphs[0].add_run(loop)
    close_row.cells[0].paragraphs[0].add_run(endloop)
    if cant_split:
        body._tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
    for i, text in enumerate(row_cells):
        p = body.cells[i].paragraphs[0]
        p.style = doc.styles["ITA Table Text"]
        p.add_run(text)
    return t


def landscape_section(doc):
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    setup_section(sec, landscape=True)
    sec.different_first_page_header_footer = False
    return sec


def save(doc, name: str) -> Path:
    buf = io.BytesIO()
    doc.save(buf)
    import zipfile

    # Drop the default thumbnail (an English preview) and its relationship.
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "docProps/thumbnail.jpeg":
                continue
            data = src.read(info.filename)
            if info.filename == "_rels/.rels":
                import re

                data = re.sub(rb"<Relationship[^>]*thumbnail[^>]*/>", b"", data)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b'<Default Extension="jpeg" ContentType="image/jpeg"/>', b"")
            dst.writestr(info, data)
    path = OUT / f"{name}.docx"
    path.write_bytes(fix_package(out.getvalue()))
    return path


# --------------------------------------------------------------------------- templates

MEASURE_HEADERS = ["มาตรการ/แนวทาง", "ขั้นตอน/วิธีการปฏิบัติ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "การติดตามผล"]
MEASURE_CELLS = [
    "{{p m.title }}",
    "{{p m.steps }}",
    "{{p m.responsible }}",
    "{{p m.period }}",
    "{{p m.follow_up }}",
]
MEASURE_WIDTHS = [4.2, 9.0, 4.0, 3.5, 5.0]


def analysis_report():
    """The analysis report (seed 002's structure). Section numbers are computed (``num``) and a
    section with nothing to print drops its heading (``show``): see ita_docs/documents/analysis_report.py."""
    doc = base_document()
    _style(doc, "ITA Chart", align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=6)
    para(doc, "{{p title }}", "ITA Title")
    para(doc, "", "ITA Center")
    para(doc, "{%p if show.introduction %}", "ITA Body Flush")
    para(doc, "{{p introduction }}")
    para(doc, "{%p endif %}", "ITA Body Flush")
    para(doc, "{%p if show.principles %}", "ITA Body Flush")
    para(doc, "{{ num.principles }} หลักการและเหตุผล", "ITA Heading 1")
    para(doc, "{{p principles }}")
    para(doc, "{%p endif %}", "ITA Body Flush")
    para(
        doc,
        "{{ num.results }} ผลคะแนนการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น ประจำปีงบประมาณ พ.ศ. {{ year|fiscal_digits }}",
        "ITA Heading 1",
    )
    para(doc, "{{ num.scores }} คะแนนผลการประเมิน", "ITA Heading 2")
    para(doc, "{%p if show.results_intro %}", "ITA Body Flush")
    para(doc, "{{p results_intro }}")
    para(doc, "{%p endif %}", "ITA Body Flush")
    # The score box stays with the table under it.
    for text, style in (
        ("", "ITA Center"),
        ("รายงานผลการประเมิน ประจำปีงบประมาณ {{ year|fiscal_digits }}", "ITA Box"),
        ("คะแนนการประเมินหน่วยงาน{{ org.name }} : {{ overall }} คะแนน", "ITA Box"),
        ("ระดับผลการประเมิน : {{ level }}", "ITA Box"),
    ):
        para(doc, text, style).paragraph_format.keep_with_next = True
    para(doc, "{%p if show.tools %}", "ITA Center")
    para(doc, "คะแนนรายเครื่องมือการประเมิน", "ITA Caption")
    tools = table(
        doc,
        ["เครื่องมือ", "คะแนน (เต็ม ๑๐๐)", "น้ำหนัก (ร้อยละ)", "คะแนนถ่วงน้ำหนัก"],
        ["{{ t.label }}", "{{ t.score }}", "{{ t.weight }}", "{{ t.weighted }}"],
        [6.0, 3.5, 3.0, 3.5],
        loop="{%tr for t in tools %}",
    )
    _centre_columns(tools, (1, 2, 3))  # scores are centred in every score table
    para(doc, "{%p endif %}", "ITA Center")
    para(doc, "{%p if show.ranking %}", "ITA Center")
    para(doc, "{{ ranking_title }}", "ITA Caption")
    ranked = table(
        doc,
        ["อันดับ", "ตัวชี้วัด", "คะแนน"],
        ["{{ r.rank }}", "{{ r.name }}", "{{ r.score }}"],
        [2.0, 10.0, 4.0],
        loop="{%tr for r in ranking %}",
    )
    _centre_columns(ranked, (0, 2))
    para(doc, "{%p endif %}", "ITA Center")
    para(doc, "{%p if show.indicator_table %}", "ITA Center")
    para(doc, "", "ITA Center")
    para(doc, "คะแนนรายตัวชี้วัด", "ITA Caption")
    indicator_table = table(
        doc,
        ["ที่", "ตัวชี้วัด", "เครื่องมือ", "คะแนน"],
        ["{{ r.number }}", "{{ r.name }}", "{{ r.tool }}", "{{ r.score }}"],
        [1.5, 9.5, 2.0, 3.0],
        loop="{%tr for r in indicator_rows %}",
    )
    _centre_columns(indicator_table, (0, 2, 3))
    para(doc, "{%p endif %}", "ITA Center")
    para(doc, "{%p if show.ranking_note %}", "ITA Center")
    para(doc, "{{p ranking_note }}")
    para(doc, "{%p endif %}", "ITA Center")
    para(doc, "{%p for ch in charts %}", "ITA Center")
    para(doc, "{{ ch }}", "ITA Chart")
    para(doc, "{%p endfor %}", "ITA Center")
    para(doc, "{%p if show.recommendations %}", "ITA Body Flush")
    para(
        doc,
        "{{ num.recommendations }} ข้อเสนอแนะ/หมายเหตุ จากรายงานผลประเมิน ITA ประจำปีงบประมาณ พ.ศ. {{ year|fiscal_digits }}",
        "ITA Heading 2",
    )
    para(doc, "{{p recommendations }}")
    para(doc, "{%p endif %}", "ITA Body Flush")
    para(doc, "{%p if show.analysis %}", "ITA Body Flush")
    para(doc, "{{ num.analysis }} ผลการวิเคราะห์ผลการประเมิน", "ITA Heading 1")
    para(doc, "{%p if show.analysis_intro %}", "ITA Body Flush")
    para(doc, "{{p analysis_intro }}")
    para(doc, "{%p endif %}", "ITA Body Flush")
    para(doc, "{%p if show.strengths %}", "ITA Body Flush")
    para(doc, "{{ num.strengths }} วิเคราะห์ประเด็นที่เป็นจุดแข็ง", "ITA Heading 2")
    para(doc, "{{p strengths }}")
    para(doc, "{%p endif %}", "ITA Body Flush")
    para(doc, "{%p if show.weaknesses %}", "ITA Body Flush")
    para(doc, "{{ num.weaknesses }} วิเคราะห์ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่จะต้องแก้ไขโดยด่วน", "ITA Heading 2")
    para(doc, "{{p weaknesses }}")
    para(doc, "{%p endif %}", "ITA Body Flush")
    para(doc, "{%p if show.improvements %}", "ITA Body Flush")
    para(doc, "{{ num.improvements }} วิเคราะห์ประเด็นที่จะต้องพัฒนาให้ดีขึ้น", "ITA Heading 2")
    para(doc, "{{p improvements }}")
    para(doc, "{%p endif %}", "ITA Body Flush")
    para(doc, "{%p if show.conclusion %}", "ITA Body Flush")
    para(doc, "{{p conclusion }}")
    para(doc, "{%p endif %}", "ITA Body Flush")
    para(doc, "{%p endif %}", "ITA Body Flush")
    # The measures (landscape) start with their own heading and introduction: left in the portrait
    # section they would stand alone on a mostly empty page before the section break.
    landscape_section(doc)
    para(doc, "{%p if show.next_year %}", "ITA Body Flush")
    para(
        doc,
        "{{ num.next_year }} ข้อเสนอแนะมาตรการ/แนวทางดำเนินการเพื่อการยกระดับผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {{ fiscal_year|fiscal_digits }}",
        "ITA Heading 1",
    )
    para(doc, "{{p next_intro }}")
    para(doc, "{%p endif %}", "ITA Body Flush")
    para(doc, "{{p next_heading }}")
    para(doc, "{%p for g in groups %}", "ITA Body Flush")
    para(doc, "{{p g.title }}")
    table(doc, MEASURE_HEADERS, MEASURE_CELLS, MEASURE_WIDTHS, loop="{%tr for m in g.rows %}")
    para(doc, "{%p endfor %}", "ITA Body Flush")
    return save(doc, "analysis-report")


def measures_plan():
    doc = base_document(landscape=True)
    para(doc, "{{p title }}", "ITA Title")
    para(doc, "", "ITA Center")
    para(doc, "{{p heading }}")
    para(doc, "{{p goal }}")
    para(doc, "{%p for g in groups %}", "ITA Body Flush")
    para(doc, "{{p g.title }}")
    table(
        doc,
        ["มาตรการ/แนวทาง", "วิธีดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "การติดตามผล"],
        MEASURE_CELLS,
        MEASURE_WIDTHS,
        loop="{%tr for m in g.rows %}",
    )
    para(doc, "{%p endfor %}", "ITA Body Flush")
    para(doc, "{{p after }}")
    return save(doc, "measures-plan")


def measures_results():
    doc = base_document(landscape=True)
    para(doc, "{{p cover }}", "ITA Title")
    para(doc, "{{p title }}", "ITA Title")
    para(doc, "", "ITA Center")
    para(doc, "{{p introduction }}")
    para(doc, "{{p table_title }}", "ITA Title")
    table(
        doc,
        [
            "ที่",
            "มาตรการ/โครงการ/กิจกรรม",
            "ขั้นตอน/วิธีการปฏิบัติ",
            "ระยะเวลาดำเนินการ",
            "ผู้รับผิดชอบ",
            "ผลการดำเนินการ",
            "ผลลัพธ์/ผลสัมฤทธิ์ในการดำเนินการ",
        ],
        [
            "{{ m.number }}",
            "{{p m.title }}",
            "{{p m.steps }}",
            "{{p m.period }}",
            "{{p m.responsible }}",
            "{{p m.outputs }}",
            "{{p m.outcome }}",
        ],
        [1.0, 3.6, 5.2, 2.9, 2.9, 5.4, 4.7],
        loop="{%tr for m in rows %}",
        cant_split=False,
    )
    para(doc, "{{p after }}")
    return save(doc, "measures-results")


def memo():
    doc = base_document()
    sec = doc.sections[0]
    sec.top_margin = Cm(1.5)
    text_w = 16.0  # cm between the margins (21 - 3 - 2)
    from docx.enum.text import WD_TAB_ALIGNMENT

    _style(doc, "ITA Memo Title", size=29, bold=True, line_at_least=1.5)
    _style(doc, "ITA Memo Field", size=16)
    _style(doc, "ITA Memo Label", size=20, bold=True, kind=WD_STYLE_TYPE.CHARACTER, base=None)
    _style(doc, "ITA Memo Value", size=16, kind=WD_STYLE_TYPE.CHARACTER, base=None)
    # Heading line: emblem at the left, "บันทึกข้อความ" centred on the text width.
    p = para(doc, "", "ITA Memo Title")
    p.paragraph_format.tab_stops.add_tab_stop(Cm(text_w / 2), WD_TAB_ALIGNMENT.CENTER)
    p.add_run("{{ emblem }}")
    p.add_run("\tบันทึกข้อความ")

    def field_line(label: str, value: str, *, tabs: list[tuple[float, str]]):
        fp = para(doc, "", "ITA Memo Field")
        for pos, kind in tabs:
            fp.paragraph_format.tab_stops.add_tab_stop(
                Cm(pos), WD_TAB_ALIGNMENT.RIGHT if kind == "right" else WD_TAB_ALIGNMENT.LEFT
            )
        fp.add_run(label, style="ITA Memo Label")
        for piece in value.split("|"):
            if piece.startswith("@"):
                fp.add_run(piece[1:], style="ITA Memo Label")
                continue
            r = fp.add_run(piece, style="ITA Memo Value")
            r.font.underline = 3  # WD_UNDERLINE.DOTTED
        return fp

    field_line("ส่วนราชการ", "  {{ unit }}\t", tabs=[(text_w, "right")])
    field_line("ที่", "  {{ number }}\t|@วันที่|  {{ date }}\t", tabs=[(7.5, "left"), (text_w, "right")])
    field_line("เรื่อง", "  {{ subject }}\t", tabs=[(text_w, "right")])
    para(doc, "", "ITA Body Flush")
    para(doc, "{{p salutation }}", "ITA Body Flush")
    para(doc, "{{p attachments }}", "ITA Body Flush")
    para(doc, "{{p body }}")
    para(doc, "{{p closing }}")
    for _ in range(2):  # room for the signature, kept with it
        para(doc, "", "ITA Body Flush").paragraph_format.keep_with_next = True
    para(doc, "{{p signature }}", "ITA Signature")
    para(doc, "{{p endorsements }}", "ITA Body Flush")
    return save(doc, "memo")


def distribution_list():
    doc = base_document()
    para(doc, "{{ org.name }}", "ITA Title")
    para(doc, "แบบฟอร์ม", "ITA Center")
    para(doc, "รายการแจกจ่ายเอกสาร", "ITA Title")
    para(doc, "เริ่มใช้ครั้งที่ {{ first_use }}", "ITA Body Flush")
    para(doc, "แก้ไขครั้งที่ {{ revision }}", "ITA Body Flush")
    para(doc, "วันที่ {{ date }}", "ITA Body Flush")
    para(doc, "", "ITA Body Flush")
    # The document's description is one cell merged down the rows (docxtpl's {% vm %}), not a line per row.
    t = table(
        doc,
        ["ลำดับที่", "ชื่อเอกสาร", "ชื่อหน่วยงานที่รับเอกสารแจกจ่าย", "ผู้รับ", "วันที่รับเอกสาร"],
        ["{{ r.number }}", "{% vm %}{{ document }}", "{{ r.unit }}", "", "{{ r.received }}"],
        [1.4, 5.6, 4.6, 2.2, 2.2],
        loop="{%tr for r in rows %}",
    )
    _centre_columns(t, (0, 4))
    return save(doc, "distribution-list")


def minutes():
    """Minutes (รายงานการประชุม), docs/domain.md "Minutes": the parts are built by ita_docs/documents/minutes.py (and minutes_parts.py)."""
    doc = base_document()
    # Page numbers start at 1 after an optional cover section (the cover itself has none).
    doc.sections[0]._sectPr.find(qn("w:pgNumType")).set(qn("w:start"), "1")
    _style(doc, "ITA Minutes Label", bold=True, before=6, keep_next=True)
    _style(doc, "ITA Cover", size=24, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    para(doc, "{{p cover }}", "ITA Cover")
    para(doc, "{{p heading }}", "ITA Title")
    para(doc, "------------------------------------", "ITA Center")
    para(doc, "ผู้มาประชุม", "ITA Minutes Label")
    para(doc, "{{p present }}", "ITA Body Flush")
    para(doc, "ผู้ไม่มาประชุม", "ITA Minutes Label")
    para(doc, "{{p absent }}", "ITA Body Flush")
    para(doc, "ผู้เข้าร่วมประชุม", "ITA Minutes Label")
    para(doc, "{{p attendees }}", "ITA Body Flush")
    para(doc, "{%p if start %}", "ITA Body Flush")
    para(doc, "เริ่มประชุมเวลา {{ start }}", "ITA Minutes Label")
    para(doc, "{%p endif %}", "ITA Body Flush")
    para(doc, "{{p opening }}")
    para(doc, "{{p agenda }}", "ITA Body Flush")
    para(doc, "{%p if end %}", "ITA Body Flush")
    para(doc, "ปิดประชุมเวลา {{ end }}", "ITA Minutes Label")
    para(doc, "{%p endif %}", "ITA Body Flush")
    para(doc, "{{p signatures }}", "ITA Body Flush")
    return save(doc, "minutes")


def _centre_columns(t, columns: tuple[int, ...]) -> None:
    """Centre the body cells of ``columns`` (numbers) in a table made by `table` (row 2 is the body)."""
    for i in columns:
        t.rows[2].cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def oit_followup():
    """The OIT follow-up checklist (docs/domain.md): one row per OIT item, then the counts per status."""
    doc = base_document(landscape=True)
    para(doc, "{{p title }}", "ITA Title")
    para(doc, "", "ITA Center")
    # The checklist (the columns the content chooses, or those it fills) and the status summary,
    # built by ita_docs/documents/computed.py as in minutes; `rows` and `summary` stay in the
    # context for templates that lay the tables out themselves.
    para(doc, "{{p checklist }}", "ITA Body Flush")
    return save(doc, "oit-followup")


def publish_index():
    """The publishing index (ita_docs/documents/publish_index.py): one page, portrait; one row per
    document: ITA year, OIT item, its title that year, the document, its file names."""
    doc = base_document()
    _style(doc, "ITA Note", size=14, after=2)
    para(doc, "{{ title }}", "ITA Title")
    para(doc, "{{ subtitle }}", "ITA Center")
    para(doc, "", "ITA Center")
    t = table(
        doc,
        ["ITA ปี", "ข้อ", "ชื่อข้อ OIT ของปีนั้น", "เอกสาร", "ชื่อไฟล์"],
        ["{{ r.year }}", "{{ r.item }}", "{{ r.item_title }}", "{{ r.document }}", "{{ r.files }}"],
        [1.7, 1.7, 3.9, 5.0, 3.7],
        loop="{%tr for r in rows %}",
    )
    _centre_columns(t, (0, 1))
    para(doc, "", "ITA Note")
    para(doc, "{%p for n in notes %}", "ITA Note")
    para(doc, "{{ n }}", "ITA Note")
    para(doc, "{%p endfor %}", "ITA Note")
    return save(doc, "publish-index")


def main(out: Path | None = None) -> list[Path]:
    """Write every template into ``out`` (default: the bundled ``templates/``); the paths written."""
    global OUT
    saved = OUT
    OUT = out or saved
    OUT.mkdir(exist_ok=True)
    try:
        return [build() for build in BUILDERS]
    finally:
        OUT = saved


# Every template builder, in order.
BUILDERS = (
    analysis_report,
    measures_plan,
    measures_results,
    memo,
    distribution_list,
    minutes,
    oit_followup,
    publish_index,
)

if __name__ == "__main__":
    for path in main():
        print("wrote", path)
