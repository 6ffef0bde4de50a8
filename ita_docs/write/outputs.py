"""Writing outputs: a manifest of what was built, a guard for hand edits, one transaction.

The output folder keeps a manifest (``.ita-docs-manifest.json``) recording, per
content set, a key of everything its documents were made from (`input_key`:
the tool version, the bytes of every content file, the emblem and the
templates) and, per output file, the SHA-256 of the bytes written. With it:

- a rebuild whose inputs did not change renders nothing and converts no PDF
  (`Manifest.up_to_date`);
- an output whose bytes differ from what the manifest says was written was
  edited by hand (in Word): it is never overwritten. The new version goes
  beside it as ``name.new.docx`` and the run names both; ``force`` first
  keeps the edited file as ``name.edited-YYYYMMDD-HHMMSS.docx``. Word's lock
  files (``~$name.docx``) are never outputs and are ignored;
- writing is one transaction (`commit`): every temporary file is written
  first, beside its target; only then are all renamed into place. A failure
  while writing removes the temporaries and leaves every earlier file as it
  was. A build of several sets prepares every set's transaction (`prepare`)
  before it applies any, so one set that cannot be written leaves all as
  they were. Files are created with mode 0644 less the umask (``tempfile``
  alone would leave 0600).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OutputError
from ..files import stage, write_file
from ..messages import msg

MANIFEST_NAME = ".ita-docs-manifest.json"

#: Outputs that get a PDF beside them with ``--pdf`` (same name, ``.pdf``): the Word documents
#: and the slide deck (LibreOffice Impress converts it, `ita_docs.publish`).
PDF_SOURCES = (".docx", ".pptx")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def input_key(version: str, files: dict[str, Path], extra: dict[str, str] | None = None) -> str:
    """A key of everything a content set's outputs are made from (hex SHA-256).

    ``files`` maps a stable label (a path relative to its folder, so the same
    set gives the same key from anywhere) to a file read as bytes (content
    files, emblem, templates); ``extra`` holds settings that change outputs
    (e.g. which documents, PDF or not).
    """
    h = hashlib.sha256(version.encode())
    for label, f in sorted(files.items()):
        h.update(label.encode() + b"\0")
        try:
            h.update(f.read_bytes())
        except OSError:
            h.update(b"<missing>")
    for k, v in sorted((extra or {}).items()):
        h.update(f"{k}={v}".encode())
    return h.hexdigest()


@dataclass
class Manifest:
    """What the last runs wrote into ``folder``: ``sets[name] = {key, files}``, ``files[relpath] = sha256``."""

    folder: Path
    sets: dict[str, dict] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        """The manifest of ``folder``; an empty one when there is none or it cannot be read."""
        try:
            data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
            return cls(folder, dict(data.get("sets", {})), dict(data.get("files", {})))
        except (OSError, ValueError, AttributeError):
            return cls(folder)

    def rel(self, path: Path) -> str:
        return path.resolve().relative_to(self.folder.resolve()).as_posix()

    def up_to_date(self, name: str, key: str) -> bool:
        """The set ``name`` was built from the same inputs and every output is still as written."""
        entry = self.sets.get(name)
        if not entry or entry.get("key") != key:
            return False
        for rel in entry.get("files", []):
            path = self.folder / rel
            try:
                if sha256(path.read_bytes()) != self.files.get(rel):
                    return False
            except OSError:
                return False
        return True

    def edited(self, path: Path) -> bool:
        """``path`` exists and is not what this tool wrote there (or the tool never wrote it)."""
        if not path.exists():
            return False
        recorded = self.files.get(self.rel(path))
        return recorded is None or sha256(path.read_bytes()) != recorded

    def text(self) -> str:
        return json.dumps(
            {"sets": self.sets, "files": self.files}, ensure_ascii=False, indent=1, sort_keys=True
        )


@dataclass
class Outcome:
    """What a transaction did: files written, left as they were, kept because edited by hand."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    edited: list[tuple[Path, Path]] = field(default_factory=list)  # (edited file, where the new version went)
    backups: list[tuple[Path, Path]] = field(default_factory=list)  # (file, its backup) with force


def side_path(path: Path, tag: str) -> Path:
    """``report.docx`` → ``report.<tag>.docx``."""
    return path.with_name(f"{path.stem}.{tag}{path.suffix}")


@dataclass(frozen=True)
class Staged:
    """An output already written to a temporary file beside its target (by a worker): path and SHA-256."""

    tmp: Path
    digest: str


def stage_file(target: Path, data: bytes) -> Staged:
    """Write ``data`` to a temporary file beside ``target`` (mode 0666 less the umask), for `commit` to rename.

    Raises `OutputError` naming ``target`` when the folder cannot be written.
    """
    try:
        return Staged(stage(target, data), sha256(data))
    except OSError as exc:
        raise OutputError(str(exc.strerror or exc), target) from None


def discard(files: dict[Path, bytes | Staged]) -> None:
    """Remove the temporary files of staged outputs that will not be committed."""
    for value in files.values():
        if isinstance(value, Staged):
            value.tmp.unlink(missing_ok=True)


