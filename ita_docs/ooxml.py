"""All raw WordprocessingML (OOXML) handling of ita-docs, kept apart from domain code.

Two jobs:

1. **Build** paragraph and table XML for rich content (`Para`, `Run`,
   `paragraphs_xml`, `table_xml`), inserted into docxtpl templates with
   ``{{p var}}``. Inline markup ``**bold**`` becomes bold runs.
2. **Fix** a rendered package so Thai text behaves in Word (`fix_package`), and
   **audit** a package for the same rules (`audit_package`). The rules are
   those of ``shared/domain.md`` ("Thai text inside .docx"):

   1. ``word/settings.xml`` declares compatibilityMode 15 exactly once;
   2. runs holding Thai carry ``<w:cs/>`` and ``<w:lang w:bidi="th-TH"/>``;
   3. no ``<w:noProof/>``;
   4. no word split across adjacent runs with identical formatting (runs with
      identical properties are merged);
   5. every Latin property has its complex-script twin (``rFonts/@w:cs``,
      ``szCs``, ``bCs``, ``iCs``) in runs, styles and numbering;
   6. property elements in schema order; no zero-width/invisible characters.

Sizes in WordprocessingML are half-points (16 pt = ``w:sz w:val="32"``);
lengths are twentieths of a point (twips: 1 cm = 567 twips).
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
NSMAP = {"w": W_NS}
WORD_URI = "http://schemas.microsoft.com/office/word"

THAI = re.compile("[\u0e00-\u0e7f]")
SYMBOL_FONTS = {"Symbol", "Wingdings", "Wingdings 2", "Wingdings 3", "Webdings"}
PUA = re.compile("[\uf000-\uf0ff]")  # Symbol-font code points used by Word's default bullets
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f]")
BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)

# Child order of w:rPr (CT_RPr, EG_RPrBase) and w:pPr (CT_PPrBase), ECMA-376 Part 1, 17.3.2.28 / 17.3.1.26.
RPR_ORDER = [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
    "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange",
]
PPR_ORDER = [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
]
TWINS = {"b": "bCs", "i": "iCs", "sz": "szCs"}
# Settings children that must come after w:compat (CT_Settings sequence).
AFTER_COMPAT = [
    "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
]


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


# =========================================================================== building


@dataclass
class Run:
    """A run of text; ``bold`` sets both w:b and w:bCs. ``br`` ends it with a line break."""

    text: str
    bold: bool = False
    br: bool = False


@dataclass
class Para:
    """One paragraph: a style id, runs, and optional direct properties.

    ``jc`` is a justification (``center``, ``thaiDistribute``...); ``first_line``
    / ``left`` / ``hanging`` indents are in twips (567 per cm); ``keep_next``
    keeps it with the next paragraph.
    """

    style: str
    runs: list[Run] = field(default_factory=list)
    jc: str | None = None
    first_line: int | None = None
    left: int | None = None
    hanging: int | None = None
    keep_next: bool = False
    page_break_before: bool = False
    tabs: list[tuple[str, int, str]] = field(default_factory=list)


def runs_from_markup(text: str, *, bold: bool = False) -> list[Run]:
    """Split ``**bold**`` markup into runs; everything else is literal text.

    >>> [(r.text, r.bold) for r in runs_from_markup("ได้ **๘๕.๘๕** คะแนน")]
    [('ได้ ', False), ('๘๕.๘๕', True), (' คะแนน', False)]
    """
    runs: list[Run] = []
    pos = 0
    for m in BOLD.finditer(text):
        if m.start() > pos:
            runs.append(Run(text[pos : m.start()], bold))
        runs.append(Run(m.group(1), True))
        pos = m.end()
    if pos < len(text):
        runs.append(Run(text[pos:], bold))
    return runs


def _run_xml(run: Run) -> str:
    props = "<w:b/><w:bCs/>" if run.bold else ""
    cs = bool(THAI.search(run.text))
    if cs:
        props += '<w:cs/><w:lang w:bidi="th-TH"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    # a tab ends the run, as docxtpl's resolve_listing would make it of a tab in the text
    tab = f'</w:t></w:r><w:r>{rpr}<w:tab/></w:r><w:r>{rpr}<w:t xml:space="preserve">'
    parts = []
    for i, line in enumerate(run.text.split("\n")):
        if i:
            parts.append("<w:br/>")
        if line:
            parts.append(f'<w:t xml:space="preserve">{escape(INVISIBLE.sub("", line)).replace(chr(9), tab)}</w:t>')
    if run.br:
        parts.append("<w:br/>")
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def paragraph_xml(p: Para) -> str:
    """The ``<w:p>`` XML of one `Para`, properties in schema order."""
    ppr = f'<w:pStyle w:val="{p.style}"/>'
    if p.keep_next:
        ppr += "<w:keepNext/>"
    if p.page_break_before:
        ppr += "<w:pageBreakBefore/>"
    if p.tabs:
        ppr += "<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:leader="{ld}" w:pos="{pos}"/>' for v, pos, ld in p.tabs) + "</w:tabs>"
    ind = ""
    if p.left is not None:
        ind += f' w:left="{p.left}"'
    if p.first_line is not None:
        ind += f' w:firstLine="{p.first_line}"'
    if p.hanging is not None:
        ind += f' w:hanging="{p.hanging}"'
    if ind:
        ppr += f"<w:ind{ind}/>"
    if p.jc:
        ppr += f'<w:jc w:val="{p.jc}"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{''.join(_run_xml(r) for r in p.runs)}</w:p>"


def parts_xml(parts: list[Para | str]) -> str:
    """Paragraphs (`Para`) and raw XML strings (tables) joined in order."""
    return "".join(p if isinstance(p, str) else paragraph_xml(p) for p in parts)


def table_xml(
    header: list[str], rows: list[list[str]], *, style: str, cell_style: str, widths: list[int], align: list[str | None] | None = None
) -> str:
    """A bordered table (``style`` is a table style id) with a repeating header row.

    ``widths`` are column widths in twips. Cell text may use ``**bold**``.
    ``align`` gives a body column's justification (``center`` for numbers; None
    keeps the style's); header cells are centred.
    """
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)

    def row(cells: list[str], head: bool) -> str:
        trpr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if head else "<w:trPr><w:cantSplit/></w:trPr>"
        tcs = []
        for i, text in enumerate(cells):
            w = widths[i] if i < len(widths) else widths[-1]
            jc = "center" if head else (align[i] if align and i < len(align) else None)
            paras = "".join(
                paragraph_xml(Para(cell_style, runs_from_markup(line, bold=head), jc=jc))
                for line in (text.split("\n") if text else [""])
            )
            tcs.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{paras}</w:tc>')
        return f"<w:tr>{trpr}{''.join(tcs)}</w:tr>"

    body = (row(header, True) if header else "") + "".join(row(r, False) for r in rows)
    tblpr = f'<w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
    return f"<w:tbl>{tblpr}<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def grid_xml(
    rows: list[list[list[Para | str]]],
    widths: list[int],
    *,
    borders: bool = True,
    cant_split: bool = False,
) -> str:
    """A table whose cells hold paragraphs (`Para`) and nested tables (raw XML strings).

    ``rows[r][c]`` is the content of one cell; ``widths`` are column widths in
    twips (567 per cm); a row with fewer cells than columns has its last cell
    span the remaining columns. ``borders=False`` draws no lines (the two-column
    speaker layout of minutes, signature blocks); ``cant_split`` keeps each
    row on one page.
    Every cell ends with a paragraph, as WordprocessingML requires.
    """
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = []
    trpr = "<w:trPr><w:cantSplit/></w:trPr>" if cant_split else ""
    for cells in rows:
        tcs = []
        for c, parts in enumerate(cells):
            last = c == len(cells) - 1
            span = len(widths) - c if last else 1
            w = sum(widths[c:]) if last else widths[c]
            body = parts_xml(parts)
            if not parts or isinstance(parts[-1], str):
                body += paragraph_xml(Para(parts[0].style if parts and isinstance(parts[0], Para) else "Normal"))
            grid_span = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
            tcs.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{grid_span}</w:tcPr>{body}</w:tc>')
        out.append(f"<w:tr>{trpr}{''.join(tcs)}</w:tr>")
    tblpr = f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
    if not borders:
        sides = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        tblpr += f"<w:tblBorders>{sides}</w:tblBorders>"
    tblpr += '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="113" w:type="dxa"/></w:tblCellMar>' if not borders else '<w:tblLayout w:type="fixed"/>'
    tblpr += '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(out)}</w:tbl>"


def cover_section_xml() -> str:
    """A paragraph that ends a cover section: A4 portrait, margins 3/2 cm, text centred
    vertically on the page, no header (no page number); the next section starts a new page.

    Lengths in twips: A4 is 11906 x 16838; margins top 1418, right 1134, bottom 1134,
    left 1701 (2.5, 2, 2, 3 cm), as the templates' portrait sections.
    """
    return (
        '<w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1418" w:right="1134" w:bottom="1134" w:left="1701" w:header="680" w:footer="709" w:gutter="0"/>'
        '<w:cols w:space="708"/><w:vAlign w:val="center"/></w:sectPr></w:pPr></w:p>'
    )


class Xml:
    """Raw XML for docxtpl: ``{{p value}}`` replaces the whole template paragraph with it.

    Autoescaping leaves it alone because it implements ``__html__``. An empty
    `Xml` still yields one empty paragraph, so the document stays valid.
    """

    def __init__(self, xml: str = "", style: str = "Normal"):
        self.xml = xml or paragraph_xml(Para(style))

    def __html__(self) -> str:
        return self.xml

    def __str__(self) -> str:
        return self.xml


# =========================================================================== fixing
#
# The fixer visits every element of a part: it walks children once and compares
# whole tags, rather than calling lxml's ``find`` (a namespace lookup per call).

_W_T, _W_R, _W_RPR, _W_PPR, _W_CS, _W_LANG = (f"{W}{n}" for n in ("t", "r", "rPr", "pPr", "cs", "lang"))
_W_NOPROOF, _W_RFONTS, _W_INSTR = f"{W}noProof", f"{W}rFonts", f"{W}instrText"
_TWIN_TAGS = [(f"{W}{latin}", f"{W}{twin}") for latin, twin in TWINS.items()]
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _tag_local(tag: object) -> str:
    """`_local` of an element whose tag is ``tag`` ("" for comments and processing instructions)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _rpr_fix(rpr: etree._Element, cs_font: str) -> None:
    children = list(rpr)
    tags = [c.tag for c in children]
    if _W_NOPROOF in tags:
        for c, tag in zip(children, tags):
            if tag == _W_NOPROOF:
                rpr.remove(c)
        children = list(rpr)
        tags = [c.tag for c in children]
    first: dict[object, etree._Element] = {}
    for c, tag in zip(children, tags):
        if tag not in first:
            first[tag] = c
    for latin, twin in _TWIN_TAGS:
        el = first.get(latin)
        if el is not None and twin not in first:
            new = first[twin] = etree.SubElement(rpr, twin)
            for k, v in el.attrib.items():
                new.set(k, v)
            children.append(new)
            tags.append(twin)
    fonts = first.get(_W_RFONTS)
    if fonts is not None:
        get = fonts.get
        if get(f"{W}cs") is None and get(f"{W}cstheme") is None:
            fonts.set(f"{W}cs", get(f"{W}ascii") or get(f"{W}hAnsi") or cs_font)
        if get(f"{W}ascii") is None and get(f"{W}asciiTheme") is None and get(f"{W}cs"):
            fonts.set(f"{W}ascii", get(f"{W}cs"))
            fonts.set(f"{W}hAnsi", get(f"{W}cs"))
    _sort(rpr, RPR_ORDER, children, tags)


