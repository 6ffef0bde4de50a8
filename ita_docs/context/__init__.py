"""Stage 3, context: the names content text and templates may use, and the bounded sandbox.

- `vocabulary`: the documented vocabulary (names, filters; ``docs/vocabulary.md`` is generated
  from it); `values`: the values those names have for one content set;
- `limits`, `checks`, `sandbox`: the immutable Jinja sandbox with iteration, size, number and
  time limits; `expression_errors`: its errors worded for a clerk; `expressions`: content text
  with expressions expanded.
"""

from __future__ import annotations

from .expression_errors import did_you_mean, expression_error
from .expressions import expand
from .limits import ExpressionError
from .sandbox import BoundedSandbox, make_env

__all__ = ["BoundedSandbox", "ExpressionError", "did_you_mean", "expand", "expression_error", "make_env"]
