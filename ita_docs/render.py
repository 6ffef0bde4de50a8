"""Render one .docx template with docxtpl, in memory, and make it Thai-correct.

The Jinja environment (`make_env`) is an immutable sandbox
(`jinja2.sandbox.ImmutableSandboxedEnvironment`: templates edited by users and
expressions in content text cannot reach Python internals, nor change content,
e.g. ``organisation.divisions.clear()``), autoescapes (text from content cannot
inject XML) and fails on undefined variables (`jinja2.StrictUndefined`).

It is also bounded, so that no template or expression can exhaust the machine.
Every limit, when hit, raises `ExpressionError` with a short message; nothing
hangs and nothing grows until a `MemoryError`. Per render (one `expand` call,
or one document in `render_template`; `limits` shares one set across a block):

- `MAX_ITERATIONS` loop iterations and ``range`` items in total, all loops
  together (nested loops multiply quickly and stop early);
- `MAX_SIZE` for any value an operation produces: characters of a string,
  items of a list (nested lists count every item at every level, so a list
  holding the same big list twice counts it twice), digits of a number about
  ``MAX_INT_BITS / 3.3``. Operations that could make one bigger value in a
  single step (``*``, ``**``, ``%``, ``center``, ``indent``, ``replace``,
  ``join``, ``format`` widths...) are checked *before* they run;
- `MAX_INT_BITS` bits for an integer (``{{ 9**(9**9) }}`` is refused at once);
- `MAX_PRODUCED` characters/items made by all operations together;
- `MAX_OUTPUT` characters of rendered text per template part or expression;
- `TIME_LIMIT` seconds of wall time, checked in the sandbox hooks (attribute
  and item access, calls, filters, operators, loop starts), so it works off the
  main thread too. It is a backstop: the limits above stop every known payload
  long before it.

``lipsum`` is not available. Errors of evaluation (division by zero, a filter
given the wrong kind of value, an unknown name, the limits) all come out as
`ExpressionError` (a `jinja2.TemplateError`), with a message in the user's
language (`ita_docs.messages`); `render_template` turns them into
`ita_docs.errors.TemplateError` naming the template file, the XML part, the
line and the text around the problem.
"""
from __future__ import annotations

import dataclasses
import difflib
import inspect
import io
import re
import reprlib
import traceback
from collections import abc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache, partial
from itertools import chain
from pathlib import Path
from time import monotonic
from typing import Any

import jinja2
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.defaults import DEFAULT_FILTERS
from jinja2.filters import make_attrgetter
from jinja2.runtime import Namespace
from jinja2.sandbox import (
    ImmutableSandboxedEnvironment,
    SandboxedEscapeFormatter,
    SandboxedFormatter,
    SecurityError,
)
from markupsafe import Markup
from pydantic import BaseModel

from . import ooxml, render_cache, thaifmt
from .errors import ItaDocsError, TemplateError
from .messages import msg

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


# --------------------------------------------------------------------------- checks before an operation


def _check_width(width: Any) -> None:
    if isinstance(width, int) and width > MAX_SIZE:
        raise _too_large()


def _check_digits_spec(spec: str) -> None:
    """Widths and precisions in a ``format`` spec (``{:>1000}``, ``{:.20f}``)."""
    for digits in re.findall(r"\d+", spec):
        if len(digits) > 7 or int(digits) > MAX_SIZE:
            raise _too_large()


_PRINTF = re.compile(r"%(?:\(([^)]*)\))?[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?(.)", re.DOTALL)


