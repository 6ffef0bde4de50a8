"""Generic forms made from the content model: a tree of `Field` and `Group` the templates draw.

Where a generic form serves (organisation, measures, memos, committees, the
analysis report's text...), the form follows the YAML as it is, and the pydantic
model (`ita_docs.model`) gives each key its kind (number, choice, date, text)
and its Thai label and help (``ita_docs/schema_th.yaml`` through
`ita_docs.model.schema.description`). Keys of a model the YAML does not have yet are
offered as empty fields. Every field is named by its dotted content path
(``organisation.divisions.1.name``), the same path `ita_docs.errors.Location`
gives a problem, so problems are shown at their field.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from ..model.schema import description

TEXTAREA_AT = 70
"""Text longer than this many characters (or with a line break) is edited in a text area."""
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@dataclass
class Field:
    """One value: ``kind`` is ``text``, ``textarea``, ``number``, ``integer``, ``date``, ``choice`` or ``bool``."""

    path: str
    key: str
    label: str
    help: str
    value: Any
    kind: str = "text"
    choices: list[str] = field(default_factory=list)
    compact: bool = False
    labels: dict[str, str] = field(default_factory=dict)
    """Thai words shown for ``choices`` (or suggested for free text), by value."""
    suggest: str = ""
    """The id of the page's list of ids this field refers to (``divisions`` or ``people``), if any."""
    """Inside a list item: the help is a tooltip, not a paragraph (a long list stays short)."""

    @property
    def shown(self) -> str:
        """The value as the input shows it ('' for none)."""
        if self.value is None:
            return ""
        if isinstance(self.value, bool):
            return "true" if self.value else "false"
        return str(self.value)


@dataclass
class Group:
    """A mapping or a list: ``children`` in order; ``is_list`` lists may get items added and removed."""

    path: str
    key: str
    label: str
    help: str
    children: list[Field | Group] = field(default_factory=list)
    is_list: bool = False
    item_of_list: bool = False


def unwrap(tp: Any) -> Any:
    """``Optional[X]``, ``Annotated[X, ...]`` -> ``X`` (a union of several types: the first model or list in it)."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) == 1:
                tp = args[0]
                continue
            preferred = [a for a in args if _is_model(a) or typing.get_origin(unwrap(a)) in (list, dict)]
            tp = preferred[0] if preferred else args[0]
            continue
        return tp


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def field_type(model: Any, key: str) -> Any:
    """The annotation of ``model``'s field written ``key`` in YAML (alias-aware), unwrapped; None if unknown."""
    if not _is_model(model):
        return None
    for name, info in model.model_fields.items():
        if (info.alias or name) == key:
            return unwrap(info.annotation)
    return None


def item_type(tp: Any) -> Any:
    """The type of a list's items or a mapping's values."""
    origin = typing.get_origin(tp)
    if origin is list:
        return unwrap(typing.get_args(tp)[0])
    if origin is dict:
        return unwrap(typing.get_args(tp)[1])
    return None


def kind_of(tp: Any, value: Any) -> tuple[str, list[str]]:
    """The input kind for a value of type ``tp`` (and its choices)."""
    if typing.get_origin(tp) is Literal:
        return "choice", [str(a) for a in typing.get_args(tp)]
    if tp is bool:
        return "bool", ["true", "false"]
    if tp is int:
        return "integer", []
    if tp is float:
        return "number", []
    if tp is dt.date or getattr(tp, "__name__", "") in {"date", "Date"}:
        return "date", []
    if isinstance(value, bool):
        return "bool", ["true", "false"]
    if isinstance(value, (int, float)):
        return "number", []
    if isinstance(value, str) and (len(value) > TEXTAREA_AT or "\n" in value):
        return "textarea", []
    return "text", []


