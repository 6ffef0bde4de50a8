"""Checks of the sandbox before an operation runs, and Jinja's filters wrapped by the limits.

The operators, string methods and filters that could make one value bigger
than `ita_docs.context.limits.MAX_SIZE` in a single step are refused before
they run (`_check_printf`, `_check_str_method`, `PRECHECKS`...). Every filter
goes through `_wrap_filter`: a deadline tick, its check, the size of its
result, and a clerk's message (`ExpressionError`) when given the wrong kind of
value. `_BUILTIN_FILTERS` are Jinja's own filters wrapped so (``join`` and
``sum`` replaced by bounded versions).
"""

from __future__ import annotations

import re
import reprlib
from collections import abc
from collections.abc import Callable
from itertools import chain
from typing import Any

import jinja2
from jinja2.defaults import DEFAULT_FILTERS
from jinja2.filters import make_attrgetter

from ..messages import msg
from .limits import (
    _BUDGET,
    MAX_INT_BITS,
    MAX_SIZE,
    ExpressionError,
    _bounded,
    _bounded_iter,
    _number_too_large,
    _too_large,
    _weight,
)

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


def _pre_wordwrap(
    s: Any, width: Any = 79, break_long_words: Any = True, wrapstring: Any = None, *a: Any, **kw: Any
) -> None:
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
            raise TypeError(
                f'can only concatenate {kind.__name__} (not "{type(x).__name__}") to {kind.__name__}'
            )
    if _weight(items, MAX_SIZE) > MAX_SIZE:
        raise _too_large()
    return kind(chain(start, *items))


_REPLACED_FILTERS: dict[str, Callable[..., Any]] = {"join": _join_filter, "sum": _sum_filter}

# The kind of value each Thai filter takes, for "the score filter works only on numbers".
_FILTER_INPUT = {
    **dict.fromkeys(("score", "signed", "percent", "number", "thai_words", "baht"), "number"),
    **dict.fromkeys(
        (
            "date_long",
            "date_numeric",
            "date_full",
            "date_short",
            "month_range",
            "date_range_short",
            "date_range_long",
        ),
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


_BUILTIN_FILTERS = {
    name: _wrap_filter(name, _REPLACED_FILTERS.get(name, fn)) for name, fn in DEFAULT_FILTERS.items()
}
