"""Compiled templates kept on disk (`ita_docs.render.store`, issue 19): a template loaded from the
cache renders the same bytes as one compiled; a damaged or foreign cache file is compiled again and
rewritten, never trusted; writers replace files atomically."""

from __future__ import annotations

import pytest

from ita_docs.build import load_all
from ita_docs.render import compiled as render_cache
from ita_docs.render import store as render_store
from ita_docs.render.docx import render_template
from ita_docs.resources import sample_sets

from .test_render_speed import jobs


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ITA_DOCS_CACHE", str(tmp_path / "cache"))
    render_cache.clear()
    yield tmp_path / "cache" / "templates"
    render_cache.clear()


@pytest.fixture(scope="module")
def samples():
    return [job for loaded in load_all(sample_sets()) for job in jobs(loaded)]


def _render_all(samples) -> dict[str, bytes]:
    return {name: render_template(template, ctx, digits=digits) for name, template, ctx, digits in samples}


def test_a_template_from_the_disk_cache_renders_the_same_bytes(cache, samples):
    compiled = _render_all(samples)
    files = sorted(cache.glob("*.bin"))
    assert len(files) >= 7  # every bundled template, for each digits it is rendered with
    render_cache.clear()  # a fresh process: nothing in memory
    calls = []
    original = render_cache._compile
    render_cache._compile = lambda *a: calls.append(a) or original(*a)
    try:
        assert _render_all(samples) == compiled
    finally:
        render_cache._compile = original
    assert calls == []  # everything came from the disk


@pytest.mark.parametrize("damage", ["flip", "truncate", "other-key", "garbage-header"])
def test_a_damaged_cache_file_is_compiled_again_and_rewritten(cache, samples, damage):
    _name, template, ctx, digits = next(s for s in samples if s[0].endswith("analysis-report.docx"))
    good = render_template(template, ctx, digits=digits)
    (path,) = [p for p in cache.glob("*.bin") if render_store.read(p.stem) is not None]
    data = path.read_bytes()
    if damage == "flip":
        data = data[:-100] + bytes([data[-100] ^ 1]) + data[-99:]
    elif damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "other-key":  # a valid file of another template put under this name
        header, area = render_store.decode(path.stem, data)
        blobs = render_store.Blobs()
        blobs.add(bytes(area))
        data = render_store.encode("0" * 64, {k: v for k, v in header.items() if k != "key"}, blobs)
    else:  # hash right, shape wrong
        blobs = render_store.Blobs()
        data = render_store.encode(path.stem, {"members": [{"name": 1}], "digits": digits}, blobs)
    path.write_bytes(data)
    render_cache.clear()
    assert render_template(template, ctx, digits=digits) == good
    assert render_store.read(path.stem) is not None and path.read_bytes() != data  # rewritten, valid


def test_the_cache_can_be_off_and_a_read_only_folder_is_no_error(tmp_path, monkeypatch, samples):
    _name, template, ctx, digits = samples[0]
    monkeypatch.setenv("ITA_DOCS_CACHE", "off")
    render_cache.clear()
    assert render_template(template, ctx, digits=digits)
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("ITA_DOCS_CACHE", str(blocked))
    render_cache.clear()
    assert render_template(template, ctx, digits=digits)
    render_cache.clear()


def test_the_key_follows_template_bytes_and_digits():
    assert render_store.key(b"a" * 32, "thai") != render_store.key(b"b" * 32, "thai")
    assert render_store.key(b"a" * 32, "thai") != render_store.key(b"a" * 32, "arabic")
    assert render_store.key(b"a" * 32, "thai") == render_store.key(b"a" * 32, "thai")


def test_the_cache_key_reads_modules_that_exist():
    """Every module named in the cache key is there (a renamed module would silently stop
    invalidating the on-disk cache)."""
    from pathlib import Path

    import ita_docs
    from ita_docs.render import store

    root = Path(ita_docs.__file__).parent
    assert [name for name in store.SOURCES if not (root / name).is_file()] == []
