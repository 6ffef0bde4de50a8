"""The limits of the Jinja sandbox: what one render may iterate, produce and take.

No template or expression can exhaust the machine. Every limit, when hit,
raises `ExpressionError` with a short message; nothing hangs and nothing grows
until a `MemoryError`. Per render (one `ita_docs.context.expressions.expand` call, or
one document in `ita_docs.render.docx.render_template`; `limits` shares one set
across a block):

- `MAX_ITERATIONS` loop iterations and ``range`` items in total, all loops
  together (nested loops multiply quickly and stop early);
- `MAX_SIZE` for any value an operation produces: characters of a string,
  items of a list (nested lists count every item at every level, so a list
  holding the same big list twice counts it twice), digits of a number about
  ``MAX_INT_BITS / 3.3``. Operations that could make one bigger value in a
  single step (``*``, ``**``, ``%``, ``center``, ``indent``, ``replace``,
  ``join``, ``format`` widths...) are checked *before* they run
  (`ita_docs.context.checks`);
- `MAX_INT_BITS` bits for an integer (``{{ 9**(9**9) }}`` is refused at once);
- `MAX_PRODUCED` characters/items made by all operations together;
- `MAX_OUTPUT` characters of rendered text per template part or expression;
- `TIME_LIMIT` seconds of wall time, checked in the sandbox hooks (attribute
  and item access, calls, filters, operators, loop starts), so it works off the
  main thread too. It is a backstop: the limits above stop every known payload
  long before it.

This module holds the limits, `ExpressionError` (the one exception type of
evaluation), the per-render budget (`limits`), the size of a value
(`_weight`, `_bounded`), bounded loops and ``range``, and the bounded
``namespace()``. No Thai, no docx.
"""

from __future__ import annotations

from collections import abc
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from time import monotonic
from typing import Any

import jinja2
from jinja2.runtime import Namespace
from markupsafe import Markup

from ..messages import msg

# --------------------------------------------------------------------------- limits

MAX_ITERATIONS = 1_000_000
"""Loop iterations plus ``range`` items, all loops of one render together."""
MAX_RANGE = 100_000
"""Items of one ``range(...)`` (as Jinja's own sandbox)."""
MAX_SIZE = 1_000_000
"""Characters of one string, items of one list (all levels), made by an operation."""
MAX_INT_BITS = 4096
"""Bits of one integer (about 1,200 decimal digits)."""
MAX_PRODUCED = 20_000_000
"""Characters and items made by all operations of one render together."""
MAX_OUTPUT = 8_000_000
"""Characters of the text rendered from one template part or one expression."""
TIME_LIMIT = 10.0
"""Seconds one render may take (a document takes well under one)."""
_OBJECT_WEIGHT = 64  # what an opaque object (a content model...) counts for in `_weight`


class ExpressionError(jinja2.TemplateError):
    """An expression or template could not be evaluated; the message says why, for a clerk.

    The one exception type of `expand`. ``kind`` is one of ``limit``, ``time``,
    ``number``, ``zero_division``, ``deep``, ``filter``, ``undefined``,
    ``not_allowed``, ``syntax``, ``invalid``. ``lineno`` is the template line, if known.
    """

    def __init__(self, message: str, kind: str = "invalid", lineno: int | None = None):
        super().__init__(message)
        self.kind = kind
        self.lineno = lineno


def _too_large(limit: int | None = None) -> ExpressionError:
    return ExpressionError(msg("expr_too_large", limit=f"{limit or MAX_SIZE:,}"), "limit")


def _number_too_large() -> ExpressionError:
    return ExpressionError(msg("expr_number", limit=f"{MAX_INT_BITS:,}"), "number")


class _Budget:
    """What is left of one render's limits (`MAX_ITERATIONS`, `MAX_PRODUCED`, `TIME_LIMIT`)."""

    __slots__ = ("deadline", "iterations", "memo", "produced", "seconds")

    def __init__(self) -> None:
        self.memo: dict[int, tuple[int, Any]] = {}  # weights of big containers made so far (`_weight`)
        self.iterations = MAX_ITERATIONS
        self.produced = MAX_PRODUCED
        self.seconds = TIME_LIMIT
        self.deadline = monotonic() + TIME_LIMIT

    def tick(self) -> None:
        if monotonic() > self.deadline:
            raise ExpressionError(msg("expr_time", limit=f"{self.seconds:g}"), "time")

    def iterate(self, n: int) -> None:
        self.iterations -= n
        if self.iterations < 0:
            raise ExpressionError(msg("expr_iterations", limit=f"{MAX_ITERATIONS:,}"), "limit")
        self.tick()

    def produce(self, n: int) -> None:
        self.produced -= n
        if self.produced < 0:
            raise _too_large(MAX_PRODUCED)


