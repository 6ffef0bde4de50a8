"""The JSON Schema of the content, with Thai descriptions, for editors.

`json_schema` turns `ita_docs.model.Content` into a JSON Schema (draft 2020-12)
that an editor can check YAML against while it is typed (VS Code's YAML extension
reads a first line ``# yaml-language-server: $schema=ita-docs.schema.json``).
The model stays the one source of truth; this module only adds what pydantic
cannot say by itself:

- Thai descriptions of every model and field, from ``schema_th.yaml`` (keyed
  ``ModelName`` and ``ModelName.key``; a field inherited from a base model may be
  described on the base). `missing_descriptions` lists what has none, so a new
  field cannot be forgotten (tests/model/test_schema.py).
- The shorthands the models accept before validation: a single string where a list
  of strings or of prose blocks is expected (``position: ปลัด``), a string for a
  prose `Block`, a `Period`, a `Step`, an `Output` or a person in minutes (`Who`),
  a plain list for `OitFollowup`; dates ``YYYY-MM-DD`` whose year may be พ.ศ. and
  whose digits may be Thai; meeting times such as ``"09.30"``.

``fragment=True`` drops the top-level ``required``: a content set is split over
several files, and a file holding only ``assessment:`` is not wrong for lacking
``organisation:``. The full schema (the default) describes the merged content.
"""

from __future__ import annotations

import copy
import json
import typing
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic.json_schema import GenerateJsonSchema

from ..files import write_file
from . import Content
from .base import Model

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FILENAME = "ita-docs.schema.json"
"""The name `ita_docs.scaffold` gives the schema file inside a content folder."""

_DIGIT = "[0-9๐-๙]"
DATE_SCHEMA: dict[str, Any] = {
    "type": "string",
    "pattern": rf"^\s*{_DIGIT}{{4}}-{_DIGIT}{{1,2}}-{_DIGIT}{{1,2}}\s*$",
    "description": (
        "วันที่แบบ ปปปป-ดด-วว ปีเป็น พ.ศ. เช่น 2566-04-15 คือ ๑๕ เมษายน ๒๕๖๖ "
        "(ปีที่มากกว่า 2400 ถือเป็น พ.ศ. ปี ค.ศ. ก็ใช้ได้ เลขไทยก็ได้)"
    ),
    "examples": ["2566-04-15"],
}
TIME_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": rf"^\s*{_DIGIT}{{1,2}}\s*[.:]\s*{_DIGIT}{{2}}(\s*น\.?)?\s*$"},
        {"type": "number"},
    ],
    "description": 'เวลาแบบ ชช.นน เช่น "09.30" (ใส่เครื่องหมายคำพูด) หรือ "๐๙.๓๐ น."',
    "examples": ["09.30"],
}
ROOT_DESCRIPTION = (
    "เนื้อหา ita-docs ของหน่วยงานหนึ่งสำหรับปีงบประมาณหนึ่ง ทุกไฟล์ .yaml ในโฟลเดอร์รวมเป็นชุดเดียว "
    "ชื่อข้อมูล (key) เป็นภาษาอังกฤษ ข้อความเป็นภาษาไทย "
    "ปีเป็น พ.ศ. (fiscal_year: 2566) ปีงบประมาณ พ.ศ. ๒๕๖๖ คือ ๑ ตุลาคม ๒๕๖๕ ถึง ๓๐ กันยายน ๒๕๖๖ "
    "วันที่เขียน ปปปป-ดด-วว ด้วยปี พ.ศ. (2566-04-15) "
    'คะแนนเป็นตัวเลข ๐-๑๐๐ (85.85 ไม่ใช่ "๘๕.๘๕") โปรแกรมพิมพ์เป็นเลขไทยเอง '
    "ข้อความใช้ **ตัวหนา** และอ้างข้อมูลอื่นได้ เช่น {{ organisation.name }}"
)


# --------------------------------------------------------------------------- models and descriptions


def models() -> dict[str, type[BaseModel]]:
    """Every model class reachable from `Content`, by class name, `Content` first."""
    found: dict[str, type[BaseModel]] = {}

    def visit(tp: Any) -> None:
        if typing.get_origin(tp) is not None:
            for arg in typing.get_args(tp):
                visit(arg)
            return
        if isinstance(tp, type) and issubclass(tp, BaseModel) and tp.__name__ not in found:
            found[tp.__name__] = tp
            for info in tp.model_fields.values():
                visit(info.annotation)

    visit(Content)
    return found


def field_keys(model: type[BaseModel]) -> list[str]:
    """The YAML keys of ``model``'s fields (aliases where given, e.g. ``for``)."""
    return [info.alias or name for name, info in model.model_fields.items()]


@cache
def descriptions() -> dict[str, str]:
    """The Thai descriptions of ``schema_th.yaml``: ``{"Model": .., "Model.key": ..}``."""
    text = (resources.files("ita_docs.model") / "schema_th.yaml").read_text(encoding="utf-8")
    return {str(k): " ".join(str(v).split()) for k, v in (yaml.safe_load(text) or {}).items()}


