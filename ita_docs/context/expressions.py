"""Jinja expressions inside content text (`expand`), compiled once per text.

Content strings (phrases, prose, vocabulary...) may hold ``{{ ... }}`` and
``{% ... %}``; `expand` renders them in the environment of `make_env` without
autoescape (content text is not XML), within the limits of
`ita_docs.context.limits`, every problem raised as one `ExpressionError`.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

import jinja2

from ..errors import ItaDocsError
from .expression_errors import expression_error
from .limits import limits
from .sandbox import BoundedSandbox, make_env


@cache
def _expression_env(digits: str) -> BoundedSandbox:
    """The environment of content expressions (no autoescape: content text is not XML), one per digits."""
    env = make_env(digits)
    env.autoescape = False
    return env


@lru_cache(maxsize=8192)
def _compiled_expression(digits: str, text: str) -> jinja2.Template:
    """A content string compiled once (a batch repeats the same wording in every set)."""
    return _expression_env(digits).from_string(text)


def expand(text: str, context: dict[str, Any], digits: str) -> str:
    """Render Jinja expressions inside a content string (sandboxed, bounded, strict, no autoescape).

    >>> expand("ปีงบประมาณ พ.ศ. {{ fiscal_year|fiscal_digits }}", {"fiscal_year": 2568}, "thai")
    'ปีงบประมาณ พ.ศ. ๒๕๖๘'

    Raises `ExpressionError` (a `jinja2.TemplateError`) for any problem:
    syntax, unknown name, division by zero, a filter given the wrong kind of
    value, or a limit of `ita_docs.context.limits`. Plain text is returned as is.
    """
    if "{{" not in text and "{%" not in text:
        return text
    with limits():
        try:
            return _compiled_expression(digits, text).render(context)
        except ItaDocsError:
            raise
        except Exception as exc:  # one exception type for every expression problem
            err = expression_error(exc)
            if err is exc:
                raise
            raise err from exc
