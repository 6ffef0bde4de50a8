"""What a fresh process imports (issue 19): a repeat build of a set takes its Thai word breaks, charts
and slide template from the user's cache folder and imports neither PyThaiNLP nor python-pptx nor
XlsxWriter; a damaged cache file is built again and the documents come out the same; the cache keeps
only the newest files of a kind. Not timed: the figures are in benchmarks/bench_cold.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ita_docs.render import store
from ita_docs.resources import sample_sets
from ita_docs.slides.layout import inches, points

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("pythainlp", "pptx", "xlsxwriter")

CHILD = r"""
import json, runpy, sys
sys.argv = ["ita-docs", "build", sys.argv[1], "-o", sys.argv[2], "-q"]
try:
    runpy.run_module("ita_docs.cli", run_name="__main__")
except SystemExit as exc:
    code = exc.code
else:
    code = 0
print(json.dumps({"code": code, "heavy": sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY))}))
"""


def _build(cache: Path, out: Path, source: Path) -> dict:
    env = {**os.environ, "ITA_DOCS_CACHE": str(cache), "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-c", f"HEAVY = {HEAVY!r}\n" + CHILD, str(source), str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=out.parent,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.suffix in (".docx", ".pptx")}


@pytest.fixture(scope="module")
def huapho() -> Path:
    return next(s for s in sample_sets() if s.name == "huapho-2565")


def test_a_repeat_build_imports_no_pythainlp_pptx_or_xlsxwriter(tmp_path, huapho):
    cache = tmp_path / "cache"
    first = _build(cache, tmp_path / "out1", huapho)
    assert first["code"] == 0
    assert set(first["heavy"]) == set(HEAVY)  # the first build needs them all: the test means something
    assert {p.name for p in cache.iterdir()} >= {"templates", "words", "charts", "slides"}
    second = _build(cache, tmp_path / "out2", huapho)
    assert second == {"code": 0, "heavy": []}
    a, b = _outputs(tmp_path / "out1" / "huapho-2565"), _outputs(tmp_path / "out2" / "huapho-2565")
    assert a.keys() == b.keys() and len(a) >= 5
    assert [n for n in a if a[n] != b[n]] == []


@pytest.mark.parametrize("kind", ["charts", "slides", "words"])
def test_a_damaged_cache_file_is_built_again(tmp_path, huapho, kind):
    cache = tmp_path / "cache"
    _build(cache, tmp_path / "out1", huapho)
    files = sorted((cache / kind).glob("*.bin"))
    assert files
    for f in files:
        data = f.read_bytes()
        f.write_bytes(data[: len(data) // 2] + bytes(len(data) - len(data) // 2))
    again = _build(cache, tmp_path / "out2", huapho)
    assert again["code"] == 0 and again["heavy"]  # built again, so the library was needed
    a, b = _outputs(tmp_path / "out1" / "huapho-2565"), _outputs(tmp_path / "out2" / "huapho-2565")
    assert a == b
    assert all(store.decode(f.stem, f.read_bytes()) is not None for f in (cache / kind).glob("*.bin"))


def test_prune_keeps_the_newest_files_of_a_kind(tmp_path, monkeypatch):
    monkeypatch.setenv("ITA_DOCS_CACHE", str(tmp_path))
    for i in range(6):
        store.write(f"{i:064x}", {"n": i}, store.Blobs(), "charts")
        os.utime(tmp_path / "charts" / f"{i:064x}.bin", ns=(i * 10**9, i * 10**9))
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "x.bin").write_bytes(b"other kind")
    store.prune("charts", 2)
    assert sorted(p.stem[-1] for p in (tmp_path / "charts").glob("*.bin")) == ["4", "5"]
    assert (tmp_path / "templates" / "x.bin").exists()
    monkeypatch.setitem(store.KEEP, "charts", 1)  # a write keeps its kind's newest KEEP files
    store.write(f"{9:064x}", {"n": 9}, store.Blobs(), "charts")
    assert [p.stem[-1] for p in (tmp_path / "charts").glob("*.bin")] == ["9"]


@given(st.floats(min_value=0, max_value=200, allow_nan=False))
def test_inches_and_points_are_python_pptxs(value):
    from pptx.util import Inches, Pt

    assert inches(value) == Inches(value)
    assert points(value) == Pt(value)


EXIT_ORDER = r"""
import atexit, gc, sys
atexit.register(lambda: print("after run's handler: frozen", gc.get_freeze_count() > 0))
from ita_docs import build as pipeline, cli
inner = pipeline.build
def build(*args, **kwargs):  # a handler the command registers, as the PDF converter's close does
    atexit.register(lambda: print("command's handler: frozen", gc.get_freeze_count() > 0))
    return inner(*args, **kwargs)
pipeline.build = build
sys.argv = ["ita-docs", "build", sys.argv[1], "-o", sys.argv[2], "-q"]
cli.run()
"""


def test_the_collector_is_skipped_at_exit_after_every_other_handler(tmp_path, huapho):
    """``cli.run`` freezes the collector at exit (0.10 s of a cold build, bench_cold.py), and only after
    the handlers a command registers (the PDF converter's close, temporary folders) have run."""
    env = {**os.environ, "ITA_DOCS_CACHE": str(tmp_path / "cache"), "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-c", EXIT_ORDER, str(huapho), str(tmp_path / "out")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.splitlines() == ["command's handler: frozen False", "after run's handler: frozen True"]
    assert (tmp_path / "out" / "huapho-2565" / "analysis-report.docx").is_file()
