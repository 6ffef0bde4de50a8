"""Loading, step two: the checks that need the ITA framework data.

`load` is the entry point every command uses: `ita_docs.load.loader.parse` (YAML,
schema, cross-references), then the rules of the assessed fiscal year's
framework (``ita_docs/framework/<BE year>.yaml``). It sits above both the
loader and `ita_docs.analyse.rules`, so neither imports the other.
"""

from __future__ import annotations

from pathlib import Path

from .. import thaifmt
from ..analyse import drafting
from ..analyse import rules as analysis
from ..analyse.phrases import data_file
from ..errors import ContentError, ContentErrors, Location
from ..messages import msg
from ..model import Block
from ..model.base import walk
from .loader import LoadedContent, collect


def load(source: str | Path) -> LoadedContent:
    """Load and validate the content set at ``source`` (folder or file).

    Raises `ContentErrors` listing every problem found (syntax, types,
    missing or unknown keys, broken references, framework rules) in one pass
    (`ita_docs.load.loader.collect`); nothing is partially loaded. Warnings (e.g. a given level that disagrees with the
    computed one) are kept in `LoadedContent.warnings`.
    """
    loaded, errors = collect(source)
    if loaded is not None:  # the framework checks of what loaded, in the same pass (no rounds)
        more = (
            check_framework_year(loaded)
            + check_assessment(loaded)
            + check_oit_titles(loaded)
            + check_inserts(loaded)
            + check_presets(loaded)
        )
        reported = {(e.location.file, e.location.line, e.location.field) for e in errors}
        errors += [e for e in more if (e.location.file, e.location.line, e.location.field) not in reported]
        for e in errors:
            if e.location.file is None:
                e.location.file = loaded.files[0] if len(loaded.files) == 1 else loaded.root
    if errors or loaded is None:
        raise ContentErrors(errors)
    check_placeholders(loaded)
    return loaded


def check_framework_year(loaded: LoadedContent) -> list[ContentError]:
    """``framework_year`` (issue 17, ``docs/years.md``): an unknown year is the `no_framework`
    error; a known one is a warning naming the years that borrow its rules (or saying it is
    not needed). Without it, a document whose publishing year has no rules is a warning."""
    from ..analyse import publish_slots

    c = loaded.content
    years = analysis.framework_years()
    if c.framework_year is None:
        for text in publish_slots.problems(c):
            loaded.warn(("fiscal_year",), text)
        return []
    if c.framework_year not in years:
        where = loaded.positions.locate(("framework_year",))
        return [
            ContentError(msg("no_framework", year=c.framework_year, years=", ".join(map(str, years))), where)
        ]
    used = [c.assessment.year] if c.assessment else []
    if c.oit_followup is not None:
        used.append(oit_year(c))
    for name, (_, has) in publish_slots.FILED.items():
        s = publish_slots.slot(c, name) if has(c) else None
        if s is not None:
            used.append(s.year)
    needed = sorted({y for y in used if analysis.borrowed(y, c.framework_year)})
    if needed:
        loaded.warn(
            ("framework_year",),
            msg("framework_borrowed", year=", ".join(map(str, needed)), rules=c.framework_year),
        )
    else:
        loaded.warn(
            ("framework_year",),
            msg(
                "framework_year_unused",
                years=", ".join(map(str, sorted(set(used)) or [c.fiscal_year])),
                rules=c.framework_year,
            ),
        )
    return []


PLACEHOLDER = "(เติม)"
"""The mark a skeleton (`ita_docs.scaffold`) leaves where the clerk has to write the real text."""


def check_placeholders(loaded: LoadedContent) -> None:
    """A warning for each line of the set's files that still holds `PLACEHOLDER` outside a comment.

    Located at the file and line (1-based); a comment (a line starting with ``#``,
    or text after `` #``) may name the mark in its instructions.
    """
    for file in loaded.files:
        try:
            lines = file.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, 1):
            at = line.find(PLACEHOLDER)
            if at < 0 or line.lstrip().startswith("#"):
                continue
            comment = line.find(" #")
            if 0 <= comment < at and line[:comment].count('"') % 2 == 0:
                continue
            loaded.warnings.append(
                ContentError(msg("warn_placeholder", text=PLACEHOLDER), Location(file, number, at + 1))
            )


