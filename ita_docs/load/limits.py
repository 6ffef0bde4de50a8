"""Sizes and characters of a content file that no document can take, found before anything renders.

Issue 19: a 50 MB paragraph used to be blamed on the template (the render's
output cap), and a ``"\\ufffe"`` escape ended in an internal error (lxml refuses
it). Both are content problems, told at the file, line and field:

- `MAX_FILE_BYTES`: a content file over 4 MB is refused before it is read
  (content files are a few kB; the samples' largest is under 40 kB);
- `MAX_TEXT`: one text value over 100,000 characters (about 40 pages of Thai);
- characters XML 1.0 (so a .docx or .pptx) cannot hold: C0 controls other
  than tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF
  (XML 1.0, section 2.2 "Characters"). Raw ones in the file are already
  reported by `ita_docs.load.text`; these come from ``\\u``/``\\x`` escapes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..errors import ContentError, Location
from ..messages import msg

MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_TEXT = 100_000
MAX_REPORTED = 20  # problems of one file
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def file_too_big(file: Path) -> ContentError | None:
    """A `ContentError` naming ``file`` when it is over `MAX_FILE_BYTES` (checked without reading it)."""
    try:
        size = file.stat().st_size
    except OSError:
        return None  # reading it says why
    if size <= MAX_FILE_BYTES:
        return None
    return ContentError(
        msg("content_file_too_big", size=f"{size / 2**20:,.1f}", limit=MAX_FILE_BYTES // 2**20),
        Location(file),
    )


def text_problems(data: Any, locate: Callable[[tuple[Any, ...]], Location]) -> list[ContentError]:
    """Every text value of ``data`` (a parsed file) over `MAX_TEXT` characters or holding a character
    XML cannot hold, located by ``locate(path)``; at most `MAX_REPORTED`. Linear in the data's size."""
    errors = []
    for path, text in _texts(data, ()):
        if len(text) > MAX_TEXT:
            errors.append(ContentError(msg("text_too_long", n=len(text), limit=MAX_TEXT), locate(path)))
        else:
            bad = _NOT_XML.search(text)
            if bad:
                errors.append(ContentError(msg("xml_char", code=f"U+{ord(bad.group()):04X}"), locate(path)))
        if len(errors) >= MAX_REPORTED:
            break
    return errors


def _texts(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            if isinstance(k, str):
                yield from _texts(k, (*path, k))
            yield from _texts(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _texts(v, (*path, i))
