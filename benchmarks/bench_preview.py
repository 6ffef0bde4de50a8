"""Live preview speed: a one-field edit of a score to the analysis report's updated first page image.

The huapho-2565 sample is copied to a temporary folder. Each round changes one indicator
score in ``assessment.yaml`` (one value rewritten in place, comments kept, as the workbench
saves it) and then, as the workbench does after a save:

- preview: `Previewer.affected` (which documents read ``assessment.indicators.4``) and
  `Previewer.render` of the analysis report, first page only, to a PNG, with LibreOffice warm
  (started once before the rounds);
- baseline: a cold ``ita-docs build SET --only analysis-report --pdf`` in a new process and
  ``pdftoppm -r 60 -png -f 1 -l 1`` of its PDF (what a user without the workbench would run).

Rounds are interleaved (baseline, then preview, on the same edit), no tracer runs, the median
of each is printed with every round and the load average. Also printed, not part of the target:
all the affected documents' first pages (``render(..., affected)``). Target (issue 15 item 5):
preview median ≤ 1.0 s on a 2-core machine.

    python benchmarks/bench_preview.py [--rounds 15] [--no-baseline]

The last line reads ``preview_s=P baseline_s=B speedup=S target_met=yes|no``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ita_docs.web.preview import Previewer

SAMPLE = ROOT / "content" / "huapho-2565"
INDICATOR = 4
LINE = re.compile(rf"^(\s+{INDICATOR}:\s*)([0-9.]+)", re.MULTILINE)


def edit(set_dir: Path, score: float) -> None:
    """Rewrite indicator 4's score in place (the rest of the file byte for byte)."""
    f = set_dir / "assessment.yaml"
    text, n = LINE.subn(lambda m: f"{m.group(1)}{score:.2f}", f.read_text(encoding="utf-8"), count=1)
    assert n == 1, "indicator line not found"
    f.write_text(text, encoding="utf-8")


def baseline(set_dir: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "ita_docs.cli",
            "build",
            str(set_dir),
            "--only",
            "analysis-report",
            "--pdf",
            "--force",
            "-q",
            "-o",
            str(out),
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    pdf = next(out.rglob("analysis-report.pdf"))
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), str(out / "page")],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def preview(p: Previewer, set_dir: Path) -> tuple[float, bytes]:
    start = time.perf_counter()
    names = p.affected(set_dir, [f"assessment.indicators.{INDICATOR}"])
    assert "analysis-report" in names, names
    [page] = p.render(set_dir, ["analysis-report"], first_page_only=True)
    png = page.pages[0]
    return time.perf_counter() - start, png


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    if shutil.which("soffice") is None:
        sys.exit("LibreOffice (soffice) is not installed: nothing to measure")
    run_baseline = not args.no_baseline and shutil.which("pdftoppm") is not None
    with tempfile.TemporaryDirectory() as tmp:
        set_dir = Path(tmp) / "huapho-2565"
        shutil.copytree(SAMPLE, set_dir)
        p = Previewer(width_px=900)
        try:
            start = time.perf_counter()
            p.render(set_dir, ["analysis-report"], first_page_only=True)
            warmup = time.perf_counter() - start
            fast, slow, every = [], [], []
            for i in range(args.rounds):
                edit(set_dir, 60.0 + i)
                if run_baseline:
                    slow.append(baseline(set_dir, Path(tmp) / f"out{i}"))
                t, png = preview(p, set_dir)
                assert png.startswith(b"\x89PNG")
                fast.append(t)
                start = time.perf_counter()
                p.render(
                    set_dir, p.affected(set_dir, [f"assessment.indicators.{INDICATOR}"]), first_page_only=True
                )
                every.append(time.perf_counter() - start)
        finally:
            p.close()
    f = statistics.median(fast)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"cores {os.cpu_count()}, load average {load}; first preview (starts LibreOffice) {warmup:.3f} s")
    print(
        f"preview: edit -> page 1 PNG (median)    {f:7.3f} s   rounds: {', '.join(f'{x:.3f}' for x in fast)}"
    )
    print(f"all affected documents' page 1 (median) {statistics.median(every):7.3f} s")
    if slow:
        b = statistics.median(slow)
        print(
            f"baseline: cold build --pdf + pdftoppm   {b:7.3f} s   rounds: {', '.join(f'{x:.3f}' for x in slow)}"
        )
        print(
            f"preview_s={f:.3f} baseline_s={b:.3f} speedup={b / f:.2f} target_met={'yes' if f <= 1.0 else 'no'}"
        )
    else:
        print(f"preview_s={f:.3f} baseline_s=- speedup=- target_met={'yes' if f <= 1.0 else 'no'}")


if __name__ == "__main__":
    main()
