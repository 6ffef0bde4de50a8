"""Rebuild speed: a build of the bundled samples against a rebuild with no change.

Each round runs, as a user would (a new ``ita-docs`` process each time):

- full: ``ita-docs build -o FRESH [--pdf]`` into an empty folder;
- no change: ``ita-docs build -o BUILT [--pdf]`` into a folder already built
  from the same content (the manifest says nothing changed: nothing is
  rendered, no PDF converted).

Rounds are interleaved, the median of each is printed, no tracer runs. The
targets of the "Regenerate and publish" issue: no change ≤ 0.3 s with
``--pdf``, and ≤ 20% of the first run. PDFs are used when LibreOffice is
installed (``--no-pdf`` to skip).

    python benchmarks/bench_rebuild.py [--rounds 3] [--no-pdf]

The last line reads ``rebuild_ratio=R nochange_s=A full_s=B pdf=yes|no``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(out: Path, pdf: bool) -> float:
    cmd = [sys.executable, "-m", "ita_docs.cli", "build", "-o", str(out), "-q"] + (["--pdf"] if pdf else [])
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()
    pdf = not args.no_pdf and shutil.which("soffice") is not None
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "built"
        first = run(built, pdf)
        full, nochange = [], []
        for i in range(args.rounds):
            fresh = Path(tmp) / f"fresh{i}"
            full.append(run(fresh, pdf))
            nochange.append(run(built, pdf))
            shutil.rmtree(fresh)
    f, n = statistics.median(full), statistics.median(nochange)
    print(f"first build           {first:7.3f} s")
    print(f"full build (median)   {f:7.3f} s   rounds: {', '.join(f'{x:.3f}' for x in full)}")
    print(f"no change (median)    {n:7.3f} s   rounds: {', '.join(f'{x:.3f}' for x in nochange)}")
    print(f"rebuild_ratio={n / f:.3f} nochange_s={n:.3f} full_s={f:.3f} pdf={'yes' if pdf else 'no'}")


if __name__ == "__main__":
    main()