# Child order of table, row, cell and section properties: the sequences of the
# WordprocessingML schema, ECMA-376 Part 1 (the complex types named below, in
# wml.xsd). A tuple is a choice group, whose members may come in any order among
# themselves. Elements a list does not know go just before the trailing
# ``*Change`` (revision) element, which always stays last.
TBLPR_ORDER: list[str | tuple[str, ...]] = [  # CT_TblPr = CT_TblPrBase + tblPrChange (17.4.60)
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc",
    "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
    "tblDescription", "tblPrChange",
]
TBLPREX_ORDER: list[str | tuple[str, ...]] = [  # CT_TblPrEx = CT_TblPrExBase + tblPrExChange
    "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
    "tblPrExChange",
]
TRPR_ORDER: list[str | tuple[str, ...]] = [  # CT_TrPr: CT_TrPrBase is a choice (any order), then ins, del, trPrChange
    ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight", "tblHeader",
     "tblCellSpacing", "jc", "hidden"),
    "ins", "del", "trPrChange",
]
TCPR_ORDER: list[str | tuple[str, ...]] = [  # CT_TcPr = CT_TcPrBase + EG_CellMarkupElements (choice) + tcPrChange
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
    "tcFitText", "vAlign", "hideMark", "headers", ("cellIns", "cellDel", "cellMerge"), "tcPrChange",
]
SECTPR_ORDER: list[str | tuple[str, ...]] = [  # CT_SectPr: EG_HdrFtrReferences (choice), EG_SectPrContents, sectPrChange
    ("headerReference", "footerReference"), "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
    "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection",
    "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
]
PROPERTY_ORDERS: dict[str, list[str | tuple[str, ...]]] = {
    "tblPr": TBLPR_ORDER, "tblPrEx": TBLPREX_ORDER, "trPr": TRPR_ORDER, "tcPr": TCPR_ORDER, "sectPr": SECTPR_ORDER,
}
_RANKS: dict[int, tuple[list, dict[str, float], float]] = {}  # by id(order), with the list itself
_TAG_RANKS: dict[int, tuple[list, dict[object, float], frozenset[str]]] = {}  # by id(order): rank by whole tag, plain entries


