"""Where a document is filed on the website: the OIT item of the assessment year it is
published in (issue 17, ``docs/years.md``), from the framework files' ``documents:`` maps.

A document about fiscal year F (the set's ``fiscal_year``: the plan for F, the
analysis made for F, the results of F's measures) is filed in assessment year
F+1 when that year's rules take it as ``previous`` (2569: the results report,
o26), else in F when they take it as ``current`` (2569: analysis and plan,
o25; 2566-2567: o42/o43). A year without framework data uses the content's
``framework_year`` rules. Used by the publishing index
(`ita_docs.documents.publish_index`) and by ``check`` (`ita_docs.load.validate`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..messages import msg
from ..model import Content
from . import rules as analysis

#: The document types that have an OIT item, with their Thai titles and whether a set has them.
FILED = {
    "analysis-report": ("รายงานการวิเคราะห์ผลการประเมิน ITA", lambda c: c.analysis_report is not None),
    "measures-plan": ("มาตรการส่งเสริมคุณธรรมและความโปร่งใส", lambda c: c.measure_plan is not None),
    "measures-results": ("รายงานผลการดำเนินการตามมาตรการ", lambda c: c.measure_results is not None),
}


@dataclass(frozen=True)
class Slot:
    """Where one document is filed: assessment ``year`` (BE), OIT ``item`` and its title, the
    year whose rules said so (``rules_year`` differs from ``year`` when borrowed)."""

    year: int
    item: str
    title: str | None
    rules_year: int


def slot(c: Content, document: str) -> Slot | None:
    """The `Slot` of document type ``document`` of content ``c``; None when no year's rules place it.

    Tries assessment year F+1 (``period: previous``), then F (``period: current``), F being
    ``c.fiscal_year``; a year without framework data uses ``c.framework_year``'s rules.
    """
    fy = c.fiscal_year
    for year, period in ((fy + 1, "previous"), (fy, "current")):
        try:
            fw = analysis.rules(year, c.framework_year)
        except KeyError:
            continue
        s = fw.documents.get(document)
        if s is not None and s.period == period:
            title = c.item_titles.get(s.item) or fw.items.get(s.item)
            return Slot(year, s.item, title, fw.year)
    return None


def missing_rules(c: Content, document: str) -> int | None:
    """The assessment year whose framework data ``document`` would need (F+1 for a results
    report, else F) when that year has none and ``framework_year`` is not given."""
    year = c.fiscal_year + 1 if document == "measures-results" else c.fiscal_year
    if year in analysis.framework_years() or c.framework_year is not None:
        return None
    return year


def problems(c: Content) -> list[str]:
    """Check messages (`ita_docs.messages`) for documents whose OIT item cannot be known:
    their assessment year has no framework data and ``framework_year`` is not given."""
    years = analysis.framework_years()
    out = []
    for name, (title, has) in FILED.items():
        if not has(c):
            continue
        year = missing_rules(c, name)
        if year is not None and slot(c, name) is None:
            out.append(
                msg(
                    "publish_no_rules",
                    year=year,
                    document=title,
                    years=", ".join(map(str, years)),
                    latest=years[-1],
                )
            )
    return out