def label_of(model: Any, key: str) -> tuple[str, str]:
    """(label, help) of ``key`` in ``model``: the Thai description's first clause as label, all of it as help."""
    text = description(model, key) if _is_model(model) else None
    if not text:
        return key, ""
    short = text
    for stop in (" เช่น", " (", ": ", " ถ้า", " ใช้", " ตาม", " ของ", " {"):
        at = short.find(stop)
        if 6 <= at < len(short):
            short = short[:at]
    words = short.split()
    while len(words) > 1 and (
        words[-1] in {"หรือ", "และ"} or (words[-1].isascii() and words[-1].replace("_", "").isalpha())
    ):
        words.pop()  # "วาระมาตรฐาน chair" -> "วาระมาตรฐาน": the first value of a list, not the field's name
    short = " ".join(words)
    if len(short) > 48:
        short = short[:48].rsplit(" ", 1)[0] + "…"
    if not ("\u0e00" <= short[:1] <= "\u0e7f"):  # the text starts with a value ("true = ..."), not a name
        short = key
    return short, text


def build(
    path: str,
    key: str,
    value: Any,
    tp: Any,
    *,
    model: Any = None,
    in_list: bool = False,
    compact: bool = False,
    expand: set[str] | frozenset[str] = frozenset(),
) -> Field | Group:
    """The form node of ``value`` (from the YAML) at ``path``, typed by ``tp`` (from the model).

    Keys of the model missing from the YAML are offered as empty fields, except inside
    list items (``compact``), where only what is written is shown unless the item's path is in
    ``expand`` (an item just added, being edited, or asked for in full)."""
    label, help_ = label_of(model, key) if model is not None else (key, "")
    tp = unwrap(tp)
    group_help = "" if compact or in_list else help_
    full = path in expand or not (compact or in_list)  # offer the model's fields the YAML does not have yet
    if isinstance(value, dict) or (value is None and _is_model(tp)):
        group = Group(path, key, label, group_help, item_of_list=in_list)
        value = value or {}
        sub_model = tp if _is_model(tp) else None
        values_tp = item_type(tp) if sub_model is None else None
        for k, v in value.items():
            sub_tp = field_type(sub_model, str(k)) if sub_model else values_tp
            group.children.append(
                build(f"{path}.{k}", str(k), v, sub_tp, model=sub_model, compact=not full, expand=expand)
            )
        if sub_model is not None:
            for name, info in sub_model.model_fields.items():
                k = info.alias or name
                if k in value:
                    continue
                sub_tp = unwrap(info.annotation)
                if typing.get_origin(sub_tp) is list and _is_model(item_type(sub_tp)):
                    # a list of parts not started yet (members, agenda items...): its "add" button
                    group.children.append(
                        Group(f"{path}.{k}", k, label_of(sub_model, k)[0], "", is_list=True)
                    )
                elif full and typing.get_origin(sub_tp) is list and item_type(sub_tp) is str:
                    # a list of lines (position, via...) accepts one line as text: a text field
                    group.children.append(build(f"{path}.{k}", k, None, str, model=sub_model))
                elif typing.get_origin(sub_tp) in (list, dict) or _is_model(sub_tp) or not full:
                    continue  # written in the YAML first; inside list items only what is written is shown
                else:
                    group.children.append(build(f"{path}.{k}", k, None, sub_tp, model=sub_model))
        return group
    if isinstance(value, list):
        group = Group(path, key, label, group_help, is_list=True, item_of_list=in_list)
        inner = item_type(tp) if typing.get_origin(tp) is list else (tp if _is_model(tp) else None)
        for i, v in enumerate(value):
            node = build(f"{path}.{i}", str(i + 1), v, inner, in_list=True, compact=True, expand=expand)
            group.children.append(node)
        return group
    kind, choices = kind_of(tp, value)
    return Field(
        path,
        key,
        label,
        help_,
        value,
        kind,
        choices,
        compact,
        choice_labels(model, key),
        suggestion(path, key),
    )


DIVISION_KEYS = frozenset({"unit", "responsible", "division"})
PERSON_KEYS = frozenset(
    {"signer", "speaker", "person", "member", "ref", "recorder", "checker", "for", "responsible_person"}
)


