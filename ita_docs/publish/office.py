"""One warm LibreOffice: a ``soffice.bin`` process and its UNO bridge process.

`Office` owns a private profile folder (the font replacement table and the
prepared fonts of `ita_docs.publish.fonts`), starts ``soffice.bin`` listening
on a named UNO pipe, and starts ``_bridge.py`` under a Python that can
``import uno``; requests and answers are JSON lines on the bridge's stdin and
stdout, so ita-docs itself never imports uno.

How the processes are started, read and stopped differs between Linux and
Windows and lives in `ita_docs.publish.platform` alone: on Linux both run in
their own session with ``PR_SET_PDEATHSIG = SIGKILL`` (if the Python process
that started them dies, even by ``kill -9``, the kernel kills them too), and
``soffice.bin`` is started directly, not through the ``soffice`` shell script
and ``oosplash``, so that the signal reaches the process that does the work.
The death signal follows the *thread* that started a process, which is why
`ita_docs.publish.pdf` starts and uses each Office from one long-lived thread.
On Windows (and with ``ITA_DOCS_PORTABLE_OFFICE=1``) the bridge closes the
office when ita-docs goes away, and stops are done on the process tree.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from xml.sax.saxutils import escape

from . import platform
from .errors import PdfUnavailable, text
from .fonts import FontSetup

BRIDGE = Path(__file__).with_name("_bridge.py")
RESTART_EXIT = 81  # soffice.bin asks to be started again after creating a profile


class OfficeCrashed(Exception):
    """The office or its bridge died, or stopped answering, during a request."""


class OfficeTimeout(Exception):
    """A request took longer than its time limit."""


def find_soffice(soffice: str | os.PathLike | None = None) -> Path:
    """The LibreOffice program to start (`platform.office_binary`: ``soffice.bin`` beside
    ``soffice`` on Linux).

    ``soffice`` (or ``ITA_DOCS_SOFFICE``) may name it; otherwise ``soffice`` or
    ``libreoffice`` on PATH, then LibreOffice under Program Files (Windows, where the
    installer does not touch PATH). Raises `PdfUnavailable` when there is none.
    """
    given = soffice or os.environ.get("ITA_DOCS_SOFFICE")
    if given:
        found = shutil.which(str(given))
    else:
        found = shutil.which("soffice") or shutil.which("libreoffice")
        name = platform.program_names()[0]
        for d in [] if found else platform.office_dirs():
            if (d / name).is_file():
                found = str(d / name)
                break
    if not found:
        raise PdfUnavailable("no_soffice")
    return platform.office_binary(Path(found).resolve())


@functools.cache
def _can_import_uno(python: str) -> bool:
    try:
        return (
            subprocess.run(
                [python, "-c", "import uno"], check=False, capture_output=True, timeout=60
            ).returncode
            == 0
        )
    except (OSError, subprocess.SubprocessError):
        return False


def find_uno_python(program: Path, python: str | None = None) -> str:
    """A Python that can ``import uno``: ITA_DOCS_UNO_PYTHON, LibreOffice's own, or the system's."""
    given = python or os.environ.get("ITA_DOCS_UNO_PYTHON")
    candidates = (
        [given]
        if given
        else [
            str(
                program.with_name(platform.program_names()[1])
            ),  # LibreOffice's own (TDF packages, macOS, Windows)
            "/usr/bin/python3",  # Debian/Ubuntu's python3-uno
            shutil.which("python3"),
            sys.executable,
        ]
    )
    for cand in candidates:
        if cand and (os.path.isfile(cand) or shutil.which(cand)) and _can_import_uno(cand):
            return cand
    raise PdfUnavailable("no_uno", soffice=program)


def registry(fonts: FontSetup) -> str:
    """The profile's ``registrymodifications.xcu``: font replacement table, no autosave, no lock files."""
    items = [
        (
            "/org.openoffice.Office.Common/Misc",
            '<prop oor:name="UseOpenCL" oor:op="fuse"><value>false</value></prop>',
        ),
        (
            "/org.openoffice.Office.Common/Misc",
            '<prop oor:name="UseDocumentOOoLockFile" oor:op="fuse"><value>false</value></prop>',
        ),
        (
            "/org.openoffice.Office.Recovery/AutoSave",
            '<prop oor:name="Enabled" oor:op="fuse"><value>false</value></prop>',
        ),
        (
            "/org.openoffice.Office.Common/Font/Substitution",
            f'<prop oor:name="Replacement" oor:op="fuse"><value>{"true" if fonts.replacements else "false"}</value></prop>',
        ),
    ]
    for i, (wanted, substitute) in enumerate(fonts.replacements):
        props = {
            "Always": "true",
            "OnScreenOnly": "false",
            "ReplaceFont": escape(wanted),
            "SubstituteFont": escape(substitute),
        }
        body = "".join(
            f'<prop oor:name="{k}" oor:op="fuse"><value>{v}</value></prop>' for k, v in props.items()
        )
        items.append(
            (
                "/org.openoffice.Office.Common/Font/Substitution/FontPairs",
                f'<node oor:name="_{i}" oor:op="replace">{body}</node>',
            )
        )
    lines = "\n".join(f'<item oor:path="{path}">{xml}</item>' for path, xml in items)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' + lines + "\n</oor:items>\n"
    )


