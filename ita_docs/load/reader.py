"""Reading one content file as YAML, safely: its data, where each key and value was written, its problems.

`_parse_file` reads a file's bytes as text (`ita_docs.load.text`: encoding, control
characters), parses it with libyaml's parser when it can, else PyYAML's
(`ita_docs.load.safe_yaml`: dates as text, depth, size and alias caps), and records the
line and column of every key and value (`Positions`). Duplicate keys in one mapping
(YAML keeps the last silently) are errors naming both lines. Every problem is a
`ContentError` located in the file; whatever the file holds, no other exception.

Knows nothing of the content model: `ita_docs.load.loader` merges the files and validates them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import ContentError, Location
from ..messages import msg
from .limits import file_too_big, text_problems
from .safe_yaml import _CLoader, _CParser, _Loader, _Refused, _short
from .text import _control_characters, _decode

PathKey = tuple[Any, ...]


def _norm(path: PathKey) -> PathKey:
    """Path parts as text, so ``indicators.7`` (YAML key 7) and pydantic's ``'7'`` meet."""
    return tuple(p if isinstance(p, str) else str(p) for p in path)


@dataclass
class Positions:
    """Where each field path of the merged content was written.

    ``values[path]`` is the (file, line, column) of the value, ``keys[path]``
    that of its key; lines and columns are 1-based. Paths are stored with every
    part as text (see `_norm`); `locate` accepts ints and other keys too.
    """

    values: dict[PathKey, tuple[Path, int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[Path, int, int]] = field(default_factory=dict)

    def locate(self, path: PathKey, *, key: bool = False) -> Location:
        """The location of ``path``, or of its nearest written ancestor."""
        field_name = _dotted(path)
        p = _norm(path)
        while True:
            table = self.keys if key else self.values
            hit = table.get(p) or self.values.get(p)
            if hit:
                return Location(hit[0], hit[1], hit[2], field_name)
            if not p:
                return Location(field=field_name)
            p = p[:-1]


def _dotted(path: PathKey) -> str:
    out = ""
    for part in path:
        if isinstance(part, int) and out and not isinstance(part, bool):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_MERGE_TAG = "tag:yaml.org,2002:merge"
_NO_KEY = object()


def _scalar_key(knode: yaml.Node, loader: _Loader) -> Any:
    """The Python value of a plain key node, or `_NO_KEY` (merge key, collection, bad value)."""
    if not isinstance(knode, yaml.ScalarNode) or knode.tag == _MERGE_TAG:
        return _NO_KEY
    try:
        key = loader.construct_object(knode)
        hash(key)
    except (yaml.YAMLError, TypeError):
        return _NO_KEY  # reported when the document is constructed
    return key


def _duplicate_keys(root: yaml.Node, file: Path, loader: _Loader) -> list[ContentError]:
    """A located error for every key written twice in one mapping (any depth)."""
    errors: list[ContentError] = []
    done: set[int] = set()
    stack: list[tuple[yaml.Node, PathKey]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if id(node) in done:
            continue
        done.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, i)) for i, item in enumerate(node.value))
        elif isinstance(node, yaml.MappingNode):
            first: dict[Any, yaml.Node] = {}
            for knode, vnode in node.value:
                key = _scalar_key(knode, loader)
                if key is _NO_KEY:
                    stack.append((vnode, path))
                    continue
                if key in first:
                    where = Location(
                        file, knode.start_mark.line + 1, knode.start_mark.column + 1, _dotted((*path, key))
                    )
                    text = msg(
                        "duplicate_key_here",
                        key=_short(key),
                        first=first[key].start_mark.line + 1,
                        line=where.line,
                    )
                    errors.append(ContentError(text, where))
                else:
                    first[key] = knode
                stack.append((vnode, (*path, key)))
    return errors


