"""The fast deck writer's skeleton of a template (`skeleton_of`): the package python-pptx writes for
the template with one slide per layout, cut where the slides go, its parts compressed once.

Made with one python-pptx save per template (`ita_docs.slides.fast` writes the slides into it);
None when the cut does not come out as expected (that template is then drawn through python-pptx).
A skeleton is kept in the user's cache folder beside its template (`ita_docs.slides.package`,
kind ``slides``, in `ita_docs.render.store`'s format), so a later process writes a deck on that
template without importing python-pptx (issue 19); a damaged file is cut again, never trusted.

python-pptx behaviour the cut relies on (pinned by tests/slides/test_slides.py): new slides take
the first free ``rIdN`` of the presentation and ``sldId`` 256 up; parts are written in
relationship order, each followed by its relationships.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ..render import store
from ..render.zip_members import Member, deflate, read_members
from .package import KIND, LAYOUTS, SlideTemplate, disk_key, open_deck


@dataclass(frozen=True)
class Skeleton:
    """The package python-pptx writes for a template with one slide per layout, cut where slides go."""

    before: list[Member | str]  # deflated entries before the slides; a name: written per deck
    after: list[Member]
    slide_head: dict[str, str]  # layout -> slide XML up to its placeholders
    placeholders: dict[str, list[tuple[str, str]]]  # layout -> (kind, cloned p:sp XML)
    slide_tail: str
    slide_rels: dict[str, bytes]  # layout -> its rels without the closing tag
    pres_head: bytes
    pres_tail: bytes
    pres_rels_head: bytes
    free_rids: list[int]  # rId numbers new slides take, in order (first free ones first)
    defaults: dict[str, str]
    overrides: dict[str, str]
    slide_type: str


_SP = re.compile(r"<p:sp>.*?</p:sp>", re.DOTALL)
_PH_TYPE = re.compile(r'<p:ph(?: type="(\w+)")?')


def _kind(sp: str) -> str:
    kind = _PH_TYPE.search(sp).group(1) or "body"  # type: ignore[union-attr]
    return "body" if kind == "obj" else kind


_SKELETONS: dict[bytes, Skeleton | None] = {}


def skeleton_of(template: SlideTemplate) -> Skeleton | None:
    """The parts python-pptx writes for ``template`` with one slide per layout, cut where slides go (made
    once per template); None if the cut does not come out as expected (that template is then drawn through
    python-pptx)."""
    if template.data not in _SKELETONS:
        if len(_SKELETONS) >= 8:
            _SKELETONS.clear()
        k = disk_key(hashlib.sha256(template.data).hexdigest(), "skeleton")
        _SKELETONS[template.data] = store.remembered(
            k, KIND, lambda: _skeleton(template), _to_disk, _from_disk
        )
    return _SKELETONS[template.data]


def _to_disk(sk: Skeleton, blobs: store.Blobs) -> dict[str, Any]:
    """The header of a skeleton's cache file (`ita_docs.render.store`); bytes go to ``blobs``."""

    def member(m: Member) -> list[Any]:
        return [m.name, m.crc, m.size, blobs.add(m.data)]

    return {
        "before": [m if isinstance(m, str) else member(m) for m in sk.before],
        "after": [member(m) for m in sk.after],
        "slide_head": sk.slide_head,
        "placeholders": {k: [list(p) for p in v] for k, v in sk.placeholders.items()},
        "slide_tail": sk.slide_tail,
        "slide_rels": {k: blobs.add(v) for k, v in sk.slide_rels.items()},
        "pres": [blobs.add(sk.pres_head), blobs.add(sk.pres_tail), blobs.add(sk.pres_rels_head)],
        "free_rids": sk.free_rids,
        "defaults": sk.defaults,
        "overrides": sk.overrides,
        "slide_type": sk.slide_type,
    }