def suggestion(path: str, key: str) -> str:
    """Which list of ids a field names: ``divisions`` (division ids) or ``people`` (people and
    committee members), from its key; "" for none."""
    parts = path.split(".")
    if key in DIVISION_KEYS or (
        len(parts) >= 2 and parts[-2] in {"divisions", "responsible"} and parts[0] != "organisation"
    ):
        return "divisions"
    if key in PERSON_KEYS or (len(parts) >= 2 and parts[-2] in {"present", "absent", "attendees", "via"}):
        return "people"
    return ""


def choice_labels(model: Any, key: str) -> dict[str, str]:
    """Thai words for the values of a few coded fields (from the same data the documents print)."""
    name = getattr(model, "__name__", "")
    if key == "digits" or (name == "Content" and key == "document_digits"):
        return {"thai": "เลขไทย (๑๒๓)", "arabic": "เลขอารบิก (123)"}
    if name == "Memo" and key == "preset":
        import re

        from ..documents.memo import PRESETS

        return {
            k: re.sub(r"\s*\{\{.*?\}\}\s*", " … ", str(v.get("subject", k))).strip()
            for k, v in PRESETS.items()
        }
    if key == "kind" and name in {"AgendaItem"}:
        from ..analyse.phrases import data_file

        return {str(k): str(v) for k, v in (data_file("committee").get("agenda") or {}).items()}
    if name == "Member" and key == "role":
        from ..model.committee import ROLE_LABELS

        return dict(ROLE_LABELS)
    return {}


def parse_value(text: str, kind: str, current: Any) -> Any:
    """The form's text as the YAML value to write: numbers for number fields (Thai digits read too),
    ``true``/``false`` for bool, text otherwise. Text that is not a number is kept as text: the
    check then reports it at its field, and the draft is saved."""
    raw = text.strip()
    if kind in {"number", "integer"} or (isinstance(current, (int, float)) and not isinstance(current, bool)):
        plain = raw.translate(THAI_DIGITS).replace(",", "")
        try:
            number = float(plain)
        except ValueError:
            return raw
        return int(number) if number.is_integer() and (kind == "integer" or "." not in plain) else number
    if kind == "bool":
        return raw.lower() in {"true", "1", "yes", "on", "ใช่"}
    if kind == "date" or isinstance(current, dt.date):
        # a real date is written unquoted (2567-04-15), like the samples; anything else stays text for the check
        parts = raw.translate(THAI_DIGITS).split("-")
        if len(parts) == 3 and all(p.strip().isdigit() for p in parts):
            try:
                return dt.date(*(int(p) for p in parts))
            except ValueError:
                pass
        return raw
    return text.replace("\r\n", "\n").rstrip() if kind == "textarea" else raw


def type_at(root: Any, path: str) -> Any:
    """The (unwrapped) type of the value at dotted ``path`` under model ``root`` (None if unknown)."""
    tp: Any = root
    for part in [p for p in path.split(".") if p]:
        if _is_model(tp):
            tp = field_type(tp, part)
        elif typing.get_origin(tp) in (list, dict):
            tp = item_type(tp)
        else:
            return None
    return unwrap(tp) if tp is not None else None


def skeleton(tp: Any) -> Any:
    """A new item of type ``tp`` to append to a list: a mapping of the model's required keys (empty
    text, so the check names what is missing), or empty text."""
    tp = unwrap(tp)
    if not _is_model(tp):
        return ""
    required = [info.alias or name for name, info in tp.model_fields.items() if info.is_required()]
    if not required:
        text_keys = [
            info.alias or name for name, info in tp.model_fields.items() if unwrap(info.annotation) is str
        ]
        required = text_keys[:1]
    return {k: "" for k in required}


def walk(node: Field | Group) -> typing.Iterator[Field | Group]:
    yield node
    if isinstance(node, Group):
        for child in node.children:
            yield from walk(child)


__all__ = [
    "Field",
    "Group",
    "build",
    "field_type",
    "kind_of",
    "label_of",
    "parse_value",
    "skeleton",
    "type_at",
    "unwrap",
    "walk",
]
