"""The bundled Word templates are exactly what ``tools/build_templates.py`` writes (issue 16).

The generator is the source of truth: a template is changed by changing the generator and
running it, never by hand, so every bundled .docx must be reproduced byte for byte.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("build_templates", ROOT / "tools" / "build_templates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generator_reproduces_every_bundled_template(tmp_path):
    written = _generator().main(tmp_path)
    bundled = sorted(p.name for p in (ROOT / "templates").glob("*.docx"))
    assert sorted(p.name for p in written) == bundled, (
        "a bundled template has no builder, or a builder no template"
    )
    for path in written:
        same = path.read_bytes() == (ROOT / "templates" / path.name).read_bytes()
        assert same, (
            f"templates/{path.name} differs from the generator's output: run python tools/build_templates.py"
        )
