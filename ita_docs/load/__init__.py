"""Stage 1, load: a content folder's bytes → text → safe YAML → data with positions → validated `Content`.

`load` is the whole stage: every problem of a set (encoding, YAML, model, cross-references, the
assessed year's framework rules) is collected and raised together as `ContentErrors`, each with
file, line, column and field. Modules: `text` (bytes → text), `safe_yaml` (bounded YAML loaders),
`reader` (one file → data and positions), `loader` (a folder → `LoadedContent`), `wording`
(pydantic's errors and reference problems worded for a clerk), `validate` (cross-reference and
framework checks, `load`).
"""

from __future__ import annotations

from . import loader
from .loader import *  # noqa: F403 - the public face is loader.__all__
from .validate import load

__all__ = [*loader.__all__, "load"]
