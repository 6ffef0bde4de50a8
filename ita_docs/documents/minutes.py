"""Minutes of a committee meeting (รายงานการประชุม), one document per meeting.

Layout per ``docs/domain.md`` ("Minutes", after published minutes of ITA
follow-up committees): an optional cover page (centred on its page); the title
with the committee's name, ครั้งที่ n/ปี only when the content gives a number (or
``auto``: counted per calendar year), the date (with the start time when asked)
and the place; numbered attendance rows (ผู้มาประชุม with substitutes, ผู้ไม่มาประชุม
with reasons, ผู้เข้าร่วมประชุม; "- ไม่มี -" when empty); the start time and the
opening line; ระเบียบวาระที่ ๑..n, each with speaker turns laid out in two
columns without borders (speaker and role left, justified text right), tables
computed from the content, and the resolution line; the closing time; the
signature blocks of the recorder (ผู้จดรายงานการประชุม) and the checker
(ผู้ตรวจรายงานการประชุม), kept on one page with the last row of text. Titles and
narrow cells are broken into lines between words, never inside the organisation's
or a place name (LibreOffice's Thai dictionary does not know them). Template:
``templates/minutes.docx``; standard wording: ``ita_docs/phrases/committee.yaml``.
"""

from __future__ import annotations

import dataclasses
import itertools
from functools import cached_property
from typing import Any

from .. import thaifmt
from ..analyse.phrases import data_file as phrase_file
from ..load.validate import oit_year
from ..model import AgendaItem, AgendaSubItem, Attendee, Block, Committee, Minutes, Who
from ..model.base import walk
from ..model.minutes import AGENDA_ORDER, Turn, meeting_numbers, printed_numbers
from ..render import ooxml
from ..render.ooxml import Para, Run, Xml, parts_xml, runs_from_markup
from .base import DocumentType
from .people import Named, resolve
from .prose import CENTER, FLUSH, PORTRAIT_TWIPS, TITLE, Writer

NUMBER_TWIPS, NAME_TWIPS, POSITION_TWIPS, ROLE_TWIPS = 680, 3062, 2948, 2382  # 1.2 + 5.4 + 5.2 + 4.2 cm
SPEAKER_TWIPS = 2835  # 5 cm: the speaker column of a turn; the text takes the rest
COVER = "ITACover"  # 24 pt bold centred, a style of templates/minutes.docx
LABEL_TWIPS = 1985  # 3.5 cm: where an agenda item's title starts after "ระเบียบวาระที่ ๑"
COVER_TWIPS = (
    13900  # the cover's text block: the A4 page between its margins (14286) less the section's last line
)
COVER_CHARS, TITLE_CHARS, SIGNATURE_CHARS = (
    34,
    72,
    34,
)  # characters per line: cover (24 pt bold), title, signature


def phrases() -> dict[str, Any]:
    """The standard wording of minutes (``ita_docs/phrases/committee.yaml``)."""
    return phrase_file("committee")


def _left(text: str, *, bold: bool = False, **kw: Any) -> Para:
    return Para(FLUSH, runs_from_markup(text, bold=bold), jc="left", **kw)


def _keep(paras: list[Para | str]) -> list[Para | str]:
    """``paras`` kept with what follows (keep-with-next on each paragraph)."""
    return [dataclasses.replace(p, keep_next=True) if isinstance(p, Para) else p for p in paras]


def _none() -> list[Para | str]:
    return [_left(phrases()["none"], left=LABEL_TWIPS)]