def _ranks(order: list[str | tuple[str, ...]]) -> tuple[dict[str, float], float]:
    """Rank of each child name in ``order`` (members of a choice group share one) and the rank of an unknown child."""
    cached = _RANKS.get(id(order))
    if cached is None or cached[0] is not order:
        rank: dict[str, float] = {}
        for i, entry in enumerate(order):
            for child in (entry,) if isinstance(entry, str) else entry:
                rank[child] = i
        last = order[-1]
        unknown = len(order) - 1.5 if isinstance(last, str) and last.endswith("Change") else float(len(order))
        cached = _RANKS[id(order)] = (order, rank, unknown)
    return cached[1], cached[2]


def _tag_ranks(order: list[str | tuple[str, ...]]) -> tuple[dict[object, float], frozenset[str]]:
    """`_ranks` by whole tag (filled as tags are met), and the names ``order`` allows once (not in a choice group)."""
    cached = _TAG_RANKS.get(id(order))
    if cached is None or cached[0] is not order:
        cached = _TAG_RANKS[id(order)] = (order, {}, frozenset(e for e in order if isinstance(e, str)))
    return cached[1], cached[2]


def _rank_list(tags: list[object], order: list[str | tuple[str, ...]]) -> list[float]:
    table, _ = _tag_ranks(order)
    out = []
    for tag in tags:
        r = table.get(tag)
        if r is None:
            rank, unknown = _ranks(order)
            r = table[tag] = rank.get(_tag_local(tag), unknown)
        out.append(r)
    return out


