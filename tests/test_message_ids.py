"""Every message id the code names with ``msg("...")`` is in the message table, in Thai and English
(issue 19: an edit once dropped ids still in use, and the error shown was an internal KeyError)."""

from __future__ import annotations

import re
from pathlib import Path

from ita_docs.messages import MESSAGES, commands, content, expressions, templates, workbench

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


def test_the_tables_by_concern_share_no_id():
    """`MESSAGES` merges the tables of the package's modules: an id in two of them would silently lose one."""
    tables = (
        content.CONTENT,
        expressions.EXPRESSIONS,
        templates.TEMPLATES,
        commands.COMMANDS,
        workbench.WORKBENCH,
    )
    assert sum(len(t) for t in tables) == len(MESSAGES)
