"""Shared prose building for every document type: the `Writer`.

A `Writer` formats one content set's values for one document: digits (Thai or
Arabic, per ``Content.digits``), ``{{ expressions }}`` in content text
(rendered in the sandbox of `ita_docs.render.docx.expand`), prose `Block` lists as
paragraphs and tables (`ita_docs.render.ooxml.Para` and raw table XML), and document
titles. Contexts hold plain strings for ``{{ var }}`` and `ita_docs.render.ooxml.Xml`
for ``{{p var}}``.

Style ids are those of the bundled templates (``tools/build_templates.py``);
widths are in twips (567 per cm). Wording that the templates do not hold
follows the seed documents in the seeds (``docs/domain.md``) (002 analysis report, 001 plan
and memo, 000/004 result reports).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2

from .. import thaifmt
from ..errors import ContentError, Location
from ..load.loader import LoadedContent
from ..messages import msg
from ..model import Assessment, Block, Committee, Content
from ..model.base import walk
from ..render import ooxml
from ..render.docx import expand
from ..render.ooxml import Para, Run, Xml, parts_xml, runs_from_markup

# Style ids of the templates (python-docx drops the spaces of the style names).
BODY, FLUSH, CENTER, TITLE = "ITABody", "ITABodyFlush", "ITACenter", "ITATitle"
H1, H2, H3, CAPTION = "ITAHeading1", "ITAHeading2", "ITAHeading3", "ITACaption"
BULLET, SIGNATURE = "ITABullet", "ITASignature"
CELL, CELL_HEAD, CELL_BULLET, TABLE = "ITATableText", "ITATableHead", "ITATableBullet", "ITATable"
BULLET_CHAR = "•"  # U+2022, drawn from the Thai body font (not the Symbol font)
PORTRAIT_TWIPS = 9072  # 16 cm text width (A4, margins 3 + 2 cm)
LANDSCAPE_TWIPS = 14570  # 25.7 cm text width (A4 landscape, margins 2 + 2 cm)
TOOL_LABELS = {"iit": "IIT", "eit": "EIT", "oit": "OIT"}

# Content sections whose text may use names only their document knows (``{{ minutes.chair }}``).
SCOPED = {("minutes",)}

# A computed table for ``{insert: NAME}``: (writer, width in twips, caption=bool) -> paragraphs and
# table XML; ``caption=False`` leaves out the table's own caption lines.
Insert = Callable[..., list[Para | str]]

_NUMBER_CELL = re.compile(r"^[-+(]?[0-9๐-๙][0-9๐-๙,.]*[)%]?$")
# The kinds of organisation an organisation's name starts with (longest first).
ORG_PREFIXES = (
    "องค์การบริหารส่วนจังหวัด",
    "องค์การบริหารส่วนตำบล",
    "เทศบาลนคร",
    "เทศบาลเมือง",
    "เทศบาลตำบล",
    "กรุงเทพมหานคร",
)
# Words of position titles that LibreOffice's Thai dictionary splits ("ชำนาญ / การ").
TITLE_WORDS = ("ชำนาญการพิเศษ", "ชำนาญการ", "ชำนาญงาน", "ปฏิบัติการ", "ปฏิบัติงาน", "อาวุโส", "นโยบายและแผน")
KEEP_ROWS = 10  # a hand-written table of at most this many rows is kept on one page
CELL_CHAR_TWIPS = (
    125  # the advance of a shown character of 16 pt TH Sarabun New in LibreOffice (~120), rounded up
)
CHAR_TWIPS = 150  # the mean advance of a Thai or Latin letter in the 16 pt body font (TH Sarabun New)
CELL_MARGINS = 230  # left + right cell margins of the table style, and a little air


def content_widths(
    header: list[str], rows: list[list[str]], width: int, given: Sequence[float] | None = None
) -> list[int]:
    """Column widths (twips, summing to ``width``) of a hand-written table.

    ``given`` relative widths share ``width`` in proportion. Otherwise each
    column is sized by its content, like Word's AutoFit: it wants its longest
    line (`thaifmt.shown_length` characters at `CHAR_TWIPS`) and needs at least its
    longest word (PyThaiNLP word boundaries: a Thai line breaks only between
    words) or its header's longest word; when the wanted widths do not fit,
    every column gets what it needs and the rest is shared in proportion to
    what each still wants.
    """
    cols = max([len(header)] + [len(r) for r in rows])
    if given:
        ratios = (list(given) + [sum(given) / len(given)] * cols)[:cols]
        total = sum(ratios)
        out = [int(width * r / total) for r in ratios]
        out[-1] += width - sum(out)
        return out
    from ..thaifmt.lines import word_tokenize

    want, need = [CELL_MARGINS * 2] * cols, [CELL_MARGINS * 2] * cols
    for line in [header, *rows]:
        for i, cell in enumerate(line):
            for part in cell.replace("**", "").split("\n"):
                want[i] = max(want[i], CELL_MARGINS + CHAR_TWIPS * thaifmt.shown_length(part))
                words = word_tokenize(part, keep_whitespace=False) if part.strip() else []
                longest = max((thaifmt.shown_length(t) for t in words), default=0)
                need[i] = max(need[i], CELL_MARGINS + CHAR_TWIPS * longest)
    if sum(want) <= width:
        scale = width / sum(want)
        out = [int(x * scale) for x in want]
    elif sum(need) >= width:
        out = [int(width * x / sum(need)) for x in need]
    else:
        spare, extra = width - sum(need), [w - n for w, n in zip(want, need)]
        out = [n + int(spare * e / sum(extra)) for n, e in zip(need, extra)]
    out[-1] += width - sum(out)
    return out


def column_align(rows: list[list[str]], cols: int, given: Sequence[str] | None = None) -> list[str | None]:
    """Each column's alignment: ``given``, else centred when every filled cell is a number
    (scores, percentages, counts: the one rule of every score table), else the style's."""
    if given:
        return [(given[i] if i < len(given) else None) for i in range(cols)]
    out: list[str | None] = []
    for i in range(cols):
        cells = [r[i].replace("**", "").strip() for r in rows if i < len(r) and r[i].strip()]
        out.append("center" if cells and all(_NUMBER_CELL.match(c) for c in cells) else None)
    return out


