"""Load a content set (a folder of YAML files, or one file) into a `Content`.

Validation happens once, here, at the edge: YAML is parsed safely with the
position of every key kept, the merged mapping is validated by pydantic, then
cross-references are checked. Every problem is collected and raised at once as
`ContentErrors`, each naming the file, line, column and field path, in the
user's language (`ita_docs.messages`).

Whatever a file holds, the result is a `LoadedContent` or `ContentErrors` whose
every error names a file; never another exception. In particular:

- Encoding. Files are UTF-8 (a UTF-8 BOM is fine). A UTF-16 or UTF-32 file (by its
  BOM, or by the NUL bytes of UTF-16 without one) is named as such; any other
  non-UTF-8 file (typically Thai TIS-620 / Windows-874 from old editors) is reported
  at the line and column of its first bad byte. Both say how to save as UTF-8.
- Control characters. YAML forbids raw control characters (vertical tab from Word's
  Shift+Enter, U+001F, DEL, U+FFFE...). They are *reported*, each with its line and
  column (at most `MAX_CONTROL_REPORTED` per file), not silently stripped: an
  invisible character would otherwise end up in an official document, and the clerk
  can delete it once told where. To still find the file's other problems in the same
  run, the rest of the check reads each of them as a space.
- Dates. `_Loader` does not let YAML build timestamps: ``2566-02-30`` or ``0000-01-01``
  would crash PyYAML, and ``2567-02-29`` (BE) is a real day only once made CE
  (29 February 2024). Dates stay text and `ita_docs.models` reads them, converting a
  BE year first; an impossible day is a located error.
- Size. At most `MAX_DEPTH` nested collections (counting through aliases) and
  `MAX_NODES` nodes per file *after alias expansion*. Both are counted on the node
  graph while it is composed, before any Python object is built, so deep nesting,
  an alias that contains itself (``x: &a [*a]``) and "billion laughs" alias bombs are
  refused quickly, at the line of the offending alias or bracket.
- Duplicate keys in one mapping (YAML keeps the last silently) are errors naming
  both lines; duplicate top-level keys across files are errors too.
- ``organisation.emblem`` must be an image file (as python-docx reads it: PNG, JPEG,
  GIF, BMP, TIFF) inside the content folder.
"""
from __future__ import annotations

import codecs
import difflib
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import Any

import yaml
from docx.image.image import Image
from pydantic import BaseModel, ValidationError
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from .errors import ContentError, ContentErrors, Location
from .messages import msg
from .models import Content

PathKey = tuple[Any, ...]

MAX_DEPTH = 100
"""Deepest nesting of lists/mappings in one file, aliases followed. Real content is
under 10 deep; 100 keeps every recursive step (composer, merge keys, positions,
pydantic) far below Python's recursion limit."""

MAX_NODES = 100_000
"""Most YAML nodes in one file once aliases are expanded. The largest bundled file has
454 (a 4.5 MB file of real text would reach the limit, and take PyYAML ~20 s to read);
aliases are what can multiply a small file: a 469-byte alias bomb (10**7 nodes) is
refused at its alias in a few milliseconds, and the worst expansion allowed costs about
a second of validation."""

MAX_CONTROL_REPORTED = 20
"""Control characters reported one by one per file; the rest are counted."""

try:  # libyaml's scanner and parser (`_CLoader`)
    from yaml._yaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml: `_Loader` reads everything
    _CParser = None


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


@dataclass
class LoadedContent:
    """A validated content set: the model, its folder, positions and warnings."""

    content: Content
    root: Path
    files: list[Path]
    positions: Positions
    warnings: list[ContentError] = field(default_factory=list)

    def warn(self, path: PathKey, message: str) -> None:
        self.warnings.append(ContentError(message, self.positions.locate(path)))

    def content_templates(self) -> Path | None:
        """The content set's own template folder (``templates:``, relative to its folder), if named."""
        return self.root / self.content.templates if self.content.templates else None