def _sort(
    el: etree._Element, order: list[str | tuple[str, ...]], children: list | None = None, tags: list | None = None
) -> None:
    """Put the children of ``el`` in schema ``order`` (stable: equal ranks keep their order).

    ``children`` (and their ``tags``), when given, are ``list(el)`` already.
    """
    if children is None:
        children = list(el)
    ranks = _rank_list([c.tag for c in children] if tags is None else tags, order)
    if ranks == sorted(ranks):
        return
    ordered = [c for _, c in sorted(zip(ranks, children), key=lambda pair: pair[0])]
    for c in children:
        el.remove(c)
    el.extend(ordered)


def _drop_duplicates(el: etree._Element, order: list[str | tuple[str, ...]], children: list | None = None) -> bool:
    """Remove a child identical to an earlier one where the schema allows one only (not in a choice group).

    Identical children share a name, so only a repeated name is serialized and
    compared. Returns whether a child was removed.
    """
    _, single = _tag_ranks(order)
    children = list(el) if children is None else children
    names = [n for n in (_tag_local(c.tag) for c in children) if n in single]
    if len(names) == len(set(names)):
        return False
    seen: set[bytes] = set()
    removed = False
    for child in children:
        if _tag_local(child.tag) in single:
            key = etree.tostring(child, with_tail=False)
            if key in seen:
                el.remove(child)
                removed = True
            seen.add(key)
    return removed


def _mark_thai_run(run: etree._Element) -> None:
    rpr = next((c for c in run if c.tag == _W_RPR), None)
    if rpr is None:
        rpr = etree.Element(_W_RPR)
        run.insert(0, rpr)
    has_cs, lang = False, None
    for c in rpr:
        tag = c.tag
        if tag == _W_CS:
            has_cs = True
        elif tag == _W_LANG and lang is None:
            lang = c
    if not has_cs:
        etree.SubElement(rpr, _W_CS)
    if lang is None:
        lang = etree.SubElement(rpr, _W_LANG)
    lang.set(f"{W}bidi", "th-TH")


