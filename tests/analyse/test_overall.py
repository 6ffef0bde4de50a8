"""Item 7 of issue 17: the computed overall score against the published one, on every score set
at hand (docs/years.md, "Overall score: rounding"). Only huapho-2565 (seed 002) publishes all ten
indicators and the overall; pakkret-2568 and rangsit-2568 give the overall only."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from ita_docs.analyse import rules as analysis
from ita_docs.load.validate import load

CONTENT = Path(__file__).resolve().parents[2] / "content"
HUAPHO = {1: 92.87, 2: 87.48, 3: 92.41, 4: 88.77, 5: 85.62, 6: 94.31, 7: 86.12, 8: 94.88, 9: 63.67, 10: 93.75}
PUBLISHED = 85.85  # seed 002: "คะแนนการประเมินหน่วยงานองค์การบริหารส่วนตำบลหัวโพ : ๘๕.๘๕ คะแนน"


def q(x: float, rounding: str) -> Decimal:
    return Decimal(f"{x:.9f}").quantize(Decimal("0.01"), rounding=rounding)


def test_huapho_scores_are_the_seeds():
    a = load(CONTENT / "huapho-2565").content.assessment
    assert a.indicators == HUAPHO and a.overall == PUBLISHED


def test_no_candidate_rule_gives_the_published_85_85_from_the_published_indicators():
    """No rounding rule reproduces 85.85 from 2-decimal indicators: the NACC sums unrounded
    item scores. So the given overall is printed, and `check` tolerates 0.01."""
    fw = analysis.framework(2565)
    tools = {
        t: sum(HUAPHO[n] for n in fw.indicators_of(t)) / len(fw.indicators_of(t)) for t in analysis.TOOLS
    }
    total = sum(tools[t] * fw.tools[t].weight / 100 for t in tools)
    assert round(total, 3) == 85.844
    candidates = {
        "round the sum": q(total, ROUND_HALF_UP),
        "truncate the sum": q(total, ROUND_DOWN),
        "round each weighted tool": sum(q(tools[t] * fw.tools[t].weight / 100, ROUND_HALF_UP) for t in tools),
        "truncate each weighted tool": sum(q(tools[t] * fw.tools[t].weight / 100, ROUND_DOWN) for t in tools),
        "round each weighted indicator": sum(
            q(HUAPHO[n] * s.weight / 100, ROUND_HALF_UP) for n, s in fw.indicators.items()
        ),
    }
    assert {k: str(v) for k, v in candidates.items()} == {
        "round the sum": "85.84",
        "truncate the sum": "85.84",
        "round each weighted tool": "85.84",
        "truncate each weighted tool": "85.83",
        "round each weighted indicator": "85.84",
    }


def test_the_given_overall_is_kept_and_check_is_quiet():
    loaded = load(CONTENT / "huapho-2565")
    a = loaded.content.assessment
    fw = analysis.framework(a.year)
    assert analysis.overall(a, fw) == PUBLISHED
    assert analysis.computed_overall(a, fw) == 85.84
    assert not analysis.disagrees(PUBLISHED, analysis.computed_overall(a, fw))
    assert not [w for w in loaded.warnings if "overall" in str(w.location)]


@pytest.mark.parametrize(
    ("name", "overall", "level"), [("pakkret-2568", 91.23, "ผ่าน"), ("rangsit-2568", 99.70, "ผ่านดีเยี่ยม")]
)
def test_overall_only_sets_print_what_was_published(name, overall, level):
    a = load(CONTENT / name).content.assessment
    fw = analysis.framework(a.year)
    assert analysis.computed_overall(a, fw) is None  # no tool or indicator scores published
    assert (analysis.overall(a, fw), a.level) == (overall, level)


def test_the_overall_from_tool_scores_is_cut_not_rounded():
    """Issue 17: with the same published scores the NACC printed 99.33 where rounding the weighted
    sum gives 99.34. Tool scores whose weighted sum is 99.339 (0.3 x 99.12 + 0.3 x 98.77 + 0.4 x 99.93)."""
    from ita_docs.model import Assessment

    a = Assessment.model_validate({"year": 2566, "tools": {"iit": 99.12, "eit": 98.77, "oit": 99.93}})
    fw = analysis.framework(2566)
    assert analysis.round2(0.3 * 99.12 + 0.3 * 98.77 + 0.4 * 99.93) == 99.34
    assert analysis.computed_overall(a, fw) == 99.33
    # exact sums stay exact whatever the float noise: 0.3 x 99.1 + 0.3 x 98.8 + 0.4 x 100 = 99.37
    b = Assessment.model_validate({"year": 2566, "tools": {"iit": 99.1, "eit": 98.8, "oit": 100}})
    assert analysis.computed_overall(b, fw) == 99.37
