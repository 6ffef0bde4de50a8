"""Live preview: a content set's documents rendered in memory and shown as page images.

`Previewer` is what the workbench (``ita-docs serve``) calls after a save::

    previewer = Previewer(width_px=900)
    names = previewer.affected(set_dir, ["assessment.indicators.4"])  # -> ["analysis-report", ...]
    for p in previewer.render(set_dir, names, first_page_only=True):  # -> [PagePreview, ...]
        p.pages        # PNG bytes, one per page (only page 1 with first_page_only)
    previewer.close()  # stops every LibreOffice it started

Rendering goes through the same pieces as ``ita-docs build`` (`ita_docs.write.sets.load_all`,
`ita_docs.write.sets.render_set`), nothing is written to disk outside LibreOffice's private work
folder, and the .docx/.pptx bytes are turned into PDF by one warm
`ita_docs.publish.PdfConverter` kept for the previewer's life, then into PNG pages by
pypdfium2 (PDFium). Without LibreOffice (or when it cannot start) each document comes back as
an HTML text preview with a Thai note saying how to install it.

Which documents depend on which content is not declared by hand: `affected` builds every
document's context once with a tracer on the content models (`ita_docs.model.base.Model`)
and records the content paths each document reads (``assessment.indicators``,
``organisation.people.2.name``...). Computed tables inserted in prose (``{insert: scores}``) and
names used in ``{{ expressions }}`` count, because building them reads the content too.
"""

from __future__ import annotations

import hashlib
import html
import io
import os
import re
import threading
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..messages import msg
from ..publish import PdfConversionError, PdfConverter, PdfUnavailable

#: Content keys every document depends on (read before or around building a context).
COMMON = (("digits",), ("document_digits",), ("templates",), ("fiscal_year",))
CACHE_FILES = 64  # page images kept per previewer, by the output file's bytes
PNG_COMPRESS_LEVEL = 1  # fast to write; a preview page is sent once over the loopback
_PPTX_SLIDE = re.compile(r"ppt/slides/slide(\d+)\.xml$")


@dataclass(frozen=True)
class PagePreview:
    """The preview of one output file.

    ``document``: document type name (``analysis-report``; several files may share one,
    e.g. every ``memo``); ``file``: output file name (``analysis-report.docx``); ``pages``:
    PNG images in page order, ``width_px`` wide (empty without LibreOffice or when this file
    failed to convert); ``html``: an HTML text preview (``<div class="ita-text-preview">``
    with one ``<p>`` per paragraph) when there are no page images, else None; ``note``: a
    Thai note (how to install LibreOffice, or why this file could not be converted), else None.
    """

    document: str
    file: str
    pages: list[bytes]
    html: str | None
    note: str | None


