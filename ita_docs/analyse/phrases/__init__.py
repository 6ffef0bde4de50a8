"""Drafted wording and standard measures for the analysis report, as data per framework year.

When a user gives only ``organisation`` and ``assessment``, a complete
รายงานการวิเคราะห์ผลการประเมิน ITA can be drafted from this library: standard
text for every prose section, one set of sentences per indicator, and a
library of typical measures (มาตรการ) to propose for the next fiscal year.

Files: ``ita_docs/phrases/<year>.yaml``, one per framework year (BE). A file
may say ``extends: <year>`` and then give only what differs; it is resolved
with `merge` (below). Other files of the folder (``memos.yaml``,
``committee.yaml``: wording of other documents, read by
``ita_docs.documents.prose.phrase_file``) are not year files and are ignored here. What
the texts may say is checked by `ita_docs.analyse.phrases.expressions`. Shape of a resolved year (`Phrases`)::

    year: 2566
    sections:            # every name of SECTION_NAMES, each a list of blocks
      introduction: [paragraph, ...]   # a string is a paragraph (ita_docs.model.Block)
      ...
    indicators:          # 1..10, each with the four texts of INDICATOR_TEXTS
      7: {measures: ..., strength: ..., weakness: ..., improvement: ...}
    measures:            # ita_docs.model.Measure, without division ids
      - {id: i7-publicity-channels, title: ..., steps: [...], responsible_other: ...,
         period: ..., follow_up: ..., indicators: [7]}

How the texts fit the report (structure of seed 002, ``docs/layouts.md``):

- ``sections`` go into the `ita_docs.model.AnalysisReport` fields of the same
  name; ``strengths_intro`` / ``weaknesses_intro`` / ``improvements_intro`` are
  the ``intro`` of the three finding groups (๓.๑-๓.๓), ``no_weaknesses``
  replaces the weaknesses group when no indicator is classed as a weakness,
  ``next_year_intro`` is ``next_year.intro`` (section ๔).
- A finding is printed as "(n) **ตัวชี้วัดที่ k name** โดยรวมได้เท่ากับร้อยละ score"
  followed by its text, so an indicator's ``measures`` text continues that
  head (it begins with ซึ่ง...) and one of ``strength`` / ``weakness`` /
  ``improvement`` follows it as a new sentence:
  ``Finding.text = measures + " " + weakness``. How an indicator is classed is
  the drafting code's rule (the seeds differ), not this library's.
- ``measures`` are proposals: copy the chosen ones into the content's
  ``measures`` (adding division ids to ``responsible`` if wanted) and list
  their ids in ``next_year.groups``. They answer the assessment of the fiscal
  year they are written for, so take them from ``phrases(fiscal_year)``;
  sections and indicator texts describe the assessed year
  (``phrases(assessment.year)``). OIT item codes (``items``) are given only
  where published lists confirm them (2568, 2569): item lists differ by year
  and agency group.

Texts are Thai in the register of the published documents (seeds 000-004);
numbers inside them are written in Thai digits. They may use Jinja
expressions, restricted to the names of `SECTION_VARIABLES` (sections),
`INDICATOR_VARIABLES` (indicator texts) and `MEASURE_VARIABLES` (measures, which are
rendered later with the content's own expression context), and to the filter
``fiscal_digits``; years must go through it. Sources of the wording: the
NACC's ITA manuals (คู่มือการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ,
indicator definitions) and the seeds: 002 (report structure, findings and
measure tables), 001 (measure plan), 000 and 004 (measure-result reports).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from ita_docs.model import Blocks, Measure

from .expressions import (
    FILTERS,
    INDICATOR_VARIABLES,
    MEASURE_VARIABLES,
    SECTION_VARIABLES,
    YEARS,
    block_texts,
    check_expressions,
    expression_problems,
    measure_texts,
)

# libyaml's safe loader when PyYAML has it: the bundled files are ours, six times faster to read (issue 19)
DATA_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SECTION_NAMES = (
    "introduction",
    "principles",
    "results_intro",
    "recommendations",
    "analysis_intro",
    "strengths_intro",
    "weaknesses_intro",
    "improvements_intro",
    "no_weaknesses",
    "no_strengths",
    "no_improvements",
    "conclusion",
    "conclusion_weaknesses",
    "conclusion_improvements",
    "conclusion_strengths",
    "conclusion_end",
    "next_year_intro",
    "other_measures_title",
)
INDICATOR_TEXTS = ("measures", "strength", "weakness", "improvement")


class PhrasesModel(BaseModel):
    """Base of the file models: unknown keys are errors, values are immutable; validators are built
    on first use (``defer_build``: one build for the whole file, issue 19)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


