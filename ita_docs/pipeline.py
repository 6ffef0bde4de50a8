"""The build pipeline: load every content set, render every document in memory, then write.

Nothing is written until every document of every content set has rendered
(mkdocs-style: gather and compute first). Each file is written to a temporary
file beside its target and renamed over it, so a failed run never leaves a
half-written file nor clobbers an earlier good output.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .documents import DOCUMENTS, document_names, emblem_path, memo_of, writer
from .errors import ContentError, ContentErrors, ItaDocsError, Location, OutputError
from .loader import LoadedContent
from .validate import load
from .messages import msg
from .models import Memo
from .render import render_template
from .resources import sample_sets, templates_dir


@dataclass
class Rendered:
    """One rendered document, in memory: where it goes and its bytes."""

    path: Path
    data: bytes


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)


def load_all(sources: list[Path]) -> list[LoadedContent]:
    """Load every content set; all problems of all sets are raised together."""
    loaded: list[LoadedContent] = []
    errors: list[ContentError] = []
    for source in sources:
        try:
            loaded.append(load(source))
        except ContentErrors as exc:
            errors += exc.errors
    if errors:
        raise ContentErrors(errors)
    return loaded


def render_set(loaded: LoadedContent, output: Path, only: list[str] | None = None, templates: Path | None = None) -> list[Rendered]:
    """Render every document a content set supports (or those in ``only``), in memory."""
    templates = templates or templates_dir()
    c = loaded.content
    writers = {d: writer(loaded, d) for d in {c.digits, *c.document_digits.values()}}
    w = writers[c.digits]
    w.check_expressions()
    out_dir = output / loaded.root.name
    # Every context first: expression errors of all documents are reported together, located.
    jobs = [
        (doc, filename, ctx, digits)
        for doc in DOCUMENTS
        if (not only or doc.name in only) and doc.supported(c)
        for digits in [c.document_digits.get(doc.name, c.digits)]
        for filename, ctx in doc.contexts(writers[digits])
    ]
    errors = [e for x in writers.values() for e in x.errors]
    if errors:
        raise ContentErrors(errors)
    rendered = [
        Rendered(out_dir / filename, ctx if doc.template is None else render_template(templates / doc.template, ctx, digits=digits))
        for doc, filename, ctx, digits in jobs
    ]
    if loaded.content.memos and (not only or "memo" in only):
        e = emblem_path(loaded)
        if not (e and e.is_file()):
            loaded.warn(("organisation", "emblem"), msg("warn_emblem"))
    return rendered


def write_all(rendered: list[Rendered]) -> list[Path]:
    """Write each file atomically (temporary file, then rename)."""
    written: list[Path] = []
    for r in rendered:
        try:
            r.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".docx", dir=r.path.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(r.data)
                os.replace(tmp, r.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise OutputError(str(exc.strerror or exc), r.path) from None
        written.append(r.path)
    return written


def _check_only(only: list[str] | None) -> None:
    names = document_names()
    for name in only or []:
        if name not in names:
            raise ContentErrors([ContentError(msg("unknown_document", name=name, names=", ".join(names)))])


def check(sources: list[Path] | None) -> BuildResult:
    """``build`` without writing: load, evaluate every expression and render every document in memory.

    Raises `ContentErrors` (every content problem of every set, located) or
    `TemplateError`, exactly as ``build`` would; returns the warnings.
    """
    loaded = load_all(list(sources) if sources else sample_sets())
    errors: list[ContentError] = []
    for item in loaded:
        try:
            render_set(item, Path("."))
        except ContentErrors as exc:
            errors += exc.errors
    if errors:
        raise ContentErrors(errors)
    return BuildResult(warnings=[w for item in loaded for w in item.warnings])


def build(sources: list[Path] | None, output: Path, *, only: list[str] | None = None) -> BuildResult:
    """Load, render everything in memory, then write. Raises `ItaDocsError` before any write."""
    _check_only(only)
    loaded = load_all(list(sources) if sources else sample_sets())
    rendered: list[Rendered] = []
    for item in loaded:
        rendered += render_set(item, output, only)
    result = BuildResult(warnings=[w for item in loaded for w in item.warnings])
    result.written = write_all(rendered)
    return result


def build_memo(key: str, source: Path | None, output: Path) -> BuildResult:
    """Render one memo (by id or preset) and its distribution list.

    When the content has no memo with that preset, one is made from the
    preset with today's date and the first person of the organisation as
    signer.
    """
    import datetime as dt

    from .documents.memo import PRESETS

    candidates = [source] if source else sample_sets()
    loaded_sets = load_all(candidates)
    target = next((ls for ls in loaded_sets if memo_of(ls.content, key)), None)
    if target is None:
        # No memo of that name: make one from the preset, signed by the first person of a set that has people.
        target = next((ls for ls in loaded_sets if ls.content.organisation.people), loaded_sets[0])
        if key not in PRESETS or not target.content.organisation.people:
            names = ", ".join([m.id for m in target.content.memos] + list(PRESETS))
            raise ContentErrors([ContentError(msg("unknown_memo", name=key, path=target.root, names=names), Location(target.root))])
        memo = Memo(id=key, preset=key, date=dt.date.today(), signer=target.content.organisation.people[0].id)
    else:
        memo = memo_of(target.content, key)
    content = target.content.model_copy(update={"memos": [memo]})
    one = LoadedContent(content, target.root, target.files, target.positions, target.warnings)
    rendered = render_set(one, output, ["memo", "distribution-list"])
    return BuildResult(write_all(rendered), one.warnings)


__all__ = ["build", "build_memo", "render_set", "load_all", "write_all", "BuildResult", "ItaDocsError"]
