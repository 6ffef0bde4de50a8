"""Official memos (บันทึกข้อความ).

Layout follows ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ พ.ศ. ๒๕๒๖ (and
amendments) as summarised in ``docs/domain.md``; wording of the presets
follows seed 001 (the memo of เทศบาลตำบลเมืองแกลง announcing its 2565 measures).

A preset fills the memo's subject, body, closing and attachments with standard
wording computed from the content; anything the memo gives itself overrides
the preset.
"""

from __future__ import annotations

from typing import Any

from .. import thaifmt
from ..analyse.phrases import data_file as phrase_file
from ..load.validate import waits_for_scores
from ..model import Block, Content, Memo
from ..render.ooxml import Para, Run, Xml, parts_xml, runs_from_markup
from .base import DocumentType
from .minutes import minutes_writer
from .prose import BODY, FLUSH, SIGNATURE, Writer, emblem_path

EXECUTIVE = {
    "อบจ.": "นายกองค์การบริหารส่วนจังหวัด",
    "เทศบาลนคร": "นายกเทศมนตรี",
    "เทศบาลเมือง": "นายกเทศมนตรี",
    "เทศบาลตำบล": "นายกเทศมนตรี",
    "อบต.": "นายกองค์การบริหารส่วนตำบล",
    "กรุงเทพมหานคร": "ผู้ว่าราชการกรุงเทพมหานคร",
    "เมืองพัทยา": "นายกเมืองพัทยา",
    "ส่วนราชการ": "หัวหน้าส่วนราชการ",
}
DOCUMENT_ATTACHMENTS = {"analysis_report", "measure_plan", "measure_results"}

# Preset wording is data: ita_docs/phrases/memos.yaml (subject, body, closing, attachments).
PRESETS: dict[str, dict[str, Any]] = phrase_file("memos")
DEFAULT_CLOSING = "จึงเรียนมาเพื่อโปรดทราบและพิจารณา"
LEFT_CENTRE_TAB = [("center", 2835, "none")]  # centre of the left half (5 cm), for endorsements


def resolved(w: Writer, memo: Memo) -> dict[str, Any]:
    """The memo's fields after applying its preset (memo values win)."""
    preset = PRESETS.get(memo.preset or "", {})
    return {
        "subject": memo.subject or preset.get("subject", ""),
        "body": memo.body or [Block(paragraph=t) for t in preset.get("body", [])],
        "closing": memo.closing or preset.get("closing", DEFAULT_CLOSING),
        "attachments": memo.attachments or preset.get("attachments", []),
        "to": memo.to or EXECUTIVE[w.c.organisation.kind],
    }


def preset_names(w: Writer, memo: Memo) -> dict[str, Any]:
    """Names a preset's wording may use besides the content's: ``minutes`` for ``minutes_report``."""
    if memo.preset != "minutes_report" and not memo.minutes:
        return {}
    if not w.c.minutes:
        return {}
    ids = w.c.minutes_ids()
    # The memo's minutes, else the latest meeting.
    index = (
        ids.index(memo.minutes) if memo.minutes else max(range(len(ids)), key=lambda i: w.c.minutes[i].date)
    )
    mw = minutes_writer(w, index)
    return {"minutes": {**mw.facts_cache, "title": mw.title()}}


def attachment_name(w: Writer, name: str, names: dict[str, Any]) -> str:
    """An attachment line: a document's title (``analysis_report``, ``minutes`` ...) or the text given."""
    if name in DOCUMENT_ATTACHMENTS:
        return " ".join(w.title_lines(name))
    if name == "minutes" and "minutes" in names:
        m = names["minutes"]  # a meeting without a number is named by its date
        return f"{m['title']} ครั้งที่ {m['number']}" if m["number"] else f"{m['title']} เมื่อ{m['date']}"
    return w.text(name)


def unit_name(w: Writer, memo: Memo) -> str:
    divisions = {d.id: d.name for d in w.c.organisation.divisions}
    return divisions.get(memo.unit or "", memo.unit or "")


def number_text(w: Writer, memo: Memo) -> str:
    prefix = w.c.organisation.document_prefix
    return f"{prefix}/{memo.number}" if prefix else memo.number


