"""The committee documents as LibreOffice lays them out (issue 16, "layout defects seen in the PDFs").

Checked on the PDF pages of the test fixture (tests/fixtures/minutes-muangthong) and the
huapho sample: the cover is centred on its page, the signatures share a page with the last
resolution, the OIT status summary is on one page, the organisation's place name is never
split at a line end, and no date is split. Skipped when ``soffice`` is not installed.
"""

from __future__ import annotations

import io
import itertools
import re
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from ita_docs.build import render_set
from ita_docs.load.validate import load
from ita_docs.publish import PdfConverter

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)

FIXTURE = Path(__file__).parents[1] / "fixtures" / "minutes-muangthong"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, bytes]:
    docs = {
        r.path.name: r.data
        for r in render_set(load(FIXTURE), tmp_path_factory.mktemp("mt"))
        if r.path.suffix == ".docx"
    }
    with PdfConverter(jobs=1) as conv:
        return {
            name.replace(".docx", ".pdf"): conv.convert(data, name=name)
            for name, data in docs.items()
            if name.startswith(("minutes-", "oit-"))
        }


def _pages(pdf: bytes) -> list[str]:
    doc = pdfium.PdfDocument(io.BytesIO(pdf))
    return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_cover_is_centred_on_its_page(pdfs):
    doc = pdfium.PdfDocument(io.BytesIO(pdfs["minutes-ita-1-2567.pdf"]))
    page = doc[0]
    height = page.get_height()
    text = page.get_textpage()
    boxes = [text.get_rect(i) for i in range(text.count_rects())]
    top, bottom = max(b[3] for b in boxes), min(b[1] for b in boxes)
    middle = (top + bottom) / 2
    assert abs(middle - height / 2) < height * 0.08, (middle, height)


def test_signatures_share_a_page_with_the_last_resolution(pdfs):
    for name in ("minutes-ita-1-2567.pdf", "minutes-ita-2-2567.pdf"):
        last = _pages(pdfs[name])[-1]
        assert "ผู้ตรวจรายงานการประชุม" in last and "ผู้จดรายงานการประชุม" in last, name
        assert "มติที่ประชุม" in last or "ไม่มี" in last, name  # the text before the closing time came along


def test_status_summary_is_on_one_page(pdfs):
    for page in _pages(pdfs["minutes-ita-1-2567.pdf"]) + _pages(pdfs["oit-followup.pdf"]):
        if "สรุปสถานะการดำเนินการ" in page:
            assert "รวม" in page[page.index("สรุปสถานะการดำเนินการ") :]


def test_no_date_and_no_place_name_is_split_at_a_line_end(pdfs):
    for name, pdf in pdfs.items():
        for page in _pages(pdf):
            lines = [line.strip() for line in page.splitlines()]
            for a, b in itertools.pairwise(lines):
                assert not (a.endswith("หัว") and b.startswith("โพ")), name
                assert not (a.endswith("เมือง") and b.startswith("ทอง")), (name, a, b)
                # a day at the end of a line with its month on the next
                assert not (
                    re.search(r"(^|\s)[๐-๙]{1,2}$", a) and re.match(r"(มกราคม|มิถุนายน|พฤศจิกายน|ตุลาคม)", b)
                ), (name, a, b)
