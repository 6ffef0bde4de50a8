"""A new ita-docs rebuilds every set (`ita_docs.write.sets.code_stamp` in `set_key`), even when its
version number is the same: an install from the repository, a fix, a changed phrase file."""

from __future__ import annotations

import os
from pathlib import Path

from ita_docs.build import build
from ita_docs.write import sets

from ..conftest import copy_sample


def test_the_stamp_follows_every_file_but_bytecode(tmp_path):
    root = tmp_path / "pkg"
    (root / "sub" / "__pycache__").mkdir(parents=True)
    (root / "a.py").write_text("x = 1\n")
    (root / "sub" / "phrases.yaml").write_text("a: b\n")
    first = sets.code_stamp(root)
    sets._STAMPS.clear()
    (root / "sub" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    (root / "b.pyc").write_bytes(b"\0")
    assert sets.code_stamp(root) == first  # bytecode is not the code
    sets._STAMPS.clear()
    (root / "sub" / "phrases.yaml").write_text("a: c\n")  # same size, another time
    st = (root / "sub" / "phrases.yaml").stat()
    os.utime(root / "sub" / "phrases.yaml", ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    second = sets.code_stamp(root)
    assert second != first
    sets._STAMPS.clear()
    (root / "new.py").write_text("")
    assert sets.code_stamp(root) not in (first, second)
    sets._STAMPS.clear()


def test_a_changed_ita_docs_rebuilds_a_set_that_was_up_to_date(tmp_path, monkeypatch):
    src = copy_sample("muangklaeng-2565", tmp_path / "m")
    out = tmp_path / "out"
    build([src], out)
    assert build([src], out).up_to_date == ["m"]
    package = Path(sets.__file__).resolve().parent.parent
    monkeypatch.setitem(sets._STAMPS, package, "another ita-docs")
    again = build([src], out)
    assert again.up_to_date == [] and again.unchanged  # rendered again: the same bytes, left in place
    assert build([src], out).up_to_date == ["m"]
