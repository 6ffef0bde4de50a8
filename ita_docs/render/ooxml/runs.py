"""Run-level fixes of the Thai rules of ``docs/domain.md`` ("Thai text inside .docx").

- rule 2: every ``w:r`` holding Thai text carries ``<w:cs/>`` and
  ``<w:lang w:bidi="th-TH"/>`` (`_mark_thai_run`, found by one XPath);
- rule 6 (text): zero-width/invisible characters removed from ``w:t`` and
  ``w:instrText`` (`_strip_invisible_mark_thai`);
- rule 4: adjacent runs with identical formatting merged, so no word is split
  across them (`_merge_runs`; `_simple_run` is also the auditor's test).
"""

from __future__ import annotations

from lxml import etree

from .names import (
    _W_CS,
    _W_INSTR,
    _W_LANG,
    _W_R,
    _W_RPR,
    _W_T,
    _XML_SPACE,
    INVISIBLE,
    W_NS,
    W,
    _local,
    _tag_local,
)


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
