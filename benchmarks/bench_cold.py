"""Cold one-set build: what a clerk runs, ``ita-docs build SET -o OUT``, each time in a fresh process.

Sides, run in interleaved rounds (one of each per round, no tracer), each a new
Python process, timed from start to exit by this script:

- ``ita``: ``python -m ita_docs.cli build SET -o OUT -q`` into an empty OUT, the
  compiled templates on disk (`ita_docs.render.store`, primed once before timing);
- ``ita-nocache``: the same with ``ITA_DOCS_CACHE=off`` (every template compiled);
- ``before`` (with ``--before DIR``): the same command from another checkout of
  ita-docs, e.g. ``git archive 0794a28 | tar -x -C /tmp/ita-before``;
- ``docxtpl``: bare docxtpl in a fresh process rendering the same Word documents of
  the set from the same contexts (dumped once as JSON: text, numbers and the XML
  snippets ita-docs makes; charts and images left out, so this side does less) with
  a plain Jinja environment holding the Thai filters (`ita_docs.thaifmt`), saved
  to files; it writes no slide deck;
- ``libs``: a fresh process that imports every third-party module a build of the set
  imports (docxtpl, python-docx, lxml, Jinja2, pydantic, PyYAML, Typer, Rich, Babel,
  filelock, platformdirs and what they pull in, listed from a real build) and does
  nothing else (skipping the collector at exit, as ita-docs does): the floor any build
  on the design card's libraries starts from;
- ``python``: ``python -c pass``, the interpreter's own start.

Prints the median, minimum and maximum wall time of each side, its median CPU time
(user + system, steadier than wall time on a shared machine), the ratios of medians,
and the load average before and after (the machine may be shared: compare sides of
one run, not runs). The target of issue 19: ``ita`` median <= 0.35 s on 2 cores.

    python benchmarks/bench_cold.py [--set huapho-2565] [--rounds 11] [--before DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CHILD = r"""
import json, sys
from pathlib import Path
from functools import partial
import inspect
import jinja2
from markupsafe import Markup
from docxtpl import DocxTemplate
from ita_docs import thaifmt

def plain_env(digits):
    env = jinja2.Environment(autoescape=True)
    for name, fn in thaifmt.FILTERS.items():
        env.filters[name] = partial(fn, digits=digits) if "digits" in inspect.signature(fn).parameters else fn
    env.filters["fiscal_digits"] = lambda year: thaifmt.to_digits(str(year), digits=digits)
    return env

def hook(d):
    return Markup(d["__xml__"]) if set(d) == {"__xml__"} else d

jobs = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"), object_hook=hook)
out = Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for job in jobs:
    tpl = DocxTemplate(job["template"])
    tpl.render(job["context"], jinja_env=plain_env(job["digits"]), autoescape=True)
    tpl.save(str(out / job["name"]))
"""


def plain(value: object) -> object:
    """A context as JSON: XML snippets marked, models as dicts, anything else that is no data as ""."""
    from pydantic import BaseModel

    if type(value).__name__ in ("InlineChart", "InlineImage"):  # charts and images: left out
        return ""
    if hasattr(value, "__html__"):
        return {"__xml__": str(value.__html__())}  # type: ignore[attr-defined]
    if isinstance(value, BaseModel):
        return plain(value.model_dump())
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[attr-defined]
    return ""


def dump_contexts(source: Path, target: Path) -> int:
    """The set's Word documents as docxtpl jobs (template, context, digits) in ``target``; how many."""
    from docxtpl import DocxTemplate

    from ita_docs.build import load_all
    from ita_docs.resources import template_dirs, template_path
    from ita_docs.write.sets import document_contexts

    (loaded,) = load_all([source])
    jobs = []
    for doc, filename, ctx, digits in document_contexts(loaded):
        if doc.template is None:
            continue
        path = template_path(doc.template, template_dirs(None, loaded.content_templates()))
        value = ctx(DocxTemplate(str(path))) if callable(ctx) else ctx
        jobs.append({"name": filename, "template": str(path), "digits": digits, "context": plain(value)})
    target.write_text(json.dumps(jobs, ensure_ascii=False), encoding="utf-8")
    return len(jobs)


MODULES = r"""
import json, runpy, sys
out, argv = sys.argv[1], sys.argv[2:]
sys.argv = ["ita-docs", *argv]
try:
    runpy.run_module("ita_docs.cli", run_name="__main__")
except SystemExit:
    pass
std = sys.stdlib_module_names
names = [m for m in sys.modules if m.split(".")[0] not in std and not m.startswith(("_", "ita_docs"))]
with open(out, "w", encoding="utf-8") as f:
    json.dump(sorted(names), f)
"""

