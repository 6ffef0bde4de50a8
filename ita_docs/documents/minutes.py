"""Minutes of a committee meeting (รายงานการประชุม), one document per meeting.

Layout per ``docs/domain.md`` ("Minutes", after published minutes of ITA
follow-up committees): an optional cover page; the title with the
committee's name, ครั้งที่ n/ปี (numbered per calendar year), the date and the
place; numbered attendance rows (ผู้มาประชุม with substitutes, ผู้ไม่มาประชุม
with reasons, ผู้เข้าร่วมประชุม; "- ไม่มี -" when empty); the start time and the
opening line; ระเบียบวาระที่ ๑..n, each with speaker turns laid out in two
columns without borders (speaker and role left, justified text right), tables
computed from the content, and the resolution line; the closing time; the
signature blocks of the recorder (ผู้จดรายงานการประชุม) and the checker
(ผู้ตรวจรายงานการประชุม). Template: ``templates/minutes.docx``; standard
wording: ``ita_docs/phrases/committee.yaml``.
"""
from __future__ import annotations

from functools import cached_property
from typing import Any

from ..render import ooxml
from .. import thaifmt
from ..model import AgendaItem, AgendaSubItem, Attendee, Committee, Minutes, Who
from ..model.minutes import AGENDA_ORDER, meeting_numbers
from ..render.ooxml import Para, Run, Xml, parts_xml, runs_from_markup
from ..analyse.phrases import data_file as phrase_file
from .base import DocumentType
from .people import Named, resolve
from .prose import FLUSH, PORTRAIT_TWIPS, TITLE, Writer

NUMBER_TWIPS, NAME_TWIPS, POSITION_TWIPS, ROLE_TWIPS = 680, 3062, 2948, 2382  # 1.2 + 5.4 + 5.2 + 4.2 cm
SPEAKER_TWIPS = 2835  # 5 cm: the speaker column of a turn; the text takes the rest
COVER = "ITACover"  # 24 pt bold centred, a style of templates/minutes.docx
LABEL_TWIPS = 1985  # 3.5 cm: where an agenda item's title starts after "ระเบียบวาระที่ ๑"


def phrases() -> dict[str, Any]:
    """The standard wording of minutes (``ita_docs/phrases/committee.yaml``)."""
    return phrase_file("committee")


def _left(text: str, *, bold: bool = False, **kw: Any) -> Para:
    return Para(FLUSH, runs_from_markup(text, bold=bold), jc="left", **kw)


def _none() -> list[Para | str]:
    return [_left(phrases()["none"], left=LABEL_TWIPS)]


