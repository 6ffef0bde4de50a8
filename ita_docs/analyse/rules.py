"""The ITA framework as versioned data, and the analysis computed from it.

One YAML file per fiscal year (``ita_docs/framework/<BE year>.yaml``) holds the
indicator names and numbering, tool membership, tool and indicator weights
(percent of the overall score), the pass mark and the level rule of that year
(AA..F up to 2565; ผ่านดีเยี่ยม..ต้องปรับปรุงโดยด่วน from 2566, see
``docs/domain.md``). Nothing here is typed by the user: ranking, level,
indicators below the pass mark, the lowest N, tool scores out of 100 and
weighted, and the change against the previous year are all computed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from ..model import Assessment
from ..model.assessment import Tool
from ..model.reports import Classification

TOOLS: tuple[Tool, ...] = ("iit", "eit", "oit")


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built on first use (issue 19)


class ToolSpec(_Frozen):
    name: str
    english: str
    weight: float


class IndicatorSpec(_Frozen):
    name: str
    tool: str
    weight: float


class LevelRule(_Frozen):
    """A level is given when overall >= ``min`` and (if set) every tool >= ``each_tool_min``."""

    level: str
    min: float
    each_tool_min: float | None = None


class DocumentSlot(_Frozen):
    """Where a document is filed on the website in one assessment year: OIT ``item`` (``o25``)
    and the fiscal ``period`` it is about: ``current`` (the assessment year) or ``previous``."""

    item: str
    period: Literal["current", "previous"] = "current"


class Framework(_Frozen):
    """The ITA rules of one fiscal year (BE).

    ``classification`` is how the analysis report classes indicators (a
    framework file may give it; unset fields follow `classify`'s defaults).
    ``items`` maps OIT item codes to the year's titles (only titles with a
    source; the comments of the file cite them); ``item_count`` is N of
    o1..oN (0: unknown). ``sub_indicator_items`` maps a sub-indicator
    (``"9.1"``) to its item codes; ``item_groups`` keeps unnumbered groups a
    source names. ``documents`` maps a document type name to its `DocumentSlot`.
    """

    year: int
    pass_mark: float
    tools: dict[str, ToolSpec]
    indicators: dict[int, IndicatorSpec]
    sub_indicators: dict[str, str] = {}
    levels: list[LevelRule]
    items: dict[str, str] = {}
    item_count: int = 0
    sub_indicator_items: dict[str, list[str]] = {}
    item_groups: dict[str, list[str]] = {}
    documents: dict[str, DocumentSlot] = {}
    classification: Classification = Classification()

    def indicators_of(self, tool: str) -> list[int]:
        return [n for n, spec in self.indicators.items() if spec.tool == tool]


def framework_years() -> list[int]:
    """The fiscal years (BE) that have framework data, ascending."""
    folder = resources.files("ita_docs.analyse") / "framework"
    return sorted(int(p.name.split(".")[0]) for p in folder.iterdir() if p.name.endswith(".yaml"))


DATA_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def framework(year: int) -> Framework:
    """The framework of fiscal ``year`` (BE); raises `KeyError` when there is none."""
    path = resources.files("ita_docs.analyse") / "framework" / f"{year}.yaml"
    if not path.is_file():
        raise KeyError(year)
    # libyaml's safe loader when PyYAML has it: our own file, six times faster to read (issue 19)
    return Framework.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=DATA_LOADER))


def rules(year: int, framework_year: int | None = None) -> Framework:
    """The rules that apply to fiscal ``year`` (BE): its own framework, else (for a year whose
    manual is not out yet, e.g. 2570) the framework of ``framework_year`` (the content's
    ``framework_year``). Raises `KeyError` (the missing year) when neither exists."""
    try:
        return framework(year)
    except KeyError:
        if framework_year is None:
            raise
        return framework(framework_year)


def borrowed(year: int, framework_year: int | None) -> bool:
    """Whether fiscal ``year`` uses another year's rules (no data of its own, ``framework_year`` set)."""
    return (
        framework_year is not None and year not in framework_years() and framework_year in framework_years()
    )


@dataclass(frozen=True)
class RankedIndicator:
    """One row of the ranking table: rank 1 = highest score."""

    rank: int
    number: int
    name: str
    tool: str
    score: float


TOLERANCE = 0.01
"""How far a given score may be from the computed one, both rounded to 2 decimals,
before `ita_docs.load.validate` warns (published scores are rounded per tool)."""


