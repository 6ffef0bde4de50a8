"""Word → PDF through a pool of warm LibreOffice workers (see `ita_docs.publish`).

Each worker is one thread that owns one `Office` (a ``soffice.bin`` with its
own profile and UNO pipe, plus its bridge process). The thread starts the
office, takes documents from the converter's queue one at a time, restarts
the office after ``restart_after`` documents, after a crash (the document is
then tried once more) and after a document ran past ``timeout`` seconds (that
document fails). A worker thread lives as long as the converter, because the
kernel kills the office when the thread that started it ends.
"""

from __future__ import annotations

import itertools
import os
import queue
import shutil
import threading
from collections.abc import Iterable
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass
from pathlib import Path
from typing import Self, Union

from ..files import write_file as write_atomic
from .errors import PdfConversionError, PdfConversionErrors, PdfUnavailable, text
from .fonts import FontSetup, prepare
from .office import Office, OfficeCrashed, OfficeTimeout, find_soffice, find_uno_python, new_workdir
from .pages import page_number_digits

#: A document to convert: a .docx path, its bytes, or (name, bytes) where the
#: name (e.g. the path the .docx would have) is what errors mention.
Source = Union[str, os.PathLike, bytes, "tuple[str | os.PathLike, bytes]"]


def available(soffice: str | os.PathLike | None = None) -> bool:
    """Whether LibreOffice and a Python with uno are there (fonts are checked at start)."""
    try:
        find_uno_python(find_soffice(soffice))
    except PdfUnavailable:
        return False
    return True


@dataclass
class _Job:
    name: str
    path: Path | None
    data: bytes | None
    thai_page_numbers: bool | None
    future: Future
    page_range: str | None = None


def _job(
    source: Source,
    name: str | None = None,
    thai_page_numbers: bool | None = None,
    page_range: str | None = None,
) -> _Job:
    if isinstance(source, tuple):
        label, data = source
        return _Job(str(name or label), None, bytes(data), thai_page_numbers, Future(), page_range)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _Job(name or "<docx>", None, bytes(source), thai_page_numbers, Future(), page_range)
    path = Path(source)
    return _Job(name or str(path), path.absolute(), None, thai_page_numbers, Future(), page_range)


def _size(job: _Job) -> int:
    if job.data is not None:
        return len(job.data)
    try:
        return job.path.stat().st_size if job.path is not None else 0
    except OSError:
        return 0


class _Worker(threading.Thread):
    def __init__(self, converter: PdfConverter, index: int, program: Path, python: str, fonts: FontSetup):
        super().__init__(name=f"ita-docs-pdf-{index}", daemon=True)
        self.converter = converter
        self.workdir = new_workdir()
        self.office = Office(program, python, fonts, self.workdir)
        self.ready: Future = Future()
        self.since_start = 0
        self.serial = itertools.count()

    def _start(self) -> None:
        self.office.start(self.converter.start_timeout)
        self.since_start = 0
        self.converter._started_office()

    def run(self) -> None:
        try:
            try:
                self._start()
            except OfficeCrashed as exc:
                self.ready.set_exception(PdfUnavailable("start_failed", reason=str(exc)))
                return
            self.ready.set_result(True)
            while (job := self.converter._queue.get()) is not None:
                if not job.future.set_running_or_notify_cancel():
                    continue
                try:
                    job.future.set_result(self._convert(job))
                except BaseException as exc:
                    job.future.set_exception(exc)
        finally:
            self.office.stop()
            shutil.rmtree(self.workdir, ignore_errors=True)

    def _convert(self, job: _Job) -> bytes:
        n = next(self.serial)
        # LibreOffice always reads a private copy: its lock files never land beside the user's file.
        src = self.workdir / f"in-{n}{Path(job.name).suffix.lower() or '.docx'}"
        try:
            if job.path is None:
                src.write_bytes(job.data or b"")
            else:
                shutil.copyfile(job.path, src)
        except OSError as exc:
            src.unlink(missing_ok=True)
            reason = (
                text("missing_file") if isinstance(exc, FileNotFoundError) else (exc.strerror or str(exc))
            )
            raise PdfConversionError(job.name, reason) from None
        dst = self.workdir / f"out-{n}.pdf"
        thai = job.thai_page_numbers
        if thai is None:
            thai = page_number_digits(src) == "thai"
        try:
            for attempt in (1, 2):
                if self.converter._closed:
                    raise PdfConversionError(job.name, text("closed"))
                if not self.office.pids:
                    try:
                        self._start()
                    except OfficeCrashed as exc:
                        raise PdfConversionError(job.name, text("start_failed", reason=str(exc))) from None
                try:
                    self.office.convert(
                        src,
                        dst,
                        thai_page_numbers=thai,
                        timeout=self.converter.timeout,
                        page_range=job.page_range,
                    )
                except OfficeTimeout:
                    self.office.stop()
                    raise PdfConversionError(
                        job.name, text("timeout", seconds=self.converter.timeout)
                    ) from None
                except OfficeCrashed as exc:
                    self.office.stop()
                    if attempt == 2:
                        raise PdfConversionError(job.name, text("crashed", reason=str(exc))) from None
                    continue
                except RuntimeError as exc:
                    raise PdfConversionError(job.name, str(exc)) from None
                break
            self.since_start += 1
            if self.since_start >= self.converter.restart_after:
                self.office.stop()  # a fresh office for the next document
            data = dst.read_bytes() if dst.is_file() else b""
            if not data.startswith(b"%PDF"):
                raise PdfConversionError(job.name, text("bad_pdf", reason="no PDF written"))
            return data
        finally:
            dst.unlink(missing_ok=True)
            src.unlink(missing_ok=True)


