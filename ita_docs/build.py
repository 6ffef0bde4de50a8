"""The build pipeline: load every content set, render every document in memory, then write.

Nothing is written until every document of every content set has rendered
(mkdocs-style: gather and compute first); the outputs are then written as one
transaction by `ita_docs.write.outputs.commit`, guarded by the output
folder's manifest: a set whose inputs did not change is not rendered again, and
a file edited by hand is never overwritten.

Heavy modules (the content model, docxtpl, LibreOffice) are imported only when
a set has to be rendered, so an up-to-date rebuild takes a fraction of a second.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ContentError, ContentErrors, ItaDocsError, Location, OutputError
from .messages import msg
from .resources import sample_sets
from .write.outputs import (
    PDF_SOURCES,
    Manifest,
    Outcome,
    Transaction,
    commit,
    discard,
    prepare,
    remove_stale_temporaries,
)
from .write.sets import Rendered, load_all, output_names, render_set, set_key, set_name

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class BuildResult:
    """What a build did: files written or left unchanged, hand-edited files kept, sets up to date."""

    written: list[Path] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    edited: list[tuple[Path, Path]] = field(default_factory=list)
    backups: list[tuple[Path, Path]] = field(default_factory=list)
    up_to_date: list[str] = field(default_factory=list)
    pdf_error: ItaDocsError | None = None


def _check_only(only: list[str] | None) -> None:
    if not only:
        return
    from .documents import document_names

    names = document_names()
    for name in only or []:
        if name not in names:
            raise ContentErrors([ContentError(msg("unknown_document", name=name, names=", ".join(names)))])


def check(sources: list[Path] | None, templates: Path | None = None) -> BuildResult:
    """``build`` without writing: load, evaluate every expression and render every document in memory.

    Raises `ContentErrors` (every content problem of every set, located) or
    `TemplateError`, exactly as ``build`` would; returns the warnings.
    """
    loaded = load_all(list(sources) if sources else sample_sets())
    errors: list[ContentError] = []
    for item in loaded:
        try:
            render_set(item, Path("."), templates=templates)
        except ContentErrors as exc:
            errors += exc.errors
    if errors:
        raise ContentErrors(errors)
    return BuildResult(warnings=[w for item in loaded for w in item.warnings])


class PartlyWritten(OutputError):
    """Some sets of a multi-set build were written and others not (a rename failed): the message names both."""

    headline = "partly_written"


def build(
    sources: list[Path] | None,
    output: Path,
    *,
    only: list[str] | None = None,
    templates: Path | None = None,
    pdf: bool = False,
    bundle: bool = False,
    force: bool = False,
    jobs: int | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Render what changed, convert it to PDF if asked, and write each set as one transaction.

    Every stale set is checked and rendered (in parallel with ``jobs`` > 1 or
    a Dask ``scheduler``, `ita_docs.write.batch`), its files staged as temporaries;
    the content problems of all sets are raised together (`ContentErrors`)
    and nothing is written. Otherwise each set is committed, all or nothing,
    guarded by its manifest: a set whose inputs are
    unchanged and whose outputs are as written is skipped; a hand-edited output
    is never overwritten. ``jobs`` defaults to the number of cores (at most one
    worker per set). ``bundle`` also writes ``<set>/bundle.pdf``. When
    LibreOffice is missing, the .docx files are written and ``pdf_error`` says
    how to install it.
    """
    from .write.lock import output_lock

    _check_only(only)
    sources = list(sources) if sources else sample_sets()
    with output_lock(output):  # the whole build: a second one into the same folder waits, then exits 2
        from .write.batch import Done, Job, executor

        names = output_names(sources)
        want_pdf = pdf or bundle
        keys = {s: set_key(s, templates, only=only, pdf=want_pdf, bundle=bundle) for s in sources}
        stale = [s for s in sources if not _up_to_date(output / names[s], names[s], keys[s], want_pdf)]
        result = BuildResult(up_to_date=[names[s] for s in sources if s not in stale])
        if not stale:
            return result
        for s in stale:
            remove_stale_temporaries(output / names[s])
        todo = [
            Job(
                s,
                names[s],
                keys[s],
                output,
                tuple(only) if only else None,
                templates,
                want_pdf,
                bundle,
                _reusable_pdfs(output / names[s]) if want_pdf else {},
                stage=scheduler is None,
            )
            for s in stale
        ]
        workers = jobs if jobs is not None else min(os.cpu_count() or 1, len(todo))
        existed = {output, *(output / names[s] for s in stale)}
        existed = {d for d in existed if d.exists()}
        done: list[Done] = []

        def undo() -> None:
            """Remove every temporary of this run, and the folders it made for them."""
            for d in done:
                discard(d.files)
            for folder in [*(output / names[s] for s in stale), output]:
                remove_stale_temporaries(folder)
                if folder not in existed and folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()

        try:
            for i, d in enumerate(executor(workers, scheduler)(todo), 1):
                done.append(d)
                if progress:
                    progress("render", i, len(todo))
        except BaseException:
            undo()
            raise
        errors = [e for d in done for e in d.errors]
        result.warnings = [w for d in done for w in d.warnings]
        if errors:  # every set was checked (and rendered) before anything is written
            undo()
            raise ContentErrors(errors)
        # Every set's transaction is prepared (checks, temporaries, manifest) before any is applied: a
        # set that cannot be written leaves every set as it was (issue 19).
        prepared: list[tuple[str, Transaction]] = []
        try:
            for d in sorted(done, key=lambda d: names[d.job.source]):
                if d.pdf_error and result.pdf_error is None:
                    result.pdf_error = OutputError(d.pdf_error)
                # The manifest records what was produced: a set whose PDFs were not all made is keyed as
                # built without PDFs, so the next --pdf build converts them (issue 19).
                key = (
                    set_key(d.job.source, templates, only=only, pdf=False, bundle=False)
                    if d.pdf_error
                    else d.job.key
                )
                prepared.append(
                    (
                        d.job.name,
                        prepare(
                            Manifest.load(output / d.job.name), {d.job.name: (key, d.files)}, force=force
                        ),
                    )
                )
        except BaseException:
            for _name, t in prepared:
                t.abort()
            undo()
            raise
        for i, (name, t) in enumerate(prepared):
            try:
                outcome = t.apply()
            except OutputError as exc:  # a rename failed (rare): say exactly which sets were written
                for _name, rest in prepared[i + 1 :]:
                    rest.abort()
                if len(prepared) == 1:
                    raise
                written = ", ".join(n for n, _t in prepared[:i]) or "-"
                not_written = ", ".join(n for n, _t in prepared[i:])
                raise PartlyWritten(
                    msg(
                        "sets_partly_written",
                        written=written,
                        not_written=not_written,
                        failed=name,
                        error=exc.message,
                    ),
                    exc.path,
                ) from None
            _record(result, outcome)
            _touch_remade_pdfs(outcome.unchanged)
        return result


