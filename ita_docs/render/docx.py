"""Render one .docx template with docxtpl, in memory, and make it Thai-correct.

`render_template` renders a template in the bounded sandbox of `make_env`
(`ita_docs.context.sandbox`, limits in `ita_docs.context.limits`); every template
problem becomes an `ita_docs.errors.TemplateError` naming the template file,
the XML part, the line and the text around the problem (evaluation errors are
`ExpressionError` first: `ita_docs.context.expression_errors`). `inline_image` makes an
image for a template.

The names of the sandbox, its limits and errors, and `expand` (content text
expressions, `ita_docs.context.expressions`) are re-exported here: import them from
``ita_docs.render.docx`` as before.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage

from ..context.checks import PRECHECKS
from ..context.expression_errors import (
    did_you_mean,
    expression_error,
    line_of,
    thai_filter_names,
    unknown_filter_message,
    unknown_filter_name,
    unknown_name_message,
)
from ..context.expressions import expand
from ..context.limits import (
    MAX_INT_BITS,
    MAX_ITERATIONS,
    MAX_OUTPUT,
    MAX_PRODUCED,
    MAX_RANGE,
    MAX_SIZE,
    TIME_LIMIT,
    ExpressionError,
    limits,
)
from ..context.sandbox import BoundedSandbox, make_env
from ..errors import ItaDocsError, TemplateError
from ..messages import msg
from . import compiled as render_cache
from . import ooxml
from .zip_members import zip_problem

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


def render_template(
    template: Path,
    context: dict[str, Any] | Callable[[DocxTemplate], dict[str, Any]],
    *,
    digits: str = "thai",
    fast: bool = True,
) -> bytes:
    """Render ``template`` with ``context`` and return Thai-correct .docx bytes.

    ``context`` may be a function of the `DocxTemplate` (for inline images).
    Raises `TemplateError` (template, part, line, nearby text) on any template
    problem: syntax, undefined variable, an evaluation error or a limit
    (`ExpressionError`), or a file that is not a .docx. The limits are per
    document: all parts of the template share them.

    ``fast`` (the default) renders the template compiled once, its unchanging
    parts fixed for Thai once (`ita_docs.render.compiled`); ``fast=False`` is
    docxtpl's own path (open, render, save, then `ooxml.fix_package`). Both give
    the same bytes; a template the fast path does not take goes through docxtpl.
    """
    compiled = render_cache.compiled(template, digits, make_env) if fast else None
    try:
        if compiled is not None:
            tpl: Any = compiled.start()
        else:
            too_big = zip_problem(template)
            if too_big is not None:
                raise TemplateError(
                    msg("zip_too_big", member=too_big.member, reason=too_big.reason), template.name
                )
            tpl = DocxTemplate(str(template))
            tpl.init_docx()
    except TemplateError:
        raise
    except Exception as exc:
        raise TemplateError(
            f"cannot open the template: {type(exc).__name__}: {exc}"[:300], template.name
        ) from None
    ctx = context(tpl) if callable(context) else context
    try:
        with limits():
            if compiled is not None:
                tpl.render(ctx)
            else:
                tpl.render(ctx, jinja_env=make_env(digits), autoescape=True)
    except ItaDocsError:
        raise
    except Exception as exc:
        err = (
            exc
            if isinstance(exc, jinja2.TemplateError) and unknown_filter_name(exc) is None
            else expression_error(exc)
        )
        part = getattr(getattr(tpl, "current_rendering_part", None), "partname", "") or ""
        near = " ".join(
            s.strip()
            for s in getattr(err, "docx_context", None) or getattr(exc, "docx_context", [])
            if s.strip()
        )
        message = err.message or type(err).__name__
        if near:
            message += f" — near: {near[:160]}"
        raise TemplateError(message, template.name, str(part).lstrip("/"), line_of(err)) from None
    if compiled is not None:
        return tpl.save()
    buf = io.BytesIO()
    tpl.save(buf)
    return ooxml.fix_package(buf.getvalue(), digits=digits)


def inline_image(tpl: DocxTemplate, path: Path, height_cm: float) -> InlineImage:
    """An image for ``{{ var }}`` in a run, ``height_cm`` high (width keeps the ratio)."""
    return InlineImage(tpl, str(path), height=Cm(height_cm))
