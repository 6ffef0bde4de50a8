"""One build at a time per output folder: a lock file (``filelock``) held while a build writes.

Two builds writing into one folder at once never corrupt a file (each write is
a rename), but one of them would fail on the other's temporaries. `output_lock`
holds ``<output>/.ita-docs.lock`` (an OS lock: released when the process ends,
even after kill -9) for the whole build; a second build waits `LOCK_WAIT`
seconds, then raises `OutputBusy` (the CLI exits 2 and says another build is
writing there). The lock file is hidden (it starts with a dot, so watchers and
content keys ignore it); a folder the build made only for its lock is removed
again.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from ..errors import ItaDocsError
from ..messages import msg

LOCK_NAME = ".ita-docs.lock"
LOCK_WAIT = 5.0  # seconds a second build waits for the first before giving up


@dataclass
class OutputBusy(ItaDocsError):
    """Another build holds the lock of ``folder`` (exit status 2)."""

    folder: Path
    waited: float
    exit_status = 2

    def __str__(self) -> str:
        return msg("output_busy", folder=self.folder, seconds=f"{self.waited:g}")


@contextmanager
def output_lock(folder: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the build lock of ``folder`` (made if missing) for the ``with`` block.

    Waits up to ``wait`` seconds (default `LOCK_WAIT`) for another build, then
    raises `OutputBusy`. Raises `ita_docs.errors.OutputError` when the folder
    cannot be made.
    """
    from filelock import FileLock, Timeout

    from ..errors import OutputError

    wait = LOCK_WAIT if wait is None else wait
    made = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(exc.strerror or exc), folder) from None
    lock = FileLock(folder / LOCK_NAME)
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise OutputBusy(folder, wait) from None
    except OSError as exc:
        raise OutputError(str(exc.strerror or exc), folder / LOCK_NAME) from None
    try:
        yield
    finally:
        lock.release()
        if made and [p.name for p in folder.iterdir()] == [LOCK_NAME]:
            (folder / LOCK_NAME).unlink(missing_ok=True)
            with suppress(OSError):
                folder.rmdir()
