"""Regenerate and publish: the manifest, hand edits, one transaction, user templates, PDFs."""

from __future__ import annotations

import io
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from ita_docs import cli
from ita_docs.write.outputs import MANIFEST_NAME, Manifest, commit

from ..conftest import copy_sample, edit_text

runner = CliRunner()


def build(*args: str):
    return runner.invoke(cli.app, ["build", *args])


@pytest.fixture()
def built(tmp_path) -> tuple[Path, Path]:
    """The muangklaeng-2565 sample (memo, distribution list, plan) built once into tmp/out."""
    src = copy_sample("muangklaeng-2565", tmp_path / "muangklaeng-2565")
    out = tmp_path / "out"
    result = build(str(src), "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    return src, out


def test_outputs_are_readable_by_others(built):
    _, out = built
    old = os.umask(0o022)
    os.umask(old)
    for f in (out / "muangklaeng-2565").iterdir():
        assert stat.S_IMODE(f.stat().st_mode) == 0o666 & ~old, f


def test_a_rebuild_with_no_change_writes_nothing(built):
    src, out = built
    before = {f: f.stat().st_mtime_ns for f in (out / "muangklaeng-2565").iterdir()}
    result = build(str(src), "-o", str(out))
    assert result.exit_code == 0
    assert "ไม่ต้องสร้างใหม่" in result.output
    assert {f: f.stat().st_mtime_ns for f in (out / "muangklaeng-2565").iterdir()} == before


def test_a_changed_content_file_rebuilds_only_that_set(built, tmp_path):
    src, out = built
    other = copy_sample("huapho-2565", tmp_path / "huapho-2565")
    assert build(str(src), str(other), "-o", str(out), "-q").exit_code == 0
    (src / "memos.yaml").write_text(
        (src / "memos.yaml").read_text(encoding="utf-8") + "\n# note\n", encoding="utf-8"
    )
    result = build(str(src), str(other), "-o", str(out))
    assert "huapho-2565: " in result.output and "ไม่ต้องสร้างใหม่" in result.output
    assert "muangklaeng-2565: " not in result.output  # rebuilt (bytes equal: counted as unchanged files)


def test_a_hand_edited_output_survives_byte_for_byte(built):
    src, out = built
    plan = out / "muangklaeng-2565" / "measures-plan.docx"
    doc = Document(str(plan))
    doc.add_paragraph("แก้ไขในเวิร์ด")
    doc.save(str(plan))
    edited = plan.read_bytes()
    edit_text(src / "measure_plan.yaml", "มาตรการ", "มาตรการฯ")
    result = build(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert plan.read_bytes() == edited
    assert str(plan) in result.output and "measures-plan.new.docx" in result.output
    assert (plan.parent / "measures-plan.new.docx").is_file()
    # Again: still kept.
    assert build(str(src), "-o", str(out), "-q").exit_code == 0 and plan.read_bytes() == edited
    # --force keeps the edited file as a dated backup, then writes the new version.
    result = build(str(src), "-o", str(out), "--force")
    backups = list(plan.parent.glob("measures-plan.edited-*.docx"))
    assert len(backups) == 1 and backups[0].read_bytes() == edited
    assert plan.read_bytes() != edited


def test_word_lock_files_are_ignored(built):
    src, out = built
    (out / "muangklaeng-2565" / "~$asures-plan.docx").write_bytes(b"lock")
    result = build(str(src), "-o", str(out))
    assert result.exit_code == 0 and "ไม่ต้องสร้างใหม่" in result.output


def test_a_failed_write_changes_nothing(tmp_path):
    """A target that is a directory fails the run: no temporary file is left, earlier files are untouched."""
    out = tmp_path / "out"
    (out / "a").mkdir(parents=True)
    (out / "a" / "old.docx").write_bytes(b"old")
    (out / "a" / "report.docx").mkdir()  # cannot be replaced by a file
    from ita_docs.errors import OutputError

    with pytest.raises(OutputError) as exc:
        commit(
            Manifest.load(out),
            {"a": ("k", {out / "a" / "first.docx": b"1", out / "a" / "report.docx": b"2"})},
        )
    assert "report.docx" in str(exc.value)
    assert sorted(p.name for p in (out / "a").iterdir()) == ["old.docx", "report.docx"]
    assert not (out / MANIFEST_NAME).exists()


def test_two_sets_with_the_same_name_are_refused(tmp_path):
    a = copy_sample("muangklaeng-2565", tmp_path / "x" / "same")
    b = copy_sample("huapho-2565", tmp_path / "y" / "same")
    result = build(str(a), str(b), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and "same" in result.output
    assert not (tmp_path / "out").exists()


def test_nothing_to_build_exits_2(tmp_path):
    f = tmp_path / "only-org.yaml"
    f.write_text("fiscal_year: 2566\norganisation: {name: ก, kind: อบต., province: ข}\n", encoding="utf-8")
    result = build(str(f), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and "ไม่มีเอกสารที่สร้างได้" in result.output


def test_user_templates_override_by_name(built, tmp_path):
    src, out = built
    tpl = tmp_path / "tpl"
    assert runner.invoke(cli.app, ["templates", "export", str(tpl)]).exit_code == 0
    assert (tpl / "measures-plan.docx").is_file() and (tpl / "minutes.docx").is_file()
    _replace_text(tpl / "measures-plan.docx", "วิธีดำเนินการ", "วิธีการดำเนินงานตามแม่แบบของฉัน")
    result = build(str(src), "-o", str(out), "--templates", str(tpl), "-q")
    assert result.exit_code == 0, result.output
    from ita_docs.render.ooxml import document_text

    assert "วิธีการดำเนินงานตามแม่แบบของฉัน" in document_text(
        (out / "muangklaeng-2565" / "measures-plan.docx").read_bytes()
    )
    # Exporting again over the same files is fine; over an edited one it refuses.
    assert runner.invoke(cli.app, ["templates", "export", str(tpl)]).exit_code == 1


def test_a_content_set_names_its_own_templates(tmp_path):
    src = copy_sample("muangklaeng-2565", tmp_path / "set")
    shutil.copytree(
        Path(cli.__file__).parent.parent / "templates", src / "แม่แบบ", ignore=shutil.ignore_patterns("*.py")
    )
    _replace_text(src / "แม่แบบ" / "measures-plan.docx", "วิธีดำเนินการ", "ขั้นตอนของหน่วยงานเอง")
    (src / "templates.yaml").write_text("templates: แม่แบบ\n", encoding="utf-8")
    out = tmp_path / "out"
    assert build(str(src), "-o", str(out), "-q").exit_code == 0
    from ita_docs.render.ooxml import document_text

    assert "ขั้นตอนของหน่วยงานเอง" in document_text((out / "set" / "measures-plan.docx").read_bytes())
    (src / "templates.yaml").write_text("templates: ไม่มี\n", encoding="utf-8")
    result = build(str(src), "-o", str(out))
    assert result.exit_code == 2 and "templates.yaml:1:" in result.output


def test_a_broken_template_is_named(built, tmp_path):
    src, _out = built
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    shutil.copy(Path(cli.__file__).parent.parent / "templates" / "measures-plan.docx", tpl)
    _replace_text(tpl / "measures-plan.docx", "{%p endfor %}", "")
    result = runner.invoke(cli.app, ["check", str(src), "--templates", str(tpl)])
    assert result.exit_code == 1 and "measures-plan.docx" in result.output


def _replace_text(docx: Path, old: str, new: str) -> None:
    src = zipfile.ZipFile(io.BytesIO(docx.read_bytes()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                assert old.encode() in data, old
                data = data.replace(old.encode(), new.encode())
            dst.writestr(info, data)
    docx.write_bytes(buf.getvalue())


# --------------------------------------------------------------------------- PDF (LibreOffice)

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)


@needs_soffice
def test_build_pdf_bundle_and_thai_page_numbers(tmp_path):
    from pypdf import PdfReader

    src = copy_sample("huapho-2565", tmp_path / "huapho-2565")
    out = tmp_path / "out"
    result = build(str(src), "-o", str(out), "--pdf", "--bundle", "-q")
    assert result.exit_code == 0, result.output
    folder = out / "huapho-2565"
    docx = sorted(folder.glob("*.docx"))
    assert docx and all(d.with_suffix(".pdf").is_file() for d in docx)
    report = PdfReader(str(folder / "analysis-report.pdf"))
    assert "- ๒ -" in report.pages[1].extract_text() or "-๒-" in report.pages[1].extract_text().replace(
        " ", ""
    )
    fonts = {f for page in report.pages for f in _embedded_fonts(page)}
    assert fonts and all(embedded for _name, embedded in fonts)
    # The slide deck gets its PDF too, one page per slide (Impress), and stays out of the bundle.
    from pptx import Presentation

    slides = len(Presentation(str(folder / "analysis-slides.pptx")).slides)
    assert slides > 3 and len(PdfReader(str(folder / "analysis-slides.pdf")).pages) == slides
    bundle = PdfReader(str(folder / "bundle.pdf"))
    assert len(bundle.outline) == len(docx) - 1  # every document but the publishing index
    assert "ดัชนีการเผยแพร่" not in "".join(o.title for o in bundle.outline)
    assert (folder / "publish-index.pdf").is_file()
    # A second run converts nothing: every file is left as it was.
    before = {f: f.stat().st_mtime_ns for f in folder.iterdir()}
    assert build(str(src), "-o", str(out), "--pdf", "--bundle", "-q").exit_code == 0
    assert {f: f.stat().st_mtime_ns for f in folder.iterdir()} == before


def _embedded_fonts(page) -> set[tuple[str, bool]]:
    fonts = set()
    resources = page.get("/Resources") or {}
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        descendants = font.get("/DescendantFonts")
        desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
        desc = desc.get_object() if desc else {}
        fonts.add(
            (str(font.get("/BaseFont")), any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")))
        )
    return fonts


@needs_soffice
def test_kill_9_during_a_pdf_build_leaves_no_partial_file_and_no_office(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    def offices() -> set[int]:
        found = set()
        for d in Path("/proc").iterdir():
            if d.name.isdigit():
                try:
                    if b"soffice" in (d / "cmdline").read_bytes():
                        found.add(int(d.name))
                except OSError:
                    pass
        return found

    before = offices()
    src = copy_sample("huapho-2565", tmp_path / "huapho-2565")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ita_docs.cli",
            "build",
            str(src),
            "-o",
            str(out),
            "--pdf",
            "--jobs",
            "1",
            "-q",
        ]
    )
    deadline = time.monotonic() + 60
    while not (offices() - before) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    started = offices() - before
    assert started, "LibreOffice did not start"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while (offices() & started) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not (offices() & started), "an orphaned soffice survived"
    leftovers = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
    assert all(not p.name.startswith(".tmp-") for p in leftovers), leftovers
    assert not any(p.suffix == ".pdf" for p in leftovers)


def test_templates_repair_straightens_smart_quotes(tmp_path):
    tpl = tmp_path / "tpl"
    assert runner.invoke(cli.app, ["templates", "export", str(tpl)]).exit_code == 0
    plan = tpl / "measures-plan.docx"
    _replace_text(plan, "{%p for g in groups %}", "{%p for g in groups if g.title != \u2018x\u2019 %}")
    result = runner.invoke(cli.app, ["templates", "repair", str(plan)])
    assert result.exit_code == 0, result.output
    xml = zipfile.ZipFile(plan).read("word/document.xml").decode()
    assert "g.title != 'x'" in xml and "\u2018" not in xml
    assert (tpl / "measures-plan.orig.docx").is_file()


def test_build_pdf_without_libreoffice_writes_the_docx_and_says_how_to_install(tmp_path):
    import subprocess
    import sys

    src = copy_sample("muangklaeng-2565", tmp_path / "m")
    env = {**os.environ, "PATH": str(tmp_path / "empty-bin")}
    result = subprocess.run(
        [sys.executable, "-m", "ita_docs.cli", "build", str(src), "-o", str(tmp_path / "out"), "--pdf", "-q"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1
    assert "apt-get install" in result.stderr and "Traceback" not in result.stderr
    assert len(list((tmp_path / "out" / "m").glob("*.docx"))) == 4  # 3 documents and publish-index.docx
    assert not list((tmp_path / "out").rglob("*.pdf"))


def _cli(*args: str, env: dict[str, str] | None = None):
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "ita_docs.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


@needs_soffice
def test_a_pdf_that_failed_is_made_by_the_next_build(tmp_path):
    """Issue 19 (1): after a --pdf build without LibreOffice, the next --pdf build said "nothing to
    rebuild" and never made the PDFs. The manifest records what was produced, not what was asked."""
    src = copy_sample("muangklaeng-2565", tmp_path / "m")
    out = tmp_path / "out"
    first = _cli(
        "build", str(src), "--pdf", "-o", str(out), "-q", env={"ITA_DOCS_SOFFICE": "no-such-soffice"}
    )
    assert first.returncode == 1 and not list(out.rglob("*.pdf")), first.stderr
    second = _cli("build", str(src), "--pdf", "-o", str(out), "-q")
    assert second.returncode == 0, second.stderr
    docx = sorted((out / "m").glob("*.docx"))
    assert len(docx) == 4 and all(d.with_suffix(".pdf").is_file() for d in docx)  # with publish-index.docx
    # A PDF deleted, or older than its .docx, is made again; the others are left as they were.
    gone, old = docx[0].with_suffix(".pdf"), docx[1].with_suffix(".pdf")
    gone.unlink()
    os.utime(old, ns=(docx[1].stat().st_mtime_ns - 10**9,) * 2)
    kept = docx[2].with_suffix(".pdf").stat().st_mtime_ns
    third = _cli("build", str(src), "--pdf", "-o", str(out), "-q")
    assert third.returncode == 0, third.stderr
    assert gone.is_file() and old.stat().st_mtime_ns >= docx[1].stat().st_mtime_ns
    assert docx[2].with_suffix(".pdf").stat().st_mtime_ns == kept
    assert "ไม่ต้องสร้างใหม่" in _cli("build", str(src), "--pdf", "-o", str(out)).stdout


def test_watch_survives_an_internal_error_says_so_and_builds_after(monkeypatch, tmp_path):
    """Issue 19 (3): ``watch`` exited on any internal error and built nothing after it."""
    import watchfiles

    from ita_docs import build as pipeline
    from ita_docs.build import BuildResult

    src = copy_sample("muangklaeng-2565", tmp_path / "m")
    calls = []

    def flaky_build(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise OSError(36, "File name too long", "x" * 5000)
        return BuildResult(written=[tmp_path / "out" / "m" / "after.docx"])

    monkeypatch.setattr(pipeline, "build", flaky_build)
    monkeypatch.setattr(watchfiles, "watch", lambda *a, **k: iter([{("modified", str(src))}]))
    monkeypatch.delenv("ITA_DOCS_DEBUG", raising=False)
    result = runner.invoke(cli.app, ["watch", str(src), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert len(calls) == 2
    assert (
        "ข้อผิดพลาดภายใน" in result.output
        and "เฝ้าดูต่อ" in result.output
        and "File name too long" in result.output
    )
    assert "x" * 400 not in result.output  # a huge path is cut short
    assert "after.docx" in result.output


def test_a_second_build_into_a_locked_output_waits_then_exits_2(monkeypatch, tmp_path):
    """Issue 19 (6): two builds into one output folder; the second failed with a bare "No such file or
    directory". The folder is locked: the second waits a short time, then exits 2 naming the folder."""
    import threading

    from filelock import FileLock

    from ita_docs.write import lock

    src = copy_sample("muangklaeng-2565", tmp_path / "m")
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(lock, "LOCK_WAIT", 0.3)
    with FileLock(out / lock.LOCK_NAME):  # another build is writing
        result = build(str(src), "-o", str(out), "-q")
    assert result.exit_code == 2, result.output
    assert "อีกงานหนึ่งกำลังเขียน" in result.output and str(out) in result.output
    assert not list(out.rglob("*.docx"))
    # A build that waits for a short one finishes it; a folder made only for the lock is removed.
    held = FileLock(out / lock.LOCK_NAME, thread_local=False)
    held.acquire()
    threading.Timer(0.1, held.release).start()
    monkeypatch.setattr(lock, "LOCK_WAIT", 10)
    assert build(str(src), "-o", str(out), "-q").exit_code == 0
    assert len(list((out / "m").glob("*.docx"))) == 4  # 3 documents and publish-index.docx
    assert build(str(tmp_path / "missing"), "-o", str(tmp_path / "new"), "-q").exit_code == 2
    assert not (tmp_path / "new").exists()


def test_a_multi_set_build_writes_every_set_or_none(tmp_path):
    """Issue 19 (4): when a later set failed to write, the run said "nothing written" although the
    earlier sets had been written. Now no set is written unless every set can be."""
    first = copy_sample("huapho-2565", tmp_path / "a-first")
    later = copy_sample("muangklaeng-2565", tmp_path / "z-later")
    out = tmp_path / "out"
    (out / "z-later" / "measures-plan.docx").mkdir(parents=True)  # the later set cannot write this file
    result = build(str(first), str(later), "-o", str(out), "-q", "-j", "1")
    assert result.exit_code == 1, result.output
    assert "measures-plan.docx" in result.output
    assert not (out / "a-first").exists() or not list((out / "a-first").iterdir())
    assert not [p for p in out.rglob("*") if p.is_file() and p.name != ".ita-docs.lock"]
    (out / "z-later" / "measures-plan.docx").rmdir()
    assert build(str(first), str(later), "-o", str(out), "-q").exit_code == 0
    assert list((out / "a-first").glob("*.docx")) and len(list((out / "z-later").glob("*.docx"))) == 4


def test_a_rename_failing_in_a_later_set_names_the_sets_written_and_not(monkeypatch, tmp_path):
    """Issue 19 (4): should a rename fail after every set was prepared (a disk pulled out), the message
    names exactly which sets were written and which were not."""
    from ita_docs.write import outputs

    first = copy_sample("muangklaeng-2565", tmp_path / "a-first")
    later = copy_sample("muangklaeng-2565", tmp_path / "z-later")
    out = tmp_path / "out"
    real = os.replace

    def replace(src, dst):
        if "z-later" in str(dst):
            raise OSError(5, "Input/output error")
        return real(src, dst)

    monkeypatch.setattr(outputs.os, "replace", replace)
    result = build(str(first), str(later), "-o", str(out), "-q", "-j", "1")
    assert result.exit_code == 1, result.output
    assert "a-first" in result.output and "z-later" in result.output and "Input/output error" in result.output
    assert "บางส่วน" in result.output and "ไม่สร้างเอกสาร" not in result.output
    assert len(list((out / "a-first").glob("*.docx"))) == 4 and not list((out / "z-later").glob("*.docx"))
    assert not list(out.rglob(".tmp-*"))


def test_watch_rebuilds_after_an_edit(tmp_path):
    import subprocess
    import sys
    import time

    src = copy_sample("muangklaeng-2565", tmp_path / "m")
    plan = tmp_path / "out" / "m" / "measures-plan.docx"
    proc = subprocess.Popen(
        [sys.executable, "-m", "ita_docs.cli", "watch", str(src), "-o", str(tmp_path / "out")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not plan.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        first = plan.read_bytes()
        time.sleep(1.0)
        f = src / "measure_plan.yaml"
        f.write_text(f.read_text(encoding="utf-8").replace("มาตรการ", "มาตรการที่แก้แล้ว"), encoding="utf-8")
        deadline = time.monotonic() + 60
        while plan.read_bytes() == first and time.monotonic() < deadline:
            time.sleep(0.2)
        assert plan.read_bytes() != first
        # A broken edit is reported and watching goes on.
        f.write_text("measure_plan: [\n", encoding="utf-8")
        time.sleep(3)
        assert proc.poll() is None
    finally:
        proc.terminate()
        output = proc.communicate(timeout=20)[0]
    assert "measure_plan.yaml:" in output
