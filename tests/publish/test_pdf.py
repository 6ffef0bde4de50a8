"""PDFs through warm LibreOffice workers (ita_docs.publish).

Tests that start LibreOffice are skipped only when ``soffice`` is not on PATH;
one converter is shared by most of them (its first start is the slow part).
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from ita_docs.messages import set_language
from ita_docs.publish import (
    PdfConversionError,
    PdfConversionErrors,
    PdfConverter,
    PdfUnavailable,
    available,
    bundle,
    convert_files,
    page_number_digits,
)

from .helpers import close_with_kill_while_converting

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)

REPORT = "huapho-2565/analysis-report.docx"
MEMO = "muangklaeng-2565/memo-measures-announce-2565.docx"
PLAN = "muangklaeng-2565/measures-plan.docx"


def _pdf(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def _blank_pdf(pages: int) -> bytes:
    w = PdfWriter()
    for _ in range(pages):
        w.add_blank_page(595, 842)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _with_page_format(docx: bytes, fmt: str) -> bytes:
    """The same .docx with every section's page numbers in ``fmt`` (e.g. "decimal")."""
    src, buf = zipfile.ZipFile(io.BytesIO(docx)), io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b'w:fmt="thaiNumbers"', f'w:fmt="{fmt}"'.encode())
            out.writestr(item, data)
    return buf.getvalue()


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for its new parent to reap it is dead)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")