class PdfConverter:
    """A pool of ``jobs`` warm LibreOffice workers converting .docx to PDF bytes.

    ``restart_after``: documents per office before it is restarted (memory,
    leaks); ``timeout``: seconds one document may take (then its office is
    killed and restarted and the document fails); ``start_timeout``: seconds
    an office may take to start. ``soffice`` / ``uno_python`` override the
    programs found on PATH (also ``ITA_DOCS_SOFFICE``, ``ITA_DOCS_UNO_PYTHON``).
    """

    def __init__(
        self,
        jobs: int = 1,
        *,
        restart_after: int = 200,
        timeout: float = 120.0,
        start_timeout: float = 60.0,
        soffice: str | os.PathLike | None = None,
        uno_python: str | None = None,
        font_cache: Path | None = None,
    ):
        if jobs < 1 or restart_after < 1:
            raise ValueError("jobs and restart_after must be at least 1")
        self.jobs, self.restart_after, self.timeout, self.start_timeout = (
            jobs,
            restart_after,
            timeout,
            start_timeout,
        )
        self._soffice, self._uno_python, self._font_cache = soffice, uno_python, font_cache
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        #: how many times an office was started (jobs at the start, +1 per restart)
        self.starts = 0

    def _started_office(self) -> None:
        with self._lock:
            self.starts += 1

    @property
    def pids(self) -> list[int]:
        """Process ids of the running offices and bridges (for monitoring and tests)."""
        return [pid for w in self._workers for pid in w.office.pids]

    def start(self) -> Self:
        """Start every worker and wait until each office answers. Raises `PdfUnavailable`."""
        if self._closed:
            raise PdfUnavailable("start_failed", reason=text("closed"))
        if self._workers:
            return self
        program = find_soffice(self._soffice)
        python = find_uno_python(program, self._uno_python)
        fonts = prepare(self._font_cache)
        self._workers = [_Worker(self, i, program, python, fonts) for i in range(self.jobs)]
        for w in self._workers:
            w.start()
        try:
            for w in self._workers:
                w.ready.result(timeout=self.start_timeout + 30)
        except BaseException:
            self.close()
            raise
        return self

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type, *exc) -> None:
        self.close(kill=exc_type is not None)  # Ctrl-C or an error: do not wait for running conversions

    def close(self, *, kill: bool = False) -> None:
        """Stop every office; queued documents not yet started are cancelled.

        Running conversions finish first, unless ``kill`` stops them at once
        (they then fail with `PdfConversionError`).
        """
        if self._closed:
            return
        self._closed = True
        while True:
            try:
                job = self._queue.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                job.future.cancel()
        for _ in self._workers:
            self._queue.put(None)
        if kill:
            for w in self._workers:
                w.office.kill_now()
        for w in self._workers:
            w.join()

    def _submit(self, job: _Job) -> _Job:
        if self._closed:
            raise PdfConversionError(job.name, text("closed"))
        self.start()
        self._queue.put(job)
        return job

    @staticmethod
    def _result(job: _Job) -> bytes:
        try:
            return job.future.result()
        except CancelledError:
            raise PdfConversionError(job.name, text("closed")) from None

    def convert(
        self,
        source: Source,
        *,
        name: str | None = None,
        thai_page_numbers: bool | None = None,
        page_range: str | None = None,
    ) -> bytes:
        """The PDF of one document, as bytes. Raises `PdfConversionError` naming the file.

        ``thai_page_numbers`` defaults to what the document's ``w:pgNumType`` asks for;
        ``page_range`` (LibreOffice's syntax: ``"1"``, ``"2-4"``) exports only those pages
        (the document is still laid out whole, so page numbers stay right).
        """
        return self._result(self._submit(_job(source, name, thai_page_numbers, page_range)))

    def convert_many(
        self, sources: Iterable[Source], *, return_exceptions: bool = False, page_range: str | None = None
    ) -> list:
        """The PDFs of many documents in input order, converted in parallel over the workers.

        Raises `PdfConversionErrors` (every failed file, one line each) after the
        whole batch ran, unless ``return_exceptions`` puts each
        `PdfConversionError` in its document's place instead. ``page_range`` as in `convert`.
        """
        jobs = [_job(s, page_range=page_range) for s in sources]
        # Biggest first (bytes stand for pages): the batch does not end with one worker busy on
        # the slide deck while the others wait.
        for job in sorted(jobs, key=_size, reverse=True):
            self._submit(job)
        results: list = []
        for job in jobs:
            try:
                results.append(self._result(job))
            except PdfConversionError as exc:
                results.append(exc)
        errors = [r for r in results if isinstance(r, PdfConversionError)]
        if errors and not return_exceptions:
            raise PdfConversionErrors(errors)
        return results


def convert_files(
    paths: Iterable[str | os.PathLike],
    output_dir: Path | None = None,
    *,
    converter: PdfConverter | None = None,
    jobs: int = 1,
) -> list[Path]:
    """``ita-docs pdf FILE...``: each .docx to a .pdf beside it (or in ``output_dir``).

    The PDFs that converted are written (atomically); then `PdfConversionErrors`
    names the files that did not.
    """
    files = [Path(p) for p in paths]
    own = converter is None
    conv = converter or PdfConverter(jobs=min(jobs, max(1, len(files))))
    try:
        results = conv.convert_many(files, return_exceptions=True)
    finally:
        if own:
            conv.close()
    written: list[Path] = []
    for path, result in zip(files, results):
        if not isinstance(result, PdfConversionError):
            target = (output_dir or path.parent) / path.with_suffix(".pdf").name
            written.append(write_atomic(target, result))
    errors = [r for r in results if isinstance(r, PdfConversionError)]
    if errors:
        raise PdfConversionErrors(errors)
    return written
