"""Many content sets in one run: render and convert set by set, in parallel, memory flat.

`ita_docs.build.build` hands each set to `run_job` through an executor.
A job loads and checks its set, renders it and (with ``stage``) writes every
output to a temporary file beside its target, returning only paths and
hashes, so memory stays flat. Content problems come back as data, not
raised: when any set has one, the run removes every temporary and reports
all problems of all sets, and nothing is written. Otherwise each set is
committed (renamed into place, guarded by its manifest) as one transaction:

- ``jobs == 1``: in this process;
- ``jobs > 1``: a process pool, ``fork`` where the system has it (Linux, macOS: workers
  share the imported modules), else ``spawn`` (Windows, the clerk's PC: each worker imports
  ita-docs afresh and takes compiled templates, charts and word breaks from the user's cache
  folder, `ita_docs.render.store`); each keeps its own compiled templates in memory;
- ``scheduler="tcp://HOST:8786"``: a Dask cluster (``dask.distributed``, imported
  only then); results come back to this process, which writes them through
  the same manifest and transactions.

With ``pdf``, each worker process keeps its own warm LibreOffice
(`ita_docs.publish.PdfConverter`, started on first use, closed at exit) and
converts only the documents whose bytes changed: ``Job.reuse`` lists the
documents whose PDF on disk is still good.
"""

from __future__ import annotations

import atexit
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ContentError
from .outputs import PDF_SOURCES, Staged, discard, stage_file
from .sets import Rendered, check_set, load_all, render_set

BUNDLE_NAME = "bundle.pdf"
INDEX_DOCX = "publish-index.docx"  # ita_docs.documents.publish_index


@dataclass(frozen=True)
class Job:
    """One content set to render: where it is, its output folder name and manifest key, options."""

    source: Path
    name: str
    key: str
    output: Path
    only: tuple[str, ...] | None = None
    templates: Path | None = None
    pdf: bool = False
    bundle: bool = False
    reuse: dict[str, str] = field(default_factory=dict)  # docx file name -> sha256 whose PDF on disk is good
    stage: bool = True  # write temporaries beside the targets (a shared folder); False: return the bytes


@dataclass
class Done:
    """What became of a set: its outputs (bytes, or `Staged` temporaries) in publication order,
    or the content problems found, and the first PDF problem if any."""

    job: Job
    files: dict[Path, bytes | Staged] = field(default_factory=dict)
    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    pdf_error: str | None = None


_CONVERTER = None


def _converter():
    """This process's warm LibreOffice, started on first use and closed when the process ends."""
    global _CONVERTER
    if _CONVERTER is None:
        from ..publish import PdfConverter

        _CONVERTER = PdfConverter(jobs=1).start()
        atexit.register(_CONVERTER.close)
    return _CONVERTER


def run_job(job: Job) -> Done:
    """Load, check, render and (with ``pdf``) convert one set; stage its files when ``job.stage``.

    Content problems are returned in ``Done.errors`` (nothing staged);
    template and output problems are raised as `ItaDocsError`.
    """
    from ..errors import ContentErrors
    from ..render import words

    words.load()  # Thai word breaks found by earlier builds (issue 19: no PyThaiNLP import for them)
    try:
        (loaded,) = load_all([job.source])
    except ContentErrors as exc:
        return Done(job, errors=exc.errors)
    errors = check_set(loaded, list(job.only) if job.only else None)
    if errors:
        return Done(job, errors=errors, warnings=loaded.warnings)
    rendered = render_set(loaded, job.output, list(job.only) if job.only else None, job.templates, job.name)
    words.save()
    done = Done(job, warnings=loaded.warnings)
    files: dict[Path, bytes] = {r.path: r.data for r in rendered}
    if job.pdf:
        pdfs, done.pdf_error = _convert(job, rendered)
        files.update(pdfs)
        # The publishing index is the clerk's filing sheet, not part of the paperwork: not bundled.
        docs = [r for r in rendered if r.path.suffix == ".docx" and r.path.name != INDEX_DOCX]
        if job.bundle and docs and not done.pdf_error:
            from ..publish import bundle as merge

            files[docs[0].path.parent / BUNDLE_NAME] = merge(
                [(r.title or r.path.stem, pdfs[r.path.with_suffix(".pdf")]) for r in docs]
            )
    if job.stage:
        try:
            done.files = {path: stage_file(path, data) for path, data in files.items()}
        except BaseException:
            discard(done.files)
            raise
    else:
        done.files = dict(files)
    return done


def _convert(job: Job, rendered: list[Rendered]) -> tuple[dict[Path, bytes], str | None]:
    """PDFs of the set's .docx and .pptx (`PDF_SOURCES`; {pdf path: bytes}): converted, or read back
    when unchanged (``reuse``)."""
    from ..errors import ItaDocsError

    pdfs: dict[Path, bytes] = {}
    todo = []
    for r in rendered:
        if r.path.suffix not in PDF_SOURCES:
            continue
        target = r.path.with_suffix(".pdf")
        if job.reuse.get(r.path.name) == hashlib.sha256(r.data).hexdigest() and target.is_file():
            pdfs[target] = target.read_bytes()
        else:
            todo.append(r)
    if not todo:
        return pdfs, None
    try:
        results = _converter().convert_many([(r.path.name, r.data) for r in todo], return_exceptions=True)
    except ItaDocsError as exc:  # LibreOffice missing: the .docx and .pptx are still written
        return {}, str(exc)
    error = None
    for r, res in zip(todo, results):
        if isinstance(res, ItaDocsError):
            error = error or str(res)
        else:
            pdfs[r.path.with_suffix(".pdf")] = res
    return pdfs, error


Executor = Callable[[list[Job]], Iterator[Done]]


def serial(jobs: list[Job]) -> Iterator[Done]:
    for job in jobs:
        yield run_job(job)


def process_pool(workers: int, start_method: str | None = None) -> Executor:
    """Jobs over ``workers`` processes; results as they complete (a bounded number in flight).

    ``start_method`` (``fork``, ``spawn``, ``forkserver``): how workers start; default ``fork``
    where `multiprocessing.get_all_start_methods` has it, else ``spawn`` (Windows has no fork).
    """

    def run(jobs: list[Job]) -> Iterator[Done]:
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        method = start_method or ("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        pending = iter(jobs)
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method)) as pool:
            running = {pool.submit(run_job, j) for j in _take(pending, 2 * workers)}
            while running:
                finished, running = wait(running, return_when=FIRST_COMPLETED)
                running |= {pool.submit(run_job, j) for j in _take(pending, len(finished))}
                for f in finished:
                    yield f.result()

    return run


def dask_cluster(address: str) -> Executor:
    """Jobs on the Dask cluster at ``address`` (``tcp://HOST:8786``); each worker renders whole sets."""

    def run(jobs: list[Job]) -> Iterator[Done]:
        from dask.distributed import Client, as_completed

        with Client(address) as client:
            futures = client.map(run_job, jobs, pure=False)
            for future in as_completed(futures):
                yield future.result()
                future.release()

    return run


def executor(jobs: int, scheduler: str | None) -> Executor:
    """The executor for ``--jobs`` / ``--scheduler``."""
    if scheduler:
        return dask_cluster(scheduler)
    return process_pool(jobs) if jobs > 1 else serial


def _take(it: Iterator[Job], n: int) -> list[Job]:
    out = []
    for _ in range(n):
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out
