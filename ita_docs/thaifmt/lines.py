"""Breaking a Thai title into lines at word boundaries, never inside a name.

Word and LibreOffice break Thai text with their own dictionaries, which do not
know an organisation's name: "เทศบาลเมืองเมืองทอง" may end a line after
"เทศบาล". Centred title lines (a cover, a document heading) are therefore
broken here, between PyThaiNLP words (``word_tokenize``, engine ``newmm``), with
the names in ``keep`` as single unbreakable words, and printed with explicit
line breaks. Widths are counted in characters that take room on a line (Thai
vowels above or below and tone marks take none). Pure functions; no I/O.
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import cache


def shown_length(text: str) -> int:
    """Characters of ``text`` that advance the line (combining marks, category Mn, do not).

    >>> shown_length("เมืองทอง"), shown_length("ที่นี่")
    (7, 2)
    """
    return sum(1 for ch in text if unicodedata.category(ch) != "Mn")


def _tokens(text: str, keep: tuple[str, ...]) -> list[str]:
    """Words of ``text``; each name of ``keep`` (longest first) stays one word; spaces are words."""
    names = sorted((k for k in keep if k), key=len, reverse=True)
    for name in names:
        at = text.find(name)
        if at >= 0:
            return [*_tokens(text[:at], keep), name, *_tokens(text[at + len(name) :], keep)]
    if not text:
        return []
    return word_tokenize(text)


@cache
def _dictionary() -> tuple[frozenset[str], int]:
    """PyThaiNLP's word list (the default dictionary of ``word_tokenize``) and its longest word's length."""
    from .pythainlp_data import pythainlp

    words: frozenset[str] = pythainlp("pythainlp.corpus").thai_words()
    return words, max(map(len, words), default=0)


#: Words of the texts broken in this process, by (text, keep_whitespace): a title is broken at
#: several widths, and `ita_docs.render.words` keeps them on disk between processes.
_SEGMENTS: dict[tuple[str, bool], tuple[str, ...]] = {}
_NEW: set[tuple[str, bool]] = set()
#: Texts kept in memory at most: a workbench running all day forgets them all past this.
MEMORY_LIMIT = 50_000


#: Texts longer than this (characters) find their dictionary words through `_index`: building it
#: costs about 40 ms once, looking a position up in it a quarter of trying every length.
LONG_TEXT = 2000


@cache
def _index() -> dict[str, list[str]]:
    """PyThaiNLP's words by their first 3 characters (a shorter word: by itself)."""
    index: dict[str, list[str]] = {}
    for word in _dictionary()[0]:
        index.setdefault(word[:3], []).append(word)
    return index


def _found(text: str) -> set[str]:
    """The dictionary words that occur in ``text``: every substring up to the longest word's length
    looked up in the word set, or for a long text (`LONG_TEXT`) the words of `_index` starting with
    the next 1 to 3 characters (the same set: linear in the text's length either way)."""
    if len(text) > LONG_TEXT:
        index = _index()
        return {
            w
            for i in range(len(text))
            for n in (1, 2, 3)
            for w in index.get(text[i : i + n], ())
            if (n == 3 or len(w) == n) and text.startswith(w, i)
        }
    words, longest = _dictionary()
    return {
        text[i : i + n]
        for i in range(len(text))
        for n in range(1, min(longest, len(text) - i) + 1)
        if text[i : i + n] in words
    }


def _segment(text: str, keep_whitespace: bool) -> tuple[str, ...]:
    from .pythainlp_data import pythainlp

    trie = pythainlp("pythainlp.util").Trie(_found(text))
    return tuple(
        pythainlp("pythainlp.tokenize").word_tokenize(
            text, custom_dict=trie, engine="newmm", keep_whitespace=keep_whitespace
        )
    )


def word_tokenize(text: str, *, keep_whitespace: bool = True) -> list[str]:
    """PyThaiNLP's ``word_tokenize(text, engine="newmm", keep_whitespace=...)``, the same words.

    newmm only ever looks up dictionary words that start somewhere in ``text``, so its
    dictionary is cut to the words that occur in ``text`` (`_found`) before the call: the same result
    without building PyThaiNLP's whole 62,000-word trie (0.6 s in every fresh process, issue 19).
    The words of a text are kept for the process (and, through `remember_words`, across them).
    """
    key = (text, keep_whitespace)
    found = _SEGMENTS.get(key)
    if found is None:
        if len(_SEGMENTS) >= MEMORY_LIMIT:
            _SEGMENTS.clear()
            _NEW.clear()
        found = _SEGMENTS[key] = _segment(text, keep_whitespace)
        _NEW.add(key)
    return list(found)


