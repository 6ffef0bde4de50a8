"""Golden files per XML part of every rendered sample document.

Run ``pytest tests/test_golden.py --update-golden`` after an intended change
to the templates, the content or the renderer, and review the diff of
``tests/golden`` in git.
"""

from __future__ import annotations

import difflib
import io
import zipfile
from pathlib import Path

from lxml import etree

GOLDEN = Path(__file__).parent / "golden"
PARTS = ("word/document.xml", "word/styles.xml", "word/settings.xml", "word/numbering.xml")


def pretty(xml: bytes) -> str:
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.tostring(etree.fromstring(xml, parser), pretty_print=True, encoding="unicode")


def parts_of(data: bytes) -> dict[str, str]:
    z = zipfile.ZipFile(io.BytesIO(data))
    names = [n for n in z.namelist() if n in PARTS or n.startswith(("word/header", "word/footer"))]
    return {n: pretty(z.read(n)) for n in sorted(names)}


def test_rendered_parts_match_golden(rendered, update_golden):
    problems = []
    for doc, data in sorted(rendered.items()):
        for part, xml in parts_of(data).items():
            path = GOLDEN / doc.replace(".docx", "") / part.replace("word/", "")
            if update_golden:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(xml, encoding="utf-8")
                continue
            if not path.exists():
                problems.append(
                    f"{path}: no golden file (a new document or part? rerun with --update-golden)"
                )
                continue
            want = path.read_text(encoding="utf-8")
            if want != xml:
                diff = difflib.unified_diff(
                    want.splitlines(), xml.splitlines(), str(path), "rendered", lineterm="", n=2
                )
                problems.append("\n".join(list(diff)[:40]))
    assert not problems, (
        "rendered XML differs from golden files (rerun with --update-golden if intended):\n"
        + "\n\n".join(problems)
    )


def test_golden_files_exist_for_every_document(rendered):
    for doc in rendered:
        assert (GOLDEN / doc.replace(".docx", "") / "document.xml").is_file(), doc


def test_no_stale_golden_file(rendered, update_golden):
    """A golden file no rendered document has any more is a leftover (``--update-golden`` removes it)."""
    expected = {
        GOLDEN / doc.replace(".docx", "") / part.replace("word/", "")
        for doc, data in rendered.items()
        for part in parts_of(data)
    }
    stale = sorted(p for p in GOLDEN.rglob("*.xml") if p not in expected)
    if update_golden:
        for p in stale:
            p.unlink()
        return
    assert stale == [], "golden files of no rendered document (rerun with --update-golden to remove them)"
