"""Render one .docx template with docxtpl, in memory, and make it Thai-correct.

The Jinja environment is sandboxed (`jinja2.sandbox.SandboxedEnvironment`:
templates edited by users cannot reach Python internals), autoescapes (text
from content cannot inject XML) and fails on undefined variables
(`jinja2.StrictUndefined`). Errors become `TemplateError` naming the template
file, the XML part, the line and the text around the problem.
"""
from __future__ import annotations

import inspect
import io
import traceback
from functools import partial
from pathlib import Path
from typing import Any, Callable

import jinja2
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from jinja2.sandbox import SandboxedEnvironment

from . import ooxml, thaifmt
from .errors import TemplateError


def make_env(digits: str) -> SandboxedEnvironment:
    """A sandboxed, autoescaping, strict Jinja environment with the Thai filters.

    Every filter of `ita_docs.thaifmt.FILTERS` is bound to ``digits``
    (``"thai"`` or ``"arabic"``); ``fiscal_digits`` prints a BE year as digits.
    """
    env = SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)
    for name, fn in thaifmt.FILTERS.items():
        takes_digits = "digits" in inspect.signature(fn).parameters
        env.filters[name] = partial(fn, digits=digits) if takes_digits else fn
    env.filters["fiscal_digits"] = lambda year: thaifmt.to_digits(str(year), digits=digits)
    return env


def expand(text: str, context: dict[str, Any], digits: str) -> str:
    """Render Jinja expressions inside a content string (sandboxed, strict, no autoescape).

    >>> expand("ปีงบประมาณ พ.ศ. {{ fiscal_year|fiscal_digits }}", {"fiscal_year": 2568}, "thai")
    'ปีงบประมาณ พ.ศ. ๒๕๖๘'

    Raises `jinja2.TemplateError` on a bad expression; plain text is returned as is.
    """
    if "{{" not in text and "{%" not in text:
        return text
    env = make_env(digits)
    env.autoescape = False
    return env.from_string(text).render(context)


def _line_of(exc: BaseException) -> int | None:
    if getattr(exc, "lineno", None):
        return exc.lineno
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == "<template>":
            return frame.lineno
    return None


def render_template(
    template: Path,
    context: dict[str, Any] | Callable[[DocxTemplate], dict[str, Any]],
    *,
    digits: str = "thai",
) -> bytes:
    """Render ``template`` with ``context`` and return Thai-correct .docx bytes.

    ``context`` may be a function of the `DocxTemplate` (for inline images).
    Raises `TemplateError` (template, part, line, nearby text) on any template
    problem: syntax, undefined variable, or a file that is not a .docx.
    """
    try:
        tpl = DocxTemplate(str(template))
        tpl.init_docx()
    except Exception as exc:  # noqa: BLE001 - any failure to open is the template's fault
        raise TemplateError(f"cannot open the template: {exc}", template.name) from None
    ctx = context(tpl) if callable(context) else context
    try:
        tpl.render(ctx, jinja_env=make_env(digits), autoescape=True)
    except jinja2.TemplateError as exc:
        part = getattr(getattr(tpl, "current_rendering_part", None), "partname", "") or ""
        near = " ".join(s.strip() for s in getattr(exc, "docx_context", []) if s.strip())
        message = exc.message or type(exc).__name__
        if near:
            message += f" — near: {near[:160]}"
        raise TemplateError(message, template.name, str(part).lstrip("/"), _line_of(exc)) from None
    buf = io.BytesIO()
    tpl.save(buf)
    return ooxml.fix_package(buf.getvalue(), digits=digits)


def inline_image(tpl: DocxTemplate, path: Path, height_cm: float) -> InlineImage:
    """An image for ``{{ var }}`` in a run, ``height_cm`` high (width keeps the ratio)."""
    return InlineImage(tpl, str(path), height=Cm(height_cm))

