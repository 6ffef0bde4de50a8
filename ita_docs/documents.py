"""Document types and their render contexts, computed from one `Content`.

Each document type is a `DocumentType`: a template file, a test of whether a
content set supports it, and a function that builds every (output name,
context) pair it produces. Contexts hold plain strings for ``{{ var }}`` and
`ooxml.Xml` paragraphs for ``{{p var}}``; they are computed completely before
any file is written (see `ita_docs.pipeline`).

Wording that the templates do not hold (default titles, finding sentences,
table cells) follows the seed documents in ``shared/seeds``: 002 (analysis
report), 001 (measure plan and memo), 000 and 004 (measure-result reports).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import jinja2

from . import analysis, ooxml, thaifmt
from .errors import ContentError
from .loader import LoadedContent
from .messages import msg
from .models import Block, Content, FindingGroup, Measure, MeasureGroup, Memo, Period
from .ooxml import Para, Run, Xml, parts_xml, runs_from_markup
from .render import expand

# Style ids of the templates (python-docx drops the spaces of the style names).
BODY, FLUSH, CENTER, TITLE = "ITABody", "ITABodyFlush", "ITACenter", "ITATitle"
H1, H2, H3, CAPTION = "ITAHeading1", "ITAHeading2", "ITAHeading3", "ITACaption"
BULLET, SIGNATURE = "ITABullet", "ITASignature"
CELL, CELL_HEAD, CELL_BULLET, TABLE = "ITATableText", "ITATableHead", "ITATableBullet", "ITATable"
BULLET_CHAR = "•"  # U+2022, drawn from the Thai body font (not the Symbol font)
PORTRAIT_TWIPS = 9072  # 16 cm text width (A4, margins 3 + 2 cm)
LANDSCAPE_TWIPS = 14570  # 25.7 cm text width (A4 landscape, margins 2 + 2 cm)
TOOL_LABELS = {"iit": "IIT", "eit": "EIT", "oit": "OIT"}


class Writer:
    """Formats content for one document: digits, expressions, prose blocks, cells."""

    def __init__(self, loaded: LoadedContent):
        self.loaded = loaded
        self.c: Content = loaded.content
        self.digits = self.c.digits
        self._expr_ctx: dict[str, Any] | None = None

    # ---- values

    def d(self, value: Any) -> str:
        return thaifmt.to_digits(str(value), digits=self.digits)

    def score(self, x: float) -> str:
        return thaifmt.score(x, digits=self.digits)

    def text(self, value: str) -> str:
        """A content string with its ``{{ expressions }}`` rendered."""
        if "{{" not in value and "{%" not in value:
            return value
        try:
            return expand(value, self.expr_context(), self.digits)
        except jinja2.TemplateError as exc:
            raise_expression_error(value, exc)

    def expr_context(self) -> dict[str, Any]:
        """Names available inside ``{{ }}`` in content text."""
        if self._expr_ctx is None:
            c = self.c
            ctx: dict[str, Any] = {
                "organisation": c.organisation,
                "fiscal_year": c.fiscal_year,
                "assessment": c.assessment,
                "measures": {m.id: m for m in c.measures},
            }
            if c.assessment:
                fw = analysis.framework(c.assessment.year)
                ctx["level"] = analysis.level(c.assessment, fw)
                ctx["overall"] = self.score(c.assessment.overall)
            # Titles may themselves use expressions: publish the context before computing them.
            self._expr_ctx = ctx
            ctx["titles"] = {}
            ctx["titles"] = {name: " ".join(self.title_lines(name)) for name in ("analysis_report", "measure_plan", "measure_results")}
        return self._expr_ctx

    def date_long(self, d) -> str:
        return thaifmt.date_long(d, digits=self.digits)

    # ---- paragraphs

    def para(self, text: str, style: str = BODY, *, bold: bool = False, **kw: Any) -> Para:
        return Para(style, runs_from_markup(self.text(text), bold=bold), **kw)

    def xml(self, paras: list[Para], style: str = BODY) -> Xml:
        return Xml(parts_xml(paras), style)

    def list_item(self, marker: str, text: str, style: str) -> Para:
        return Para(style, [Run(marker + "\t"), *runs_from_markup(self.text(text))])

    def blocks(self, blocks: list[Block], *, in_table: bool = False, width: int = PORTRAIT_TWIPS) -> list[Para | str]:
        """Prose blocks as paragraphs (`Para`) and raw table XML (`str`)."""
        out: list[Para | str] = []
        body = CELL if in_table else BODY
        bullet = CELL_BULLET if in_table else BULLET
        for b in blocks:
            kind = b.kind
            if kind == "paragraph":
                style = CENTER if b.center else (body if b.indent and not in_table else (CELL if in_table else FLUSH))
                out.append(self.para(b.paragraph, style))
            elif kind == "heading":
                out.append(self.para(b.heading, CELL if in_table else (CAPTION if b.center else H3), bold=True, keep_next=True))
            elif kind == "bullets":
                out += [self.list_item(BULLET_CHAR, t, bullet) for t in b.bullets]
            elif kind == "dashes":
                out += [self.list_item("-", t, bullet) for t in b.dashes]
            elif kind == "numbered":
                out += [self.list_item(self.d(f"{i}."), t, bullet) for i, t in enumerate(b.numbered, 1)]
            elif kind == "table":
                cols = max([len(b.table.header)] + [len(r) for r in b.table.rows])
                widths = [width // cols] * cols
                out.append(ooxml.table_xml(
                    [self.text(h) for h in b.table.header],
                    [[self.text(c) for c in r] + [""] * (cols - len(r)) for r in b.table.rows],
                    style=TABLE, cell_style=CELL, widths=widths,
                ))
                out.append(Para(FLUSH))
        return out

    def blocks_xml(self, blocks: list[Block], **kw: Any) -> Xml:
        parts = self.blocks(blocks, **kw)
        return Xml(parts_xml(parts))

    # ---- titles

    def title_lines(self, document: str) -> list[str]:
        """The title lines of a document: the content's own, else the seed's wording."""
        c, org = self.c, self.c.organisation
        place = " ".join(x for x in (f"อำเภอ{org.district}" if org.district else "", f"จังหวัด{org.province}") if x)
        if document == "analysis_report":
            given = c.analysis_report.title if c.analysis_report else []
            year = c.assessment.year if c.assessment else c.fiscal_year
            default = [
                "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส",
                f"ในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. {self.d(year)}",
                f"ของ{org.name} {place}",
            ]
        elif document == "measure_plan":
            given = c.measure_plan.title if c.measure_plan else []
            default = ["มาตรการส่งเสริมคุณธรรมและความโปร่งใส", f"ของ{org.name} ประจำปีงบประมาณ พ.ศ. {self.d(c.fiscal_year)}"]
        else:
            given = c.measure_results.title if c.measure_results else []
            default = [
                "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                f"ประจำปีงบประมาณ พ.ศ.{self.d(c.fiscal_year)}",
                f"{org.name} {place}",
            ]
        return [self.text(t) for t in given] if given else default

    def title_xml(self, document: str) -> Xml:
        """Title paragraphs; "พ.ศ. ๒๕๖๕" is kept on one line with a no-break space."""
        return self.xml([Para(TITLE, runs_from_markup(t.replace("พ.ศ. ", "พ.ศ.\u00a0"))) for t in self.title_lines(document)])

    # ---- measures

    def period(self, p: Period | None) -> list[str]:
        """A measure's period as lines, in the forms of the seeds (see `Period`)."""
        if p is None:
            return []
        dg = self.digits
        lines: list[str] = []
        if p.text:
            lines.append(self.text(p.text))
        if p.fiscal_year and not p.start:
            lines.append(thaifmt.fiscal_year_range(p.fiscal_year, digits=dg) if not p.text else thaifmt.fiscal_year_label(p.fiscal_year, digits=dg))
        elif p.fiscal_year:
            lines.append(thaifmt.fiscal_year_label(p.fiscal_year, digits=dg).replace("พ.ศ. ", "พ.ศ."))
        if p.start and p.end:
            if p.style == "months":
                lines.append(thaifmt.month_range_short(p.start, p.end, digits=dg))
            elif p.style == "long":
                lines.append(thaifmt.date_range_long(p.start, p.end, digits=dg))
            else:
                lines.append(thaifmt.date_range_short(p.start, p.end, digits=dg))
        if p.until:
            day = thaifmt.date_long(p.until, digits=dg) if p.style == "long" else thaifmt.date_short(p.until, digits=dg)
            lines.append(f"ภายใน {day}")
        return lines

    def responsible(self, m: Measure) -> list[str]:
        names = [self.c.division(d).name for d in m.responsible] + [self.text(t) for t in m.responsible_other]
        return [f"- {n}" for n in names] if len(names) > 1 else names

    def steps(self, m: Measure) -> list[Para]:
        paras: list[Para] = []
        if m.requirement:
            paras.append(self.list_item("-", m.requirement, CELL_BULLET))
        for i, step in enumerate(m.steps, 1):
            marker = {"numbered": self.d(f"{i}."), "bullets": BULLET_CHAR, "dashes": "-"}.get(m.steps_style)
            if marker:
                paras.append(self.list_item(marker, step.text, CELL_BULLET))
            else:
                paras.append(self.para(step.text, CELL))
            paras += [
                Para(CELL_BULLET, [Run("-\t"), *runs_from_markup(self.text(b))], left=510, hanging=255) for b in step.bullets
            ]
        return paras

    def measure_title(self, m: Measure, number: int | None) -> list[Para]:
        paras: list[Para] = []
        titles = [self.text(t) for t in m.title]
        if m.item:
            paras.append(Para(CELL, [Run(thaifmt.item_code(m.item, digits=self.digits), bold=True)]))
        if len(titles) > 1:
            if number is not None and not m.item:
                paras.append(Para(CELL, [Run(self.d(f"{number}."))]))
            paras += [self.list_item(BULLET_CHAR, t, CELL_BULLET) for t in titles]
        else:
            prefix = self.d(f"{number}. ") if number is not None and not m.item else ""
            paras.append(Para(CELL, runs_from_markup(prefix + titles[0])))
        return paras

    def measure_row(self, m: Measure, number: int | None) -> dict[str, Any]:
        """The cells of a measure in the analysis report and the plan (same for both)."""
        return {
            "id": m.id,
            "title": self.xml(self.measure_title(m, number), CELL),
            "steps": self.xml(self.steps(m), CELL),
            "responsible": self.xml([self.para(t, CELL) for t in self.responsible(m)], CELL),
            "period": self.xml([Para(CELL, [Run(t)]) for t in self.period(m.period)], CELL),
            "follow_up": self.xml([self.para(t, CELL) for t in m.follow_up], CELL),
        }

    def measure_groups(self, groups: list[MeasureGroup]) -> list[dict[str, Any]]:
        out = []
        for g in groups:
            rows = [self.measure_row(self.c.measure(mid), i if g.numbered else None) for i, mid in enumerate(g.measures, 1)]
            title = self.xml([self.para(g.title, FLUSH, bold=True, keep_next=True)] if g.title else [], FLUSH)
            out.append({"title": title, "rows": rows})
        return out


