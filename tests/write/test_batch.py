"""Many sets in one run: the process pool and a Dask cluster give the same files as one process."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ita_docs import cli
from ita_docs.build import build

from ..conftest import copy_sample, edit_text


def _sets(tmp_path: Path, n: int) -> list[Path]:
    """``n`` copies of the muangklaeng-2565 sample with different names (one changed word each)."""
    out = []
    for i in range(n):
        src = copy_sample("muangklaeng-2565", tmp_path / "in" / f"set{i:02d}")
        edit_text(src / "organisation.yaml", "เทศบาลตำบลเมืองแกลง", f"เทศบาลตำบลทดสอบ{i}")
        out.append(src)
    return out


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.docx"))}


def test_process_pool_writes_the_same_files(tmp_path):
    sets = _sets(tmp_path, 4)
    one = build(sets, tmp_path / "one", jobs=1)
    two = build(sets, tmp_path / "two", jobs=2)
    assert len(one.written) == len(two.written) == 4 * 5  # 3 documents + publish-index.docx and .json
    assert _files(tmp_path / "one") == _files(tmp_path / "two")


def test_without_fork_workers_are_spawned_and_write_the_same_files(tmp_path, monkeypatch):
    """Windows has no fork: the pool spawns its workers (each imports ita-docs afresh), same files."""
    import multiprocessing

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    chosen = []
    real = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context", lambda m=None: chosen.append(m) or real(m))
    sets = _sets(tmp_path, 3)
    one = build(sets, tmp_path / "one", jobs=1)
    two = build(sets, tmp_path / "two", jobs=2)
    assert chosen == ["spawn"]
    assert len(one.written) == len(two.written) == 3 * 5
    assert _files(tmp_path / "one") == _files(tmp_path / "two")


def test_all_sets_are_checked_before_any_is_written(tmp_path):
    sets = _sets(tmp_path, 3)
    (sets[2] / "memos.yaml").write_text(
        "memos: [{id: x, date: 2566-02-30, signer: wasana}]\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli.app, ["build", *map(str, sets), "-o", str(tmp_path / "out"), "--jobs", "2"]
    )
    assert result.exit_code == 2 and "memos.yaml:1:" in result.output
    assert not (tmp_path / "out").exists()


def test_a_template_error_in_a_worker_is_reported_in_words(tmp_path):
    sets = _sets(tmp_path, 2)
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "memo.docx").write_bytes(b"not a word file")
    result = CliRunner().invoke(
        cli.app,
        ["build", *map(str, sets), "-o", str(tmp_path / "out"), "--jobs", "2", "--templates", str(tpl)],
    )
    assert result.exit_code == 1 and "memo.docx" in result.output and "Traceback" not in result.output


@pytest.mark.skipif(sys.platform != "linux", reason="LocalCluster with processes")
def test_dask_local_cluster(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    sets = _sets(tmp_path, 4)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        result = build(sets, tmp_path / "dask", scheduler=cluster.scheduler_address)
    assert len(result.written) == 4 * 5  # 3 documents + publish-index.docx and .json
    build(sets, tmp_path / "local", jobs=1)
    assert _files(tmp_path / "dask") == _files(tmp_path / "local")


def test_dask_is_not_imported_without_a_scheduler(tmp_path):
    import subprocess

    code = (
        "import sys; from pathlib import Path; from ita_docs.build import build; "
        f"build([Path({str(_sets(tmp_path, 1)[0])!r})], Path({str(tmp_path / 'o')!r}), jobs=1); "
        "print('dask' in sys.modules or 'distributed' in sys.modules)"
    )
    assert (
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.strip()
        == "False"
    )
