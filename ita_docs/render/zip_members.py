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
from typing import Any

from .ooxml.package import FIXED_TIME

# zipfile's own (private) central-directory and end-record structures; typeshed leaves them out
# (tests/test_internals.py pins them)
_CENTRAL_DIR_STRUCT: str = zipfile.structCentralDir  # type: ignore[attr-defined]
_CENTRAL_DIR_SIGNATURE: bytes = zipfile.stringCentralDir  # type: ignore[attr-defined]
_END_STRUCT: str = zipfile.structEndArchive  # type: ignore[attr-defined]
_END_SIGNATURE: bytes = zipfile.stringEndArchive  # type: ignore[attr-defined]


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
    """Every member of the zip ``data``, in order. Raises `ZipTooBig` past the caps (`check_zip`)."""
    z = zipfile.ZipFile(io.BytesIO(data))
    check_zip(z)
    return [(info.filename, z.read(info.filename)) for info in z.infolist()]


# Caps on what a template or document opened through zip may inflate to (issue 19: a 2 MB template
# with a member inflating to 2 GB drove memory to 6.2 GB). The bundled templates' largest member is
# under 1 MB (styles) and deflates about 10 times; a picture does not deflate at all.
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # inflated / deflated size, for members over `RATIO_FROM` bytes
RATIO_FROM = 1024 * 1024


class ZipTooBig(ValueError):
    """A zip member over the caps: ``member`` (its name), ``size`` (bytes inflated), ``reason`` (words)."""

    def __init__(self, member: str, size: int, reason: str):
        super().__init__(f"{member}: {reason}")
        self.member, self.size, self.reason = member, size, reason


def check_zip(z: zipfile.ZipFile) -> None:
    """Raise `ZipTooBig` unless every member of ``z`` inflates to at most `MAX_MEMBER_BYTES`, all
    together to `MAX_TOTAL_BYTES`, and a member over `RATIO_FROM` bytes at most `MAX_RATIO` times its
    deflated size. Reads the central directory only. ``zipfile`` never inflates a member past the
    size recorded there (it stops, then fails the CRC), so these caps bound the memory of a read."""
    total = 0
    for info in z.infolist():
        size = info.file_size
        total += size
        mb = f"{size / 2**20:,.0f} MB"
        if size > MAX_MEMBER_BYTES:
            raise ZipTooBig(info.filename, size, f"inflates to {mb}, over {MAX_MEMBER_BYTES >> 20} MB")
        if size > RATIO_FROM and size > MAX_RATIO * max(info.compress_size, 1):
            ratio = size // max(info.compress_size, 1)
            raise ZipTooBig(
                info.filename, size, f"inflates {ratio:,} times ({mb}), over a ratio of {MAX_RATIO}"
            )
        if total > MAX_TOTAL_BYTES:
            raise ZipTooBig(
                info.filename, total, f"the members inflate to over {MAX_TOTAL_BYTES >> 20} MB together"
            )


def zip_problem(path: Any) -> ZipTooBig | None:
    """`check_zip` of the file at ``path``: the `ZipTooBig` found, or None (also when it is no zip:
    whoever opens it says why)."""
    try:
        with zipfile.ZipFile(path) as z:
            check_zip(z)
    except ZipTooBig as exc:
        return exc
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return None
    return None


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
        central += (
            struct.pack(
                _CENTRAL_DIR_STRUCT,
                _CENTRAL_DIR_SIGNATURE,
                zi.create_version,
                zi.create_system,
                zi.extract_version,
                zi.reserved,
                flags,
                zi.compress_type,
                dostime,
                dosdate,
                zi.CRC,
                zi.compress_size,
                zi.file_size,
                len(filename),
                0,
                0,
                0,
                zi.internal_attr,
                zi.external_attr,
                offset,
            )
            + filename
        )
    start = len(out)
    out += central
    out += struct.pack(
        _END_STRUCT,
        _END_SIGNATURE,
        0,
        0,
        len(members),
        len(members),
        len(central),
        start,
        0,
    )  # type: ignore[attr-defined]  # as above
    return bytes(out)