def raise_expression_error(value: str, exc: Exception) -> None:
    """Report a broken ``{{ }}`` in content text as a content error."""
    from .errors import ContentErrors

    raise ContentErrors([ContentError(msg("expression", error=f"{exc} in “{value[:60]}”"))])


# =========================================================================== analysis report


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
    tools = []
    tool_scores = analysis.tool_scores(a, fw)
    if all(s is not None for s in tool_scores.values()):
        for t, s in tool_scores.items():
            weight = fw.tools[t].weight
            tools.append({
                "label": f"{TOOL_LABELS[t]} {fw.tools[t].name}",
                "score": w.score(s),
                "weight": w.d(int(weight)),
                "weighted": w.score(s * weight / 100),
            })
    ranking = [{"rank": w.d(x.rank), "name": x.name, "score": w.score(x.score)} for x in analysis.ranking(a, fw)]
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
        "groups": w.measure_groups(ny.groups),
    }


# =========================================================================== measure plan / results


def plan_context(w: Writer) -> dict[str, Any]:
    """Context of ``templates/measures-plan.docx`` (seed 001's plan)."""
    p = w.c.measure_plan
    return {
        "title": w.title_xml("measure_plan"),
        "heading": w.xml([w.para(p.heading, FLUSH, bold=True)] if p.heading else [], FLUSH),
        "goal": w.blocks_xml(p.goal, width=LANDSCAPE_TWIPS),
        "groups": w.measure_groups(p.groups),
        "after": w.blocks_xml(p.after, width=LANDSCAPE_TWIPS),
    }


