"""Building paragraph and table XML for rich content, inserted into docxtpl templates with ``{{p var}}``.

`Para`, `Run`, `paragraph_xml`, `parts_xml`, `table_xml`, `grid_xml`,
`cover_section_xml` and `Xml` (raw XML docxtpl leaves alone). Inline markup
``**bold**`` becomes bold runs. What is built already obeys the Thai rules of
``docs/domain.md``: Thai runs carry ``<w:cs/>`` and ``<w:lang w:bidi="th-TH"/>``
(rule 2), bold carries its twin ``w:bCs`` (rule 5), paragraph properties come in
schema order and invisible characters are dropped (rule 6).

Sizes in WordprocessingML are half-points (16 pt = ``w:sz w:val="32"``);
lengths are twentieths of a point (twips: 1 cm = 567 twips).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape as _html_escape

from .names import BOLD, INVISIBLE, THAI


def _escape(text: str) -> str:
    """``&``, ``<`` and ``>`` escaped for XML text (what ``xml.sax.saxutils.escape`` does; that module
    imports urllib and ssl, 15 ms of a fresh process)."""
    return _html_escape(text, quote=False)


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
            parts.append(
                f'<w:t xml:space="preserve">{_escape(INVISIBLE.sub("", line)).replace(chr(9), tab)}</w:t>'
            )
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
        ppr += (
            "<w:tabs>"
            + "".join(f'<w:tab w:val="{v}" w:leader="{ld}" w:pos="{pos}"/>' for v, pos, ld in p.tabs)
            + "</w:tabs>"
        )
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


def parts_xml(parts: Sequence[Para | str]) -> str:
    """Paragraphs (`Para`) and raw XML strings (tables) joined in order."""
    return "".join(p if isinstance(p, str) else paragraph_xml(p) for p in parts)


def table_xml(
    header: list[str],
    rows: list[list[str]],
    *,
    style: str,
    cell_style: str,
    widths: list[int],
    align: list[str | None] | None = None,
    keep_together: bool = False,
) -> str:
    """A bordered table (``style`` is a table style id) with a repeating header row.

    ``widths`` are column widths in twips. Cell text may use ``**bold**``.
    ``align`` gives a body column's justification (``center`` for numbers; None
    keeps the style's); header cells are centred. ``keep_together`` keeps a
    short table on one page: every paragraph but those of the last row is
    keep-with-next, which Word and LibreOffice both honour for tables.
    """
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)

    def row(cells: list[str], head: bool, keep: bool = False) -> str:
        trpr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if head else "<w:trPr><w:cantSplit/></w:trPr>"
        tcs = []
        for i, text in enumerate(cells):
            w = widths[i] if i < len(widths) else widths[-1]
            jc = "center" if head else (align[i] if align and i < len(align) else None)
            paras = "".join(
                paragraph_xml(Para(cell_style, runs_from_markup(line, bold=head), jc=jc, keep_next=keep))
                for line in (text.split("\n") if text else [""])
            )
            tcs.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{paras}</w:tc>')
        return f"<w:tr>{trpr}{''.join(tcs)}</w:tr>"

    last = len(rows) - 1
    body = (row(header, True, keep_together and bool(rows)) if header else "") + "".join(
        row(r, False, keep_together and i < last) for i, r in enumerate(rows)
    )
    tblpr = f'<w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
    return f"<w:tbl>{tblpr}<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def grid_xml(
    rows: Sequence[Sequence[Sequence[Para | str]]],
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
                body += paragraph_xml(
                    Para(parts[0].style if parts and isinstance(parts[0], Para) else "Normal")
                )
            grid_span = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
            tcs.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{grid_span}</w:tcPr>{body}</w:tc>')
        out.append(f"<w:tr>{trpr}{''.join(tcs)}</w:tr>")
    tblpr = f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
    if not borders:
        sides = "".join(
            f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        tblpr += f"<w:tblBorders>{sides}</w:tblBorders>"
    tblpr += (
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="113" w:type="dxa"/></w:tblCellMar>'
        if not borders
        else '<w:tblLayout w:type="fixed"/>'
    )
    tblpr += '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(out)}</w:tbl>"


def centred_block_xml(paras: list[Para], width: int, height: int) -> str:
    """``paras`` centred vertically in a borderless one-cell table ``height`` twips high (exact).

    Word and LibreOffice both honour a cell's vertical alignment, while
    LibreOffice 7 ignores a section's (``w:vAlign`` of `cover_section_xml`):
    this is how a cover is centred on its page in both.
    """
    sides = "".join(
        f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:tblBorders>{sides}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0"'
        ' w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>'
        f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="exact"/></w:trPr>'
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>{parts_xml(list(paras))}</w:tc>'
        "</w:tr></w:tbl>"
    )


def cover_section_xml() -> str:
    """A paragraph that ends a cover section: A4 portrait, margins 3/2 cm, text centred
    vertically on the page, no header (no page number); the next section starts a new page.
    The paragraph itself is 1 pt high (so it fits below a full-page `centred_block_xml`).

    Lengths in twips: A4 is 11906 x 16838; margins top 1418, right 1134, bottom 1134,
    left 1701 (2.5, 2, 2, 3 cm), as the templates' portrait sections.
    """
    return (
        '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
        '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'
        '<w:sectPr><w:type w:val="nextPage"/><w:pgSz w:w="11906" w:h="16838"/>'
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
