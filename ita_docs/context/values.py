"""The values behind the vocabulary: what the names content text may use inside ``{{ }}`` hold.

`context` computes those names for one content set from the content and the ITA
framework of its year (`ita_docs.analyse.rules`);
`ita_docs.documents.prose.Writer.expr_context` is that context, so what
`ita_docs.context.vocabulary` documents (`NAMES`, ``docs/vocabulary.md``) is exactly what
expressions see (a test holds both ways).

Rules of the values (documented for clerks in ``docs/vocabulary.md``):

- **Scores are text**, already formatted as printed: two decimals, in the
  document's digits (``"๘๕.๘๕"``, or ``"85.85"`` with ``digits: arabic``),
  like ``overall``; a change carries its sign (``"+๒.๖๒"``). A score that is
  unknown (not given and not computable) is empty text. The number behind a
  score, for comparisons in ``{% if %}``, is ``value`` (``indicators[9].value``).
  The one exception is ``assessment``: the content's assessment as written
  (numbers; ``overall`` filled in when computed), printed through ``|score``
  (``{{ assessment.indicators[9]|score }}``), as content has always used it.
- **Whole numbers are numbers**: years, counts, ranks, indicator numbers,
  weights. Content text is printed in the document's digits, so
  ``{{ count.below_pass }}`` prints ``๒``; years print through
  ``|fiscal_digits`` (``{{ fiscal_year|fiscal_digits }}``).
- **Everything is read-only**: frozen objects, tuples and read-only mappings
  (`types.MappingProxyType`) or the frozen content models; expressions run in
  an immutable sandbox (`ita_docs.render.docx`) and cannot change content.
- Names computed from the assessment (``overall``, ``level``, ``pass_mark``,
  ``previous_overall``, ``change``, ``tools``, ``indicators``, ``ranking``,
  ``lowest``, ``highest``, ``below_pass``) exist when the content has
  ``assessment`` (``assessment`` itself is then empty, as before); ``committee`` when the
  content has exactly one committee; ``titles`` when the context is made for a
  `Writer` (it words the titles).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .. import thaifmt
from ..analyse import rules as analysis
from ..model import Assessment, Content

TOOL_LABELS = {"iit": "IIT", "eit": "EIT", "oit": "OIT"}


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class PartFacts:
    """One published part of a tool's score (``assessment.tool_parts``)."""

    name: str
    score: str
    value: float | None

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class ToolFacts:
    """One tool (IIT, EIT, OIT) of the assessment: score out of 100, weight and weighted score."""

    key: str
    label: str
    name: str
    weight: int | float
    score: str
    value: float | None
    weighted: str
    weighted_value: float | None
    parts: tuple[PartFacts, ...]

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class IndicatorFacts:
    """One scored indicator: number, name, tool, score, rank (1 = highest), below the pass mark."""

    number: int
    name: str
    tool: str
    tool_name: str
    score: str
    value: float
    rank: int
    below_pass: bool

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Counts:
    """How many: scored indicators, those below / not below the pass mark, measures, divisions, people, committees."""

    indicators: int
    below_pass: int
    passing: int
    measures: int
    divisions: int
    people: int
    committees: int


class Titles(Mapping[str, str]):
    """Document titles as one line each, worded by the `Writer` when first read (read-only).

    Titles may themselves use expressions (even other titles); a title that
    needs itself is unknown while it is being worded.
    """

    NAMES = ("analysis_report", "measure_plan", "measure_results")

    def __init__(self, title_lines: Callable[[str], list[str]]):
        self._title_lines = title_lines
        self._done: dict[str, str] = {}
        self._busy: set[str] = set()

    def __getitem__(self, name: str) -> str:
        if name in self._done:
            return self._done[name]
        if name not in self.NAMES or name in self._busy:
            raise KeyError(name)
        self._busy.add(name)
        try:
            text = " ".join(self._title_lines(name))
        finally:
            self._busy.discard(name)
        self._done[name] = text
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(self.NAMES)

    def __len__(self) -> int:
        return len(self.NAMES)

    def __repr__(self) -> str:
        return f"<titles {' '.join(self.NAMES)}>"


def _content(source: Any) -> Content:
    """The `Content` of a `Writer` (``.c``), a `LoadedContent` (``.content``) or a `Content`."""
    if isinstance(source, Content):
        return source
    for attr in ("c", "content"):
        value = getattr(source, attr, None)
        if isinstance(value, Content):
            return value
    raise TypeError(f"no content in {type(source).__name__}")


def _score(x: float | None, digits: str) -> str:
    return "" if x is None else thaifmt.score(x, digits=digits)


