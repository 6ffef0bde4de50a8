"""Everything the PDF converter does differently on Linux/macOS and on Windows, in one place.

Two branches:

- **POSIX** (Linux, macOS): LibreOffice and its bridge run in their own session (a Ctrl-C in
  the terminal reaches only ita-docs); on Linux with ``PR_SET_PDEATHSIG = SIGKILL``, so the
  kernel kills them if ita-docs dies, even by ``kill -9``; the bridge's answers are read with
  ``select`` on its pipe; a stop is ``killpg(SIGKILL)`` of the session.
- **portable** (Windows, the clerk's PC): the bridge's answers are read by a thread into a
  queue; a stop kills the process and all its descendants through psutil; when ita-docs dies,
  the bridge sees its input end and closes LibreOffice itself (``_bridge.py``); children are
  started in a new process group (Ctrl-C) without a console window. LibreOffice is also
  looked for under Program Files, with its own bundled Python (``program\\python.exe``).

The portable branch is used on Windows, and anywhere when ``ITA_DOCS_PORTABLE_OFFICE=1``: the
Linux tests run both (``tests/publish/test_publish_platform.py``). Nothing outside this module calls
``os.killpg``, ``prctl``, ``select``, ``signal.SIGKILL``, ``os.getuid`` or ``preexec_fn``
(a test checks the sources). See ``docs/platforms.md`` for what is tested where.
"""

from __future__ import annotations

import contextlib
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

import psutil  # type: ignore[import-untyped]

FORCE_PORTABLE = "ITA_DOCS_PORTABLE_OFFICE"
WINDOWS = os.name == "nt"
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
INSTALL_POSIX = "sudo apt-get install libreoffice-writer python3-uno fonts-tlwg-laksaman"
INSTALL_WINDOWS = "ตัวติดตั้งจาก https://www.libreoffice.org/download/ (LibreOffice มี Python และ uno มาในตัว)"


def portable() -> bool:
    """Whether the portable (Windows) branch is used: on Windows, or when forced by the environment."""
    return WINDOWS or os.environ.get(FORCE_PORTABLE, "") not in ("", "0")


def install_hint() -> str:
    """How to install LibreOffice on this machine (put after "install it with")."""
    return INSTALL_WINDOWS if WINDOWS else INSTALL_POSIX


# ---- finding LibreOffice


def program_names() -> tuple[str, str]:
    """File names of (the office program, LibreOffice's own Python) in its ``program`` folder."""
    return ("soffice.exe", "python.exe") if WINDOWS else ("soffice", "python")


def office_dirs() -> list[Path]:
    """``program`` folders of LibreOffice installed in the usual places (Program Files on Windows;
    in the portable branch elsewhere too, read from the same variables), newest name first."""
    roots = (
        [os.environ.get(v) for v in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
        if portable()
        else []
    )
    found = []
    for root in filter(None, roots):
        for d in sorted(Path(root).glob("LibreOffice*"), reverse=True):
            if (d / "program").is_dir() and d / "program" not in found:
                found.append(d / "program")
    return found


def office_binary(program: Path) -> Path:
    """The process to start for ``program``: ``soffice.bin`` beside the ``soffice`` script on POSIX
    (so that the death signal reaches the process that works); the launcher itself on Windows,
    whose ``soffice.bin`` child is stopped with the whole tree."""
    if WINDOWS:
        return program
    binary = program.with_name("soffice.bin")
    return binary if binary.is_file() and os.access(binary, os.X_OK) else program


def font_dirs() -> list[Path]:
    """Folders where installed fonts live."""
    if WINDOWS:
        dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        if os.environ.get("LOCALAPPDATA"):
            dirs.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    return [
        Path(d).expanduser()
        for d in (
            "/usr/share/fonts",
            "/usr/local/share/fonts",
            "~/.local/share/fonts",
            "~/.fonts",
            "/Library/Fonts",
            "~/Library/Fonts",
        )
    ]


def owned_by_me(path: Path) -> bool:
    """Whether this user owns ``path`` (on Windows the temporary folder is per user: always)."""
    if WINDOWS or not hasattr(os, "getuid"):
        return True
    try:
        return path.stat().st_uid == os.getuid()
    except OSError:
        return False


def alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie does not)."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


# ---- starting and stopping


def spawn(args: list[str], **kw: Any) -> subprocess.Popen:
    """Start a LibreOffice or bridge process, detached from the terminal's Ctrl-C.

    POSIX: own session; on Linux the child is killed when the calling *thread* ends
    (PR_SET_PDEATHSIG). Portable: a new process group without a console window on Windows, own
    session elsewhere; nothing kills it with its parent (the bridge closes the office instead).
    """
    if WINDOWS:
        flags = subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW  # type: ignore[attr-defined]
        return subprocess.Popen(args, creationflags=flags, close_fds=True, **kw)
    if portable():
        return subprocess.Popen(args, start_new_session=True, close_fds=True, **kw)
    return subprocess.Popen(
        args, start_new_session=True, preexec_fn=_die_with_parent(os.getpid()), close_fds=True, **kw
    )


def _die_with_parent(parent: int):
    """A preexec_fn: SIGKILL this child when the thread that started it ends (Linux only)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes
    import signal

    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None

    def preexec() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return preexec


def kill_tree(proc: subprocess.Popen | None) -> None:
    """Kill ``proc`` and everything it started, at once, from any thread (no wait)."""
    if proc is None:
        return
    if not portable():
        import signal

        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)  # its own session: the group id is its pid
    else:
        try:
            victims = [psutil.Process(proc.pid)]
            victims += victims[0].children(recursive=True)
        except psutil.Error:
            victims = []
        for p in victims:
            with contextlib.suppress(psutil.Error):
                p.kill()
    with contextlib.suppress(OSError):
        proc.kill()


def stop(proc: subprocess.Popen | None, timeout: float = 10.0) -> None:
    """`kill_tree` and wait (up to ``timeout`` seconds) until ``proc`` is gone."""
    if proc is None:
        return
    kill_tree(proc)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=timeout)


# ---- reading the bridge's answers


class Closed(Exception):
    """The pipe reached its end (the process closed it or died)."""


class LineReader:
    """Lines from a child's pipe with a time limit: `select` (POSIX) or a reader thread (portable)."""

    def __init__(self, stream: IO[bytes]):
        self.stream = stream
        self.threaded = portable()
        self._buffer = b""
        self._lines: queue.Queue[bytes | None] = queue.Queue()
        if self.threaded:
            threading.Thread(target=self._pump, name="ita-docs-bridge-reader", daemon=True).start()

    def _pump(self) -> None:
        try:
            for line in iter(self.stream.readline, b""):
                self._lines.put(line)
        except (OSError, ValueError):  # closed under us by stop()
            pass
        self._lines.put(None)

    def readline(self, timeout: float) -> bytes | None:
        """The next line without its newline; None if none came within ``timeout`` seconds.
        Raises `Closed` at the end of the pipe."""
        if self.threaded:
            try:
                line = self._lines.get(timeout=max(0.0, timeout))
            except queue.Empty:
                return None
            if line is None:
                self._lines.put(None)  # stays closed for later calls
                raise Closed()
            return line.rstrip(b"\r\n")
        import select

        deadline = time.monotonic() + timeout
        fd = self.stream.fileno()
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                raise Closed()
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line.rstrip(b"\r")
