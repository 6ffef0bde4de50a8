"""The analysis report of last year's ITA results (รายงานการวิเคราะห์ผลการประเมิน ITA).

Structure after seed 002: title; introduction; ๑. หลักการและเหตุผล; ๒. the
scores (score box, tool table with the tools' published parts, ranking table,
optional indicator-order table, computed notes on indicators below the pass
mark and the change against the previous year, native bar charts of the
indicators and the tools); ๓. the analysis (strengths, urgent weaknesses,
points to improve); ๔. the measures for the next fiscal year. Template:
``templates/analysis-report.docx``.

The report is the content's ``analysis_report`` merged over the draft of
`ita_docs.analyse.drafting` (a content set with only ``organisation`` and
``assessment`` gets a complete report). A section with nothing to print has
no heading, and the section numbers (๑. ๒.๑ ...) are computed (``num``,
``show`` in the template). Every figure comes from `ita_docs.analyse.rules`
(overall, level and tool scores computed by the year's rules when not given).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import thaifmt
from ..analyse import drafting
from ..analyse import rules as analysis
from ..model import FindingGroup, Measure
from ..model.assessment import Tool, ToolPart
from ..render import chart_embed, charts
from ..render.ooxml import Para, Run, Xml, parts_xml, runs_from_markup
from . import computed
from . import measure_cells as cells
from .base import DocumentType, single
from .prose import BODY, FLUSH, TOOL_LABELS, Writer

RANKING_TITLE = "คะแนนสูงสุดรายตัวชี้วัด"  # seed 002's caption of the ranking table
CHART_WIDTH_CM = 16.0  # the text width of the portrait pages


def _finding_group(w: Writer, group: FindingGroup, fw: analysis.Framework) -> list[Para | str]:
    a = w.assessment
    parts: list[Para | str] = list(w.blocks(group.intro))
    for n, f in enumerate(group.findings, group.start):
        name = f.name or analysis.indicator_name(a, fw, f.indicator)
        score = f.score if f.score is not None else (a.indicators.get(f.indicator) if a else None)
        indicator = {
            "number": w.d(f.indicator),
            "name": name,
            "score": w.score(score) if score is not None else "",
            "tool": TOOL_LABELS[fw.indicators[f.indicator].tool],
        }
        runs = [Run(w.d(f"({n}) ")), Run(f"ตัวชี้วัดที่ {w.d(f.indicator)} {name}", True)]
        if score is not None:
            runs.append(Run(f" โดยรวมได้เท่ากับร้อยละ {w.score(score)}"))
        with w.names(indicator=indicator):
            if f.text:
                runs += runs_from_markup(" " + w.text(f.text))
            parts.append(Para(BODY, runs))
            for it in f.items:
                # Seed 002 writes EIT items in findings with a capital E ("ข้อ E๗").
                code = thaifmt.item_code(it.code, digits=w.digits)
                head = f"ข้อ {code[0].upper() + code[1:] if it.code.startswith('e') else code}"
                line = (
                    head
                    + (f" ในประเด็น “{w.text(it.question)}”" if it.question else "")
                    + f" โดยมีผลคะแนน {w.score(it.score)}"
                )
                if it.text:
                    line += " " + w.text(it.text)
                parts.append(Para(BODY, runs_from_markup(line)))
            parts += w.blocks(f.after)
    parts += w.blocks(group.after)
    return parts


def _has(group: FindingGroup) -> bool:
    return bool(group.intro or group.findings or group.after)


def _numbers(w: Writer, show: dict[str, bool]) -> dict[str, str]:
    """Section numbers of the headings that print: "๑." for a section, "๒.๑" for a subsection."""
    num: dict[str, str] = {}
    top = 0
    for section, subs in (
        ("principles", []),
        ("results", ["scores", "recommendations"]),
        ("analysis", ["strengths", "weaknesses", "improvements"]),
        ("next_year", ["measures"]),
    ):
        if not show[section]:
            continue
        top += 1
        num[section] = w.d(f"{top}.")
        sub = 0
        for name in subs:
            if show[name]:
                sub += 1
                num[name] = w.d(f"{top}.{sub}")
    return num


def _tool_rows(w: Writer, parts: dict[Tool, list[ToolPart]]) -> list[dict[str, str]]:
    """The tool table: one row per tool, each followed by the tool's published parts (as given)."""
    out: list[dict[str, str]] = []
    rows = computed.tool_rows(w)
    for tool, row in zip(analysis.TOOLS, rows):
        out.append(row)
        for part in parts.get(tool, []):
            score = w.score(part.score) if part.score is not None else ""
            out.append({"label": f"- {w.text(part.name)}", "score": score, "weight": "", "weighted": ""})
    return out


