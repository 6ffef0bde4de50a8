"""A workspace: the folder the clerk's content sets live in, one sub-folder per set.

What the workbench shows and does with the sets, through the same code as the
command line: problems are what ``ita-docs check`` reports (`ita_docs.build.check`),
builds are ``ita-docs build`` (`ita_docs.build.build`: manifest, one
transaction, hand-edited outputs kept), a new set is ``ita-docs new``
(`ita_docs.scaffold.new_set`), next year is ``ita-docs next-year``.

Outputs go to ``WORKSPACE/output/<set>/`` (so ``output`` is never a set).
"""

from __future__ import annotations

import datetime as dt
import io
import threading
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ContentError, ContentErrors, ItaDocsError, TemplateError, TemplateErrors
from ..messages import msg
from .security import Refused, confine
from .store import SetStore, as_dict, split_path

OUTPUT = "output"


@dataclass(frozen=True)
class Problem:
    """One problem as the page shows it: ``field`` a dotted path (``measures.2.title``), ``file`` a
    file name of the set, ``line`` 1-based, ``level`` ``"error"`` or ``"warning"``."""

    message: str
    field: str = ""
    file: str = ""
    line: int | None = None
    level: str = "error"

    def as_json(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "field": self.field,
            "file": self.file,
            "line": self.line,
            "level": self.level,
        }


def dotted(field: str) -> str:
    """A location's field as the form names it: ``measures[2].title`` -> ``measures.2.title``."""
    return ".".join(split_path(field))


def _problem(e: ContentError, level: str) -> Problem:
    loc = e.location
    return Problem(e.message, dotted(loc.field or ""), loc.file.name if loc.file else "", loc.line, level)


@dataclass
class SetInfo:
    """A set as the home page lists it."""

    name: str
    organisation: str
    fiscal_year: int | None
    problems: int
    warnings: int
    last_build: dt.datetime | None

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "organisation": self.organisation,
            "fiscal_year": self.fiscal_year,
            "next_name": Workspace.next_name(self.name),
            "problems": self.problems,
            "warnings": self.warnings,
            "last_build": self.last_build.isoformat(timespec="seconds") if self.last_build else None,
        }


