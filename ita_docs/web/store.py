"""One content set's YAML files as the workbench edits them: round-trip, atomic, guarded, undoable.

The YAML stays the one source of truth, edited by two editors: a person in a text
editor and the workbench. So a save here:

- changes only the value it names (a dotted path such as ``assessment.indicators.4``
  or ``measures.2.title``: mapping keys, list indexes; a key written as a number
  in YAML, like an indicator number, is matched as a number) and keeps every other
  byte as the user wrote it: comments, key order, quoting, blank lines, flow
  mappings (ruamel.yaml's round-trip mode, in the file's own layout: `ita_docs.scaffold.roundtrip`);
- is refused with a `Conflict` when the value on disk is no longer the value the
  page was showing (``expected``), naming both values: never a silent overwrite
  of what somebody changed in another editor;
- is atomic: the new text is written to a temporary file beside the target and
  renamed over it (``os.replace``, on Windows as on Linux);
- keeps the file's previous text: the last `HISTORY` saves per file can be undone.

Which file a value lives in: the file whose top level holds the path's first key;
a top-level key no file has yet goes into a new ``<key>.yaml``.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..errors import ItaDocsError
from ..files import write_file
from ..load.loader import content_files
from ..messages import msg
from ..scaffold.roundtrip import dump, yaml

HISTORY = 20
"""How many earlier versions of each file are kept for undo (issue 15)."""

MISSING: Any = object()
"""Stands for "no value here" in `Conflict` and as an ``expected`` value."""


@dataclass
class Conflict(ItaDocsError):
    """The value at ``path`` changed on disk since the page loaded it: both values named."""

    path: str
    file: Path
    expected: Any
    actual: Any

    def __str__(self) -> str:
        return msg(
            "web_conflict",
            path=self.path,
            file=self.file.name,
            expected=show(self.expected),
            actual=show(self.actual),
        )


@dataclass
class BadPath(ItaDocsError):
    """A dotted path that does not lead to a value that can be set (e.g. a text where a list is)."""

    path: str

    def __str__(self) -> str:
        return msg("web_bad_path", path=self.path)


@dataclass
class BrokenFile(ItaDocsError):
    """A file of the set does not parse: nothing is saved into the set until it is fixed by hand
    (a save could otherwise write a key a second time into another file)."""

    file: Path
    error: str

    def __str__(self) -> str:
        return msg("web_broken_file", file=self.file.name, error=self.error)


@dataclass(frozen=True)
class Change:
    """One value to set: a dotted ``path``, its new ``value`` (`MISSING` deletes it), and the value
    the page showed (``expected``; None means "do not check")."""

    path: str
    value: Any
    expected: Any = None


def show(value: Any) -> str:
    """A value as the conflict message shows it (``(ไม่มีค่า)`` for none)."""
    if value is MISSING or value is None:
        return msg("web_no_value")
    return str(value)


def split_path(path: str) -> list[str]:
    """``"measures[2].title"`` or ``"measures.2.title"`` -> ``["measures", "2", "title"]``."""
    parts = path.replace("[", ".").replace("]", "").split(".")
    return [p for p in parts if p != ""]


def _key(node: dict, part: str) -> Any:
    """The key of ``node`` that ``part`` names: as written, else as a number (``4`` for indicators)."""
    if part in node:
        return part
    if part.lstrip("-").isdigit() and int(part) in node:
        return int(part)
    return part


def _get(node: Any, parts: Sequence[str]) -> Any:
    for part in parts:
        if isinstance(node, dict):
            key = _key(node, part)
            if key not in node:
                return MISSING
            node = node[key]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return MISSING
    return node


def plain(value: Any) -> Any:
    """A ruamel value as plain JSON-able Python (dicts, lists, str, int, float, bool, None)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


def as_dict(value: Any) -> dict[Any, Any]:
    """``value`` when it is a mapping, else an empty one (a draft may hold anything anywhere)."""
    return value if isinstance(value, dict) else {}