def _strip_invisible_mark_thai(root: etree._Element) -> None:
    """Invisible characters removed from every w:t and w:instrText, then every w:r holding a w:t
    with Thai text (at any depth, e.g. a text box in a drawing) marked as Thai (`_mark_thai_run`).

    Both are found in C: the part's text as one string for the invisible
    characters, one XPath for the unmarked runs with Thai text.
    """
    if INVISIBLE.search(etree.tostring(root, method="text", encoding="unicode")):
        for t in root.iter(_W_T, _W_INSTR):
            if t.text and INVISIBLE.search(t.text):
                t.text = INVISIBLE.sub("", t.text)
    for run in _X_UNMARKED_THAI(root):
        _mark_thai_run(run)


_THAI_CHARS = "".join(map(chr, range(0x0E00, 0x0E80)))  # the THAI pattern's range, for XPath's translate()
# Runs `_mark_thai_run` would change (no first w:rPr with w:cs and a first w:lang of bidi th-TH) holding Thai text.
_X_UNMARKED_THAI = etree.XPath(
    "descendant-or-self::w:r[not(w:rPr[1][w:cs][w:lang[1][@w:bidi = 'th-TH']])]"
    f"[.//w:t[translate(., '{_THAI_CHARS}', '') != .]]",
    namespaces={"w": W_NS},
)


def _simple_run(run: etree._Element) -> bool:
    return all(_local(c) in ("rPr", "t") for c in run)


def _run_parts(run: etree._Element) -> tuple[etree._Element | None, list[etree._Element]] | None:
    """A simple run's (first w:rPr, w:t children); None when it holds anything else (`_simple_run`)."""
    rpr, ts = None, []
    for c in run:
        tag = c.tag
        local = _tag_local(tag)
        if local == "t":
            if tag == _W_T:
                ts.append(c)
        elif local == "rPr":
            if rpr is None and tag == _W_RPR:
                rpr = c
        else:
            return None
    return rpr, ts


def _adjacent_runs(tags: list[object]) -> bool:
    """Whether two children in a row are runs (tags of the children of a paragraph)."""
    prev = False
    for tag in tags:
        run = tag == _W_R or _tag_local(tag) == "r"
        if run and prev:
            return True
        prev = run
    return False


def _run_pairs(root: etree._Element) -> list[etree._Element]:
    """Every paragraph or hyperlink of ``root`` where two runs may be in a row (`_merge_runs`).

    A w:r whose next element sibling is a w:r marks its parent; a run of
    another namespace (any element named r) makes it look at every paragraph.
    """
    parents: dict[etree._Element, None] = {}
    containers = (f"{W}p", f"{W}hyperlink")
    for run in root.iter("{*}r"):
        if run.tag != _W_R:
            return [p for p in root.iter(*containers) if _adjacent_runs([c.tag for c in p])]
        after = run.getnext()
        while after is not None and not isinstance(after.tag, str):  # comments, processing instructions
            after = after.getnext()
        if after is not None and after.tag == _W_R and run is not root:
            parent = run.getparent()
            if parent.tag in containers:
                parents[parent] = None
    return list(parents)


def _merge_runs(root: etree._Element) -> None:
    """Merge each run into the previous one when both hold only properties and text and their properties are the same.

    "The same" is the same serialized w:rPr; properties whose children differ
    in tags cannot serialize the same, so only those alike are serialized.
    """
    for parent in _run_pairs(root):
        prev = None
        prev_rpr: etree._Element | None = None
        prev_ts: list[etree._Element] = []
        prev_sig: tuple | None = None
        prev_key: bytes | None = None
        for child in list(parent):
            parts = _run_parts(child) if _tag_local(child.tag) == "r" else None
            if parts is None:
                prev = None
                continue
            rpr, ts = parts
            sig = key = None
            if prev is not None:
                if prev_sig is None:
                    prev_sig = () if prev_rpr is None else tuple([c.tag for c in prev_rpr])
                sig = () if rpr is None else tuple([c.tag for c in rpr])
                if sig == prev_sig and (rpr is None) == (prev_rpr is None):
                    if prev_key is None:
                        prev_key = etree.tostring(prev_rpr) if prev_rpr is not None else b""
                    key = etree.tostring(rpr) if rpr is not None else b""
                    if key == prev_key and prev_ts and ts:
                        last = prev_ts[-1]
                        last.text = (last.text or "") + "".join(t.text or "" for t in ts)
                        last.set(_XML_SPACE, "preserve")
                        parent.remove(child)
                        continue
            prev, prev_rpr, prev_ts, prev_sig, prev_key = child, rpr, ts, sig, key


