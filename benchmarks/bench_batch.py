"""A national batch: N copies of a sample set (different names) built in one command.

For each N (default 50 and 800) it copies the sample N times, each with another
organisation name, then runs ``ita-docs build COPY... -o OUT --jobs J -q`` as a
user would (a new process) and prints Word documents (.docx) and slide decks
(.pptx) written, counted apart, documents per second, and the peak RSS of the build
process and its workers (the largest one, from ``getrusage``). The smallest N is
the baseline the others are compared with, in the same run. The default sample is
the heaviest bundled one, huapho-2565 (3 Word documents with charts and a deck per
set); muangklaeng-2565 (3 short Word documents) flatters the rate.

Targets of the "Render speed" issue: ≥ 140 docs/s with ``--jobs 2`` on a 2-core
machine, and peak RSS at the largest N ≤ 1.2 × that at the smallest.

    python benchmarks/bench_batch.py [--sizes 50 800] [--jobs 2] [--sample huapho-2565]

The last line reads ``docx_per_s=W pptx_per_s=P docs_per_s=D rss_ratio=R`` (at the largest N).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def copies(sample: Path, folder: Path, n: int) -> list[Path]:
    """``n`` copies of ``sample`` whose organisation names differ."""
    out = []
    name = None
    for i in range(n):
        dst = folder / f"{sample.name}-{i:04d}"
        shutil.copytree(sample, dst)
        org = dst / "organisation.yaml"
        text = org.read_text(encoding="utf-8")
        if name is None:
            name = next(
                line.split(":", 1)[1].strip()
                for line in text.splitlines()
                if line.strip().startswith("name:")
            )
        org.write_text(text.replace(name, f"{name}ที่ {i}", 1), encoding="utf-8")
        out.append(dst)
    return out


def run(sets: list[Path], out: Path, jobs: int) -> tuple[float, int, int, int]:
    """(seconds, peak RSS in MB, .docx written, .pptx written) of one build."""
    cmd = [
        sys.executable,
        "-c",
        MEASURE,
        sys.executable,
        "-m",
        "ita_docs.cli",
        "build",
        *map(str, sets),
        "-o",
        str(out),
        "--jobs",
        str(jobs),
        "-q",
    ]
    seconds, rss_kb = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.split()
    docx = sum(1 for p in out.rglob("*.docx"))
    pptx = sum(1 for p in out.rglob("*.pptx"))
    return float(seconds), int(rss_kb) // 1024, docx, pptx


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 800])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--sample", default="huapho-2565")
    args = parser.parse_args()
    sample = ROOT / "content" / args.sample
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sorted(args.sizes):
            folder = Path(tmp) / f"n{n}"
            sets = copies(sample, folder / "in", n)
            seconds, rss, docx, pptx = run(sets, folder / "out", args.jobs)
            results.append((n, seconds, rss, docx, pptx))
            print(
                f"N={n:5d}  .docx={docx:6d}  .pptx={pptx:5d}  {seconds:8.2f} s  {docx / seconds:7.1f} .docx/s"
                f"  {(docx + pptx) / seconds:7.1f} docs/s  peak RSS {rss:5d} MB"
            )
            shutil.rmtree(folder)
    (_, _, rss0, _, _), (n, seconds, rss, docx, pptx) = results[0], results[-1]
    print(f"sample {args.sample}, --jobs {args.jobs}")
    print(
        f"docx_per_s={docx / seconds:.1f} pptx_per_s={pptx / seconds:.1f} docs_per_s={(docx + pptx) / seconds:.1f}"
        f" rss_ratio={rss / rss0:.2f}"
    )


if __name__ == "__main__":
    main()