def same(a: Any, b: Any) -> bool:
    """Whether the page's value ``a`` and the disk's ``b`` are the same (numbers by value, text by text)."""
    if a is MISSING or b is MISSING or a is None or b is None:
        return (a is MISSING or a is None or a == "") and (b is MISSING or b is None or b == "")
    a, b = plain(a), plain(b)
    if isinstance(a, (int, float)) and not isinstance(a, bool) and isinstance(b, (int, float)):
        return float(a) == float(b)
    if (isinstance(a, str) and isinstance(b, (int, float))) or (
        isinstance(b, str) and isinstance(a, (int, float))
    ):
        return str(a).strip() == str(b).strip() or _number_text(a) == _number_text(b)
    return a == b


def _number_text(v: Any) -> float | str:
    try:
        return float(str(v))
    except ValueError:
        return str(v)


NUMBER_KEYED = frozenset({"indicators", "indicator_names", "previous"})
"""Mappings keyed by numbers in YAML (``indicators: {4: 60}``): a new key there is written as a number."""


def _dict_key(node: dict, part: str, parent: str) -> Any:
    key = _key(node, part)
    if (
        isinstance(key, str)
        and key not in node
        and part.isdigit()
        and (parent in NUMBER_KEYED or _int_keys(node))
    ):
        return int(part)
    return key


def _set(root: CommentedMap, parts: list[str], value: Any, path: str) -> None:
    node: Any = root
    parent = ""
    for i, part in enumerate(parts[:-1]):
        nxt = parts[i + 1]
        if isinstance(node, dict):
            key = _dict_key(node, part, parent)
            if key not in node or node[key] is None:
                node[key] = CommentedSeq() if nxt.isdigit() and part not in NUMBER_KEYED else CommentedMap()
            node = node[key]
        elif isinstance(node, list) and part.isdigit() and int(part) <= len(node):
            if int(part) == len(node):
                node.append(CommentedMap())
            node = node[int(part)]
        else:
            raise BadPath(path)
        parent = part
    last = parts[-1]
    if isinstance(node, dict):
        key = _dict_key(node, last, parent)
        if value is MISSING:
            node.pop(key, None)
        else:
            node[key] = value
    elif isinstance(node, list) and last.isdigit() and int(last) <= len(node):
        if value is MISSING:
            if int(last) < len(node):
                del node[int(last)]
        elif int(last) == len(node):
            node.append(value)
        else:
            node[int(last)] = value
    else:
        raise BadPath(path)


def _int_keys(node: dict) -> bool:
    return bool(node) and all(isinstance(k, int) for k in node)


