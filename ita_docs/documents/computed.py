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

from .. import thaifmt
from ..analyse import rules as analysis
from ..analyse.phrases import data_file as phrase_file
from ..load.validate import oit_title, oit_year
from ..model import OIT_STATUS, Committee, OitRow
from ..model.oit_followup import OIT_COLUMNS
from ..render import ooxml
from ..render.ooxml import Para, Run, runs_from_markup
from .people import member_cells
from .prose import CAPTION, CELL, FLUSH, TABLE, TOOL_LABELS, Insert, Writer


def _words() -> dict:
    """The tables' captions, headers and fixed sentences (``phrases/tables.yaml``)."""
    return phrase_file("tables")


# --------------------------------------------------------------------------- rows


def tool_rows(w: Writer) -> list[dict[str, str]]:
    """One row per tool (IIT, EIT, OIT): score out of 100, weight (%) and weighted score; [] if unknown."""
    a = w.assessment
    fw = analysis.rules(a.year, w.c.framework_year)
    scores = analysis.tool_scores(a, fw)
    known = {t: s for t, s in scores.items() if s is not None}
    if len(known) < len(scores):
        return []
    return [
        {
            "label": f"{TOOL_LABELS[t]} {fw.tools[t].name}",
            "score": w.score(s),
            "weight": w.d(int(fw.tools[t].weight)),
            "weighted": w.score(s * fw.tools[t].weight / 100),
        }
        for t, s in known.items()
    ]


def ranking_rows(
    w: Writer, rows: list[analysis.RankedIndicator], *, lowest_first: bool = False
) -> list[dict[str, str]]:
    """Ranking table rows: อันดับ, the indicator's name, its score (rank 1 = lowest when ``lowest_first``)."""
    return [
        {"rank": w.d(i if lowest_first else x.rank), "name": x.name, "score": w.score(x.score)}
        for i, x in enumerate(rows, 1)
    ]


def oit_rows(w: Writer) -> list[OitRow]:
    return list(w.c.oit_followup.rows) if w.c.oit_followup else []


def oit_counts(w: Writer) -> list[tuple[str, int]]:
    """(status label, number of items) in the standard order, free-text statuses after, zeros left out.

    Rows are counted by `OitRow.status_key`: a synonym ("กำลังดำเนินการ") is counted under its
    standard status (ระหว่างดำเนินการ) though printed as typed; rows without a status are not counted.
    """
    counts = Counter(r.status_key for r in oit_rows(w) if r.status_key is not None)
    keys = [k for k in OIT_STATUS if counts[k]] + sorted(k for k in counts if k not in OIT_STATUS)
    return [(w.text(OIT_STATUS.get(k, k)), counts[k]) for k in keys]


def oit_merged(w: Writer) -> list[tuple[str, str]]:
    """(status as typed, standard status it was counted under) for each synonym used, in row order."""
    out: list[tuple[str, str]] = []
    for r in oit_rows(w):
        key = r.status_key
        if r.status and key in OIT_STATUS and r.status_label != OIT_STATUS[key]:
            pair = (w.text(r.status_label), OIT_STATUS[key])
            if pair not in out:
                out.append(pair)
    return out


def oit_summary_notes(w: Writer) -> list[str]:
    """Sentences under the status summary: which typed statuses were counted under a standard one,
    and how many listed items have no status (worded in ``phrases/committee.yaml``)."""
    words = phrase_file("committee")["oit_summary_notes"]
    out = [w.text(words["merged"], {"typed": typed, "counted": counted}) for typed, counted in oit_merged(w)]
    missing = sum(1 for r in oit_rows(w) if r.status_key is None)
    if missing:
        out.append(w.text(words["no_status"], {"n": w.d(missing)}))
    return out


def oit_columns(w: Writer, *, wide: bool = True) -> list[str]:
    """The checklist's columns: ``oit_followup.columns`` as given, else every column of `OIT_COLUMNS`
    that holds something in some row (the note only when ``wide``)."""
    given = w.c.oit_followup.columns if w.c.oit_followup else None
    if given:
        return list(given)
    rows = oit_rows(w)
    filled = {
        "number": True,
        "item": any(r.item for r in rows),
        "title": True,
        "score": any(r.score is not None for r in rows),
        "status": any(r.status for r in rows),
        "responsible": any(r.responsible for r in rows),
        "note": wide and any(r.note for r in rows),
    }
    return [c for c in OIT_COLUMNS if filled[c]]


def oit_cells(w: Writer, i: int, r: OitRow) -> dict[str, str]:
    """The printed cells of checklist row ``i`` (1-based), by column name (`OIT_COLUMNS`)."""
    return {
        "number": w.d(i),
        "item": thaifmt.item_code(r.item, digits=w.digits) if r.item else "",
        "title": oit_row_title(w, r),
        "score": item_score(w, r.score),
        "status": w.text(r.status_label),
        "responsible": w.text(w.c.division(r.responsible).name) if r.responsible else "",
        "note": w.text(r.note) if r.note else "",
    }


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


