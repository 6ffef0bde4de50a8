"""One warm LibreOffice: a ``soffice.bin`` process and its UNO bridge process.

`Office` owns a private profile folder (the font replacement table and the
prepared fonts of `ita_docs.publish.fonts`), starts ``soffice.bin`` listening
on a named UNO pipe, and starts ``_bridge.py`` under a Python that can
``import uno``; requests and answers are JSON lines on the bridge's stdin and
stdout, so ita-docs itself never imports uno.

Both processes run in their own session (a Ctrl-C in the terminal reaches only
ita-docs, which then stops them) and, on Linux, with ``PR_SET_PDEATHSIG =
SIGKILL``: if the Python process that started them dies, even by ``kill -9``,
the kernel kills them too. ``soffice.bin`` is started directly, not through
the ``soffice`` shell script and ``oosplash``, so that the signal reaches the
process that does the work. The death signal follows the *thread* that
started a process, which is why `ita_docs.publish.pdf` starts and uses each
Office from one long-lived thread.
"""
from __future__ import annotations

import ctypes
import functools
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from xml.sax.saxutils import escape

from .errors import PdfUnavailable, text
from .fonts import FontSetup

BRIDGE = Path(__file__).with_name("_bridge.py")
RESTART_EXIT = 81  # soffice.bin asks to be started again after creating a profile
_PR_SET_PDEATHSIG = 1


class OfficeCrashed(Exception):
    """The office or its bridge died, or stopped answering, during a request."""


class OfficeTimeout(Exception):
    """A request took longer than its time limit."""


def find_soffice(soffice: str | os.PathLike | None = None) -> Path:
    """The LibreOffice program to start: ``soffice.bin`` beside ``soffice`` when there is one.

    ``soffice`` (or ``ITA_DOCS_SOFFICE``) may name it; otherwise ``soffice`` or
    ``libreoffice`` on PATH. Raises `PdfUnavailable` when there is none.
    """
    given = soffice or os.environ.get("ITA_DOCS_SOFFICE")
    found = shutil.which(str(given)) if given else (shutil.which("soffice") or shutil.which("libreoffice"))
    if not found:
        raise PdfUnavailable("no_soffice")
    real = Path(found).resolve()
    binary = real.with_name("soffice.bin")
    return binary if binary.is_file() and os.access(binary, os.X_OK) else real


@functools.lru_cache(maxsize=None)
def _can_import_uno(python: str) -> bool:
    try:
        return subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def find_uno_python(program: Path, python: str | None = None) -> str:
    """A Python that can ``import uno``: ITA_DOCS_UNO_PYTHON, LibreOffice's own, or the system's."""
    given = python or os.environ.get("ITA_DOCS_UNO_PYTHON")
    candidates = [given] if given else [
        str(program.with_name("python")),  # LibreOffice's own builds (TDF packages, macOS, Windows)
        "/usr/bin/python3",  # Debian/Ubuntu's python3-uno
        shutil.which("python3"),
        sys.executable,
    ]
    for cand in candidates:
        if cand and (os.path.isfile(cand) or shutil.which(cand)) and _can_import_uno(cand):
            return cand
    raise PdfUnavailable("no_uno", soffice=program)


def registry(fonts: FontSetup) -> str:
    """The profile's ``registrymodifications.xcu``: font replacement table, no autosave, no lock files."""
    items = [
        ("/org.openoffice.Office.Common/Misc", '<prop oor:name="UseOpenCL" oor:op="fuse"><value>false</value></prop>'),
        ("/org.openoffice.Office.Common/Misc", '<prop oor:name="UseDocumentOOoLockFile" oor:op="fuse"><value>false</value></prop>'),
        ("/org.openoffice.Office.Recovery/AutoSave", '<prop oor:name="Enabled" oor:op="fuse"><value>false</value></prop>'),
        ("/org.openoffice.Office.Common/Font/Substitution",
         f'<prop oor:name="Replacement" oor:op="fuse"><value>{"true" if fonts.replacements else "false"}</value></prop>'),
    ]
    for i, (wanted, substitute) in enumerate(fonts.replacements):
        props = {"Always": "true", "OnScreenOnly": "false", "ReplaceFont": escape(wanted), "SubstituteFont": escape(substitute)}
        body = "".join(f'<prop oor:name="{k}" oor:op="fuse"><value>{v}</value></prop>' for k, v in props.items())
        items.append(("/org.openoffice.Office.Common/Font/Substitution/FontPairs",
                      f'<node oor:name="_{i}" oor:op="replace">{body}</node>'))
    lines = "\n".join(f'<item oor:path="{path}">{xml}</item>' for path, xml in items)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"'
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' + lines + "\n</oor:items>\n")