class SetStore:
    """The YAML files of the content set in ``folder``, for reading and changing values.

    Thread-safe: saves to one set are serialised. History lives in memory for the
    server's run (`HISTORY` texts per file, newest last).
    """

    def __init__(self, folder: Path, on_write: Callable[[Path, bytes], None] | None = None) -> None:
        self.folder = Path(folder)
        self.on_write = on_write
        self._lock = threading.RLock()
        self._history: dict[str, deque[bytes]] = {}
        self._cache: dict[Path, tuple[tuple[int, int], dict[str, Any]]] = {}
        self._broken: dict[Path, str] = {}

    # ------------------------------------------------------------------ reading
    def files(self) -> list[Path]:
        return content_files(self.folder) if self.folder.is_dir() else []

    def _load(self, file: Path) -> CommentedMap:
        data = yaml().load(file.read_bytes().decode("utf-8-sig"))
        return data if isinstance(data, CommentedMap) else CommentedMap()

    def _dump(self, file: Path, doc: CommentedMap) -> bytes:
        old = file.read_bytes().decode("utf-8-sig") if file.exists() else ""
        return dump(doc, old).encode("utf-8")

    def _plain(self, file: Path) -> dict[str, Any]:
        """``file``'s mapping as plain values, cached while its size and time stay the same;
        an empty mapping when it does not parse (check reports the YAML error with its line)."""
        try:
            st = file.stat()
        except OSError:
            return {}
        stamp = (st.st_mtime_ns, st.st_size)
        cached = self._cache.get(file)
        if cached and cached[0] == stamp:
            return cached[1]
        try:
            data = plain(self._load(file))
            self._broken.pop(file, None)
        except Exception as exc:
            data = {}
            self._broken[file] = " ".join(str(exc).split())[:300]
        self._cache[file] = (stamp, data)
        return data

    def check_files(self) -> None:
        """Raise `BrokenFile` for the first file of the set that does not parse."""
        for f in self.files():
            self._plain(f)
            if f in self._broken:
                raise BrokenFile(f, self._broken[f])

    def owner(self, top: str) -> Path:
        """The file that holds top-level key ``top`` (a new ``<top>.yaml`` when none does)."""
        for f in self.files():
            if top in self._plain(f):
                return f
        return self.folder / f"{top}.yaml"

    def data(self) -> dict[str, Any]:
        """Every file's top-level mapping merged, as plain JSON-able values (a copy)."""
        import copy

        merged: dict[str, Any] = {}
        for f in self.files():
            merged.update(self._plain(f))
        return copy.deepcopy(merged)

    def get(self, path: str) -> Any:
        parts = split_path(path)
        file = self.owner(parts[0])
        return _get(self._plain(file), parts) if file.exists() else MISSING

    # ------------------------------------------------------------------ writing
    def apply(self, changes: Sequence[Change]) -> list[Path]:
        """Set every change (all or nothing); return the files written.

        Raises `Conflict` (the first value that differs from its ``expected``),
        `BadPath` or `BrokenFile`; nothing is written then.
        """
        with self._lock:
            self.check_files()
            docs: dict[Path, CommentedMap] = {}
            for ch in changes:
                parts = split_path(ch.path)
                if not parts:
                    raise BadPath(ch.path)
                file = self.owner(parts[0])
                if file not in docs:
                    docs[file] = self._load(file) if file.exists() else CommentedMap()
                if ch.expected is not None:
                    actual = _get(docs[file], parts)
                    if not same(ch.expected, actual):
                        raise Conflict(
                            ch.path, file, ch.expected, plain(actual) if actual is not MISSING else MISSING
                        )
                _set(docs[file], parts, ch.value, ch.path)
            return self._write(docs)

    def mutate(self, top: str, edit: Callable[[CommentedMap], None]) -> list[Path]:
        """Run ``edit`` on the round-trip mapping of the file owning ``top`` and save it."""
        with self._lock:
            self.check_files()
            file = self.owner(top)
            doc = self._load(file) if file.exists() else CommentedMap()
            edit(doc)
            return self._write({file: doc})

    def _write(self, docs: dict[Path, CommentedMap]) -> list[Path]:
        written = []
        for file, doc in docs.items():
            new = self._dump(file, doc)
            old = file.read_bytes() if file.exists() else None
            if old == new:
                continue
            if self.on_write:
                self.on_write(file, new)
            write_file(file, new)
            if old is not None:
                hist = self._history.setdefault(file.name, deque(maxlen=HISTORY))
                hist.append(old)
            written.append(file)
        return written

    def undo_depth(self, name: str) -> int:
        """How many saves of file ``name`` can be undone."""
        return len(self._history.get(name, ()))

    def undo(self, name: str) -> Path | None:
        """Put back file ``name`` as it was before its last save; None when there is nothing to undo."""
        with self._lock:
            hist = self._history.get(name)
            if not hist:
                return None
            file = self.folder / name
            data = hist.pop()
            if self.on_write:
                self.on_write(file, data)
            write_file(file, data)
            return file


__all__ = [
    "HISTORY",
    "MISSING",
    "BadPath",
    "BrokenFile",
    "Change",
    "Conflict",
    "SetStore",
    "as_dict",
    "plain",
    "same",
    "show",
    "split_path",
]
