"""Helpers of the workbench tests: a workspace with copies of the samples, an app, a client."""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

from starlette.testclient import TestClient

from ita_docs.resources import sample_sets
from ita_docs.web import Guard, create_app

HOST = "127.0.0.1:8765"
ORIGIN = f"http://{HOST}"


def workspace(root: Path, *names: str) -> Path:
    """``root`` holding copies of the bundled samples ``names`` (YAML files only), one folder each."""
    root.mkdir(parents=True, exist_ok=True)
    for name in names:
        src = next(p for p in sample_sets() if p.name == name)
        shutil.copytree(
            src, root / name, ignore=lambda _d, files: [n for n in files if not n.endswith(".yaml")]
        )
    return root


@contextlib.contextmanager
def client(
    root: Path, *, password: str | None = None, authorised: bool = True, watch: bool = False
) -> Iterator[tuple[TestClient, Guard]]:
    """A TestClient of the app over ``root`` addressed as http://127.0.0.1:8765 (with the session
    cookie when ``authorised``)."""
    guard = Guard.for_bind("127.0.0.1", 8765, password)
    app = create_app(root, guard=guard, watch=watch)
    with TestClient(app, base_url=ORIGIN) as c:
        if authorised:
            c.cookies.set("ita_docs_session", guard.session)
        yield c, guard


def png(size: tuple[int, int] = (8, 8)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()
