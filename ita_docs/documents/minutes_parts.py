"""The parts of one meeting's minutes before its signatures: the names the wording uses, the
attendance rows, and the agenda (speaker turns in two columns, tables, resolutions, closing);
`ita_docs.documents.minutes` lays them out as the document (cover, title, signatures).
"""

from __future__ import annotations

import dataclasses
from functools import cached_property
from typing import Any

from .. import thaifmt
from ..analyse.phrases import data_file as phrase_file
from ..model import AgendaItem, AgendaSubItem, Attendee, Committee, Minutes, Who
from ..model.minutes import AGENDA_ORDER, Turn
from ..render import ooxml
from ..render.ooxml import Para, Run, runs_from_markup
from .people import Named, resolve
from .prose import FLUSH, PORTRAIT_TWIPS, Writer

NUMBER_TWIPS, NAME_TWIPS, POSITION_TWIPS, ROLE_TWIPS = 680, 3062, 2948, 2382  # 1.2 + 5.4 + 5.2 + 4.2 cm
SPEAKER_TWIPS = 2835  # 5 cm: the speaker column of a turn; the text takes the rest
LABEL_TWIPS = 1985  # 3.5 cm: where an agenda item's title starts after "ระเบียบวาระที่ ๑"


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


class MeetingParts:
    """The attendance and agenda parts of one meeting's minutes, built with the content's `Writer`."""

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
