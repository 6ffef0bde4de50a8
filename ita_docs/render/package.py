"""The package side of the fast render path (`ita_docs.render.compiled`): a light python-docx
package for charts and images, and the output's members in python-docx's order.

Members are deflated once and zipped by `ita_docs.render.zip_members` (the bytes
`ita_docs.render.ooxml.fix_package` writes with ``zipfile``), so a member that never
changes is compressed once per template rather than once per document.

`LightPackage` is the template's python-docx package rebuilt without parsing
anything: a `docx.package.Package` whose parts are bare `Part` objects (the
document, header and footer parts share the template's parsed elements, for
python-docx's ``next_id``), with the template's relationships. Charts and images
rendered into a document relate new parts to it through python-docx's own API;
`LightPackage.members` then lists the output members in python-docx's order
(depth-first over the relationships, as ``OpcPackage.save``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from docx.opc.part import Part, XmlPart
from docx.opc.pkgwriter import (
    _ContentTypesItem,  # what python-docx writes as [Content_Types].xml
)
from docx.package import Package
from docx.parts.image import ImagePart

from . import ooxml
from .zip_members import Member, deflate


@dataclass
class PartSnapshot:
    """What `LightPackage` rebuilds a template's package from: every part (partname, content
    type, class, and the parsed element of a story part or the bytes of an image) and every
    relationship (by source partname, ``/`` for the package: rId, type, target partname or
    external reference, whether external)."""

    parts: list[tuple[Any, str, type, Any]]
    rels: dict[str, list[tuple[str, str, Any, bool]]]

    @classmethod
    def of(cls, package: Package) -> PartSnapshot:
        parts: list[tuple[Any, str, type, Any]] = []
        for p in package.iter_parts():
            if isinstance(p, ImagePart):
                parts.append((p.partname, p.content_type, ImagePart, p.blob))
            elif isinstance(p, XmlPart) and hasattr(p, "new_pic_inline"):  # document, header, footer
                parts.append((p.partname, p.content_type, type(p), p._element))
            else:
                parts.append((p.partname, p.content_type, Part, None))
        rels = {}
        sources: list[tuple[str, Package | Part]] = [
            ("/", package),
            *((str(p.partname), p) for p in package.iter_parts()),
        ]
        for name, source in sources:
            rels[name] = [
                (r.rId, r.reltype, r.target_ref if r.is_external else r.target_part.partname, r.is_external)
                for r in source.rels.values()
            ]
        return cls(parts, rels)


class LightPackage:
    """A template's python-docx package for one render, built from a `PartSnapshot` (see the module docstring)."""

    def __init__(self, snapshot: PartSnapshot):
        self.package = Package()
        self._parts: dict[str, Part] = {}
        for partname, content_type, kind, payload in snapshot.parts:
            if kind is ImagePart:
                part: Part = ImagePart(partname, content_type, payload)
            elif payload is not None:
                part = kind(partname, content_type, payload, self.package)
            else:
                part = Part(partname, content_type, None, self.package)
            self._parts[str(partname)] = part
        self._counts: dict[str, int] = {}
        for name, rels in snapshot.rels.items():
            source = self.package if name == "/" else self._parts[name]
            for r_id, reltype, target, external in rels:
                source.load_rel(reltype, target if external else self._parts[str(target)], r_id, external)
            self._counts[name] = len(rels)
        self.package.after_unmarshal()  # python-docx gathers the image parts

    def part(self, member: str) -> Part:
        """The part written as zip member ``member`` (e.g. ``word/document.xml``)."""
        return self._parts["/" + member]

    @property
    def document(self) -> Any:
        """The python-docx ``Document`` of the main document part."""
        return self.package.main_document_part.document

    def set_element(self, member: str, element: Any) -> None:
        """Give the story part ``member`` its rendered element (docxtpl's ``map_tree``)."""
        self.part(member)._element = element  # type: ignore[attr-defined]

    def _sources(self) -> list[tuple[str, Any]]:
        return [("/", self.package), *((str(p.partname), p) for p in self.package.iter_parts())]

    def changed(self) -> bool:
        """Whether the render added a relationship (and so, perhaps, parts)."""
        return any(len(source.rels) != self._counts.get(name) for name, source in self._sources())

    def members(
        self, rendered: dict[str, Member], cached: list[Member | str], digits: str, cs_font: str
    ) -> list[Member]:
        """Every member in python-docx's order: ``rendered`` parts, ``cached`` members where
        unchanged, new parts fixed for Thai, relationships and content types as python-docx writes them.

        Content types and relationships alike in several documents (the same
        parts and targets) are written and deflated once (`_shaped`).
        """
        known = {m.name: m for m in cached if isinstance(m, Member)}
        parts = list(self.package.iter_parts())
        out = [
            _shaped(
                "[Content_Types].xml",
                tuple((str(p.partname), p.content_type) for p in parts),
                lambda: _ContentTypesItem.from_parts(parts).blob,
            ),
            _rels_member("_rels/.rels", "/", self.package.rels),
        ]
        for part in parts:
            name = part.partname.membername
            if name in rendered:
                out.append(rendered[name])
            elif name in known:
                out.append(known[name])
            else:
                out.append(deflate(name, ooxml.fix_member(name, part.blob, cs_font, digits=digits)))
            if len(part.rels):
                rels_name = part.partname.rels_uri.membername
                same = len(part.rels) == self._counts.get(str(part.partname)) and rels_name in known
                out.append(
                    known[rels_name] if same else _rels_member(rels_name, str(part.partname), part.rels)
                )
        return out


_SHAPED: dict[tuple[str, tuple], Member] = {}  # (member name, what its bytes depend on) -> the member
_MAX_SHAPED = 512


def _shaped(name: str, shape: tuple, write: Callable[[], bytes]) -> Member:
    """The member ``name`` whose bytes depend only on ``shape``: ``write()`` deflated, once per shape."""
    key = (name, shape)
    member = _SHAPED.get(key)
    if member is None:
        if len(_SHAPED) >= _MAX_SHAPED:
            _SHAPED.clear()
        member = _SHAPED[key] = deflate(name, write())
    return member


def _rels_member(name: str, source: str, rels: Any) -> Member:
    """The relationships member ``name`` of the part ``source`` (``/`` for the package), as python-docx writes it."""
    shape = tuple(
        (r.rId, r.reltype, r.target_ref if r.is_external else str(r.target_part.partname), r.is_external)
        for r in rels.values()
    )
    return _shaped(name, (source, shape), lambda: rels.xml)
