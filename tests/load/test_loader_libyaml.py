"""The loader reads YAML with libyaml's parser (`ita_docs.load.safe_yaml._CLoader`) when it can: same data,
same line/column of every key and value, same errors as PyYAML's pure-Python loader (`_Loader`)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ita_docs.build import load_all
from ita_docs.load import reader as L
from ita_docs.resources import sample_sets

pytestmark = pytest.mark.skipif(L._CParser is None, reason="PyYAML without libyaml")
FILE = Path("x.yaml")
ROOT = Path(__file__).resolve().parents[2]


def read(text: str, loader_class: type):
    text = L._control_characters(text, FILE, [])
    try:
        data, pos, errors = L._read(text, FILE, loader_class)
    except ValueError:  # _CLoader: a text libyaml may read otherwise (left to PyYAML)
        return None
    return data, (pos.values, pos.keys) if pos else None, [(e.message, e.location) for e in errors]


def assert_same(text: str) -> bool:
    """libyaml's reading equals PyYAML's whenever `_parse_file` would keep it; returns whether it would."""
    if L._LIBYAML_DIFFERS.search(L._control_characters(text, FILE, [])):
        return False
    c = read(text, L._CLoader)
    if c is None or c[2]:  # a problem: `_parse_file` reads the file again with PyYAML
        return False
    assert c == read(text, L._Loader), repr(text)
    return True


def yaml_texts() -> list[str]:
    files = [
        *ROOT.joinpath("content").rglob("*.yaml"),
        *ROOT.joinpath("ita_docs").rglob("*.yaml"),
        *ROOT.joinpath("tests").rglob("*.yaml"),
    ]
    texts = []
    for f in files:
        text, _ = L._decode(f, f.read_bytes())
        if text is not None:
            texts.append(text)
    return texts


def test_bundled_files_read_the_same():
    texts = yaml_texts()
    assert sum(assert_same(t) for t in texts) >= 20


def test_mutated_content_reads_the_same():
    """Pieces of real files with YAML's special characters put in (the corpus that found the guards)."""
    rng = random.Random(2565)
    texts = yaml_texts()
    pieces = [
        "\t",
        " ",
        "\n",
        ":",
        "- ",
        "#",
        "'",
        '"',
        "{",
        "}",
        "[",
        "]",
        ",",
        "&a ",
        "*a",
        "!!str ",
        "? ",
        "|",
        ">",
        "\r\n",
        "\x85",
        "\u2028",
        "ก",
        "\\",
        "%",
        "@",
        "`",
        "---\n",
        "...\n",
        "<<: ",
        "~",
        "!",
        "\ufeff",
        "\xa0",
        "{a: }",
        ": ",
        "''",
        "[]",
        "{}",
        "0x",
        "1e3",
        "null",
        "2566-02-30",
        "12:30",
        "%YAML 1.1\n",
        "\u200b",
    ]
    kept = 0
    for _ in range(3000):
        lines = rng.choice(texts).splitlines(keepends=True)
        i = rng.randrange(len(lines))
        chunk = "".join(lines[i : i + rng.randint(1, 6)])
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(chunk) + 1)
            chunk = chunk[:at] + rng.choice(pieces) + chunk[at + rng.randint(0, 2) :]
        kept += assert_same(chunk)
    assert kept > 300


def _generated(rng: random.Random) -> str:
    words = [
        "a",
        "key",
        "ก",
        "ไทย ภาษา",
        "12",
        "2566-04-15",
        "12:30",
        "3.50",
        "-1",
        "0x1F",
        "yes",
        "null",
        "~",
        "x y",
        "a:b",
        "http://x.example/a",
        "น้ำ\u0e48",
        "\u3000x",
        "x\xa0y",
        ".5",
        "1e3",
        "",
    ]

    def scalar() -> str:
        w = rng.choice(words)
        if w and rng.random() < 0.6 and w[0] not in "-:~" and w != "":
            return w
        if rng.random() < 0.5:
            return "'" + w.replace("'", "''") + "'"
        return '"' + w + rng.choice(["", "\\t", "\\u0e01", "\\x41", "\\n"]) + '"'

    def value(indent: int, depth: int) -> str:
        r = rng.random()
        if depth > 3 or r < 0.45:
            return " " + scalar() + rng.choice(["", "", " # c"])
        if r < 0.55:
            block = "\n".join(" " * (indent + 2) + rng.choice(words[:8]) for _ in range(rng.randint(1, 3)))
            return " " + rng.choice(["|", "|-", ">", ">+"]) + "\n" + block
        if r < 0.65:
            return " {" + ", ".join(f"{scalar()}: {scalar()}" for _ in range(rng.randint(0, 3))) + "}"
        if r < 0.75:
            return " [" + ", ".join(scalar() for _ in range(rng.randint(0, 4))) + "]"
        if r < 0.88:
            return "\n" + mapping(indent + rng.choice([2, 4]), depth + 1)
        return "\n" + "\n".join(
            " " * (indent + 2) + "-" + value(indent + 2, depth + 1) for _ in range(rng.randint(1, 3))
        )

    def mapping(indent: int, depth: int) -> str:
        keys = dict.fromkeys(scalar() for _ in range(rng.randint(1, 4)))
        lines = []
        for k in keys:
            lines.append(" " * indent + k + ":" + value(indent, depth))
            if rng.random() < 0.15:
                lines.append(" " * indent + "# หมายเหตุ")
        return "\n".join(lines)

    text = mapping(0, 0) + rng.choice(["\n", "", "\n\n"])
    return text.replace("\n", rng.choice(["\r\n", "\x85", "\u2028"])) if rng.random() < 0.1 else text


def test_generated_documents_read_the_same():
    rng = random.Random(2566)
    assert sum(assert_same(_generated(rng)) for _ in range(1500)) > 1000


@pytest.mark.parametrize(
    "text",
    [
        "name: abc\t\n",  # PyYAML refuses the tab, libyaml takes it
        "a: {until: }\nb: 1\n",  # an empty value in a flow mapping: libyaml marks it at the "}"
        "period: {until: 2566-? 4-15}\n",
        "id: !\n",
        "text: |# comment\n  x\n",
        "a: \ufeffb\n",
    ],
)
def test_texts_libyaml_reads_otherwise_are_read_by_pyyaml(tmp_path, text):
    f = tmp_path / "x.yaml"
    f.write_text(text, encoding="utf-8")
    errors_c: list = []
    pos_c = L.Positions()
    data_c = L._parse_file(f, pos_c, errors_c)
    data_p, pos_p, errors_p = L._read(L._control_characters(text, f, []), f, L._Loader)
    assert data_c == (data_p if pos_p is not None else None)
    assert [(e.message, e.location) for e in errors_c] == [(e.message, e.location) for e in errors_p]
    if pos_p is not None:
        assert pos_c.keys == pos_p.keys


def test_samples_load_the_same_with_and_without_libyaml(monkeypatch):
    fast = load_all(sample_sets())
    monkeypatch.setattr(L, "_CParser", None)
    slow = load_all(sample_sets())
    for a, b in zip(fast, slow):
        assert a.content == b.content
        assert a.positions.keys == b.positions.keys and a.positions.values == b.positions.values
