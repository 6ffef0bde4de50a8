"""`check --templates`: the user's Word templates read as Jinja inside WordprocessingML.

`xml_parts` reads a template's parts, paragraphs and tags; `names` knows the names each
document's context offers; `lint` reports Jinja errors located by Word paragraph or table cell,
unknown names, split or smart-quoted tags; `repair` mends split and smart-quoted tags.
"""

from __future__ import annotations

from .lint import lint_templates
from .repair import repair_template

__all__ = ["lint_templates", "repair_template"]