def oit_counted(w: Writer) -> int:
    """How many rows are counted in the summary (those with a status)."""
    return sum(n for _, n in oit_counts(w))


def oit_row_title(w: Writer, row: OitRow) -> str:
    """The row's own title, else the framework's title of its item (digits as the document says)."""
    return w.text(row.title or (oit_title(w.c, row.item) if row.item is not None else None) or "")


# --------------------------------------------------------------------------- tables


def _table(
    w: Writer,
    header: list[str],
    rows: list[list[str]],
    ratios: list[float],
    width: int,
    centred: tuple[int, ...] = (),
    *,
    keep: bool = False,
) -> list[Para | str]:
    """A bordered table ``width`` twips wide, columns in proportion to ``ratios``; ``centred`` columns
    (numbers and scores: one rule for every score table). ``keep`` keeps a short table on one page."""
    total = sum(ratios)
    widths = [int(width * r / total) for r in ratios]
    align = ["center" if i in centred else None for i in range(len(ratios))]
    return [
        ooxml.table_xml(
            header, rows, style=TABLE, cell_style=CELL, widths=widths, align=align, keep_together=keep
        ),
        Para(FLUSH),
    ]


def _caption(text: str, shown: bool = True) -> list[Para | str]:
    return [Para(CAPTION, [Run(text, bold=True)], keep_next=True)] if shown else []


def scores(w: Writer, width: int, *, caption: bool = True) -> list[Para | str]:
    """The score box (overall, level) and the tool table, as in the analysis report (seed 002)."""
    a = w.assessment
    fw = analysis.rules(a.year, w.c.framework_year)
    total, level = analysis.overall(a, fw), analysis.level(a, fw)
    words = _words()["scores"]
    if a.scored:
        score = w.score(total) if total is not None else "-"
        result = words["result"].format(score=score, level=level or "-")
    else:  # a roll-over's skeleton: nothing entered yet
        result = words["not_scored"]
    out: list[Para | str] = []
    if caption:
        out += [
            Para(
                CAPTION,
                [Run(thaifmt.keep_together(words["caption"].format(year=w.d(a.year))), bold=True)],
                keep_next=True,
            ),
            Para(CAPTION, [Run(thaifmt.keep_together(result), bold=True)], keep_next=True),
        ]
    rows = tool_rows(w)
    if rows:
        out += _table(
            w,
            [h.format(full=w.d(100)) for h in words["header"]],
            [[r["label"], r["score"], r["weight"], r["weighted"]] for r in rows],
            [6.0, 3.5, 3.0, 3.5],
            width,
            (1, 2, 3),
            keep=True,
        )
    return out


def indicators(w: Writer, width: int, *, caption: bool = True) -> list[Para | str]:
    """The indicators in framework order: number, name, tool, score."""
    a = w.assessment
    fw = analysis.rules(a.year, w.c.framework_year)
    rows = [
        [
            w.d(n),
            analysis.indicator_name(a, fw, n),
            TOOL_LABELS[fw.indicators[n].tool],
            w.score(a.indicators[n]),
        ]
        for n in fw.indicators
        if n in a.indicators
    ]
    words = _words()["indicators"]
    return _caption(words["caption"], caption) + _table(
        w, words["header"], rows, [1.2, 9.0, 2.3, 2.5], width, (0, 2, 3), keep=True
    )


def _ranked(
    w: Writer,
    caption: str,
    rows: list[analysis.RankedIndicator],
    width: int,
    *,
    lowest_first: bool,
    shown: bool = True,
) -> list[Para | str]:
    cells = [[r["rank"], r["name"], r["score"]] for r in ranking_rows(w, rows, lowest_first=lowest_first)]
    return _caption(caption, shown) + _table(
        w, _words()["ranked"]["header"], cells, [2.0, 10.0, 3.0], width, (0, 2), keep=True
    )


def ranking(w: Writer, width: int, *, caption: bool = True) -> list[Para | str]:
    """Every indicator by score, highest first (อันดับที่ ๑ = highest)."""
    a = w.assessment
    rows = analysis.ranking(a, analysis.rules(a.year, w.c.framework_year))
    return _ranked(w, _words()["ranked"]["ranking"], rows, width, lowest_first=False, shown=caption)


def lowest(w: Writer, width: int, *, caption: bool = True) -> list[Para | str]:
    """The three lowest indicators, อันดับที่ ๑ = the lowest (docs/domain.md, "Analysis presentations")."""
    a = w.assessment
    rows = analysis.lowest(a, analysis.rules(a.year, w.c.framework_year), 3)
    title = _words()["ranked"]["lowest"].format(n=w.d(len(rows)))
    return _ranked(w, title, rows, width, lowest_first=True, shown=caption)


