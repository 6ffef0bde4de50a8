"""The analysis report's drafted text on the set page: shown as it will print, kept or taken over.

Sections the content does not write are drafted from the phrase library and the
year's rules (`ita_docs.analyse.drafting.report`). The page shows each drafted section as
text; "take over" writes the drafted section into ``analysis_report.<section>``,
where the clerk edits it like any other text (the content then wins over the
draft, section by section, as `ita_docs.analyse.drafting` says).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..analyse import drafting
from ..errors import ContentErrors
from ..model import AnalysisReport
from . import forms

ADOPTABLE = tuple(s for s in drafting.SECTIONS if s != "next_year")
"""Sections that can be taken over as they are (``next_year`` names library measures the content lacks)."""


@dataclass(frozen=True)
class DraftedSection:
    key: str
    label: str
    lines: list[str]
    adoptable: bool


def _report(folder: Path) -> drafting.Draft | None:
    from ..load.validate import load

    try:
        content = load(folder).content
        return drafting.report(content, content.digits)
    except (ContentErrors, ValueError, KeyError):
        return None


def _lines(value: Any) -> list[str]:
    """The text of a drafted section, one line per paragraph or list item (tables computed from
    the content named in brackets)."""
    out: list[str] = []

    def visit(v: Any) -> None:
        if isinstance(v, dict):
            if v.get("insert"):
                out.append(f"[ตารางที่โปรแกรมคำนวณ: {v['insert']}]")
                return
            for k, item in v.items():
                if k in {"indent", "center", "start", "indicator", "score"}:
                    continue
                visit(item)
        elif isinstance(v, list):
            for item in v:
                visit(item)
        elif isinstance(v, str) and v.strip():
            out.append(v.strip())

    visit(value)
    return out


def drafted_sections(folder: Path) -> list[DraftedSection]:
    """The sections of the set's analysis report that come from the draft ([] when the set does not
    load, has no assessment or turned drafting off)."""
    draft = _report(folder)
    if draft is None:
        return []
    out = []
    for key in drafting.SECTIONS:
        if key not in draft.drafted:
            continue
        value = (
            getattr(draft.report, key).model_dump(mode="json", exclude_defaults=True)
            if key
            not in (
                "introduction",
                "principles",
                "results_intro",
                "recommendations",
                "analysis_intro",
                "conclusion",
            )
            else [b.model_dump(mode="json", exclude_defaults=True) for b in getattr(draft.report, key)]
        )
        lines = _lines(value)
        if lines:
            out.append(DraftedSection(key, forms.label_of(AnalysisReport, key)[0], lines, key in ADOPTABLE))
    return out


def adoptable_value(folder: Path, key: str) -> Any:
    """The drafted section ``key`` as YAML-ready data (a paragraph-only block as plain text);
    None when it is not drafted or cannot be taken over."""
    if key not in ADOPTABLE:
        return None
    draft = _report(folder)
    if draft is None or key not in draft.drafted:
        return None
    value = getattr(draft.report, key)
    if isinstance(value, list):
        return [_block(b.model_dump(mode="json", exclude_defaults=True)) for b in value]
    data = value.model_dump(mode="json", exclude_defaults=True)
    for part in ("intro", "after"):
        if part in data:
            data[part] = [_block(b) for b in data[part]]
    return data


def _block(b: dict[str, Any]) -> Any:
    return b["paragraph"] if set(b) == {"paragraph"} else b


__all__ = ["ADOPTABLE", "DraftedSection", "adoptable_value", "drafted_sections"]