class Previewer:
    """Renders content sets to page images through a warm LibreOffice pool (thread-safe).

    ``templates``: the user's template folder (as ``build --templates``); ``width_px``: width
    of the page images in pixels (A4 portrait at 900 px is 1273 px high).
    """

    def __init__(self, *, templates: Path | None = None, width_px: int = 900) -> None:
        if width_px < 50:
            raise ValueError("width_px must be at least 50")
        self.templates = templates
        self.width_px = width_px
        self._converter: PdfConverter | None = None
        self._unavailable: str | None = None  # why LibreOffice cannot be used (Thai), once known
        self._lock = threading.Lock()
        self._images: dict[tuple[bytes, bool], list[bytes]] = {}  # oldest first
        self._loaded: dict[Path, tuple[bytes, Any]] = {}  # set folder -> (fingerprint, LoadedContent)

    # ---- which documents

    def affected(self, set_dir: Path, changed: Sequence[str]) -> list[str]:
        """Names of the document types (registry order) whose output may change when the content
        at the dotted paths ``changed`` changes (YAML keys and list indexes:
        ``assessment.indicators.4``, ``measures.2.title``, ``organisation``; ``""`` means
        anything). Read from the content as it is now (after the save). A document counts when
        it reads that path, a part of it or a whole that holds it, including to decide whether
        it is produced at all. Raises `ita_docs.errors.ContentErrors` on invalid content.
        """
        from ..documents import DOCUMENTS

        wanted = [_path(p) for p in changed]
        if not wanted:
            return []
        loaded = self._load(set_dir)
        reads = document_reads(loaded)
        return [d.name for d in DOCUMENTS if any(_overlaps(r, w) for r in reads[d.name] for w in wanted)]

    # ---- rendering

    def render(
        self, set_dir: Path, documents: Sequence[str] | None = None, *, first_page_only: bool = False
    ) -> list[PagePreview]:
        """Previews of the set's output files in registry order, every document the set
        supports or only those named in ``documents`` (unknown or unsupported names give
        nothing). ``first_page_only`` converts and rasterises page 1 only (faster). A file whose
        bytes are the same as in an earlier call (outputs are reproducible) is not converted
        again: its images are reused, so rendering every document after a small edit costs only
        the documents that changed.

        Raises `ita_docs.errors.ContentErrors` (every problem, located) on invalid content.
        The first call starts LibreOffice (seconds); later calls reuse it.
        """
        from ..documents import DOCUMENTS
        from ..write.sets import render_set

        loaded = self._load(set_dir)
        only = list(documents) if documents is not None else None
        if only == []:
            return []
        rendered = render_set(loaded, Path(set_dir), only=only, templates=self.templates)
        names = {d.title: d.name for d in DOCUMENTS}
        files = [
            (names.get(r.title, ""), r.path.name, r.data)
            for r in rendered
            if r.path.suffix in (".docx", ".pptx")
        ]  # not the publishing index's .json
        converter = self._pool()
        if converter is None:
            note = self._unavailable
            return [PagePreview(doc, name, [], text_html(name, data), note) for doc, name, data in files]
        keys = [(hashlib.sha256(data).digest(), first_page_only) for _, _, data in files]
        with self._lock:
            known = {k: self._images[k] for k in keys if k in self._images}
        todo = [i for i, k in enumerate(keys) if k not in known]
        results = (
            converter.convert_many(
                [files[i][1:] for i in todo],
                return_exceptions=True,
                page_range="1" if first_page_only else None,
            )
            if todo
            else []
        )
        converted = dict(zip(todo, results))
        out = []
        for i, (doc, name, data) in enumerate(files):
            result = converted.get(i)
            if isinstance(result, PdfConversionError):
                note = msg("preview_failed", reason=result.reason)
                out.append(PagePreview(doc, name, [], text_html(name, data), note))
                continue
            pages = known[keys[i]] if result is None else rasterise(result, self.width_px, first_page_only)
            if result is not None:
                self._remember(keys[i], pages)
            out.append(PagePreview(doc, name, pages, None, None))
        return out

    def _remember(self, key: tuple[bytes, bool], pages: list[bytes]) -> None:
        """Keep the page images of the last `CACHE_FILES` files converted, by their bytes: a file
        that comes out of rendering the same as before is not converted again."""
        with self._lock:
            self._images.pop(key, None)
            self._images[key] = pages
            while len(self._images) > CACHE_FILES:
                self._images.pop(next(iter(self._images)))

    def _load(self, set_dir: Path) -> Any:
        """The set loaded, reused while its files stay byte for byte the same (`affected` and
        `render` after one save load it once)."""
        key = _fingerprint(set_dir)
        with self._lock:
            hit = self._loaded.get(Path(set_dir))
        if hit is not None and hit[0] == key:
            return hit[1]
        loaded = _load(set_dir)
        with self._lock:
            self._loaded.pop(Path(set_dir), None)
            self._loaded[Path(set_dir)] = (key, loaded)
            while len(self._loaded) > 8:
                self._loaded.pop(next(iter(self._loaded)))
        return loaded

    def warm(self) -> None:
        """Start LibreOffice in the background now, so that the first preview is fast."""
        threading.Thread(target=self._pool, name="ita-docs-preview-warm", daemon=True).start()

    def _pool(self) -> PdfConverter | None:
        """The warm converter, started on first use; None when LibreOffice cannot be used."""
        with self._lock:
            if self._unavailable is not None:
                return None
            if self._converter is None:
                converter = PdfConverter(jobs=2 if (os.cpu_count() or 1) >= 2 else 1)
                try:
                    converter.start()
                except PdfUnavailable as exc:
                    self._unavailable = msg("preview_no_office", reason=str(exc))
                    return None
                self._converter = converter
            return self._converter

    def close(self) -> None:
        """Stop every LibreOffice this previewer started (running conversions are killed).
        A later `render` starts a new one."""
        with self._lock:
            converter, self._converter = self._converter, None
        if converter is not None:
            converter.close(kill=True)


# ---- helpers


def _load(set_dir: Path) -> Any:
    from ..write.sets import load_all

    [loaded] = load_all([Path(set_dir)])
    return loaded


def _fingerprint(set_dir: Path) -> bytes:
    """A hash of every file of the content set (names and bytes; hidden files and Word's ``~$``
    lock files left out): equal fingerprints load to the same content."""
    h = hashlib.sha256()
    root = Path(set_dir)
    files = [root] if root.is_file() else sorted(root.rglob("*"))
    for f in files:
        rel = f.relative_to(root) if f != root else Path(f.name)
        if f.is_file() and not any(part.startswith((".", "~$")) for part in rel.parts):
            h.update(rel.as_posix().encode() + b"\0")
            h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.digest()


