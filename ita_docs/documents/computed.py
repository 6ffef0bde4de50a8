"""Tables computed from the content, shared by every document that shows them.

Prose anywhere may insert them by name (``{insert: lowest}``, the names of
`ita_docs.model.base.INSERTS`), so a score typed once in ``assessment`` is
never retyped in minutes or reports. Each builder takes the `Writer` and the
width the table may take (twips, 567 per cm) and returns paragraphs and table
XML. Facts come from `ita_docs.analyse.rules` (the year's framework rules); the
OIT checklist from ``oit_followup`` with titles from the framework's OIT item
list of its year (`ita_docs.load.validate.oit_title`).
"""
from __future__ import annotations

from collections import Counter
from ..analyse import rules as analysis
from ..render import ooxml
from .. import thaifmt
from ..model import OIT_STATUS, Committee, OitRow
from ..render.ooxml import Para, Run, runs_from_markup
from ..load.validate import oit_title, oit_year
from .people import member_cells
from .prose import CAPTION, CELL, FLUSH, TABLE, TOOL_LABELS, Insert, Writer

# --------------------------------------------------------------------------- rows


def tool_rows(w: Writer) -> list[dict[str, str]]:
    """One row per tool (IIT, EIT, OIT): score out of 100, weight (%) and weighted score; [] if unknown."""
    a = w.c.assessment
    fw = analysis.framework(a.year)
    scores = analysis.tool_scores(a, fw)
    if not all(s is not None for s in scores.values()):
        return []
    return [
        {
            "label": f"{TOOL_LABELS[t]} {fw.tools[t].name}",
            "score": w.score(s),
            "weight": w.d(int(fw.tools[t].weight)),
            "weighted": w.score(s * fw.tools[t].weight / 100),
        }
        for t, s in scores.items()
    ]


def ranking_rows(w: Writer, rows: list[analysis.RankedIndicator], *, lowest_first: bool = False) -> list[dict[str, str]]:
    """Ranking table rows: อันดับ, the indicator's name, its score (rank 1 = lowest when ``lowest_first``)."""
    return [
        {"rank": w.d(i if lowest_first else x.rank), "name": x.name, "score": w.score(x.score)}
        for i, x in enumerate(rows, 1)
    ]


def oit_rows(w: Writer) -> list[OitRow]:
    return list(w.c.oit_followup.rows) if w.c.oit_followup else []


def oit_counts(w: Writer) -> list[tuple[str, int]]:
    """(status label, number of items) in the standard order, free-text statuses after, zeros left out."""
    counts = Counter(r.status for r in oit_rows(w))
    keys = [k for k in OIT_STATUS if counts[k]] + sorted(k for k in counts if k not in OIT_STATUS)
    return [(OIT_STATUS.get(k, k), counts[k]) for k in keys]


def item_score(w: Writer, score: float | None) -> str:
    """An item score as checklists print it: "๑๐๐" or "๐" when whole, else two decimals."""
    if score is None:
        return ""
    return w.d(int(score)) if float(score).is_integer() else w.score(score)


def oit_summary(w: Writer) -> list[tuple[str, str, str]]:
    """(status label, count, percent) per status, formatted in the document's digits."""
    counts = oit_counts(w)
    total = sum(n for _, n in counts)
    return [(label, w.d(n), w.d(f"{100 * n / total:.2f}")) for label, n in counts]


def oit_row_title(w: Writer, row: OitRow) -> str:
    """The row's own title, else the framework's title of its item (digits as the document says)."""
    return w.text(row.title or oit_title(w.c, row.item) or "")


# --------------------------------------------------------------------------- tables


def _table(
    w: Writer, header: list[str], rows: list[list[str]], ratios: list[float], width: int, centred: tuple[int, ...] = ()
) -> list[Para | str]:
    """A bordered table ``width`` twips wide, columns in proportion to ``ratios``; ``centred`` columns (numbers)."""
    total = sum(ratios)
    widths = [int(width * r / total) for r in ratios]
    align = ["center" if i in centred else None for i in range(len(ratios))]
    return [ooxml.table_xml(header, rows, style=TABLE, cell_style=CELL, widths=widths, align=align), Para(FLUSH)]


