"""The names content text may use inside ``{{ }}``, and the filters: one vocabulary, documented.

Content text (any string of the YAML) may refer to facts instead of retyping
them: ``{{ organisation.name }}``, ``{{ indicators[9].score }}``,
``{{ lowest(3)|join(', ') }}``. `ita_docs.context.values.context` computes
those names for one content set (the rules of their values are there). `NAMES`
and `FILTERS` describe every name and filter in Thai and English with an example;
``tools/gen_docs.py`` writes ``docs/vocabulary.md`` from them (a test keeps the
file in step, another that the documented names are exactly those of the context).

The tables live by kind in `ita_docs.context.vocabulary_names` (`Name`, `GROUPS`, `NAMES`) and
`ita_docs.context.vocabulary_filters` (`Filter`, `FILTERS`); this module re-exports them with the
functions over both.
"""

from __future__ import annotations

from .sandbox import make_env
from .vocabulary_filters import FILTERS, Filter
from .vocabulary_names import GROUPS, NAMES, Name

__all__ = ["FILTERS", "GROUPS", "NAMES", "Filter", "Name", "filter_example", "filter_names", "names"]


def names() -> tuple[str, ...]:
    """Every top-level name of the vocabulary, in documentation order."""
    return tuple(dict.fromkeys(n.top for n in NAMES))


def filter_names() -> tuple[str, ...]:
    """The name of every documented filter, in documentation order."""
    return tuple(f.name for f in FILTERS)


def filter_example(f: Filter, digits: str = "thai") -> str:
    """What the filter prints for its example value (through the same filters expressions use)."""
    fn = make_env(digits).filters[f.name]
    return str(fn(f.value, *f.args))
