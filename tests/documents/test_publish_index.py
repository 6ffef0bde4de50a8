"""The publishing index (issue 17): the OIT item of each document per assessment year, the
files written beside the others, and ``framework_year`` for a year without framework data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ita_docs import build as pipeline
from ita_docs.analyse import publish_slots as publish_index
from ita_docs.analyse import rules as analysis
from ita_docs.load.validate import load

from ..conftest import edit_text

CONTENT = Path(__file__).resolve().parents[2] / "content"


def content(name: str, **update):
    c = load(CONTENT / name).content
    return c.model_copy(update=update) if update else c


@pytest.mark.parametrize(
    ("name", "document", "year", "item"),
    [
        ("huapho-2565", "analysis-report", 2566, "o42"),  # fiscal 2566: the analysis made for 2566
        ("rangsit-2568", "measures-results", 2569, "o26"),  # results of fiscal 2568, filed in ITA 2569
        ("pakkret-2568", "measures-results", 2569, "o26"),
    ],
)
def test_sample_sets_file_their_documents_under_the_years_item(name, document, year, item):
    s = publish_index.slot(content(name), document)
    assert (s.year, s.item, s.rules_year) == (year, item, year)
    assert s.title == analysis.framework(year).items.get(item)


def test_2566_and_2569_items_of_each_document():
    c2566 = content("huapho-2565")
    assert publish_index.slot(c2566, "measures-plan").item == "o42"
    assert publish_index.slot(c2566, "measures-results").item == "o43"
    c2569 = content("huapho-2565", fiscal_year=2569)
    assert publish_index.slot(c2569, "analysis-report").item == "o25"
    assert publish_index.slot(c2569, "measures-plan").item == "o25"
    # The results of fiscal 2569 go to ITA 2570: no data for 2570, no slot.
    assert publish_index.slot(c2569, "measures-results") is None
    assert publish_index.missing_rules(c2569, "measures-results") == 2570


def test_framework_year_borrows_the_rules_and_says_so():
    c = content("rangsit-2568", fiscal_year=2569, framework_year=2569)
    s = publish_index.slot(c, "measures-results")
    assert (s.year, s.item, s.rules_year) == (2570, "o26", 2569)
    assert publish_index.problems(content("rangsit-2568", fiscal_year=2569)), "no rules for 2570: a warning"
    assert publish_index.problems(c) == []


def build(tmp_path, src: Path) -> Path:
    pipeline.build([src], tmp_path / "out")
    return tmp_path / "out" / src.name


def test_build_writes_the_index_in_the_set_folder(tmp_path):
    out = build(tmp_path, CONTENT / "rangsit-2568")
    data = json.loads((out / "publish-index.json").read_text(encoding="utf-8"))
    first = data["entries"][0]
    assert data["format"] == 1
    assert (first["assessment_year"], first["item"], first["files"]) == (
        2569,
        "o26",
        ["measures-results.docx"],
    )
    assert first["item_title"] == "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    assert {f for e in data["entries"] for f in e["files"]} == {
        p.name for p in out.iterdir() if not p.name.startswith(("publish-index", "."))
    }
    # Written through the same manifest (hand-edit guard) as the other outputs.
    manifest = (out / ".ita-docs-manifest.json").read_text(encoding="utf-8")
    assert "publish-index.json" in manifest and "publish-index.docx" in manifest
    text = (out / "publish-index.docx").read_bytes()
    assert text[:2] == b"PK"


def test_borrowed_rules_are_noted_in_the_index_and_warned_by_check(tmp_path):
    src = tmp_path / "rangsit-2569"
    shutil.copytree(CONTENT / "rangsit-2568", src)
    edit_text(src / "organisation.yaml", "fiscal_year: 2568", "fiscal_year: 2569\nframework_year: 2569")
    loaded = load(src)
    assert any("2570" in w.message and "2569" in w.message for w in loaded.warnings)
    out = build(tmp_path, src)
    data = json.loads((out / "publish-index.json").read_text(encoding="utf-8"))
    assert (data["entries"][0]["assessment_year"], data["entries"][0]["rules_year"]) == (2570, 2569)
    from docx import Document

    words = "\n".join(p.text for p in Document(str(out / "publish-index.docx")).paragraphs)
    assert "framework_year: ๒๕๖๙" in words and "ปี ๒๕๗๐" in words


def test_unknown_framework_year_is_the_clean_error(tmp_path):
    from ita_docs.errors import ContentErrors

    src = tmp_path / "set"
    shutil.copytree(CONTENT / "rangsit-2568", src)
    edit_text(src / "organisation.yaml", "fiscal_year: 2568", "fiscal_year: 2568\nframework_year: 2571")
    with pytest.raises(ContentErrors) as exc:
        load(src)
    text = str(exc.value)
    assert "2571" in text and "2569" in text


def _set_2570(tmp_path) -> Path:
    """huapho-2565 moved to the ITA 2570 results (fiscal 2571), rules of 2569 (`framework_year`),
    its OIT checklist on two 2569-numbered items."""
    src = tmp_path / "h2570"
    shutil.copytree(CONTENT / "huapho-2565", src)
    edit_text(src / "assessment.yaml", "  year: 2565", "  year: 2570")
    edit_text(src / "organisation.yaml", "fiscal_year: 2566", "fiscal_year: 2571\nframework_year: 2569")
    (src / "oit_followup.yaml").write_text(
        "oit_followup:\n  year: 2570\n  rows:\n    - {item: o25, score: 100, status: done}\n"
        "    - {item: o26, score: 0, status: todo}\n",
        encoding="utf-8",
    )
    return src


def test_every_document_using_borrowed_rules_carries_the_note(tmp_path):
    from docx import Document
    from pptx import Presentation

    src = _set_2570(tmp_path)
    warnings = [w.message for w in load(src).warnings]
    assert [m for m in warnings if "2570, 2571" in m and "2569" in m], warnings
    out = build(tmp_path, src)
    note = "ปี ๒๕๗๐ ยังไม่มีคู่มือการประเมิน ITA เอกสารนี้ใช้เกณฑ์ของปี ๒๕๖๙"
    minutes = sorted(p.name for p in out.glob("minutes-*.docx"))
    assert minutes  # its score and OIT tables ({insert: scores}, {insert: oit_followup}) use the rules
    for name in ("analysis-report.docx", "oit-followup.docx", *minutes):
        text = "\n".join(p.text for p in Document(str(out / name)).paragraphs)
        assert text.count(note) == 1, name
    slide = Presentation(str(out / "analysis-slides.pptx")).slides[0]
    assert any(note in s.text_frame.text for s in slide.shapes if s.has_text_frame)
    # The OIT titles are 2569's, the level computed by 2569's rule.
    oit = "\n".join(
        c.text for t in Document(str(out / "oit-followup.docx")).tables for r in t.rows for c in r.cells
    )
    assert "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร" in oit
    # Without framework_year, a missing year stays the clean error naming the known years.
    edit_text(src / "organisation.yaml", "framework_year: 2569\n", "")
    from ita_docs.errors import ContentErrors

    with pytest.raises(ContentErrors) as exc:
        load(src)
    assert "2570" in str(exc.value) and "2569" in str(exc.value)


def test_documents_without_borrowed_rules_have_no_note(tmp_path):
    from docx import Document

    out = build(tmp_path, CONTENT / "huapho-2565")
    text = "\n".join(p.text for p in Document(str(out / "analysis-report.docx")).paragraphs)
    assert "ยังไม่มีคู่มือ" not in text


def test_index_constant_of_the_bundle_is_the_documents_file():
    from ita_docs.documents import publish_index as index_document
    from ita_docs.write import batch

    assert batch.INDEX_DOCX == f"{index_document.NAME}.docx" == index_document.DOCUMENT.template


def test_a_drafted_report_of_a_borrowing_year(tmp_path):
    src = _set_2570(tmp_path)
    (src / "analysis_report.yaml").unlink()  # the report is then drafted from the scores
    (src / "minutes.yaml").unlink()
    out = build(tmp_path, src)
    assert (out / "analysis-report.docx").is_file()


def test_a_memo_and_its_distribution_list_are_one_entry(tmp_path):
    out = build(tmp_path, CONTENT / "muangklaeng-2565")
    data = json.loads((out / "publish-index.json").read_text(encoding="utf-8"))
    memo = next(e for e in data["entries"] if e["document"] == "memo")
    assert memo["files"] == ["memo-measures-announce-2565.docx", "distribution-measures-announce-2565.docx"]
    assert memo["title"].startswith("บันทึกข้อความ เรื่อง แจ้งมาตรการส่งเสริมคุณธรรมและความโปร่งใส")
    # 2565 has no document -> item map: the rows say so instead of guessing.
    assert all(e["item"] is None for e in data["entries"])
    assert {f for e in data["entries"] for f in e["files"]} == {
        p.name for p in out.glob("*.docx") if p.name != "publish-index.docx"
    }
