"""A set page's sections, in the order a clerk works, and the data of the hand-made widgets.

Sections (issue 15, item 3): หน่วยงาน, ผลคะแนน ITA, มาตรการ, ผลการดำเนินการ,
บันทึกข้อความ, คณะกรรมการและรายงานการประชุม, ตารางติดตาม OIT, รายงานการวิเคราะห์;
then whatever top-level keys are left (อื่น ๆ). The generic forms come from
`ita_docs.web.forms`; three widgets are made by hand because a generic form would
not serve: the score table (`scores`), attendance ticked from the committee
(`attendance`) and the OIT checklist (`oit_rows`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..analyse import rules as analysis
from ..model import Content
from ..model.oit_followup import OIT_STATUS
from . import forms
from .store import as_dict
from .workspace import Problem

TOOLS = ("iit", "eit", "oit")


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    keys: tuple[str, ...]
    widget: str = ""
    hidden: tuple[str, ...] = ()
    """Keys of the section's top-level mapping that its widget edits (left out of the generic form)."""


SECTIONS = (
    Section("org", "หน่วยงาน", ("fiscal_year", "digits", "organisation")),
    Section(
        "scores",
        "ผลคะแนน ITA",
        ("assessment",),
        "scores",
        ("year", "overall", "level", "tools", "indicators", "previous"),
    ),
    Section("measures", "มาตรการและแผนมาตรการ", ("measures", "measure_plan")),
    Section("results", "ผลการดำเนินการตามมาตรการ", ("measure_results",)),
    Section("memos", "บันทึกข้อความ", ("memos",)),
    Section("meetings", "คณะกรรมการและรายงานการประชุม", ("committees", "minutes"), "attendance"),
    Section("oit", "ตารางติดตามการเปิดเผยข้อมูล OIT", ("oit_followup",), "oit"),
    Section("report", "รายงานการวิเคราะห์ผลการประเมิน", ("analysis_report", "obstacles")),
)
OTHER = Section("other", "อื่น ๆ", ())


def section(sid: str) -> Section:
    for s in (*SECTIONS, OTHER):
        if s.id == sid:
            return s
    raise KeyError(sid)


def section_of(path: str) -> Section:
    top = path.split(".", 1)[0]
    return next((s for s in SECTIONS if top in s.keys), OTHER)


def other_keys(data: dict[str, Any]) -> list[str]:
    known = {k for s in SECTIONS for k in s.keys}
    return [k for k in data if k not in known]


def generic(
    sec: Section, data: dict[str, Any], expand: set[str] | frozenset[str] = frozenset()
) -> list[forms.Field | forms.Group]:
    """The generic form nodes of a section (keys present in the YAML; the organisation and the
    fiscal year always); list items whose path is in ``expand`` offer every field of their model."""
    keys = list(sec.keys) if sec.id != OTHER.id else other_keys(data)
    nodes: list[forms.Field | forms.Group] = []
    for key in keys:
        if (key not in data or data[key] == []) and key not in {"fiscal_year", "organisation"}:
            continue  # not started: an "add" button (`addable`)
        node = forms.build(
            key, key, data.get(key), forms.field_type(Content, key), model=Content, expand=expand
        )
        if sec.hidden and isinstance(node, forms.Group):
            node.children = [c for c in node.children if c.key not in sec.hidden]
        nodes.append(node)
    return nodes


def addable(sec: Section, data: dict[str, Any]) -> list[tuple[str, str]]:
    """(key, Thai label) of the section's lists the set has not started yet (an "add" button each)."""
    import typing

    out = []
    for key in sec.keys:
        tp = forms.field_type(Content, key)
        if typing.get_origin(tp) is list and not data.get(key):
            out.append((key, forms.label_of(Content, key)[0]))
    return out


def _framework(year: Any) -> analysis.Framework | None:
    try:
        return analysis.framework(int(year))
    except (KeyError, TypeError, ValueError):
        return None


@dataclass
class ScoreRow:
    number: int
    name: str
    tool: str
    value: Any
    path: str


@dataclass
class Scores:
    """The score table: year, overall, level, tool scores, ten indicators, previous years."""

    present: bool
    year: Any = None
    overall: Any = None
    level: Any = None
    tools: dict[str, Any] = field(default_factory=dict)
    rows: list[ScoreRow] = field(default_factory=list)
    previous: list[tuple[str, Any]] = field(default_factory=list)
    computed_overall: float | None = None
    computed_level: str | None = None


def scores(data: dict[str, Any]) -> Scores:
    a = data.get("assessment")
    if not isinstance(a, dict):
        return Scores(False)
    fw = _framework(a.get("year"))
    indicators = as_dict(a.get("indicators"))
    numbers = (
        list(fw.indicators)
        if fw
        else sorted({int(k) for k in indicators if str(k).isdigit()} | set(range(1, 11)))
    )
    rows = []
    for n in numbers:
        spec = fw.indicators.get(n) if fw else None
        rows.append(
            ScoreRow(
                n,
                spec.name if spec else "",
                spec.tool.upper() if spec else "",
                indicators.get(str(n), indicators.get(n)),
                f"assessment.indicators.{n}",
            )
        )
    tools = as_dict(a.get("tools"))
    previous = as_dict(a.get("previous"))
    out = Scores(
        True,
        a.get("year"),
        a.get("overall"),
        a.get("level"),
        {t: tools.get(t) for t in TOOLS},
        rows,
        [(str(k), v) for k, v in previous.items()],
    )
    try:
        model = Content.model_validate(data).assessment
    except ValidationError:  # a draft with problems has no computed figures; the problems say why
        model = None
    if model is not None and fw is not None:
        out.computed_overall = analysis.computed_overall(model, fw)
        out.computed_level = analysis.computed_level(model, fw)
    return out


