"""Dates written with a Christian-era year: accepted, with a warning that says how they were read.

Content dates are BE (``2566-04-15``); a year below 2400 is taken as CE
(`ita_docs.model.base` reads both). A clerk who typed ``2024-04-15`` gets the
date as written and a warning at its line naming the date it became in BE
(``15 เมษายน 2567``), so a slip is seen before a document is sent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from .. import thaifmt
from ..messages import msg

_CE_DATE = re.compile(r"^\s*([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\s*$")


def warn(
    content: BaseModel, data: Any, add: Callable[[tuple[Any, ...], str], None], path: tuple[Any, ...] = ()
) -> None:
    """Call ``add(path, message)`` for each text in ``data`` (the merged YAML of ``content``) that is
    a CE date where the model holds a date (not a text that only looks like one)."""
    if isinstance(data, dict):
        for k, v in data.items():
            warn(content, v, add, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            warn(content, v, add, (*path, i))
    elif isinstance(data, str):
        m = _CE_DATE.match(data)
        d = value_at(content, path) if m and int(m.group(1)) < 2400 else None
        if isinstance(d, dt.date):
            be = f"{d.year + 543}-{d.month:02d}-{d.day:02d}"
            add(
                path,
                msg("warn_ce_date", input=data.strip(), read=thaifmt.date_long(d, digits="arabic"), be=be),
            )


def value_at(content: Any, path: tuple[Any, ...]) -> Any:
    """The model value at ``path`` (YAML keys or aliases, list indexes); None when there is none."""
    node = content
    for part in path:
        if isinstance(node, BaseModel):
            fields = type(node).model_fields
            name = next((n for n, f in fields.items() if n == part or f.alias == part), None)
            node = getattr(node, name) if name else None
        elif isinstance(node, (list, tuple)) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            return None
        if node is None:
            return None
    return node
