"""The bounded Jinja sandbox (`BoundedSandbox`) and its environment with the Thai filters (`make_env`).

`make_env` gives an immutable sandbox
(`jinja2.sandbox.ImmutableSandboxedEnvironment`: templates edited by users and
expressions in content text cannot reach Python internals, nor change content,
e.g. ``organisation.divisions.clear()``), that autoescapes (text from content
cannot inject XML) and fails on undefined variables (`jinja2.StrictUndefined`).

It is also bounded by the limits of `ita_docs.context.limits`: its code
generator counts loops and sizes literals and ``~``, its hooks (attribute and
item access, calls, operators, ``str.format``) check before and after, its
filters are those of `ita_docs.context.checks`, and its templates
(`_Template`) render within `limits`, every evaluation error coming out as an
`ExpressionError` (`ita_docs.context.expression_errors`). ``lipsum`` is not available.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import lru_cache, partial
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import (
    ImmutableSandboxedEnvironment,
    SandboxedEscapeFormatter,
    SandboxedFormatter,
    SecurityError,
)
from markupsafe import Markup
from pydantic import BaseModel

from .. import thaifmt
from ..errors import ItaDocsError
from ..messages import msg
from .checks import (
    _BUILTIN_FILTERS,
    _check_digits_spec,
    _check_printf,
    _check_str_method,
    _check_width,
    _wrap_filter,
)
from .expression_errors import _BASEMODEL_ATTRS, _Undefined, expression_error
from .limits import (
    _BUDGET,
    MAX_INT_BITS,
    MAX_OUTPUT,
    MAX_SIZE,
    ExpressionError,
    _bounded,
    _bounded_iter,
    _bounded_range,
    _Namespace,
    _number_too_large,
    _too_large,
    _weight,
    limits,
)


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


_SAFE_ATTRIBUTES: dict[tuple[type, str], bool] = {}  # (type of the object, attribute name) -> readable


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """`ImmutableSandboxedEnvironment` with the limits of `ita_docs.context.limits` (see its docstring)."""

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
            safe = not (
                attr in _BASEMODEL_ATTRS and isinstance(obj, BaseModel)
            ) and super().is_safe_attribute(obj, attr, value)
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
                kwargs = args[0]
                args = ()
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


@lru_cache(maxsize=8)
def _thai_filters(
    digits: str, filters: tuple[tuple[str, Callable[..., Any]], ...]
) -> dict[str, Callable[..., Any]]:
    out = {}
    for name, fn in filters:
        takes_digits = "digits" in inspect.signature(fn).parameters
        out[name] = _wrap_filter(name, partial(fn, digits=digits) if takes_digits else fn)

    def fiscal_digits(year: Any) -> str:
        return thaifmt.to_digits(str(year), digits=digits)

    out["fiscal_digits"] = _wrap_filter("fiscal_digits", fiscal_digits)
    return out


def make_env(digits: str) -> BoundedSandbox:
    """A bounded, immutable, sandboxed, autoescaping, strict Jinja environment with the Thai filters.

    Every filter of `ita_docs.thaifmt.FILTERS` is bound to ``digits``
    (``"thai"`` or ``"arabic"``); ``fiscal_digits`` prints a BE year as digits.
    """
    env = BoundedSandbox(undefined=_Undefined, autoescape=True)
    env.filters.update(_thai_filters(digits, tuple(thaifmt.FILTERS.items())))
    return env
