"""The build pipeline: load every content set, render every document in memory, then write.

Nothing is written until every document of every content set has rendered
(mkdocs-style: gather and compute first); the outputs are then written as one
transaction by `ita_docs.publish.outputs.commit`, guarded by the output
folder's manifest: a set whose inputs did not change is not rendered again, and
a file edited by hand is never overwritten.

Heavy modules (the content model, docxtpl, LibreOffice) are imported only when
a set has to be rendered, so an up-to-date rebuild takes a fraction of a second.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from . import __version__
from .errors import ContentError, ContentErrors, ItaDocsError, Location, OutputError
from .messages import msg
from .publish.outputs import Manifest, Outcome, commit, input_key
from .resources import sample_sets, template_dirs, template_path

if TYPE_CHECKING:
    from .loader import LoadedContent

Progress = Callable[[str, int, int], None]  # (stage, done, total)
BUNDLE_NAME = "bundle.pdf"


@dataclass
class Rendered:
    """One rendered document, in memory: where it goes, its bytes, its document type's Thai title."""

    path: Path
    data: bytes
    title: str = ""


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


def load_all(sources: list[Path]) -> list[LoadedContent]:
    """Load every content set; all problems of all sets are raised together."""
    from .validate import load

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


def render_set(
    loaded: LoadedContent,
    output: Path,
    only: list[str] | None = None,
    templates: Path | None = None,
    name: str | None = None,
) -> list[Rendered]:
    """Render every document a content set supports (or those in ``only``), in memory.

    Templates are looked up in ``templates`` (the user's folder), then the
    content's own template folder, then the bundled ones (`template_dirs`).
    Outputs go to ``output/<name>`` (default: `set_name` of the content folder).
    """
    from .documents import DOCUMENTS, emblem_path, writer
    from .render import render_template

    dirs = template_dirs(templates, loaded.content_templates())
    c = loaded.content
    writers = {d: writer(loaded, d) for d in {c.digits, *c.document_digits.values()}}
    w = writers[c.digits]
    w.check_expressions()
    out_dir = output / (name or loaded.root.resolve().name)
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
        Rendered(
            out_dir / filename,
            ctx if doc.template is None else render_template(template_path(doc.template, dirs), ctx, digits=digits),
            doc.title,
        )
        for doc, filename, ctx, digits in jobs
    ]
    if loaded.content.memos and (not only or "memo" in only):
        e = emblem_path(loaded)
        if not (e and e.is_file()):
            loaded.warn(("organisation", "emblem"), msg("warn_emblem"))
    return rendered


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


def set_name(source: Path) -> str:
    """The output folder name of a content set: its folder's name, or a single file's stem
    (``build .`` uses the current folder's name)."""
    p = source.resolve()
    return p.stem if p.is_file() else p.name


def output_names(sources: list[Path]) -> dict[Path, str]:
    """Each set's output folder name; two sets that would share one is an error, before anything is written."""
    names: dict[Path, str] = {}
    seen: dict[str, Path] = {}
    errors = []
    for src in sources:
        name = set_name(src)
        if name in seen and seen[name].resolve() != src.resolve():
            errors.append(ContentError(msg("output_collision", name=name, first=seen[name], second=src), Location(src)))
        seen.setdefault(name, src)
        names[src] = name
    if errors:
        raise ContentErrors(errors)
    return names


def set_key(source: Path, templates: Path | None, **settings: object) -> str:
    """A key of everything the set's outputs come from: tool version, every file of the content
    folder (YAML, emblem, its own templates), the templates that may be used, and ``settings``."""
    if source.is_file():
        files = {source.name: source}
    else:
        files = {f.relative_to(source).as_posix(): f for f in source.rglob("*") if f.is_file() and not f.name.startswith((".", "~$"))}
    for i, d in enumerate(template_dirs(templates, _named_templates(source))):
        files.update({f"<templates {i}>/{t.name}": t for t in d.glob("*.docx")})
    return input_key(__version__, files, {k: repr(v) for k, v in settings.items()})


def _named_templates(source: Path) -> Path | None:
    """The folder a content set names with a top-level ``templates:`` line, read without loading
    the content (for `set_key`: a folder outside the content folder counts too)."""
    import re

    folder = source if source.is_dir() else source.parent
    for f in ([source] if source.is_file() else sorted(source.glob("*.y*ml"))):
        try:
            m = re.search(r"^templates:[ \t]*['\"]?([^'\"#\n]+?)['\"]?[ \t]*(?:#.*)?$", f.read_text(encoding="utf-8", errors="replace"), re.M)
        except OSError:
            continue
        if m:
            return folder / m.group(1)
    return None