@dataclass
class AttendanceRow:
    member: str
    label: str
    present: bool
    absent: bool
    name: str
    reason: str


@dataclass
class Meeting:
    index: int
    title: str
    rows: list[AttendanceRow]


def who(entry: Any) -> str:
    """The member a ``present``/``absent`` entry names: the string itself, or its member, ref or person."""
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict):
        return str(entry.get("member") or entry.get("ref") or entry.get("person") or "")
    return ""


def attendance(data: dict[str, Any]) -> list[Meeting]:
    """Per meeting, the members of its committee, ticked present or absent from its lists."""
    committees = {c.get("id"): c for c in data.get("committees") or [] if isinstance(c, dict)}
    people = {
        p.get("id"): p for p in (data.get("organisation") or {}).get("people") or [] if isinstance(p, dict)
    }
    out = []
    for i, m in enumerate(data.get("minutes") or []):
        if not isinstance(m, dict):
            continue
        committee = committees.get(m.get("committee"), {})
        present = {who(e): e for e in m.get("present") or []}
        absent = {who(e): e for e in m.get("absent") or []}
        rows = []
        for member in committee.get("members") or []:
            if not isinstance(member, dict) or not member.get("id"):
                continue
            mid = str(member["id"])
            person = people.get(member.get("person"), {})
            label = " ".join(
                str(x)
                for x in (
                    member.get("name") or person.get("name") or "",
                    member.get("position") or person.get("position") or "",
                )
                if x
            )
            p, a = present.get(mid), absent.get(mid)
            rows.append(
                AttendanceRow(
                    mid,
                    label or mid,
                    p is not None,
                    a is not None,
                    str(p.get("name") or "") if isinstance(p, dict) else "",
                    str(a.get("reason") or "") if isinstance(a, dict) else "",
                )
            )
        title = str(
            m.get("title") or committee.get("name") or m.get("committee") or f"การประชุมรายการที่ {i + 1}"
        )
        out.append(Meeting(i, f"{title} ({m['date']})" if m.get("date") else title, rows))
    return out


@dataclass
class OitRow:
    item: str
    title: str
    index: int | None
    score: Any
    status: Any
    responsible: Any
    note: Any


@dataclass
class Oit:
    present: bool
    year: Any
    base: str
    rows: list[OitRow]
    statuses: list[str]
    divisions: list[tuple[str, str]]


def oit_rows(data: dict[str, Any]) -> Oit:
    """The OIT checklist: one row per OIT item of the year's list, with the row written in the YAML if any."""
    f = data.get("oit_followup")
    rows_data = f if isinstance(f, list) else (f.get("rows") if isinstance(f, dict) else None) or []
    base = "oit_followup" if isinstance(f, list) else "oit_followup.rows"
    year = f.get("year") if isinstance(f, dict) else None
    year = year or (data.get("assessment") or {}).get("year")
    fw = _framework(year)
    titles = {
        **(fw.items if fw else {}),
        **{str(k): str(v) for k, v in (data.get("item_titles") or {}).items()},
    }
    codes = [c for c in titles if c.startswith("o")]
    written = {str(r.get("item")): (i, r) for i, r in enumerate(rows_data) if isinstance(r, dict)}
    codes += [c for c in written if c not in codes]
    rows = []
    for code in codes:
        i, r = written.get(code, (None, {}))
        status = r.get("status")
        rows.append(
            OitRow(
                code,
                titles.get(code, ""),
                i,
                r.get("score"),
                OIT_STATUS.get(str(status), status),
                r.get("responsible"),
                r.get("note"),
            )
        )
    divisions = [
        (str(d.get("id")), str(d.get("name")))
        for d in (data.get("organisation") or {}).get("divisions") or []
        if isinstance(d, dict)
    ]
    return Oit(f is not None, year, base, rows, list(OIT_STATUS.values()), divisions)


def problems_by_field(
    problems: list[Problem], paths: set[str]
) -> tuple[dict[str, list[Problem]], dict[str, list[Problem]]]:
    """(problems at a field shown on the page, by path; the others, by section id).

    A problem whose field is not shown goes to its nearest shown parent when there is one."""
    at: dict[str, list[Problem]] = {}
    rest: dict[str, list[Problem]] = {}
    for p in problems:
        f = p.field
        while f and f not in paths:
            f = f.rsplit(".", 1)[0] if "." in f else ""
        if f:
            at.setdefault(f, []).append(p)
        else:
            rest.setdefault(section_of(p.field).id if p.field else "", []).append(p)
    return at, rest


__all__ = [
    "OTHER",
    "SECTIONS",
    "Section",
    "addable",
    "attendance",
    "generic",
    "oit_rows",
    "problems_by_field",
    "scores",
    "section",
    "section_of",
    "who",
]