def description(model: type[BaseModel], key: str | None = None) -> str | None:
    """The Thai text of ``model`` (``key`` None) or of its field ``key``, looked up along the MRO."""
    th = descriptions()
    for base in model.__mro__:
        if not (isinstance(base, type) and issubclass(base, BaseModel)) or base is BaseModel:
            continue
        if key is not None and key not in field_keys(base):
            continue
        text = th.get(base.__name__ if key is None else f"{base.__name__}.{key}")
        if text:
            return text
    return None


def missing_descriptions() -> list[str]:
    """``Model`` and ``Model.key`` names that have no Thai description."""
    missing = []
    for name, model in models().items():
        if description(model) is None:
            missing.append(name)
        missing += [f"{name}.{key}" for key in field_keys(model) if description(model, key) is None]
    return missing


def stale_descriptions() -> list[str]:
    """Keys of ``schema_th.yaml`` that name no model or field (renamed or removed ones)."""
    ms = models()
    stale = []
    for key in descriptions():
        name, _, field = key.partition(".")
        if name not in ms or (field and field not in field_keys(ms[name])):
            stale.append(key)
    return stale


# --------------------------------------------------------------------------- schema


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, told about the shorthands the before-validators accept."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.shorthand: dict[str, str] = {}  # model name -> "_from_string" | "_from_list"

    def function_before_schema(self, schema: Any) -> Any:
        inner = super().function_before_schema(schema)
        name = getattr(schema["function"]["function"], "__name__", "")
        if name == "_to_list":
            return {"anyOf": [{"type": "string"}, inner]}
        if name == "_to_date":
            return copy.deepcopy(DATE_SCHEMA)
        if name == "_to_time":
            return copy.deepcopy(TIME_SCHEMA)
        target = schema["schema"]
        while target.get("type") in ("function-before", "function-after", "function-wrap"):
            target = target["schema"]  # the model's other validators (e.g. the base's shorthand hook)
        if target.get("type") == "model-fields":
            model_name = target["model_name"]
            model = models().get(model_name)
            if name == "_from_list" or (
                name == "_from_shorthand"
                and model is not None
                and issubclass(model, Model)
                and model._shorthand
            ):
                self.shorthand[model_name] = "_from_list" if name == "_from_list" else "_from_string"
        return inner


def _string_field(model: type[BaseModel]) -> str | None:
    """The field a plain string fills when given for ``model`` (``paragraph`` for a Block)."""
    probe = "\u2063probe"
    try:
        obj = model.model_validate(probe)
    except ValidationError:
        return None
    return next(
        (info.alias or name for name, info in type(obj).model_fields.items() if getattr(obj, name) == probe),
        None,
    )


def _with_shorthand(definition: dict[str, Any], model: type[BaseModel] | None, kind: str) -> dict[str, Any]:
    """``definition`` (an object schema) that also accepts the model's shorthand form."""
    outer: dict[str, Any] = {
        k: definition.pop(k) for k in ("title", "description", "$comment") if k in definition
    }
    if kind == "_from_list":
        rows = definition["properties"]["rows"]
        alt = {
            "type": "array",
            "items": rows.get("items", {}),
            "description": "เขียนเป็นรายการแถว (rows) ได้เลย",
        }
    else:
        field = _string_field(model) if model else None
        alt = {"type": "string", "description": f"ข้อความเดียวได้ (คือ {field})" if field else "ข้อความเดียวได้"}
    return {**outer, "anyOf": [alt, definition]}


def _describe(node: dict[str, Any], model: type[BaseModel]) -> None:
    """Thai descriptions on a model's schema and its properties; the English docstring becomes ``$comment``."""
    english = node.pop("description", None)
    if english:
        node["$comment"] = english
    th = description(model)
    if th:
        node["description"] = th
    for key, prop in node.get("properties", {}).items():
        text = description(model, key)
        if text:
            prop["description"] = text


def json_schema(*, fragment: bool = False) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the content, with Thai descriptions.

    ``fragment=True`` makes no top-level key required (for one file of a set).
    """
    gen = _Generator(by_alias=True)
    raw = gen.generate(Content.__pydantic_core_schema__, mode="validation")
    shorthand = gen.shorthand
    ms = models()
    defs: dict[str, Any] = raw.pop("$defs", {})
    for name, definition in defs.items():
        model = ms.get(name)
        if model is not None:
            _describe(definition, model)
        if name in shorthand:
            defs[name] = _with_shorthand(definition, model, shorthand[name])
    _describe(raw, Content)
    raw["title"] = "ita-docs content"
    raw["description"] = ROOT_DESCRIPTION
    if fragment:
        raw.pop("required", None)
        raw["description"] += " (สคีมานี้ใช้ตรวจทีละไฟล์ จึงไม่บังคับชื่อข้อมูลระดับบนสุด)"
    return {"$schema": DRAFT, **raw, "$defs": defs}


def write_schema(path: str | Path, *, fragment: bool = False) -> Path:
    """Write `json_schema` to ``path`` as UTF-8 JSON, atomically (temporary file, then rename).

    Raises `OutputError` when the file cannot be written.
    """
    path = Path(path)
    data = json.dumps(json_schema(fragment=fragment), ensure_ascii=False, indent=2) + "\n"
    write_file(path, data.encode("utf-8"))
    return path


__all__ = [
    "DRAFT",
    "FILENAME",
    "descriptions",
    "json_schema",
    "missing_descriptions",
    "models",
    "stale_descriptions",
    "write_schema",
]