class Writer:
    """Formats content for one document: digits, expressions, prose blocks, cells."""

    def __init__(
        self, loaded: LoadedContent, inserts: Mapping[str, Insert] | None = None, digits: str | None = None
    ):
        """``inserts`` maps the names of `ita_docs.model.base.INSERTS` to the
        functions that build those computed tables (see `ita_docs.documents.computed`)."""
        self.loaded = loaded
        self.c: Content = loaded.content
        self.digits = digits or self.c.digits
        self.inserts: Mapping[str, Insert] = inserts or {}
        self.committee: Committee | None = self.c.committees[0] if len(self.c.committees) == 1 else None
        self._expr_ctx: dict[str, Any] | None = None
        self._scope: dict[str, Any] = {}
        self._paths: dict[str, tuple[Any, ...]] | None = None
        self.errors: list[ContentError] = []

    @property
    def assessment(self) -> Assessment:
        """The content's assessment. Raises `LookupError` when it has none: the documents and
        inserts that read it are made only when it is there (`DocumentType.supported`,
        `ita_docs.documents.computed.insert_needs`)."""
        if self.c.assessment is None:
            raise LookupError("no assessment in the content")
        return self.c.assessment

    # ---- values

    def d(self, value: Any) -> str:
        return thaifmt.to_digits(str(value), digits=self.digits)

    def score(self, x: float) -> str:
        return thaifmt.score(x, digits=self.digits)

    def text(self, value: str, extra: Mapping[str, Any] | None = None) -> str:
        """A content string as printed: ``{{ expressions }}`` rendered (``extra`` adds names) and
        its digits following the document (`ita_docs.thaifmt.localize_digits`: URLs, e-mail
        addresses and `backtick` text are kept as typed)."""
        if "{{" in value or "{%" in value:
            ctx = (
                {**self.expr_context(), **self._scope, **(extra or {})}
                if (extra or self._scope)
                else self.expr_context()
            )
            try:
                value = expand(value, ctx, self.digits)
            except jinja2.TemplateError as exc:
                # Collected, located where the text was written, and reported together
                # (`check_expressions`, `ita_docs.build`); the text stays as written meanwhile.
                self.expression_error(value, exc)
                return value
        return thaifmt.localize_digits(value, self.digits)

    def expression_error(self, value: str, exc: Exception) -> None:
        path = self._where().get(value)
        location = self.loaded.positions.locate(path) if path is not None else Location()
        error = ContentError(
            msg("expression", error=f"{getattr(exc, 'message', None) or exc} — “{value[:60]}”"), location
        )
        if all(str(e) != str(error) for e in self.errors):
            self.errors.append(error)

    def _where(self) -> dict[str, tuple[Any, ...]]:
        """Where each content string holding an expression was written (its first place)."""
        if self._paths is None:
            self._paths = {}
            for path, v in walk(self.c):
                if isinstance(v, str) and ("{{" in v or "{%" in v):
                    self._paths.setdefault(v, path)
        return self._paths

    def check_expressions(self) -> list[ContentError]:
        """Evaluate every expression in the content, used by a document or not; all errors, located.

        Text under the keys of `SCOPED` is evaluated by its own document, with
        the names of its meeting (``minutes.*``), not here.
        """
        for text, path in list(self._where().items()):
            if path[:1] not in SCOPED:
                self.text(text)
        return self.errors

    def texts_under(self, prefix: tuple[Any, ...]) -> list[str]:
        """The content strings holding an expression written under ``prefix`` (e.g. ``("minutes", 0)``)."""
        return [text for text, path in self._where().items() if path[: len(prefix)] == prefix]

    @contextmanager
    def names(self, **extra: Any) -> Iterator[None]:
        """Make more names available to expressions while a document is built (e.g. ``minutes``)."""
        saved = self._scope
        self._scope = {**saved, **extra}
        try:
            yield
        finally:
            self._scope = saved

    def expr_context(self) -> dict[str, Any]:
        """Names available inside ``{{ }}`` in content text: the vocabulary of this content
        (`ita_docs.context.values.context`, documented in ``docs/vocabulary.md``), scores in this
        writer's digits; ``titles`` are worded by `title_lines` when first read."""
        if self._expr_ctx is None:
            from ..context import values as vocabulary_context

            self._expr_ctx = vocabulary_context.context(self, self.digits)
        return self._expr_ctx

    def place_names(self) -> tuple[str, ...]:
        """Names a line must not break inside: the organisation's, its place name (the name
        after its kind, e.g. หัวโพ of องค์การบริหารส่วนตำบลหัวโพ), the district and the
        province, and the words of position titles the word processors split (`TITLE_WORDS`)."""
        org = self.c.organisation
        names = [org.name, org.district or "", org.province]
        names += [
            org.name[len(p) :] for p in ORG_PREFIXES if org.name.startswith(p) and len(org.name) > len(p)
        ]
        return tuple(n for n in names if n) + TITLE_WORDS

    def guard(self, text: str, twips: int) -> str:
        """``text`` for a column ``twips`` wide, broken into lines between PyThaiNLP words
        (`ita_docs.thaifmt.split_lines`), never inside a place name or a title word, with lines
        a little shorter than the column holds so that the word processor does not break them
        again (LibreOffice's Thai dictionary splits "กอง / คลัง", "ชำนาญ / การ", "หัว / โพ")."""
        return "\n".join(thaifmt.split_lines(text, max(1, twips // CELL_CHAR_TWIPS), self.place_names()))

    def date_long(self, d) -> str:
        return thaifmt.date_long(d, digits=self.digits)

    # ---- paragraphs

    def para(self, text: str, style: str = BODY, *, bold: bool = False, **kw: Any) -> Para:
        return Para(style, runs_from_markup(self.text(text), bold=bold), **kw)

    def xml(self, paras: list[Para], style: str = BODY) -> Xml:
        return Xml(parts_xml(paras), style)

    def list_item(self, marker: str, text: str, style: str, indent: int | None = None) -> Para:
        """A list paragraph: marker, tab, text; ``indent`` (twips) replaces the style's hanging indent."""
        runs = [Run(marker + "\t"), *runs_from_markup(self.text(text))]
        if indent is None:
            return Para(style, runs)
        return Para(style, runs, left=indent, hanging=indent, tabs=[("left", indent, "none")])

    def blocks(
        self,
        blocks: list[Block],
        *,
        in_table: bool = False,
        width: int = PORTRAIT_TWIPS,
        body: str | None = None,
        compact: bool = False,
    ) -> list[Para | str]:
        """Prose blocks as paragraphs (`Para`) and raw table XML (`str`).

        ``width`` (twips) is the width tables may take; ``body`` replaces the
        style of indented paragraphs (e.g. `FLUSH` in a column of minutes);
        ``compact`` hangs lists at 0.75 cm instead of the body's 3 cm (narrow columns).
        """
        out: list[Para | str] = []
        body = body or (CELL if in_table else BODY)
        bullet = CELL_BULLET if in_table else BULLET
        indent = 425 if compact else None
        for b in blocks:  # exactly one field of a block is set (`Block.kind`)
            if b.paragraph is not None:
                style = (
                    CENTER
                    if b.center
                    else (body if b.indent and not in_table else (CELL if in_table else FLUSH))
                )
                out.append(self.para(b.paragraph, style))
            elif b.heading is not None:
                out.append(
                    self.para(
                        b.heading,
                        CELL if in_table else (CAPTION if b.center else H3),
                        bold=True,
                        keep_next=True,
                    )
                )
            elif b.bullets is not None:
                out += [self.list_item(BULLET_CHAR, t, bullet, indent) for t in b.bullets]
            elif b.dashes is not None:
                out += [self.list_item("-", t, bullet, indent) for t in b.dashes]
            elif b.numbered is not None:
                out += [
                    self.list_item(self.d(f"{i}."), t, bullet, indent) for i, t in enumerate(b.numbered, 1)
                ]
            elif b.table is not None:
                cols = max([len(b.table.header)] + [len(r) for r in b.table.rows])
                header = [self.text(h) for h in b.table.header]
                rows = [[self.text(c) for c in r] + [""] * (cols - len(r)) for r in b.table.rows]
                out.append(
                    ooxml.table_xml(
                        header,
                        rows,
                        style=TABLE,
                        cell_style=CELL,
                        widths=content_widths(header, rows, width, b.table.widths),
                        align=column_align(rows, cols, b.table.align),
                        keep_together=len(rows) <= KEEP_ROWS,  # a short table is never split from its header
                    )
                )
                out.append(Para(FLUSH))
            elif b.insert is not None:
                out += self.inserts[b.insert](self, width, caption=b.caption)
        return out

    def blocks_xml(self, blocks: list[Block], **kw: Any) -> Xml:
        parts = self.blocks(blocks, **kw)
        return Xml(parts_xml(parts))

    # ---- titles

    def title_lines(self, document: str) -> list[str]:
        """The title lines of a document: the content's own, else the seed's wording."""
        c, org = self.c, self.c.organisation
        place = " ".join(
            x for x in (f"อำเภอ{org.district}" if org.district else "", f"จังหวัด{org.province}") if x
        )
        if document == "analysis_report":
            given = c.analysis_report.title if c.analysis_report else []
            year = c.assessment.year if c.assessment else c.fiscal_year
            default = [
                "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส",
                f"ในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. {self.d(year)}",
                f"ของ{org.name} {place}",
            ]
        elif document == "measure_plan":
            given = c.measure_plan.title if c.measure_plan else []
            default = [
                "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
                f"ของ{org.name} ประจำปีงบประมาณ พ.ศ. {self.d(c.fiscal_year)}",
            ]
        else:
            given = c.measure_results.title if c.measure_results else []
            default = [
                "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                f"ประจำปีงบประมาณ พ.ศ. {self.d(c.fiscal_year)}",
                f"{org.name} {place}",
            ]
        return [self.text(t) for t in given] if given else default

    def title_xml(self, document: str) -> Xml:
        """Title paragraphs; "พ.ศ. ๒๕๖๕" is kept on one line with a no-break space. The analysis
        report adds `rules_note` of its assessed year."""
        paras = [
            Para(TITLE, runs_from_markup(t.replace("พ.ศ. ", "พ.ศ.\u00a0")))
            for t in self.title_lines(document)
        ]
        if document == "analysis_report" and self.c.assessment is not None:
            paras += [Para(CENTER, runs_from_markup(n)) for n in self.rules_note(self.c.assessment.year)]
        return self.xml(paras)

    def rules_note(self, year: int) -> list[str]:
        """The line saying fiscal ``year`` (BE) uses another year's rules (the content's
        ``framework_year``, `ita_docs.analyse.rules.borrowed`), in the document's digits; [] when not."""
        from ..analyse import rules as analysis
        from ..analyse.phrases import data_file

        if not analysis.borrowed(year, self.c.framework_year):
            return []
        return [
            self.d(data_file("framework")["borrowed_note"].format(year=year, rules=self.c.framework_year))
        ]

    # ---- measures


def emblem_path(loaded: LoadedContent) -> Path | None:
    """The Garuda emblem image of the content set (``organisation.emblem``), if given."""
    e = loaded.content.organisation.emblem
    return (loaded.root / e) if e else None
