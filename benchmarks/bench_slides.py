"""Slide deck speed: `ita_docs.slides.deck.build_deck` per bundled sample, with where the time goes.

For each bundled sample that has an assessment (the others make no deck), the
deck is built in the sample's digits: once cold (the first deck of the process
also builds the cached python-pptx skeleton and the chart shapes), then
``--rounds`` times warm; the median of the warm rounds is printed with its
breakdown:

- tables: `_Deck.table` (cells, runs, row heights from the text metrics);
- charts: `_Deck.chart` (chart XML from the cached shape and the workbook);
- save: `_Deck.save` (content types, presentation, zip);
- other: title bands, text boxes, paging.

The parts are timed by wrapping those methods with a clock (no tracer, no
profiler). Then the Word charts of the analysis report (two per report:
`charts.bar_chart` and embedding as `InlineChart` does). The target of the
"national batch" issue: at most 60 ms per deck for huapho-2565 (it was about
185 ms when the deck was drawn through python-pptx's objects).

    python benchmarks/bench_slides.py [--rounds 10]

The last line reads ``deck_ms=M`` (huapho-2565's warm median).
"""
from __future__ import annotations

import argparse
import io
import re
import statistics
import time
import zipfile
from collections import defaultdict

from ita_docs.analyse import rules as analysis
from ita_docs.render import chart_embed
from ita_docs import slides
from ita_docs.documents import writer
from ita_docs.documents.analysis_slides import deck_data
from ita_docs.resources import sample_sets
from ita_docs.load.validate import load

TARGET_MS = 60.0
HEADLINE = "huapho-2565"
PARTS = ("table", "chart", "save")


def _timed(spent: dict[str, float]) -> None:
    """Wrap the parts of `_Deck` so each adds its wall time to ``spent``."""
    for name in PARTS:
        method = getattr(slides._Deck, name)

        def wrapper(self, *a, _method=method, _name=name, **kw):
            start = time.perf_counter()
            try:
                return _method(self, *a, **kw)
            finally:
                spent[_name] += time.perf_counter() - start

        setattr(slides._Deck, name, wrapper)


def _word_charts_ms(w, rounds: int) -> tuple[float, float, int]:
    """Median ms per Word chart of the analysis report: (bar_chart, embedding), and the number of charts."""
    from docx import Document

    from ita_docs.documents import analysis_report

    fw = analysis.framework(w.c.assessment.year)
    parts = analysis_report._charts(w, fw)  # warm: the chart shapes are cached now
    make, embed = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        parts = analysis_report._charts(w, fw)
        make.append((time.perf_counter() - start) / len(parts))
        part = Document().part
        start = time.perf_counter()
        for p in parts:
            chart_embed.drawing_xml(part, p, width_cm=16, height_cm=9)
        embed.append((time.perf_counter() - start) / len(parts))
    return statistics.median(make) * 1000, statistics.median(embed) * 1000, len(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    rounds = max(5, args.rounds)
    spent: dict[str, float] = defaultdict(float)
    _timed(spent)

    samples = []
    for path in sample_sets():
        w = writer(load(path))
        if w.c.assessment is None or not w.c.assessment.indicators:  # no deck, as in the pipeline
            continue
        samples.append((path.name, w, deck_data(w)))

    print(f"{'sample':<18}{'slides':>7}{'cold ms':>9}{'warm ms':>9}{'tables':>8}{'charts':>8}{'save':>7}{'other':>7}")
    medians = {}
    for name, w, data in samples:
        start = time.perf_counter()
        deck = slides.build_deck(data, digits=w.digits)
        cold = (time.perf_counter() - start) * 1000
        n_slides = sum(re.fullmatch(r"ppt/slides/slide\d+\.xml", n) is not None for n in zipfile.ZipFile(io.BytesIO(deck)).namelist())
        totals, parts = [], defaultdict(list)
        for _ in range(rounds):
            spent.clear()
            start = time.perf_counter()
            again = slides.build_deck(data, digits=w.digits)
            totals.append((time.perf_counter() - start) * 1000)
            for p in PARTS:
                parts[p].append(spent[p] * 1000)
            assert again == deck, "the same data gave other bytes"
        total = statistics.median(totals)
        medians[name] = total
        part_ms = {p: statistics.median(parts[p]) for p in PARTS}
        other = total - sum(part_ms.values())
        print(f"{name:<18}{n_slides:>7}{cold:>9.1f}{total:>9.1f}{part_ms['table']:>8.1f}{part_ms['chart']:>8.1f}"
              f"{part_ms['save']:>7.1f}{other:>7.1f}")

    headline = medians.get(HEADLINE, max(medians.values()))
    verdict = f"within the {TARGET_MS:.0f} ms target" if headline <= TARGET_MS else f"OVER the {TARGET_MS:.0f} ms target"
    print(f"{HEADLINE}: {headline:.1f} ms per deck (median of {rounds}, warm), {verdict}")
    for name, w, _data in samples:
        if name == HEADLINE:
            make, embed, n = _word_charts_ms(w, rounds)
            print(f"Word charts of the analysis report ({n}): bar_chart {make:.2f} ms + embedding {embed:.2f} ms per chart")
    print(f"deck_ms={headline:.1f}")


if __name__ == "__main__":
    main()
