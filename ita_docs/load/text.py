"""The text of a content file, before YAML reads it: its encoding and its control characters.

- Encoding. Files are UTF-8 (a UTF-8 BOM is fine). A UTF-16 or UTF-32 file (by its
  BOM, or by the NUL bytes of UTF-16 without one) is named as such; any other
  non-UTF-8 file (typically Thai TIS-620 / Windows-874 from old editors) is reported
  at the line and column of its first bad byte. Both say how to save as UTF-8 (`_decode`).
- Control characters. YAML forbids raw control characters (vertical tab from Word's
  Shift+Enter, U+001F, DEL, U+FFFE...). They are *reported*, each with its line and
  column (at most `MAX_CONTROL_REPORTED` per file), not silently stripped: an
  invisible character would otherwise end up in an official document, and the clerk
  can delete it once told where. To still find the file's other problems in the same
  run, the rest of the check reads each of them as a space (`_control_characters`).

Used by `ita_docs.load.reader`; knows nothing of YAML's structure or of the content model.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import yaml

from ..errors import ContentError, Location
from ..messages import msg

MAX_CONTROL_REPORTED = 20
"""Control characters reported one by one per file; the rest are counted."""

_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def _line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``, counting line breaks as YAML does."""
    line, start = 1, 0
    for m in _LINE_BREAK.finditer(text, 0, index):
        line, start = line + 1, m.end()
    return line, index - start + 1


def _decode(file: Path, data: bytes) -> tuple[str | None, ContentError | None]:
    """The text of a UTF-8 file, or the located error saying how it is encoded instead."""
    for bom, name in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if data.startswith(bom):
            return None, ContentError(msg("encoding_wide", encoding=name), Location(file, 1, 1))
    if b"\x00" in data and _looks_utf16(data):
        return None, ContentError(msg("encoding_wide", encoding="UTF-16"), Location(file, 1, 1))
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        word = (
            exc.start
        )  # point at the start of the word: a legacy Thai word can pass as a UTF-8 character or two
        while word > line_start and data[word - 1] >= 0x80:
            word -= 1
        prefix = data[line_start:word].decode("utf-8-sig" if line_start == 0 else "utf-8", errors="replace")
        line = data.count(b"\n", 0, exc.start) + 1
        guess = msg("encoding_thai_guess") if _looks_cp874(data) else ""
        text = msg("encoding_bad", byte=f"0x{data[exc.start]:02X}", guess=guess)
        return None, ContentError(text, Location(file, line, len(prefix) + 1))


def _looks_utf16(data: bytes) -> bool:
    """Whether NUL-bearing ``data`` reads as (BOM-less) UTF-16 text rather than binary."""
    sample = data[: 4096 & ~1]
    odd = sample[1::2].count(0)
    even = sample[0::2].count(0)
    if max(odd, even) * 32 < len(sample) // 2:
        return False  # YAML keys, indents and line ends are ASCII: UTF-16 has NULs all over, not a stray one
    try:
        text = sample.decode("utf-16-le" if odd >= even else "utf-16-be")
    except UnicodeDecodeError:
        return False
    return "\x00" not in text and len(_NON_PRINTABLE.findall(text)) <= len(text) // 20


def _looks_cp874(data: bytes) -> bool:
    """Whether ``data`` reads as Thai TIS-620 / Windows-874 text."""
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        return False
    return any("\u0e01" <= c <= "\u0e5b" for c in text)


_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


def _control_characters(text: str, file: Path, errors: list[ContentError]) -> str:
    """Report the control characters YAML refuses; return ``text`` with each read as a space."""
    found = list(_NON_PRINTABLE.finditer(text))
    for m in found[:MAX_CONTROL_REPORTED]:
        line, column = _line_col(text, m.start())
        errors.append(
            ContentError(msg("control_char", code=f"U+{ord(m.group()):04X}"), Location(file, line, column))
        )
    if len(found) > MAX_CONTROL_REPORTED:
        line, column = _line_col(text, found[MAX_CONTROL_REPORTED].start())
        errors.append(
            ContentError(
                msg("control_more", n=len(found) - MAX_CONTROL_REPORTED), Location(file, line, column)
            )
        )
    return _NON_PRINTABLE.sub(" ", text) if found else text
