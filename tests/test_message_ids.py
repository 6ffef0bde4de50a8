"""Every message id the code names with ``msg("...")`` is in the message table, in Thai and English
(issue 19: an edit once dropped ids still in use, and the error shown was an internal KeyError)."""

from __future__ import annotations

import re
from pathlib import Path

from ita_docs import messages
from ita_docs.messages import FILES, MESSAGES, table

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


def test_the_files_by_concern_share_no_id():
    """`MESSAGES` merges the package's TOML files: an id in two of them would silently lose one."""
    tables = [table(name) for name in FILES]
    assert sum(len(t) for t in tables) == len(MESSAGES)
    assert all(isinstance(th, str) and isinstance(en, str) for t in tables for th, en in t.values())


def test_every_placeholder_is_in_both_languages():
    """A ``{name}`` the Thai text fills must be filled in English too (and the other way round)."""
    fields = re.compile(r"{(\w+)}")

    def named(text: str) -> set[str]:  # {kind_th} is the Thai word of {kind} (messages.KIND_TH)
        return {"kind" if f == "kind_th" else f for f in fields.findall(text)}

    differ = [k for k, (th, en) in MESSAGES.items() if named(th) != named(en)]
    assert differ == []


def test_a_message_in_english(monkeypatch):
    monkeypatch.setattr(messages, "_LANG", ["en"])
    assert messages.msg("missing", field="overall") == "required field 'overall' is missing"
