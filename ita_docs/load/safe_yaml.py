"""Safe YAML loaders: PyYAML's (`_Loader`) and libyaml's (`_CLoader`), with dates kept as text
and runaway documents refused.

- Dates. The loaders do not let YAML build timestamps: ``2566-02-30`` or ``0000-01-01``
  would crash PyYAML, and ``2567-02-29`` (BE) is a real day only once made CE
  (29 February 2024). Dates stay text and `ita_docs.model` reads them, converting a
  BE year first; an impossible day is a located error.
- Size. At most `MAX_DEPTH` nested collections (counting through aliases) and
  `MAX_NODES` nodes per file *after alias expansion*. Both are counted on the node
  graph while it is composed, before any Python object is built, so deep nesting,
  an alias that contains itself (``x: &a [*a]``) and "billion laughs" alias bombs are
  refused quickly (`_Refused`), at the line of the offending alias or bracket.

Used by `ita_docs.load.reader`, which turns what they read (or refuse) into located errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from ..messages import msg

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

try:  # libyaml's scanner and parser (`_CLoader`)
    from yaml._yaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml: `_Loader` reads everything
    _CParser = None  # type: ignore[assignment,misc]  # mypy types a fallback import as the class; users check `is not None`


def _short(value: Any) -> str:
    """``value`` as text, at most 40 characters (for messages)."""
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


class _Position(Protocol):
    """Where a YAML mark points (PyYAML's `yaml.Mark` or libyaml's): 0-based line and column."""

    line: int
    column: int


class _Refused(Exception):
    """A document the loader will not build: a user message and the mark it points at."""

    def __init__(self, message: str, mark: _Position | None):
        super().__init__(message)
        self.message = message
        self.mark = mark


if TYPE_CHECKING:  # what `_Limits` is mixed into: a composer, a parser (PyYAML's or libyaml's), a constructor
    _SafeLoading = yaml.SafeLoader
else:
    _SafeLoading = object


class _Limits(_SafeLoading):
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

    def _count(self, n: int, mark: _Position | None, anchor: str | None) -> None:
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
            return super().compose_node(parent, index)  # type: ignore[return-value]  # types-PyYAML: Node | None, yet it never returns None
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(msg("yaml_too_deep", limit=MAX_DEPTH), event.start_mark)
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self._open.add(anchor)
        before = self._expanded
        try:
            node: yaml.Node = super().compose_node(parent, index)  # type: ignore[assignment]  # as above
        finally:
            self._depth -= 1
            self._open.discard(anchor)
        self._count(1, node.start_mark, None)
        self._size[id(node)] = self._expanded - before
        if isinstance(node, yaml.CollectionNode):
            children = (
                node.value
                if isinstance(node, yaml.SequenceNode)
                else [n for pair in node.value for n in pair]
            )
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
            raise yaml.constructor.ConstructorError(
                None, None, msg("yaml_tag_value", tag=tag, value=value), node.start_mark
            ) from None


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


# Dates stay text: `ita_docs.model` reads them (BE year first, then the day).
_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)  # type: ignore[type-var]  # types-PyYAML takes only the stock loaders' own methods
_CLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)  # type: ignore[type-var]  # as above