def _dotted(path: PathKey) -> str:
    out = ""
    for part in path:
        if isinstance(part, int) and out and not isinstance(part, bool):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


# --------------------------------------------------------------------------- safe YAML


class _Refused(Exception):
    """A document the loader will not build: a user message and the mark it points at."""

    def __init__(self, message: str, mark: yaml.Mark):
        super().__init__(message)
        self.message = message
        self.mark = mark


class _Limits:
    """What `_Loader` and `_CLoader` add to a safe loader: timestamps kept as text, runaway documents refused.

    While composing, it counts the depth of nesting and the size of every node
    after alias expansion (an alias counts as the whole node it names), so a
    document over `MAX_DEPTH` or `MAX_NODES`, or an alias inside the very node it
    names, is refused with the mark of the bracket or alias, before any Python
    object is constructed. A scalar whose explicit tag cannot be read
    (``!!int abc``) is a `yaml.constructor.ConstructorError` at its mark.
    """

    def _start(self) -> None:
        self._depth = 0
        self._expanded = 0  # nodes composed so far, each alias counted at its full size
        self._open: set[str] = set()  # anchors of nodes still being composed
        self._size: dict[int, int] = {}  # id(node) -> nodes after expansion
        self._height: dict[int, int] = {}  # id(node) -> nesting depth, aliases followed

    def _count(self, n: int, mark: yaml.Mark, anchor: str | None) -> None:
        self._expanded += n
        if self._expanded > MAX_NODES:
            if anchor is not None:
                raise _Refused(msg("yaml_alias_bomb", anchor=anchor, limit=f"{MAX_NODES:,}"), mark)
            raise _Refused(msg("yaml_too_many", limit=f"{MAX_NODES:,}"), mark)

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            if event.anchor in self._open:
                raise _Refused(msg("yaml_alias_cycle", anchor=event.anchor), event.start_mark)
            target = self.anchors.get(event.anchor)
            if target is not None:
                self._count(self._size.get(id(target), 1), event.start_mark, event.anchor)
            return super().compose_node(parent, index)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(msg("yaml_too_deep", limit=MAX_DEPTH), event.start_mark)
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self._open.add(anchor)
        before = self._expanded
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
            self._open.discard(anchor)
        self._count(1, node.start_mark, None)
        self._size[id(node)] = self._expanded - before
        if isinstance(node, yaml.CollectionNode):
            children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
            height = 1 + max((self._height.get(id(c), 1) for c in children), default=0)
            if height > MAX_DEPTH:
                raise _Refused(msg("yaml_too_deep", limit=MAX_DEPTH), node.start_mark)
            self._height[id(node)] = height
        return node

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, KeyError, IndexError, OverflowError):
            # e.g. int('', 16) for "0x_", or bool_values["abc"] for "!!bool abc"
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            value = _short(node.value) if isinstance(node, yaml.ScalarNode) else ""
            raise yaml.constructor.ConstructorError(None, None, msg("yaml_tag_value", tag=tag, value=value), node.start_mark) from None