def results_context(w: Writer) -> dict[str, Any]:
    """Context of ``templates/measures-results.docx`` (seeds 000 and 004)."""
    rep = w.c.measure_results
    rows = []
    for n, res in enumerate(rep.results, 1):
        m = w.c.measure(res.measure)
        base = w.measure_row(m, None)
        outputs: list[Para] = []
        for i, o in enumerate(res.outputs, 1):
            runs = runs_from_markup((w.d(f"{i}. ") if len(res.outputs) > 1 else "") + w.text(o.text))
            if o.date:
                runs.append(Run(f" เมื่อวันที่ {thaifmt.date_short(o.date, sep='', digits=w.digits)}", True))
            outputs.append(Para(CELL, runs))
        outcome: list[Para | str] = w.blocks(res.outcome, in_table=True)
        for cit in res.citations:
            line = f"ข้อ {thaifmt.item_code(cit.code, digits=w.digits)}"
            if cit.title:
                line += f" {w.text(cit.title)}"
            line += f" ได้คะแนน {w.score(cit.score)} คะแนน"
            if cit.previous is not None:
                line += f" ({thaifmt.signed(round(cit.score - cit.previous, 2), digits=w.digits)})"
            outcome.append(Para(CELL, [Run(line)]))
        rows.append({
            **base,
            "number": w.d(n),
            "outputs": w.xml(outputs, CELL),
            "outcome": Xml(parts_xml(outcome), CELL),
        })
    # The cover (seed 000: its own first page) ends with a page break.
    cover = [Para(TITLE, p.runs) if isinstance(p, Para) else p for p in w.blocks(rep.cover, width=LANDSCAPE_TWIPS)]
    cover_xml = parts_xml(cover)
    if cover_xml:
        cover_xml += '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    return {
        "cover": Xml(cover_xml, TITLE) if cover_xml else Xml(style=TITLE),
        "title": w.title_xml("measure_results"),
        "introduction": w.blocks_xml(rep.introduction, width=LANDSCAPE_TWIPS),
        "table_title": w.xml([Para(TITLE, runs_from_markup(w.text(t))) for t in rep.table_title], TITLE),
        "rows": rows,
        "after": w.blocks_xml(rep.after, width=LANDSCAPE_TWIPS),
    }


