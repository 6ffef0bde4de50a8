"""Auditing a .docx for the Thai rules 1-6 of ``docs/domain.md`` ("Thai text inside .docx", listed in `ita_docs.render.ooxml`).

`audit_part` gives the findings of rules 2-6 for one part, `audit_package`
those of a whole package (rule 1 in ``word/settings.xml``) as human-readable
strings; an empty list means the package is Thai-correct. It checks what
`ita_docs.render.ooxml.package.fix_package` fixes, by plain lxml look-ups rather than
the fixer's code; it shares with the fixer the schema orders
(`ita_docs.render.ooxml.order`), which members are checked (`_xml_parts`) and what a
simple run is (`_simple_run`).
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from .names import INVISIBLE, PUA, SYMBOL_FONTS, THAI, TWINS, W, _local
from .order import PPR_ORDER, PROPERTY_ORDERS, RPR_ORDER, _ranks
from .package import _xml_parts
from .runs import _simple_run


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
        if (
            fonts is not None
            and (fonts.get(f"{W}ascii") or fonts.get(f"{W}asciiTheme"))
            and not (fonts.get(f"{W}cs") or fonts.get(f"{W}cstheme"))
        ):
            found.append(f"{name}: w:rFonts without w:cs")
        found += _order_findings(name, rpr, RPR_ORDER)
    for ppr in root.iter(f"{W}pPr"):
        found += _order_findings(name, ppr, PPR_ORDER)
    for props in root.iter(*(f"{W}{tag}" for tag in PROPERTY_ORDERS)):
        order = PROPERTY_ORDERS[_local(props)]
        found += _order_findings(name, props, order)
        names = [_local(c) for c in props if _local(c) in order]  # plain entries: the schema allows one each
        found += [
            f"{name}: w:{n} more than once in w:{_local(props)}"
            for n in sorted(set(names))
            if names.count(n) > 1
        ]
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
            if (
                prev_props == props
                and prev_text
                and text
                and not prev_text[-1].isspace()
                and not text[0].isspace()
            ):
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
            modes = [c for c in root.iter(f"{W}compatSetting") if c.get(f"{W}name") == "compatibilityMode"]
            if len(modes) != 1 or modes[0].get(f"{W}val") != "15":
                found.append(
                    f"{name}: compatibilityMode must be 15 exactly once, found {[m.get(f'{W}val') for m in modes]}"
                )
        elif root.tag.startswith(W):
            found += audit_part(name, root)
    if "word/settings.xml" not in z.namelist():
        found.append("word/settings.xml missing")
    return found
