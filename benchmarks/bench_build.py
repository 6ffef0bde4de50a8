"""Benchmark: rendering every bundled sample, against plain docxtpl in the same run.

Prints, per document, the time of the full ita-docs render (context building,
docxtpl, Thai OOXML fixing) and of the baseline (docxtpl rendering of the same
template and context, without the Thai fix-up), the overhead ratio, and the
peak memory of the whole run. Run: ``python benchmarks/bench_build.py [repeats]``.
"""
from __future__ import annotations

import io
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docxtpl import DocxTemplate  # noqa: E402

from ita_docs.documents import DOCUMENTS, Writer  # noqa: E402
from ita_docs.pipeline import load_all  # noqa: E402
from ita_docs.render import make_env, render_template  # noqa: E402
from ita_docs.resources import sample_sets, templates_dir  # noqa: E402


def timed(fn, repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main(repeats: int = 5) -> None:
    tracemalloc.start()
    t0 = time.perf_counter()
    loaded = load_all(sample_sets())
    load_s = time.perf_counter() - t0
    print(f"load + validate {len(loaded)} content sets: {load_s * 1000:.0f} ms")
    print(f"{'document':58} {'ita-docs':>9} {'docxtpl':>9} {'ratio':>6}")
    total_full = total_base = 0.0
    for item in loaded:
        w = Writer(item)
        for doc in DOCUMENTS:
            if not doc.supported(item.content):
                continue
            for filename, ctx in doc.contexts(w):
                template = templates_dir() / doc.template

                def full(ctx=ctx, template=template):
                    render_template(template, ctx, digits=item.content.digits)

                def base(ctx=ctx, template=template):
                    tpl = DocxTemplate(str(template))
                    tpl.render(ctx(tpl) if callable(ctx) else ctx, jinja_env=make_env(item.content.digits), autoescape=True)
                    tpl.save(io.BytesIO())

                f, b = timed(full, repeats), timed(base, repeats)
                total_full += f
                total_base += b
                print(f"{item.root.name + '/' + filename:58} {f * 1000:8.0f}ms {b * 1000:8.0f}ms {f / b:6.2f}")
    print(f"{'all documents':58} {total_full * 1000:8.0f}ms {total_base * 1000:8.0f}ms {total_full / total_base:6.2f}")
    _, peak = tracemalloc.get_traced_memory()
    print(f"peak traced memory: {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