def _path(dotted: str) -> tuple[str, ...]:
    """``"measures[2].title"`` or ``"measures.2.title"`` -> ``("measures", "2", "title")``."""
    return tuple(p for p in re.sub(r"\[(\w+)\]", r".\1", dotted).split(".") if p)


def _overlaps(read: tuple[str, ...], changed: tuple[str, ...]) -> bool:
    n = min(len(read), len(changed))
    return read[:n] == changed[:n]


def rasterise(pdf: bytes, width_px: int, first_page_only: bool = False) -> list[bytes]:
    """PNG images of the pages of ``pdf``, each ``width_px`` wide (height by the page's shape)."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    doc = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for i in range(1 if first_page_only else len(doc)):
            page = doc[i]
            width_pt = page.get_width()
            image = page.render(scale=width_px / width_pt).to_pil()
            buf = io.BytesIO()
            image.save(buf, "PNG", compress_level=PNG_COMPRESS_LEVEL)
            pages.append(buf.getvalue())
            page.close()
        return pages
    finally:
        doc.close()


def text_html(name: str, data: bytes) -> str:
    """An HTML text preview of a .docx (body, headers, footers) or .pptx (slide text, in order)."""
    if name.endswith(".pptx"):
        lines = _slide_text(data)
    else:
        from ..render.ooxml import document_text

        lines = document_text(data).splitlines()
    body = "".join(f"<p>{html.escape(line.replace(chr(9), ' '))}</p>" for line in lines if line.strip())
    return f'<div class="ita-text-preview" data-file="{html.escape(name)}">{body}</div>'


def _slide_text(data: bytes) -> list[str]:
    from lxml import etree  # type: ignore[import-untyped]

    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        slides = sorted((int(m.group(1)), n) for n in z.namelist() if (m := _PPTX_SLIDE.match(n)))
        lines = []
        for _, name in slides:
            root = etree.fromstring(z.read(name))
            lines += ["".join(t.text or "" for t in p.iter(f"{a}t")) for p in root.iter(f"{a}p")]
    return lines


# ---- what each document reads


_TRACE = threading.local()
_TRACING = threading.Lock()


def _traced_getattribute(self: Any, name: str) -> Any:
    value = object.__getattribute__(self, name)
    log = _TRACE.__dict__.get("log")
    if log is not None and name in type(self).model_fields:
        log.append((self, name))
    return value


@contextmanager
def _tracing() -> Iterator[Callable[[], list[tuple[Any, str]]]]:
    """Record every content-model field read in this thread (other threads are not recorded).

    The tracer is set on `ita_docs.model.base.Model` only while tracing, under a lock."""
    from ..model.base import Model

    with _TRACING:
        log: list[tuple[Any, str]] = []
        _TRACE.log = log
        Model.__getattribute__ = _traced_getattribute  # type: ignore[method-assign,assignment]
        try:
            yield lambda: log
        finally:
            del Model.__getattribute__
            _TRACE.log = None


def document_reads(loaded: Any) -> dict[str, set[tuple[str, ...]]]:
    """{document type name: content paths it reads} for a loaded content set.

    Paths are tuples of YAML keys and list indexes as text (``("assessment", "indicators")``).
    A model read through a copy that is not in the content counts as every place where a model
    of its type is. A document whose context cannot be built reads everything (``()``).
    """
    from ..documents import DOCUMENTS, writer
    from ..model.base import Model, walk

    content = loaded.content
    where: dict[int, tuple[str, ...]] = {}
    by_type: dict[type, list[tuple[str, ...]]] = {}
    for path, value in walk(content):
        if isinstance(value, Model):
            p = tuple(str(x) for x in path)
            where.setdefault(id(value), p)
            by_type.setdefault(type(value), []).append(p)

    def paths(log: list[tuple[Any, str]]) -> set[tuple[str, ...]]:
        found: set[tuple[str, ...]] = set(COMMON)
        for obj, name in log:
            info = type(obj).model_fields[name]
            key = info.alias or name
            bases = [where[id(obj)]] if id(obj) in where else by_type.get(type(obj), [])
            found.update((*base, key) for base in bases)
        return found

    reads: dict[str, set[tuple[str, ...]]] = {}
    made: list[tuple[Any, str]] = []  # (document type, file name) of the documents made from content
    for doc in sorted(DOCUMENTS, key=lambda d: d.after is not None):  # those made from the others last
        digits = content.document_digits.get(doc.name, content.digits)
        w = writer(loaded, digits)
        w.texts_under(())  # where each expression was written: walks everything, not a dependency
        with _tracing() as log:
            try:
                if doc.supported(content):
                    if doc.after is None:
                        made += [(doc, name) for name, _ in doc.contexts(w)]
                    else:  # the publishing index: what it reads of the others' titles and names
                        doc.after(w, made)
                found = paths(log())
            except Exception:
                found = {()}
        reads[doc.name] = found
    return reads
