"""Thai word breaks kept on disk between processes: `load` before a set is rendered, `save` after.

Breaking a title into lines (`ita_docs.thaifmt.lines`) needs PyThaiNLP's word
list and its newmm tokenizer: importing PyThaiNLP and reading the list cost a
fresh process about 0.15 s (issue 19), for texts (titles, names, headings) that
rarely change between two builds. The words found are therefore kept in the
user's cache folder (`ita_docs.render.store.folder`, kind ``words``), in the
store's validated format (magic, SHA-256, JSON; never pickle), and taken back in
by the next process, which then imports PyThaiNLP only for a text it has not
seen.

Key (the file name): the SHA-256 of this format's version and of the size and
modification time of PyThaiNLP's ``__init__.py``, word list and newmm module, so
an upgraded PyThaiNLP starts afresh. Entries are checked again on the way in
(`ita_docs.thaifmt.lines.remember_words`). At most `LIMIT` texts are kept, the
newest. Concurrent writers (batch workers) replace the whole file atomically: the
last one wins and a text another worker found is at worst broken again later.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from typing import Any

from ..thaifmt import lines
from . import store

KIND = "words"
VERSION = b"ita-docs words 1"
#: Texts kept on disk at most (a set has a few hundred; about 100 bytes each).
LIMIT = 20_000
#: Longest text kept on disk (characters): a longer one (a pasted page) is broken again each time.
LONGEST = 2000

_LOADED: list[list[Any]] = []


def _key() -> str | None:
    """The cache key of the installed PyThaiNLP, or None when it cannot be found."""
    try:
        spec = importlib.util.find_spec("pythainlp")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    root = next(iter(spec.submodule_search_locations))
    h = hashlib.sha256(VERSION)
    for part in ("__init__.py", os.path.join("corpus", "words_th.txt"), os.path.join("tokenize", "newmm.py")):
        try:
            st = os.stat(os.path.join(root, part))
        except OSError:
            return None
        h.update(f"|{part}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def load() -> int:
    """Take the words kept on disk into this process (`ita_docs.thaifmt.lines.remember_words`);
    returns how many texts were taken. A missing, damaged or foreign file gives 0."""
    k = _key()
    found = store.read(k, KIND) if k else None
    if found is None:
        return 0
    entries = found[0].get("words")
    if not isinstance(entries, list):
        return 0
    _LOADED[:] = entries
    return lines.remember_words(entries)


def save() -> None:
    """Add this process's newly broken texts to the file on disk (the newest `LIMIT` kept);
    nothing when there are none, the cache is off or the folder cannot be written."""
    new = [e for e in lines.learned_words() if len(e[0]) <= LONGEST]
    k = _key()
    if not new or not k:
        return
    seen = {(t, f) for t, f, _ in new}
    kept = [e for e in _LOADED if isinstance(e, list) and len(e) == 3 and (e[0], e[1]) not in seen]
    entries = [*kept, *([t, f, w] for t, f, w in new)][-LIMIT:]
    store.write(k, {"words": entries}, store.Blobs(), KIND)
    _LOADED[:] = entries
