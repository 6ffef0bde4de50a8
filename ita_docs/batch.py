"""Many content sets in one run: render and convert set by set, in parallel, memory flat.

`ita_docs.pipeline.build` validates every set first (all problems reported
before anything is written), then hands each set to `run_job` through an
executor and writes each result as it arrives, one transaction per set:

- ``jobs == 1``: in this process;
- ``jobs > 1``: a process pool (``fork``: workers share the imported modules
  and each keeps its own compiled templates);
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

from .sets import Rendered, load_all, render_set


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
    reuse: dict[str, str] = field(default_factory=dict)  # docx file name -> sha256 whose PDF on disk is good


@dataclass
class Done:
    """A rendered set: its files in publication order and PDFs converted for it (by .docx path)."""

    job: Job
    rendered: list[Rendered]
    pdfs: dict[Path, bytes] = field(default_factory=dict)
    pdf_error: str | None = None


_CONVERTER = None


def _converter():
    """This process's warm LibreOffice, started on first use and closed when the process ends."""
    global _CONVERTER
    if _CONVERTER is None:
        from .publish import PdfConverter

        _CONVERTER = PdfConverter(jobs=1).start()
        atexit.register(_CONVERTER.close)
    return _CONVERTER


def run_job(job: Job) -> Done:
    """Load, render and (with ``pdf``) convert one set. Runs in a worker; raises `ItaDocsError`s as they are."""
    from .errors import ItaDocsError

    (loaded,) = load_all([job.source])
    done = Done(job, render_set(loaded, job.output, list(job.only) if job.only else None, job.templates, job.name))
    if job.pdf:
        todo = [r for r in done.rendered if r.path.suffix == ".docx"
                and job.reuse.get(r.path.name) != hashlib.sha256(r.data).hexdigest()]
        if todo:
            try:
                results = _converter().convert_many([(r.path.name, r.data) for r in todo], return_exceptions=True)
            except ItaDocsError as exc:  # LibreOffice missing: the .docx are still written
                done.pdf_error = str(exc)
                return done
            for r, res in zip(todo, results):
                if isinstance(res, ItaDocsError):
                    done.pdf_error = done.pdf_error or str(res)
                else:
                    done.pdfs[r.path] = res
    return done


Executor = Callable[[list[Job]], Iterator[Done]]


def serial(jobs: list[Job]) -> Iterator[Done]:
    for job in jobs:
        yield run_job(job)


def process_pool(workers: int) -> Executor:
    """Jobs over ``workers`` processes; results as they complete (a bounded number in flight)."""

    def run(jobs: list[Job]) -> Iterator[Done]:
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        pending = iter(jobs)
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
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