def below_pass(w: Writer, width: int, *, caption: bool = True) -> list[Para | str]:
    """Indicators below the year's pass mark, lowest first; one sentence when there is none."""
    a = w.assessment
    fw = analysis.rules(a.year, w.c.framework_year)
    rows = list(reversed(analysis.below_pass(a, fw)))
    mark = w.d(int(fw.pass_mark))
    words = _words()["ranked"]
    if not rows:
        return [Para(FLUSH, [Run(thaifmt.keep_together(words["none_below_pass"].format(mark=mark)))])]
    title = thaifmt.keep_together(words["below_pass"].format(mark=mark))
    return _ranked(w, title, rows, width, lowest_first=True, shown=caption)


# Relative width of each checklist column (`OIT_COLUMNS`); their headers are in phrases/tables.yaml.
OIT_WIDTHS = {
    "number": 0.9,
    "item": 1.5,
    "title": 5.0,
    "score": 1.8,
    "status": 3.6,
    "responsible": 3.2,
    "note": 4.5,
}
OIT_CENTRED = ("number", "item", "score")
OIT_WRAPPED = ("title", "responsible")  # broken between words, never inside a name (`Writer.guard`)


def oit_followup(w: Writer, width: int, *, caption: bool = True) -> list[Para | str]:
    """The OIT follow-up checklist (columns of `oit_columns`) and the number of items per status (docs/domain.md)."""
    year = w.d(oit_year(w.c))
    columns = oit_columns(w, wide=width >= 12000)  # landscape: room for the note (URL)
    words = _words()["oit"]
    header = [words["header"][c].format(year=year) for c in columns]
    ratios = [OIT_WIDTHS[c] for c in columns]
    twips = {c: int(width * OIT_WIDTHS[c] / sum(ratios)) - 230 for c in columns}  # less the cell margins
    rows = [
        [w.guard(cells[c], twips[c]) if c in OIT_WRAPPED else cells[c] for c in columns]
        for cells in (oit_cells(w, i, r) for i, r in enumerate(oit_rows(w), 1))
    ]
    oit = w.c.oit_followup
    title = w.text(oit.title) if oit and oit.title else words["caption"]
    out = _caption(title, caption)
    out += _table(w, header, rows, ratios, width, tuple(i for i, c in enumerate(columns) if c in OIT_CENTRED))
    out += status_summary(w, min(width, 9072))
    return out


def status_summary(w: Writer, width: int) -> list[Para | str]:
    """Counts per status with their share (ร้อยละ) and the total, kept on one page, then the notes
    on merged synonyms and items without a status (`oit_summary_notes`)."""
    rows = [list(r) for r in oit_summary(w)]
    if not rows:
        return []
    words = _words()["oit"]
    rows.append([f"**{words['total']}**", f"**{w.d(oit_counted(w))}**", f"**{w.d('100.00')}**"])
    out = _caption(words["summary_caption"])
    out += _table(w, words["summary_header"], rows, [8.0, 3.0, 3.0], width, (1, 2), keep=True)
    notes = oit_summary_notes(w)
    if notes:
        out.pop()  # the notes follow the table directly
        out += [Para(FLUSH, runs_from_markup(t)) for t in notes] + [Para(FLUSH)]
    return out


def _committee(w: Writer) -> Committee:
    if w.committee is None:
        raise LookupError("no committee in scope")
    return w.committee


def members(w: Writer, width: int, *, caption: bool = True) -> list[Para | str]:
    """The appointing order (คำสั่ง ... ที่ ... ลงวันที่ ... เรื่อง ...) and the members: name, position, role.

    ``caption=False`` leaves out the order line (the text already names the order). A member
    known by position only is printed under ตำแหน่ง with the name cell empty.
    """
    committee = _committee(w)
    out: list[Para | str] = []
    order = committee.order
    words = _words()["members"]
    if order is not None and caption:
        line = words["order"].format(
            issuer=w.text(order.issuer or w.c.organisation.name), number=w.d(order.number)
        )
        if order.date:
            line += words["order_date"].format(date=thaifmt.date_long(order.date, digits=w.digits))
        if order.subject:
            line += words["order_subject"].format(subject=w.text(order.subject))
        out.append(Para(FLUSH, runs_from_markup(thaifmt.keep_together(line)), keep_next=True))
    ratios = [1.0, 5.0, 6.0, 4.0]
    twips = [int(width * r / sum(ratios)) - 230 for r in ratios]  # less the cell margins
    rows = [
        [
            w.d(i),
            *(
                "\n".join(w.guard(line, t) for line in cell.split("\n"))
                for cell, t in zip(member_cells(w, m), twips[1:])
            ),
        ]
        for i, m in enumerate(committee.members, 1)
    ]
    return out + _table(w, words["header"], rows, ratios, width, (0,))


def duties(w: Writer, width: int, *, caption: bool = True) -> list[Para | str]:
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
    return {"oit_followup": "oit_followup", "members": "committee", "duties": "committee"}.get(
        name, "assessment"
    )
