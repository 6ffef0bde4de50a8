"""Zip members deflated once and the zip written from them, as ``zipfile`` writes it.

A .docx or .pptx member that never changes (styles, theme, a slide layout) is
compressed once per template with `deflate`, kept with its CRC-32 and size as a
`Member`, and copied into every output by `write_zip`, whose bytes are exactly
those of ``zipfile.ZipFile(..., "w", ZIP_DEFLATED)`` adding each member by
``writestr(ZipInfo(name, FIXED_TIME))`` (tests compare them). Used by
`ita_docs.render.package` (documents) and `ita_docs.slides.package` (slide decks).
"""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

from .ooxml.package import FIXED_TIME


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
    added by ``writestr(ZipInfo(name, FIXED_TIME))`` (no zip64: members stay far below 2 GB)."""
    out = bytearray()
    central = bytearray()
    dt = FIXED_TIME
    dosdate = (dt[0] - 1980) << 9 | dt[1] << 5 | dt[2]
    dostime = dt[3] << 11 | dt[4] << 5 | (dt[5] // 2)
    for m in members:
        if max(m.size, len(m.data), len(out)) >= zipfile.ZIP64_LIMIT // 2:
            raise ValueError(f"{m.name}: too large for a zip member")
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
