"""Shared fixtures: every bundled sample rendered once per test session."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from ita_docs import messages
from ita_docs.build import load_all, render_set
from ita_docs.resources import sample_sets

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# Compiled templates on disk (`ita_docs.render.store`) in a folder of this test run, not the user's:
# set at import, before test modules copy the environment for their subprocesses.
_CACHE = tempfile.mkdtemp(prefix="ita-docs-test-cache-")
os.environ["ITA_DOCS_CACHE"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden from the current output"
    )


@pytest.fixture()
def thai_messages():
    """Messages in Thai for the test (``pytestmark = pytest.mark.usefixtures("thai_messages")``), then as before."""
    before = messages.language()
    messages.set_language("th")
    yield
    messages.set_language(before)


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def rendered(rendered_all) -> dict[str, bytes]:
    """{"<set>/<file>.docx": bytes} for every Word document of every bundled sample."""
    return {name: data for name, data in rendered_all.items() if name.endswith(".docx")}


@pytest.fixture(scope="session")
def rendered_all(tmp_path_factory) -> dict[str, bytes]:
    """{"<set>/<file>": bytes} for every output of every bundled sample (.docx and .pptx)."""
    out = tmp_path_factory.mktemp("out")
    docs: dict[str, bytes] = {}
    for loaded in load_all(sample_sets()):
        for r in render_set(loaded, out):
            docs[str(r.path.relative_to(out))] = r.data
    return docs


def copy_sample(name: str, dst: Path) -> Path:
    """A writable copy of the bundled sample ``name`` at ``dst`` (its YAML files only)."""
    src = next(p for p in sample_sets() if p.name == name)
    shutil.copytree(src, dst, ignore=lambda _d, names: [n for n in names if not n.endswith(".yaml")])
    return dst


def edit_text(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in the UTF-8 file ``path`` with ``new``; ``old`` must be there,
    so an edit that no longer matches its sample fails the test instead of testing nothing."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def grey_png(width: int, height: int, pad: int = 0) -> bytes:
    """A valid grey PNG of ``width`` x ``height`` pixels (Pillow), for an emblem; ``pad`` bytes of
    text in an ancillary chunk make the file that much bigger without more pixels."""
    import io

    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    if pad:
        info.add_text("pad", "x" * pad)
    buf = io.BytesIO()
    Image.new("L", (width, height), 0x80).save(buf, "PNG", pnginfo=info)
    return buf.getvalue()


@pytest.fixture()
def sample_copy(tmp_path) -> Path:
    """A writable copy of the huapho-2565 sample (the analysis report's content)."""
    return copy_sample("huapho-2565", tmp_path / "huapho-2565")
