"""The deck's PowerPoint template and package: open it, find its layouts and boxes, check it, save a deck.

The template (``analysis-slides.pptx``, bundled or the user's, looked up like
the Word templates: `ita_docs.resources.template_path`) gives the slide size,
theme (colours, fonts), master (a logo there shows on every slide) and four
layouts found by name (`LAYOUTS`, made by ``tools/build_slide_template.py``).
`slide_template` reads what the deck needs to lay slides out (cached per file
content); `template_problems` says, in the user's words, what is missing;
`open_deck` gives a python-pptx `Presentation` of the template without its own
slides; `save` gives its bytes with every zip entry stamped 2000-01-01 (same
deck, same bytes).

A usable template, once read, is kept in the user's cache folder
(`ita_docs.render.store`, kind ``slides``, keyed by the template's bytes, the
python-pptx version and the source of the modules that read it): a later process lays out a deck
on it without importing python-pptx (issue 19). python-pptx is imported in the
functions that need it.
"""

from __future__ import annotations

import functools
import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import TemplateError, TemplateProblem
from ..messages import msg
from ..render import store
from ..render.zip_members import Member, deflate, read_members, write_zip
from .layout import inches, points

#: The layouts the deck uses, by name, with the placeholder types each must have.
LAYOUTS = {
    "title": ("ITA Title", ("ctrTitle", "subTitle")),
    "content": ("ITA Title and Content", ("title", "body")),
    "table": ("ITA Title and Table", ("title", "tbl")),
    "section": ("ITA Section", ("title", "body")),
}
TEMPLATE = "analysis-slides.pptx"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_PH_NAMES = {
    "ctrTitle": "ชื่อเรื่องกึ่งกลาง (Center Title)",
    "subTitle": "คำบรรยาย (Subtitle)",
    "title": "ชื่อเรื่อง (Title)",
    "body": "ข้อความ/เนื้อหา (Content)",
    "tbl": "ตาราง (Table)",
}

Box = tuple[int, int, int, int]  # x, y, width, height in EMU


@dataclass(frozen=True)
class SlideTemplate:
    """What the deck needs of a template: its bytes, layout indexes and placeholder boxes (EMU),
    the master's title and body text sizes (pt), the theme's body font (for charts), slide size."""

    name: str
    data: bytes
    layouts: dict[str, int]  # "title", "content", "table", "section" -> index in slide_layouts
    boxes: dict[tuple[str, str], Box]  # (layout key, placeholder type) -> box
    title_size: float
    body_size: float
    font: str
    width: int
    height: int


def _type(ph: etree._Element) -> str:
    kind = ph.get("type", "body")
    return "body" if kind == "obj" else kind


def _sizes(master: etree._Element) -> tuple[float, float]:
    def size(style: str, default: float) -> float:
        el = master.find(f"{_P}txStyles/{_P}{style}/{_A}lvl1pPr/{_A}defRPr")
        return int(el.get("sz")) / 100 if el is not None and el.get("sz") else default

    return size("titleStyle", 36), size("bodyStyle", 26)


def _problems(path: Path, data: bytes) -> tuple[list[TemplateProblem], SlideTemplate | None]:
    name = path.name

    def problem(kind: str, message_id: str, **params: str) -> TemplateProblem:
        return TemplateProblem(name, "", "", msg(message_id, template=name, **params), kind)

    from pptx import Presentation
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        prs = Presentation(io.BytesIO(data))
    except Exception as exc:
        reason = "zip" if not zipfile.is_zipfile(io.BytesIO(data)) else str(exc)
        return [problem("not_pptx", "slide_template_not_pptx", reason=reason)], None
    layouts = {layout.name: i for i, layout in enumerate(prs.slide_layouts)}
    out: list[TemplateProblem] = []
    found: dict[str, int] = {}
    boxes: dict[tuple[str, str], Box] = {}
    master_boxes = {
        _type(ph.element.ph): (ph.left, ph.top, ph.width, ph.height) for ph in prs.slide_master.placeholders
    }
    for key, (layout_name, needs) in LAYOUTS.items():
        if layout_name not in layouts:
            out.append(
                problem(
                    "layout", "slide_template_layout", layout=layout_name, known=", ".join(layouts) or "-"
                )
            )
            continue
        found[key] = layouts[layout_name]
        layout = prs.slide_layouts[layouts[layout_name]]
        have: dict[str, tuple[Any, ...]] = {}
        placeholders: Any = layout.placeholders
        for ph in placeholders:
            kind = _type(ph.element.ph)
            left, top, width, height = ph.left, ph.top, ph.width, ph.height
            if None in (left, top, width, height):  # inherited from the master
                left, top, width, height = master_boxes.get(
                    "title" if kind == "ctrTitle" else kind, (None,) * 4
                )
            have.setdefault(kind, (left, top, width, height))
        for kind in needs:
            if kind not in have or None in have[kind]:
                out.append(
                    problem(
                        "placeholder",
                        "slide_template_placeholder",
                        layout=layout_name,
                        placeholder=_PH_NAMES[kind],
                    )
                )
            else:
                boxes[(key, kind)] = tuple(int(v) for v in have[kind])  # type: ignore[assignment]
    if out:
        return out, None
    master = prs.slide_master.element
    theme = etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)
    latin = theme.find(f".//{_A}minorFont/{_A}cs")
    if latin is None or not latin.get("typeface"):
        latin = theme.find(f".//{_A}minorFont/{_A}latin")
    font = latin.get("typeface") if latin is not None and latin.get("typeface") else "TH Sarabun New"
    title_size, body_size = _sizes(master)
    return [], SlideTemplate(
        name,
        data,
        found,
        boxes,
        title_size,
        body_size,
        font,
        int(prs.slide_width or inches(13.333)),
        int(prs.slide_height or inches(7.5)),
    )


