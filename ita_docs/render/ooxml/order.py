"""Schema order of property elements (rule 6 of ``docs/domain.md``, "Thai text inside .docx").

The child sequences of ``w:rPr``, ``w:pPr``, table, row, cell and section
properties and of ``w:settings`` (around ``w:compat``), from the
WordprocessingML schema, ECMA-376 Part 1 (wml.xsd); the rank of a child in
them; `_sort` (children in schema order), `_drop_duplicates` (a child the
schema allows once, repeated) and `_clean` (whether a property element needs
either, or a run-property fix of rules 3 and 5), remembered by tags of children.
"""

from __future__ import annotations

from lxml import etree

from .names import _TWIN_TAGS, _W_NOPROOF, _tag_local

# Child order of w:rPr (CT_RPr, EG_RPrBase) and w:pPr (CT_PPrBase), ECMA-376 Part 1, 17.3.2.28 / 17.3.1.26.
RPR_ORDER: list[str | tuple[str, ...]] = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
]
PPR_ORDER: list[str | tuple[str, ...]] = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
# Settings children that must come after w:compat (CT_Settings sequence).
AFTER_COMPAT = [
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
]


# Child order of table, row, cell and section properties: the sequences of the
# WordprocessingML schema, ECMA-376 Part 1 (the complex types named below, in
# wml.xsd). A tuple is a choice group, whose members may come in any order among
# themselves. Elements a list does not know go just before the trailing
# ``*Change`` (revision) element, which always stays last.
# the run of table properties CT_TblPr and CT_TblPrEx share (17.4.60, 17.4.61)
_TBL_SHARED = [
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
]
TBLPR_ORDER: list[str | tuple[str, ...]] = [  # CT_TblPr = CT_TblPrBase + tblPrChange (17.4.60)
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    *_TBL_SHARED,
    "tblCaption",
    "tblDescription",
    "tblPrChange",
]
TBLPREX_ORDER: list[str | tuple[str, ...]] = [*_TBL_SHARED, "tblPrExChange"]  # CT_TblPrEx (17.4.61)
TRPR_ORDER: list[
    str | tuple[str, ...]
] = [  # CT_TrPr: CT_TrPrBase is a choice (any order), then ins, del, trPrChange
    (
        "cnfStyle",
        "divId",
        "gridBefore",
        "gridAfter",
        "wBefore",
        "wAfter",
        "cantSplit",
        "trHeight",
        "tblHeader",
        "tblCellSpacing",
        "jc",
        "hidden",
    ),
    "ins",
    "del",
    "trPrChange",
]
TCPR_ORDER: list[
    str | tuple[str, ...]
] = [  # CT_TcPr = CT_TcPrBase + EG_CellMarkupElements (choice) + tcPrChange
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    ("cellIns", "cellDel", "cellMerge"),
    "tcPrChange",
]
SECTPR_ORDER: list[
    str | tuple[str, ...]
] = [  # CT_SectPr: EG_HdrFtrReferences (choice), EG_SectPrContents, sectPrChange
    ("headerReference", "footerReference"),
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
]
PROPERTY_ORDERS: dict[str, list[str | tuple[str, ...]]] = {
    "tblPr": TBLPR_ORDER,
    "tblPrEx": TBLPREX_ORDER,
    "trPr": TRPR_ORDER,
    "tcPr": TCPR_ORDER,
    "sectPr": SECTPR_ORDER,
}
_RANKS: dict[int, tuple[list, dict[str, float], float]] = {}  # by id(order), with the list itself
_TAG_RANKS: dict[
    int, tuple[list, dict[object, float], frozenset[str]]
] = {}  # by id(order): rank by whole tag, plain entries


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
    el: etree._Element,
    order: list[str | tuple[str, ...]],
    children: list | None = None,
    tags: list | None = None,
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


def _drop_duplicates(
    el: etree._Element, order: list[str | tuple[str, ...]], children: list | None = None
) -> bool:
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
            ok = (
                ok
                and _W_NOPROOF not in sig
                and all(twin in sig for latin, twin in _TWIN_TAGS if latin in sig)
            )
        if len(_CLEAN) < 10_000:
            _CLEAN[key] = ok
    return ok