def _signature(w: Writer, person_id: str, style: str, tabs=None, lead: str = "") -> list[Para]:
    """ "(full name)" then the position lines, kept on one page with what precedes them."""
    p = w.c.person(person_id)
    lines = [f"({p.name})", *p.position]
    return [
        Para(style, [Run(lead + w.text(t))], tabs=tabs or [], keep_next=i < len(lines) - 1)
        for i, t in enumerate(lines)
    ]


def memo_context(w: Writer, memo: Memo) -> Any:
    """Context of ``templates/memo.docx``; a function of the template (for the emblem image)."""
    from ..render.docx import inline_image

    names = preset_names(w, memo)
    with w.names(**names):
        values = _memo_values(w, memo, names)
    emblem = emblem_path(w.loaded)

    def build(tpl) -> dict[str, Any]:
        return {**values, "emblem": inline_image(tpl, emblem, 1.5) if emblem and emblem.is_file() else ""}

    return build


def _memo_values(w: Writer, memo: Memo, names: dict[str, Any]) -> dict[str, Any]:
    r = resolved(w, memo)
    org = w.c.organisation
    unit = " ".join(x for x in (unit_name(w, memo), org.name) if x)
    phone = memo.phone or org.phone
    if phone:
        unit += f" โทร. {w.text(phone)}"
    salutation = f"เรียน  {w.text(r['to'])}"
    if memo.via:
        salutation += " ผ่าน " + " ".join(w.text(v) for v in memo.via)
    attachments: list[Para] = []
    lines = [attachment_name(w, a, names) for a in r["attachments"]]
    for i, name in enumerate(lines, 1):
        label = "สิ่งที่ส่งมาด้วย" if i == 1 else ""
        number = w.d(f"{i}. ") if len(lines) > 1 else ""
        attachments.append(
            Para(
                FLUSH,
                [Run(label, True), Run(f"\t{number}{name}")],
                tabs=[("left", 1701, "none")],
                hanging=1701,
                left=1701,
            )
        )
    endorsements: list[Para] = []
    for e in memo.endorsements:
        endorsements.append(Para(FLUSH))
        if e.to:
            endorsements.append(Para(FLUSH, runs_from_markup(f"เรียน  {w.text(e.to)}")))
        endorsements += [Para(FLUSH, runs_from_markup(w.text(t)), left=567) for t in e.lines]
        endorsements.append(Para(FLUSH))
        if e.signature:
            endorsements.append(Para(FLUSH, [Run("\t" + w.text(e.signature))], tabs=LEFT_CENTRE_TAB))
        if e.signer:
            endorsements += _signature(w, e.signer, FLUSH, LEFT_CENTRE_TAB, "\t")
        when = e.date_text or (thaifmt.date_short(e.date, digits=w.digits) if e.date else None)
        if when:
            endorsements.append(Para(FLUSH, [Run("\t" + w.text(when))], tabs=LEFT_CENTRE_TAB))
    return {
        "unit": unit,
        "number": w.d(number_text(w, memo)),
        "date": w.date_long(memo.date),
        "subject": w.text(r["subject"]),
        "salutation": w.xml([Para(FLUSH, runs_from_markup(salutation))], FLUSH),
        "attachments": w.xml(attachments, FLUSH),
        "body": w.blocks_xml(r["body"]),
        "closing": w.xml([w.para(r["closing"], BODY, keep_next=True)]),
        "signature": w.xml(_signature(w, memo.signer, SIGNATURE), SIGNATURE),
        "endorsements": Xml(parts_xml(endorsements), FLUSH),
    }


def memo_of(c: Content, key: str) -> Memo | None:
    """A memo by id or by preset name (the first with that preset)."""
    return next((m for m in c.memos if m.id == key), None) or next(
        (m for m in c.memos if m.preset == key), None
    )


DOCUMENT = DocumentType(
    "memo",
    "memo.docx",
    "บันทึกข้อความ",
    lambda c: any(not waits_for_scores(c, m) for m in c.memos),
    lambda w: [(f"memo-{m.id}.docx", memo_context(w, m)) for m in w.c.memos if not waits_for_scores(w.c, m)],
)
