"""Build speed: loading and rendering every bundled sample in memory, as ``ita-docs build`` does
before writing (``pipeline.load_all`` then ``pipeline.render_set`` per set).

Columns (ms):

- ``first_build_cold``: the first build of this process, which compiles every template
  (the on-disk cache of compiled templates is off here: ``ITA_DOCS_CACHE=off``);
- ``steady_fast_path``: later builds, the fast render path (templates compiled already);
- ``steady_docxtpl_fixup``: later builds through docxtpl's own path then the Thai
  fix-up (``render_template(..., fast=False)``: what ita-docs did before). This is not
  bare docxtpl: that is ``benchmarks/bench_render.py``.

Steady builds run interleaved, medians of ``--rounds`` rounds, no tracer while
timing; the peak memory of one build is measured afterwards in a separate, untimed
run (``tracemalloc`` slows everything it traces).
``benchmarks/bench_render.py`` compares each document with bare docxtpl.

    python benchmarks/bench_build.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
import tracemalloc
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ["ITA_DOCS_CACHE"] = "off"  # the first build compiles, as a process with no cache would

from ita_docs import render
from ita_docs.build import load_all, render_set
from ita_docs.resources import sample_sets

OUT = Path("/nonexistent-output")  # render_set only computes paths under it; nothing is written


def build(fast: bool) -> dict[str, float]:
    """Seconds per stage of one in-memory build: load, then each set's render."""
    original = render.render_template
    render.render_template = partial(original, fast=fast)
    try:
        times: dict[str, float] = {}
        t0 = time.perf_counter()
        loaded = load_all(sample_sets())
        times["load + validate"] = time.perf_counter() - t0
        for item in loaded:
            t0 = time.perf_counter()
            render_set(item, OUT)
            times[f"render {item.root.name}"] = time.perf_counter() - t0
        return times
    finally:
        render.render_template = original


def timed_build(fast: bool) -> dict[str, float]:
    gc.collect()
    gc.disable()
    try:
        return build(fast)
    finally:
        gc.enable()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    first = timed_build(True)
    runs: dict[bool, list[dict[str, float]]] = {True: [], False: []}
    for i in range(max(3, args.rounds)):
        for fast in (True, False) if i % 2 else (False, True):
            runs[fast].append(timed_build(fast))

    def med(fast: bool, stage: str) -> float:
        return statistics.median(r[stage] for r in runs[fast]) * 1000

    print(f"median of {len(runs[True])} interleaved builds, ms; load average {os.getloadavg()[0]:.2f}")
    print(f"{'stage':40} {'first_build_cold':>16} {'steady_fast_path':>16} {'steady_docxtpl_fixup':>20}")
    for stage in first:
        print(f"{stage:40} {first[stage] * 1000:16.1f} {med(True, stage):16.1f} {med(False, stage):20.1f}")
    totals = {fast: statistics.median(sum(r.values()) for r in runs[fast]) * 1000 for fast in runs}
    print(f"{'whole build':40} {sum(first.values()) * 1000:16.1f} {totals[True]:16.1f} {totals[False]:20.1f}")
    tracemalloc.start()
    build(True)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced memory of one build (separate, untimed run): {peak / 2**20:.1f} MiB")
    print(
        f"first_build_cold_ms={sum(first.values()) * 1000:.1f} steady_fast_path_ms={totals[True]:.1f}"
        f" steady_docxtpl_fixup_ms={totals[False]:.1f}"
    )


if __name__ == "__main__":
    main()
