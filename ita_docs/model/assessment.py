"""ITA results of one assessed fiscal year, as announced by the NACC."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator

from .base import ItemCode, Model, Score, YearBE

Tool = Literal["iit", "eit", "oit"]
"""The three ITA tools: IIT (internal survey), EIT (external survey), OIT (published information)."""


def _drop_blank(value: Any) -> Any:
    """A score map without the entries left blank (``7:`` with no value: not entered yet)."""
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if v is not None and v != ""}
    return value


ScoreMap = Annotated[
    dict[int, Score], BeforeValidator(_drop_blank, json_schema_input_type=dict[int, Score | None])
]
"""Scores by number (indicator 1-10, or a BE year); a key whose value is left blank is not
entered yet and is dropped, so a skeleton can list every key for the clerk to fill."""
SubScoreMap = Annotated[
    dict[str, Score], BeforeValidator(_drop_blank, json_schema_input_type=dict[str, Score | None])
]


class ItemScore(Model):
    """The score of one ITA item (ข้อ i๑/e๑/o๑), optionally with its question text."""

    code: ItemCode
    score: Score
    title: str | None = None


class ToolScores(Model):
    """Scores of the three tools, each out of 100 (not weighted)."""

    iit: Score | None = None
    eit: Score | None = None
    oit: Score | None = None


class ToolPart(Model):
    """One published part of a tool's score, e.g. EIT ส่วนที่ ๑: printed under its tool.

    Parts are data the user supplies (as the NACC report shows them); nothing
    is computed from them, since the year's rules define no parts.
    """

    name: str
    score: Score | None = None


class Assessment(Model):
    """ITA results of one assessed fiscal year, as announced by the NACC.

    Every figure is typed once: ``indicators`` maps indicator number (1-10) to
    its score (0-100); ``overall``, ``tools`` and ``level`` may be left out and
    are then computed by the year's rules (framework data, `ita_docs.analyse.rules`:
    `overall`, `tool_scores`, `level`). A value given that disagrees with the
    computed one is a warning naming both numbers (`ita_docs.load.validate`).

    ``tool_parts`` lists published parts of a tool's score
    (``{eit: [{name: ส่วนที่ ๑ ..., score: 90.1}, ...]}``), printed under the
    tool in the tool table. ``indicator_names`` overrides an indicator's name
    as this organisation's documents word it (``{8: การปรับปรุงการทำงาน}``);
    every document takes names through `ita_docs.analyse.rules.indicator_name`.
    ``previous`` maps earlier fiscal years (BE) to their overall score.

    Every score is optional: a key left blank (``7:``) is not entered yet and
    is dropped (`ScoreMap`); a set whose assessment has no score at all
    (`scored` false) builds every document that does not need scores.
    """

    year: YearBE
    overall: Score | None = None
    level: str | None = None
    tools: ToolScores = ToolScores()
    tool_parts: dict[Tool, list[ToolPart]] = {}
    indicators: ScoreMap = {}
    indicator_names: dict[int, str] = {}
    sub_indicators: SubScoreMap = {}
    items: list[ItemScore] = []
    previous: ScoreMap = {}

    @property
    def scored(self) -> bool:
        """Whether any score is entered (overall, a tool or an indicator): a roll-over's
        skeleton has none until the NACC publishes the year's results."""
        return (
            bool(self.indicators)
            or self.overall is not None
            or any(getattr(self.tools, t) is not None for t in ("iit", "eit", "oit"))
        )