def _check_printf(fmt: Any, values: Any) -> None:
    """``fmt % values`` (the ``%`` operator, the ``format`` filter): widths and result size."""
    if isinstance(fmt, (bytes, bytearray)):
        fmt = bytes(fmt).decode("latin-1")
    if not isinstance(fmt, str) or "%" not in fmt:
        return
    positional = values if isinstance(values, tuple) else (values,)
    i = 0
    total = len(fmt)
    for m in _PRINTF.finditer(fmt):
        key, width, precision, conversion = m.groups()
        for part in (width, precision):
            if part == "*":
                n = positional[i] if i < len(positional) else 0
                i += 1
            elif part:
                n = int(part) if len(part) <= 7 else MAX_SIZE + 1
            else:
                continue
            if isinstance(n, int) and n > MAX_SIZE:
                raise _too_large()
            total += n if isinstance(n, int) and n > 0 else 0
        if conversion == "%":
            continue
        if key is not None:
            value = values.get(key) if isinstance(values, abc.Mapping) else None
        else:
            value = positional[i] if i < len(positional) else None
            i += 1
        total += _weight(value, MAX_SIZE)
        if total > MAX_SIZE:
            raise _too_large()


def _check_replace(s: Any, old: Any, new: Any, count: Any = -1, *, factor: int = 1) -> None:
    if not isinstance(s, str):
        return
    old, new = str(old), str(new)
    grow = factor * len(new) - len(old)
    if grow <= 0:
        return
    found = s.count(old) if old else len(s) + 1
    if isinstance(count, int) and 0 <= count < found:
        found = count
    if len(s) + found * grow > MAX_SIZE:
        raise _too_large()


def _check_join(sep: Any, items: list) -> None:
    sep_len = len(sep) if isinstance(sep, (str, bytes)) else len(str(sep))
    if sep_len * max(len(items) - 1, 0) + _weight(items, MAX_SIZE) > MAX_SIZE:
        raise _too_large()


def _check_str_method(self_: Any, name: str, args: tuple, kwargs: dict) -> tuple:
    """Check a call of ``self_.name(*args)`` on a string; returns the (maybe materialised) args."""
    if name in ("center", "ljust", "rjust", "zfill"):
        _check_width(args[0] if args else kwargs.get("width"))
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        tabs = self_.count("\t" if isinstance(self_, str) else b"\t")
        if isinstance(size, int) and len(self_) + tabs * size > MAX_SIZE:
            raise _too_large()
    elif name == "replace" and len(args) >= 2:
        if isinstance(self_, str):
            _check_replace(self_, args[0], args[1], args[2] if len(args) > 2 else kwargs.get("count", -1))
        elif isinstance(args[1], (bytes, bytearray)) and len(self_) * max(len(args[1]), 1) > MAX_SIZE:
            raise _too_large()
    elif name == "translate" and args and isinstance(args[0], abc.Mapping):
        longest = max((len(v) for v in args[0].values() if isinstance(v, str)), default=1)
        if len(self_) * longest > MAX_SIZE:
            raise _too_large()
    elif name == "join" and args:
        items = list(_bounded_iter(args[0]))
        _check_join(self_, items)
        return (items, *args[1:])
    return args


# --------------------------------------------------------------------------- filters


def _pre_center(value: Any, width: Any = 80, *args: Any, **kwargs: Any) -> None:
    _check_width(width)


def _pre_indent(s: Any, width: Any = 4, *args: Any, **kwargs: Any) -> None:
    if isinstance(s, str):
        per_line = width if isinstance(width, int) else len(str(width))
        if len(s) + (s.count("\n") + 1) * max(per_line, 0) > MAX_SIZE:
            raise _too_large()


def _pre_wordwrap(s: Any, width: Any = 79, break_long_words: Any = True, wrapstring: Any = None, *a: Any, **kw: Any) -> None:
    if isinstance(s, str) and isinstance(wrapstring, str) and isinstance(width, int) and width > 0:
        lines = 2 * len(s) // width + s.count("\n") + 2
        if len(s) + lines * len(wrapstring) > MAX_SIZE:
            raise _too_large()


def _pre_format(value: Any, *args: Any, **kwargs: Any) -> None:
    _check_printf(value, kwargs or args)


def _pre_replace(s: Any, old: Any = "", new: Any = "", count: Any = None, **kwargs: Any) -> None:
    # autoescaping may escape ``new`` (up to 5 characters for one)
    _check_replace(s if isinstance(s, str) else str(s), old, new, -1 if count is None else count, factor=5)