def _thai_bullets(root: etree._Element, cs_font: str) -> None:
    """Bullets as a real character (U+2022) in the Thai font, not a Symbol-font code point."""
    for lvl_text in root.iter(f"{W}lvlText"):
        val = lvl_text.get(f"{W}val") or ""
        if PUA.search(val):
            lvl_text.set(f"{W}val", PUA.sub("\u2022", val))
    for fonts in root.iter(f"{W}rFonts"):
        if any(fonts.get(f"{W}{a}") in SYMBOL_FONTS for a in ("ascii", "hAnsi", "cs")):
            for a in ("ascii", "hAnsi", "cs"):
                fonts.set(f"{W}{a}", cs_font)


_CLEAN: dict[tuple[int, tuple], bool] = {}  # (id(order), child tags) -> nothing to change there


def _clean(sig: tuple, order: list[str | tuple[str, ...]]) -> bool:
    """Whether properties with children tags ``sig`` are left as they are: in schema ``order``, no
    name the schema allows once repeated and, for run properties, no noProof and every twin."""
    key = (id(order), sig)
    ok = _CLEAN.get(key)
    if ok is None:
        ranks = _rank_list(list(sig), order)
        _, single = _tag_ranks(order)
        names = [n for n in map(_tag_local, sig) if n in single]
        ok = ranks == sorted(ranks) and len(names) == len(set(names))
        if order is RPR_ORDER:
            ok = ok and _W_NOPROOF not in sig and all(twin in sig for latin, twin in _TWIN_TAGS if latin in sig)
        if len(_CLEAN) < 10_000:
            _CLEAN[key] = ok
    return ok


def _fonts_to_fix(fonts: etree._Element) -> bool:
    """Whether `_rpr_fix` changes this w:rFonts (no complex-script font, or no Latin font)."""
    get = fonts.get
    cs = get(f"{W}cs")
    if cs is None and get(f"{W}cstheme") is None:
        return True
    return get(f"{W}ascii") is None and get(f"{W}asciiTheme") is None and bool(cs)


def fix_part(root: etree._Element, cs_font: str = "TH Sarabun New") -> None:
    """Apply rules 2-6 to one XML part in place (body, header, footer, styles, numbering).

    Elements are changed only where a rule asks; the checks go by the tags of
    an element's children, and what is clean for a sequence of tags is remembered.
    """
    for el in list(root.iter(_W_NOPROOF)):
        el.getparent().remove(el)
    _strip_invisible_mark_thai(root)
    for rpr in root.iter(_W_RPR):
        children = list(rpr)
        sig = tuple([c.tag for c in children])
        if _clean(sig, RPR_ORDER) and (_W_RFONTS not in sig or not _fonts_to_fix(children[sig.index(_W_RFONTS)])):
            continue
        _rpr_fix(rpr, cs_font)
    _thai_bullets(root, cs_font)
    _merge_runs(root)
    for ppr in root.iter(_W_PPR):
        if len(ppr) < 2:  # one child: in order, nothing twice
            continue
        children = list(ppr)
        tags = [c.tag for c in children]
        if not _clean(tuple(tags), PPR_ORDER):
            _sort(ppr, PPR_ORDER, children, tags)
    for props in root.iter(*(f"{W}{tag}" for tag in PROPERTY_ORDERS)):
        if len(props) < 2:
            continue
        order = PROPERTY_ORDERS[_tag_local(props.tag)]
        children = list(props)
        if _clean(tuple([c.tag for c in children]), order):
            continue
        if _drop_duplicates(props, order, children):
            children = list(props)
        _sort(props, order, children)
    for default in root.iter("{*}rPrDefault"):  # w:lang of the default run properties: Thai
        for rpr in default:
            for lang in rpr:
                if lang.tag == _W_LANG:
                    lang.set(f"{W}bidi", "th-TH")


