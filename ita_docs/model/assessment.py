"""ITA results of one assessed fiscal year, as announced by the NACC.
"""
from __future__ import annotations

from typing import Literal


from .base import ItemCode, Model, Score, YearBE


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
    """

    year: YearBE
    overall: Score | None = None
    level: str | None = None
    tools: ToolScores = ToolScores()
    tool_parts: dict[Literal["iit", "eit", "oit"], list[ToolPart]] = {}
    indicators: dict[int, Score] = {}
    indicator_names: dict[int, str] = {}
    sub_indicators: dict[str, Score] = {}
    items: list[ItemScore] = []
    previous: dict[int, Score] = {}