def _pre_count(value: Any, n: Any = None, *args: Any, **kwargs: Any) -> None:
    """``batch(n, fill)`` and ``slice(n, fill)`` make ``n``-item lists / ``n`` lists."""
    _check_width(kwargs.get("linecount", kwargs.get("slices", n)))


def _pre_round(value: Any, precision: Any = 0, *args: Any, **kwargs: Any) -> None:
    if isinstance(precision, int) and abs(precision) > MAX_INT_BITS // 4:
        raise _number_too_large()


PRECHECKS: dict[str, Callable[..., None]] = {
    "center": _pre_center,
    "indent": _pre_indent,
    "wordwrap": _pre_wordwrap,
    "format": _pre_format,
    "replace": _pre_replace,
    "batch": _pre_count,
    "slice": _pre_count,
    "round": _pre_round,
}


@jinja2.pass_eval_context
def _join_filter(eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> str:
    """Jinja's ``join``, refusing a result above `MAX_SIZE` before building it."""
    items = list(_bounded_iter(value))
    if attribute is not None:
        getter = make_attrgetter(eval_ctx.environment, attribute)
        items = [getter(x) for x in items]
    _check_join(d, items)
    return DEFAULT_FILTERS["join"](eval_ctx, items, d)


@jinja2.pass_environment
def _sum_filter(environment: Any, iterable: Any, attribute: Any = None, start: Any = 0) -> Any:
    """Jinja's ``sum``; lists and tuples are joined in linear time (``+`` would be quadratic)."""
    if not isinstance(start, (list, tuple)):
        return DEFAULT_FILTERS["sum"](environment, iterable, attribute, start)
    items = list(_bounded_iter(iterable))
    if attribute is not None:
        getter = make_attrgetter(environment, attribute)
        items = [getter(x) for x in items]
    kind = type(start)
    for x in items:
        if not isinstance(x, kind):
            raise TypeError(f'can only concatenate {kind.__name__} (not "{type(x).__name__}") to {kind.__name__}')
    if _weight(items, MAX_SIZE) > MAX_SIZE:
        raise _too_large()
    return kind(chain(start, *items))


_REPLACED_FILTERS: dict[str, Callable[..., Any]] = {"join": _join_filter, "sum": _sum_filter}

# The kind of value each Thai filter takes, for "the score filter works only on numbers".
_FILTER_INPUT = {
    **dict.fromkeys(("score", "signed", "percent", "number", "thai_words", "baht"), "number"),
    **dict.fromkeys(
        ("date_long", "date_numeric", "date_full", "date_short", "month_range", "date_range_short", "date_range_long"),
        "date",
    ),
    **dict.fromkeys(("fiscal_year", "fiscal_year_range", "fiscal_digits"), "year"),
    "time": "time",
    "digits": "text",
    "item_code": "text",
}
_show = reprlib.Repr()
_show.maxstring = _show.maxother = 40
_show.maxlist = _show.maxtuple = _show.maxdict = 4


def _filter_error(name: str, value: Any, exc: Exception, expected: str | None) -> ExpressionError:
    shown = _show.repr(value)
    if expected and isinstance(exc, TypeError):
        text = msg("expr_filter_input", name=name, expected=msg(f"expr_kind_{expected}"), value=shown)
    else:
        text = msg("expr_filter_value", name=name, value=shown, detail=str(exc) or type(exc).__name__)
    return ExpressionError(text, "filter")


def _wrap_filter(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` checked by the limits: a deadline tick, a check before (`PRECHECKS`), the result's size after.

    A `TypeError` or `ValueError` of the filter becomes an `ExpressionError`
    naming the filter and the value it was given.
    """
    pass_arg = getattr(fn, "jinja_pass_arg", None)
    skip = 0 if pass_arg is None else 1
    precheck = PRECHECKS.get(name)
    expected = _FILTER_INPUT.get(name)

    def bounded_filter(*args: Any, **kwargs: Any) -> Any:
        budget = _BUDGET.get()
        if budget is not None:
            budget.tick()
        if precheck is not None:
            precheck(*args[skip:], **kwargs)
        try:
            rv = fn(*args, **kwargs)
        except (TypeError, ValueError) as exc:
            value = args[skip] if len(args) > skip else None
            if isinstance(value, jinja2.Undefined):
                value._fail_with_undefined_error()
            raise _filter_error(name, value, exc, expected) from exc
        return _bounded(rv)

    bounded_filter.__name__ = bounded_filter.__qualname__ = f"{name}_filter"
    bounded_filter.__doc__ = fn.__doc__
    if pass_arg is not None:
        bounded_filter.jinja_pass_arg = pass_arg  # type: ignore[attr-defined]
    return bounded_filter


_BUILTIN_FILTERS = {name: _wrap_filter(name, _REPLACED_FILTERS.get(name, fn)) for name, fn in DEFAULT_FILTERS.items()}


@lru_cache(maxsize=8)
def _thai_filters(digits: str, filters: tuple[tuple[str, Callable[..., Any]], ...]) -> dict[str, Callable[..., Any]]:
    out = {}
    for name, fn in filters:
        takes_digits = "digits" in inspect.signature(fn).parameters
        out[name] = _wrap_filter(name, partial(fn, digits=digits) if takes_digits else fn)

    def fiscal_digits(year: Any) -> str:
        return thaifmt.to_digits(str(year), digits=digits)

    out["fiscal_digits"] = _wrap_filter("fiscal_digits", fiscal_digits)
    return out


# --------------------------------------------------------------------------- the environment


class _Formatter(SandboxedFormatter):
    """``str.format`` of the sandbox, refusing huge widths and results."""

    size = 0

    def format_field(self, value: Any, format_spec: str) -> Any:
        if format_spec:
            _check_digits_spec(format_spec)
        rv = super().format_field(value, format_spec)
        self.size += len(rv)
        if self.size > MAX_SIZE:
            raise _too_large()
        return rv


class _EscapeFormatter(_Formatter, SandboxedEscapeFormatter):
    pass


class _CodeGenerator(CodeGenerator):
    """Jinja's code generator, with loop iterables, literals and ``~`` checked by the limits."""

    def visit_Template(self, node: nodes.Template, frame: Any = None) -> None:
        # Before the filters a template uses are collected: every loop iterates
        # over ``iterable|_bounded_iter``, counted against MAX_ITERATIONS.
        for loop in node.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, "_bounded_iter", [], [], None, None, lineno=loop.lineno)
        super().visit_Template(node, frame)

    def _bounded(self, visit: Callable[..., None], node: nodes.Node, frame: Any) -> None:
        self.write("environment.bounded(")
        visit(node, frame)
        self.write(")")

    def visit_List(self, node: nodes.List, frame: Any) -> None:
        self._bounded(super().visit_List, node, frame)

    def visit_Dict(self, node: nodes.Dict, frame: Any) -> None:
        self._bounded(super().visit_Dict, node, frame)

    def visit_Tuple(self, node: nodes.Tuple, frame: Any) -> None:
        if node.ctx == "store":
            super().visit_Tuple(node, frame)
        else:
            self._bounded(super().visit_Tuple, node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
        self._bounded(super().visit_Concat, node, frame)


def _line_of(exc: BaseException) -> int | None:
    if getattr(exc, "lineno", None):
        return exc.lineno  # type: ignore[attr-defined]
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == "<template>":
            return frame.lineno
    return None


# --------------------------------------------------------------------------- unknown names and filters


class _Undefined(jinja2.StrictUndefined):
    """`jinja2.StrictUndefined` whose error remembers what was missing, for "did you mean"."""

    __slots__ = ()

    def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return jinja2.StrictUndefined._fail_with_undefined_error(self, *args, **kwargs)
        except jinja2.UndefinedError as exc:
            exc.missing = (self._undefined_obj, self._undefined_name)  # type: ignore[attr-defined]
            raise


# StrictUndefined binds its operators to the base method at class creation: rebind them here.
for _cls in jinja2.StrictUndefined.__mro__:
    for _attr, _value in list(vars(_cls).items()):
        if _value is jinja2.Undefined._fail_with_undefined_error and _attr != "_fail_with_undefined_error":
            setattr(_Undefined, _attr, _Undefined._fail_with_undefined_error)
del _cls, _attr, _value

_LISTED = 60  # names listed at most in one message
_JINJA_FILTERS_SHOWN = ("upper", "lower", "join", "length", "default", "round", "replace", "trim", "first", "last")
_UNKNOWN_FILTER = re.compile(r"No filter named '([^']+)'")


def thai_filter_names() -> list[str]:
    """The Thai filters of every environment (`make_env`): ``fiscal_digits`` and `ita_docs.thaifmt.FILTERS`."""
    return ["fiscal_digits", *thaifmt.FILTERS]


def did_you_mean(name: object, candidates: Any) -> str:
    """" (did you mean 'x'?)" for the closest of ``candidates`` (difflib), or ""."""
    if not isinstance(name, str):
        return ""
    close = difflib.get_close_matches(name, [str(c) for c in candidates], n=1, cutoff=0.6)
    return msg("hint", guess=close[0]) if close else ""


def _listed(names: Any) -> str:
    """" valid names: a, b, c" (sorted, at most `_LISTED`), or "" when there are none."""
    shown = sorted(dict.fromkeys(str(n) for n in names), key=lambda n: (not n.isdigit(), int(n) if n.isdigit() else 0, n))
    if not shown:
        return ""
    more = "" if len(shown) <= _LISTED else ", …"
    return msg("allowed", names=", ".join(shown[:_LISTED]) + more)


def _attributes(obj: Any) -> list[str]:
    """The names ``obj.name`` may take: a mapping's keys, a model's fields and properties, a dataclass's fields."""
    if isinstance(obj, abc.Mapping):
        return [str(k) for k in obj.keys()]
    if isinstance(obj, BaseModel):
        cls = type(obj)
        props = [
            n for n in dir(cls)
            if not n.startswith("_") and n not in _BASEMODEL_ATTRS and isinstance(getattr(cls, n, None), property)
        ]
        return [*cls.model_fields, *props]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [f.name for f in dataclasses.fields(obj)]
    return []


def _owner(obj: Any) -> str:
    if obj is None:
        return "None"
    if isinstance(obj, abc.Mapping):
        return msg("expr_owner_mapping")
    return type(obj).__name__


def unknown_name_message(name: object, names: Any, *, owner: Any = jinja2.utils.missing) -> str:
    """An unknown name (or, with ``owner``, an unknown attribute of ``owner``): did you mean, and what is valid."""
    if owner is jinja2.utils.missing:
        names = list(names or ())
        return msg("expr_unknown_name", name=name, hint=did_you_mean(name, names), names=_listed(names))
    attrs = _attributes(owner)
    return msg("expr_unknown_attr", owner=_owner(owner), name=name, hint=did_you_mean(name, attrs), names=_listed(attrs))


def unknown_filter_message(name: str, filters: Any = None) -> str:
    """An unknown filter: did you mean (among every filter), and the Thai filters."""
    every = list(filters) if filters is not None else [*thai_filter_names(), *DEFAULT_FILTERS]
    return msg(
        "expr_unknown_filter",
        name=name,
        hint=did_you_mean(name, [f for f in every if not f.startswith("_")]),
        names=msg("expr_filters_listed", names=", ".join(thai_filter_names()), builtin=", ".join(_JINJA_FILTERS_SHOWN)),
    )


def _unknown_filter(exc: BaseException) -> str | None:
    """The name of the unknown filter ``exc`` is about (compile time or, in a branch, run time), if any."""
    if isinstance(exc, (jinja2.TemplateAssertionError, jinja2.TemplateRuntimeError)):
        m = _UNKNOWN_FILTER.search(str(getattr(exc, "message", None) or exc))
        return m[1] if m else None
    return None


def _undefined_text(exc: jinja2.UndefinedError, detail: str, names: Any) -> str:
    missing = getattr(exc, "missing", None)
    if missing is None:
        return msg("expr_undefined", detail=detail)
    obj, name = missing
    if obj is jinja2.utils.missing:
        return unknown_name_message(name, names)
    return unknown_name_message(name, None, owner=obj)


def expression_error(exc: BaseException, names: Any = None) -> ExpressionError:
    """Any exception of compiling or evaluating an expression as one `ExpressionError`.

    ``names`` are the names the expression could use (its context): an unknown
    name is told with the closest of them ("did you mean") and the list.
    """
    if isinstance(exc, ExpressionError):
        if exc.lineno is None:
            exc.lineno = _line_of(exc)
        return exc
    detail = (exc.message if isinstance(exc, jinja2.TemplateError) else str(exc)) or type(exc).__name__
    if isinstance(exc, ZeroDivisionError):
        text, kind = msg("expr_zero_division"), "zero_division"
    elif isinstance(exc, RecursionError):
        text, kind = msg("expr_deep"), "deep"
    elif isinstance(exc, MemoryError):
        text, kind = msg("expr_too_large", limit=f"{MAX_SIZE:,}"), "limit"
    elif isinstance(exc, ArithmeticError):
        text, kind = msg("expr_number", limit=f"{MAX_INT_BITS:,}"), "number"
    elif isinstance(exc, jinja2.UndefinedError):
        text, kind = _undefined_text(exc, detail, names), "undefined"
    elif _unknown_filter(exc) is not None:
        text, kind = unknown_filter_message(_unknown_filter(exc) or ""), "undefined"
    elif isinstance(exc, SecurityError):
        text, kind = msg("expr_not_allowed", detail=detail), "not_allowed"
    elif isinstance(exc, jinja2.TemplateSyntaxError):
        text, kind = msg("expr_syntax", detail=detail), "syntax"
    else:
        text, kind = msg("expr_invalid", detail=detail), "invalid"
    return ExpressionError(text, kind, _line_of(exc))


class _Template(jinja2.Template):
    """A template rendered within the limits; every evaluation error is an `ExpressionError`."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        with limits():
            try:
                return super().render(*args, **kwargs)
            except ItaDocsError:
                raise
            except Exception as exc:  # every evaluation error becomes one type
                err = expression_error(exc, names=_context_names(args, kwargs))
                if err is exc:
                    raise
                raise err from exc


def _context_names(args: tuple, kwargs: dict) -> list[str]:
    """The names of a render's context (``render(ctx)`` / ``render(**ctx)``), for "did you mean"."""
    try:
        return [str(k) for k in dict(*args, **kwargs)]
    except (TypeError, ValueError):
        return []


_BASEMODEL_ATTRS = frozenset(name for name in dir(BaseModel) if not name.startswith("_"))
_SAFE_ATTRIBUTES: dict[tuple[type, str], bool] = {}  # (type of the object, attribute name) -> readable


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """`ImmutableSandboxedEnvironment` with the limits of this module (see its docstring)."""

    code_generator_class = _CodeGenerator
    template_class = _Template
    intercepted_binops = frozenset({"+", "-", "*", "%", "**"})
    bounded = staticmethod(_bounded)
    bounded_iter = staticmethod(_bounded_iter)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = _bounded_range
        self.globals["namespace"] = _Namespace
        self.globals.pop("lipsum", None)
        self.filters.update(_BUILTIN_FILTERS)
        self.filters["_bounded_iter"] = _bounded_iter

    @staticmethod
    def concat(chunks: Any) -> str:  # type: ignore[override]
        """Join rendered text, refusing more than `MAX_OUTPUT` characters."""
        out: list[str] = []
        append = out.append
        total = 0
        for chunk in chunks:
            total += len(chunk)
            if total > MAX_OUTPUT:
                raise ExpressionError(msg("expr_output", limit=f"{MAX_OUTPUT:,}"), "limit")
            append(chunk)
        return "".join(out)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # Content models: fields and their own properties only, none of pydantic's API
        # (model_copy, model_rebuild, ... could build or change models). Every check here and in
        # jinja2's sandbox goes by the object's type and the name only, so the answer is kept per (type, name).
        key = (type(obj), attr)
        safe = _SAFE_ATTRIBUTES.get(key)
        if safe is None:
            safe = not (attr in _BASEMODEL_ATTRS and isinstance(obj, BaseModel)) and super().is_safe_attribute(obj, attr, value)
            if len(_SAFE_ATTRIBUTES) < 10_000:
                _SAFE_ATTRIBUTES[key] = safe
        return safe

    def getattr(self, obj: Any, attribute: str) -> Any:
        budget = _BUDGET.get()
        if budget is not None:
            budget.tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        budget = _BUDGET.get()
        if budget is not None:
            budget.tick()
        return super().getitem(obj, argument)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        budget = _BUDGET.get()
        if budget is not None:
            budget.tick()
        if operator == "*":
            if isinstance(left, int) and isinstance(right, int):
                if left.bit_length() + right.bit_length() > MAX_INT_BITS + 1:
                    raise _number_too_large()
            else:
                seq, times = (left, right) if isinstance(right, int) else (right, left)
                if isinstance(times, int) and times > 1:
                    if isinstance(seq, (str, bytes, bytearray)):
                        size = len(seq)
                    elif isinstance(seq, (list, tuple)):
                        size = _weight(seq, MAX_SIZE) - 1
                    else:
                        size = 0
                    if size * times > MAX_SIZE:
                        raise _too_large()
        elif operator == "**":
            big = isinstance(left, int) and isinstance(right, int) and right > 1 and abs(left) > 1
            if big and (abs(left).bit_length() - 1) * right > MAX_INT_BITS:
                raise _number_too_large()
        elif operator == "%":
            _check_printf(left, right)
        elif operator == "+":
            sized = isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple))
            if sized and len(left) + len(right) > MAX_SIZE:
                raise _too_large()
        return _bounded(self.binop_table[operator](left, right))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` / ``format_map`` through a formatter that refuses huge widths and results."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        f_self = value.__self__
        is_format_map = value.__name__ == "format_map"

        def bounded_format(*args: Any, **kwargs: Any) -> str:
            if isinstance(f_self, Markup):
                formatter: _Formatter = _EscapeFormatter(self, escape=f_self.escape)
            else:
                formatter = _Formatter(self)
            if is_format_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                args, kwargs = (), args[0]
            return type(f_self)(formatter.vformat(f_self, args, kwargs))

        bounded_format.__name__ = value.__name__
        return bounded_format

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        budget = _BUDGET.get()
        if budget is not None:
            budget.tick()
        if not self.is_safe_callable(obj):
            raise SecurityError(f"{obj!r} is not safely callable")
        f_self = getattr(obj, "__self__", None)
        if f_self is not None:
            if isinstance(f_self, (str, bytes, bytearray)):
                args = _check_str_method(f_self, getattr(obj, "__name__", ""), args, kwargs)
            elif isinstance(f_self, int) and getattr(obj, "__name__", "") == "to_bytes":
                _check_width(args[0] if args else kwargs.get("length", 1))
        elif isinstance(obj, jinja2.runtime.LoopContext) and args:
            args = (_bounded_iter(args[0]), *args[1:])  # loop(children) of a recursive loop
        return _bounded(context.call(obj, *args, **kwargs))


def make_env(digits: str) -> BoundedSandbox:
    """A bounded, immutable, sandboxed, autoescaping, strict Jinja environment with the Thai filters.

    Every filter of `ita_docs.thaifmt.FILTERS` is bound to ``digits``
    (``"thai"`` or ``"arabic"``); ``fiscal_digits`` prints a BE year as digits.
    """
    env = BoundedSandbox(undefined=_Undefined, autoescape=True)
    env.filters.update(_thai_filters(digits, tuple(thaifmt.FILTERS.items())))
    return env


@lru_cache(maxsize=None)
def _expression_env(digits: str) -> BoundedSandbox:
    """The environment of content expressions (no autoescape: content text is not XML), one per digits."""
    env = make_env(digits)
    env.autoescape = False
    return env


@lru_cache(maxsize=8192)
def _compiled_expression(digits: str, text: str) -> jinja2.Template:
    """A content string compiled once (a batch repeats the same wording in every set)."""
    return _expression_env(digits).from_string(text)


def expand(text: str, context: dict[str, Any], digits: str) -> str:
    """Render Jinja expressions inside a content string (sandboxed, bounded, strict, no autoescape).

    >>> expand("ปีงบประมาณ พ.ศ. {{ fiscal_year|fiscal_digits }}", {"fiscal_year": 2568}, "thai")
    'ปีงบประมาณ พ.ศ. ๒๕๖๘'

    Raises `ExpressionError` (a `jinja2.TemplateError`) for any problem:
    syntax, unknown name, division by zero, a filter given the wrong kind of
    value, or a limit of this module. Plain text is returned as is.
    """
    if "{{" not in text and "{%" not in text:
        return text
    with limits():
        try:
            return _compiled_expression(digits, text).render(context)
        except ItaDocsError:
            raise
        except Exception as exc:  # one exception type for every expression problem
            err = expression_error(exc)
            if err is exc:
                raise
            raise err from exc


def render_template(
    template: Path,
    context: dict[str, Any] | Callable[[DocxTemplate], dict[str, Any]],
    *,
    digits: str = "thai",
    fast: bool = True,
) -> bytes:
    """Render ``template`` with ``context`` and return Thai-correct .docx bytes.

    ``context`` may be a function of the `DocxTemplate` (for inline images).
    Raises `TemplateError` (template, part, line, nearby text) on any template
    problem: syntax, undefined variable, an evaluation error or a limit
    (`ExpressionError`), or a file that is not a .docx. The limits are per
    document: all parts of the template share them.

    ``fast`` (the default) renders the template compiled once, its unchanging
    parts fixed for Thai once (`ita_docs.render_cache`); ``fast=False`` is
    docxtpl's own path (open, render, save, then `ooxml.fix_package`). Both give
    the same bytes; a template the fast path does not take goes through docxtpl.
    """
    compiled = render_cache.compiled(template, digits, make_env) if fast else None
    try:
        if compiled is not None:
            tpl: Any = compiled.start()
        else:
            tpl = DocxTemplate(str(template))
            tpl.init_docx()
    except Exception as exc:  # noqa: BLE001 - any failure to open is the template's fault
        raise TemplateError(f"cannot open the template: {exc}", template.name) from None
    ctx = context(tpl) if callable(context) else context
    try:
        with limits():
            if compiled is not None:
                tpl.render(ctx)
            else:
                tpl.render(ctx, jinja_env=make_env(digits), autoescape=True)
    except ItaDocsError:
        raise
    except Exception as exc:  # noqa: BLE001 - every rendering problem is the template's
        err = exc if isinstance(exc, jinja2.TemplateError) and _unknown_filter(exc) is None else expression_error(exc)
        part = getattr(getattr(tpl, "current_rendering_part", None), "partname", "") or ""
        near = " ".join(s.strip() for s in getattr(err, "docx_context", None) or getattr(exc, "docx_context", []) if s.strip())
        message = err.message or type(err).__name__
        if near:
            message += f" — near: {near[:160]}"
        raise TemplateError(message, template.name, str(part).lstrip("/"), _line_of(err)) from None
    if compiled is not None:
        return tpl.save()
    buf = io.BytesIO()
    tpl.save(buf)
    return ooxml.fix_package(buf.getvalue(), digits=digits)


def inline_image(tpl: DocxTemplate, path: Path, height_cm: float) -> InlineImage:
    """An image for ``{{ var }}`` in a run, ``height_cm`` high (width keeps the ratio)."""
    return InlineImage(tpl, str(path), height=Cm(height_cm))
