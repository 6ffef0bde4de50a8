"""Issue 19 (5): templates and documents opened through zip are read with caps on member size and
compression ratio. A 2 MB template whose member inflated to 2 GB drove memory to 6.2 GB, then an
empty "cannot open the template:"."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ita_docs.render.zip_members import MAX_MEMBER_BYTES, ZipTooBig, check_zip
from ita_docs.resources import templates_dir

from ..conftest import copy_sample


def _bomb(source: Path, target: Path, member: str, size: int) -> None:
    """``source`` with ``member`` replaced by ``size`` bytes of spaces (deflated to almost nothing)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != member:
                dst.writestr(info, src.read(info))
                continue
            zi = zipfile.ZipInfo(member)
            zi.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(zi, "w", force_zip64=True) as out:
                chunk = b" " * (1 << 20)
                for _ in range(size >> 20):
                    out.write(chunk)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory read from /proc")
def test_a_template_with_a_member_inflating_past_the_cap_is_named_and_memory_stays_small(tmp_path):
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    _bomb(
        templates_dir() / "measures-plan.docx",
        tpl / "measures-plan.docx",
        "word/styles.xml",
        3 * MAX_MEMBER_BYTES,
    )
    assert (tpl / "measures-plan.docx").stat().st_size < 2 * 1024 * 1024
    src = copy_sample("muangklaeng-2565", tmp_path / "m")
    # VmHWM: this process's peak resident memory (ru_maxrss would include the forking pytest's).
    run_and_measure = (
        "import re, runpy, sys\n"
        "try:\n    runpy.run_module('ita_docs.cli', run_name='__main__')\n"
        "finally:\n    status = open('/proc/self/status').read()\n"
        "    print('peak-kb', re.search(r'VmHWM:\\s*(\\d+)', status).group(1), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            run_and_measure,
            "build",
            str(src),
            "-o",
            str(tmp_path / "out"),
            "--templates",
            str(tpl),
            "-q",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    peak_kb = int(result.stderr.split("peak-kb")[-1])
    assert result.returncode == 1, result.stderr
    assert (
        "measures-plan.docx" in result.stderr and "word/styles.xml" in result.stderr and "MB" in result.stderr
    )
    assert "Traceback" not in result.stderr and "ภายใน" not in result.stderr
    assert peak_kb < 180 * 1024  # below the 192 MB member
    assert not list((tmp_path / "out").rglob("*.docx")) if (tmp_path / "out").exists() else True


def _zip(members: dict[str, bytes]) -> zipfile.ZipFile:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return zipfile.ZipFile(io.BytesIO(buf.getvalue()))


def test_check_zip_refuses_a_high_ratio_and_takes_ordinary_documents():
    with pytest.raises(ZipTooBig) as err:
        check_zip(_zip({"word/document.xml": b"<w/>", "word/media/x.bin": b"\0" * (8 << 20)}))
    assert err.value.member == "word/media/x.bin" and "ratio" in err.value.reason
    for template in sorted(templates_dir().glob("*.docx")):
        with zipfile.ZipFile(template) as z:
            check_zip(z)  # the bundled templates pass


def test_template_lint_names_the_member(tmp_path):
    from ita_docs.template_check.lint import lint_templates

    shutil.copy(templates_dir() / "memo.docx", tmp_path / "ok.docx")
    _bomb(
        templates_dir() / "memo.docx",
        tmp_path / "memo.docx",
        "word/document.xml",
        MAX_MEMBER_BYTES + (1 << 20),
    )
    problems = [p for p in lint_templates(tmp_path) if p.severity == "error"]
    assert [p.template for p in problems] == ["memo.docx"] and "word/document.xml" in str(problems[0])
