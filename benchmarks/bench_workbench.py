"""The workbench's save: one score changed through the HTTP API against the same edit done by hand.

Each round, on a copy of the huapho-2565 sample:

- workbench: ``PATCH /api/sets/huapho-2565/values`` (indicator 4 = a new score, the
  value the page showed as ``expected``): ruamel.yaml round-trip save in the file's
  layout, atomic write, then every problem ``check`` reports (the response lists them);
- by hand (the baseline): the YAML file rewritten with the new score by a text
  replacement, then `ita_docs.build.check` on the set, as ``ita-docs check`` does in
  a process that already imported everything.

Rounds are interleaved, medians printed, no tracer. The web layer's cost is the
difference. With LibreOffice installed, the preview after the save (the analysis
report's first page, warm office) is timed too.

    python benchmarks/bench_workbench.py [--rounds 7]

The last line reads ``save_s=A by_hand_s=B overhead_s=C preview_s=D|none``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
warnings.filterwarnings("ignore", category=DeprecationWarning)

from starlette.testclient import TestClient

from ita_docs.build import check
from ita_docs.web import Guard, create_app

SET = "huapho-2565"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    web_root, hand = tmp / "ws", tmp / "hand" / SET
    shutil.copytree(ROOT / "content" / SET, web_root / SET, ignore=shutil.ignore_patterns("*.py"))
    shutil.copytree(ROOT / "content" / SET, hand, ignore=shutil.ignore_patterns("*.py"))
    guard = Guard({"testserver"})
    auth = {"Authorization": f"Bearer {guard.token}"}
    saves: list[float] = []
    by_hand: list[float] = []
    previews: list[float] = []
    with TestClient(create_app(web_root, guard=guard, watch=False)) as client:
        client.get(f"/api/sets/{SET}/problems", headers=auth)  # imports and template caches, both sides
        check([hand])
        preview = shutil.which("soffice") is not None
        if preview:
            client.get(f"/sets/{SET}/preview", headers=auth)  # the office started and warm
        shown = 88.77
        for i in range(args.rounds):
            score = round(60 + i * 1.25, 2)
            t = time.perf_counter()
            r = client.patch(
                f"/api/sets/{SET}/values",
                headers=auth,
                json={"path": "assessment.indicators.4", "value": score, "expected": shown},
            )
            saves.append(time.perf_counter() - t)
            assert r.status_code == 200, r.text
            if preview:
                t = time.perf_counter()
                client.get(f"/sets/{SET}/preview", headers=auth)
                previews.append(time.perf_counter() - t)
            t = time.perf_counter()
            f = hand / "assessment.yaml"
            f.write_text(
                f.read_text(encoding="utf-8").replace(f"4: {shown}", f"4: {score}", 1), encoding="utf-8"
            )
            check([hand])
            by_hand.append(time.perf_counter() - t)
            shown = score
    shutil.rmtree(tmp, ignore_errors=True)
    save, base = statistics.median(saves), statistics.median(by_hand)
    print(f"rounds={args.rounds}")
    print(f"workbench save + check: median {save:.3f} s  (min {min(saves):.3f})")
    print(f"by hand + check:        median {base:.3f} s  (min {min(by_hand):.3f})")
    if previews:
        print(f"preview after save:     median {statistics.median(previews):.3f} s")
    shown_preview = f"{statistics.median(previews):.3f}" if previews else "none"
    print(f"save_s={save:.3f} by_hand_s={base:.3f} overhead_s={save - base:.3f} preview_s={shown_preview}")


if __name__ == "__main__":
    main()
