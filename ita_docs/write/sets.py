"""One content set: load it, check it, render its documents in memory, name its output folder.

The pieces `ita_docs.build` (one run) and `ita_docs.write.batch` (many sets, in
parallel) are made of. Nothing here writes a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..errors import ContentError, ContentErrors, Location
from ..messages import msg
from ..resources import template_dirs, template_path
from .outputs import input_key

if TYPE_CHECKING:
    from ..load.loader import LoadedContent


@dataclass
class Rendered:
    """One rendered document, in memory: where it goes, its bytes, its document type's Thai title."""

    path: Path
    data: bytes
    title: str = ""


def load_all(sources: list[Path]) -> list[LoadedContent]:
    """Load every content set; all problems of all sets are raised together."""
    from ..load.validate import load

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
    from ..documents import emblem_path
    from ..render.docx import render_template

    dirs = template_dirs(templates, loaded.content_templates())
    out_dir = output / (name or loaded.root.resolve().name)
    jobs = document_contexts(loaded, only)
    rendered = [
        Rendered(
            out_dir / filename,
            ctx(template_path(doc.slide_template, dirs))
            if doc.slide_template
            else ctx
            if doc.template is None or isinstance(ctx, bytes)
            else render_template(template_path(doc.template, dirs), ctx, digits=digits),
            doc.title,
        )
        for doc, filename, ctx, digits in jobs
    ]
    if loaded.content.memos and (not only or "memo" in only):
        e = emblem_path(loaded)
        if e is not None and not e.is_file():  # named, and gone since it was checked: the space is left blank
            loaded.warn(("organisation", "emblem"), msg("warn_emblem"))
    return rendered


def document_contexts(
    loaded: LoadedContent, only: list[str] | None = None
) -> list[tuple[Any, str, Any, str]]:
    """(document type, file name, context, digits) of every document the set supports (or those
    in ``only``), in the registry's order: what `render_set` renders.

    Every context is made before any is rendered, so the expression errors of
    all documents are reported together, located. Raises `ContentErrors`.
    """
    from ..documents import DOCUMENTS, writer

    c = loaded.content
    writers = {d: writer(loaded, d) for d in {c.digits, *c.document_digits.values()}}
    writers[c.digits].check_expressions()
    wanted = [doc for doc in DOCUMENTS if (not only or doc.name in only) and doc.supported(c)]
    jobs: list[tuple[Any, str, Any, str]] = [
        (doc, filename, ctx, digits)
        for doc in wanted
        if doc.after is None
        for digits in [c.document_digits.get(doc.name, c.digits)]
        for filename, ctx in doc.contexts(writers[digits])
    ]
    made = [(doc, filename) for doc, filename, _, _ in jobs]
    jobs += [
        (doc, filename, ctx, digits)
        for doc in wanted
        if doc.after is not None
        for digits in [c.document_digits.get(doc.name, c.digits)]
        for filename, ctx in doc.after(writers.setdefault(digits, writer(loaded, digits)), made)
    ]
    errors = [e for x in writers.values() for e in x.errors]
    if errors:
        raise ContentErrors(errors)
    return jobs


def check_set(loaded: LoadedContent, only: list[str] | None = None) -> list[ContentError]:
    """What can be wrong with a set short of rendering templates: every expression (located,
    meetings' own names included) and a set with nothing to build. Cheap: no template is opened."""
    from ..documents import DOCUMENTS, writer
    from ..documents.minutes import check_scoped

    w = writer(loaded)
    w.check_expressions()
    check_scoped(w)
    errors = list(w.errors)
    if not any(
        doc.supported(loaded.content)
        for doc in DOCUMENTS
        if (not only or doc.name in only) and doc.after is None
    ):
        errors.append(ContentError(msg("nothing_to_build"), Location(loaded.root)))
    return errors


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
            errors.append(
                ContentError(msg("output_collision", name=name, first=seen[name], second=src), Location(src))
            )
        seen.setdefault(name, src)
        names[src] = name
    if errors:
        raise ContentErrors(errors)
    return names


_STAMPS: dict[Path, str] = {}


def code_stamp(root: Path | None = None) -> str:
    """A digest of the installed ita-docs (``root``: its package folder): the path, size and
    modification time of every file but compiled bytecode (about 200 files, 3 ms once per process).

    Part of `set_key`, so that a new ita-docs rebuilds every set even when its version number did
    not change (an install from the repository, a fix, a changed phrase file). A reinstall of the
    same code rebuilds once too (new times), which costs a rebuild and never a stale document.
    """
    import hashlib
    import os

    root = (root or Path(__file__).resolve().parent.parent).resolve()
    if root not in _STAMPS:
        h = hashlib.sha256()
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                if name.endswith((".pyc", ".pyo")):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                rel = os.path.relpath(path, root).replace(os.sep, "/")
                h.update(f"{rel}:{st.st_size}:{st.st_mtime_ns}\n".encode())
        _STAMPS[root] = h.hexdigest()
    return _STAMPS[root]


def set_key(source: Path, templates: Path | None, **settings: object) -> str:
    """A key of everything the set's outputs come from: the tool (version and `code_stamp`), every
    file of the content folder (YAML, emblem, its own templates), the templates that may be used,
    and ``settings``."""
    if source.is_file():
        files = {source.name: source}
    else:
        files = {
            f.relative_to(source).as_posix(): f
            for f in source.rglob("*")
            if f.is_file() and not f.name.startswith((".", "~$"))
        }
    for i, d in enumerate(template_dirs(templates, _named_templates(source))):
        files.update({f"<templates {i}>/{t.name}": t for t in [*d.glob("*.docx"), *d.glob("*.pptx")]})
    return input_key(f"{__version__}|{code_stamp()}", files, {k: repr(v) for k, v in settings.items()})


def _named_templates(source: Path) -> Path | None:
    """The folder a content set names with a top-level ``templates:`` line, read without loading
    the content (for `set_key`: a folder outside the content folder counts too)."""
    import re

    folder = source if source.is_dir() else source.parent
    for f in [source] if source.is_file() else sorted(source.glob("*.y*ml")):
        try:
            m = re.search(
                r"^templates:[ \t]*['\"]?([^'\"#\n]+?)['\"]?[ \t]*(?:#.*)?$",
                f.read_text(encoding="utf-8", errors="replace"),
                re.M,
            )
        except OSError:
            continue
        if m:
            return folder / m.group(1)
    return None