# =========================================================================== registry


@dataclass(frozen=True)
class DocumentType:
    """A kind of document: its template and how to build its contexts."""

    name: str
    template: str
    title: str
    supported: Callable[[Content], bool]
    contexts: Callable[[Writer], list[tuple[str, Any]]]


def _single(build: Callable[[Writer], dict[str, Any]], filename: str) -> Callable[[Writer], list[tuple[str, Any]]]:
    return lambda w: [(filename, build(w))]


def _memo_contexts(w: Writer) -> list[tuple[str, Any]]:
    from .memos import memo_context

    return [(f"memo-{m.id}.docx", memo_context(w, m)) for m in w.c.memos]


def _distribution_contexts(w: Writer) -> list[tuple[str, Any]]:
    from .memos import distribution_context

    return [(f"distribution-{m.id}.docx", distribution_context(w, m)) for m in w.c.memos if m.distribution]


DOCUMENTS: list[DocumentType] = [
    DocumentType("analysis-report", "analysis-report.docx", "รายงานการวิเคราะห์ผลการประเมิน ITA",
                 lambda c: c.analysis_report is not None and c.assessment is not None,
                 _single(analysis_context, "analysis-report.docx")),
    DocumentType("measures-plan", "measures-plan.docx", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
                 lambda c: c.measure_plan is not None, _single(plan_context, "measures-plan.docx")),
    DocumentType("measures-results", "measures-results.docx", "รายงานผลการดำเนินการตามมาตรการ",
                 lambda c: c.measure_results is not None, _single(results_context, "measures-results.docx")),
    DocumentType("memo", "memo.docx", "บันทึกข้อความ", lambda c: bool(c.memos), _memo_contexts),
    DocumentType("distribution-list", "distribution-list.docx", "รายการแจกจ่ายเอกสาร",
                 lambda c: any(m.distribution for m in c.memos), _distribution_contexts),
]


def document_names() -> list[str]:
    return [d.name for d in DOCUMENTS]


def memo_of(c: Content, key: str) -> Memo | None:
    """A memo by id or by preset name (the first with that preset)."""
    return next((m for m in c.memos if m.id == key), None) or next((m for m in c.memos if m.preset == key), None)


def emblem_path(loaded: LoadedContent) -> Path | None:
    e = loaded.content.organisation.emblem
    return (loaded.root / e) if e else None