class MinutesWriter:
    """Builds the parts of one meeting's minutes with the content's `Writer`."""

    def __init__(self, w: Writer, m: Minutes, number: int, printed: str | None = None):
        """``number`` is the meeting's rank in its year (names it); ``printed`` the text after
        ครั้งที่ (`ita_docs.model.minutes.printed_numbers`), None when no such line is printed."""
        self.w, self.m, self.number, self.printed = w, m, number, printed
        self.committee: Committee = w.c.committee(m.committee)
        self.year = thaifmt.be_year(m.date.year)

    def who(self, x: Who) -> Named:
        """Name, position and role of ``x``; a member named only by position takes the
        name under which the attendance list of this meeting records them."""
        n = resolve(self.w, self.committee, x)
        if not n.name and x.key and x is not None:
            came = next((a for a in (self.m.present or []) if a.key == x.key and a.name), None)
            if came is not None and came.name:
                n = Named(self.w.text(came.name), n.position, n.role, n.member)
        return n

    def facts(self) -> dict[str, str]:
        """Names for the wording's ``{{ }}`` and for memos about these minutes."""
        w = self.w
        return {
            "committee": w.text(self.committee.name),
            "organisation": w.c.organisation.name,
            "number": w.text(self.printed) if self.printed else "",
            "date": thaifmt.date_full(self.m.date, digits=w.digits),
            "start": thaifmt.time_th(self.m.start, digits=w.digits) if self.m.start else "",
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
        return [
            (resolve(self.w, self.committee, mem), None)
            for mem in self.committee.members
            if not ({mem.id, mem.person} & away)
        ]

    def chair(self) -> str:
        """The name of whoever chaired: the chair member present, or who stood in for the chair."""
        chair = next((mem for mem in self.committee.members if mem.role_key == "chair"), None)
        for n, a in self.present():
            if chair is not None and (
                n.member is chair or (a is not None and a.substitute_for in (chair.id, chair.person))
            ):
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
            g = self.w.guard
            table.append(
                [
                    [_left(self.w.d(f"{i}."))],
                    [_left(g(n.label(), NAME_TWIPS))],
                    [_left(g(p, POSITION_TWIPS)) for p in position] or [_left("")],
                    [_left(g(extra, ROLE_TWIPS))],
                ]
            )
        widths = [NUMBER_TWIPS, NAME_TWIPS, POSITION_TWIPS, ROLE_TWIPS]
        return [ooxml.grid_xml(table, widths, borders=False, cant_split=True)]

    # ---- agenda

    def agenda(self) -> list[AgendaItem]:
        return (
            list(self.m.agenda) if self.m.agenda is not None else [AgendaItem(kind=k) for k in AGENDA_ORDER]
        )

    def turn_rows(
        self, turns: list[Turn], rows: list[list[list[Para | str]]], flush: Any, out: list[Para | str]
    ) -> None:
        """Append the rows of ``turns`` to ``rows``: one row per paragraph of what was said, rows
        never split (the grid is ``cant_split``), the speaker's name in the first row with the
        first paragraph, so the name always stands beside the start of its text, never alone at
        the foot of a page; a name whose turn starts with a table is kept with that table. A
        table said in a turn goes between two grids at full width (see `discussion`)."""
        w = self.w
        text_width = PORTRAIT_TWIPS - SPEAKER_TWIPS
        for t in turns:
            left = self.speaker_cell(t.speaker, t.label)
            first = True
            for b in t.said:
                if b.kind in ("table", "insert"):
                    if first:  # a name with nothing beside it: kept with the table that follows
                        rows.append([_keep(left), [Para(FLUSH, keep_next=True)]])
                        first = False
                    flush()
                    out += w.blocks([b])
                    continue
                paras = w.blocks([b], width=text_width - 113, body=FLUSH, compact=True)
                if first:  # the name and the first paragraph share a row that never splits
                    rows.append([left, paras])
                    first = False
                else:
                    rows.append([[Para(FLUSH)], paras])
            if first:
                rows.append([left, [Para(FLUSH)]])

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
        g = self.w.guard
        return [
            _left(g(lines[0], SPEAKER_TWIPS), bold=True),
            *(_left(g(t, SPEAKER_TWIPS)) for t in lines[1:]),
        ]

    def resolution(self, text: str) -> str:
        """The standard words for a shorthand (``acknowledge`` → รับทราบ), else the text."""
        return phrases()["resolutions"].get(text, text)

    def discussion(self, sub: AgendaSubItem, *, last: bool = False) -> list[Para | str]:
        """Body prose, then the turns and the resolution in borderless two-column tables.

        A table inside a turn (``{insert: ...}`` or a free table) is placed at
        full width between two such tables, not nested in a cell: a nested
        table cannot break across pages in LibreOffice, does not repeat its
        header row, and docxtpl rewrites the outer table's grid from it.
        ``last`` (the end of the minutes' text): the final row (the resolution,
        or the last turn's last paragraph) is a table of its own kept with what
        follows, so the closing time and the signatures never stand alone on a page.
        """
        w = self.w
        text_width = PORTRAIT_TWIPS - SPEAKER_TWIPS
        out: list[Para | str] = list(w.blocks(sub.body))
        rows: list[list[list[Para | str]]] = []

        def flush() -> None:
            if rows:
                out.append(ooxml.grid_xml(rows, [SPEAKER_TWIPS, text_width], borders=False, cant_split=True))
                rows.clear()

        self.turn_rows(sub.turns, rows, flush, out)
        if sub.resolution:
            words = [
                b.model_copy(update={"paragraph": self.resolution(b.paragraph)}) if b.paragraph else b
                for b in sub.resolution
            ]
            rows.append(
                [
                    [_left(phrases()["resolution_label"], bold=True)],
                    w.blocks(words, width=text_width - 113, body=FLUSH, compact=True),
                ]
            )
        self.turn_rows(sub.after_turns, rows, flush, out)
        final = rows.pop() if last and rows and not sub.after else None
        flush()
        if final is not None:
            rows.append([_keep(cell) for cell in final])
            flush()
        if sub.turns or sub.resolution or sub.after_turns:
            out.append(Para(FLUSH, keep_next=last))
        after = w.blocks(sub.after)
        return out + (_keep(after) if last else after)

    def closing_parts(self) -> list[Para | str]:
        """The closing remarks (``closing_turns``) in the two-column layout, then ``closing`` prose."""
        out: list[Para | str] = []
        if self.m.closing_turns:
            out += self.discussion(AgendaSubItem(turns=self.m.closing_turns), last=not self.m.closing)
        return out + _keep(self.w.blocks(self.m.closing))

    def agenda_parts(self) -> list[Para | str]:
        w = self.w
        out: list[Para | str] = []
        for i, item in enumerate(self.agenda()):
            n = w.text(item.number) if item.number else w.d(i + 1)
            label = self.w.text(phrases()["agenda_label"], {"n": n})
            out.append(
                Para(
                    FLUSH,
                    [Run(label, True), Run("\t" + self.item_title(i, item), True)],
                    jc="left",
                    tabs=[("left", LABEL_TWIPS, "none")],
                    left=LABEL_TWIPS,
                    hanging=LABEL_TWIPS,
                    keep_next=True,
                )
            )
            final = i == len(self.agenda()) - 1 and not (self.m.closing_turns or self.m.closing)
            if item.empty:
                out += _keep(_none()) if final else _none()
                continue
            out += self.discussion(item, last=final and not item.items)
            for k, sub in enumerate(item.items, 1):
                if sub.number:
                    number = w.text(sub.number)  # as written, e.g. "๑." under ระเบียบวาระที่ ๓
                else:
                    number = w.d(f"{n}.{k}") if item.number else w.d(f"{i + 1}.{k}")
                    sub_label = self.committee.sub_item_label
                    number = w.text(sub_label.replace("{n}", number)) if sub_label else number
                head = number + (f" {w.text(sub.title)}" if sub.title else "")
                out.append(_left(head, bold=True, left=567, keep_next=True))
                end = final and k == len(item.items)
                out += (_keep(_none()) if end else _none()) if sub.empty else self.discussion(sub, last=end)
        return out

    # ---- signatures, cover

    def signature(self, who: Who | None, role_key: str) -> list[str]:
        """The lines of one signature block: (ลงชื่อ) ..., (name), position lines, the role."""
        lines = [phrases()["signed"]]
        if who is not None:
            n = self.who(who)
            lines += [f"({n.name})" if n.name else "(..............................)", *n.position]
        else:
            lines.append("(..............................)")
        lines.append(phrases()[role_key])
        out: list[str] = lines[:1]
        for line in lines[1:]:  # a name or position wider than half the page is broken between words
            out += thaifmt.split_lines(line, SIGNATURE_CHARS, (self.w.c.organisation.name,))
        return out

    def signatures(self) -> list[Para | str]:
        """The recorder's and the checker's blocks side by side, as paragraphs with two centred tab
        stops, every line kept with the next: the blocks stay together and with the paragraph
        before them (the closing time, itself kept with the next), in Word and in LibreOffice.
        (A two-cell table cannot be kept with the paragraph before it in LibreOffice 7.)"""
        half = PORTRAIT_TWIPS // 2
        left, right = self.signature(self.m.recorder, "recorder"), self.signature(self.m.checker, "checker")
        tabs = [("center", half // 2, "none"), ("center", half + half // 2, "none")]
        rows = list(itertools.zip_longest(left, right, fillvalue=""))
        out: list[Para | str] = [Para(FLUSH, keep_next=True)]
        for k, (a, b) in enumerate(rows):
            runs = [Run("\t"), *runs_from_markup(a), Run("\t"), *runs_from_markup(b)]
            out.append(Para(FLUSH, runs, jc="left", tabs=tabs, keep_next=k < len(rows) - 1))
        return out

    def cover(self) -> Xml:
        """The cover page, its own section (centred vertically, no page number); page numbers
        of the minutes start after it (``pgNumType w:start="1"`` in the template)."""
        if not self.m.cover:
            return Xml(style=COVER)
        lines = [self.w.text(t, self.facts_cache) for t in phrases()["cover"]]
        paras = [Para(COVER, [Run("\n".join(self.lines(t, COVER_CHARS)))]) for t in lines if t.strip()]
        block = ooxml.centred_block_xml(paras, PORTRAIT_TWIPS, COVER_TWIPS)
        return Xml(block + ooxml.cover_section_xml(), COVER)

    def lines(self, text: str, width: int) -> list[str]:
        """A title broken between words into lines of about ``width`` characters, never inside
        the organisation's or the committee's name (`ita_docs.thaifmt.balanced_lines`)."""
        keep = (self.w.c.organisation.name,)
        return thaifmt.balanced_lines(text, width, keep)

    def rules_notes(self) -> list[str]:
        """`Writer.rules_note` of the years whose rules this meeting's inserted tables use: the
        assessed year (score tables), the OIT checklist's year (``oit_followup``)."""
        names = {v.insert for _, v in walk(self.m) if isinstance(v, Block) and v.insert}
        c = self.w.c
        years = []
        if c.assessment is not None and names & {"scores", "indicators", "ranking", "lowest", "below_pass"}:
            years.append(c.assessment.year)
        if c.oit_followup is not None and "oit_followup" in names:
            years.append(oit_year(c))
        return list(dict.fromkeys(n for y in years for n in self.w.rules_note(y)))

    def context(self) -> dict[str, Any]:
        w, m = self.w, self.m
        date = self.phrase("date_time") if m.time_on_date and m.start else self.phrase("date")
        heading = [self.title()] + ([self.phrase("number")] if self.printed else []) + [date]
        heading += [self.phrase("place")] if m.place else []
        opening = m.opening
        return {
            "cover": self.cover(),
            "heading": w.xml(
                [Para(TITLE, runs_from_markup("\n".join(self.lines(t, TITLE_CHARS)))) for t in heading]
                + [Para(CENTER, runs_from_markup(n)) for n in self.rules_notes()],
                TITLE,
            ),
            "present": Xml(parts_xml(self.attendance(self.present(), "role")), FLUSH),
            "absent": Xml(parts_xml(self.attendance([(self.who(a), a) for a in m.absent], "reason")), FLUSH),
            "attendees": Xml(
                parts_xml(self.attendance([(self.who(a), a) for a in m.attendees], "note")), FLUSH
            ),
            "start": thaifmt.time_th(m.start, digits=w.digits) if m.start else "",
            "opening": w.blocks_xml(opening)
            if opening is not None
            else w.xml([w.para(self.phrase("opening"))]),
            "agenda": Xml(parts_xml(self.agenda_parts() + self.closing_parts()), FLUSH),
            "end": thaifmt.time_th(m.end, digits=w.digits) if m.end else "",
            "signatures": Xml(parts_xml(self.signatures()), FLUSH),
        }


def minutes_writer(w: Writer, index: int) -> MinutesWriter:
    """The builder of meeting ``index`` of ``w.c.minutes``, with its ครั้งที่ computed."""
    m = w.c.minutes[index]
    return MinutesWriter(w, m, meeting_numbers(w.c.minutes)[index], printed_numbers(w.c.minutes)[index])


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
