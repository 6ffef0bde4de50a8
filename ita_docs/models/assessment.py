"""ITA results of one assessed fiscal year, as announced by the NACC.
"""
from __future__ import annotations

from pydantic import field_validator

from .. import thaifmt
from .base import Model, Score, YearBE


class ItemScore(Model):
    """The score of one ITA item (ข้อ i๑/e๑/o๑), optionally with its question text."""

    code: str
    score: Score
    title: str | None = None

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        letter, number = thaifmt.parse_item_code(value)
        return f"{letter}{number}"


class ToolScores(Model):
    """Scores of the three tools, each out of 100 (not weighted)."""

    iit: Score | None = None
    eit: Score | None = None
    oit: Score | None = None


class Assessment(Model):
    """ITA results of one assessed fiscal year, as announced by the NACC.

    ``indicators`` maps indicator number (1-10) to its score (0-100).
    ``previous`` maps earlier fiscal years (BE) to their overall score.
    ``level`` may be given as printed in the NACC report; when omitted it is
    computed from the year's level rule (framework data).
    """

    year: YearBE
    overall: Score
    level: str | None = None
    tools: ToolScores = ToolScores()
    indicators: dict[int, Score] = {}
    sub_indicators: dict[str, Score] = {}
    items: list[ItemScore] = []
    previous: dict[int, Score] = {}
