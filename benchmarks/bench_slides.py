"""Slide deck speed: `ita_docs.slides.deck.build_deck` per bundled sample, against python-pptx in the same run.

For each bundled sample that makes a deck, its slides are worded once
(`ita_docs.documents.analysis_slides.slide_specs`, timed apart: "words") and
drawn on the bundled template ``analysis-slides.pptx`` two ways, interleaved
round by round (no tracer, no profiler):

- fast: the text writer (`ita_docs.slides.fast`), the default;
- python-pptx: the same deck drawn through python-pptx's objects (``fast=False``),
  the reference whose bytes the fast writer must equal (checked every round).

The first deck of each way is timed apart ("cold": the template read, the
skeleton cut once per template, chart shapes built). The target of issue 16:
at most 60 ms per deck for huapho-2565, median of the warm rounds.

    python benchmarks/bench_slides.py [--rounds 15]

The last line reads ``deck_ms=M`` (huapho-2565's warm median, fast writer).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ita_docs import slides
from ita_docs.documents import writer
from ita_docs.documents.analysis_slides import DOCUMENT, slide_specs
from ita_docs.load.validate import load
from ita_docs.resources import sample_sets, templates_dir

TARGET_MS = 60.0
HEADLINE = "huapho-2565"


def _ms(fn, *args, **kw):
    start = time.perf_counter()
    out = fn(*args, **kw)
    return (time.perf_counter() - start) * 1000, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    rounds = max(5, args.rounds)
    template = templates_dir() / "analysis-slides.pptx"
    print(f"{'sample':<16}{'slides':>7}{'words':>8}{'cold':>8}{'fast ms':>9}{'pptx ms':>9}{'x':>6}")
    medians = {}
    for path in sample_sets():
        loaded = load(path)
        if not DOCUMENT.supported(loaded.content):
            continue
        digits = loaded.content.document_digits.get("analysis-slides", loaded.content.digits)
        words, specs = _ms(slide_specs, writer(loaded, digits))
        cold, deck = _ms(slides.build_deck, specs, template, digits=digits)
        slides.build_deck(specs, template, digits=digits, fast=False)
        fast, ref = [], []
        for _ in range(rounds):
            t, a = _ms(slides.build_deck, specs, template, digits=digits)
            fast.append(t)
            t, b = _ms(slides.build_deck, specs, template, digits=digits, fast=False)
            ref.append(t)
            assert a == b == deck, "the fast writer's bytes differ from python-pptx's"
        n = sum(name.startswith("ppt/slides/slide") for name in zipfile.ZipFile(io.BytesIO(deck)).namelist())
        f, r = statistics.median(fast), statistics.median(ref)
        medians[path.name] = f
        print(f"{path.name:<16}{n:>7}{words:>8.1f}{cold:>8.1f}{f:>9.1f}{r:>9.1f}{r / f:>6.1f}")
    headline = medians.get(HEADLINE, max(medians.values()))
    verdict = (
        f"within the {TARGET_MS:.0f} ms target"
        if headline <= TARGET_MS
        else f"OVER the {TARGET_MS:.0f} ms target"
    )
    print(
        f"{HEADLINE}: {headline:.1f} ms per deck (median of {rounds}, warm, same bytes as python-pptx), {verdict}"
    )
    print(f"deck_ms={headline:.1f}")


if __name__ == "__main__":
    main()
