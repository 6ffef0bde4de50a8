"""The Dask executor: N copies of a sample set built on a 2-worker LocalCluster against one process.

Rounds are interleaved (one process, then the cluster, repeated), the median
of each is printed, no tracer runs. The cluster is started once (as a real
deployment's would be) and its start-up is printed apart.

    python benchmarks/bench_dask.py [--sets 40] [--rounds 3] [--sample muangklaeng-2565]

The last line reads ``dask_speedup=S one_s=A dask_s=B``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import ROOT, copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sample", default="muangklaeng-2565")
    args = parser.parse_args()
    from dask.distributed import LocalCluster

    from ita_docs.build import build

    with tempfile.TemporaryDirectory() as tmp:
        sets = copies(ROOT / "content" / args.sample, Path(tmp) / "in", args.sets)
        start = time.perf_counter()
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        print(f"cluster start {time.perf_counter() - start:.2f} s")
        one, dask = [], []
        with cluster:
            build(
                sets[:2], Path(tmp) / "warm", scheduler=cluster.scheduler_address
            )  # workers import ita_docs
            for i in range(args.rounds):
                for label, times, kw in (
                    ("one", one, {"jobs": 1}),
                    ("dask", dask, {"scheduler": cluster.scheduler_address}),
                ):
                    out = Path(tmp) / f"{label}{i}"
                    start = time.perf_counter()
                    build(sets, out, **kw)
                    times.append(time.perf_counter() - start)
                    shutil.rmtree(out)
    a, b = statistics.median(one), statistics.median(dask)
    print(f"one process  {a:7.2f} s  rounds: {', '.join(f'{x:.2f}' for x in one)}")
    print(f"2 workers    {b:7.2f} s  rounds: {', '.join(f'{x:.2f}' for x in dask)}")
    print(f"dask_speedup={a / b:.2f} one_s={a:.2f} dask_s={b:.2f}")


if __name__ == "__main__":
    main()
