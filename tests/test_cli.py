"""The ``ita-docs`` command as a user meets it: exit codes, messages, atomic writes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ENV = {
    **os.environ,
    "ITA_DOCS_LANG": "th",
    "PYTHONIOENCODING": "utf-8",
    "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ita_docs.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=ENV,
        timeout=300,
    )


def test_build_bundled_samples_into_output(tmp_path):
    res = run("build", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    written = sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "output").rglob("*.docx"))
    assert "output/huapho-2565/analysis-report.docx" in written
    assert "output/muangklaeng-2565/memo-measures-announce-2565.docx" in written
    assert "output/rangsit-2568/measures-results.docx" in written
    assert all(w in res.stdout for w in written)
    assert not list((tmp_path / "output").rglob(".tmp-*"))


def test_only_limits_documents(tmp_path, sample_copy):
    res = run("build", str(sample_copy), "-o", str(tmp_path / "o"), "--only", "analysis-report")
    assert res.returncode == 0, res.stderr
    assert [p.name for p in (tmp_path / "o").rglob("*.docx")] == ["analysis-report.docx"]


def test_unknown_only_name(tmp_path, sample_copy):
    res = run("build", str(sample_copy), "-o", str(tmp_path / "o"), "--only", "minutes-x")
    assert res.returncode == 2 and "minutes-x" in res.stderr and "Traceback" not in res.stderr


BROKEN = {
    "syntax": ("assessment.yaml", "overall: 85.85", "overall: [85.85"),
    "score_text": ("assessment.yaml", "overall: 85.85", "overall: สูง"),
    "unknown_key": ("organisation.yaml", "  province:", "  provinse:"),
    "empty": ("measures.yaml", None, ""),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_content_fails_cleanly_and_keeps_earlier_output(tmp_path, sample_copy, case):
    out = tmp_path / "o"
    good = run("build", str(sample_copy), "-o", str(out), "--only", "analysis-report")
    assert good.returncode == 0, good.stderr
    report = out / "huapho-2565" / "analysis-report.docx"
    before = report.read_bytes()

    name, old, new = BROKEN[case]
    f = sample_copy / name
    f.write_text(new if old is None else f.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    res = run("build", str(sample_copy), "-o", str(out))
    assert res.returncode == 2
    assert "Traceback" not in res.stderr + res.stdout
    assert f"{f}:" in res.stderr  # file and line
    assert report.read_bytes() == before
    assert sorted(p.name for p in out.rglob("*.docx")) == ["analysis-report.docx"]


def test_check_command(sample_copy):
    res = run("check", str(sample_copy))
    assert res.returncode == 0 and "เนื้อหาถูกต้อง" in res.stdout


def test_english_on_request(sample_copy):
    f = sample_copy / "assessment.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("overall: 85.85", "overall: high"), encoding="utf-8")
    res = run("--lang", "en", "check", str(sample_copy))
    assert res.returncode == 2 and "must be a number" in res.stderr


def test_memo_preset(tmp_path):
    res = run("memo", "measures_announce", "-o", str(tmp_path))
    assert res.returncode == 0, res.stderr
    names = sorted(p.name for p in tmp_path.rglob("*.docx"))
    assert names == ["distribution-measures-announce-2565.docx", "memo-measures-announce-2565.docx"]


def test_memo_preset_made_from_content(tmp_path):
    res = run("memo", "results_report", "-o", str(tmp_path))
    assert res.returncode == 0, res.stderr
    assert [p.name for p in tmp_path.rglob("*.docx")] == ["memo-results_report.docx"]


def test_template_error_is_located(tmp_path, sample_copy):
    from docx import Document

    from ita_docs.errors import TemplateError
    from ita_docs.render.docx import render_template

    tpl = tmp_path / "bad.docx"
    doc = Document()
    doc.add_paragraph("{{ no_such_name }}")
    doc.save(tpl)
    with pytest.raises(TemplateError) as info:
        render_template(tpl, {})
    err = info.value
    assert err.template == "bad.docx" and err.part == "word/document.xml" and "no_such_name" in str(err)


def test_template_sandbox(tmp_path):
    from docx import Document

    from ita_docs.errors import TemplateError
    from ita_docs.render.docx import render_template

    tpl = tmp_path / "evil.docx"
    doc = Document()
    doc.add_paragraph("{{ x.__class__.__mro__ }}")
    doc.save(tpl)
    with pytest.raises(TemplateError):
        render_template(tpl, {"x": "s"})


def test_text_is_escaped(tmp_path):
    from docx import Document

    from ita_docs.render import ooxml
    from ita_docs.render.docx import render_template

    tpl = tmp_path / "t.docx"
    doc = Document()
    doc.add_paragraph("{{ x }}")
    doc.save(tpl)
    data = render_template(tpl, {"x": "<w:p>a & b</w:p>"})
    assert "<w:p>a & b</w:p>" in ooxml.document_text(data)


def test_internal_error_has_no_traceback(monkeypatch, capsys, tmp_path):
    from ita_docs import build as pipeline
    from ita_docs import cli

    def boom(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(pipeline, "build", boom)
    monkeypatch.delenv("ITA_DOCS_DEBUG", raising=False)
    monkeypatch.setattr(sys, "argv", ["ita-docs", "build", "-o", str(tmp_path)])
    with pytest.raises(SystemExit) as info:
        cli.run()
    captured = capsys.readouterr()
    assert info.value.code == 1
    assert "RuntimeError: bug" in captured.err and "Traceback" not in captured.err


def test_a_memo_preset_without_its_data_is_a_located_error(tmp_path):
    """analysis_approval reads the assessment: without one, exit 2 naming the preset and what it needs."""
    from typer.testing import CliRunner

    from ita_docs import cli

    from .conftest import copy_sample

    src = copy_sample("muangklaeng-2565", tmp_path / "m")
    result = CliRunner().invoke(cli.app, ["memo", "analysis_approval", str(src), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "assessment" in result.output and str(src) in result.output
    (src / "extra.yaml").write_text(
        "memos:\n  - {id: x, preset: minutes_report, date: 2566-01-01, signer: wasana}\n", encoding="utf-8"
    )
    (src / "memos.yaml").unlink()
    result = CliRunner().invoke(cli.app, ["check", str(src)])
    assert result.exit_code == 2 and "extra.yaml:2:" in result.output and "minutes" in result.output


def test_a_long_error_list_is_cut(tmp_path):
    from typer.testing import CliRunner

    from ita_docs import cli

    f = tmp_path / "many.yaml"
    f.write_text(
        "fiscal_year: 2566\norganisation: {name: ก, kind: อบต., province: ข}\nobstacles:\n"
        + "  - {a: 1}\n" * 300,
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli.app, ["check", str(f)])
    assert result.exit_code == 2
    assert 190 <= result.output.count("many.yaml:") <= 200 and "และอีก 100 รายการ" in result.output
