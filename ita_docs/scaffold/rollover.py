"""`next_year`: next year's content set from this year's.

`next_year` keeps the text of the carried sections as written, comments included:
each file is cut at its top-level keys (located by PyYAML's node marks) and only
the kept keys' lines are copied, so no YAML is re-emitted. What is carried, made
anew and left behind is in `CARRIED`, `RENEWED`, `DROPPED` (a test checks that
every field of `Content` is in one of them). The files are written whole or not at
all by `ita_docs.scaffold.writing.write_set`.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..analyse import rules as analysis
from ..errors import ContentError, ContentErrors, Location
from ..load.loader import LoadedContent
from ..load.validate import PLACEHOLDER, load
from ..messages import msg
from ..model import Assessment, Content
from .writing import SCHEMA_LINE, TextDates, assessment_yaml, check_target, no_framework, thai_year, write_set

PLACEHOLDER_OUTPUT = f"…ผลการดำเนินการ {PLACEHOLDER}"
"""The output each measure of the new results skeleton starts with, for the clerk to replace."""

CARRIED = (
    "fiscal_year",
    "framework_year",
    "digits",
    "document_digits",
    "organisation",
    "item_titles",
    "measures",
    "measure_plan",
    "committees",
    "templates",
)
"""Top-level keys `next_year` copies as written (``fiscal_year`` + 1)."""
SHIFTED = ("measures", "measure_plan")
"""Carried keys that are next year's plan: every year in them moves one year on (`shift_years`);
in the other carried keys only the comments above the first key (a file's heading) move."""
RENEWED = ("assessment", "measure_results")
"""Top-level keys `next_year` writes anew: the placeholder of the next results and the results skeleton."""
DROPPED = ("analysis_report", "analysis_slides", "memos", "minutes", "oit_followup", "obstacles")
"""Top-level keys that belong to the old year and are not carried."""

_LABELS = {
    "analysis_report": "รายงานการวิเคราะห์ผลการประเมิน (analysis_report)",
    "memos": "บันทึกข้อความ (memos)",
    "minutes": "รายงานการประชุม (minutes)",
    "oit_followup": "ตารางติดตาม OIT (oit_followup)",
    "obstacles": "ปัญหาและอุปสรรค (obstacles)",
    "analysis_slides": "สไลด์นำเสนอผลการวิเคราะห์ (analysis_slides)",
    "assessment": "ผลการประเมิน (assessment)",
    "measure_results": "รายงานผลการดำเนินการ (measure_results)",
}


def _blocks(text: str) -> list[tuple[str, int, int]] | None:
    """Each top-level key of a YAML file with its line span ``[start, end)``, or None.

    A key's span starts at the comment lines right above it (the first key's at the
    top of the file) and ends where the next key's starts. None when the file is not
    one block mapping of plain keys.
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(node, yaml.MappingNode) or node.flow_style:
        return None
    lines = text.splitlines(keepends=True)
    starts: list[tuple[str, int]] = []
    for knode, _ in node.value:
        if not isinstance(knode, yaml.ScalarNode) or knode.tag == "tag:yaml.org,2002:merge":
            return None
        line = knode.start_mark.line
        if starts and line == starts[-1][1]:
            return None
        starts.append((str(knode.value), line))
    spans: list[tuple[str, int]] = []
    for i, (key, line) in enumerate(starts):
        start = line
        if i == 0:
            start = 0
        else:
            col = len(lines[line]) - len(lines[line].lstrip())
            while (
                start - 1 > starts[i - 1][1]
                and lines[start - 1].lstrip().startswith("#")
                and (len(lines[start - 1]) - len(lines[start - 1].lstrip()) <= col)
            ):
                start -= 1
        spans.append((key, start))
    return [
        (key, start, spans[i + 1][1] if i + 1 < len(spans) else len(lines))
        for i, (key, start) in enumerate(spans)
    ]


# --------------------------------------------------------------------------- moving years on

_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_MONTHS = "ม.ค.|ก.พ.|มี.ค.|เม.ย.|พ.ค.|มิ.ย.|ก.ค.|ส.ค.|ก.ย.|ต.ค.|พ.ย.|ธ.ค."
_YEAR = re.compile(
    r"(?<![0-9๐-๙])(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?![0-9])"  # a date 2566-04-15
    r"|(?<![0-9๐-๙])(?P<year>[0-9]{4}|[๐-๙]{4})(?![0-9๐-๙])"  # a year 2566, ๒๕๖๖, m2566-o2
    rf"|(?P<month>(?:{_MONTHS})\s*)(?P<short>[0-9]{{2}}|[๐-๙]{{2}})(?![0-9๐-๙])"  # ๑๕ เม.ย. ๖๖
)


def shift_years(text: str, old_fy: int) -> str:
    """``text`` with every BE year near ``old_fy`` moved one year on, in the digits it was written in.

    Moved: four-digit years from ``old_fy - 2`` to ``old_fy + 1`` (Arabic or Thai
    digits, also inside ids such as ``m2566-o2``), dates ``2566-04-15`` (29 February
    becomes the 28th) and two-digit years after a month abbreviation (``เม.ย. ๖๖``).
    Other numbers and older years (a law of พ.ศ. ๒๕๔๐) are kept.

    >>> shift_years("m2566-o2 ภายใน 2566-02-29 (๓๑ มี.ค. ๖๖) ปี ๒๕๖๖ พ.ร.บ. พ.ศ. ๒๕๔๐", 2566)
    'm2567-o2 ภายใน 2567-02-28 (๓๑ มี.ค. ๖๗) ปี ๒๕๖๗ พ.ร.บ. พ.ศ. ๒๕๔๐'
    """
    window = range(old_fy - 2, old_fy + 2)

    def move(m: re.Match[str]) -> str:
        if m["date"]:
            y, rest = int(m["date"][:4]), m["date"][4:]
            if y not in window:
                return m[0]
            return f"{y + 1}{'-02-28' if rest == '-02-29' else rest}"
        if m["year"]:
            thai = not m["year"].isascii()
            y = int(m["year"].translate(_ARABIC))
            if y not in window:
                return m[0]
            return str(y + 1).translate(_THAI) if thai else str(y + 1)
        short = m["short"]
        thai = not short.isascii()
        full = old_fy // 100 * 100 + int(short.translate(_ARABIC))
        if full not in window:
            return m[0]
        new = f"{(full + 1) % 100:02d}"
        return m["month"] + (new.translate(_THAI) if thai else new)

    return _YEAR.sub(move, text)


def _carry(text: str, new_fy: int) -> tuple[str | None, bool]:
    """The kept part of one file, ``fiscal_year`` set to ``new_fy``; and whether comments were kept.

    Returns ``(None, True)`` when nothing of the file is carried.
    """
    blocks = _blocks(text)
    if blocks is None:
        return _carry_data(text, new_fy), False
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(node, yaml.MappingNode):  # never: `_blocks` found one block mapping
        return _carry_data(text, new_fy), False
    lines = text.splitlines(keepends=True)
    for knode, vnode in node.value:
        if (
            knode.value == "fiscal_year"
            and isinstance(vnode, yaml.ScalarNode)
            and vnode.start_mark.line == vnode.end_mark.line
        ):
            i = vnode.start_mark.line
            lines[i] = lines[i][: vnode.start_mark.column] + str(new_fy) + lines[i][vnode.end_mark.column :]
    first = next(
        (i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), len(lines)
    )
    for i in range(first):  # the file's heading
        lines[i] = shift_years(lines[i], new_fy - 1)
    for key, start, end in blocks:
        if key in SHIFTED:
            for i in range(max(start, first), end):
                lines[i] = shift_years(lines[i], new_fy - 1)
    kept = [line for key, start, end in blocks if key not in RENEWED + DROPPED for line in lines[start:end]]
    kept = [line for line in kept if not line.lstrip().startswith("# yaml-language-server:")]
    if not any(line.strip() and not line.lstrip().startswith("#") for line in kept):
        return None, True
    out = "".join(kept).strip("\n") + "\n"
    return out, True


def _carry_data(text: str, new_fy: int) -> str | None:
    """Fallback for a file `_blocks` cannot cut: its kept keys re-written as YAML (comments lost)."""
    data = yaml.load(text, Loader=TextDates)
    kept = {k: v for k, v in data.items() if k not in RENEWED + DROPPED}
    if not kept:
        return None
    if "fiscal_year" in kept:
        kept["fiscal_year"] = new_fy
    out = yaml.safe_dump(
        {k: v for k, v in kept.items() if k not in SHIFTED}, allow_unicode=True, sort_keys=False, width=10_000
    )
    plan = {k: v for k, v in kept.items() if k in SHIFTED}
    if plan:
        out = (out if out.strip() != "{}" else "") + shift_years(
            yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=10_000), new_fy - 1
        )
    return out


def _measure_order(c: Content) -> list[str]:
    """Measure ids in the order the documents list them: plan, analysis report, old results, then the rest."""
    ids: list[str] = []
    groups = (c.measure_plan.groups if c.measure_plan else []) + (
        c.analysis_report.next_year.groups if c.analysis_report else []
    )
    for mid in (
        [m for g in groups for m in g.measures]
        + [r.measure for r in (c.measure_results.results if c.measure_results else [])]
        + [m.id for m in c.measures]
    ):
        if mid not in ids:
            ids.append(mid)
    return ids


def _results_yaml(c: Content, new_fy: int) -> str:
    old_fy = new_fy - 1
    lines = [
        f"# รายงานผลการดำเนินการตามมาตรการ ประจำปีงบประมาณ พ.ศ. {thai_year(new_fy)}: โครงร่างจาก ita-docs next-year",
        "# หนึ่งรายการต่อมาตรการใน measures (ตามลำดับในมาตรการและรายงานการวิเคราะห์ของปีที่แล้ว)",
        f'# แก้ "{PLACEHOLDER_OUTPUT}" เป็นผลการดำเนินการจริง เพิ่มวันที่ได้ เช่น {{text: ..., date: {new_fy}-03-31}}',
        "# เพิ่ม outcome (ผลลัพธ์) และ citations (คะแนนรายข้อที่อ้าง) ได้ ลบมาตรการที่ไม่รายงานออกได้",
        "measure_results:",
        "  results:",
    ]
    for mid in _measure_order(c):
        title = shift_years(" ".join(c.measure(mid).title[:1]), old_fy)
        title = title if len(title) <= 60 else title[:57] + "..."
        new_id = shift_years(mid, old_fy)
        lines += [
            f"    - measure: {new_id}   # {title}".rstrip(),
            "      outputs:",
            f'        - "{PLACEHOLDER_OUTPUT}"',
        ]
    return "\n".join(lines) + "\n"


def next_year(src: Path, dst: Path) -> list[Path]:
    """Roll the content set ``src`` forward into the new folder ``dst``; return the files written.

    Year semantics: the documents of fiscal year N analyse the assessment of N - 1
    and plan (and report the measures of) N. Carried as written, comments included
    (`CARRIED`): organisation (divisions, people), committees, measures and the
    measure plan, settings; ``fiscal_year`` + 1; in the measures and the plan every
    year moves one on (ids ``m2566-o2`` -> ``m2567-o2``, titles, periods, dates:
    `shift_years`), and so do the files' heading comments. Made anew (`RENEWED`):
    ``assessment`` of year N - 1 with every score left blank (not 0: a set without
    scores builds no analysis report and says so) whose ``previous`` holds the old
    year's overall score (given, else computed by `ita_docs.analyse.rules`) and the
    older ones; ``measure_results``, one entry per measure with an output to fill
    in (`PLACEHOLDER_OUTPUT`, a `check` warning until replaced). Left behind
    (`DROPPED`): analysis report and its slides, memos, minutes, OIT checklist, obstacles; every
    new file says so at its top. The emblem image is copied.

    Raises `ContentErrors` when ``src`` does not load or the next assessed year has
    no framework data, `OutputError` when ``dst`` is not empty; nothing is written then.
    """
    src, dst = Path(src), Path(dst)
    loaded: LoadedContent = load(src)
    c = loaded.content
    check_target(dst)
    old_fy, new_fy = c.fiscal_year, c.fiscal_year + 1
    if new_fy > 2700:
        raise ContentErrors(
            [ContentError(msg("range_le", limit=2700, input=new_fy), Location(field="fiscal_year"))]
        )

    present = set(c.model_fields_set)
    dropped = [k for k in DROPPED if k in present]
    note = [
        f"# ยกมาจาก {loaded.root.name} (ปีงบประมาณ พ.ศ. {thai_year(old_fy)}) ด้วย ita-docs next-year สำหรับปีงบประมาณ พ.ศ. {thai_year(new_fy)}",
    ]
    if dropped:
        note.append("# ไม่ยกมา (เป็นของปีเดิม): " + ", ".join(_LABELS[k] for k in dropped))
    note.append("# ผลการประเมินและรายงานผลเขียนใหม่ใน assessment.yaml และ measure_results.yaml")
    note.append(f"# ปี พ.ศ. ในมาตรการ (รหัส ชื่อ ระยะเวลา) เลื่อนเป็นปี {thai_year(new_fy)} แล้ว: ตรวจทานอีกครั้ง")
    header = SCHEMA_LINE + "\n".join(note) + "\n"

    files: dict[str, str] = {}
    for file in loaded.files:
        text = file.read_bytes().decode("utf-8-sig")
        kept, comments = _carry(text, new_fy)
        if kept is None:
            continue
        extra = "" if comments else "# (ความเห็นของไฟล์เดิมไม่ได้ยกมา: จัดรูปแบบไฟล์ใหม่)\n"
        files[file.name] = header + extra + "\n" + kept

    # The next results: a skeleton without scores; this year's overall score goes to `previous`.
    previous: dict[int, float] = {}
    notes: list[str] = [
        f"# เขียนใหม่โดย ita-docs next-year: เอกสารปีงบประมาณ {thai_year(new_fy)} วิเคราะห์ผลการประเมินปี {thai_year(old_fy)}"
    ]
    next_assessed = old_fy  # the documents of fiscal year N analyse the assessment of N - 1
    if c.assessment:
        a = c.assessment
        previous.update(a.previous)
        fw = analysis.framework(a.year)
        given = "overall" in a.model_fields_set  # loading may have filled it in (analysis.complete)
        total = a.overall if a.overall is not None else _computed_overall(a, fw)
        if total is not None and a.scored:
            previous[a.year] = round(total, 2)
            how = "ตามที่ประกาศ" if given else "คำนวณจากคะแนนตามเกณฑ์"
            notes.append(
                f"# previous: คะแนนรวมปี {thai_year(a.year)} ({how}) ยกมาจากเนื้อหาเดิม พร้อมคะแนนของปีก่อนหน้า"
            )
    if next_assessed not in analysis.framework_years():
        raise no_framework(next_assessed, "assessment.year")
    new_files = {
        "assessment.yaml": assessment_yaml(next_assessed, previous, notes),
        "measure_results.yaml": _results_yaml(c, new_fy) if c.measures else None,
    }
    for name, block in new_files.items():
        if block is None:
            continue
        if name in files:  # the old file keeps other keys: the new block goes after them
            files[name] = files[name].rstrip("\n") + "\n\n" + block
        else:
            files[name] = header + "\n" + block

    copies: dict[str, Path] = {}
    if c.organisation.emblem:
        copies[c.organisation.emblem] = loaded.root / c.organisation.emblem
    return write_set(dst, files, copies)


def _computed_overall(a: Assessment, fw: analysis.Framework) -> float | None:
    """The overall score the content left out, by `ita_docs.analyse.rules` (the year's rule)."""
    compute = getattr(analysis, "computed_overall", None)  # the tool-weighted rule, where analysis has it
    return compute(a, fw) if compute else analysis.weighted_overall(a, fw)