_BUDGET: ContextVar[_Budget | None] = ContextVar("ita_docs_render_budget", default=None)


@contextmanager
def limits() -> Iterator[None]:
    """Share one set of limits (iterations, sizes, time) by everything rendered inside.

    `expand` and `render_template` use it; wrapping a whole document (its
    expressions and its template) makes the limits per document. Nested uses
    join the outer one.
    """
    if _BUDGET.get() is not None:
        yield
        return
    token = _BUDGET.set(_Budget())
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _weight(value: Any, cap: int, memo: dict[int, tuple[int, Any]] | None = None) -> int:
    """The size of ``value`` as text would show it: characters, plus every item at every level.

    Shared items count each time they occur (that is what printing them costs);
    ``memo`` holds the weights of containers seen before (by id, with the
    object, which keeps the id valid). Counting stops once above ``cap``.
    Namespaces and other objects count as `_OBJECT_WEIGHT`: their text does
    not show what they hold (`_Namespace`).
    """
    total = 0
    stack = [value]
    pop, extend = stack.pop, stack.extend
    while stack:
        v = pop()
        if isinstance(v, (str, bytes, bytearray)):
            total += len(v) + 1
        elif isinstance(v, (list, tuple, dict, set, frozenset, abc.KeysView, abc.ValuesView, abc.ItemsView)):
            if memo is not None:
                seen = memo.get(id(v))
                if seen is not None and seen[1] is v:
                    total += seen[0]
                    if total > cap:
                        return total
                    continue
            if isinstance(v, dict):
                total += 2 * len(v) + 1
                if total > cap:
                    return total
                extend(v.keys())
                extend(v.values())
            else:
                total += len(v) + 1
                if total > cap:
                    return total
                extend(v)
        elif isinstance(v, int):
            total += 1 + v.bit_length() // 3
        elif v is None or isinstance(v, float):
            total += 1
        else:
            total += _OBJECT_WEIGHT
        if total > cap:
            return total
    return total


def _bounded(value: Any) -> Any:
    """``value`` if it is within `MAX_SIZE` / `MAX_INT_BITS`; counts it against `MAX_PRODUCED`."""
    t = type(value)
    if t is str or t is Markup:
        n = len(value)
        if n > MAX_SIZE:
            raise _too_large()
        budget = _BUDGET.get()
        if budget is not None:
            budget.produce(n)
        return value
    if t is int:
        if value.bit_length() > MAX_INT_BITS:
            raise _number_too_large()
        return value
    if t is float or t is bool or value is None:
        return value
    budget = _BUDGET.get()
    memo = None if budget is None else budget.memo
    n = _weight(value, MAX_SIZE, memo)
    if n > MAX_SIZE:
        raise _too_large()
    if budget is not None:
        budget.produce(n)
        if n >= 256 and isinstance(value, (list, tuple, dict)):
            memo[id(value)] = (n, value)  # type: ignore[index]
    return value


def _counted(iterable: Any, budget: _Budget) -> Iterator[Any]:
    n = 0
    for item in iterable:
        n += 1
        if n == 1024:
            budget.iterate(n)
            n = 0
        yield item
    budget.iterate(n)


def _bounded_iter(iterable: Any) -> Any:
    """What a ``{% for %}`` loops over, counted against `MAX_ITERATIONS`."""
    budget = _BUDGET.get()
    if budget is None:
        return iterable
    try:
        n = len(iterable)
    except TypeError:
        return _counted(iterable, budget)
    budget.iterate(n)
    return iterable


def _bounded_range(*args: int) -> range:
    """``range`` of at most `MAX_RANGE` items, counted against `MAX_ITERATIONS`."""
    rng = range(*args)
    try:
        n = len(rng)
    except OverflowError:
        n = MAX_RANGE + 1
    if n > MAX_RANGE:
        raise ExpressionError(msg("expr_range", limit=f"{MAX_RANGE:,}"), "limit")
    budget = _BUDGET.get()
    if budget is not None:
        budget.iterate(n)
    return rng


class _Namespace(Namespace):
    """``namespace()``: attributes set by ``{% set ns.x = ... %}`` are bounded; its text shows names only.

    A namespace is the one object a template can change after making it. Were
    its text to show its values, a namespace put into lists (or other
    namespaces) and filled afterwards would grow them unseen; so it shows the
    names of its attributes, and `_weight` counts it as an opaque object.
    """

    def __setitem__(self, name: str, value: Any) -> None:
        super().__setitem__(name, _bounded(value))

    def __repr__(self) -> str:
        return f"<namespace {' '.join(object.__getattribute__(self, '_Namespace__attrs'))}>"