def _from_disk(h: dict[str, Any], area: memoryview) -> Skeleton | None:
    """The skeleton a cache file holds (header ``h``, blobs ``area``), or None (not of this shape)."""

    def member(m: Any) -> Member:
        name, crc, size, ref = m
        if not (isinstance(name, str) and isinstance(crc, int) and isinstance(size, int)):
            raise ValueError("bad member")
        return Member(name, crc, size, store.blob(area, ref))

    def text(v: Any) -> str:
        if not isinstance(v, str):
            raise ValueError("not text")
        return v

    try:
        pres_head, pres_tail, rels_head = (store.blob(area, r) for r in h["pres"])
        return Skeleton(
            [text(m) if isinstance(m, str) else member(m) for m in h["before"]],
            [member(m) for m in h["after"]],
            {text(k): text(v) for k, v in h["slide_head"].items()},
            {text(k): [(text(a), text(b)) for a, b in v] for k, v in h["placeholders"].items()},
            text(h["slide_tail"]),
            {text(k): store.blob(area, v) for k, v in h["slide_rels"].items()},
            pres_head,
            pres_tail,
            rels_head,
            [int(n) for n in h["free_rids"]],
            {text(k): text(v) for k, v in h["defaults"].items()},
            {text(k): text(v) for k, v in h["overrides"].items()},
            text(h["slide_type"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _skeleton(template: SlideTemplate) -> Skeleton | None:
    prs: Any = open_deck(template)
    keys = list(LAYOUTS)
    for key in keys:
        prs.slides.add_slide(prs.slide_layouts[template.layouts[key]])
    buf = io.BytesIO()
    prs.save(buf)
    entries = read_members(buf.getvalue())
    names = [n for n, _b in entries]
    parts = dict(entries)
    slide_names = [f"ppt/slides/slide{k}.xml" for k in range(1, len(keys) + 1)]
    if any(n not in names for n in slide_names):
        return None
    at = names.index(slide_names[0])
    block = [x for n in slide_names for x in (n, n.replace("slides/", "slides/_rels/") + ".rels")]
    if names[at : at + len(block)] != block:
        return None
    heads, phs, rels = {}, {}, {}
    tail = ""
    for key, name in zip(keys, slide_names):
        xml = parts[name].decode("utf-8")
        start = xml.index("<p:grpSpPr/>") + len("<p:grpSpPr/>")
        end = xml.index("</p:spTree>")
        sps = _SP.findall(xml[start:end])
        if "".join(sps) != xml[start:end]:
            return None
        heads[key], tail = xml[:start], xml[end:]
        phs[key] = [(_kind(sp), sp) for sp in sps]
        rels[key] = parts[name.replace("slides/", "slides/_rels/") + ".rels"].removesuffix(
            b"</Relationships>"
        )
    pres = parts["ppt/presentation.xml"]
    ids = re.search(rb"<p:sldIdLst>(.*?)</p:sldIdLst>", pres)
    found = re.findall(rb'<p:sldId id="(\d+)" r:id="rId(\d+)"/>', ids.group(1)) if ids else []
    if [int(i) for i, _r in found] != list(range(256, 256 + len(keys))):
        return None
    pres_rels = parts["ppt/_rels/presentation.xml.rels"]
    first = re.search(rb'<Relationship Id="rId%s" ' % found[0][1], pres_rels)
    if ids is None or first is None:
        return None
    used = {int(x) for x in re.findall(rb'Id="rId(\d+)"', pres_rels[: first.start()])}
    free = [n for n in range(1, len(used) + 2000) if n not in used]
    if [int(r) for _i, r in found] != free[: len(keys)]:
        return None
    types = etree.fromstring(parts["[Content_Types].xml"])
    defaults = {el.get("Extension"): el.get("ContentType") for el in types if el.tag.endswith("Default")}
    overrides = {el.get("PartName"): el.get("ContentType") for el in types if el.tag.endswith("Override")}
    slide_type = ""
    for name in slide_names:
        slide_type = overrides.pop("/" + name)
    dynamic = {"[Content_Types].xml", "ppt/presentation.xml", "ppt/_rels/presentation.xml.rels"}
    return Skeleton(
        [n if n in dynamic else deflate(n, b) for n, b in entries[:at]],
        [deflate(n, b) for n, b in entries[at + len(block) :]],
        heads,
        phs,
        tail,
        rels,
        pres[: ids.start()],
        pres[ids.end() :],
        pres_rels[: first.start()],  # type: ignore[union-attr]
        free,
        defaults,
        overrides,
        slide_type,
    )


__all__ = ["Skeleton", "skeleton_of"]