def _offices_of(pid: int) -> list[int]:
    """Live processes whose command line carries the UNO pipe name of process ``pid``."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if f"ita-docs-{pid}-".encode() in cmdline and _alive(int(proc.name)):
            found.append(int(proc.name))
    return found


# --- without LibreOffice -------------------------------------------------------------------------


def test_page_number_digits_of_the_samples(rendered):
    assert page_number_digits(rendered[REPORT]) == "thai"
    assert page_number_digits(_with_page_format(rendered[REPORT], "decimal")) == "arabic"


def test_bundle_one_bookmark_per_document_in_order():
    merged = _pdf(
        bundle([("รายงาน", _blank_pdf(3)), ("มาตรการ", _blank_pdf(2)), ("บันทึก", _blank_pdf(1))], title="ITA")
    )
    assert len(merged.pages) == 6
    assert [o.title for o in merged.outline] == ["รายงาน", "มาตรการ", "บันทึก"]
    assert [merged.get_destination_page_number(o) for o in merged.outline] == [0, 3, 5]
    assert merged.metadata.title == "ITA"


def test_bundle_names_a_broken_pdf():
    with pytest.raises(PdfConversionError, match=r"เสีย\.pdf"):
        bundle([("ดี.pdf", _blank_pdf(1)), ("เสีย.pdf", b"not a pdf")])


def test_missing_libreoffice_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("ITA_DOCS_SOFFICE", raising=False)
    assert not available()
    with pytest.raises(PdfUnavailable) as err:
        PdfConverter().start()
    assert (
        "LibreOffice" in str(err.value) and "ติดตั้ง" in str(err.value) and "apt-get install" in str(err.value)
    )
    assert "\n" not in str(err.value)
    set_language("en")
    try:
        with pytest.raises(PdfUnavailable, match="install it with sudo apt-get install libreoffice-writer"):
            PdfConverter().start()
    finally:
        set_language("th")


# --- with LibreOffice ----------------------------------------------------------------------------


@needs_soffice
def test_missing_uno_bridge_says_how_to_install():
    with pytest.raises(PdfUnavailable, match="python3-uno"):
        PdfConverter(uno_python="/nonexistent/python3").start()


@pytest.fixture(scope="module")
def conv():
    with PdfConverter(jobs=1) as c:
        yield c


@pytest.fixture(scope="module")
def report_pdf(conv, rendered) -> bytes:
    return conv.convert(rendered[REPORT], name=REPORT)


def _fonts(pdf: bytes) -> dict[str, bool]:
    """{font name: embedded?} over every page of ``pdf``."""
    fonts: dict[str, bool] = {}
    for page in _pdf(pdf).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            for f in [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]:
                descriptor = f["/FontDescriptor"].get_object()
                fonts[str(f["/BaseFont"])] = bool({"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor))
    return fonts


@needs_soffice
def test_fonts_are_embedded(report_pdf):
    fonts = _fonts(report_pdf)
    assert fonts and all(fonts.values()), fonts
    assert any("Laksaman" in n or "Sarabun" in n for n in fonts), fonts


@needs_soffice
def test_slides_become_landscape_pages(conv, request):
    try:  # every output, slides included (conftest's name for it may change)
        outputs = request.getfixturevalue("rendered_all")
    except pytest.FixtureLookupError:
        outputs = request.getfixturevalue("rendered")
    deck = next((name for name in sorted(outputs, reverse=True) if name.endswith(".pptx")), None)
    if deck is None:
        pytest.skip("no sample renders slides")
    pdf = conv.convert(outputs[deck], name=deck)
    page = _pdf(pdf).pages[0]
    assert page.mediabox.width > page.mediabox.height
    fonts = _fonts(pdf)
    assert fonts and all(fonts.values()), fonts


@needs_soffice
def test_thai_page_numbers_from_page_two(report_pdf):
    reader = _pdf(report_pdf)
    assert len(reader.pages) > 2
    assert reader.pages[1].extract_text().splitlines()[0].strip() == "- ๒ -"
    assert reader.pages[2].extract_text().splitlines()[0].strip() == "- ๓ -"
    assert "- ๑ -" not in reader.pages[0].extract_text()  # no number on the first page
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-raw", "-f", "2", "-l", "2", "-", "-"],
            input=report_pdf,
            capture_output=True,
            check=True,
        ).stdout.decode()
        assert text.splitlines()[0] == "- ๒ -"


@needs_soffice
def test_arabic_page_numbers_for_decimal_documents(conv, rendered):
    pdf = conv.convert(_with_page_format(rendered[REPORT], "decimal"), name="decimal.docx")
    assert _pdf(pdf).pages[1].extract_text().splitlines()[0].strip() == "- 2 -"


@needs_soffice
def test_bundle_of_converted_documents(conv, rendered, report_pdf):
    plan, memo = conv.convert_many([(PLAN, rendered[PLAN]), (MEMO, rendered[MEMO])])
    parts = [("รายงานการวิเคราะห์", report_pdf), ("มาตรการ", plan), ("บันทึกข้อความ", memo)]
    merged = _pdf(bundle(parts))
    assert len(merged.outline) == 3
    assert len(merged.pages) == sum(len(_pdf(p).pages) for _, p in parts)
    assert merged.get_destination_page_number(merged.outline[2]) == len(_pdf(report_pdf).pages) + len(
        _pdf(plan).pages
    )


@needs_soffice
def test_timeout_kills_the_office_and_the_next_document_gets_a_new_one(conv, rendered):
    conv.convert(rendered[MEMO])  # make sure an office is up
    old, starts = conv.pids, conv.starts
    conv.timeout = 0.01
    try:
        with pytest.raises(PdfConversionError, match=r"slow\.docx"):
            conv.convert(rendered[MEMO], name="slow.docx")
    finally:
        conv.timeout = 120.0
    assert not any(_alive(pid) for pid in old)
    assert conv.convert(rendered[MEMO]).startswith(b"%PDF")
    assert conv.starts == starts + 1


@needs_soffice
def test_a_crashed_office_is_restarted_and_the_document_retried(conv, rendered):
    conv.convert(rendered[MEMO])
    starts = conv.starts
    os.kill(conv._workers[0].office.soffice.pid, signal.SIGKILL)  # dies while idle
    assert conv.convert(rendered[MEMO]).startswith(b"%PDF")
    assert conv.starts == starts + 1
    soffice = conv._workers[0].office.soffice.pid
    killer = threading.Timer(0.2, os.kill, (soffice, signal.SIGKILL))  # dies during the 9-page report
    killer.start()
    assert len(_pdf(conv.convert(rendered[REPORT])).pages) > 2
    killer.join()
    conv.convert(rendered[MEMO])
    assert conv.starts == starts + 2


@needs_soffice
def test_close_with_kill_stops_running_conversions(rendered):
    c = PdfConverter().start()
    offices = c.pids
    took, error = close_with_kill_while_converting(c, rendered[REPORT])
    assert took < 5
    assert not any(_alive(pid) for pid in offices)
    assert "ถูกปิดแล้ว" in error


@needs_soffice
def test_restart_after_n_documents(rendered):
    with PdfConverter(restart_after=1) as c:
        first = c.pids
        c.convert(rendered[MEMO])
        assert not any(_alive(pid) for pid in first)  # stopped after one document
        c.convert(rendered[MEMO])
        assert c.starts == 2


@needs_soffice
def test_parallel_workers_keep_order_and_name_every_failure(rendered, tmp_path):
    missing = tmp_path / "ไม่มี.docx"
    with PdfConverter(jobs=2) as c:
        assert len(c.pids) == 4  # two offices, two bridges
        results = c.convert_many(
            [
                (PLAN, rendered[PLAN]),
                ("broken.docx", b"PK\x03\x04 not a zip"),
                missing,
                (MEMO, rendered[MEMO]),
            ],
            return_exceptions=True,
        )
        assert [type(r) for r in results] == [bytes, PdfConversionError, PdfConversionError, bytes]
        assert len(_pdf(results[0]).pages) == 4 and len(_pdf(results[3]).pages) == 1
        with pytest.raises(PdfConversionErrors) as err:
            c.convert_many([("broken.docx", b"PK\x03\x04 not a zip"), missing])
    lines = str(err.value).splitlines()
    assert lines[0].startswith("broken.docx: ") and lines[1].startswith(f"{missing}: ")


@needs_soffice
def test_convert_files_writes_beside_the_docx(rendered, tmp_path, conv):
    docx = tmp_path / "บันทึก.docx"
    docx.write_bytes(rendered[MEMO])
    assert convert_files([docx], converter=conv) == [tmp_path / "บันทึก.pdf"]
    assert (tmp_path / "บันทึก.pdf").read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["บันทึก.docx", "บันทึก.pdf"]


@needs_soffice
def test_kill_9_leaves_no_office_and_no_partial_pdf(rendered, tmp_path):
    docx = tmp_path / "report.docx"
    docx.write_bytes(rendered[REPORT])
    out = tmp_path / "out"
    script = textwrap.dedent(f"""
        from pathlib import Path
        from ita_docs.publish import PdfConverter, convert_files
        conv = PdfConverter().start()
        print("started", flush=True)
        while True:
            convert_files([Path({str(docx)!r})], Path({str(out)!r}), converter=conv)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "started"
        deadline = time.monotonic() + 30
        while not _offices_of(child.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        offices = _offices_of(child.pid)
        assert len(offices) == 2  # soffice.bin and its bridge
        time.sleep(1.5)  # well inside a conversion of the 9-page report
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in offices) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in offices)
    assert _offices_of(child.pid) == []
    for pdf in out.glob("*.pdf") if out.exists() else []:
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"), pdf


@needs_soffice
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="library names of Linux builds")
def test_a_started_office_has_writer_and_the_pdf_export_loaded():
    """The start warms each office, so that the first document it is given does not pay for it."""
    import psutil

    with PdfConverter() as c:  # started, nothing converted yet
        office = next(pid for pid in c.pids if "soffice" in psutil.Process(pid).name())
        libraries = {m.path.rsplit("/", 1)[-1] for m in psutil.Process(office).memory_maps()}
    assert {"libswlo.so", "libpdffilterlo.so"} <= libraries