def build(
    sources: list[Path] | None,
    output: Path,
    *,
    only: list[str] | None = None,
    templates: Path | None = None,
    pdf: bool = False,
    bundle: bool = False,
    force: bool = False,
    jobs: int = 1,
    progress: Progress | None = None,
) -> BuildResult:
    """Render what changed, convert it to PDF if asked, and write it all as one transaction.

    A set whose inputs are unchanged since the last build into ``output`` (the
    manifest) and whose outputs are as written is skipped. Content problems of
    every set are raised together (`ContentErrors`) before anything is written.
    ``bundle`` also writes ``<set>/bundle.pdf``: every PDF in publication order
    with one bookmark each. When LibreOffice is missing, the .docx files are
    written and ``pdf_error`` says how to install it.
    """
    _check_only(only)
    sources = list(sources) if sources else sample_sets()
    names = output_names(sources)
    manifest = Manifest.load(output)
    keys = {s: set_key(s, templates, only=only, pdf=pdf or bundle, bundle=bundle) for s in sources}
    stale = [s for s in sources if not manifest.up_to_date(names[s], keys[s])]
    result = BuildResult(up_to_date=[names[s] for s in sources if s not in stale])
    if not stale:
        return result
    loaded = load_all(stale)
    result.warnings = [w for item in loaded for w in item.warnings]
    sets: dict[str, tuple[str, list[Rendered]]] = {}
    empty = []
    for i, (src, item) in enumerate(zip(stale, loaded), 1):
        sets[names[src]] = (keys[src], render_set(item, output, only, templates, names[src]))
        if not sets[names[src]][1] and not only:
            empty.append(ContentError(msg("nothing_to_build"), Location(src)))
        if progress:
            progress("render", i, len(stale))
    if empty:
        raise ContentErrors(empty)
    if pdf or bundle:
        result.pdf_error = _add_pdfs(sets, manifest, bundle=bundle, jobs=jobs, progress=progress)
    outcome = commit(manifest, {name: (key, {r.path: r.data for r in rs}) for name, (key, rs) in sets.items()}, force=force)
    _record(result, outcome)
    return result


def _record(result: BuildResult, outcome: Outcome) -> None:
    result.written, result.unchanged = outcome.written, outcome.unchanged
    result.edited, result.backups = outcome.edited, outcome.backups


def _add_pdfs(
    sets: dict[str, tuple[str, list[Rendered]]], manifest: Manifest, *, bundle: bool, jobs: int, progress: Progress | None
) -> ItaDocsError | None:
    """Add a PDF beside every rendered .docx (and the bundles). A PDF whose .docx did not change
    and that is still as written is reused, not converted again. Returns the error that stopped
    the conversion (LibreOffice missing, a document that failed), if any; the .docx are kept."""
    from .publish import PdfConverter, PdfUnavailable
    from .publish import bundle as merge
    from .publish.outputs import sha256

    todo: list[Rendered] = []
    reused: dict[Path, bytes] = {}
    for _key, rendered in sets.values():
        for r in rendered:
            if r.path.suffix != ".docx":
                continue
            target = r.path.with_suffix(".pdf")
            if r.path.exists() and not manifest.edited(r.path) and sha256(r.path.read_bytes()) == sha256(r.data) \
                    and target.exists() and not manifest.edited(target):
                reused[r.path] = target.read_bytes()
            else:
                todo.append(r)
    pdfs: dict[Path, bytes] = dict(reused)
    error: ItaDocsError | None = None
    if todo:
        try:
            with PdfConverter(jobs=max(1, min(jobs, len(todo)))) as conv:
                results = conv.convert_many([(r.path.name, r.data) for r in todo], return_exceptions=True)
        except PdfUnavailable as exc:
            return exc
        for i, (r, res) in enumerate(zip(todo, results), 1):
            if isinstance(res, ItaDocsError):
                error = error or res
            else:
                pdfs[r.path] = res
            if progress:
                progress("pdf", i, len(todo))
    for name, (key, rendered) in sets.items():
        docs = [r for r in rendered if r.path in pdfs]
        rendered += [Rendered(r.path.with_suffix(".pdf"), pdfs[r.path], r.title) for r in docs]
        if bundle and docs and error is None:
            folder = rendered[0].path.parent
            rendered.append(Rendered(folder / BUNDLE_NAME, merge([(r.title or r.path.stem, pdfs[r.path]) for r in docs])))
    return error


def build_memo(key: str, source: Path | None, output: Path) -> BuildResult:
    """Render one memo (by id or preset) and its distribution list.

    When the content has no memo with that preset, one is made from the
    preset with today's date and the first person of the organisation as
    signer.
    """
    import datetime as dt

    from .documents import memo_of
    from .documents.memo import PRESETS
    from .loader import LoadedContent
    from .models import Memo

    candidates = [source] if source else sample_sets()
    loaded_sets = load_all(candidates)
    target = next((ls for ls in loaded_sets if memo_of(ls.content, key)), None)
    if target is None:
        # No memo of that name: make one from the preset, signed by the first person of a set that has people.
        target = next((ls for ls in loaded_sets if ls.content.organisation.people), loaded_sets[0])
        if key not in PRESETS or not target.content.organisation.people:
            names = ", ".join([m.id for m in target.content.memos] + list(PRESETS))
            raise ContentErrors([ContentError(msg("unknown_memo", name=key, path=target.root, names=names), Location(target.root))])
        from .validate import preset_missing

        need = preset_missing(target.content, key)
        if need:
            raise ContentErrors([ContentError(msg("preset_needs", id=key, preset=key, needs=need), Location(target.root))])
        memo = Memo(id=key, preset=key, date=dt.date.today(), signer=target.content.organisation.people[0].id)
    else:
        memo = memo_of(target.content, key)
    content = target.content.model_copy(update={"memos": [memo]})
    one = LoadedContent(content, target.root, target.files, target.positions, target.warnings)
    rendered = render_set(one, output, ["memo", "distribution-list"], name=set_name(target.root))
    result = BuildResult(warnings=one.warnings)
    manifest = Manifest.load(output)
    _record(result, commit(manifest, {f"memo:{key}": ("", {r.path: r.data for r in rendered})}))
    return result


__all__ = ["build", "build_memo", "check", "render_set", "load_all", "set_name", "BuildResult", "ItaDocsError", "OutputError"]
