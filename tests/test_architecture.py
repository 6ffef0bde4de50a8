"""The house rules of ``shared/architecture.md`` that a test can hold: no import cycles."""
from __future__ import annotations

import ast
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


def _imports(name: str, file: Path, mods: dict[str, Path]) -> set[str]:
    """Modules of the package that ``name`` imports (at any place in the file, TYPE_CHECKING included)."""
    pkg = name if file.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = pkg.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            for alias in node.names:
                for cand in (f"{base}.{alias.name}", base):
                    if cand in mods and cand != name:
                        out.add(cand)
                        break
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name in mods and a.name != name}
    return out


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of module names, or None (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in state and (found := visit(m)):
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state and (found := visit(n)):
            return found
    return None


def test_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles():
    mods = _modules()
    graph = {n: _imports(n, f, mods) for n, f in mods.items()}
    assert _cycle(graph) is None, " -> ".join(_cycle(graph))


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

    listed = set(tomllib.loads((ROOT.parent / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(("ita_docs", *p.parent.relative_to(ROOT).parts)) for p in ROOT.rglob("__init__.py")}
    assert found - listed == set()
