"""The PDF converter's two platform branches (ita_docs.publish.platform).

Linux CI runs the POSIX branch in tests/test_pdf.py and the portable (Windows) branch here,
forced with ITA_DOCS_PORTABLE_OFFICE=1: real documents converted through it, offices stopped
through psutil, an office that closes itself when ita-docs is killed, LibreOffice and its own
Python found under Program Files, fonts found without fontconfig.
"""

from __future__ import annotations

import ast
import io
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest
from pypdf import PdfReader

from ita_docs import publish
from ita_docs.publish import PdfConverter, PdfUnavailable, fonts, platform
from ita_docs.publish.office import find_soffice, find_uno_python

from .helpers import close_with_kill_while_converting

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
PUBLISH = Path(publish.__file__).parent
REPORT = "huapho-2565/analysis-report.docx"
MEMO = "muangklaeng-2565/memo-measures-announce-2565.docx"

# Calls and names that exist only on POSIX (or only make sense there).
POSIX_ONLY = {
    "killpg",
    "prctl",
    "PR_SET_PDEATHSIG",
    "_PR_SET_PDEATHSIG",
    "SIGKILL",
    "getuid",
    "getppid",
    "setsid",
    "preexec_fn",
    "fork",
    "getpgid",
    "setpgrp",
    "WNOHANG",
    "fcntl",
    "select",
    "os.kill",
}


def _names(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            found.add(node.attr)
            if isinstance(node.value, ast.Name):
                found.add(f"{node.value.id}.{node.attr}")
        elif isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.keyword) and node.arg:
            found.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            found.update(a.name.split(".")[0] for a in node.names)
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module.split(".")[0])
    return found


def test_posix_only_calls_live_in_the_platform_module_alone():
    offenders = {}
    for f in sorted(PUBLISH.glob("*.py")):
        if f.name == "platform.py":
            continue
        bad = _names(ast.parse(f.read_text(encoding="utf-8"))) & POSIX_ONLY
        if bad:
            offenders[f.name] = sorted(bad)
    assert offenders == {}
    assert {"killpg", "prctl", "select", "SIGKILL", "preexec_fn"} <= _names(
        ast.parse((PUBLISH / "platform.py").read_text())
    )


def test_the_portable_branch_is_chosen_by_the_environment(monkeypatch):
    monkeypatch.delenv(platform.FORCE_PORTABLE, raising=False)
    assert platform.portable() is (os.name == "nt")
    monkeypatch.setenv(platform.FORCE_PORTABLE, "1")
    assert platform.portable()
    monkeypatch.setenv(platform.FORCE_PORTABLE, "0")
    assert platform.portable() is (os.name == "nt")


def test_windows_says_where_to_download_libreoffice(monkeypatch, tmp_path, thai_messages):
    monkeypatch.setattr(platform, "WINDOWS", True)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("ITA_DOCS_SOFFICE", raising=False)
    monkeypatch.setenv("ProgramFiles", str(tmp_path))
    with pytest.raises(PdfUnavailable) as err:
        PdfConverter().start()
    assert "https://www.libreoffice.org/download/" in str(err.value) and "apt-get" not in str(err.value)


def test_fonts_found_by_file_name_without_fontconfig(monkeypatch, tmp_path):
    laksaman = fonts.laksaman_files().get("Regular")
    if laksaman is None:
        pytest.skip("Laksaman is not installed")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # no fc-list, as on Windows
    fontdir = tmp_path / "Fonts"
    fontdir.mkdir()
    monkeypatch.setattr(platform, "font_dirs", lambda: [fontdir])
    with pytest.raises(PdfUnavailable):  # neither TH Sarabun New nor Laksaman in the font folder
        fonts.prepare(tmp_path / "cache")
    shutil.copyfile(laksaman, fontdir / "Laksaman.ttf")
    setup = fonts.prepare(tmp_path / "cache")
    assert ("TH Sarabun New", fonts.FAMILY) in setup.replacements and setup.files
    shutil.copyfile(laksaman, fontdir / "THSarabunNew.ttf")  # the real font installed by the clerk
    assert fonts.installed("TH Sarabun New") and not fonts.installed("TH SarabunIT๙")
    assert ("TH SarabunIT๙", "TH Sarabun New") in fonts.prepare(tmp_path / "cache").replacements


# --- the portable branch converting real documents