class _Loader(_Limits, yaml.SafeLoader):
    """`yaml.SafeLoader` (pure Python) with `_Limits`: the reference, and what tells every problem."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._start()


class _CLoader(_Limits, Composer, *([_CParser] if _CParser is not None else []), SafeConstructor, Resolver):  # type: ignore[misc]
    """`_Loader` reading its events from libyaml (`yaml.CSafeLoader`'s parser, about 8 times faster).

    Only the scanner and parser are libyaml's: nodes are composed by PyYAML's
    Python composer (so `_Limits` counts them as they are made), constructed
    and resolved by PyYAML's Python classes, with libyaml's marks (line and
    column in characters, as PyYAML's). A file it finds any problem in is read
    again by `_Loader`, whose messages are the ones users see (`_parse_file`).
    """

    def __init__(self, stream: str) -> None:
        _CParser.__init__(self, stream)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self._start()


# Dates stay text: `ita_docs.models` reads them (BE year first, then the day).
_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)
_CLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)

_MERGE_TAG = "tag:yaml.org,2002:merge"
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
        word = exc.start  # point at the start of the word: a legacy Thai word can pass as a UTF-8 character or two
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
        errors.append(ContentError(msg("control_char", code=f"U+{ord(m.group()):04X}"), Location(file, line, column)))
    if len(found) > MAX_CONTROL_REPORTED:
        line, column = _line_col(text, found[MAX_CONTROL_REPORTED].start())
        errors.append(ContentError(msg("control_more", n=len(found) - MAX_CONTROL_REPORTED), Location(file, line, column)))
    return _NON_PRINTABLE.sub(" ", text) if found else text


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
                    where = Location(file, knode.start_mark.line + 1, knode.start_mark.column + 1, _dotted((*path, key)))
                    text = msg("duplicate_key_here", key=_short(key), first=first[key].start_mark.line + 1, line=where.line)
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
# content, tests/test_loader_libyaml.py): tabs and U+FEFF in the middle of a line
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
        children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
        if node.flow_style and any(isinstance(c, yaml.ScalarNode) and c.value == "" and not c.style for c in children):
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
        return None, None, [ContentError(exc.message, Location(file, exc.mark.line + 1, exc.mark.column + 1))]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or str(exc)
        if "\t" in problem or "tab" in problem:
            problem += msg("yaml_tab")
        return None, None, [ContentError(msg("yaml_syntax", problem=problem), Location(file, mark.line + 1 if mark else None, mark.column + 1 if mark else None))]
    except yaml.YAMLError as exc:
        return None, None, [ContentError(msg("yaml_syntax", problem=exc), Location(file))]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return None, None, [*errors, ContentError(msg("not_mapping_file"), Location(file, node.start_mark.line + 1, 1))]
    return data, file_pos, errors


def _parse_file(file: Path, pos: Positions, errors: list[ContentError]) -> dict[str, Any] | None:
    try:
        raw = file.read_bytes()
    except OSError as exc:
        errors.append(ContentError(msg("unreadable", error=exc), Location(file)))
        return None
    text, problem = _decode(file, raw)
    if text is None:
        errors.append(problem)
        return None
    text = _control_characters(text, file, errors)
    found: list[ContentError] | None = None
    if _CParser is not None and not _LIBYAML_DIFFERS.search(text):
        try:
            data, file_pos, found = _read(text, file, _CLoader)
        except Exception:  # noqa: BLE001 - anything libyaml cannot take, PyYAML reads and tells
            found = None
    if found is None or found:  # a problem is told as PyYAML tells it
        data, file_pos, found = _read(text, file, _Loader)
    errors.extend(found)
    if file_pos is None:
        return None
    pos.values.update({k: v for k, v in file_pos.values.items() if k})
    pos.keys.update(file_pos.keys)
    return data


def content_files(source: Path) -> list[Path]:
    """The YAML files of a content set: ``source`` itself, or its ``*.yaml``/``*.yml``."""
    if source.is_file():
        return [source]
    return sorted(p for p in source.iterdir() if p.suffix in {".yaml", ".yml"} and p.is_file())


def _emblem_problem(content: Content, root: Path) -> str | None:
    """Why ``organisation.emblem`` is not an image file inside ``root``, or None if it is (or is unset)."""
    organisation = getattr(content, "organisation", None)
    emblem = getattr(organisation, "emblem", None)
    if not emblem:
        return None
    win = PureWindowsPath(emblem)
    if Path(emblem).is_absolute() or win.is_absolute() or win.drive or emblem.startswith(("/", "\\", "~")):
        return msg("emblem_absolute", path=emblem)
    try:
        base = root.resolve()
        target = (root / emblem).resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL in the name
        return msg("emblem_missing", path=emblem)
    if not target.is_relative_to(base):
        return msg("emblem_outside", path=emblem)
    if not target.is_file():
        return msg("emblem_missing", path=emblem)
    try:
        Image.from_file(str(target))
    except Exception:  # noqa: BLE001 - python-docx's header parsers raise many kinds on a non-image
        return msg("emblem_not_image", path=emblem)
    return None


def _with_file(errors: list[ContentError], source: Path, files: list[Path]) -> ContentErrors:
    """`ContentErrors` in which every error names a file (the content set's, when no line is known)."""
    default = files[0] if len(files) == 1 else source
    for e in errors:
        if e.location.file is None:
            e.location.file = default
    return ContentErrors(errors)


def parse(source: str | Path) -> LoadedContent:
    """Parse and schema-validate the content set at ``source`` (folder or file).

    This is the first step of loading: encoding, YAML syntax, types, missing or
    unknown keys, cross-references and the emblem file. Rules that need the ITA
    framework data are the second step, `ita_docs.validate.load`, which callers
    normally use. Raises `ContentErrors` listing every problem found, each with
    its file; nothing is partially loaded.
    """
    source = Path(source)
    errors: list[ContentError] = []
    if not source.exists():
        raise ContentErrors([ContentError(msg("not_found", path=source), Location(source))])
    files = content_files(source)
    if not files:
        raise ContentErrors([ContentError(msg("no_content", path=source), Location(source))])
    pos = Positions()
    merged: dict[str, Any] = {}
    owner: dict[str, Path] = {}
    for file in files:
        data = _parse_file(file, pos, errors)
        for key, value in (data or {}).items():
            if key in merged:
                loc = pos.locate((key,), key=True)
                loc.file, loc.field = file, str(key)
                errors.append(ContentError(msg("duplicate_key", key=key, other=owner[key].name), loc))
                continue
            merged[key] = value
            owner[key] = file
    if errors:
        raise _with_file(errors, source, files)
    try:
        content = Content.model_validate(merged)
    except ValidationError as exc:
        raise _with_file([_translate(e, pos, files, merged) for e in exc.errors()], source, files) from None
    root = source if source.is_dir() else source.parent
    errors = [_reference_error(p, pos) for p in content.reference_problems()]
    emblem = _emblem_problem(content, root)
    if emblem:
        errors.append(ContentError(emblem, pos.locate(("organisation", "emblem"))))
    if content.templates and not (root / content.templates).is_dir():
        errors.append(ContentError(msg("templates_missing", path=content.templates), pos.locate(("templates",))))
    if errors:
        raise _with_file(errors, source, files)
    return LoadedContent(content, root, files, pos)


# --------------------------------------------------------------------------- error translation


def _model_at(loc: PathKey) -> type[BaseModel] | None:
    """The pydantic model class that owns the last key of ``loc``."""
    tp: Any = Content
    for part in loc[:-1]:
        tp = _step(tp, part)
        if tp is None:
            return None
    tp = _unwrap(tp)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _unwrap(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0]
        else:
            return tp


def _step(tp: Any, part: Any) -> Any:
    tp = _unwrap(tp)
    origin = typing.get_origin(tp)
    if origin in (list, tuple):
        return typing.get_args(tp)[0] if isinstance(part, int) else None
    if origin is dict:
        return typing.get_args(tp)[1]
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        f = tp.model_fields.get(str(part))
        return f.annotation if f else None
    return None


def _clean_loc(loc: PathKey, data: Any = None) -> PathKey:
    """Drop pydantic's synthetic loc parts (function-before[...], [key]).

    A part that is a key (or index) of the validated ``data`` at that point is
    real even if it looks synthetic: a clerk may write a key such as ``a[1]``.
    """
    out: list[Any] = []
    for p in loc:
        if isinstance(data, dict) and p in data:
            data = data[p]
        elif isinstance(data, list) and isinstance(p, int) and not isinstance(p, bool) and -len(data) <= p < len(data):
            data = data[p]
        elif isinstance(p, str) and "[" in p and "]" in p:
            continue
        else:
            data = None
        out.append(p)
    return tuple(out)


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _looks_like_text(key: Any) -> bool:
    """A mapping key that is prose, not a field name: Thai letters or spaces in it."""
    return isinstance(key, str) and (" " in key.strip() or any("\u0e00" <= ch <= "\u0e7f" for ch in key))


def _translate(err: dict[str, Any], pos: Positions, files: list[Path], data: Any = None) -> ContentError:
    loc = _clean_loc(tuple(err["loc"]), data)
    typ = err["type"]
    ctx = err.get("ctx") or {}
    inp = _short(err.get("input"))
    if typ == "missing":
        location = pos.locate(loc[:-1])
        location.field = _dotted(loc)
        return ContentError(msg("missing", field=loc[-1]), location)
    if typ == "extra_forbidden":
        model = _model_at(loc)
        names = list(model.model_fields) if model else []
        guess = difflib.get_close_matches(str(loc[-1]), names, n=1, cutoff=0.5)
        hint = msg("hint", guess=guess[0]) if guess else (msg("allowed", names=", ".join(names)) if names else "")
        if _looks_like_text(loc[-1]):
            hint = msg("colon_in_text")  # "ตามที่: ..." written unquoted: YAML read a key and a value
        return ContentError(msg("extra", key=loc[-1], hint=hint), pos.locate(loc, key=True))
    location = pos.locate(loc)
    if typ in ("float_parsing", "float_type", "decimal_parsing"):
        text = msg("number", input=inp)
    elif typ in ("int_parsing", "int_type", "int_from_float"):
        text = msg("integer", input=inp)
    elif typ in ("string_type",):
        text = msg("text", input=inp)
        if isinstance(err.get("input"), dict):
            text += msg("colon_in_text")
    elif typ in ("bool_parsing", "bool_type"):
        text = msg("bool", input=inp)
    elif typ in ("list_type", "tuple_type"):
        text = msg("list")
    elif typ in ("dict_type", "model_type", "model_attributes_type"):
        text = msg("mapping")
    elif typ in ("greater_than_equal", "greater_than"):
        text = msg("range_ge", limit=ctx.get("ge", ctx.get("gt")), input=inp)
    elif typ in ("less_than_equal", "less_than"):
        text = msg("range_le", limit=ctx.get("le", ctx.get("lt")), input=inp)
    elif typ == "literal_error":
        text = msg("choice", expected=ctx.get("expected", ""), input=inp)
    elif typ.startswith("date"):
        text = msg("date", input=inp)
    elif typ == "string_pattern_mismatch":
        text = msg("pattern", input=inp)
    elif typ == "value_error":
        raw = str(ctx.get("error", err.get("msg", "")))
        if "item code" in raw:
            text = msg("item_code", input=inp)
        elif raw in ("block_kind", "period_pair", "period_order", "period_empty", "member_who", "oit_row"):
            text = msg(raw)
        elif raw in ("time", "oit_item", "date", "date_impossible"):
            text = msg(raw, input=inp)
        else:
            text = msg("invalid", msg=raw)
    else:
        text = msg("invalid", msg=err.get("msg", typ))
    return ContentError(text, location)


def _reference_error(problem: tuple[PathKey, str, dict[str, Any]], pos: Positions) -> ContentError:
    path, message_id, params = problem
    if message_id == "unknown_ref":
        known = params.pop("known")
        guess = difflib.get_close_matches(params["id"], known, n=1, cutoff=0.5)
        params["hint"] = msg("hint", guess=guess[0]) if guess else (msg("allowed", names=", ".join(known)) if known else "")
    return ContentError(msg(message_id, **params), pos.locate(path))
