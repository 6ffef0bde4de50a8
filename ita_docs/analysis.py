"""The ITA framework as versioned data, and the analysis computed from it.

One YAML file per fiscal year (``ita_docs/framework/<BE year>.yaml``) holds the
indicator names and numbering, tool membership, tool and indicator weights
(percent of the overall score), the pass mark and the level rule of that year
(AA..F up to 2565; ผ่านดีเยี่ยม..ต้องปรับปรุงโดยด่วน from 2566, see
``shared/domain.md``). Nothing here is typed by the user: ranking, level,
indicators below the pass mark, the lowest N, tool scores out of 100 and
weighted, and the change against the previous year are all computed.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict

from .models import Assessment

TOOLS = ("iit", "eit", "oit")


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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


class Framework(_Frozen):
    """The ITA rules of one fiscal year (BE)."""

    year: int
    pass_mark: float
    tools: dict[str, ToolSpec]
    indicators: dict[int, IndicatorSpec]
    sub_indicators: dict[str, str]
    levels: list[LevelRule]
    items: dict[str, str] = {}

    def indicators_of(self, tool: str) -> list[int]:
        return [n for n, spec in self.indicators.items() if spec.tool == tool]


def framework_years() -> list[int]:
    """The fiscal years (BE) that have framework data, ascending."""
    folder = resources.files("ita_docs") / "framework"
    return sorted(int(p.name.split(".")[0]) for p in folder.iterdir() if p.name.endswith(".yaml"))


@cache
def framework(year: int) -> Framework:
    """The framework of fiscal ``year`` (BE); raises `KeyError` when there is none."""
    path = resources.files("ita_docs") / "framework" / f"{year}.yaml"
    if not path.is_file():
        raise KeyError(year)
    return Framework.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class RankedIndicator:
    """One row of the ranking table: rank 1 = highest score."""

    rank: int
    number: int
    name: str
    tool: str
    score: float


def tool_scores(a: Assessment, fw: Framework) -> dict[str, float | None]:
    """Each tool's score out of 100: as given, else the weighted mean of its indicators.

    Returns ``{"iit": .., "eit": .., "oit": ..}``; ``None`` where neither is known.
    """
    out: dict[str, float | None] = {}
    for tool in TOOLS:
        given = getattr(a.tools, tool)
        if given is not None:
            out[tool] = given
            continue
        nums = fw.indicators_of(tool)
        if nums and all(n in a.indicators for n in nums):
            total_w = sum(fw.indicators[n].weight for n in nums)
            out[tool] = sum(a.indicators[n] * fw.indicators[n].weight for n in nums) / total_w
        else:
            out[tool] = None
    return out


def weighted_tool_scores(a: Assessment, fw: Framework) -> dict[str, float | None]:
    """Each tool's contribution to the overall score (e.g. OIT 38.70 of 40 points)."""
    return {t: (s * fw.tools[t].weight / 100 if s is not None else None) for t, s in tool_scores(a, fw).items()}


def weighted_overall(a: Assessment, fw: Framework) -> float | None:
    """The overall score computed from the indicators (points, 0-100), if all ten are known."""
    if not all(n in a.indicators for n in fw.indicators):
        return None
    return sum(a.indicators[n] * spec.weight for n, spec in fw.indicators.items()) / 100


def computed_level(a: Assessment, fw: Framework) -> str:
    """The level by the year's rule: the first rule whose conditions hold.

    A rule with ``each_tool_min`` needs all three tool scores; when one is
    unknown that rule is skipped.
    """
    tools = tool_scores(a, fw)
    for rule in fw.levels:
        if a.overall < rule.min:
            continue
        if rule.each_tool_min is not None:
            if any(s is None or s < rule.each_tool_min for s in tools.values()):
                continue
        return rule.level
    return fw.levels[-1].level


def level(a: Assessment, fw: Framework) -> str:
    """The level as printed: the one the content gives, else the computed one."""
    return a.level or computed_level(a, fw)


def ranking(a: Assessment, fw: Framework) -> list[RankedIndicator]:
    """Indicators by score, highest first (ties keep indicator order)."""
    rows = sorted(a.indicators.items(), key=lambda kv: (-kv[1], kv[0]))
    return [RankedIndicator(i + 1, n, fw.indicators[n].name, fw.indicators[n].tool, s) for i, (n, s) in enumerate(rows)]


def below_pass(a: Assessment, fw: Framework) -> list[RankedIndicator]:
    """Indicators scoring below the year's pass mark (85), lowest last."""
    return [r for r in ranking(a, fw) if r.score < fw.pass_mark]


def lowest(a: Assessment, fw: Framework, n: int = 3) -> list[RankedIndicator]:
    """The ``n`` lowest indicators, lowest first."""
    return list(reversed(ranking(a, fw)))[:n]


def change(a: Assessment) -> float | None:
    """Overall score minus the previous fiscal year's (points), if that is known."""
    prev = a.previous.get(a.year - 1)
    return None if prev is None else round(a.overall - prev, 2)
