"""Load a content set (a folder of YAML files, or one file) into a `Content`.

Validation happens once, here, at the edge: YAML is parsed safely with the
position of every key kept, the merged mapping is validated by pydantic, then
cross-references are checked. Every problem is collected and raised at once as
`ContentErrors`, each naming the file, line, column and field path, in the
user's language (`ita_docs.messages`).
"""
from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .errors import ContentError, ContentErrors, Location
from .messages import msg
from .models import Content

PathKey = tuple[Any, ...]


@dataclass
class Positions:
    """Where each field path of the merged content was written.

    ``values[path]`` is the (file, line, column) of the value, ``keys[path]``
    that of its key; lines and columns are 1-based.
    """

    values: dict[PathKey, tuple[Path, int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[Path, int, int]] = field(default_factory=dict)

    def locate(self, path: PathKey, *, key: bool = False) -> Location:
        """The location of ``path``, or of its nearest written ancestor."""
        field_name = _dotted(path)
        p = tuple(path)
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


def _dotted(path: PathKey) -> str:
    out = ""
    for part in path:
        if isinstance(part, int) and out and not isinstance(part, bool):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _walk(node: yaml.Node, path: PathKey, file: Path, pos: Positions, loader: yaml.SafeLoader) -> None:
    mark = node.start_mark
    pos.values[path] = (file, mark.line + 1, mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for knode, vnode in node.value:
            key = loader.construct_object(knode, deep=True)
            kmark = knode.start_mark
            for k in {key, str(key)}:
                pos.keys[(*path, k)] = (file, kmark.line + 1, kmark.column + 1)
                _walk(vnode, (*path, k), file, pos, loader)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), file, pos, loader)


def _parse_file(file: Path, pos: Positions, errors: list[ContentError]) -> dict[str, Any] | None:
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(ContentError(msg("unreadable", error=exc), Location(file)))
        return None
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            errors.append(ContentError(msg("empty_file"), Location(file, 1, 1)))
            return None
        data = loader.construct_document(node)
        file_pos = Positions()
        _walk(node, (), file, file_pos, loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or str(exc)
        if "\t" in problem or "tab" in problem:
            problem += msg("yaml_tab")
        errors.append(ContentError(msg("yaml_syntax", problem=problem), Location(file, mark.line + 1 if mark else None, mark.column + 1 if mark else None)))
        return None
    except yaml.YAMLError as exc:
        errors.append(ContentError(msg("yaml_syntax", problem=exc), Location(file)))
        return None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        errors.append(ContentError(msg("not_mapping_file"), Location(file, node.start_mark.line + 1, 1)))
        return None
    pos.values.update({k: v for k, v in file_pos.values.items() if k})
    pos.keys.update(file_pos.keys)
    return data


def content_files(source: Path) -> list[Path]:
    """The YAML files of a content set: ``source`` itself, or its ``*.yaml``/``*.yml``."""
    if source.is_file():
        return [source]
    return sorted(p for p in source.iterdir() if p.suffix in {".yaml", ".yml"} and p.is_file())


def parse(source: str | Path) -> LoadedContent:
    """Parse and schema-validate the content set at ``source`` (folder or file).

    This is the first step of loading: YAML syntax, types, missing or unknown
    keys and cross-references. Rules that need the ITA framework data are the
    second step, `ita_docs.validate.load`, which callers normally use.
    Raises `ContentErrors` listing every problem found; nothing is partially loaded.
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
        raise ContentErrors(errors)
    try:
        content = Content.model_validate(merged)
    except ValidationError as exc:
        raise ContentErrors([_translate(e, pos, files) for e in exc.errors()]) from None
    problems = content.reference_problems()
    if problems:
        raise ContentErrors([_reference_error(p, pos) for p in problems])
    root = source if source.is_dir() else source.parent
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


def _clean_loc(loc: PathKey) -> PathKey:
    """Drop pydantic's synthetic loc parts (function-before[...], [key])."""
    return tuple(p for p in loc if not (isinstance(p, str) and ("[" in p and "]" in p)))


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _translate(err: dict[str, Any], pos: Positions, files: list[Path]) -> ContentError:
    loc = _clean_loc(tuple(err["loc"]))
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
        return ContentError(msg("extra", key=loc[-1], hint=hint), pos.locate(loc, key=True))
    location = pos.locate(loc)
    if typ in ("float_parsing", "float_type", "decimal_parsing"):
        text = msg("number", input=inp)
    elif typ in ("int_parsing", "int_type", "int_from_float"):
        text = msg("integer", input=inp)
    elif typ in ("string_type",):
        text = msg("text", input=inp)
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
        elif raw in ("time", "oit_item"):
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
