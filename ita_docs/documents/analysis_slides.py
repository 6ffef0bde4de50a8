"""The analysis slide deck (``analysis-slides.pptx``) for the committee meeting.

Drawn by `ita_docs.slides.deck.build_deck` on the PowerPoint template
``analysis-slides.pptx`` (bundled, or the user's: ``--templates``, the
content's ``templates:``). The slides are the content's ``analysis_slides``
(`ita_docs.model.slides`), exactly as written, or, when it is left out, the
drafted deck (`drafted`, after ``docs/domain.md`` "Analysis
presentations"): the title; the overall score and level; scores per tool (a
chart); the indicators (a table, then a chart); the lowest three
(อันดับที่ 1 = lowest); one slide per weakness and per point to improve the
analysis report lists, with its problems (ประเด็นที่ 1..n) and remedies; the OIT
checklist and its summary; problems and obstacles. Titles and labels are data
(``ita_docs/phrases/slides.yaml``); the computed inserts are
`ita_docs.documents.slide_inserts`. Digits follow the document's setting
(``digits``, or ``document_digits: {analysis-slides: arabic}``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import ContentError, Location
from ..messages import msg
from ..model import Slide, SlideBlock
from ..slides.deck import SlideSpec, Table, Text, TextPara, build_deck
from . import slide_inserts as si
from .base import DocumentType
from .prose import Writer

TEMPLATE = "analysis-slides.pptx"
_THAI = re.compile("[\u0e00-\u0e7f]")


def drafted(w: Writer) -> list[Slide]:
    """The drafted deck of a content set, as content slides (what ``analysis_slides`` left out means)."""
    c = w.c
    a = si.assessment_of(w)
    fw = si.fw_of(w)
    title = "\n".join(si.render_phrase(t, w.digits, year=a.year) for t in si.PHRASES["title"])
    note = [SlideBlock(paragraph=t) for t in w.rules_note(a.year)]  # rules borrowed by framework_year
    out = [Slide(layout="title", title=title, body=[SlideBlock(paragraph=c.organisation.name), *note])]
    out.append(Slide(insert="overall"))
    if any(s is not None for s in si.analysis.tool_scores(a, fw).values()):
        out.append(Slide(insert="tool_chart"))
    if a.indicators:
        out.append(Slide(insert="indicators"))
        if len(a.indicators) >= 3:  # a chart of one or two bars says nothing the table does not
            out.append(Slide(insert="indicator_chart"))
    if all(n in a.indicators for n in fw.indicators):  # a ranking needs every indicator
        out.append(Slide(insert="lowest"))
    out += [Slide(insert="indicator", indicator=n) for n in si.classed(w, "weakness", listed_only=True)]
    out += [Slide(insert="indicator", indicator=n) for n in si.classed(w, "improvement", listed_only=True)]
    if si.computed.oit_rows(w):
        out += [Slide(insert="oit_items"), Slide(insert="oit_status")]
    out.append(Slide(insert="obstacles"))
    return out


def _title(w: Writer, slide: Slide, block: SlideBlock | None) -> str:
    if slide.title is not None:
        return w.text(slide.title)
    if block is None or block.insert is None:
        return ""
    if block.insert == "indicator":
        return si.indicator_title(w, block.indicator or 0)
    if block.insert == "lowest":
        n = len(si.analysis.lowest(si.assessment_of(w), si.fw_of(w), block.n or 3))
        return si.phrase(w, "titles.lowest", n=n)
    if block.insert == "below_pass":
        return si.phrase(w, "titles.below_pass", n=int(si.fw_of(w).pass_mark))
    return si.phrase(
        w, f"titles.{block.insert}", year=w.c.assessment.year if w.c.assessment else w.c.fiscal_year
    )


def _needs(w: Writer, insert: str) -> str | None:
    need = si.NEEDS.get(insert, "assessment")
    if need == "assessment" and (w.c.assessment is None or not w.c.assessment.indicators):
        return "assessment.indicators"
    if need == "oit_followup" and not si.computed.oit_rows(w):
        return "oit_followup"
    return None


def _parts(w: Writer, block: SlideBlock) -> list[Any]:
    if block.paragraph is not None:
        return [Text([TextPara(w.text(block.paragraph))])]
    if block.heading is not None:
        return [Text([TextPara(w.text(block.heading), bold=True)])]
    if block.dashes is not None:
        return [Text([TextPara("- " + w.text(t)) for t in block.dashes])]
    if block.bullets is not None:
        return [Text([TextPara(w.text(t), level=1) for t in block.bullets])]
    if block.numbered is not None:
        return [Text([TextPara(w.d(f"{i}. ") + w.text(t)) for i, t in enumerate(block.numbered, 1)])]
    if block.table is not None:
        table = block.table
        cols = max([len(table.header)] + [len(r) for r in table.rows])
        rows = [[w.text(c) for c in r] + [""] * (cols - len(r)) for r in table.rows]
        header = [w.text(h) for h in table.header] + [""] * (cols - len(table.header))
        widths = [max(3, max(len(r[j]) for r in [header, *rows])) ** 0.5 for j in range(cols)]
        thai = tuple(
            j for j in range(cols) if any(_THAI.search(r[j]) for r in rows)
        )  # numbers and codes centred
        return [Table(header, rows, widths, left=thai)]
    if block.insert in ("weaknesses", "improvements", "strengths"):
        cls = block.insert.removesuffix("es" if block.insert == "weaknesses" else "s")
        out: list[Any] = []
        for n in si.classed(w, cls):
            out += [Text([TextPara(si.indicator_title(w, n), bold=True)]), *si.indicator(w, block, n)]
        return out
    if block.insert == "oit_followup":  # the name other prose uses: the checklist and its summary
        return [*si.oit_items(w, block), *si.oit_status(w, block)]
    return si.INSERTS[str(block.insert)](w, block)


def slide_specs(w: Writer) -> list[SlideSpec]:
    """What the deck shows, every text worded in the document's digits; problems (an insert the
    content cannot feed) are added to ``w.errors``, located at the slide."""
    c = w.c
    given = c.analysis_slides
    slides: list[tuple[Slide, tuple[Any, ...] | None]] = []
    for i, s in enumerate(given if given is not None else []):
        if s.insert == "drafted":
            slides += [(d, None) for d in drafted(w)]
        else:
            slides.append((s, ("analysis_slides", i)))
    if given is None:
        slides = [(d, None) for d in drafted(w)]
    out: list[SlideSpec] = []
    for s, path in slides:
        blocks = s.blocks()
        missing = [(b, need) for b in blocks if b.insert for need in [_needs(w, b.insert)] if need]
        if missing:
            for b, need in missing:
                w.errors.append(
                    ContentError(
                        msg("slide_needs", insert=b.insert, needs=need),
                        w.loaded.positions.locate(path) if path else Location(),
                    )
                )
            continue
        if s.insert in ("weaknesses", "improvements", "strengths"):  # one slide per indicator of the class
            cls = s.insert.removesuffix("es" if s.insert == "weaknesses" else "s")
            for n in si.classed(w, cls):
                b = SlideBlock(insert="indicator", indicator=n)
                out.append(SlideSpec(si.indicator_title(w, n), si.indicator(w, b)))
            continue
        first = blocks[0] if s.insert else None
        parts = _merged([p for b in blocks for p in _parts(w, b)])
        title = _title(w, s, first)
        out.append(SlideSpec(title, parts, s.layout))
    return out


def _merged(parts: list[Any]) -> list[Any]:
    """Adjacent text parts as one (paragraphs then bullets go into one body placeholder)."""
    out: list[Any] = []
    for p in parts:
        if out and isinstance(p, Text) and isinstance(out[-1], Text) and p.anchor == out[-1].anchor == "t":
            out[-1] = Text([*out[-1].paras, *p.paras])
        else:
            out.append(p)
    return out


class DeckJob:
    """The deck of one content set, worded; called with the template's path it draws the .pptx."""

    def __init__(self, w: Writer):
        self.specs = slide_specs(w)
        self.digits = w.digits
        self.continued = lambda title, k, n: si.phrase(w, "continued", title=title, k=k, total=n)

    def __call__(self, template: Path) -> bytes:
        return build_deck(self.specs, template, digits=self.digits, continued=self.continued)


def _contexts(w: Writer) -> list[tuple[str, Any]]:
    return [("analysis-slides.pptx", DeckJob(w))]


DOCUMENT = DocumentType(
    "analysis-slides",
    None,
    "สไลด์นำเสนอผลการวิเคราะห์ ITA",
    lambda c: (c.assessment is not None and bool(c.assessment.indicators)) or bool(c.analysis_slides),
    _contexts,
    slide_template=TEMPLATE,
)
