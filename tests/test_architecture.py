"""The house rules of ``docs/architecture.md`` that a test can hold: stage order, no cycles, public faces."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
from pathlib import Path

import ita_docs

ROOT = Path(ita_docs.__file__).parent


def _modules() -> dict[str, Path]:
    mods = {}
    for f in ROOT.rglob("*.py"):
        parts = ("ita_docs", *f.relative_to(ROOT).with_suffix("").parts)
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        mods[name] = f
    return mods


def _private_imports(name: str, file: Path, mods: dict[str, Path]) -> list[str]:
    """Underscore names ``name`` imports from a module of another package of ita_docs."""
    pkg = name if file.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = pkg.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            if not base.startswith("ita_docs"):
                continue
            source_pkg = (
                base if base in mods and mods[base].name == "__init__.py" else base.rpartition(".")[0]
            )
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__") and source_pkg != pkg:
                    out.append(f"{name}:{node.lineno} imports {base}.{alias.name}")
    return out


def test_no_private_name_crosses_a_package():
    """A package shows a public face: nothing imports another package's ``_names``."""
    mods = _modules()
    found = [p for n, f in mods.items() for p in _private_imports(n, f, mods)]
    assert found == []


def test_private_import_finder_finds_one(tmp_path):
    f = tmp_path / "mod.py"
    f.write_text(
        "from ..render.ooxml.names import _local\nfrom .names import _local as l2\n", encoding="utf-8"
    )
    mods = {"ita_docs.render.ooxml.names": ROOT / "render" / "ooxml" / "names.py"}
    assert _private_imports("ita_docs.documents.mod", f, mods) == [
        "ita_docs.documents.mod:1 imports ita_docs.render.ooxml.names._local"
    ]
    f.write_text("from .names import _local\n", encoding="utf-8")
    assert _private_imports("ita_docs.render.ooxml.mod", f, mods) == []


def test_import_contracts_are_kept():
    """The stage order and the absence of cycles (``[tool.importlinter]`` in pyproject.toml)."""
    lint = shutil.which("lint-imports")
    assert lint, "import-linter is a test dependency (pip install '.[test]')"
    env = {**os.environ, "PYTHONPATH": str(ROOT.parent)}
    res = subprocess.run(
        [lint, "--config", str(ROOT.parent / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=ROOT.parent,
        env=env,
        timeout=300,
    )
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]
    assert "0 broken" in res.stdout


def test_one_module_per_document_type():
    """Each registered type comes from its own module in ita_docs/documents/ and has its template."""
    import importlib
    import pkgutil

    import ita_docs.documents as pkg
    from ita_docs.documents import DOCUMENTS
    from ita_docs.resources import templates_dir

    owners: dict[str, str] = {}
    for info in pkgutil.iter_modules(pkg.__path__):
        module = importlib.import_module(f"{pkg.__name__}.{info.name}")
        doc = getattr(module, "DOCUMENT", None)
        if doc is not None:
            assert doc.name not in owners, (doc.name, owners.get(doc.name), info.name)
            owners[doc.name] = info.name
    assert sorted(owners) == sorted(d.name for d in DOCUMENTS)
    for d in DOCUMENTS:
        assert d.template is None or (templates_dir() / d.template).is_file(), d.template


def test_every_package_is_installed():
    """``pip install .`` ships every package of ita_docs (pyproject lists them by name)."""
    import tomllib

    listed = set(
        tomllib.loads((ROOT.parent / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    found = {".".join(("ita_docs", *p.parent.relative_to(ROOT).parts)) for p in ROOT.rglob("__init__.py")}
    assert found - listed == set()