LIBS = r"""
import atexit, gc, importlib, json, sys
atexit.register(gc.freeze)  # as ita-docs' own exit does: the floor pays no collector at exit either
for name in json.load(open(sys.argv[1], encoding="utf-8")):
    try:
        importlib.import_module(name)
    except ImportError:  # a module a package put in sys.modules under another name
        pass
"""


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    # cwd outside any checkout: ``python -m`` puts the working folder first on sys.path
    proc = subprocess.run(
        cmd, env=env, capture_output=True, text=True, check=False, cwd=tempfile.gettempdir()
    )
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0,):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="huapho-2565")
    ap.add_argument("--rounds", type=int, default=11)
    ap.add_argument("--before", type=Path, help="another ita-docs checkout to time the same build from")
    args = ap.parse_args()
    source = REPO / "content" / args.set
    work = Path(tempfile.mkdtemp(prefix="bench-cold-"))
    try:
        # PYTHONDONTWRITEBYTECODE dropped: pip compiles an installed package's .pyc files, and a
        # clerk's ita-docs is installed; without them every side compiles its sources each run
        drop = ("ITA_DOCS_CACHE", "PYTHONPATH", "PYTHONDONTWRITEBYTECODE")
        base = {k: v for k, v in os.environ.items() if k not in drop}
        cache = {**base, "PYTHONPATH": str(REPO), "ITA_DOCS_CACHE": str(work / "cache")}
        n = dump_contexts(source, work / "jobs.json")
        (work / "child.py").write_text(CHILD, encoding="utf-8")
        (work / "modules.py").write_text(MODULES, encoding="utf-8")
        (work / "libs.py").write_text(LIBS, encoding="utf-8")
        py = sys.executable
        sides: dict[str, tuple[list[str] | None, dict[str, str]]] = {
            "ita": (None, cache),
            "ita-nocache": (None, {**cache, "ITA_DOCS_CACHE": "off"}),
            "docxtpl": ([py, str(work / "child.py"), str(work / "jobs.json")], cache),
            "libs": ([py, str(work / "libs.py"), str(work / "modules.json")], base),
            "python": ([py, "-c", "pass"], base),
        }
        if args.before:
            sides["before"] = (None, {**base, "PYTHONPATH": str(args.before.resolve())})

        def command(side: str, cmd: list[str] | None, out: Path) -> list[str]:
            if cmd is None:  # an ita-docs side
                return [py, "-m", "ita_docs.cli", "build", str(source), "-o", str(out), "-q"]
            return [*cmd, str(out)] if side == "docxtpl" else cmd

        for side, (cmd, env) in sides.items():  # fill the template cache and write the .pyc files
            if side == "libs":  # the modules a build with warm caches imports, listed by one
                build_args = ["build", str(source), "-o", str(work / "modules-out"), "-q"]
                run([py, str(work / "modules.py"), str(work / "modules.json"), *build_args], cache)
            run(command(side, cmd, work / f"prime-{side}"), env)
        n_libs = len(json.loads((work / "modules.json").read_text(encoding="utf-8")))
        times: dict[str, list[float]] = {s: [] for s in sides}
        cpu: dict[str, list[float]] = {s: [] for s in sides}
        load_before = os.getloadavg()
        for r in range(args.rounds):
            for side, (cmd, env) in sides.items():
                out = work / f"out-{side}-{r}"
                full = command(side, cmd, out)
                wall, used = run(full, env)
                times[side].append(wall)
                cpu[side].append(used)
                shutil.rmtree(out, ignore_errors=True)
        load_after = os.getloadavg()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"set {args.set}: ita-docs builds every document (Word + slides); docxtpl renders its {n} Word documents"
    )
    print(f"libs imports the {n_libs} third-party modules a build imports, and nothing else")
    print(
        f"load average before {load_before[0]:.2f} {load_before[1]:.2f}, after {load_after[0]:.2f} {load_after[1]:.2f}"
        f" ({os.cpu_count()} cores); {args.rounds} interleaved rounds"
    )
    med = {s: statistics.median(t) for s, t in times.items()}
    print(f"{'side':<12} {'median_s':>9} {'min_s':>7} {'max_s':>7} {'cpu_median_s':>12}")
    for side, t in times.items():
        print(f"{side:<12} {med[side]:9.3f} {min(t):7.3f} {max(t):7.3f} {statistics.median(cpu[side]):12.3f}")
    ratios = (
        f"ita/docxtpl={med['ita'] / med['docxtpl']:.2f} nocache/ita={med['ita-nocache'] / med['ita']:.2f}"
    )
    if "before" in med:
        ratios += f" before/ita={med['before'] / med['ita']:.2f}"
    print(ratios)
    print(
        f"libs/docxtpl={med['libs'] / med['docxtpl']:.2f} (ita-docs' own part: ita - libs = {med['ita'] - med['libs']:.3f} s)"
    )
    print(
        f"cold_build_s={med['ita']:.3f} target<=0.35 docxtpl_s={med['docxtpl']:.3f} libs_s={med['libs']:.3f}"
        f" python_s={med['python']:.3f}"
    )


if __name__ == "__main__":
    main()
