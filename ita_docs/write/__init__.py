"""Stage: rendering sets and writing what they produce, as one transaction.

- `sets`: one content set loaded, checked and rendered in memory (`Rendered`);
- `batch`: many sets over a process pool or a Dask cluster;
- `outputs`: the output folder's manifest, the hand-edit guard and the write transaction
  (temporaries first, then renames; nothing half-written).
"""

from __future__ import annotations

from .outputs import Manifest, Outcome, commit, discard, remove_stale_temporaries, write_new_files
from .sets import Rendered, load_all, output_names, render_set, set_key, set_name

__all__ = [
    "Manifest",
    "Outcome",
    "Rendered",
    "commit",
    "discard",
    "load_all",
    "output_names",
    "remove_stale_temporaries",
    "render_set",
    "set_key",
    "set_name",
    "write_new_files",
]
