"""`ita_docs.files`: the one writer of single files (the build's staging, exports, the schema, PDFs,
the workbench's saves, the score import)."""

from __future__ import annotations

import os
import stat

import pytest

from ita_docs.errors import OutputError
from ita_docs.files import umask, write_file


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_written_file_has_an_ordinary_files_mode(tmp_path):
    """mkstemp makes private 0600 files: a user's YAML saved by the workbench must stay readable."""
    target = tmp_path / "assessment.yaml"
    target.write_text("old", encoding="utf-8")
    assert write_file(target, b"new") == target
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask()
    assert [p.name for p in tmp_path.iterdir()] == ["assessment.yaml"]  # no temporary left


def test_a_file_that_cannot_be_written_is_an_output_error_and_nothing_changes(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as info:
        write_file(blocker / "out.json", b"{}")
    assert info.value.path == blocker / "out.json"
    assert [p.name for p in tmp_path.iterdir()] == ["not-a-folder"]
