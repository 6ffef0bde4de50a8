"""The analysis report of last year's ITA results (รายงานการวิเคราะห์ผลการประเมิน ITA).

Structure after seed 002: title; introduction; ๑. หลักการและเหตุผล; ๒. the
scores (score box, tool table, ranking table, computed notes on indicators
below the pass mark and the change against the previous year); ๓. the
analysis (strengths, urgent weaknesses, points to improve); ๔. the measures
for the next fiscal year. Template: ``templates/analysis-report.docx``.
"""
from __future__ import annotations

from typing import Any

from .. import analysis, thaifmt
from ..models import Block, FindingGroup
from ..ooxml import Para, Run, Xml, parts_xml, runs_from_markup
from . import computed
from . import measure_cells as cells
from .base import DocumentType, single
from .prose import BODY, FLUSH, Writer


def _finding_group(w: Writer, group: FindingGroup, fw: analysis.Framework) -> Xml:
    a = w.c.assessment
    parts: list[Para | str] = list(w.blocks(group.intro))
    for n, f in enumerate(group.findings, group.start):
        name = f.name or fw.indicators[f.indicator].name
        score = f.score if f.score is not None else (a.indicators.get(f.indicator) if a else None)
        runs = [Run(w.d(f"({n}) ")), Run(f"ตัวชี้วัดที่ {w.d(f.indicator)} {name}", True)]
        if score is not None:
            runs.append(Run(f" โดยรวมได้เท่ากับร้อยละ {w.score(score)}"))
        if f.text:
            runs += runs_from_markup(" " + w.text(f.text))
        parts.append(Para(BODY, runs))
        for it in f.items:
            # Seed 002 writes EIT items in findings with a capital E ("ข้อ E๗").
            code = thaifmt.item_code(it.code, digits=w.digits)
            head = f"ข้อ {code[0].upper() + code[1:] if it.code.startswith('e') else code}"
            line = head + (f" ในประเด็น “{w.text(it.question)}”" if it.question else "") + f" โดยมีผลคะแนน {w.score(it.score)}"
            if it.text:
                line += " " + w.text(it.text)
            parts.append(Para(BODY, runs_from_markup(line)))
        parts += w.blocks(f.after)
    parts += w.blocks(group.after)
    return Xml(parts_xml(parts))


def analysis_context(w: Writer) -> dict[str, Any]:
    """Context of ``templates/analysis-report.docx`` (seed 002's structure)."""
    c = w.c
    r = c.analysis_report
    a = c.assessment
    fw = analysis.framework(a.year)
    level = analysis.level(a, fw)
    tools = computed.tool_rows(w)
    ranking = computed.ranking_rows(w, analysis.ranking(a, fw))
    notes: list[str] = []
    below = analysis.below_pass(a, fw)
    if a.indicators:
        if below:
            names = " ".join(f"ตัวชี้วัดที่ {w.d(x.number)} {x.name} ({w.score(x.score)} คะแนน)" for x in reversed(below))
            notes.append(f"ตัวชี้วัดที่มีคะแนนต่ำกว่าเกณฑ์ผ่าน {w.d(int(fw.pass_mark))} คะแนน จำนวน {w.d(len(below))} ตัวชี้วัด ได้แก่ {names}")
        else:
            notes.append(f"ทุกตัวชี้วัดมีคะแนนไม่ต่ำกว่าเกณฑ์ผ่าน {w.d(int(fw.pass_mark))} คะแนน")
    delta = analysis.change(a)
    if delta is not None:
        prev = a.previous[a.year - 1]
        notes.append(
            f"เมื่อเทียบกับปีงบประมาณ พ.ศ. {w.d(a.year - 1)} ({w.score(prev)} คะแนน) คะแนนรวม"
            f"{'เพิ่มขึ้น' if delta > 0 else 'ลดลง' if delta < 0 else 'เท่าเดิม'} {thaifmt.signed(delta, digits=w.digits)} คะแนน"
        )
    results_intro = r.results_intro or [Block(paragraph=(
        f"สำนักงาน ป.ป.ช. ได้ประกาศผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. "
        f"{w.d(a.year)} {c.organisation.name} ได้คะแนน {w.score(a.overall)} คะแนน ระดับผลการประเมิน {level}"
    ))]
    ny = r.next_year
    return {
        "title": w.title_xml("analysis_report"),
        "introduction": w.blocks_xml(r.introduction),
        "principles": w.blocks_xml(r.principles),
        "year": a.year,
        "fiscal_year": c.fiscal_year,
        "org": c.organisation,
        "results_intro": w.blocks_xml(results_intro),
        "overall": w.score(a.overall),
        "level": level,
        "tools": tools,
        "ranking": ranking,
        "ranking_note": w.xml([w.para(n) for n in notes]),
        "recommendations": w.blocks_xml(r.recommendations),
        "analysis_intro": w.blocks_xml(r.analysis_intro),
        "strengths": _finding_group(w, r.strengths, fw),
        "weaknesses": _finding_group(w, r.weaknesses, fw),
        "improvements": _finding_group(w, r.improvements, fw),
        "conclusion": w.blocks_xml(r.conclusion),
        "next_intro": w.blocks_xml(ny.intro),
        "next_heading": w.xml([w.para(ny.heading, FLUSH, bold=True, keep_next=True)] if ny.heading else [], FLUSH),
        "groups": cells.measure_groups(w, ny.groups),
    }


DOCUMENT = DocumentType(
    "analysis-report", "analysis-report.docx", "รายงานการวิเคราะห์ผลการประเมิน ITA",
    lambda c: c.analysis_report is not None and c.assessment is not None,
    single(analysis_context, "analysis-report.docx"),
)