class Office:
    """A started LibreOffice and its bridge; `convert` one document at a time."""

    def __init__(self, program: Path, python: str, fonts: FontSetup, workdir: Path):
        self.program, self.python, self.fonts = program, python, fonts
        self.workdir = workdir
        self.soffice: subprocess.Popen | None = None
        self.bridge: subprocess.Popen | None = None
        self._reader: platform.LineReader | None = None

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
        return platform.spawn(args, **kw)

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
            str(self.program),
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nofirststartwizard",
            "--nolockcheck",
            f"-env:UserInstallation={profile.as_uri()}",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ]
        with open(self.workdir / "soffice.log", "ab") as log:
            self.soffice = self._spawn(soffice_args, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
            bridge_args = [self.python, str(BRIDGE), pipe, str(timeout)]
            if platform.portable():
                bridge_args.append("--close-office-at-end")
            self.bridge = self._spawn(bridge_args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
        assert self.bridge.stdout is not None
        self._reader = platform.LineReader(self.bridge.stdout)
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
            self._warm(max(1.0, deadline - time.monotonic()))
            return

    def _warm(self, timeout: float) -> None:
        """Have the new office lay out and export a little Thai text now, so that Writer's start
        (about 2 s) is paid while every office of a pool starts together, not by the first
        document each office is given. A failure here is left for the first real document."""
        dst = self.workdir / "warm.pdf"
        try:
            self.convert(dst, dst, thai_page_numbers=False, timeout=timeout, warm=True)
        except RuntimeError:
            pass
        except OfficeTimeout:  # its answer would come in place of the next document's
            self.stop()
            raise OfficeCrashed(f"no answer after {timeout:g} s{self._log_tail()}") from None
        finally:
            dst.unlink(missing_ok=True)

    def _log_tail(self) -> str:
        try:
            tail = (self.workdir / "soffice.log").read_text(errors="replace").strip().splitlines()[-3:]
        except OSError:
            return ""
        return f" ({' / '.join(tail)})" if tail else ""

    def _read(self, timeout: float) -> dict:
        """The next JSON line from the bridge; OfficeTimeout if none came in time, OfficeCrashed at EOF."""
        assert self.bridge is not None and self._reader is not None
        try:
            line = self._reader.readline(timeout)
        except platform.Closed:
            try:
                status = self.bridge.wait(timeout=1)
            except subprocess.TimeoutExpired:
                status = None
            raise OfficeCrashed(f"the UNO bridge ended (status {status}){self._log_tail()}") from None
        if line is None:
            raise OfficeTimeout()
        return json.loads(line)

    def convert(
        self,
        src: Path,
        dst: Path,
        *,
        thai_page_numbers: bool,
        timeout: float,
        page_range: str | None = None,
        warm: bool = False,
    ) -> None:
        """Convert ``src`` (.docx) to ``dst`` (.pdf), only ``page_range`` (e.g. ``"1"``) when given.
        Raises RuntimeError (document problem), OfficeTimeout or OfficeCrashed (the office must be
        restarted)."""
        if (
            self.bridge is None
            or self.bridge.poll() is not None
            or self.soffice is None
            or self.soffice.poll() is not None
        ):
            raise OfficeCrashed("LibreOffice is not running")
        request = {
            "src": str(src),
            "dst": str(dst),
            "thai_page_numbers": thai_page_numbers,
            "page_range": page_range,
            "warm": warm,
        }
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
        """Kill both processes (and their children), from any thread; the owning thread notices
        and cleans up."""
        for proc in (self.soffice, self.bridge):
            platform.kill_tree(proc)

    def stop(self) -> None:
        """Kill both processes (the profile is thrown away at the next start anyway)."""
        if self.bridge is not None and self.bridge.stdin is not None:
            with contextlib.suppress(OSError):
                self.bridge.stdin.close()
        platform.stop(self.soffice)
        platform.stop(self.bridge)
        if self.bridge is not None and self.bridge.stdout is not None:
            self.bridge.stdout.close()
        self.soffice = self.bridge = None
        self._reader = None


def new_workdir() -> Path:
    """A private folder for one worker (profile, temporary files), named after this process.

    Folders left by a process that was killed (``kill -9`` leaves no chance to
    clean up) are removed here, on the next run.
    """
    tmp = Path(tempfile.gettempdir())
    for old in tmp.glob("ita-docs-pdf-*-*"):
        pid = old.name.split("-")[3]
        if pid.isdigit() and platform.owned_by_me(old) and not platform.alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"ita-docs-pdf-{os.getpid()}-"))
