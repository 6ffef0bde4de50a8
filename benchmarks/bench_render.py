"""Render speed: ita-docs against bare docxtpl, on the same template and the same context.

For every Word document of the bundled samples, in interleaved rounds (no tracer):

- ita: ``render_template(template, context, digits=...)``, the fast path
  (template compiled once, unchanging parts fixed for Thai once), .docx bytes;
- slow: ``render_template(..., fast=False)``, docxtpl then ``ooxml.fix_package``
  (what ita-docs did before: "before" in the table);
- docxtpl: bare docxtpl, ``DocxTemplate(path).render(context, jinja_env, autoescape=True)``
  and ``save`` to a BytesIO. ``jinja_env`` is a plain ``jinja2.Environment`` with the
  Thai filters the templates use (bare docxtpl cannot render them without), no sandbox;
  a context that is a function of the template is called with the DocxTemplate.

Before timing, every document is checked: ita's bytes equal the slow path's and pass
``ooxml.audit_package``. Two tables, each against bare docxtpl timed in the same rounds:

- cold: the first render of each template in a process, with nothing compiled in
  memory (``render_cache.clear()`` before each): ``cold_compile`` compiles it (no
  on-disk cache, as the first build on a machine), ``cold_disk`` loads it from the
  on-disk cache (`ita_docs.render.store`, as every later fresh process and batch
  worker). Bare docxtpl has no cache: each of its renders opens the template anew.
- steady state: templates compiled already (a long batch, ``watch``), per document,
  with the share of the Thai fix-up (before: ``fix_package``; after: fixing the
  rendered parts).

Medians of ``--rounds`` rounds (at least 5), then the loading of the samples with
libyaml against PyYAML alone, and the load average at the start and the end (the
machine may be shared: compare sides of one run). Each timed call runs with the
garbage collector paused after a collection (as ``timeit`` does), on every side.

    python benchmarks/bench_render.py [--rounds 15]

The last lines are the headline, the huapho-2565 analysis report:
``cold_compile_vs_docxtpl=R cold_disk_vs_docxtpl=R cold_compile_ms=A cold_disk_ms=A docxtpl_ms=B``
and ``speedup_vs_docxtpl=R ita_ms=A docxtpl_ms=B`` (steady state).
"""

from __future__ import annotations

import argparse
import atexit
import gc
import inspect
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import jinja2
from docxtpl import DocxTemplate

from ita_docs import thaifmt
from ita_docs.build import load_all
from ita_docs.load import reader as yaml_reader
from ita_docs.render import compiled as render_cache
from ita_docs.render import ooxml
from ita_docs.render.docx import limits, make_env, render_template
from ita_docs.resources import sample_sets, template_dirs, template_path
from ita_docs.write.sets import document_contexts

HEADLINE = "huapho-2565/analysis-report.docx"


def plain_env(digits: str) -> jinja2.Environment:
    """What bare docxtpl needs to render the templates: Jinja with the Thai filters, nothing else."""
    env = jinja2.Environment(autoescape=True)
    for name, fn in thaifmt.FILTERS.items():
        env.filters[name] = partial(fn, digits=digits) if "digits" in inspect.signature(fn).parameters else fn
    env.filters["fiscal_digits"] = lambda year: thaifmt.to_digits(str(year), digits=digits)
    return env


def jobs() -> list[tuple[str, Path, object, str]]:
    """(name, template, context, digits) of every Word document of the samples, as ``render_set`` makes them."""
    return [
        (
            f"{loaded.root.name}/{filename}",
            template_path(doc.template, template_dirs(None, loaded.content_templates())),
            ctx,
            digits,
        )
        for loaded in load_all(sample_sets())
        for doc, filename, ctx, digits in document_contexts(loaded)
        if doc.template is not None
    ]


def ita(template: Path, ctx: object, digits: str) -> bytes:
    return render_template(template, ctx, digits=digits)


def slow(template: Path, ctx: object, digits: str) -> bytes:
    return render_template(template, ctx, digits=digits, fast=False)