def _caption(text: str) -> Para:
    return Para(CAPTION, [Run(text, bold=True)], keep_next=True)


def scores(w: Writer, width: int) -> list[Para | str]:
    """The score box (overall, level) and the tool table, as in the analysis report (seed 002)."""
    a = w.c.assessment
    fw = analysis.framework(a.year)
    out: list[Para | str] = [
        Para(CAPTION, [Run(f"ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ.\u00a0{w.d(a.year)}", bold=True)], keep_next=True),
        Para(CAPTION, [Run(f"คะแนน {w.score(analysis.overall(a, fw))} คะแนน ระดับผลการประเมิน {analysis.level(a, fw)}", bold=True)], keep_next=True),
    ]
    rows = tool_rows(w)
    if rows:
        out += _table(
            w,
            ["เครื่องมือ", f"คะแนน (เต็ม {w.d(100)})", "น้ำหนัก (ร้อยละ)", "คะแนนถ่วงน้ำหนัก"],
            [[r["label"], r["score"], r["weight"], r["weighted"]] for r in rows],
            [6.0, 3.5, 3.0, 3.5],
            width,
            (1, 2, 3),
        )
    return out


def indicators(w: Writer, width: int) -> list[Para | str]:
    """The indicators in framework order: number, name, tool, score."""
    a = w.c.assessment
    fw = analysis.framework(a.year)
    rows = [
        [w.d(n), analysis.indicator_name(a, fw, n), TOOL_LABELS[fw.indicators[n].tool], w.score(a.indicators[n])]
        for n in fw.indicators
        if n in a.indicators
    ]
    return [_caption("คะแนนรายตัวชี้วัด")] + _table(w, ["ที่", "ตัวชี้วัด", "เครื่องมือ", "คะแนน"], rows, [1.2, 9.0, 2.3, 2.5], width, (0, 2, 3))


def _ranked(w: Writer, caption: str, rows: list[analysis.RankedIndicator], width: int, *, lowest_first: bool) -> list[Para | str]:
    cells = [[r["rank"], r["name"], r["score"]] for r in ranking_rows(w, rows, lowest_first=lowest_first)]
    return [_caption(caption)] + _table(w, ["อันดับ", "ตัวชี้วัด", "คะแนน"], cells, [2.0, 10.0, 3.0], width, (0, 2))


def ranking(w: Writer, width: int) -> list[Para | str]:
    """Every indicator by score, highest first (อันดับที่ ๑ = highest)."""
    a = w.c.assessment
    return _ranked(w, "คะแนนรายตัวชี้วัดเรียงจากมากไปน้อย", analysis.ranking(a, analysis.framework(a.year)), width, lowest_first=False)


def lowest(w: Writer, width: int) -> list[Para | str]:
    """The three lowest indicators, อันดับที่ ๑ = the lowest (docs/domain.md, "Analysis presentations")."""
    a = w.c.assessment
    rows = analysis.lowest(a, analysis.framework(a.year), 3)
    return _ranked(w, f"ตัวชี้วัดที่มีคะแนนต่ำสุด {w.d(len(rows))} อันดับ", rows, width, lowest_first=True)


def below_pass(w: Writer, width: int) -> list[Para | str]:
    """Indicators below the year's pass mark, lowest first; one sentence when there is none."""
    a = w.c.assessment
    fw = analysis.framework(a.year)
    rows = list(reversed(analysis.below_pass(a, fw)))
    mark = w.d(int(fw.pass_mark))
    if not rows:
        return [Para(FLUSH, [Run(f"ไม่มีตัวชี้วัดที่มีคะแนนต่ำกว่าเกณฑ์ผ่าน {mark} คะแนน")])]
    return _ranked(w, f"ตัวชี้วัดที่มีคะแนนต่ำกว่าเกณฑ์ผ่าน {mark} คะแนน", rows, width, lowest_first=True)