def _die_with_parent(parent: int):
    """A preexec_fn: SIGKILL this child when the thread that started it ends (Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None

    def preexec() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return preexec


def _kill(proc: subprocess.Popen | None) -> None:
    if proc is None:
        return
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # its own session: the group id is its pid
    except (ProcessLookupError, PermissionError, OSError):
        pass
    try:
        proc.kill()
    except OSError:
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


class Office:
    """A started LibreOffice and its bridge; `convert` one document at a time."""

    def __init__(self, program: Path, python: str, fonts: FontSetup, workdir: Path):
        self.program, self.python, self.fonts = program, python, fonts
        self.workdir = workdir
        self.soffice: subprocess.Popen | None = None
        self.bridge: subprocess.Popen | None = None
        self._buffer = b""

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in (self.soffice, self.bridge) if p is not None and p.poll() is None]

    def _profile(self) -> Path:
        profile = self.workdir / "profile"
        shutil.rmtree(profile, ignore_errors=True)  # a fresh profile each start: nothing left from a crash
        (profile / "user" / "fonts").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(registry(self.fonts), encoding="utf-8")
        for font in self.fonts.files:
            shutil.copyfile(font, profile / "user" / "fonts" / font.name)
        return profile

    def _spawn(self, args: list[str], **kw) -> subprocess.Popen:
        return subprocess.Popen(args, start_new_session=True, preexec_fn=_die_with_parent(os.getpid()),
                                close_fds=True, **kw)

    def start(self, timeout: float = 60.0) -> None:
        """Start soffice.bin and the bridge; return when the bridge is connected. Raises OfficeCrashed."""
        try:
            self._start(timeout)
        except OSError as exc:  # a program that cannot be run, a full disk...
            self.stop()
            raise OfficeCrashed(f"{exc.strerror or exc}: {exc.filename or self.program}") from None

    def _start(self, timeout: float) -> None:
        profile = self._profile()
        pipe = f"ita-docs-{os.getpid()}-{uuid.uuid4().hex[:12]}"
        soffice_args = [
            str(self.program), "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
            "--nofirststartwizard", "--nolockcheck", f"-env:UserInstallation={profile.as_uri()}",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ]
        log = open(self.workdir / "soffice.log", "ab")
        try:
            self.soffice = self._spawn(soffice_args, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
            self.bridge = self._spawn([self.python, str(BRIDGE), pipe, str(timeout)], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=log)
        finally:
            log.close()
        self._buffer = b""
        deadline = time.monotonic() + timeout
        restarted = False
        while True:
            code = self.soffice.poll()
            if code == RESTART_EXIT and not restarted:
                restarted = True
                with open(self.workdir / "soffice.log", "ab") as log:
                    self.soffice = self._spawn(soffice_args, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
            elif code is not None:
                self.stop()
                raise OfficeCrashed(f"soffice exited with status {code}{self._log_tail()}")
            try:
                answer = self._read(min(0.1, max(0.0, deadline - time.monotonic())))
            except OfficeTimeout:
                if time.monotonic() >= deadline:
                    self.stop()
                    raise OfficeCrashed(f"no connection after {timeout:g} s{self._log_tail()}") from None
                continue
            if not answer.get("ready"):
                self.stop()
                raise OfficeCrashed(str(answer.get("error", answer)) + self._log_tail())
            return

    def _log_tail(self) -> str:
        try:
            tail = (self.workdir / "soffice.log").read_text(errors="replace").strip().splitlines()[-3:]
        except OSError:
            return ""
        return f" ({' / '.join(tail)})" if tail else ""

    def _read(self, timeout: float) -> dict:
        """The next JSON line from the bridge; OfficeTimeout if none came in time, OfficeCrashed at EOF."""
        deadline = time.monotonic() + timeout
        assert self.bridge is not None and self.bridge.stdout is not None
        fd = self.bridge.stdout.fileno()
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise OfficeTimeout()
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                raise OfficeTimeout()
            chunk = os.read(fd, 65536)
            if not chunk:
                status = self.bridge.poll()
                raise OfficeCrashed(f"the UNO bridge ended (status {status}){self._log_tail()}")
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return json.loads(line)

    def convert(self, src: Path, dst: Path, *, thai_page_numbers: bool, timeout: float) -> None:
        """Convert ``src`` (.docx) to ``dst`` (.pdf). Raises RuntimeError (document problem),
        OfficeTimeout or OfficeCrashed (the office must be restarted)."""
        if self.bridge is None or self.bridge.poll() is not None or self.soffice is None or self.soffice.poll() is not None:
            raise OfficeCrashed("LibreOffice is not running")
        request = {"src": str(src), "dst": str(dst), "thai_page_numbers": thai_page_numbers}
        assert self.bridge.stdin is not None
        try:
            self.bridge.stdin.write((json.dumps(request) + "\n").encode())
            self.bridge.stdin.flush()
        except OSError as exc:
            raise OfficeCrashed(str(exc)) from None
        answer = self._read(timeout)
        if not answer.get("ok"):
            if answer.get("fatal") or self._died(answer.get("error", "")):
                raise OfficeCrashed(answer.get("error", ""))
            if answer.get("code") == "unreadable":
                raise RuntimeError(text("unreadable"))
            raise RuntimeError(answer.get("error") or "?")

    def _died(self, error: str) -> bool:
        """Whether soffice is gone: after an error UNO reports as a RuntimeException, give it a moment to exit."""
        assert self.soffice is not None
        try:
            self.soffice.wait(timeout=0.5 if "RuntimeException" in error or "Disposed" in error else 0)
        except subprocess.TimeoutExpired:
            return False
        return True

    def kill_now(self) -> None:
        """SIGKILL both processes, from any thread; the owning thread notices and cleans up."""
        for proc in (self.soffice, self.bridge):
            if proc is not None:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except OSError:
                    pass

    def stop(self) -> None:
        """Kill both processes (the profile is thrown away at the next start anyway)."""
        if self.bridge is not None and self.bridge.stdin is not None:
            try:
                self.bridge.stdin.close()
            except OSError:
                pass
        _kill(self.soffice)
        _kill(self.bridge)
        for stream in (self.bridge.stdout if self.bridge else None,):
            if stream is not None:
                stream.close()
        self.soffice = self.bridge = None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def new_workdir() -> Path:
    """A private folder for one worker (profile, temporary files), named after this process.

    Folders left by a process that was killed (``kill -9`` leaves no chance to
    clean up) are removed here, on the next run.
    """
    tmp = Path(tempfile.gettempdir())
    for old in tmp.glob("ita-docs-pdf-*-*"):
        pid = old.name.split("-")[3]
        try:
            mine = old.stat().st_uid == os.getuid()
        except OSError:
            continue
        if mine and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"ita-docs-pdf-{os.getpid()}-"))