def template_problems(path: Path) -> list[TemplateProblem]:
    """Every problem of the slide template at ``path`` (not a .pptx; a layout of `LAYOUTS` missing
    or renamed; a placeholder a layout needs missing), in the user's language; [] when usable."""
    return _problems(Path(path), Path(path).read_bytes())[0]


def slide_template(path: Path) -> SlideTemplate:
    """The template at ``path``, read once per content. Raises `TemplateError` with every problem."""
    data = Path(path).read_bytes()
    return _slide_template(Path(path).name, hashlib.sha256(data).hexdigest(), data)


@functools.lru_cache(maxsize=8)
def _slide_template(name: str, digest: str, data: bytes) -> SlideTemplate:

    def build() -> SlideTemplate:
        problems, template = _problems(Path(name), data)
        if template is None:
            raise TemplateError("; ".join(p.message for p in problems), name)
        return template

    def from_disk(header: dict[str, Any], _area: memoryview) -> SlideTemplate | None:
        return _from_disk(header, name, data)

    template = store.remembered(disk_key(digest), KIND, build, _to_disk, from_disk)
    assert template is not None  # build raises rather than give None
    return template


KIND = "slides"


def disk_key(digest: str, part: str = "template") -> str:
    """The cache key of ``part`` (``template``; ``skeleton``: `ita_docs.slides.skeleton`) of the template
    whose bytes have the SHA-256 ``digest`` (hex)."""
    code = store.code_digest(
        ("slides/package.py", "slides/skeleton.py", "render/zip_members.py"), ("python-pptx", "lxml")
    )
    return hashlib.sha256(f"{part}|{digest}|{code}".encode()).hexdigest()


def _to_disk(t: SlideTemplate, _blobs: store.Blobs) -> dict[str, Any]:
    return {
        "layouts": t.layouts,
        "boxes": [[a, b, list(box)] for (a, b), box in t.boxes.items()],
        "sizes": [t.title_size, t.body_size],
        "font": t.font,
        "slide": [t.width, t.height],
    }


def _from_disk(h: dict[str, Any], name: str, data: bytes) -> SlideTemplate | None:
    """The template ``name`` (bytes ``data``) as its cache file's header ``h`` holds it, or None (not of this shape)."""
    try:
        layouts = {str(a): int(i) for a, i in h["layouts"].items()}
        boxes = {(str(a), str(b)): (int(x), int(y), int(w), int(v)) for a, b, (x, y, w, v) in h["boxes"]}
        (title_size, body_size), (width, height) = (float(v) for v in h["sizes"]), h["slide"]
        if set(layouts) != set(LAYOUTS) or not isinstance(h["font"], str):
            return None
        return SlideTemplate(
            name, data, layouts, boxes, title_size, body_size, h["font"], int(width), int(height)
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def open_deck(template: SlideTemplate) -> Any:
    """A python-pptx presentation of ``template`` with its own slides (if any) removed."""
    from pptx import Presentation

    prs = Presentation(io.BytesIO(template.data))
    ids = prs.element.sldIdLst  # python-pptx has no call to delete a slide: drop its id and relationship
    for sld in list(ids) if ids is not None else []:
        ids.remove(sld)
        prs.part.drop_rel(sld.rId)
    return prs


@functools.lru_cache(maxsize=512)
def _member(name: str, raw: bytes) -> Member:
    return deflate(name, raw)


def save(prs: Any) -> bytes:
    """The .pptx bytes python-pptx writes, every zip entry stamped 2000-01-01 (the template's own
    parts are compressed once per process)."""
    buf = io.BytesIO()
    prs.save(buf)
    return write_zip(
        [
            _member(n, b) if not n.startswith("ppt/slides/") else deflate(n, b)
            for n, b in read_members(buf.getvalue())
        ]
    )


def pt(size: float) -> int:
    """EMU of ``size`` points."""
    return points(size)


__all__ = [
    "LAYOUTS",
    "TEMPLATE",
    "Box",
    "SlideTemplate",
    "open_deck",
    "save",
    "slide_template",
    "template_problems",
]