# --------------------------------------------------------------------------- file shape


class Sections(PhrasesModel):
    """Standard text of the report's prose sections (seed 002's structure); see `SECTION_NAMES`."""

    introduction: Blocks
    principles: Blocks
    results_intro: Blocks
    recommendations: Blocks
    analysis_intro: Blocks
    strengths_intro: Blocks
    weaknesses_intro: Blocks
    improvements_intro: Blocks
    no_weaknesses: Blocks
    no_strengths: Blocks
    no_improvements: Blocks
    conclusion: Blocks
    conclusion_weaknesses: Blocks
    conclusion_improvements: Blocks
    conclusion_strengths: Blocks
    conclusion_end: Blocks
    next_year_intro: Blocks
    other_measures_title: Blocks

    @model_validator(mode="after")
    def _expressions(self) -> Sections:
        for name in SECTION_NAMES:
            for block in getattr(self, name):
                for text in block_texts(block):
                    check_expressions(text, SECTION_VARIABLES, f"sections.{name}")
        return self


class IndicatorPhrases(PhrasesModel):
    """The texts of one indicator, from the NACC manual's definition of what it measures.

    ``measures`` continues a finding's printed head (begins with ซึ่ง...);
    ``strength`` / ``weakness`` / ``improvement`` follow it for a high, a low
    (standard explanation and likely causes) and a middle score.
    """

    measures: str
    strength: str
    weakness: str
    improvement: str

    @model_validator(mode="after")
    def _expressions(self) -> IndicatorPhrases:
        for name in INDICATOR_TEXTS:
            check_expressions(getattr(self, name), INDICATOR_VARIABLES, f"indicators.{name}")
        return self


class Phrases(PhrasesModel):
    """One resolved framework year: sections, ten indicators, measure library.

    ``extends`` records the year this file was resolved from (None for a base file).
    """

    year: int
    extends: int | None = None
    sections: Sections
    indicators: dict[int, IndicatorPhrases]
    measures: list[Measure]

    @field_validator("indicators")
    @classmethod
    def _ten(cls, value: dict[int, IndicatorPhrases]) -> dict[int, IndicatorPhrases]:
        if sorted(value) != list(range(1, 11)):
            raise ValueError(f"indicators must be exactly 1-10, got {sorted(value)}")
        return value

    @field_validator("measures")
    @classmethod
    def _measures(cls, value: list[Measure]) -> list[Measure]:
        seen: set[str] = set()
        for m in value:
            if m.id in seen:
                raise ValueError(f"duplicate measure id {m.id}")
            seen.add(m.id)
            if not m.indicators or any(not 1 <= n <= 10 for n in m.indicators):
                raise ValueError(f"measure {m.id}: indicators must be a non-empty list of 1-10")
            if m.responsible:
                raise ValueError(
                    f"measure {m.id}: the library cannot know division ids; use responsible_other"
                )
            for text in measure_texts(m):
                check_expressions(text, MEASURE_VARIABLES, f"measures.{m.id}")
        return value

    # ---- lookups

    def indicator(self, number: int) -> IndicatorPhrases:
        return self.indicators[number]

    def measure(self, measure_id: str) -> Measure:
        """The library measure ``measure_id`` (KeyError if there is none)."""
        for m in self.measures:
            if m.id == measure_id:
                return m
        raise KeyError(measure_id)

    def measures_for(self, indicator: int) -> list[Measure]:
        """Library measures that answer ``indicator``, in file order."""
        return [m for m in self.measures if indicator in m.indicators]

    def texts(self) -> Iterator[tuple[str, str, frozenset[str]]]:
        """Every text as ``(where, text, allowed names)``, for checks and tools."""
        for name in SECTION_NAMES:
            for block in getattr(self.sections, name):
                for text in block_texts(block):
                    yield f"sections.{name}", text, SECTION_VARIABLES
        for n, ind in sorted(self.indicators.items()):
            for name in INDICATOR_TEXTS:
                yield f"indicators.{n}.{name}", getattr(ind, name), INDICATOR_VARIABLES
        for m in self.measures:
            for text in measure_texts(m):
                yield f"measures.{m.id}", text, MEASURE_VARIABLES