def _up_to_date(folder: Path, name: str, key: str, pdf: bool) -> bool:
    """The set's outputs in ``folder`` are as the manifest says and made from ``key``; with ``pdf``,
    every .docx and .pptx (`PDF_SOURCES`) also has a PDF at least as new as itself."""
    manifest = Manifest.load(folder)
    if not manifest.up_to_date(name, key):
        return False
    sources = [folder / rel for rel in manifest.sets[name].get("files", []) if rel.endswith(PDF_SOURCES)]
    return not pdf or all(_pdf_current(d) for d in sources)


def _pdf_current(source: Path) -> bool:
    """The PDF beside ``source`` (a .docx or .pptx) exists and is not older than it."""
    try:
        return source.with_suffix(".pdf").stat().st_mtime_ns >= source.stat().st_mtime_ns
    except OSError:
        return False


def _touch_remade_pdfs(unchanged: list[Path]) -> None:
    """A PDF converted again to the same bytes is left in place: mark it as new as its source."""
    for path in unchanged:
        if path.suffix != ".pdf":
            continue
        source = next((s for s in map(path.with_suffix, PDF_SOURCES) if s.exists()), None)
        if source is not None and not _pdf_current(source):
            with contextlib.suppress(OSError):
                os.utime(path)


def _record(result: BuildResult, outcome: Outcome) -> None:
    result.written += outcome.written
    result.unchanged += outcome.unchanged
    result.edited += outcome.edited
    result.backups += outcome.backups


def _reusable_pdfs(folder: Path) -> dict[str, str]:
    """Documents of ``folder`` whose PDF on disk is still theirs: {file name: sha256 of the .docx or .pptx}."""
    from .write.outputs import sha256

    manifest = Manifest.load(folder)
    out = {}
    for source in sorted(folder.iterdir()) if folder.is_dir() else []:
        if source.suffix not in PDF_SOURCES:
            continue
        pdf = source.with_suffix(".pdf")
        if _pdf_current(source) and not manifest.edited(source) and not manifest.edited(pdf):
            out[source.name] = sha256(source.read_bytes())
    return out


def build_memo(key: str, source: Path | None, output: Path) -> BuildResult:
    """Render one memo (by id or preset) and its distribution list.

    When the content has no memo with that preset, one is made from the
    preset with today's date and the first person of the organisation as
    signer.
    """
    import datetime as dt

    from .documents import memo_of
    from .documents.memo import PRESETS
    from .load.loader import LoadedContent
    from .model import Memo

    candidates = [source] if source else sample_sets()
    loaded_sets = load_all(candidates)
    target = next((ls for ls in loaded_sets if memo_of(ls.content, key)), None)
    if target is None:
        # No memo of that name: make one from the preset, signed by the first person of a set that has people.
        target = next((ls for ls in loaded_sets if ls.content.organisation.people), loaded_sets[0])
        if key not in PRESETS or not target.content.organisation.people:
            names = ", ".join([m.id for m in target.content.memos] + list(PRESETS))
            raise ContentErrors(
                [
                    ContentError(
                        msg("unknown_memo", name=key, path=target.root, names=names), Location(target.root)
                    )
                ]
            )
        from .load.validate import preset_missing

        need = preset_missing(target.content, key)
        if need:
            raise ContentErrors(
                [ContentError(msg("preset_needs", id=key, preset=key, needs=need), Location(target.root))]
            )
        # validated as YAML is: pydantic checks that ``key`` is one of Memo's presets
        memo: Memo | None = Memo.model_validate(
            {
                "id": key,
                "preset": key,
                "date": dt.date.today(),
                "signer": target.content.organisation.people[0].id,
            }
        )
    else:
        memo = memo_of(target.content, key)
        assert memo is not None  # `target` was chosen for having it
    content = target.content.model_copy(update={"memos": [memo]})
    one = LoadedContent(content, target.root, target.files, target.positions, target.warnings)
    rendered = render_set(one, output, ["memo", "distribution-list"], name=set_name(target.root))
    result = BuildResult(warnings=one.warnings)
    folder = output / set_name(target.root)
    from .write.lock import output_lock

    with output_lock(output):
        _record(
            result, commit(Manifest.load(folder), {f"memo:{key}": ("", {r.path: r.data for r in rendered})})
        )
    return result


__all__ = [
    "BuildResult",
    "ItaDocsError",
    "OutputError",
    "Rendered",
    "build",
    "build_memo",
    "check",
    "load_all",
    "render_set",
    "set_name",
]
