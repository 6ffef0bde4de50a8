"""One file written so that no reader ever sees half of it, with the mode an ordinary new file gets.

`stage` writes the bytes to a temporary file beside the target (``tempfile.mkstemp``, whose
private mode 0600 is widened to 0666 less the umask, as ``open(..., "w")`` would give);
`write_file` stages and renames over the target in one ``os.replace`` (atomic on Windows and
Linux). Every writer of a single file goes through here: the build's transaction stages with
it, and ``templates export``, the JSON Schema, ``ita-docs pdf``, the workbench's saves and the
score import write with it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError


def umask() -> int:
    """The process's umask (read by setting it and putting it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def stage(target: Path, data: bytes, suffix: str | None = None) -> Path:
    """``data`` in a new temporary file beside ``target`` (``.tmp-*`` + ``suffix``, by default the
    target's), mode 0666 less the umask; its path. The target's folder is made when missing.
    Raises `OSError`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(
        prefix=".tmp-", suffix=target.suffix if suffix is None else suffix, dir=target.parent
    )
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~umask())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_file(path: Path, data: bytes) -> Path:
    """Replace (or create) ``path`` with ``data`` in one rename; ``path``.

    The temporary file ends in ``.tmp``, never in the target's suffix: a content folder's
    ``*.yaml`` are read as content (and watched by the workbench) while it exists. Raises
    `OutputError` naming ``path`` when it cannot be written; the file is then as it was.
    """
    try:
        tmp = stage(path, data, ".tmp")
        try:
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(str(exc.strerror or exc), path) from None
    return path


__all__ = ["stage", "umask", "write_file"]
