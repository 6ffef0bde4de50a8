"""Every message id the code names with ``msg("...")`` is in the message table, in Thai and English
(issue 19: an edit once dropped ids still in use, and the error shown was an internal KeyError)."""

from __future__ import annotations

import re
from pathlib import Path

from ita_docs.messages import MESSAGES

ROOT = Path(__file__).resolve().parents[1] / "ita_docs"


def test_every_message_id_in_use_exists():
    used = {
        m
        for f in ROOT.rglob("*.py")
        for m in re.findall(r"\bmsg\(\s*\"([a-z0-9_]+)\"\s*[,)]", f.read_text(encoding="utf-8"))
    }
    assert len(used) > 100
    assert sorted(used - set(MESSAGES)) == []
    assert all(th and en for th, en in MESSAGES.values())