class Workspace:
    """The content sets under ``root`` and their outputs under ``root/output``."""

    def __init__(self, root: Path, templates: Path | None = None) -> None:
        self.root = Path(root)
        self.output = self.root / OUTPUT
        self.templates = templates
        self._stores: dict[str, SetStore] = {}
        self._checked: dict[str, tuple[str, list[Problem]]] = {}
        self._lock = threading.Lock()
        self.build_lock = threading.Lock()
        self.on_write: Callable[[Path, bytes], None] | None = None
        """Told of every file a set's store writes, before it is written (the watcher)."""

    # ------------------------------------------------------------------ sets
    def names(self) -> list[str]:
        """The set names: sub-folders (not hidden, not ``output``, not a link) holding a .yaml file."""
        if not self.root.is_dir():
            return []
        return sorted(
            d.name
            for d in self.root.iterdir()
            if d.is_dir()
            and not d.is_symlink()
            and d.name != OUTPUT
            and not d.name.startswith((".", "_"))
            and any(p.suffix in {".yaml", ".yml"} for p in d.iterdir())
        )

    def folder(self, name: str) -> Path:
        """The folder of set ``name``; `Refused` (404) when it is not a set of this workspace."""
        if "/" in name or "\\" in name:
            raise Refused(msg("web_bad_name", name=name))
        folder = confine(self.root, name)
        if name not in self.names():
            raise Refused(msg("web_no_set", name=name), 404)
        return folder

    def store(self, name: str) -> SetStore:
        folder = self.folder(name)
        with self._lock:
            if name not in self._stores:
                self._stores[name] = SetStore(folder, self.on_write)
            return self._stores[name]

    def info(self, name: str) -> SetInfo:
        data = self.store(name).data()
        org = as_dict(data.get("organisation"))
        fy = data.get("fiscal_year")
        problems = self.problems(name)
        manifest = self.output / name / ".ita-docs-manifest.json"
        last = dt.datetime.fromtimestamp(manifest.stat().st_mtime) if manifest.is_file() else None
        return SetInfo(
            name,
            str(org.get("name") or ""),
            fy if isinstance(fy, int) else None,
            sum(p.level == "error" for p in problems),
            sum(p.level == "warning" for p in problems),
            last,
        )

    def sets(self) -> list[SetInfo]:
        return [self.info(n) for n in self.names()]

    # ------------------------------------------------------------------ problems
    def problems(self, name: str) -> list[Problem]:
        """Everything ``ita-docs check`` reports for the set, errors then warnings (cached per content key)."""
        from ..build import check
        from ..write.sets import set_key

        folder = self.folder(name)
        key = set_key(folder, self.templates)
        cached = self._checked.get(name)
        if cached and cached[0] == key:
            return cached[1]
        try:
            result = check([folder], self.templates)
            found = [_problem(w, "warning") for w in result.warnings]
        except ContentErrors as exc:
            found = [_problem(e, "error") for e in exc.errors]
        except (TemplateError, TemplateErrors) as exc:
            found = [Problem(str(e)) for e in getattr(exc, "errors", [exc])]
        except ItaDocsError as exc:
            found = [Problem(str(exc))]
        self._checked[name] = (key, found)
        return found

    # ------------------------------------------------------------------ build and outputs
    def build(self, name: str, *, pdf: bool = False, bundle: bool = False, force: bool = False) -> Any:
        """``ita-docs build SET --output WORKSPACE/output`` (one worker); returns its `BuildResult`.

        Raises `ContentErrors` when the set has problems (nothing is written)."""
        from ..build import build

        folder = self.folder(name)
        with self.build_lock:
            return build(
                [folder], self.output, templates=self.templates, pdf=pdf, bundle=bundle, force=force, jobs=1
            )

    def outputs(self, name: str) -> list[Path]:
        """The documents built for the set (.docx, .pdf, .pptx), by name."""
        self.folder(name)
        folder = self.output / name
        if not folder.is_dir():
            return []
        return sorted(
            p
            for p in folder.iterdir()
            if p.is_file() and p.suffix in {".docx", ".pdf", ".pptx"} and not p.name.startswith((".", "~$"))
        )

    def output_file(self, name: str, file: str) -> Path:
        self.folder(name)
        path = confine(self.output / name, file) if (self.output / name).is_dir() else None
        if path is None or not path.is_file():
            raise Refused(msg("web_no_file", name=file), 404)
        return path

    def zip_set(self, name: str) -> bytes:
        """The set's folder as a zip (its files, sub-folders included; links and hidden files left out)."""
        folder = self.folder(name)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for f in sorted(folder.rglob("*")):
                rel = f.relative_to(folder)
                if f.is_symlink() or not f.is_file() or any(p.startswith(".") for p in rel.parts):
                    continue
                zf.write(f, f"{name}/{rel.as_posix()}")
        return buf.getvalue()

    # ------------------------------------------------------------------ new sets
    def new_set(
        self,
        name: str,
        *,
        organisation: str,
        kind: str,
        province: str,
        district: str | None,
        fiscal_year: int,
        assessment_year: int | None = None,
    ) -> list[Path]:
        """``ita-docs new WORKSPACE/name ...``; raises `ContentErrors`/`OutputError` as it does."""
        from ..scaffold import new_set

        target = self._new_folder(name)
        return new_set(
            target,
            name=organisation,
            kind=kind,
            district=district or None,
            province=province,
            fiscal_year=fiscal_year,
            assessment_year=assessment_year,
        )

    @staticmethod
    def next_name(name: str) -> str:
        """The name the home page suggests for a set's next year: a trailing BE year plus one
        (``huapho-2565`` -> ``huapho-2566``), else ``<name>-next``."""
        import re

        m = re.search(r"(25\d\d)$", name)
        return name[: m.start()] + str(int(m.group(1)) + 1) if m else f"{name}-next"

    def next_year(self, name: str, new_name: str) -> list[Path]:
        """``ita-docs next-year WORKSPACE/name WORKSPACE/new_name``."""
        from ..scaffold import next_year

        return next_year(self.folder(name), self._new_folder(new_name))

    def _new_folder(self, name: str) -> Path:
        name = name.strip()
        if not name or "/" in name or "\\" in name or name == OUTPUT or name.startswith((".", "_")):
            raise Refused(msg("web_bad_name", name=name))
        return confine(self.root, name)


def problems_of(errors: ContentErrors) -> list[Problem]:
    """`ContentErrors` as the page's problems."""
    return [_problem(e, "error") for e in errors.errors]


__all__ = ["OUTPUT", "Problem", "SetInfo", "Workspace", "dotted", "problems_of"]