def check_assessment(loaded: LoadedContent) -> list[ContentError]:
    """Framework-dependent checks: errors returned, warnings added to ``loaded``.

    Errors: no framework for the year, unknown indicator numbers (scores or
    ``indicator_names``), an invalid ``analysis_report.phrases``. Warnings
    (located at the given value, naming both numbers): a given tool score,
    overall score or level that disagrees with the one computed by the year's
    rules (scores beyond `ita_docs.analyse.rules.TOLERANCE` after rounding to 2
    decimals). Then ``overall``, when left out, is filled in with the computed
    score (`ita_docs.analyse.rules.complete`), so every document prints the same figure.
    """
    a = loaded.content.assessment
    if a is None:
        return []
    errors: list[ContentError] = []
    try:
        fw = analysis.rules(a.year, loaded.content.framework_year)
    except KeyError:
        years = ", ".join(map(str, analysis.framework_years()))
        return [
            ContentError(
                msg("no_framework", year=a.year, years=years), loaded.positions.locate(("assessment", "year"))
            )
        ]
    if not a.scored:
        waiting = [m.id for m in loaded.content.memos if waits_for_scores(loaded.content, m)]
        more = msg("warn_no_scores_memos", ids=", ".join(waiting)) if waiting else ""
        loaded.warn(("assessment",), msg("warn_no_scores", year=a.year) + more)
    for field in ("indicators", "indicator_names"):
        for n in getattr(a, field):
            if n not in fw.indicators:
                errors.append(
                    ContentError(
                        msg("unknown_indicator_item", value=n, year=a.year),
                        loaded.positions.locate(("assessment", field, n), key=True),
                    )
                )
    if errors:
        return errors
    problem = drafting.override_problem(loaded.content)
    if problem:
        errors.append(
            ContentError(
                msg("phrases_override", error=problem),
                loaded.positions.locate(("analysis_report", "phrases"), key=True),
            )
        )
    computed_tools = analysis.computed_tool_scores(a, fw)
    for tool, computed in computed_tools.items():
        given = getattr(a.tools, tool)
        if given is not None and computed is not None and analysis.disagrees(given, computed):
            loaded.warn(
                ("assessment", "tools", tool),
                msg(
                    "warn_tool",
                    tool=tool.upper(),
                    given=given,
                    computed=thaifmt.score(computed, digits="arabic"),
                    year=a.year,
                ),
            )
    computed = analysis.computed_overall(a, fw)
    if a.overall is not None and computed is not None and analysis.disagrees(a.overall, computed):
        from_indicators = all(getattr(a.tools, t) is None for t in analysis.TOOLS)
        loaded.warn(
            ("assessment", "overall"),
            msg(
                "warn_overall" if from_indicators else "warn_overall_tools",
                given=a.overall,
                computed=thaifmt.score(computed, digits="arabic"),
            ),
        )
    tools_known = all(s is not None for s in analysis.tool_scores(a, fw).values())
    needs_tools = any(rule.each_tool_min is not None for rule in fw.levels)
    level = analysis.computed_level(a, fw)
    if a.level and level is not None and a.level != level and (tools_known or not needs_tools):
        loaded.warn(("assessment", "level"), msg("warn_level", given=a.level, computed=level, year=a.year))
    if not errors and a.overall is None:
        done = analysis.complete(a, fw)
        if done is not a:
            loaded.content = loaded.content.model_copy(update={"assessment": done})
    return errors


def oit_year(content) -> int:
    """The assessed fiscal year (BE) whose OIT items the checklist follows up."""
    oit = content.oit_followup
    if oit is not None and oit.year:
        return oit.year
    return content.assessment.year if content.assessment else content.fiscal_year - 1


def oit_title(content, code: str) -> str | None:
    """The title of OIT item ``code``: the content's ``item_titles``, else the framework's of `oit_year`."""
    if code in content.item_titles:
        return content.item_titles[code]
    try:
        return analysis.rules(oit_year(content), content.framework_year).items.get(code)
    except KeyError:
        return None


def check_oit_titles(loaded: LoadedContent) -> list[ContentError]:
    """Every checklist row has a title: its own, the content's, or the framework's for that item."""
    oit = loaded.content.oit_followup
    if oit is None or loaded.left_out & {"item_titles", "assessment"}:
        return []
    year = oit_year(loaded.content)
    return [
        ContentError(
            msg("oit_title", item=row.item, year=year),
            loaded.positions.locate(("oit_followup", "rows", j, "item")),
        )
        for j, row in enumerate(oit.rows)
        if row.item and not row.title and oit_title(loaded.content, row.item) is None
    ]


def check_inserts(loaded: LoadedContent) -> list[ContentError]:
    """Every ``{insert: NAME}`` has the content its table is computed from.

    Score tables need ``assessment``; ``oit_followup`` needs the checklist;
    ``members`` and ``duties`` need a committee: the meeting's inside minutes,
    else the content's only committee.
    """
    c = loaded.content
    have = {
        "assessment": c.assessment is not None,
        "oit_followup": c.oit_followup is not None and bool(c.oit_followup.rows),
    }
    errors = []
    for path, value in walk(c):
        if not isinstance(value, Block) or value.insert is None:
            continue
        name = value.insert
        if name in ("members", "duties"):
            ok = path[:1] == ("minutes",) or len(c.committees) == 1 or "committees" in loaded.left_out
            needs = "committees"
        else:
            needs = "oit_followup" if name == "oit_followup" else "assessment"
            ok = have[needs] or needs in loaded.left_out  # left out for its own errors: reported there
        if not ok:
            errors.append(
                ContentError(
                    msg("insert_needs", name=name, needs=needs), loaded.positions.locate((*path, "insert"))
                )
            )
    return errors


def preset_missing(content, preset: str | None) -> str | None:
    """The content key a memo preset's wording needs (``needs`` in ``phrases/memos.yaml``) when the content lacks it."""
    need = (data_file("memos").get(preset or "") or {}).get("needs")
    return need if need and not getattr(content, need, None) else None


def waits_for_scores(content, memo) -> bool:
    """Whether a memo's preset reads the assessment's scores (``needs: assessment``) and none is
    entered yet: the memo is built once the scores are in (`warn_no_scores` says so)."""
    need = (data_file("memos").get(memo.preset or "") or {}).get("needs")
    a = content.assessment
    return need == "assessment" and a is not None and not a.scored and not memo.body


def check_presets(loaded: LoadedContent) -> list[ContentError]:
    """A memo whose preset reads data the content does not have (e.g. ``analysis_approval`` without ``assessment``)."""
    return [
        ContentError(
            msg("preset_needs", id=memo.id, preset=memo.preset, needs=need),
            loaded.positions.locate(("memos", i, "preset")),
        )
        for i, memo in enumerate(loaded.content.memos)
        if (need := preset_missing(loaded.content, memo.preset)) and need not in loaded.left_out
    ]