def commit(
    manifest: Manifest,
    sets: dict[str, tuple[str, dict[Path, bytes | Staged]]],
    *,
    force: bool = False,
    now: dt.datetime | None = None,
) -> Outcome:
    """Write the outputs of ``sets`` (``name -> (key, {path: bytes or Staged})``) into ``manifest.folder`` as one transaction.

    Unchanged files are not touched. A hand-edited file is kept and the new
    bytes go to ``name.new.ext`` (or, with ``force``, the edited file is
    renamed ``name.edited-<time>.ext`` first). Every file is in a temporary
    file before the first rename; raises `OutputError` naming the file when
    anything cannot be written, and then no earlier file has changed (the
    renames themselves are each atomic). `prepare` then `Transaction.apply`.
    """
    return prepare(manifest, sets, force=force, now=now).apply()


@dataclass
class Transaction:
    """A prepared `commit`: every output in a temporary file, the renames still to do (`apply`), or
    nothing written (`abort`). Several folders' transactions prepared before any is applied make a
    multi-set build all or nothing."""

    outcome: Outcome
    moves: list[tuple[Path, Path]]  # (temporary or existing file, final path), in order
    temps: list[Path]
    unused: list[Path]

    def apply(self) -> Outcome:
        """Rename every file into place; on failure, remove the temporaries and raise `OutputError`."""
        try:
            for src, dst in self.moves:
                os.replace(src, dst)
        except BaseException as exc:
            self.abort()
            if isinstance(exc, OSError):
                raise OutputError(str(exc.strerror or exc), None) from None
            raise
        for tmp in self.unused:
            tmp.unlink(missing_ok=True)
        return self.outcome

    def abort(self) -> None:
        """Remove every temporary file of the transaction: nothing is written."""
        for tmp in self.temps:
            tmp.unlink(missing_ok=True)


def prepare(
    manifest: Manifest,
    sets: dict[str, tuple[str, dict[Path, bytes | Staged]]],
    *,
    force: bool = False,
    now: dt.datetime | None = None,
) -> Transaction:
    """Everything of `commit` short of the renames: checks, temporaries, the new manifest.

    Raises `OutputError` naming the file that cannot be written; then every
    temporary of ``sets`` is removed.
    """
    now = now or dt.datetime.now()
    outcome = Outcome()
    moves: list[tuple[Path, Path]] = []
    temps: list[Path] = [
        v.tmp for _k, files in sets.values() for v in files.values() if isinstance(v, Staged)
    ]
    unused: list[Path] = []

    def stage(target: Path, data: bytes | Staged) -> None:
        if isinstance(data, bytes):
            data = stage_file(target, data)
            temps.append(data.tmp)
        moves.append((data.tmp, target))

    try:
        for name, (key, files) in sets.items():
            rels = []
            for path, data in files.items():
                if path.is_dir():
                    raise OutputError(msg("is_directory"), path)
                rel = manifest.rel(path)
                rels.append(rel)
                digest = data.digest if isinstance(data, Staged) else sha256(data)
                if path.exists() and sha256(path.read_bytes()) == digest:
                    outcome.unchanged.append(path)
                    if isinstance(data, Staged):
                        unused.append(data.tmp)
                elif manifest.edited(path) and not force:
                    new = side_path(path, "new")
                    stage(new, data)
                    outcome.edited.append((path, new))
                    continue  # the manifest keeps the old record: the edited file stays "edited"
                else:
                    if manifest.edited(path):
                        backup = side_path(path, "edited-" + now.strftime("%Y%m%d-%H%M%S"))
                        moves.append((path, backup))
                        outcome.backups.append((path, backup))
                    stage(path, data)
                    outcome.written.append(path)
                manifest.files[rel] = digest
            manifest.sets[name] = {"key": key, "files": sorted(rels)}
        stage(manifest.folder / MANIFEST_NAME, manifest.text().encode("utf-8"))
    except BaseException as exc:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(str(exc.strerror or exc), None) from None
        raise
    return Transaction(outcome, moves, temps, unused)


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files a killed run left behind (``.tmp-*``): never outputs, removed before a build writes."""
    for tmp in folder.glob(".tmp-*") if folder.is_dir() else []:
        tmp.unlink(missing_ok=True)


def write_new_files(folder: Path, files: dict[str, bytes], *, replace: bool = False) -> list[Path]:
    """Write ``files`` (name -> bytes) into ``folder`` without overwriting anything: a file that
    is already there with the same bytes is skipped; one with other bytes is an `OutputError`
    (nothing is written), unless ``replace``. Used by ``ita-docs templates export`` and ``repair``."""
    folder.mkdir(parents=True, exist_ok=True)
    todo = {}
    for name, data in files.items():
        path = folder / name
        if path.exists() and not replace:
            if path.is_file() and path.read_bytes() == data:
                continue
            raise OutputError(msg("exists_differs"), path)
        todo[path] = data
    written: list[Path] = []
    for path, data in todo.items():
        written.append(write_file(path, data))
    return written