class MinutesWriter:
    """Builds the parts of one meeting's minutes with the content's `Writer`."""

    def __init__(self, w: Writer, m: Minutes, number: int):
        self.w, self.m, self.number = w, m, number
        self.committee: Committee = w.c.committee(m.committee)
        self.year = thaifmt.be_year(m.date.year)

    def who(self, x: Who) -> Named:
        """Name, position and role of ``x``; a member named only by position takes the
        name under which the attendance list of this meeting records them."""
        n = resolve(self.w, self.committee, x)
        if not n.name and x.key and x is not None:
            came = next((a for a in (self.m.present or []) if a.key == x.key and a.name), None)
            if came is not None:
                n = Named(self.w.text(came.name), n.position, n.role, n.member)
        return n

    def facts(self) -> dict[str, str]:
        """Names for the wording's ``{{ }}`` and for memos about these minutes."""
        w = self.w
        return {
            "committee": w.text(self.committee.name),
            "organisation": w.c.organisation.name,
            "number": w.d(f"{self.number}/{self.year}"),
            "date": thaifmt.date_full(self.m.date, digits=w.digits),
            "date_long": thaifmt.date_long(self.m.date, digits=w.digits),
            "place": w.text(self.m.place) if self.m.place else "",
            "chair": self.chair(),
        }

    @cached_property
    def facts_cache(self) -> dict[str, str]:
        return self.facts()

    def phrase(self, key: str, **extra: str) -> str:
        return self.w.text(phrases()[key], {**self.facts_cache, **extra})

    def title(self) -> str:
        return self.w.text(self.m.title) if self.m.title else self.phrase("title")

    # ---- attendance

    def present(self) -> list[tuple[Named, Attendee | None]]:
        """Who came: as given, else every member not absent nor replaced by a substitute."""
        if self.m.present is not None:
            return [(self.who(a), a) for a in self.m.present]
        away = {a.key for a in self.m.absent}
        return [(resolve(self.w, self.committee, mem), None) for mem in self.committee.members if not ({mem.id, mem.person} & away)]

    def chair(self) -> str:
        """The name of whoever chaired: the chair member present, or who stood in for the chair."""
        chair = next((mem for mem in self.committee.members if mem.role == "chair"), None)
        for n, a in self.present():
            if chair is not None and (n.member is chair or (a is not None and a.substitute_for in (chair.id, chair.person))):
                return n.label()
        return phrases()["chair_fallback"]

    def attendance(self, rows: list[tuple[Named, Attendee | None]], last: str) -> list[Para | str]:
        """Numbered rows: number, name (or position), position lines, and ``last`` (role, reason or note)."""
        if not rows:
            return _none()
        table = []
        for i, (n, a) in enumerate(rows, 1):
            position = list(n.position) if n.name else list(n.position[1:])
            role = n.role
            if a is not None and a.substitute_for:
                stood_for = self.committee.member(a.substitute_for)
                whom = resolve(self.w, self.committee, stood_for) if stood_for else None
                office = (whom.position[0] if whom.position else whom.label()) if whom else a.substitute_for
                position.append(f"{self.w.text(a.acting or phrases()['substitute'])}{office}")
                role = whom.role if whom else role
            given = {"reason": a.reason, "note": a.note}.get(last) if a is not None else None
            extra = self.w.text(given) if given else role
            table.append([[_left(self.w.d(f"{i}."))], [_left(n.label())], [_left(p) for p in position] or [_left("")], [_left(extra)]])
        widths = [NUMBER_TWIPS, NAME_TWIPS, POSITION_TWIPS, ROLE_TWIPS]
        return [ooxml.grid_xml(table, widths, borders=False, cant_split=True)]

    # ---- agenda

    def agenda(self) -> list[AgendaItem]:
        return list(self.m.agenda) if self.m.agenda is not None else [AgendaItem(kind=k) for k in AGENDA_ORDER]

    def item_title(self, i: int, item: AgendaItem) -> str:
        if item.title:
            return self.w.text(item.title)
        kind = item.kind or AGENDA_ORDER[i]
        given = self.committee.agenda_titles.get(kind)
        return self.w.text(given) if given else phrases()["agenda"][kind]

    def speaker_cell(self, turn_speaker: Who, label: str | None) -> list[Para | str]:
        if label:
            return [_left(self.w.text(label), bold=True)]
        n = self.who(turn_speaker)
        lines = [n.label()] + ([n.role] if n.role else (n.position[:1] if n.name else []))
        return [_left(lines[0], bold=True)] + [_left(t) for t in lines[1:]]

    def resolution(self, text: str) -> str:
        """The standard words for a shorthand (``acknowledge`` → รับทราบ), else the text."""
        return phrases()["resolutions"].get(text, text)

    def discussion(self, sub: AgendaSubItem) -> list[Para | str]:
        """Body prose, then the turns and the resolution in borderless two-column tables.

        A table inside a turn (``{insert: ...}`` or a free table) is placed at
        full width between two such tables, not nested in a cell: a nested
        table cannot break across pages in LibreOffice, does not repeat its
        header row, and docxtpl rewrites the outer table's grid from it.
        """
        w = self.w
        text_width = PORTRAIT_TWIPS - SPEAKER_TWIPS
        out: list[Para | str] = list(w.blocks(sub.body))
        rows: list[list[list[Para | str]]] = []

        def flush() -> None:
            if rows:
                out.append(ooxml.grid_xml(rows, [SPEAKER_TWIPS, text_width], borders=False))
                rows.clear()

        for t in sub.turns:
            left, right = self.speaker_cell(t.speaker, t.label), []
            for b in t.said:
                if b.kind in ("table", "insert"):
                    if left or right:
                        rows.append([left or [Para(FLUSH)], right or [Para(FLUSH)]])
                        left, right = [], []
                    flush()
                    out += w.blocks([b])
                else:
                    right += w.blocks([b], width=text_width - 113, body=FLUSH, compact=True)
            if left or right:
                rows.append([left or [Para(FLUSH)], right or [Para(FLUSH)]])
        if sub.resolution:
            words = [b.model_copy(update={"paragraph": self.resolution(b.paragraph)}) if b.paragraph else b for b in sub.resolution]
            rows.append([[_left(phrases()["resolution_label"], bold=True)], w.blocks(words, width=text_width - 113, body=FLUSH, compact=True)])
        flush()
        if sub.turns or sub.resolution:
            out.append(Para(FLUSH))
        return out + w.blocks(sub.after)

    def agenda_parts(self) -> list[Para | str]:
        w = self.w
        out: list[Para | str] = []
        for i, item in enumerate(self.agenda()):
            label = self.w.text(phrases()["agenda_label"], {"n": w.d(i + 1)})
            out.append(Para(FLUSH, [Run(label, True), Run("\t" + self.item_title(i, item), True)], jc="left",
                            tabs=[("left", LABEL_TWIPS, "none")], left=LABEL_TWIPS, hanging=LABEL_TWIPS, keep_next=True))
            if item.empty:
                out += _none()
                continue
            out += self.discussion(item)
            for k, sub in enumerate(item.items, 1):
                number = w.d(f"{i + 1}.{k}")
                label = self.committee.sub_item_label
                number = w.text(label.replace("{n}", number)) if label else number
                head = number + (f" {w.text(sub.title)}" if sub.title else "")
                out.append(_left(head, bold=True, left=567, keep_next=True))
                out += _none() if sub.empty else self.discussion(sub)
        return out

    # ---- signatures, cover

    def signature(self, who: Who | None, role_key: str) -> list[Para | str]:
        lines = [phrases()["signed"]]
        if who is not None:
            n = self.who(who)
            lines += [f"({n.name})" if n.name else "(..............................)", *n.position]
        else:
            lines.append("(..............................)")
        lines.append(phrases()[role_key])
        return [Para(FLUSH, runs_from_markup(t), jc="center") for t in lines]

    def signatures(self) -> list[Para | str]:
        half = PORTRAIT_TWIPS // 2
        cells = [[self.signature(self.m.recorder, "recorder"), self.signature(self.m.checker, "checker")]]
        # Kept with the closing time by keep-with-next. Neither cantSplit nor keep-with-next inside
        # the cells: LibreOffice 7 then moves the whole block to a new page even when it fits.
        return [Para(FLUSH, keep_next=True), ooxml.grid_xml(cells, [half, PORTRAIT_TWIPS - half], borders=False)]

    def cover(self) -> Xml:
        """The cover page, its own section (centred vertically, no page number); page numbers
        of the minutes start after it (``pgNumType w:start="1"`` in the template)."""
        if not self.m.cover:
            return Xml(style=COVER)
        lines = [self.w.text(t, self.facts_cache) for t in phrases()["cover"]]
        return Xml(parts_xml([Para(COVER, [Run(t)]) for t in lines]) + ooxml.cover_section_xml(), COVER)

    def context(self) -> dict[str, Any]:
        w, m = self.w, self.m
        heading = [self.title(), self.phrase("number"), self.phrase("date")] + ([self.phrase("place")] if m.place else [])
        opening = m.opening
        return {
            "cover": self.cover(),
            "heading": w.xml([Para(TITLE, runs_from_markup(t.replace("พ.ศ. ", "พ.ศ.\u00a0"))) for t in heading], TITLE),
            "present": Xml(parts_xml(self.attendance(self.present(), "role")), FLUSH),
            "absent": Xml(parts_xml(self.attendance([(self.who(a), a) for a in m.absent], "reason")), FLUSH),
            "attendees": Xml(parts_xml(self.attendance([(self.who(a), a) for a in m.attendees], "note")), FLUSH),
            "start": thaifmt.time_th(m.start, digits=w.digits) if m.start else "",
            "opening": w.blocks_xml(opening) if opening is not None else w.xml([w.para(self.phrase("opening"))]),
            "agenda": Xml(parts_xml(self.agenda_parts() + w.blocks(m.closing)), FLUSH),
            "end": thaifmt.time_th(m.end, digits=w.digits) if m.end else "",
            "signatures": Xml(parts_xml(self.signatures()), FLUSH),
        }


