"""Compiled templates kept on disk, so a fresh process (one ``ita-docs build``, each batch worker)
does not compile them again: `read` and `write`, and `remembered` over them, used by
`ita_docs.render.compiled.compiled`.

Where: the user's cache folder (``platformdirs.user_cache_dir("ita-docs")``, e.g.
``~/.cache/ita-docs`` or ``%LOCALAPPDATA%\\ita-docs\\Cache``) under ``templates/``;
``ITA_DOCS_CACHE`` names another folder, or turns the cache off with ``off``. The
user's own cache folder rather than the output folder: one compile serves every
output folder and content set, and the folder is private to the user (the trust
boundary of the files read back, see below). Nothing is written when it cannot be.

Other kinds share the folder and format: ``words`` (`ita_docs.render.words`), ``charts``
(`ita_docs.render.charts`) and ``slides`` (`ita_docs.slides.package`). Each kind keeps at
most `KEEP` files, the newest (an upgrade's new keys replace the old files in time).

Key (the file name): SHA-256 of the template's bytes, the digits, the ita-docs
version, a digest of the source of the modules a compiled template comes from,
and the versions of Python (marshal), Jinja2, docxtpl and python-docx. A changed
template or a changed ita-docs simply misses.

Format, validated before use, never pickle: ``MAGIC``, the SHA-256 of the rest,
then a JSON header and the blobs it points at (zip members already deflated,
XML, marshalled Jinja code). A file whose hash, magic, key or shape does not
match is ignored and compiled again (then overwritten): corruption, a torn
write or a file of another version is never trusted. The Jinja code is that of
``Environment.compile``, loaded with ``marshal`` as Jinja's own bytecode cache
does; the hash guards against damage, the folder's owner against tampering.
Writers write a temporary file beside the target and rename it (atomic), so
concurrent workers never read half a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

MAGIC = b"ita-docs compiled template 1\n"
#: The modules (relative to the ita_docs package) whose code shapes a compiled template; with
#: ``render/ooxml/*.py`` they are part of the cache key (a test checks that each exists).
SOURCES = (
    "render/compiled.py",
    "render/fast_render.py",
    "render/store.py",
    "render/package.py",
    "render/docxtpl_post.py",
    "render/zip_members.py",
    "context/sandbox.py",
    "context/checks.py",
    "context/limits.py",
    "context/expressions.py",
    "context/vocabulary.py",
)


def folder(kind: str = "templates") -> Path | None:
    """The cache folder of ``kind`` (a key of `KEEP`: ``templates``, ``words``, ``charts``, ``slides``),
    or None when the cache is off (``ITA_DOCS_CACHE=off``)."""
    given = os.environ.get("ITA_DOCS_CACHE")
    if given:
        return None if given.lower() in ("off", "0", "no") else Path(given) / kind
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("ita-docs", appauthor=False)) / kind


_DIGESTS: dict[tuple[tuple[str, ...], tuple[str, ...]], str] = {}


def code_digest(sources: tuple[str, ...], dists: tuple[str, ...]) -> str:
    """What a cached thing depends on besides its input (hex SHA-256): the ita-docs, Python and
    format versions, the installed versions of the distributions ``dists`` (e.g. ``"python-pptx"``)
    and the source of the modules ``sources`` (paths relative to the ita_docs package; a glob such as
    ``render/ooxml/*.py`` takes every match). Computed once per process."""
    k = (sources, dists)
    if k not in _DIGESTS:
        from .. import __version__

        h = hashlib.sha256(f"{__version__}|{sys.version}|{MAGIC!r}".encode())
        for dist in dists:
            try:
                h.update(f"|{dist}={metadata.version(dist)}".encode())
            except metadata.PackageNotFoundError:
                h.update(f"|{dist}=?".encode())
        package = Path(__file__).parent.parent
        for name in sources:
            files = sorted(package.glob(name)) if "*" in name else [package / name]
            for f in files:
                try:
                    h.update(f.read_bytes())
                except OSError:
                    h.update(name.encode())
        _DIGESTS[k] = h.hexdigest()
    return _DIGESTS[k]


def _code_digest() -> str:
    """What the compiled form of a template depends on besides the template: versions and our own modules."""
    return code_digest((*SOURCES, "render/ooxml/*.py"), ("jinja2", "docxtpl", "python-docx"))


def key(template_digest: bytes, digits: str) -> str:
    """The cache key (hex) of a template's bytes (their SHA-256) compiled for ``digits``."""
    return hashlib.sha256(template_digest + digits.encode() + _code_digest().encode()).hexdigest()


class _Blobs:
    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.size = 0

    def add(self, data: bytes) -> list[int]:
        self.parts.append(data)
        self.size += len(data)
        return [self.size - len(data), len(data)]


def encode(k: str, header: dict[str, Any], blobs: _Blobs) -> bytes:
    head = json.dumps({"key": k, **header}, ensure_ascii=True).encode()
    body = len(head).to_bytes(4, "big") + head + b"".join(blobs.parts)
    return MAGIC + hashlib.sha256(body).digest() + body


def decode(k: str, data: bytes) -> tuple[dict[str, Any], memoryview] | None:
    """The header and blob area of a cache file, or None unless its magic, hash and key match."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 36:
        return None
    digest, body = data[len(MAGIC) : len(MAGIC) + 32], data[len(MAGIC) + 32 :]
    if hashlib.sha256(body).digest() != digest:
        return None
    n = int.from_bytes(body[:4], "big")
    header = json.loads(body[4 : 4 + n])
    if not isinstance(header, dict) or header.get("key") != k:
        return None
    return header, memoryview(body)[4 + n :]


def read(k: str, kind: str = "templates") -> tuple[dict[str, Any], memoryview] | None:
    """The validated content of the cache file of ``k``, or None (missing, off, damaged)."""
    where = folder(kind)
    if where is None:
        return None
    try:
        data = (where / f"{k}.bin").read_bytes()
        return decode(k, data)
    except (OSError, ValueError):
        return None


#: Files kept per kind at most (a bundled template compiles to about 60 KB, a chart 10 KB).
KEEP = {"templates": 256, "words": 8, "charts": 512, "slides": 64}


def write(k: str, header: dict[str, Any], blobs: _Blobs, kind: str = "templates") -> None:
    """Write the cache file of ``k`` atomically (temporary file, then rename), then keep the newest
    ``KEEP[kind]`` files of the kind (`prune`); silently nothing on failure."""
    where = folder(kind)
    if where is None:
        return
    tmp = None
    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".bin", dir=where)
        with os.fdopen(fd, "wb") as fh:
            fh.write(encode(k, header, blobs))
        os.replace(tmp, where / f"{k}.bin")
    except OSError:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        return
    prune(kind, KEEP.get(kind, 256))


def remembered(
    k: str | None,
    kind: str,
    build: Callable[[], T | None],
    to_disk: Callable[[T, _Blobs], dict[str, Any] | None],
    from_disk: Callable[[dict[str, Any], memoryview], T | None],
) -> T | None:
    """What is kept under ``k`` of ``kind``, as ``from_disk(header, blobs)`` reads it back; else (no file,
    damaged, or ``from_disk`` gives None: not of this shape) ``build()``, then kept with the header
    ``to_disk(value, blobs)`` gives. A None from ``build`` or ``to_disk`` is not kept; a None ``k``
    (what cannot be keyed) is neither read nor kept. Raises only what ``build`` raises."""
    found = read(k, kind) if k else None
    if found is not None:
        value = from_disk(*found)
        if value is not None:
            return value
    value = build()
    if k and value is not None:
        blobs = _Blobs()
        header = to_disk(value, blobs)
        if header is not None:
            write(k, header, blobs, kind)
    return value


def prune(kind: str, keep: int) -> None:
    """Delete all but the ``keep`` newest cache files of ``kind`` (by modification time); silently
    nothing on failure (another process may be pruning too)."""
    where = folder(kind)
    if where is None:
        return
    try:
        files = [(e.stat().st_mtime_ns, e.path) for e in os.scandir(where) if e.name.endswith(".bin")]
    except OSError:
        return
    if len(files) <= keep:
        return
    for _t, path in sorted(files)[: len(files) - keep]:
        with contextlib.suppress(OSError):
            os.unlink(path)


def blob(area: memoryview, ref: Any) -> bytes:
    """The bytes a header reference ``[offset, length]`` points at; ValueError when out of range."""
    if not (isinstance(ref, list) and len(ref) == 2 and all(isinstance(x, int) and x >= 0 for x in ref)):
        raise ValueError("bad reference")
    start, length = ref
    if start + length > len(area):
        raise ValueError("reference out of range")
    return bytes(area[start : start + length])


def load_code(data: bytes) -> Any:
    """A code object from marshalled bytes (checked to be one)."""
    code = marshal.loads(data)
    if type(code).__name__ != "code":
        raise ValueError("not code")
    return code


def dump_code(code: Any) -> bytes:
    return marshal.dumps(code)


Blobs = _Blobs