def _walk(node: yaml.Node, path: PathKey, file: Path, pos: Positions, loader: yaml.SafeLoader) -> None:
    mark = node.start_mark
    pos.values[path] = (file, mark.line + 1, mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for knode, vnode in node.value:
            key = str(loader.construct_object(knode, deep=True))
            kmark = knode.start_mark
            pos.keys[(*path, key)] = (file, kmark.line + 1, kmark.column + 1)
            _walk(vnode, (*path, key), file, pos, loader)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, str(i)), file, pos, loader)


# Where libyaml and PyYAML read a text differently (found by comparing them on mutated
# content, tests/load/test_loader_libyaml.py): tabs and U+FEFF in the middle of a line
# (PyYAML refuses), "?" in flow collections, the non-specific tag "!", a comment
# right after a block scalar's "|" or ">" (libyaml takes). Such a file is PyYAML's.
_LIBYAML_DIFFERS = re.compile(r"[\t\ufeff?!]|[|>][-+0-9]*#")


def _flow_gap(root: yaml.Node) -> bool:
    """Whether a flow collection holds an empty plain scalar (``{a: }``): libyaml marks it at the
    next token, PyYAML after the ":"."""
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen or not isinstance(node, yaml.CollectionNode):
            continue
        seen.add(id(node))
        children = (
            node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
        )
        if node.flow_style and any(
            isinstance(c, yaml.ScalarNode) and c.value == "" and not c.style for c in children
        ):
            return True
        stack.extend(children)
    return False


def _read(text: str, file: Path, loader_class: type) -> tuple[Any, Positions | None, list[ContentError]]:
    """The data of one YAML text, the positions of its keys and values, and its problems.

    With `_CLoader`, a text it may read otherwise than PyYAML (`_flow_gap`) raises `ValueError`.
    """
    errors: list[ContentError] = []
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None, [ContentError(msg("empty_file"), Location(file, 1, 1))]
        if loader_class is _CLoader and _flow_gap(node):
            raise ValueError("empty value in a flow collection")
        errors.extend(_duplicate_keys(node, file, loader))
        data = loader.construct_document(node)
        file_pos = Positions()
        _walk(node, (), file, file_pos, loader)
    except _Refused as exc:
        return (
            None,
            None,
            [
                ContentError(
                    exc.message,
                    Location(
                        file,
                        exc.mark.line + 1 if exc.mark else None,
                        exc.mark.column + 1 if exc.mark else None,
                    ),
                )
            ],
        )
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or str(exc)
        if "\t" in problem or "tab" in problem:
            problem += msg("yaml_tab")
        return (
            None,
            None,
            [
                ContentError(
                    msg("yaml_syntax", problem=problem),
                    Location(file, mark.line + 1 if mark else None, mark.column + 1 if mark else None),
                )
            ],
        )
    except yaml.YAMLError as exc:
        return None, None, [ContentError(msg("yaml_syntax", problem=exc), Location(file))]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return (
            None,
            None,
            [*errors, ContentError(msg("not_mapping_file"), Location(file, node.start_mark.line + 1, 1))],
        )
    return data, file_pos, errors


def _parse_file(file: Path, pos: Positions, errors: list[ContentError]) -> dict[str, Any] | None:
    too_big = file_too_big(file)
    if too_big:
        errors.append(too_big)
        return None
    try:
        raw = file.read_bytes()
    except OSError as exc:
        errors.append(ContentError(msg("unreadable", error=exc), Location(file)))
        return None
    text, problem = _decode(file, raw)
    if problem is not None:
        errors.append(problem)
    if text is None:
        return None
    text = _control_characters(text, file, errors)
    found: list[ContentError] | None = None
    if _CParser is not None and not _LIBYAML_DIFFERS.search(text):
        try:
            data, file_pos, found = _read(text, file, _CLoader)
        except Exception:
            found = None
    if found is None or found:  # a problem is told as PyYAML tells it
        data, file_pos, found = _read(text, file, _Loader)
    errors.extend(found)
    if file_pos is None:
        return None
    if not found:
        errors.extend(text_problems(data, file_pos.locate))
    pos.values.update({k: v for k, v in file_pos.values.items() if k})
    pos.keys.update(file_pos.keys)
    return data
