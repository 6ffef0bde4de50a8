"""The JSON Schema of the content (ita_docs.model.schema): Thai descriptions for every field,
shorthands the models accept, and every bundled sample valid against it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from ita_docs.load.loader import content_files
from ita_docs.model import Content, schema
from ita_docs.resources import sample_sets

FIXTURES = Path(__file__).parents[1] / "fixtures"


class _TextDates(yaml.SafeLoader):
    """YAML as the loader reads it: dates stay text (a BE leap day is not a CE one)."""


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def _as_json(value):
    """What an editor validates: mapping keys are strings (``indicators: {1: ..}`` -> ``"1"``)."""
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value


def _files(folder: Path) -> dict[Path, dict]:
    return {
        f: _as_json(yaml.load(f.read_text(encoding="utf-8"), Loader=_TextDates))
        for f in content_files(folder)
    }


def _content_sets() -> list[Path]:
    return sample_sets() + sorted(p for p in FIXTURES.iterdir() if p.is_dir() and any(p.glob("*.yaml")))


# --------------------------------------------------------------------------- Thai descriptions


def test_every_model_and_field_has_a_thai_description():
    assert schema.missing_descriptions() == [], "add these keys to ita_docs/schema_th.yaml"


def test_no_description_names_a_field_that_does_not_exist():
    assert schema.stale_descriptions() == [], "renamed or removed fields: update ita_docs/schema_th.yaml"


def test_descriptions_are_thai():
    for key, text in schema.descriptions().items():
        assert any("\u0e01" <= ch <= "\u0e5b" for ch in text), key


def test_models_cover_the_whole_content_tree():
    ms = schema.models()
    assert next(iter(ms)) == "Content"
    for name in (
        "Organisation",
        "Assessment",
        "Measure",
        "Period",
        "Block",
        "Memo",
        "Minutes",
        "Attendee",
        "OitRow",
    ):
        assert name in ms


def test_descriptions_merged_into_every_property():
    s = schema.json_schema()
    assert s["description"] and s["properties"]["fiscal_year"]["description"].startswith("ปีงบประมาณ")
    for name, definition in s["$defs"].items():
        assert definition.get("description"), name
        obj = next((alt for alt in definition.get("anyOf", []) if "properties" in alt), definition)
        for key, prop in obj["properties"].items():
            assert prop.get("description"), f"{name}.{key}"
    # Aliases are the YAML keys; an inherited field takes its base's text.
    attendee = next(alt for alt in s["$defs"]["Attendee"]["anyOf"] if "properties" in alt)
    assert "for" in attendee["properties"] and "substitute_for" not in attendee["properties"]
    assert attendee["properties"]["ref"]["description"] == schema.descriptions()["Who.ref"]
    # An override on the subclass wins.
    agenda = s["$defs"]["AgendaItem"]["properties"]["title"]["description"]
    assert agenda == schema.descriptions()["AgendaItem.title"]


# --------------------------------------------------------------------------- structure


def test_draft_2020_12_and_required_keys():
    s = schema.json_schema()
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(s["required"]) == {"fiscal_year", "organisation"}
    assert s["additionalProperties"] is False
    assert set(s["properties"]) == {info.alias or name for name, info in Content.model_fields.items()}
    fragment = schema.json_schema(fragment=True)
    assert "required" not in fragment
    assert fragment["properties"] == s["properties"]


def test_shorthands_the_models_accept():
    s = schema.json_schema()
    defs = s["$defs"]
    # one string where a list of strings is expected
    position = defs["Person"]["properties"]["position"]
    assert {"type": "string"} in position["anyOf"] and any(
        a.get("type") == "array" for a in position["anyOf"]
    )
    # a plain string for a prose block, a period, a step, an output, a person in minutes
    for name in ("Block", "Period", "Step", "Output", "Who", "Attendee"):
        assert defs[name]["anyOf"][0]["type"] == "string", name
        assert defs[name]["anyOf"][1]["additionalProperties"] is False, name
    assert "paragraph" in defs["Block"]["anyOf"][0]["description"]
    # a plain list for the OIT checklist
    assert defs["OitFollowup"]["anyOf"][0] == {
        "type": "array",
        "items": {"$ref": "#/$defs/OitRow"},
        "description": defs["OitFollowup"]["anyOf"][0]["description"],
    }
    # BE dates (Thai digits allowed) and meeting times
    memo_date = defs["Memo"]["properties"]["date"]
    assert memo_date["type"] == "string" and "พ.ศ." in memo_date["description"]
    start = defs["Minutes"]["properties"]["start"]
    assert any("anyOf" in alt for alt in start["anyOf"])


def test_date_and_time_patterns():
    import re

    date = re.compile(schema.DATE_SCHEMA["pattern"])
    for ok in ("2566-04-15", "2566-4-5", "๒๕๖๖-๐๔-๑๕"):
        assert date.match(ok), ok
    for bad in ("15/04/2566", "2566-04", "66-04-15"):
        assert not date.match(bad), bad
    time = re.compile(schema.TIME_SCHEMA["anyOf"][0]["pattern"])
    for ok in ("09.30", "9:30", "๐๙.๓๐ น.", "13.30 น"):
        assert time.match(ok), ok
    assert not time.match("9 โมง")


def test_write_schema(tmp_path):
    path = schema.write_schema(tmp_path / "sub" / schema.FILENAME, fragment=True)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == schema.json_schema(fragment=True)
    assert "ปีงบประมาณ" in path.read_text(encoding="utf-8")  # UTF-8, not \u escapes
    assert [p.name for p in path.parent.iterdir()] == [schema.FILENAME]


# --------------------------------------------------------------------------- samples against the schema


@pytest.mark.parametrize("folder", _content_sets(), ids=lambda p: p.name)
def test_bundled_content_is_valid(folder):
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(schema.json_schema())
    fragment = jsonschema.Draft202012Validator(schema.json_schema(fragment=True))
    merged: dict = {}
    for file, data in _files(folder).items():
        errors = [f"{file.name}: {list(e.absolute_path)}: {e.message}" for e in fragment.iter_errors(data)]
        assert errors == []
        merged.update(data)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(merged)]
    assert errors == []


def test_schema_is_a_valid_schema():
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(schema.json_schema())


@pytest.mark.parametrize(
    "path, value",
    [
        (("assessment", "overall"), "๘๕.๘๕"),  # a score is a number
        (("organisation", "kind"), "ตำบล"),  # not one of the kinds
        (("organisation", "nmae"), "x"),  # unknown key
        (("measures", 0, "period"), {"until": "15/04/2566"}),  # not YYYY-MM-DD
        (("fiscal_year",), 2023),  # a CE year
    ],
)
def test_schema_refuses_what_the_loader_refuses(path, value):
    jsonschema = pytest.importorskip("jsonschema")
    merged: dict = {}
    for data in _files(next(p for p in sample_sets() if p.name == "huapho-2565")).values():
        merged.update(data)
    target = merged
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    assert list(jsonschema.Draft202012Validator(schema.json_schema()).iter_errors(merged))
