"""The package side of the fast render path (`ita_docs.render_cache`): members kept deflated,
the zip written from them, and a light python-docx package for charts and images.

`write_zip` writes exactly the bytes `ita_docs.ooxml.fix_package` writes with
``zipfile`` (same local headers, fixed time, deflate level, central directory),
from members deflated once (`deflate`), so a member that never changes is
compressed once per template rather than once per document.

`LightPackage` is the template's python-docx package rebuilt without parsing
anything: a `docx.package.Package` whose parts are bare `Part` objects (the
document, header and footer parts share the template's parsed elements, for
python-docx's ``next_id``), with the template's relationships. Charts and images
rendered into a document relate new parts to it through python-docx's own API;
`LightPackage.members` then lists the output members in python-docx's order
(depth-first over the relationships, as ``OpcPackage.save``).
"""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any, Callable

from docx.opc.part import Part, XmlPart
from docx.opc.pkgwriter import (
    _ContentTypesItem,  # what python-docx writes as [Content_Types].xml
)
from docx.package import Package
from docx.parts.image import ImagePart

from . import ooxml


@dataclass(frozen=True)
class Member:
    """One zip member, deflated as ``zipfile`` does: name, CRC-32 and size of the data, deflated bytes."""

    name: str
    crc: int
    size: int
    data: bytes


def deflate(name: str, raw: bytes) -> Member:
    """``raw`` deflated as ``zipfile`` deflates one ``writestr`` (default level, raw stream)."""
    c = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return Member(name, zlib.crc32(raw), len(raw), c.compress(raw) + c.flush())


def read_members(data: bytes) -> list[tuple[str, bytes]]:
    """Every member of the zip ``data``, in order."""
    z = zipfile.ZipFile(io.BytesIO(data))
    return [(info.filename, z.read(info.filename)) for info in z.infolist()]


def write_zip(members: list[Member]) -> bytes:
    """The zip of ``members`` as ``zipfile.ZipFile(..., "w", ZIP_DEFLATED)`` writes it when each is
    added by ``writestr(ZipInfo(name, ooxml.FIXED_TIME))`` (no zip64: members stay far below 2 GB)."""
    out = bytearray()
    central = bytearray()
    dt = ooxml.FIXED_TIME
    dosdate = (dt[0] - 1980) << 9 | dt[1] << 5 | dt[2]
    dostime = dt[3] << 11 | dt[4] << 5 | (dt[5] // 2)
    for m in members:
        if max(m.size, len(m.data), len(out)) >= zipfile.ZIP64_LIMIT // 2:
            raise ValueError(f"{m.name}: too large for a .docx member")
        zi = zipfile.ZipInfo(m.name, dt)
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.external_attr = 0o600 << 16  # what ZipFile.open(..., "w") gives a ZipInfo without one
        zi.CRC, zi.compress_size, zi.file_size = m.crc, len(m.data), m.size
        offset = len(out)
        out += zi.FileHeader(False)
        out += m.data
        try:
            filename, flags = m.name.encode("ascii"), zi.flag_bits
        except UnicodeEncodeError:
            filename, flags = m.name.encode("utf-8"), zi.flag_bits | 0x800
        central += struct.pack(
            zipfile.structCentralDir, zipfile.stringCentralDir, zi.create_version, zi.create_system,
            zi.extract_version, zi.reserved, flags, zi.compress_type, dostime, dosdate, zi.CRC,
            zi.compress_size, zi.file_size, len(filename), 0, 0, 0, zi.internal_attr, zi.external_attr, offset,
        ) + filename
    start = len(out)
    out += central
    out += struct.pack(zipfile.structEndArchive, zipfile.stringEndArchive, 0, 0, len(members), len(members), len(central), start, 0)
    return bytes(out)


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
        parts = []
        for p in package.iter_parts():
            if isinstance(p, ImagePart):
                parts.append((p.partname, p.content_type, ImagePart, p.blob))
            elif isinstance(p, XmlPart) and hasattr(p, "new_pic_inline"):  # document, header, footer
                parts.append((p.partname, p.content_type, type(p), p._element))
            else:
                parts.append((p.partname, p.content_type, Part, None))
        rels = {}
        for name, source in [("/", package), *((str(p.partname), p) for p in package.iter_parts())]:
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

    def members(self, rendered: dict[str, Member], cached: list[Member | str], digits: str, cs_font: str) -> list[Member]:
        """Every member in python-docx's order: ``rendered`` parts, ``cached`` members where
        unchanged, new parts fixed for Thai, relationships and content types as python-docx writes them.

        Content types and relationships alike in several documents (the same
        parts and targets) are written and deflated once (`_shaped`).
        """
        known = {m.name: m for m in cached if isinstance(m, Member)}
        parts = list(self.package.iter_parts())
        out = [
            _shaped("[Content_Types].xml", tuple((str(p.partname), p.content_type) for p in parts),
                    lambda: _ContentTypesItem.from_parts(parts).blob),
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
                out.append(known[rels_name] if same else _rels_member(rels_name, str(part.partname), part.rels))
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
