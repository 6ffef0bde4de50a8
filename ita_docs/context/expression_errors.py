"""Errors of evaluation as one `ExpressionError` with a clerk's message (`expression_error`).

Division by zero, a filter given the wrong kind of value, an unknown name, an
unknown filter, a refused attribute, a syntax error, the limits: all come out
as `ita_docs.context.limits.ExpressionError` (a `jinja2.TemplateError`) with a
message in the user's language (`ita_docs.messages`) and, when known, the
template line (`line_of`). Unknown names, attributes and filters are told with
the closest valid one ("did you mean") and the valid ones (`_Undefined`
remembers what was missing; `unknown_name_message`, `unknown_filter_message`).
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import traceback
from collections import abc
from typing import Any

import jinja2
from jinja2.defaults import DEFAULT_FILTERS
from jinja2.sandbox import SecurityError
from pydantic import BaseModel

from .. import thaifmt
from ..messages import msg
from .limits import MAX_INT_BITS, MAX_SIZE, ExpressionError

# pydantic's API on content models (model_copy, model_dump...): not content.
_BASEMODEL_ATTRS = frozenset(name for name in dir(BaseModel) if not name.startswith("_"))


def line_of(exc: BaseException) -> int | None:
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
_JINJA_FILTERS_SHOWN = (
    "upper",
    "lower",
    "join",
    "length",
    "default",
    "round",
    "replace",
    "trim",
    "first",
    "last",
)
_UNKNOWN_FILTER = re.compile(r"No filter named '([^']+)'")


def thai_filter_names() -> list[str]:
    """The Thai filters of every environment (`make_env`): ``fiscal_digits`` and `ita_docs.thaifmt.FILTERS`."""
    return ["fiscal_digits", *thaifmt.FILTERS]


def did_you_mean(name: object, candidates: Any) -> str:
    """ " (did you mean 'x'?)" for the closest of ``candidates`` (difflib), or ""."""
    if not isinstance(name, str):
        return ""
    close = difflib.get_close_matches(name, [str(c) for c in candidates], n=1, cutoff=0.6)
    return msg("hint", guess=close[0]) if close else ""


def _listed(names: Any) -> str:
    """ " valid names: a, b, c" (sorted, at most `_LISTED`), or "" when there are none."""
    shown = sorted(
        dict.fromkeys(str(n) for n in names), key=lambda n: (not n.isdigit(), int(n) if n.isdigit() else 0, n)
    )
    if not shown:
        return ""
    more = "" if len(shown) <= _LISTED else ", …"
    return msg("allowed", names=", ".join(shown[:_LISTED]) + more)


def _attributes(obj: Any) -> list[str]:
    """The names ``obj.name`` may take: a mapping's keys, a model's fields and properties, a dataclass's fields."""
    if isinstance(obj, abc.Mapping):
        return [str(k) for k in obj]
    if isinstance(obj, BaseModel):
        cls = type(obj)
        props = [
            n
            for n in dir(cls)
            if not n.startswith("_")
            and n not in _BASEMODEL_ATTRS
            and isinstance(getattr(cls, n, None), property)
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
    return msg(
        "expr_unknown_attr",
        owner=_owner(owner),
        name=name,
        hint=did_you_mean(name, attrs),
        names=_listed(attrs),
    )


def unknown_filter_message(name: str, filters: Any = None) -> str:
    """An unknown filter: did you mean (among every filter), and the Thai filters."""
    every = list(filters) if filters is not None else [*thai_filter_names(), *DEFAULT_FILTERS]
    return msg(
        "expr_unknown_filter",
        name=name,
        hint=did_you_mean(name, [f for f in every if not f.startswith("_")]),
        names=msg(
            "expr_filters_listed",
            names=", ".join(thai_filter_names()),
            builtin=", ".join(_JINJA_FILTERS_SHOWN),
        ),
    )


def unknown_filter_name(exc: BaseException) -> str | None:
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
            exc.lineno = line_of(exc)
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
    elif unknown_filter_name(exc) is not None:
        text, kind = unknown_filter_message(unknown_filter_name(exc) or ""), "undefined"
    elif isinstance(exc, SecurityError):
        text, kind = msg("expr_not_allowed", detail=detail), "not_allowed"
    elif isinstance(exc, jinja2.TemplateSyntaxError):
        text, kind = msg("expr_syntax", detail=detail), "syntax"
    else:
        text, kind = msg("expr_invalid", detail=detail), "invalid"
    return ExpressionError(text, kind, line_of(exc))
