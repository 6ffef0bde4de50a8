"""How the drafted analysis report classes indicators: strengths, urgent weaknesses, points to improve.

`classify` starts from the year's rule (`ita_docs.analyse.rules.classify`, thresholds
as data: `ita_docs.analyse.rules.classification_rules`) and adds what an analyst does
when a band is empty, so that the three sections of the report (๓.๑ จุดแข็ง,
๓.๒ ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน, ๓.๓ ประเด็นที่ต้องพัฒนาให้ดีขึ้น)
and every drafted sentence agree for any profile of scores:

- a weakness is an indicator below ``weakness_below`` (the pass mark, 85), and
  nothing else;
- a strength passes and reaches ``strength_min`` (95), or, when no indicator
  reaches it, is one of the ``strengths_top`` highest that pass (the rule's
  fallback, seed 002);
- when every passing indicator reached ``strength_min`` (e.g. all ten ≥ 95),
  ๓.๓ would be empty and the lowest of them praised: the `LOWEST_TO_IMPROVE`
  lowest passing indicators below 100 are then points to improve instead
  (at least one strength stays), as the report's table of the three lowest
  indicators (``{insert: lowest}``) already puts them forward.
"""

from __future__ import annotations

from ..model import Assessment
from . import rules as analysis

LOWEST_TO_IMPROVE = 3
"""At most this many of the lowest passing indicators move to ๓.๓ when it would be empty
(the report's own table ranks the three lowest)."""


def classify(a: Assessment, fw: analysis.Framework, rules: analysis.Rules | None = None) -> analysis.Classes:
    """Every scored indicator in exactly one class; strengths highest first, the others lowest first.

    ``rules`` defaults to the year's (`ita_docs.analyse.rules.classification_rules`).
    Indicators without a score are not classed.
    """
    rules = rules or analysis.classification_rules(fw)
    base = analysis.classify(a, fw, rules)
    strengths, improvements = list(base.strengths), list(base.improvements)
    if not improvements and len(strengths) > 1:
        movable = [r for r in reversed(strengths) if r.score < 100][
            : min(LOWEST_TO_IMPROVE, len(strengths) - 1)
        ]
        moved = {r.number for r in movable}
        strengths = [r for r in strengths if r.number not in moved]
        improvements = movable
    return analysis.Classes(strengths, list(base.weaknesses), improvements)
