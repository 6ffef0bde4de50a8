"""Property tests of the loader: whatever a content file holds, loading it gives a
`LoadedContent` or `ContentErrors` whose every error names a file, never another
exception (which the CLI would report as an internal error).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_docs.errors import ContentErrors
from ita_docs.load.loader import LoadedContent
from ita_docs.load.validate import load
from ita_docs.resources import sample_sets

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SAMPLE_FILES = sorted(f for s in sample_sets() for f in s.glob("*.yaml"))

# Pieces that reach the loader's corners: YAML syntax, aliases, tags, dates, Thai
# digits, control characters, BOMs, keys of the content model.
TOKENS = [
    *"abc:-, \n\n[]{}&*!|>'\"#?%@`\\\t.0123456789",
    "  ",
    "    ",
    "- ",
    ": ",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "<<: ",
    "!!int ",
    "!!float ",
    "!!bool ",
    "!!timestamp ",
    "!!str ",
    "!!binary ",
    "!!set ",
    "!!python/object ",
    "? ",
    "--- ",
    "...",
    "0x_",
    "0b",
    ".nan",
    "~",
    "null",
    "2566-02-30",
    "2567-02-29",
    "0000-01-01",
    "๒๕๖๖-๐๔-๑๕",
    "99999999999999999999",
    "1e400",
    "\x0b",
    "\x1f",
    "\x7f",
    "\x00",
    "\ufffe",
    "\ufeff",
    "\u2028",
    "\x85",
    "\r",
    "ก",
    "๕",
    "fiscal_year: ",
    "organisation:\n  ",
    "name: ",
    "kind: อบต.",
    "province: ",
    "emblem: ",
    "measures:\n  - ",
    "id: m1",
    "period: {until: ",
    "assessment:\n  ",
    "overall: ",
    "indicators: {1: ",
    "{{ organisation.name }}",
    "{{",
    "{%",
]
yaml_text = st.one_of(st.lists(st.sampled_from(TOKENS), max_size=60).map("".join), st.text(max_size=200))


def check_folder(folder: Path) -> None:
    """Load ``folder``: a `LoadedContent`, or `ContentErrors` each naming a file."""
    try:
        loaded = load(folder)
    except ContentErrors as exc:
        assert exc.errors
        for e in exc.errors:
            assert e.location.file is not None, str(e)
            assert e.message, str(e)
    else:
        assert isinstance(loaded, LoadedContent)


def check_bytes(data: bytes, name: str = "content.yaml") -> None:
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / name).write_bytes(data)
        check_folder(Path(d))


@SETTINGS
@given(yaml_text)
def test_any_yaml_text(text):
    check_bytes(text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes(data):
    check_bytes(data)


@SETTINGS
@given(yaml_text, st.sampled_from(["utf-16", "utf-16-le", "cp874", "utf-8-sig"]))
def test_any_text_in_other_encodings(text, codec):
    check_bytes(text.encode(codec, errors="replace"))


edit = st.one_of(
    st.tuples(st.just("delete"), st.integers(min_value=0)),
    st.tuples(st.just("duplicate"), st.integers(min_value=0)),
    st.tuples(
        st.just("insert"), st.integers(min_value=0), st.one_of(st.sampled_from(TOKENS), st.characters())
    ),
)


def mutate(text: str, edits: list[tuple]) -> str:
    """Delete or duplicate lines, insert characters, as a hurried clerk would."""
    for e in edits:
        lines = text.splitlines(keepends=True)
        if e[0] == "insert":
            i = e[1] % (len(text) + 1)
            text = text[:i] + e[2] + text[i:]
        elif lines:
            i = e[1] % len(lines)
            lines[i : i + 1] = [] if e[0] == "delete" else [lines[i], lines[i]]
            text = "".join(lines)
    return text


# Each example loads a whole sample set (~60 ms): 150 examples keep the test under 10 s.
@settings(SETTINGS, max_examples=150)
@given(st.sampled_from(SAMPLE_FILES), st.lists(edit, min_size=1, max_size=5))
def test_mutated_samples(sample, edits):
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d) / sample.parent.name
        shutil.copytree(
            sample.parent, folder, ignore=lambda _d, names: [n for n in names if not n.endswith(".yaml")]
        )
        (folder / sample.name).write_bytes(
            mutate(sample.read_text(encoding="utf-8"), edits).encode("utf-8", "surrogatepass")
        )
        check_folder(folder)