def round2(x: float) -> float:
    """``x`` rounded to 2 decimals half away from zero, as scores are printed (`ita_docs.thaifmt.score`).

    Float noise below the 9th decimal is ignored: ``round2(89.565) == 89.57``
    (Python's ``round`` gives 89.56, the float being 89.56499...).
    """
    return float(Decimal(f"{x:.9f}").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def truncate2(x: float) -> float:
    """``x`` cut to 2 decimals (towards zero), float noise below the 9th decimal ignored.

    >>> truncate2(99.339), truncate2(99.33), truncate2(85.8449999999)
    (99.33, 99.33, 85.84)
    """
    return float(Decimal(f"{x:.9f}").quantize(Decimal("0.01"), rounding=ROUND_DOWN))


def disagrees(given: float, computed: float) -> bool:
    """Whether a given score and the computed one differ by more than `TOLERANCE` (2 decimals).

    >>> disagrees(85.85, 85.844), disagrees(85.85, 85.83)
    (False, True)
    """
    return round2(abs(round2(given) - round2(computed))) > TOLERANCE


def indicator_name(a: Assessment, fw: Framework, number: int) -> str:
    """An indicator's name: the content's ``assessment.indicator_names``, else the framework's."""
    return a.indicator_names.get(number) or fw.indicators[number].name


def computed_tool_scores(a: Assessment, fw: Framework) -> dict[str, float | None]:
    """Each tool's score out of 100 computed from its indicators (weighted mean), ignoring given ones."""
    out: dict[str, float | None] = {}
    for tool in TOOLS:
        nums = fw.indicators_of(tool)
        if nums and all(n in a.indicators for n in nums):
            total_w = sum(fw.indicators[n].weight for n in nums)
            out[tool] = sum(a.indicators[n] * fw.indicators[n].weight for n in nums) / total_w
        else:
            out[tool] = None
    return out


def tool_scores(a: Assessment, fw: Framework) -> dict[str, float | None]:
    """Each tool's score out of 100: as given, else the weighted mean of its indicators.

    Returns ``{"iit": .., "eit": .., "oit": ..}``; ``None`` where neither is known.
    """
    computed = computed_tool_scores(a, fw)
    return {t: (getattr(a.tools, t) if getattr(a.tools, t) is not None else computed[t]) for t in TOOLS}


def weighted_tool_scores(a: Assessment, fw: Framework) -> dict[str, float | None]:
    """Each tool's contribution to the overall score (e.g. OIT 38.70 of 40 points)."""
    return {
        t: (s * fw.tools[t].weight / 100 if s is not None else None) for t, s in tool_scores(a, fw).items()
    }


def weighted_overall(a: Assessment, fw: Framework) -> float | None:
    """The overall score computed from the indicators (points, 0-100), if all ten are known."""
    if not all(n in a.indicators for n in fw.indicators):
        return None
    return sum(a.indicators[n] * spec.weight for n, spec in fw.indicators.items()) / 100


def computed_overall(a: Assessment, fw: Framework) -> float | None:
    """The overall score by the year's rule: the tool scores (given, else computed) times
    their weights, cut to 2 decimals (`truncate2`); None when a tool score is unknown.

    Cut, not rounded: a real organisation's published ITA result (held outside the
    repository; issue 17) prints 99.33 where its published tool scores give a weighted sum
    that rounds to 99.34; cutting is the one common rule that gives the published figure, and
    on every other set at hand it gives what rounding gives (huapho-2565: 85.844 -> 85.84).
    No NACC text stating the rule was found (``docs/years.md``)."""
    scores = tool_scores(a, fw)
    known = {t: s for t, s in scores.items() if s is not None}
    if len(known) < len(scores):
        return None
    return truncate2(sum(s * fw.tools[t].weight / 100 for t, s in known.items()))


def overall(a: Assessment, fw: Framework) -> float | None:
    """The overall score as printed: the content's ``overall``, else `computed_overall`.

    Every reader of the overall score goes through this (or reads an
    assessment `complete`-d at load).
    """
    return a.overall if a.overall is not None else computed_overall(a, fw)


def complete(a: Assessment, fw: Framework) -> Assessment:
    """``a`` with ``overall`` filled in by `computed_overall` when the content left it out.

    The copy still reports ``overall`` as not given (``model_fields_set``).
    """
    if a.overall is not None:
        return a
    value = computed_overall(a, fw)
    if value is None:
        return a
    done = a.model_copy(update={"overall": value})
    done.__pydantic_fields_set__.discard("overall")
    return done


def computed_level(a: Assessment, fw: Framework) -> str | None:
    """The level by the year's rule: the first rule whose conditions hold (None without an overall score).

    A rule with ``each_tool_min`` needs all three tool scores; when one is
    unknown that rule is skipped.
    """
    total = overall(a, fw)
    if total is None:
        return None
    tools = tool_scores(a, fw)
    for rule in fw.levels:
        if total < rule.min:
            continue
        if rule.each_tool_min is not None and any(
            s is None or s < rule.each_tool_min for s in tools.values()
        ):
            continue
        return rule.level
    return fw.levels[-1].level


def level(a: Assessment, fw: Framework) -> str | None:
    """The level as printed: the one the content gives, else the computed one."""
    return a.level or computed_level(a, fw)


def ranking(a: Assessment, fw: Framework) -> list[RankedIndicator]:
    """Indicators by score, highest first (ties keep indicator order); names by `indicator_name`."""
    rows = sorted(a.indicators.items(), key=lambda kv: (-kv[1], kv[0]))
    return [
        RankedIndicator(i + 1, n, indicator_name(a, fw, n), fw.indicators[n].tool, s)
        for i, (n, s) in enumerate(rows)
    ]


def below_pass(a: Assessment, fw: Framework) -> list[RankedIndicator]:
    """Indicators scoring below the year's pass mark (85), lowest last."""
    return [r for r in ranking(a, fw) if r.score < fw.pass_mark]


def lowest(a: Assessment, fw: Framework, n: int = 3) -> list[RankedIndicator]:
    """The ``n`` lowest indicators, lowest first."""
    return list(reversed(ranking(a, fw)))[:n]


def change(a: Assessment, fw: Framework | None = None) -> float | None:
    """Overall score minus the previous fiscal year's (points), if both are known."""
    prev = a.previous.get(a.year - 1)
    if prev is None:
        return None
    total = a.overall if fw is None else overall(a, fw)
    return None if total is None else round2(total - prev)


# --------------------------------------------------------------------------- classification


@dataclass(frozen=True)
class Rules:
    """The classification rule in force (`classification_rules`), every threshold resolved."""

    weakness_below: float
    strength_min: float
    strengths_top: int
    weakness_measures: int | None
    improvement_measures: int | None


#: Used where neither the content nor the framework file says otherwise (see `classify`).
DEFAULT_STRENGTHS_TOP = 3
DEFAULT_IMPROVEMENT_MEASURES = 1


def classification_rules(fw: Framework, override: Classification | None = None) -> Rules:
    """The rule: the content's ``analysis_report.classification``, else the framework file's,
    else the defaults derived from the framework data (see `classify`)."""
    layers = [fw.classification] + ([override] if override is not None else [])

    def pick(name: str, default: object) -> object:
        value = default
        for layer in layers:
            if getattr(layer, name) is not None:
                value = getattr(layer, name)
        return value

    return Rules(
        weakness_below=float(pick("weakness_below", fw.pass_mark)),  # type: ignore[arg-type]
        strength_min=float(pick("strength_min", fw.levels[0].min)),  # type: ignore[arg-type]
        strengths_top=int(pick("strengths_top", DEFAULT_STRENGTHS_TOP)),  # type: ignore[call-overload]
        weakness_measures=pick("weakness_measures", None),  # type: ignore[arg-type]
        improvement_measures=pick("improvement_measures", DEFAULT_IMPROVEMENT_MEASURES),  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Classes:
    """The indicators of ๓.๑ (highest first), ๓.๒ and ๓.๓ (lowest first); each indicator in one."""

    strengths: list[RankedIndicator]
    weaknesses: list[RankedIndicator]
    improvements: list[RankedIndicator]


def classify(a: Assessment, fw: Framework, rules: Rules | None = None) -> Classes:
    """Class every scored indicator as a strength, an urgent weakness or a point to improve.

    The rule (defaults; each threshold is data, see `classification_rules`):

    - weakness: score below ``weakness_below`` = the year's pass mark (85):
      the NACC's pass mark, below which the analysis treats an indicator as a
      defect to correct urgently (docs/domain.md; seed 002 ๓.๒);
    - strength: score at or above ``strength_min`` = the overall mark of the
      year's top level (95: AA up to 2565, ผ่านดีเยี่ยม from 2566), i.e. an
      indicator at the level the NACC calls excellent; when none reaches it,
      the ``strengths_top`` (3) highest indicators that pass, as seed 002's
      report still names the best indicators as its strengths;
    - point to improve: every other indicator (passes, not a strength), as
      seed 002's ๓.๓ lists indicators between 85 and 95.
    """
    rules = rules or classification_rules(fw)
    ranked = ranking(a, fw)
    weaknesses = [r for r in reversed(ranked) if r.score < rules.weakness_below]
    passing = [r for r in ranked if r.score >= rules.weakness_below]
    strengths = [r for r in passing if r.score >= rules.strength_min] or passing[: rules.strengths_top]
    chosen = {r.number for r in strengths}
    improvements = [r for r in reversed(passing) if r.number not in chosen]
    return Classes(strengths, weaknesses, improvements)