def remember_words(entries: list[tuple[str, bool, list[str]]]) -> int:
    """Take in words found earlier, ``(text, keep_whitespace, words)`` each, as `word_tokenize` gave
    them (with the same PyThaiNLP); returns how many were taken. An entry whose words are not
    strings or, with whitespace kept, do not spell ``text`` exactly is skipped.

    >>> remember_words([("กองคลัง", True, ["กอง", "คลัง"]), ("กองช่าง", True, ["กอง", "ข"])])
    1
    >>> word_tokenize("กองคลัง")
    ['กอง', 'คลัง']
    """
    taken = 0
    for entry in entries:
        try:
            text, keep_whitespace, words = entry
        except (TypeError, ValueError):
            continue
        if not (isinstance(text, str) and isinstance(keep_whitespace, bool) and isinstance(words, list)):
            continue
        if not all(isinstance(w, str) and w and w in text for w in words):
            continue
        if keep_whitespace and "".join(words) != text:
            continue
        _SEGMENTS.setdefault((text, keep_whitespace), tuple(words))
        taken += 1
    return taken


def learned_words() -> list[tuple[str, bool, list[str]]]:
    """The texts broken into words by this process since it started (not those remembered), in the
    form `remember_words` takes."""
    return [(text, flag, list(_SEGMENTS[(text, flag)])) for text, flag in _SEGMENTS if (text, flag) in _NEW]


def split_lines(text: str, width: int, keep: tuple[str, ...] = ()) -> list[str]:
    """``text`` broken into lines of at most ``width`` shown characters, between words.

    A space where a line breaks is dropped; a word longer than ``width`` gets a
    line of its own. ``keep`` names are never broken, except a name wider than a
    line, which is broken between its words, the shorter ``keep`` names in it (a
    place name inside an organisation's name) staying whole. Raises `ValueError`
    for a width below 1.

    >>> split_lines("รักษาราชการแทนผู้อำนวยการกองคลัง", 20)
    ['รักษาราชการแทน', 'ผู้อำนวยการกองคลัง']

    >>> split_lines("คณะกรรมการติดตามและพัฒนาผลการประเมิน ITA ของเทศบาลเมืองเมืองทอง", 40, ("เทศบาลเมืองเมืองทอง",))
    ['คณะกรรมการติดตามและพัฒนาผลการประเมิน ITA', 'ของเทศบาลเมืองเมืองทอง']
    """
    if width < 1:
        raise ValueError(f"width must be at least 1, got {width!r}")
    if shown_length(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    words: list[str] = []
    for word in _tokens(text, keep):
        if word in keep and shown_length(word) > width:  # a name wider than a line: broken at its own words
            words += _tokens(word, tuple(k for k in keep if k != word))
        else:
            words.append(word)
    for word in words:
        if line and shown_length(line + word.rstrip()) > width:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line += word
    if line.strip():
        lines.append(line.rstrip())
    return lines


def balanced_lines(text: str, width: int, keep: tuple[str, ...] = ()) -> list[str]:
    """`split_lines` with the same number of lines but lines as even as possible (a title's
    last line is not left with one word): broken at spaces when the lines fit that way, else
    between words.

    >>> balanced_lines("คณะกรรมการติดตามและพัฒนาผลการประเมิน ITA ของเทศบาลเมืองเมืองทอง", 36,
    ...                ("เทศบาลเมืองเมืองทอง",))
    ['คณะกรรมการติดตามและพัฒนาผลการประเมิน', 'ITA ของเทศบาลเมืองเมืองทอง']
    """
    lines = split_lines(text, width, keep)
    if len(lines) < 2:
        return lines
    spaced = _at_spaces(text, width, len(lines), keep)
    if spaced:
        return spaced
    best = lines
    narrow = width
    while narrow > 1:
        narrow -= 1
        tried = split_lines(text, narrow, keep)
        if len(tried) > len(lines):
            break
        best = tried
    return best


def _at_spaces(text: str, width: int, count: int, keep: tuple[str, ...]) -> list[str] | None:
    """The most even split of ``text`` into ``count`` lines at its spaces only (where a title is
    read in phrases), each line within ``width`` and no ``keep`` name cut; None if there is none."""
    parts = text.split(" ")
    if count > len(parts) or count > 4:
        return None
    best: tuple[int, list[str]] | None = None
    for cuts in itertools.combinations(range(1, len(parts)), count - 1):
        bounds = [0, *cuts, len(parts)]
        lines = [" ".join(parts[a:b]) for a, b in itertools.pairwise(bounds)]
        sizes = [shown_length(line) for line in lines]
        if max(sizes) > width or any(k in text and not any(k in line for line in lines) for k in keep):
            continue
        spread = max(sizes) - min(sizes)
        if best is None or spread < best[0]:
            best = (spread, lines)
    return best[1] if best else None