def docxtpl(template: Path, ctx: object, digits: str) -> bytes:
    tpl = DocxTemplate(str(template))
    tpl.render(ctx(tpl) if callable(ctx) else ctx, jinja_env=plain_env(digits), autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


CACHE_DIR = tempfile.mkdtemp(prefix="bench-render-cache-")
atexit.register(shutil.rmtree, CACHE_DIR, True)


def cold_compile(template: Path, ctx: object, digits: str) -> bytes:
    """The first render of a template in a process that has no on-disk cache: it compiles."""
    render_cache.clear()
    os.environ["ITA_DOCS_CACHE"] = "off"
    try:
        return render_template(template, ctx, digits=digits)
    finally:
        os.environ["ITA_DOCS_CACHE"] = CACHE_DIR


def cold_disk(template: Path, ctx: object, digits: str) -> bytes:
    """The first render of a template in a fresh process, loaded from the on-disk cache."""
    render_cache.clear()
    return render_template(template, ctx, digits=digits)


def timed(fn, *args) -> float:
    """Seconds of one call, garbage collected before and not during it (as ``timeit``), for every side alike."""
    gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        fn(*args)
        return time.perf_counter() - t0
    finally:
        gc.enable()


def fix_share_before(template: Path, ctx: object, digits: str) -> float:
    """Share of ``fix_package`` in the slow path."""
    t0 = time.perf_counter()
    tpl = DocxTemplate(str(template))
    tpl.init_docx()
    with limits():
        tpl.render(ctx(tpl) if callable(ctx) else ctx, jinja_env=make_env(digits), autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    t1 = time.perf_counter()
    ooxml.fix_package(buf.getvalue(), digits=digits)
    t2 = time.perf_counter()
    return (t2 - t1) / (t2 - t0)


def fix_share_after(template: Path, ctx: object, digits: str) -> float:
    """Share of fixing the rendered parts in the fast path."""
    t0 = time.perf_counter()
    r = render_cache.compiled(template, digits, make_env).start()
    with limits():
        r.render(ctx(r) if callable(ctx) else ctx)
    t1 = time.perf_counter()
    r.fix()
    t2 = time.perf_counter()
    r.save()
    t3 = time.perf_counter()
    return (t2 - t1) / (t3 - t0)


def load_times(rounds: int) -> tuple[float, float]:
    """Median ms to load the samples with libyaml's parser and with PyYAML's alone (interleaved)."""
    c_parser = yaml_reader._CParser
    fast, pure = [], []
    for _ in range(rounds):
        for parser, out in ((c_parser, fast), (None, pure)):
            yaml_reader._CParser = parser
            t0 = time.perf_counter()
            load_all(sample_sets())
            out.append(time.perf_counter() - t0)
    yaml_reader._CParser = c_parser
    return statistics.median(fast) * 1000, statistics.median(pure) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    rounds = max(5, args.rounds)
    load_start = os.getloadavg()
    os.environ["ITA_DOCS_CACHE"] = CACHE_DIR

    todo = jobs()
    print(f"checking {len(todo)} documents: ita == docxtpl + fix_package, audit clean")
    for name, template, ctx, digits in todo:
        data = ita(template, ctx, digits)
        if data != slow(template, ctx, digits) or ooxml.audit_package(data):
            sys.exit(f"{name}: the fast path's bytes differ from docxtpl + fix_package, or fail the audit")
        docxtpl(template, ctx, digits)
    # cold: one document per (template, digits), nothing compiled in memory before each call
    firsts = list(
        {(template, digits): (name, template, ctx, digits) for name, template, ctx, digits in todo}.values()
    )
    cold_sides = {"cold_compile": cold_compile, "cold_disk": cold_disk, "docxtpl": docxtpl}
    cold: dict[tuple[str, str], list[float]] = {}
    for i in range(rounds):
        order = list(cold_sides.items())
        order = order[i % 3 :] + order[: i % 3]
        for name, template, ctx, digits in firsts:
            for side, fn in order:
                cold.setdefault((name, side), []).append(timed(fn, template, ctx, digits))
    render_cache.clear()
    sides = {"ita": ita, "slow": slow, "docxtpl": docxtpl}
    times: dict[tuple[str, str], list[float]] = {}
    shares: dict[tuple[str, str], list[float]] = {}
    for i in range(rounds):
        order = list(sides.items())
        order = order[i % 3 :] + order[: i % 3]
        for name, template, ctx, digits in todo:
            for side, fn in order:
                times.setdefault((name, side), []).append(timed(fn, template, ctx, digits))
            shares.setdefault((name, "before"), []).append(fix_share_before(template, ctx, digits))
            shares.setdefault((name, "after"), []).append(fix_share_after(template, ctx, digits))

    def ms(name: str, side: str) -> float:
        return statistics.median(times[(name, side)]) * 1000

    def share(name: str, when: str) -> float:
        return statistics.median(shares[(name, when)]) * 100

    def cold_ms(name: str, side: str) -> float:
        return statistics.median(cold[(name, side)]) * 1000

    print(f"\nCOLD: first render of each template in a process, median of {rounds} interleaved rounds, ms")
    print(
        f"{'document':52} {'cold_compile':>12} {'cold_disk':>9} {'docxtpl':>8} {'compile vs docxtpl':>18}"
        f" {'disk vs docxtpl':>15}"
    )
    for name, *_ in firsts:
        c, k, d = cold_ms(name, "cold_compile"), cold_ms(name, "cold_disk"), cold_ms(name, "docxtpl")
        print(f"{name:52} {c:12.1f} {k:9.1f} {d:8.1f} {d / c:17.2f}x {d / k:14.2f}x")
    print(
        f"\nSTEADY STATE: templates compiled already, median of {rounds} interleaved rounds, ms per document"
    )
    print(
        f"{'document':52} {'before':>8} {'ita':>7} {'docxtpl':>8} {'vs docxtpl':>10} {'vs before':>9} {'fix-up before/after':>20}"
    )
    for name, *_ in todo:
        b, a, d = ms(name, "slow"), ms(name, "ita"), ms(name, "docxtpl")
        fix = f"{share(name, 'before'):.0f}% / {share(name, 'after'):.0f}%"
        print(f"{name:52} {b:8.1f} {a:7.1f} {d:8.1f} {d / a:9.1f}x {b / a:8.1f}x {fix:>20}")
    total = {side: sum(ms(n, side) for n, *_ in todo) for side in sides}
    print(
        f"{'all documents':52} {total['slow']:8.1f} {total['ita']:7.1f} {total['docxtpl']:8.1f} "
        f"{total['docxtpl'] / total['ita']:9.1f}x {total['slow'] / total['ita']:8.1f}x"
    )
    c_ms, py_ms = load_times(rounds)
    print(
        f"\nloading the samples: {c_ms:.1f} ms with libyaml's parser, {py_ms:.1f} ms with PyYAML alone ({py_ms / c_ms:.1f}x)"
    )
    load_end = os.getloadavg()
    print(
        f"load average: start {load_start[0]:.2f} {load_start[1]:.2f}, end {load_end[0]:.2f} {load_end[1]:.2f}"
        f" ({os.cpu_count()} cores)"
    )
    a, d = ms(HEADLINE, "ita"), ms(HEADLINE, "docxtpl")
    c, k, dc = cold_ms(HEADLINE, "cold_compile"), cold_ms(HEADLINE, "cold_disk"), cold_ms(HEADLINE, "docxtpl")
    print(f"\n{HEADLINE}: same template, same context, .docx bytes in memory")
    print(
        f"cold_compile_vs_docxtpl={dc / c:.2f} cold_disk_vs_docxtpl={dc / k:.2f} cold_compile_ms={c:.2f}"
        f" cold_disk_ms={k:.2f} docxtpl_ms={dc:.2f}"
    )
    print(f"speedup_vs_docxtpl={d / a:.2f} ita_ms={a:.2f} docxtpl_ms={d:.2f}")


if __name__ == "__main__":
    main()
