"""pydantic's errors and the cross-reference problems worded for a clerk (`ita_docs.load.loader`).

Each error is located (`Positions.locate`) at the nearest written key or value and worded in the
user's language (`ita_docs.messages`): a guess for a misspelt key, the names of the ids a
reference may use, and, where a ``: `` inside text made YAML read a key and a value, only the
quoting hint (`_quiet`).
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from ..errors import ContentError
from ..messages import msg
from ..model import Content
from .reader import PathKey, Positions, _dotted
from .safe_yaml import _short


def _quiet(raw: list[Any], pos: Positions, files: list[Path], merged: dict[str, Any]) -> list[ContentError]:
    """pydantic's errors worded (`_translate`), without the noise beside a helpful line: where a
    ``: `` inside text made YAML read a key and a value, only the quoting hint is kept for that item
    (not also "text is missing" or the other members of a union that failed on it)."""
    hinted: set[PathKey] = set()
    for e in raw:
        loc = _clean_loc(tuple(e["loc"]), merged)
        if (e["type"] == "extra_forbidden" and loc and _looks_like_text(loc[-1])) or (
            e["type"] == "string_type" and isinstance(e.get("input"), dict)
        ):
            hinted.add(loc[:-1] if e["type"] == "extra_forbidden" else loc)
    out: list[ContentError] = []
    seen: set[tuple[Any, ...]] = set()
    for e in raw:
        loc = _clean_loc(tuple(e["loc"]), merged)
        parent = next((h for h in hinted if loc[: len(h)] == h), None)
        if parent is not None:
            is_hint = (
                e["type"] == "extra_forbidden" and loc[:-1] == parent and _looks_like_text(loc[-1])
            ) or (e["type"] == "string_type" and loc == parent)
            if not is_hint or parent in seen:
                continue
            seen.add(parent)
        out.append(_translate(e, pos, files, merged))
    return out


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
        if (isinstance(data, dict) and p in data) or (
            isinstance(data, list)
            and isinstance(p, int)
            and not isinstance(p, bool)
            and -len(data) <= p < len(data)
        ):
            data = data[p]
        elif isinstance(p, str) and "[" in p and "]" in p:
            continue
        else:
            data = None
        out.append(p)
    return tuple(out)


def _looks_like_text(key: Any) -> bool:
    """A mapping key that is prose, not a field name: Thai letters or spaces in it."""
    return isinstance(key, str) and (" " in key.strip() or any("\u0e00" <= ch <= "\u0e7f" for ch in key))


def _translate(err: ErrorDetails, pos: Positions, files: list[Path], data: Any = None) -> ContentError:
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
        hint = (
            msg("hint", guess=guess[0])
            if guess
            else (msg("allowed", names=", ".join(names)) if names else "")
        )
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
        text = msg("choice", expected=_choices(str(ctx.get("expected", ""))), input=inp)
    elif typ.startswith("date"):
        text = msg("date", input=inp)
    elif typ == "string_too_long":
        text = msg("id_too_long", n=len(str(err.get("input", ""))), limit=ctx.get("max_length"))
    elif typ == "string_pattern_mismatch":
        text = msg("pattern", input=inp)
    elif typ == "value_error":
        raw = str(ctx.get("error", err.get("msg", "")))
        if "item code" in raw:
            text = msg("item_code", input=inp)
        elif raw in ("block_kind", "period_pair", "period_order", "period_empty", "member_who", "oit_row"):
            text = msg(raw)
        elif raw in ("time", "oit_item", "date", "date_impossible", "meeting_number"):
            text = msg(raw, input=inp)
        else:
            text = msg("invalid", msg=raw)
    else:
        text = msg("invalid", msg=err.get("msg", typ))
    return ContentError(text, location)


def _choices(expected: str) -> str:
    """pydantic's list of allowed values ("'a', 'b' or 'c'") with the last joiner in the user's language.

    >>> from ita_docs.messages import set_language; set_language("th"); _choices("'thai' or 'arabic'")
    "'thai' หรือ 'arabic'"
    """
    values = [v for v in re.split(r", | or ", expected) if v]
    if len(values) < 2:
        return expected
    return ", ".join(values[:-1]) + msg("or") + values[-1]


def _reference_error(
    problem: tuple[PathKey, str, dict[str, Any]], pos: Positions, content: Content | None = None
) -> ContentError:
    path, message_id, params = problem
    if message_id == "unknown_ref":
        known = params.pop("known")
        names = _names(content, str(params.get("kind")))
        shown = ", ".join(f"{k} = {names[k]}" if names.get(k) else k for k in known)
        guess = difflib.get_close_matches(params["id"], known, n=1, cutoff=0.5)
        if guess:
            named = f"{guess[0]} = {names[guess[0]]}" if names.get(guess[0]) else guess[0]
            params["hint"] = msg("hint", guess=named) + (msg("allowed", names=shown) if names else "")
        else:
            params["hint"] = msg("allowed", names=shown) if known else ""
    return ContentError(msg(message_id, **params), pos.locate(path))


def _names(content: Content | None, kind: str) -> dict[str, str]:
    """The names of the ids a reference may use, for messages (``klang`` -> กองคลัง)."""
    if content is None:
        return {}
    if kind == "division":
        return {d.id: d.name for d in content.organisation.divisions}
    if kind == "person":
        return {p.id: p.name for p in content.organisation.people}
    return {}