def fix_settings(root: etree._Element) -> None:
    """Rule 1: exactly one ``compatibilityMode`` = 15 in ``w:compat``."""
    compats = root.findall(f"{W}compat")
    compat = compats[0] if compats else None
    for extra in compats[1:]:
        root.remove(extra)
    if compat is None:
        compat = etree.Element(f"{W}compat")
        anchor = next((c for c in root if _local(c) in AFTER_COMPAT), None)
        if anchor is not None:
            anchor.addprevious(compat)
        else:
            root.append(compat)
    for cs in compat.findall(f"{W}compatSetting"):
        if cs.get(f"{W}name") == "compatibilityMode":
            compat.remove(cs)
    setting = etree.SubElement(compat, f"{W}compatSetting")
    setting.set(f"{W}name", "compatibilityMode")
    setting.set(f"{W}uri", WORD_URI)
    setting.set(f"{W}val", "15")
    # compatSetting elements follow the legacy flags inside w:compat.
    settings = [c for c in compat if _local(c) == "compatSetting"]
    for c in settings:
        compat.remove(c)
    compat.extend(settings)


def is_fixed_member(name: str) -> bool:
    """Whether `fix_package` parses and fixes the package member ``name``: the XML parts under
    ``word/`` that hold WordprocessingML, so not the theme nor charts (DrawingML, copied as they are)."""
    return name.startswith("word/") and name.endswith(".xml") and "/theme/" not in name and "/charts/" not in name


def _xml_parts(names: list[str]) -> list[str]:
    return [n for n in names if is_fixed_member(n)]


FIXED_TIME = (2000, 1, 1, 0, 0, 0)


def set_digits(root: etree._Element, digits: str) -> None:
    """Apply the document's digit switch to a part.

    ``arabic``: every Thai digit in the text becomes an ASCII digit and page
    numbers are decimal. ``thai``: page numbers use ``thaiNumbers``; text is
    left as written (content text may hold ASCII digits on purpose, e.g. URLs).
    """
    if digits == "arabic":
        table = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
        for t in root.iter(f"{W}t"):
            if t.text:
                t.text = t.text.translate(table)
    for pg in root.iter(f"{W}pgNumType"):
        pg.set(f"{W}fmt", "decimal" if digits == "arabic" else "thaiNumbers")


def fix_root(name: str, root: etree._Element, cs_font: str = "TH Sarabun New", *, digits: str | None = None) -> None:
    """Fix the parsed package member ``name`` in place, as `fix_package` does (settings: rule 1; Word parts: 2-6)."""
    if name == "word/settings.xml":
        fix_settings(root)
    elif root.tag.startswith(W):
        if digits:
            set_digits(root, digits)
        fix_part(root, cs_font)


def part_bytes(root: etree._Element) -> bytes:
    """The bytes `fix_package` writes for a fixed XML part."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def fix_member(name: str, raw: bytes, cs_font: str = "TH Sarabun New", *, digits: str | None = None) -> bytes:
    """The bytes `fix_package` writes for package member ``name`` holding ``raw``."""
    if not is_fixed_member(name):
        return raw
    root = etree.fromstring(raw)
    fix_root(name, root, cs_font, digits=digits)
    return part_bytes(root)


def fix_package(data: bytes, cs_font: str = "TH Sarabun New", *, digits: str | None = None) -> bytes:
    """Return ``data`` (a .docx) with every part fixed for Thai (rules 1-6).

    ``digits`` (``thai``/``arabic``), when given, is applied by `set_digits`.
    The zip is rewritten with fixed timestamps, so the same input gives the
    same bytes.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, fix_member(info.filename, src.read(info.filename), cs_font, digits=digits))
    return out.getvalue()


# =========================================================================== auditing


