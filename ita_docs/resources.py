"""Where the bundled templates and sample content are.

Installed, they are the subpackages ``ita_docs.templates`` and
``ita_docs.samples`` (mapped from the top-level ``templates/`` and ``content/``
folders by ``pyproject.toml``); in a source checkout, those folders.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent


def _folder(package: str, repo_dir: str) -> Path:
    try:
        path = Path(str(resources.files(package)))
        if path.is_dir():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    return _REPO / repo_dir


def templates_dir() -> Path:
    """The folder holding the bundled templates (``*.docx``, and the slide template ``analysis-slides.pptx``)."""
    return _folder("ita_docs.templates", "templates")


def samples_dir() -> Path:
    """The folder holding the bundled sample content sets (one subfolder each)."""
    return _folder("ita_docs.samples", "content")


def sample_sets() -> list[Path]:
    """Every bundled sample content set, sorted by folder name."""
    return sorted(p for p in samples_dir().iterdir() if p.is_dir() and any(p.glob("*.yaml")))


def template_dirs(user: Path | None, content: Path | None) -> list[Path]:
    """Where templates are looked up, first match wins: the user's folder (``--templates``),
    the content set's own folder (``templates:``), then the bundled templates."""
    return [d for d in (user, content) if d is not None] + [templates_dir()]


def template_path(name: str, dirs: list[Path]) -> Path:
    """The template file ``name`` (e.g. ``minutes.docx``) from the first folder of ``dirs`` that has it."""
    for d in dirs:
        if (d / name).is_file():
            return d / name
    return dirs[-1] / name
