"""What keeps a page current: the folder watcher and the live preview.

`Watcher` follows the workspace with watchfiles: a content file whose bytes are
not the ones the workbench last wrote was changed outside (a text editor); its
set's counter grows and the page, which polls it, reloads.

`Previews` wraps the preview helper's `ita_docs.web.preview.Previewer` (page
images from a warm LibreOffice, or an HTML text preview with a note saying how to
install it): one render at a time, the documents that depend on the last saved
paths first.
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .workspace import OUTPUT, Workspace


class Watcher:
    """Counts changes made outside the workbench, per set (``count``), from watchfiles events."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._counts: dict[str, int] = {}
        self._ours: dict[Path, str] = {}
        self._lock = threading.Lock()
        self._stop: asyncio.Event | None = None

    def count(self, name: str) -> int:
        with self._lock:
            return self._counts.get(name, 0)

    def expect(self, file: Path, data: bytes) -> None:
        """Record what the workbench itself is writing to ``file`` (that event is not an outside change)."""
        with self._lock:
            self._ours[file.resolve()] = hashlib.sha256(data).hexdigest()

    def changed(self, paths: Sequence[Path]) -> list[str]:
        """Feed changed paths; returns the sets changed from outside."""
        root = self.workspace.root.resolve()
        hit: set[str] = set()
        for p in paths:
            try:
                rel = p.resolve().relative_to(root)
            except ValueError:
                continue
            if len(rel.parts) != 2 or rel.parts[0] == OUTPUT or p.suffix not in {".yaml", ".yml"}:
                continue
            try:
                digest = hashlib.sha256(p.read_bytes()).hexdigest()
            except OSError:
                digest = ""
            with self._lock:
                if self._ours.get(p.resolve()) == digest:
                    continue
                self._ours[p.resolve()] = digest
            hit.add(rel.parts[0])
        with self._lock:
            for name in hit:
                self._counts[name] = self._counts.get(name, 0) + 1
        return sorted(hit)

    async def run(self) -> None:
        """Watch until `stop` (started by the app's lifespan)."""
        from watchfiles import awatch

        self._stop = asyncio.Event()
        if not self.workspace.root.is_dir():
            return
        async for changes in awatch(
            self.workspace.root,
            stop_event=self._stop,
            debounce=300,
            step=100,
            recursive=True,
            ignore_permission_denied=True,
            rust_timeout=500,
        ):
            self.changed([Path(p) for _, p in changes])

    def stop(self) -> None:
        if self._stop is not None:
            self._stop.set()


AT_ONCE = 1
"""How many of the documents a save affected the preview shows at once (the first, in publication
order; the others are named, and picked from the list)."""


class Previews:
    """The live preview of a workspace's sets (lazy: LibreOffice starts at the first preview)."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._previewer: Any = None
        self._lock = threading.Lock()
        self.changed: dict[str, list[str]] = {}
        self.affected: dict[str, list[str]] = {}
        """The documents the last save of each set affected (publication order)."""

    def _get(self) -> Any:
        if self._previewer is None:
            from .preview import Previewer

            self._previewer = Previewer(templates=self.workspace.templates)
        return self._previewer

    def saved(self, name: str, paths: Sequence[str]) -> None:
        """Remember the paths last saved in set ``name`` (the next preview shows what depends on them)."""
        self.changed[name] = list(paths)

    def documents(self, name: str) -> list[tuple[str, str]]:
        """(name, Thai title) of every document the set can make, in publication order ([] when it
        does not load)."""
        from ..documents import DOCUMENTS
        from ..errors import ContentErrors
        from ..load.validate import load

        try:
            content = load(self.workspace.folder(name)).content
        except ContentErrors:
            return []
        return [(d.name, d.title) for d in DOCUMENTS if d.supported(content)]

    def render(self, name: str, documents: Sequence[str] | None, first_page_only: bool = True) -> list[Any]:
        """`PagePreview` list for ``documents``; None: those depending on the last save (at most
        `AT_ONCE`), or the set's first document when nothing was saved yet.

        Raises `ContentErrors` on invalid content, ImportError when the previewer is not installed."""
        folder = self.workspace.folder(name)
        with self._lock:
            p = self._get()
            if documents is None and self.changed.get(name):
                self.affected[name] = list(p.affected(folder, self.changed[name]))
                documents = self.affected[name][:AT_ONCE] or None
            if documents is None:
                documents = [d for d, _ in self.documents(name)][:1] or None
            return list(p.render(folder, documents, first_page_only=first_page_only))

    def close(self) -> None:
        with self._lock:
            if self._previewer is not None:
                self._previewer.close()
                self._previewer = None


__all__ = ["Previews", "Watcher"]
