"""The live preview engine (ita_docs.web.preview): page images, dependencies, no-LibreOffice path."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import psutil
import pytest
from PIL import Image

from ita_docs.errors import ContentErrors
from ita_docs.web.preview import Previewer, text_html
from ita_docs.write.sets import load_all, render_set

from ..conftest import copy_sample, edit_text

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)


def _set_score(set_dir: Path, indicator: int, score: float) -> None:
    f = set_dir / "assessment.yaml"
    text, n = re.subn(
        rf"^(\s+{indicator}:\s*)[0-9.]+",
        rf"\g<1>{score:.2f}",
        f.read_text(encoding="utf-8"),
        count=1,
        flags=re.MULTILINE,
    )
    assert n == 1
    f.write_text(text, encoding="utf-8")


def _outputs(set_dir: Path) -> dict[str, tuple[str, bytes]]:
    """{file name: (document title, bytes)} of everything the set renders."""
    [loaded] = load_all([set_dir])
    return {r.path.name: (r.title, r.data) for r in render_set(loaded, set_dir)}


def _changed_documents(set_dir: Path, edit) -> set[str]:
    """Names of the document types whose output bytes changed with ``edit``."""
    from ita_docs.documents import DOCUMENTS

    before = _outputs(set_dir)
    edit()
    after = _outputs(set_dir)
    names = {d.title: d.name for d in DOCUMENTS}
    return {
        names[(before.get(f) or after[f])[0]]
        for f in before.keys() | after.keys()
        if before.get(f) != after.get(f)
    }


def _offices() -> set[int]:
    """LibreOffice processes (soffice.bin and its bridge) started by this test process."""
    found = set()
    for child in psutil.Process().children(recursive=True):
        try:
            line = " ".join(child.cmdline())
        except psutil.Error:
            continue
        if "soffice" in line or "_bridge.py" in line:
            found.add(child.pid)
    return found


# --- which documents depend on what


def test_affected_by_a_score_is_every_document_that_prints_it(tmp_path):
    s = copy_sample("huapho-2565", tmp_path / "huapho-2565")
    previewer = Previewer()
    names = previewer.affected(s, ["assessment.indicators.4"])
    changed = _changed_documents(s, lambda: _set_score(s, 4, 61.0))
    assert {"analysis-report", "analysis-slides"} <= changed
    assert changed <= set(names)
    assert "measures-plan" not in names and "memo" not in names


def test_affected_by_a_meeting_place_is_the_minutes_only(tmp_path):
    s = copy_sample("huapho-2565", tmp_path / "huapho-2565")
    assert Previewer().affected(s, ["minutes.0.place"]) == ["minutes"]
    changed = _changed_documents(
        s,
        lambda: edit_text(
            s / "minutes.yaml", "ห้องประชุมองค์การบริหารส่วนตำบลหัวโพ", "ห้องประชุมสภาองค์การบริหารส่วนตำบลหัวโพ"
        ),
    )
    assert changed == {"minutes"}


def test_affected_by_a_memo_and_by_the_organisation(tmp_path):
    s = copy_sample("muangklaeng-2565", tmp_path / "muangklaeng-2565")
    previewer = Previewer()
    memo = previewer.affected(s, ["memos.0.subject"])
    assert "memo" in memo and "measures-plan" not in memo
    changed = _changed_documents(
        s, lambda: edit_text(s / "memos.yaml", "subject: แจ้งมาตรการ", "subject: แจ้งมาตรการใหม่")
    )
    assert changed and changed <= set(memo)
    # the organisation's name is printed everywhere; a path given as "a[0].b" works too
    everything = previewer.affected(s, ["organisation.name"])
    assert set(everything) == _changed_documents(
        s, lambda: edit_text(s / "organisation.yaml", "name: เทศบาลตำบลเมืองแกลง", "name: เทศบาลเมืองแกลง")
    )
    assert {"memo", "measures-plan", "distribution-list"} <= set(everything)
    assert previewer.affected(s, ["memos[0].subject"]) == memo
    assert previewer.affected(s, []) == []


def test_affected_raises_located_content_errors(tmp_path):
    s = copy_sample("huapho-2565", tmp_path / "huapho-2565")
    edit_text(s / "assessment.yaml", "year: 2565", "year: สองห้าหกห้า")
    with pytest.raises(ContentErrors) as err:
        Previewer().affected(s, ["assessment.year"])
    assert "assessment.yaml" in str(err.value)


# --- without LibreOffice


def test_without_libreoffice_an_html_text_preview_and_a_thai_note(tmp_path, monkeypatch, thai_messages):
    monkeypatch.setenv("ITA_DOCS_SOFFICE", str(tmp_path / "no-such-soffice"))
    s = copy_sample("huapho-2565", tmp_path / "huapho-2565")
    before = _offices()  # offices other tests' converters keep warm until the process ends
    previewer = Previewer()
    try:
        previews = previewer.render(s)
    finally:
        previewer.close()
    assert [p.file for p in previews][:2] == ["analysis-report.docx", "analysis-slides.pptx"]
    report, slides = previews[0], previews[1]
    assert report.document == "analysis-report" and report.pages == []
    assert report.html is not None and report.html.startswith('<div class="ita-text-preview"')
    assert "<p>รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส</p>" in report.html
    assert "องค์การบริหารส่วนตำบลหัวโพ" in (slides.html or "")
    assert report.note is not None and "LibreOffice" in report.note and "ติดตั้ง" in report.note
    assert _offices() <= before  # this previewer started none


def test_text_html_escapes_markup():
    from docx import Document

    doc = Document()
    doc.add_paragraph("<b>ก & ข</b>")
    buf = io.BytesIO()
    doc.save(buf)
    assert "<p>&lt;b&gt;ก &amp; ข&lt;/b&gt;</p>" in text_html("x.docx", buf.getvalue())


# --- with LibreOffice


@pytest.fixture(scope="module")
def previewer():
    p = Previewer(width_px=600)
    yield p
    p.close()


@needs_soffice
def test_page_images_change_with_a_score(previewer, tmp_path):
    s = copy_sample("huapho-2565", tmp_path / "huapho-2565")
    [before] = previewer.render(s, ["analysis-report"])
    assert before.note is None and before.html is None and len(before.pages) > 3
    image = Image.open(io.BytesIO(before.pages[0]))
    assert image.format == "PNG" and image.width == 600 and 840 <= image.height <= 860  # A4 portrait
    assert len(image.convert("L").getcolors(256) or []) > 10  # text drawn, not a blank page
    _set_score(s, 9, 99.5)  # the lowest indicator becomes the highest
    [after] = previewer.render(s, ["analysis-report"])
    assert len(after.pages) >= 3
    differ = [i for i, (a, b) in enumerate(zip(before.pages, after.pages)) if a != b]
    assert differ and 0 not in differ  # page 1 (introduction) does not print scores
    [first] = previewer.render(s, ["analysis-report"], first_page_only=True)
    assert first.pages == after.pages[:1]


@needs_soffice
def test_every_document_of_a_set_and_unknown_names(previewer, tmp_path):
    s = copy_sample("muangklaeng-2565", tmp_path / "muangklaeng-2565")
    previews = previewer.render(s, first_page_only=True)
    assert {p.document for p in previews} == {"measures-plan", "memo", "distribution-list", "publish-index"}
    assert all(len(p.pages) == 1 and p.pages[0].startswith(b"\x89PNG") for p in previews)
    assert previewer.render(s, ["no-such-document", "analysis-report"]) == []  # not in this set
    assert previewer.render(s, []) == []


@needs_soffice
def test_invalid_content_raises_content_errors(previewer, tmp_path):
    s = copy_sample("huapho-2565", tmp_path / "huapho-2565")
    edit_text(s / "assessment.yaml", "    4: 88.77", "    4: แปดสิบแปด")
    with pytest.raises(ContentErrors) as err:
        previewer.render(s, ["analysis-report"])
    assert "assessment.yaml" in str(err.value) and ":13" in str(err.value)


@needs_soffice
def test_close_leaves_no_libreoffice(tmp_path):
    s = copy_sample("huapho-2565", tmp_path / "huapho-2565")
    p = Previewer()
    before = _offices()
    p.render(s, ["analysis-report"], first_page_only=True)
    started = _offices() - before
    assert len(started) >= 2  # at least one soffice.bin and its bridge
    p.close()
    assert not any(
        psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE for pid in started
    )
    # a later render starts a new office, and close stops it again
    assert p.render(s, ["analysis-report"], first_page_only=True)[0].pages
    p.close()
    assert _offices() - before == set()


@needs_soffice
def test_only_changed_files_get_new_images(previewer, tmp_path):
    s = copy_sample("huapho-2565", tmp_path / "huapho-2565")
    before = {p.file: p.pages for p in previewer.render(s)}
    edit_text(s / "minutes.yaml", "ห้องประชุมองค์การบริหารส่วนตำบลหัวโพ", "ห้องประชุมสภาองค์การบริหารส่วนตำบลหัวโพ")
    after = {p.file: p.pages for p in previewer.render(s)}
    assert after.keys() == before.keys()
    changed = {f for f in after if after[f] != before[f]}
    assert changed == {"minutes-ita-2566-1.docx"}
