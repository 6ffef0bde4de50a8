"""Stage: rendering Word documents from templates.

- `docx`: `render_template` (docxtpl, through the bounded sandbox of `ita_docs.context`) and
  `inline_image`; the sandbox names are re-exported for template code;
- `compiled`: the fast path (templates compiled and their unchanging parts fixed once, byte
  for byte docxtpl + the Thai fixer); `docxtpl_post`: docxtpl's post-processing; `package`:
  the light python-docx package for charts and images; `zip_members`: the zip writer;
- `charts` (native bar charts) and `chart_embed` (charts in a .docx);
- `ooxml/`: all raw WordprocessingML (the Thai fixer and auditor).
"""
from __future__ import annotations

from .docx import (
    MAX_INT_BITS,
    MAX_ITERATIONS,
    MAX_OUTPUT,
    MAX_PRODUCED,
    MAX_RANGE,
    MAX_SIZE,
    PRECHECKS,
    TIME_LIMIT,
    BoundedSandbox,
    ExpressionError,
    TemplateError,
    did_you_mean,
    expand,
    expression_error,
    inline_image,
    limits,
    make_env,
    render_template,
    thai_filter_names,
    unknown_filter_message,
    unknown_name_message,
)

__all__ = [
    "MAX_INT_BITS",
    "MAX_ITERATIONS",
    "MAX_OUTPUT",
    "MAX_PRODUCED",
    "MAX_RANGE",
    "MAX_SIZE",
    "PRECHECKS",
    "TIME_LIMIT",
    "BoundedSandbox",
    "ExpressionError",
    "TemplateError",
    "did_you_mean",
    "expand",
    "expression_error",
    "inline_image",
    "limits",
    "make_env",
    "render_template",
    "thai_filter_names",
    "unknown_filter_message",
    "unknown_name_message",
]