def _whole(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


def tool_facts(a: Assessment, fw: analysis.Framework, digits: str) -> Mapping[str, ToolFacts]:
    """The three tools of ``a`` under the rules ``fw`` (given scores, else computed), formatted in ``digits``."""
    scores = analysis.tool_scores(a, fw)
    weighted = analysis.weighted_tool_scores(a, fw)
    tools: dict[str, ToolFacts] = {}
    for t in analysis.TOOLS:
        parts = tuple(PartFacts(p.name, _score(p.score, digits), p.score) for p in a.tool_parts.get(t, []))
        tools[t] = ToolFacts(
            t,
            TOOL_LABELS[t],
            fw.tools[t].name,
            _whole(fw.tools[t].weight),
            _score(scores[t], digits),
            scores[t],
            _score(weighted[t], digits),
            weighted[t],
            parts,
        )
    return MappingProxyType(tools)


def indicator_facts(a: Assessment, fw: analysis.Framework, digits: str) -> tuple[IndicatorFacts, ...]:
    """Every scored indicator, highest first (`ita_docs.analyse.rules.ranking`)."""
    return tuple(
        IndicatorFacts(
            r.number,
            r.name,
            TOOL_LABELS[r.tool],
            fw.tools[r.tool].name,
            thaifmt.score(r.score, digits=digits),
            r.score,
            r.rank,
            r.score < fw.pass_mark,
        )
        for r in analysis.ranking(a, fw)
    )


def _pick(ranked: tuple[IndicatorFacts, ...], name: str) -> Callable[..., tuple[IndicatorFacts, ...]]:
    def pick(n: int = 3) -> tuple[IndicatorFacts, ...]:
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError(f"{name}(n) needs a whole number, got {n!r}")
        if n < 0:
            raise ValueError(f"{name}(n) needs n >= 0, got {n}")
        return ranked[:n]

    pick.__name__ = pick.__qualname__ = name
    return pick


def context(source: Any, digits: str | None = None) -> dict[str, Any]:
    """The names content text may use, for the content of ``source``.

    ``source`` is a `ita_docs.documents.prose.Writer` (then ``titles`` are
    worded by it), a
    `ita_docs.load.loader.LoadedContent` or a `Content`. ``digits`` (``thai`` /
    ``arabic``) formats the scores; by default the writer's or the content's.
    Every value is read-only (see the module docstring); the returned dict is
    a fresh namespace the caller may extend.
    """
    c = _content(source)
    digits = digits or getattr(source, "digits", None) or c.digits
    ctx: dict[str, Any] = {
        "organisation": c.organisation,
        "divisions": MappingProxyType({d.id: d for d in c.organisation.divisions}),
        "people": MappingProxyType({p.id: p for p in c.organisation.people}),
        "fiscal_year": c.fiscal_year,
        "assessment": c.assessment,
        "measures": MappingProxyType({m.id: m for m in c.measures}),
        "committees": MappingProxyType({k.id: k for k in c.committees}),
    }
    if len(c.committees) == 1:
        ctx["committee"] = c.committees[0]
    ranked: tuple[IndicatorFacts, ...] = ()
    a = c.assessment
    fw = None
    if a is not None:
        try:
            fw = analysis.rules(a.year, c.framework_year)
        except KeyError:  # content not validated yet (`ita_docs.load.loader.parse`): no rules for its year
            fw = None
    if a is not None and fw is not None:
        total = analysis.overall(a, fw)
        delta = analysis.change(a, fw)
        ranked = indicator_facts(a, fw, digits)
        lowest_first = tuple(reversed(ranked))
        ctx.update(
            assessment=analysis.complete(a, fw),
            overall=_score(total, digits),
            level=analysis.level(a, fw) or "",
            pass_mark=thaifmt.to_digits(f"{fw.pass_mark:g}", digits=digits),
            previous_overall=_score(a.previous.get(a.year - 1), digits),
            change="" if delta is None else thaifmt.signed(delta, digits=digits),
            tools=tool_facts(a, fw, digits),
            indicators=MappingProxyType({x.number: x for x in ranked}),
            ranking=ranked,
            lowest=_pick(lowest_first, "lowest"),
            highest=_pick(ranked, "highest"),
            below_pass=tuple(x for x in lowest_first if x.below_pass),
        )
    below = sum(1 for x in ranked if x.below_pass)
    ctx["count"] = Counts(
        indicators=len(ranked),
        below_pass=below,
        passing=len(ranked) - below,
        measures=len(c.measures),
        divisions=len(c.organisation.divisions),
        people=len(c.organisation.people),
        committees=len(c.committees),
    )
    title_lines = getattr(source, "title_lines", None)
    if callable(title_lines):
        ctx["titles"] = Titles(title_lines)
    return ctx