def _charts(w: Writer, fw: analysis.Framework) -> list[charts.ChartPart]:
    """Bar charts of the ten indicators (framework order) and of the three tools, in the document's digits."""
    a = w.assessment
    out = []
    nums = [n for n in fw.indicators if n in a.indicators]
    if nums:
        out.append(
            charts.bar_chart(
                [f"{n}. {analysis.indicator_name(a, fw, n)}" for n in nums],
                [a.indicators[n] for n in nums],
                title=f"คะแนนรายตัวชี้วัด ประจำปีงบประมาณ พ.ศ. {a.year}",
                digits=w.digits,
                horizontal=True,
                font_size=13,
            )
        )
    tools = analysis.tool_scores(a, fw)
    known = {t: s for t in analysis.TOOLS if (s := tools[t]) is not None}
    if known:
        out.append(
            charts.bar_chart(
                [f"{TOOL_LABELS[t]} {fw.tools[t].name}" for t in known],
                list(known.values()),
                title=f"คะแนนรายเครื่องมือ ประจำปีงบประมาณ พ.ศ. {a.year}",
                digits=w.digits,
                font_size=13,
            )
        )
    return out


def _chart_height(chart: charts.ChartPart) -> float:
    """Height (cm) that gives each bar of a horizontal chart room for its one-line label."""
    return 2.2 + 0.9 * len(chart.categories) if len(chart.categories) > 3 else 9.5


def _measure_rows(w: Writer, ids: list[str], numbered: bool, own: dict[str, Measure]) -> list[dict[str, Any]]:
    return [
        cells.measure_row(w, own.get(mid) or w.c.measure(mid), i if numbered else None)
        for i, mid in enumerate(ids, 1)
    ]


def analysis_context(w: Writer) -> Callable[[Any], dict[str, Any]]:
    """Context of ``templates/analysis-report.docx`` (seed 002's structure).

    Everything is computed here; the returned function only embeds the
    charts in the template being rendered (`ita_docs.render.chart_embed.InlineChart`).
    """
    c = w.c
    a = w.assessment
    fw = analysis.rules(a.year, c.framework_year)
    d = drafting.report(c, w.digits)
    r = d.report
    total = analysis.overall(a, fw)
    level = analysis.level(a, fw) or ""
    names = {
        "overall": w.score(total) if total is not None else "",
        "level": level,
        "pass_mark": w.d(f"{fw.pass_mark:g}"),
    }
    with w.names(**names):
        ctx = _context(w, d, fw, total, level)
    chart_parts = _charts(w, fw) if r.charts else []

    def with_charts(tpl: Any) -> dict[str, Any]:
        inline = [
            chart_embed.InlineChart(tpl, ch, width_cm=CHART_WIDTH_CM, height_cm=_chart_height(ch))
            for ch in chart_parts
        ]
        return {**ctx, "charts": inline}

    return with_charts


def change_words(w: Writer, delta: float) -> str:
    """The overall score's change in words, the direction said once: "เพิ่มขึ้น ๐.๒๑ คะแนน",
    "ลดลง ๑.๒๐ คะแนน", "เท่าเดิม" (never "เพิ่มขึ้น +๐.๒๑", which says it twice)."""
    if thaifmt.signed(delta, digits="arabic") in ("0.00", "-0.00"):
        return "เท่าเดิม"
    return f"{'เพิ่มขึ้น' if delta > 0 else 'ลดลง'} {w.score(abs(delta))} คะแนน"


