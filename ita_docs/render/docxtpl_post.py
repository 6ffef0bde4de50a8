"""docxtpl's post-processing of a rendered part, done the same way faster (for `ita_docs.render.compiled`).

After Jinja renders a part, docxtpl's ``render_xml_part`` joins paragraphs
broken by newlines, turns ``{_{`` escapes back into braces and runs
``resolve_listing`` (tab, newline, ``\\a`` and ``\\f`` inside a run's text become
markup); on the body, ``fix_tables`` parses the text and regrids tables whose
rows hold more or fewer cells than their grid. Here each gives docxtpl's result
(the tests compare them, fuzzed) while looking only where docxtpl would change
something, and anything unusual goes to docxtpl's own method.
"""

from __future__ import annotations

import io
import re

from docxtpl import DocxTemplate
from lxml import etree

_DOCXTPL = DocxTemplate(io.BytesIO())  # for its postprocessing methods, which use no state


_P_HEAD = re.compile(r"<w:p(?: [^>]*)?>")  # how docxtpl's paragraph and run patterns start
_R_HEAD = re.compile(r"<w:r(?: [^>]*)?>")
_TEXT = re.compile(r"<w:t(?: [^>]*)?>.*?</w:t>", re.DOTALL)
_PPR = re.compile(r"<w:pPr>.*?</w:pPr>")
_RPR = re.compile(r"<w:rPr>.*?</w:rPr>")


class _Odd(Exception):
    """A start tag holding the end tag docxtpl looks for: its own function resolves that text."""


def _segment(
    xml: str, i: int, head: re.Pattern, open_: str, close: str, lo: int, hi: int
) -> tuple[int, int] | None:
    """Where docxtpl's ``head.*?close`` match holding ``xml[i]`` is, matches being cut one after the
    other in ``xml[lo:hi]``: the first ``head`` after the last ``close`` before ``i``. That ``close``
    must not be the end of a start tag ``open_ ...`` (`_Odd`)."""
    last = xml.rfind(close, lo, i)
    if last >= 0:
        gt = xml.rfind(">", lo, last)
        if xml.find(open_, gt + 1, last) >= 0:
            raise _Odd
    m = head.search(xml, last + len(close) if last >= 0 else lo, hi)
    if m is None or m.start() > i:
        return None
    end = xml.find(close, m.end(), hi)
    return None if end < 0 else (m.start(), end + len(close))


def _listing_run(run: str, ppr: str, rpr: str) -> str:
    """docxtpl's ``resolve_listing`` of one run (``ppr``: its paragraph's properties, ``rpr``: its own)."""

    def text(t: re.Match) -> str:
        x = t.group(0).replace(
            "\t", f'</w:t></w:r><w:r>{rpr}<w:tab/></w:r><w:r>{rpr}<w:t xml:space="preserve">'
        )
        x = x.replace("\a", f'</w:t></w:r></w:p><w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">')
        x = x.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
        return x.replace(
            "\f",
            f'</w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">',
        )

    return _TEXT.sub(text, run)


def resolve_listing(xml: str) -> str:
    """docxtpl's ``resolve_listing`` (tab, newline, \\a and \\f inside a run's ``w:t`` become markup),
    the same text out, looking only at the runs that hold one of those characters.

    docxtpl cuts the text into paragraphs (``<w:p ...>`` to the next ``</w:p>``),
    each paragraph into runs, each run into ``w:t``, one after the other; `_segment`
    finds the paragraph and run holding a character without cutting the rest.
    """
    where = []
    for c in "\t\a\n\f":
        i = xml.find(c)
        while i >= 0:
            where.append(i)
            i = xml.find(c, i + 1)
    if not where:
        return xml
    out: list[str] = []
    done = 0  # xml[:done] is in out
    try:
        for i in sorted(where):
            if i < done:
                continue
            para = _segment(xml, i, _P_HEAD, "<w:p ", "</w:p>", 0, len(xml))
            run = _segment(xml, i, _R_HEAD, "<w:r ", "</w:r>", *para) if para else None
            if para and run:
                ppr = _PPR.search(xml, *para)
                rpr = _RPR.search(xml, *run)
                out += (
                    xml[done : run[0]],
                    _listing_run(
                        xml[run[0] : run[1]], ppr.group(0) if ppr else "", rpr.group(0) if rpr else ""
                    ),
                )
                done = run[1]
    except _Odd:
        return _DOCXTPL.resolve_listing(xml)
    out.append(xml[done:])
    return "".join(out)


def _first(el: etree._Element, tag: str) -> etree._Element | None:
    """The first child of ``el`` named ``tag`` (``el.find(tag)``), looked for at the first child first."""
    if len(el) and el[0].tag == tag:
        return el[0]
    return next((c for c in el if c.tag == tag), None)


def _grid_kept(table: etree._Element, w: str) -> bool:
    """Whether docxtpl's ``fix_tables`` leaves the grid of ``table`` as it is: it has a w:tblGrid,
    no row (nested tables' rows included, as docxtpl counts them) has more w:tc than the grid
    has columns, and some row spans them all (or the grid is empty)."""
    tbl_grid, grid_col, tr, tc, tc_pr, grid_span = (
        f"{{{w}}}{n}" for n in ("tblGrid", "gridCol", "tr", "tc", "tcPr", "gridSpan")
    )
    grid = _first(table, tbl_grid)
    if grid is None:
        return False
    columns = sum(1 for c in grid if c.tag == grid_col)
    if next(table.iter(grid_span), None) is None:  # no spans: a row is as wide as its cells
        counts = [sum(1 for c in row if c.tag == tc) for row in table.iter(tr)]
        return max(counts, default=0) <= columns <= max(counts, default=0)
    widest = 0
    for row in table.iter(tr):
        cells = [c for c in row if c.tag == tc]
        if len(cells) > columns:
            return False
        width = 0
        for cell in cells:
            props = _first(cell, tc_pr)
            span = None if props is None else _first(props, grid_span)
            if span is None:
                width += 1
                continue
            try:
                width += int(span.get(f"{{{w}}}val"))  # type: ignore[arg-type]
            except (TypeError, ValueError):
                return False
        widest = max(widest, width)
    return columns <= widest


def fix_tables(xml: str) -> etree._Element:
    """docxtpl's ``fix_tables``: the body parsed (leniently, as docxtpl does) and, where a row has
    more cells than its table's grid or no row fills it, the grid fixed by docxtpl's own code.

    Anything docxtpl would change (or fail on) is left to docxtpl, which parses the text again.
    """
    tree = etree.fromstring(xml, etree.XMLParser(recover=True))
    w = tree.nsmap.get("w")
    if w is None:
        return _DOCXTPL.fix_tables(xml)
    kept = all(_grid_kept(table, w) for table in tree.iter(f"{{{w}}}tbl"))
    return tree if kept else _DOCXTPL.fix_tables(xml)


def post_process(xml: str) -> str:
    """What docxtpl's ``render_xml_part`` does to a part's rendered text."""
    xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")  # docxtpl: re.sub(r"\n<w:p([ >])", ...)
    if "_" in xml:
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    return resolve_listing(xml)
