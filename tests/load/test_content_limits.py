"""Issue 19 (7): content that used to end in an internal error, or was blamed on a template, is a
located content error (file, line, field; exit 2), and nothing is written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ita_docs import cli

from ..conftest import copy_sample, edit_text, grey_png

pytestmark = pytest.mark.usefixtures("thai_messages")
runner = CliRunner()


def _build(src: Path, out: Path):
    result = runner.invoke(cli.app, ["build", str(src), "-o", str(out), "-q"])
    assert "Traceback" not in result.output and "ภายใน" not in result.output.split("\n")[0], result.output[
        :500
    ]
    assert not list(out.rglob("*.docx")) if out.exists() else True
    return result


def test_a_memo_id_over_the_limit_is_located(tmp_path):
    src = copy_sample("muangklaeng-2565", tmp_path / "m")
    edit_text(src / "memos.yaml", "  - id: measures-announce-2565", "  - id: " + "m" * 310)
    result = _build(src, tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert re.search(r"memos\.yaml:4:\d+: memos\[0\]\.id", result.output), result.output


def test_a_5000_character_emblem_name_is_located(tmp_path):
    src = copy_sample("muangklaeng-2565", tmp_path / "m")
    edit_text(
        src / "organisation.yaml",
        "  document_prefix:",
        "  emblem: " + "ก" * 5000 + ".png\n  document_prefix:",
    )
    result = _build(src, tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "organisation.yaml:12:" in result.output and "organisation.emblem" in result.output
    assert "ก" * 400 not in result.output  # the name is cut short in the message


def test_a_character_word_cannot_hold_is_located(tmp_path):
    src = copy_sample("huapho-2565", tmp_path / "h")
    edit_text(
        src / "organisation.yaml", "  name: องค์การบริหารส่วนตำบลหัวโพ", '  name: "\\ufffeองค์การบริหารส่วนตำบลหัวโพ"'
    )
    result = _build(src, tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert (
        "organisation.yaml:8:" in result.output
        and "U+FFFE" in result.output
        and "organisation.name" in result.output
    )


def test_a_huge_paragraph_is_blamed_on_the_content_file(tmp_path):
    src = copy_sample("muangklaeng-2565", tmp_path / "m")
    edit_text(
        src / "measure_plan.yaml",
        "  goal:\n    - เป้าหมาย",
        "  goal:\n    - " + "ก" * 300_000 + "\n    - เป้าหมาย",
    )
    result = _build(src, tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert re.search(r"measure_plan\.yaml:\d+:\d+: measure_plan\.goal\[0\]", result.output), result.output
    assert "measures-plan.docx" not in result.output  # not the template


def test_a_content_file_over_the_size_limit_is_named(tmp_path):
    src = copy_sample("muangklaeng-2565", tmp_path / "m")
    (src / "notes.yaml").write_text(
        "notes: |\n" + ("  " + "ก" * 1000 + "\n") * 17_000, encoding="utf-8"
    )  # ~50 MB
    result = _build(src, tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "notes.yaml" in result.output and "MB" in result.output


@pytest.mark.parametrize(
    ("image", "words"),
    [
        (grey_png(4001, 10), "4,000"),  # too many pixels across
        (grey_png(10, 30_000), "4,000"),  # the 30000-pixel PNG took LibreOffice to 1 GB
        (grey_png(10, 10, pad=6 * 1024 * 1024), "5 MB"),  # too big a file
        (b"not an image at all", "รูปภาพ"),
    ],
    ids=["wide", "tall", "big-file", "not-image"],
)
def test_an_emblem_image_over_the_limits_is_located(tmp_path, image, words):
    src = copy_sample("muangklaeng-2565", tmp_path / "m")
    (src / "garuda.png").write_bytes(image)
    edit_text(src / "organisation.yaml", "  document_prefix:", "  emblem: garuda.png\n  document_prefix:")
    result = _build(src, tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert (
        "organisation.yaml:12:" in result.output and "garuda.png" in result.output and words in result.output
    )


def test_an_emblem_within_the_limits_is_used(tmp_path):
    src = copy_sample("muangklaeng-2565", tmp_path / "m")
    (src / "garuda.png").write_bytes(grey_png(400, 400))
    edit_text(src / "organisation.yaml", "  document_prefix:", "  emblem: garuda.png\n  document_prefix:")
    result = runner.invoke(cli.app, ["build", str(src), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert list((tmp_path / "out" / "m").glob("memo-*.docx"))