def audit_part(name: str, root: etree._Element) -> list[str]:
    """Findings (human-readable strings) for one part; empty when it obeys rules 2-6."""
    found: list[str] = []
    if root.find(f".//{W}noProof") is not None:
        found.append(f"{name}: w:noProof present")
    for t in root.iter(f"{W}t"):
        if t.text and INVISIBLE.search(t.text):
            found.append(f"{name}: invisible character in text {t.text[:30]!r}")
    for run in root.iter(f"{W}r"):
        text = "".join(t.text or "" for t in run.iter(f"{W}t"))
        if THAI.search(text):
            rpr = run.find(f"{W}rPr")
            lang = rpr.find(f"{W}lang") if rpr is not None else None
            if rpr is None or rpr.find(f"{W}cs") is None or lang is None or lang.get(f"{W}bidi") != "th-TH":
                found.append(f"{name}: Thai run not marked complex script: {text[:30]!r}")
    for rpr in root.iter(f"{W}rPr"):
        for latin, twin in TWINS.items():
            if rpr.find(f"{W}{latin}") is not None and rpr.find(f"{W}{twin}") is None:
                found.append(f"{name}: w:{latin} without w:{twin}")
        fonts = rpr.find(f"{W}rFonts")
        if fonts is not None and (fonts.get(f"{W}ascii") or fonts.get(f"{W}asciiTheme")) and not (fonts.get(f"{W}cs") or fonts.get(f"{W}cstheme")):
            found.append(f"{name}: w:rFonts without w:cs")
        found += _order_findings(name, rpr, RPR_ORDER)
    for ppr in root.iter(f"{W}pPr"):
        found += _order_findings(name, ppr, PPR_ORDER)
    for props in root.iter(*(f"{W}{tag}" for tag in PROPERTY_ORDERS)):
        order = PROPERTY_ORDERS[_local(props)]
        found += _order_findings(name, props, order)
        names = [_local(c) for c in props if _local(c) in order]  # plain entries: the schema allows one each
        found += [f"{name}: w:{n} more than once in w:{_local(props)}" for n in sorted(set(names)) if names.count(n) > 1]
    for lvl_text in root.iter(f"{W}lvlText"):
        if PUA.search(lvl_text.get(f"{W}val") or ""):
            found.append(f"{name}: bullet is a Symbol-font code point, not a real character")
    for fonts in root.iter(f"{W}rFonts"):
        if any(fonts.get(f"{W}{a}") in SYMBOL_FONTS for a in ("ascii", "hAnsi", "cs")):
            found.append(f"{name}: Symbol font in w:rFonts")
    for p in root.iter(f"{W}p"):
        prev_props, prev_text = None, None
        for r in p.findall(f"{W}r"):
            if not _simple_run(r) or not r.findall(f"{W}t"):
                prev_props = None
                continue
            rpr = r.find(f"{W}rPr")
            props = etree.tostring(rpr) if rpr is not None else b""
            text = "".join(t.text or "" for t in r.findall(f"{W}t"))
            if prev_props == props and prev_text and text and not prev_text[-1].isspace() and not text[0].isspace():
                found.append(f"{name}: word split across identical runs: {prev_text[-10:]!r}|{text[:10]!r}")
            prev_props, prev_text = props, text
    return found


def _order_findings(name: str, el: etree._Element, order: list[str | tuple[str, ...]]) -> list[str]:
    rank, unknown = _ranks(order)
    ranks = [rank.get(_local(c), unknown) for c in el]
    if ranks != sorted(ranks):
        return [f"{name}: children of w:{_local(el)} out of schema order: {[_local(c) for c in el]}"]
    return []


def audit_package(data: bytes) -> list[str]:
    """Every finding of rules 1-6 in a .docx; an empty list means it is Thai-correct."""
    z = zipfile.ZipFile(io.BytesIO(data))
    found: list[str] = []
    for name in _xml_parts(z.namelist()):
        root = etree.fromstring(z.read(name))
        if name == "word/settings.xml":
            modes = [
                c for c in root.iter(f"{W}compatSetting") if c.get(f"{W}name") == "compatibilityMode"
            ]
            if len(modes) != 1 or modes[0].get(f"{W}val") != "15":
                found.append(f"{name}: compatibilityMode must be 15 exactly once, found {[m.get(f'{W}val') for m in modes]}")
        elif root.tag.startswith(W):
            found += audit_part(name, root)
    if "word/settings.xml" not in z.namelist():
        found.append("word/settings.xml missing")
    return found


def document_text(data: bytes) -> str:
    """The visible text of the body, headers and footers: one line per paragraph."""
    z = zipfile.ZipFile(io.BytesIO(data))
    lines: list[str] = []
    names = ["word/document.xml"] + sorted(n for n in z.namelist() if re.match(r"word/(header|footer)\d*\.xml", n))
    for name in names:
        root = etree.fromstring(z.read(name))
        for p in root.iter(f"{W}p"):
            parts = []
            for el in p.iter(f"{W}t", f"{W}br", f"{W}tab"):
                parts.append(el.text or "" if _local(el) == "t" else ("\n" if _local(el) == "br" else "\t"))
            lines.append("".join(parts))
    return "\n".join(lines)