def minutes_writer(w: Writer, index: int) -> MinutesWriter:
    """The builder of meeting ``index`` of ``w.c.minutes``, with its ครั้งที่ computed."""
    m = w.c.minutes[index]
    return MinutesWriter(w, m, meeting_numbers(w.c.minutes)[index])


def check_scoped(w: Writer) -> None:
    """Evaluate the expressions written inside each meeting with that meeting's names
    (``{{ minutes.chair }}`` ...); errors are collected, located, in ``w.errors``."""
    for i in range(len(w.c.minutes)):
        mw = minutes_writer(w, i)
        with w.names(minutes={**mw.facts_cache, "title": mw.title()}):
            for text in w.texts_under(("minutes", i)):
                w.text(text)


def _contexts(w: Writer) -> list[tuple[str, Any]]:
    out = []
    saved = w.committee
    try:
        for i, mid in enumerate(w.c.minutes_ids()):
            mw = minutes_writer(w, i)
            w.committee = mw.committee  # {insert: members} inside these minutes means this committee
            # Text inside the minutes may name the meeting: {{ minutes.chair }}, {{ minutes.number }} ...
            with w.names(minutes={**mw.facts_cache, "title": mw.title()}):
                out.append((f"minutes-{mid}.docx", mw.context()))
    finally:
        w.committee = saved
    return out


DOCUMENT = DocumentType("minutes", "minutes.docx", "รายงานการประชุม", lambda c: bool(c.minutes), _contexts)