# --------------------------------------------------------------------------- merge and load


def _merge_measures(base: list[Any], override: list[Any]) -> list[Any]:
    out = list(base)
    index = {m.get("id"): i for i, m in enumerate(out) if isinstance(m, Mapping)}
    for m in override:
        i = index.get(m.get("id")) if isinstance(m, Mapping) else None
        if i is None:
            index[m.get("id") if isinstance(m, Mapping) else None] = len(out)
            out.append(m)
        else:
            out[i] = m
    return out


def _deep_merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        old = out.get(key)
        if isinstance(value, Mapping) and isinstance(old, Mapping):
            out[key] = _deep_merge(old, value)
        else:
            out[key] = value
    return out


def merge(base: Phrases, override: Mapping[str, Any]) -> Phrases:
    """``base`` with ``override`` (a dict of the file's shape, possibly partial) laid over it.

    - ``sections``: a section given replaces the default one (its whole list);
    - ``indicators``: per indicator, a text given replaces that text;
    - ``measures``: a measure with an existing id replaces that measure (in
      place); a new id is appended;
    - any other key replaces the value.

    The result is validated again (raises `pydantic.ValidationError`).
    """
    data = base.model_dump(mode="python", exclude_defaults=True)
    override = dict(override)
    if "indicators" in override:
        override["indicators"] = {int(k): v for k, v in dict(override["indicators"]).items()}
    measures = override.pop("measures", None)
    merged = _deep_merge(data, override)
    if measures is not None:
        merged["measures"] = _merge_measures(data.get("measures", []), list(measures))
    return Phrases.model_validate(merged)


@cache
def data_file(name: str) -> dict[str, Any]:
    """Other standard wording kept as data beside the year files: ``ita_docs/phrases/<name>.yaml``
    (``memos``: the memo presets; ``committee``: minutes and the OIT checklist). Cached."""
    path = resources.files("ita_docs.analyse") / "phrases" / f"{name}.yaml"
    return yaml.load(path.read_text(encoding="utf-8"), Loader=DATA_LOADER)


def years() -> list[int]:
    """Framework years (BE) that have a phrases file."""
    return sorted(
        int(f.name.removesuffix(".yaml"))
        for f in resources.files(__name__).iterdir()
        if f.name.endswith(".yaml") and f.name.removesuffix(".yaml").isdigit()
    )


def _read(year: int) -> dict[str, Any]:
    path = resources.files(__name__).joinpath(f"{year}.yaml")
    if not path.is_file():
        raise KeyError(year)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=DATA_LOADER) or {}
    if data.get("year") != year:
        raise ValueError(f"{year}.yaml says year: {data.get('year')}")
    return data


@cache
def phrases(year: int) -> Phrases:
    """The resolved phrases of framework year ``year`` (cached; KeyError if no file).

    A file with ``extends: <base>`` is `merge`-d over the resolved base.
    """
    data = _read(year)
    base_year = data.pop("extends", None)
    if base_year is None:
        return Phrases.model_validate(data)
    seen, y = {year}, base_year
    while y is not None:
        if y in seen:
            raise ValueError(f"phrases {year}: extends cycle through {y}")
        seen.add(y)
        y = _read(y).get("extends")
    return merge(phrases(base_year), {**data, "extends": base_year})


__all__ = [
    "DATA_LOADER",
    "FILTERS",
    "INDICATOR_TEXTS",
    "INDICATOR_VARIABLES",
    "MEASURE_VARIABLES",
    "SECTION_NAMES",
    "SECTION_VARIABLES",
    "YEARS",
    "IndicatorPhrases",
    "Phrases",
    "PhrasesModel",
    "Sections",
    "block_texts",
    "data_file",
    "expression_problems",
    "measure_texts",
    "merge",
    "phrases",
    "years",
]