def oit_followup(w: Writer, width: int) -> list[Para | str]:
    """The OIT follow-up checklist and the number of items per status (docs/domain.md)."""
    year = oit_year(w.c)
    wide = width >= 12000  # landscape: room for the note (URL)
    header = ["ที่", "ข้อ", "รายการ", f"คะแนน\nปี {w.d(year)}", "สถานะการดำเนินการ", "ผู้รับผิดชอบ"]
    ratios = [0.9, 1.5, 5.0, 1.8, 3.6, 3.2]
    if wide:
        header.append("หมายเหตุ")
        ratios.append(4.5)
    rows = []
    for i, r in enumerate(oit_rows(w), 1):
        cells = [w.d(i), w.d(r.item.upper()) if r.item else "", oit_row_title(w, r), item_score(w, r.score),
                 w.text(r.status_label), w.text(w.c.division(r.responsible).name) if r.responsible else ""]
        if wide:
            cells.append(w.text(r.note) if r.note else "")
        rows.append(cells)
    out = [_caption(w.text(w.c.oit_followup.title) if w.c.oit_followup.title else "ผลการติดตามการเปิดเผยข้อมูลสาธารณะ (OIT)")]
    out += _table(w, header, rows, ratios, width, (0, 1, 3))
    out += status_summary(w, min(width, 9072))
    return out


def status_summary(w: Writer, width: int) -> list[Para | str]:
    """Counts per status with their share (ร้อยละ) and the total."""
    rows = [list(r) for r in oit_summary(w)]
    rows.append(["**รวม**", f"**{w.d(len(oit_rows(w)))}**", f"**{w.d('100.00')}**"])
    return [_caption("สรุปสถานะการดำเนินการ")] + _table(w, ["สถานะ", "จำนวน (ข้อ)", "ร้อยละ"], rows, [8.0, 3.0, 3.0], width, (1, 2))


def _committee(w: Writer) -> Committee:
    if w.committee is None:
        raise LookupError("no committee in scope")
    return w.committee


def members(w: Writer, width: int) -> list[Para | str]:
    """The appointing order (คำสั่ง ... ที่ ... ลงวันที่ ... เรื่อง ...) and the members: name or position, role."""
    committee = _committee(w)
    out: list[Para | str] = []
    order = committee.order
    if order is not None:
        line = f"ตามคำสั่ง{w.text(order.issuer or w.c.organisation.name)} ที่ {w.d(order.number)}"
        if order.date:
            line += f" ลงวันที่ {thaifmt.date_long(order.date, digits=w.digits)}"
        if order.subject:
            line += f" เรื่อง {w.text(order.subject)}"
        out.append(Para(FLUSH, runs_from_markup(line), keep_next=True))
    rows = [[w.d(i), *member_cells(w, m)] for i, m in enumerate(committee.members, 1)]
    return out + _table(w, ["ที่", "ชื่อ - สกุล", "ตำแหน่ง", "ตำแหน่งในคณะกรรมการ"], rows, [1.0, 5.0, 6.0, 4.0], width, (0,))


def duties(w: Writer, width: int) -> list[Para | str]:
    """The committee's numbered duties (อำนาจหน้าที่)."""
    return [w.list_item(w.d(f"{i}."), t, "ITABullet") for i, t in enumerate(_committee(w).duties, 1)]


INSERTS: dict[str, Insert] = {
    "scores": scores,
    "indicators": indicators,
    "ranking": ranking,
    "lowest": lowest,
    "below_pass": below_pass,
    "oit_followup": oit_followup,
    "members": members,
    "duties": duties,
}


def insert_needs(name: str) -> str | None:
    """What content an insert needs: ``assessment``, ``oit_followup``, ``committee`` or None."""
    return {"oit_followup": "oit_followup", "members": "committee", "duties": "committee"}.get(name, "assessment")
