"""Start a content set: a new one (`new_set`) or next year's from this year's (`next_year`).

Both write a whole folder or nothing: the folder must be missing or empty; every
file is first written to a staging folder beside it, the staged set is loaded
with `ita_docs.load.validate.load` (so what is written always loads), then the files
are renamed into place. Each YAML file begins with
``# yaml-language-server: $schema=ita-docs.schema.json`` and the folder gets that
schema (`ita_docs.model.schema`, the per-file variant), so an editor such as VS Code
with the YAML extension checks and explains every key offline.

`new_set` writes Thai comments on every key, in the style of the bundled samples,
and keeps the examples of the optional parts (measures, measure plan and results,
memos, committees, minutes, OIT checklist) in comments.

`next_year` keeps the text of the carried sections as written, comments included:
each file is cut at its top-level keys (located by PyYAML's node marks) and only
the kept keys' lines are copied, so no YAML is re-emitted. What is carried, made
anew and left behind is in `CARRIED`, `RENEWED`, `DROPPED` (a test checks that
every field of `Content` is in one of them).

Layout: `ita_docs.scaffold.new` (`new_set`, `current_fiscal_year`),
`ita_docs.scaffold.rollover` (`next_year` and what it carries) and
`ita_docs.scaffold.writing` (the YAML text both write, the staged write of a set),
`ita_docs.scaffold.scores` (the score spreadsheet: reading; `ita_docs.scaffold.scores_template`
writes it) and
`ita_docs.scaffold.scores_yaml` (imported scores into a set's ``assessment``).
"""

from __future__ import annotations

from .new import current_fiscal_year, new_set
from .rollover import CARRIED, DROPPED, PLACEHOLDER_OUTPUT, RENEWED, next_year

__all__ = [
    "CARRIED",
    "DROPPED",
    "PLACEHOLDER_OUTPUT",
    "RENEWED",
    "current_fiscal_year",
    "new_set",
    "next_year",
]
