"""Stage 2, analyse: the ITA rules of each fiscal year and what follows from the scores.

- `rules`: the framework of a year (``framework/<BE year>.yaml``: tools, indicators, weights,
  levels, OIT items), tool and overall scores, levels, ranking and the classification of
  indicators (weakness / to improve / strength);
- `phrases`: drafted wording as data (``phrases/*.yaml``), overridable by content;
- `drafting`: the analysis report drafted from the scores alone.

The submodules are imported where they are used (importing `phrases` alone stays light).
"""

from __future__ import annotations

__all__ = ["drafting", "phrases", "rules"]
