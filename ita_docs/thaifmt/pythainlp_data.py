"""PyThaiNLP's data folder outside HOME: imported right before anything imports pythainlp.

Importing this module points the folder at the temp dir (`pythainlp_data_outside_home`),
unless the user chose one. `ita_docs.thaifmt.numbers` imports it, then pythainlp, inside
the functions that need PyThaiNLP (issue 19: importing pythainlp.util costs every fresh
process about 40 ms, and reading its version here about 10 ms).
"""

from __future__ import annotations

import importlib
import os
import tempfile
from importlib import metadata
from types import ModuleType


def pythainlp_data_outside_home() -> None:
    """Point PyThaiNLP's data folder at the temp dir unless the user chose one.

    Importing PyThaiNLP creates its data folder, by default ``~/pythainlp-data``;
    with a read-only or missing HOME (a service account, a locked-down PC) the
    import itself crashes. ita-docs needs none of that data (only digit, number and
    date helpers), so the folder goes under `tempfile.gettempdir` instead. PyThaiNLP
    5.4 reads ``PYTHAINLP_DATA`` (and refuses both variables at once); earlier
    versions read ``PYTHAINLP_DATA_DIR``. Must run before ``pythainlp`` is imported.
    """
    if os.environ.get("PYTHAINLP_DATA") or os.environ.get("PYTHAINLP_DATA_DIR"):
        return
    try:
        major, minor = (int(x) for x in metadata.version("pythainlp").split(".")[:2])
        folder = os.path.join(
            tempfile.gettempdir(), f"ita-docs-pythainlp-{getattr(os, 'getuid', lambda: 'user')()}"
        )
    except (ValueError, OSError, metadata.PackageNotFoundError):
        return
    os.environ["PYTHAINLP_DATA" if (major, minor) >= (5, 4) else "PYTHAINLP_DATA_DIR"] = folder


def pythainlp(module: str) -> ModuleType:
    """PyThaiNLP's ``module`` (e.g. ``"pythainlp.util"``), its data folder out of HOME first.

    Every use of PyThaiNLP goes through here, inside the function that needs it: importing
    PyThaiNLP takes about 70 ms, which a build that never breaks Thai lines need not pay.
    A function call rather than an import order (an import sorter may reorder imports).
    """
    pythainlp_data_outside_home()
    return importlib.import_module(module)


pythainlp_data_outside_home()