def _processes_with(text: str) -> list[psutil.Process]:
    found = []
    for p in psutil.process_iter(["cmdline", "status"]):
        try:
            if p.info["status"] != psutil.STATUS_ZOMBIE and text in " ".join(p.info["cmdline"] or []):
                found.append(p)
        except psutil.Error:
            continue
    return found


def _gone(pids: list[int], within: float) -> bool:
    deadline = time.monotonic() + within
    while any(platform.alive(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.fixture()
def portable(monkeypatch):
    monkeypatch.setenv(platform.FORCE_PORTABLE, "1")


@needs_soffice
def test_portable_branch_converts_real_documents_and_leaves_nothing(portable, rendered):
    with PdfConverter(jobs=2) as c:
        pids = c.pids
        assert len(pids) == 4
        bridges = [p for p in _processes_with("_bridge.py") if p.pid in pids]
        assert len(bridges) == 2 and all("--close-office-at-end" in p.cmdline() for p in bridges)
        report, memo = c.convert_many([(REPORT, rendered[REPORT]), (MEMO, rendered[MEMO])])
        page1 = c.convert(rendered[REPORT], page_range="1")
    reader = PdfReader(io.BytesIO(report))
    assert len(reader.pages) > 3 and reader.pages[1].extract_text().splitlines()[0].strip() == "- ๒ -"
    assert len(PdfReader(io.BytesIO(memo)).pages) == 1 and len(PdfReader(io.BytesIO(page1)).pages) == 1
    assert _gone(pids, 5)


@needs_soffice
def test_portable_branch_restarts_a_killed_office_and_stops_a_running_one(portable, rendered):
    c = PdfConverter().start()
    try:
        first = c.pids
        psutil.Process(c.pids[0]).kill()  # LibreOffice dies while idle
        assert c.convert(rendered[MEMO]).startswith(b"%PDF") and c.starts == 2
        assert _gone(first[:1], 5)
        running = c.pids
        took, error = close_with_kill_while_converting(
            c, rendered[REPORT]
        )  # the tree is killed through psutil
        assert took < 5 and "ถูกปิดแล้ว" in error
        assert _gone(running, 5)
    finally:
        c.close(kill=True)


@needs_soffice
@pytest.mark.parametrize("when", ["idle", "converting"])
def test_portable_office_closes_itself_when_ita_docs_is_killed(when, rendered, tmp_path):
    docx = tmp_path / "report.docx"
    docx.write_bytes(rendered[REPORT])
    script = textwrap.dedent(f"""
        import time
        from ita_docs.publish import PdfConverter
        conv = PdfConverter().start()
        print("started", flush=True)
        while {when == "converting"}:
            conv.convert({str(docx)!r})
        time.sleep(600)
    """)
    env = {**os.environ, platform.FORCE_PORTABLE: "1", "PYTHONPATH": str(PUBLISH.parents[1])}
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout.readline().strip() == "started"
        offices = [p.pid for p in _processes_with(f"ita-docs-{child.pid}-")]
        assert len(offices) == 2  # soffice.bin and its bridge
        time.sleep(1.5 if when == "converting" else 0.2)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert _gone(offices, 30)  # a conversion under way finishes first, then the bridge closes the office


@needs_soffice
def test_libreoffice_and_its_own_python_found_under_program_files(portable, monkeypatch, tmp_path, rendered):
    real = Path(shutil.which("soffice")).resolve()
    program = tmp_path / "Program Files" / "LibreOffice" / "program"
    program.mkdir(parents=True)
    # Scripts standing for soffice.exe and LibreOffice's bundled python.exe (links would resolve away).
    for name, target in (
        ("soffice", real),
        ("soffice.bin", real.with_name("soffice.bin")),
        ("python", find_uno_python(real)),
    ):
        (program / name).write_text(f'#!/bin/sh\nexec {target} "$@"\n')
        (program / name).chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    for var in ("ITA_DOCS_SOFFICE", "ITA_DOCS_UNO_PYTHON", "ProgramW6432", "ProgramFiles(x86)"):
        monkeypatch.delenv(var, raising=False)
    found = find_soffice()
    assert found == program / "soffice.bin"
    assert find_uno_python(found) == str(program / "python")
    with PdfConverter() as c:
        assert len(c.pids) == 2
        assert c.convert(rendered[MEMO]).startswith(b"%PDF")
