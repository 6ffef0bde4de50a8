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

import itertools
from typing import Any

from .. import thaifmt
from ..load.validate import oit_year
from ..model import Block, Who
from ..model.base import walk
from ..model.minutes import meeting_numbers, printed_numbers
from ..render import ooxml
from ..render.ooxml import Para, Run, Xml, parts_xml, runs_from_markup
from .base import DocumentType
from .minutes_parts import MeetingParts, phrases
from .prose import CENTER, FLUSH, PORTRAIT_TWIPS, TITLE, Writer

COVER = "ITACover"  # 24 pt bold centred, a style of templates/minutes.docx
COVER_TWIPS = (
    13900  # the cover's text block: the A4 page between its margins (14286) less the section's last line
)
COVER_CHARS, TITLE_CHARS, SIGNATURE_CHARS = (
    34,
    72,
    34,
)  # characters per line: cover (24 pt bold), title, signature


class MinutesWriter(MeetingParts):
    """Builds the parts of one meeting's minutes with the content's `Writer`: the meeting's own
    (`ita_docs.documents.minutes_parts.MeetingParts`), and the cover, title and signatures."""

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

__all__ = ["DOCUMENT", "MinutesWriter", "check_scoped", "minutes_writer", "phrases"]
