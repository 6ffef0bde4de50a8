"""Measure table cells, the same in the analysis report, the plan and the result report.

A measure (`ita_docs.model.Measure`) is written once in the content and read
the same in every document; these functions turn it into table cells
(`ita_docs.render.ooxml.Xml` for ``{{p m.title }}`` etc.) in the forms of the seeds
(002, 001, 000, 004).
"""

from __future__ import annotations

from typing import Any

from .. import thaifmt
from ..model import Measure, MeasureGroup, Period
from ..render.ooxml import Para, Run, runs_from_markup
from .prose import BULLET_CHAR, CELL, CELL_BULLET, FLUSH, Writer


def period(w: Writer, p: Period | None) -> list[str]:
    """A measure's period as lines, in the forms of the seeds (see `Period`)."""
    if p is None:
        return []
    dg = w.digits
    lines: list[str] = []
    if p.text:
        lines.append(w.text(p.text))
    if p.fiscal_year and not p.start:
        lines.append(
            thaifmt.fiscal_year_range(p.fiscal_year, digits=dg)
            if not p.text
            else thaifmt.fiscal_year_label(p.fiscal_year, digits=dg)
        )
    elif p.fiscal_year:
        lines.append(thaifmt.fiscal_year_label(p.fiscal_year, digits=dg))
    if p.start and p.end:
        if p.style == "months":
            lines.append(thaifmt.month_range_short(p.start, p.end, digits=dg))
        elif p.style == "long":
            lines.append(thaifmt.date_range_long(p.start, p.end, digits=dg))
        else:
            lines.append(thaifmt.date_range_short(p.start, p.end, digits=dg))
    if p.until:
        day = (
            thaifmt.date_long(p.until, digits=dg)
            if p.style == "long"
            else thaifmt.date_short(p.until, digits=dg)
        )
        lines.append(f"ภายใน {day}")
    return lines


def responsible(w: Writer, m: Measure) -> list[str]:
    names = [w.text(w.c.division(d).name) for d in m.responsible] + [w.text(t) for t in m.responsible_other]
    return [f"- {n}" for n in names] if len(names) > 1 else names


def steps(w: Writer, m: Measure) -> list[Para]:
    paras: list[Para] = []
    if m.requirement:
        paras.append(w.list_item("-", m.requirement, CELL_BULLET))
    for i, step in enumerate(m.steps, 1):
        marker = {"numbered": w.d(f"{i}."), "bullets": BULLET_CHAR, "dashes": "-"}.get(m.steps_style)
        if marker:
            paras.append(w.list_item(marker, step.text, CELL_BULLET))
        else:
            paras.append(w.para(step.text, CELL))
        paras += [
            Para(CELL_BULLET, [Run("-\t"), *runs_from_markup(w.text(b))], left=510, hanging=255)
            for b in step.bullets
        ]
    return paras


def measure_title(w: Writer, m: Measure, number: int | None) -> list[Para]:
    paras: list[Para] = []
    titles = [w.text(t) for t in m.title]
    if m.item:
        paras.append(Para(CELL, [Run(thaifmt.item_code(m.item, digits=w.digits), bold=True)]))
    if len(titles) > 1:
        if number is not None and not m.item:
            paras.append(Para(CELL, [Run(w.d(f"{number}."))]))
        paras += [w.list_item(BULLET_CHAR, t, CELL_BULLET) for t in titles]
    else:
        prefix = w.d(f"{number}. ") if number is not None and not m.item else ""
        paras.append(Para(CELL, runs_from_markup(prefix + titles[0])))
    return paras


def measure_row(w: Writer, m: Measure, number: int | None) -> dict[str, Any]:
    """The cells of a measure in the analysis report and the plan (same for both)."""
    return {
        "id": m.id,
        "title": w.xml(measure_title(w, m, number), CELL),
        "steps": w.xml(steps(w, m), CELL),
        "responsible": w.xml([w.para(t, CELL) for t in responsible(w, m)], CELL),
        "period": w.xml([Para(CELL, [Run(t)]) for t in period(w, m.period)], CELL),
        "follow_up": w.xml([w.para(t, CELL) for t in m.follow_up], CELL),
    }


def measure_groups(w: Writer, groups: list[MeasureGroup]) -> list[dict[str, Any]]:
    out = []
    for g in groups:
        rows = [
            measure_row(w, w.c.measure(mid), i if g.numbered else None) for i, mid in enumerate(g.measures, 1)
        ]
        title = w.xml([w.para(g.title, FLUSH, bold=True, keep_next=True)] if g.title else [], FLUSH)
        out.append({"title": title, "rows": rows})
    return out