def _context(
    w: Writer, d: drafting.Draft, fw: analysis.Framework, total: float | None, level: str
) -> dict[str, Any]:
    c, r, a = w.c, d.report, w.assessment
    tools = _tool_rows(w, a.tool_parts)
    ranking = computed.ranking_rows(w, analysis.ranking(a, fw))
    indicator_rows = [
        {
            "number": w.d(n),
            "name": analysis.indicator_name(a, fw, n),
            "tool": TOOL_LABELS[fw.indicators[n].tool],
            "score": w.score(a.indicators[n]),
        }
        for n in fw.indicators
        if n in a.indicators
    ]
    notes: list[str] = []
    below = analysis.below_pass(a, fw)
    mark = w.d(f"{fw.pass_mark:g}")
    if a.indicators:
        if below:
            listed = " ".join(
                f"ตัวชี้วัดที่ {w.d(x.number)} {x.name} ({w.score(x.score)} คะแนน)" for x in reversed(below)
            )
            notes.append(f"ตัวชี้วัดที่มีคะแนนต่ำกว่าเกณฑ์ผ่าน {mark} คะแนน จำนวน {w.d(len(below))} ตัวชี้วัด ได้แก่ {listed}")
        else:
            notes.append(f"ทุกตัวชี้วัดมีคะแนนไม่ต่ำกว่าเกณฑ์ผ่าน {mark} คะแนน")
    delta = analysis.change(a, fw)
    if delta is not None:
        prev = a.previous[a.year - 1]
        notes.append(
            f"เมื่อเทียบกับปีงบประมาณ พ.ศ. {w.d(a.year - 1)} ({w.score(prev)} คะแนน) คะแนนรวม{change_words(w, delta)}"
        )
    ny = r.next_year
    groups = []
    for g in ny.groups:
        title = w.xml([w.para(g.title, FLUSH, bold=True, keep_next=True)] if g.title else [], FLUSH)
        groups.append({"title": title, "rows": _measure_rows(w, g.measures, g.numbered, d.measures)})
    show = {
        "introduction": bool(r.introduction),
        "principles": bool(r.principles),
        "results": True,
        "scores": True,
        "results_intro": bool(r.results_intro),
        "recommendations": bool(r.recommendations),
        "analysis_intro": bool(r.analysis_intro),
        "strengths": _has(r.strengths),
        "weaknesses": _has(r.weaknesses),
        "improvements": _has(r.improvements),
        "conclusion": bool(r.conclusion),
        "next_intro": bool(ny.intro),
        "measures": bool(groups),
        "tools": bool(tools),
        "indicator_table": r.indicator_table and bool(indicator_rows),
        "ranking": bool(ranking),
        "ranking_note": bool(notes),
    }
    show["analysis"] = any(
        show[k] for k in ("analysis_intro", "strengths", "weaknesses", "improvements", "conclusion")
    )
    show["next_year"] = show["next_intro"] or show["measures"]
    num = _numbers(w, show)
    heading = w.text(ny.heading) if ny.heading else ""
    if not heading and "next_year" in d.drafted and groups:
        heading = f"{num['measures']} มาตรการ/แนวทางเพื่อยกระดับผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ.\u00a0{w.d(c.fiscal_year)}"
    return {
        "title": w.title_xml("analysis_report"),
        "introduction": w.blocks_xml(r.introduction),
        "principles": w.blocks_xml(r.principles),
        "year": a.year,
        "fiscal_year": c.fiscal_year,
        "org": c.organisation,
        "num": num,
        "show": show,
        "results_intro": w.blocks_xml(r.results_intro),
        "overall": w.score(total) if total is not None else "-",
        "level": level or "-",
        "tools": tools,
        "ranking_title": w.text(r.ranking_title) if r.ranking_title else RANKING_TITLE,
        "ranking": ranking,
        "indicator_rows": indicator_rows,
        "ranking_note": w.xml([w.para(n) for n in notes]),
        "recommendations": w.blocks_xml(r.recommendations),
        "analysis_intro": w.blocks_xml(r.analysis_intro),
        "strengths": Xml(parts_xml(_finding_group(w, r.strengths, fw))),
        "weaknesses": Xml(parts_xml(_finding_group(w, r.weaknesses, fw))),
        "improvements": Xml(parts_xml(_finding_group(w, r.improvements, fw))),
        "conclusion": w.blocks_xml(r.conclusion),
        "next_intro": w.blocks_xml(ny.intro),
        "next_heading": w.xml([w.para(heading, FLUSH, bold=True, keep_next=True)] if heading else [], FLUSH),
        "groups": groups,
    }


def supported(c: Any) -> bool:
    """The content's own report printed as written (``draft: false``), or an assessment with every
    indicator scored to draft one from (the content's sections laid over it)."""
    if c.assessment is None:
        return False
    if c.analysis_report is not None and not c.analysis_report.draft:
        return True
    try:
        fw = analysis.rules(c.assessment.year, c.framework_year)
    except KeyError:
        return False
    return all(n in c.assessment.indicators for n in fw.indicators)


DOCUMENT = DocumentType(
    "analysis-report",
    "analysis-report.docx",
    "รายงานการวิเคราะห์ผลการประเมิน ITA",
    supported,
    single(analysis_context, "analysis-report.docx"),
)
