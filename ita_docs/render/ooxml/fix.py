"""Fixing one XML part for Thai in place: rule 1 (`fix_settings`), rules 2-6 (`fix_part`), and the digit switch (`set_digits`).

The rules are those of ``docs/domain.md`` ("Thai text inside .docx"), listed
in `ita_docs.render.ooxml`. Here: rule 1, compatibilityMode 15 exactly once in
``word/settings.xml``; rule 3, no ``<w:noProof/>``; rule 5, every Latin run
property with its complex-script twin (``rFonts/@w:cs``, ``szCs``, ``bCs``,
``iCs``), in runs, styles and numbering; rule 6, property elements in schema
order (orders in `ita_docs.render.ooxml.order`). Rules 2 and 4 and the invisible
characters of rule 6 are run-level work, in `ita_docs.render.ooxml.runs`; bullets
become a real character in the Thai font.

The fixer visits every element of a part: it walks children once and compares
whole tags; elements are changed only where a rule asks.
"""

from __future__ import annotations

from lxml import etree

from .names import (
    _TWIN_TAGS,
    _W_LANG,
    _W_NOPROOF,
    _W_PPR,
    _W_RFONTS,
    _W_RPR,
    PUA,
    SYMBOL_FONTS,
    WORD_URI,
    W,
    _local,
    _tag_local,
)
from .order import (
    AFTER_COMPAT,
    PPR_ORDER,
    PROPERTY_ORDERS,
    RPR_ORDER,
    _clean,
    _drop_duplicates,
    _sort,
)
from .runs import _merge_runs, _strip_invisible_mark_thai


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
        if _clean(sig, RPR_ORDER) and (
            _W_RFONTS not in sig or not _fonts_to_fix(children[sig.index(_W_RFONTS)])
        ):
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
