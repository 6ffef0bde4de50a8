"""How much of a seed document's text a rendered document says.

Each seed line is split into fragments (table cells, HTML paragraphs), markup
is stripped and white space removed; a fragment counts by the share of its
8-character chunks found in the rendered text, so a fixed OCR typo or a
reworded connective costs only the chunks it touches. The result is the
covered share of the seed by length (0.0-1.0).
"""

from __future__ import annotations

import re

SPLIT = re.compile(r"\t|\||<[^>]+>|\s➢|\s➤")
DROP = re.compile(r"[\s*\"“”‘’'•●➢➤\-–:()]")
CHUNK = 8


def normalise(text: str) -> str:
    return DROP.sub("", text).replace("ํา", "ำ")


def fragments(seed: str) -> list[str]:
    out = []
    for line in seed.splitlines():
        for part in SPLIT.split(line):
            n = normalise(part)
            if len(n) >= 4 and not set(n) <= set("-|:"):
                out.append(n)
    return out


def coverage(seed: str, rendered: str) -> float:
    doc = normalise(rendered)
    total = found = 0.0
    for frag in fragments(seed):
        chunks = [frag[i : i + CHUNK] for i in range(0, len(frag), CHUNK)]
        hit = sum(len(c) for c in chunks if c in doc)
        total += len(frag)
        found += hit
    return found / total if total else 1.0


def missing(seed: str, rendered: str, limit: int = 20) -> list[str]:
    """The seed fragments least covered, for a readable failure message."""
    doc = normalise(rendered)
    out = []
    for frag in fragments(seed):
        chunks = [frag[i : i + CHUNK] for i in range(0, len(frag), CHUNK)]
        if sum(c in doc for c in chunks) < 0.5 * len(chunks):
            out.append(frag[:80])
    return out[:limit]
