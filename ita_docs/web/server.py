"""``ita-docs serve``: run the workbench under uvicorn, print its URL, open the browser.

Binds 127.0.0.1 (a free port unless one is given). Another host (``--host``,
e.g. 0.0.0.0 for the office network) needs a password: from the command line or
the ``ITA_DOCS_PASSWORD`` environment variable. Ctrl-C stops the server; the
app's lifespan then stops the watcher and every LibreOffice the preview started.
Nothing here is POSIX-only: the clerk runs it on Windows.
"""

from __future__ import annotations

import os
import socket
import threading
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import ItaDocsError
from ..messages import msg
from .security import Guard

LOOPBACK = "127.0.0.1"
PASSWORD_ENV = "ITA_DOCS_PASSWORD"


@dataclass
class ServeError(ItaDocsError):
    """The server cannot start as asked (``--host`` without a password, no workspace)."""

    message: str

    def __str__(self) -> str:
        return self.message


def free_port(host: str = LOOPBACK) -> int:
    """A TCP port free on ``host`` now (the OS picks it)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def settings(
    workspace: Path, host: str | None, port: int | None, password: str | None
) -> tuple[str, int, Guard]:
    """Check the options and make the guard: (host, port, guard). Raises `ServeError`."""
    if not Path(workspace).is_dir():
        raise ServeError(msg("web_no_workspace", path=workspace))
    bind = host or LOOPBACK
    password = password or os.environ.get(PASSWORD_ENV) or None
    if bind not in {LOOPBACK, "localhost"} and not password:
        raise ServeError(msg("web_needs_password"))
    port = port or free_port(bind if bind != "0.0.0.0" else LOOPBACK)
    guard = Guard.for_bind(bind, port, password)
    if bind in {"0.0.0.0", "::"}:  # every address and the name of this machine name it
        guard.hosts |= {f"{name}:{port}" for name in machine_names()}
    return bind, port, guard


def machine_names() -> set[str]:
    """This machine's host name and the addresses of its network interfaces (IPv6 in brackets)."""
    import psutil  # type: ignore[import-untyped]

    names = {socket.gethostname().lower()}
    for addrs in psutil.net_if_addrs().values():
        for a in addrs:
            if a.family == socket.AF_INET:
                names.add(a.address)
            elif a.family == socket.AF_INET6:
                names.add(f"[{a.address.split('%')[0].lower()}]")
    return names


def serve(
    workspace: Path,
    *,
    host: str | None = None,
    port: int | None = None,
    password: str | None = None,
    browser: bool = True,
    templates: Path | None = None,
    say: Callable[[str], None] = print,
) -> None:
    """Run the workbench until Ctrl-C. Raises `ServeError` before starting when the options are wrong."""
    import uvicorn

    from .app import create_app

    bind, port, guard = settings(workspace, host, port, password)
    app = create_app(Path(workspace), guard=guard, templates=templates)
    shown = LOOPBACK if bind in {"0.0.0.0", "::"} else bind
    url = f"http://{shown}:{port}/?token={guard.token}"
    say(msg("web_serving", url=url))
    if browser:
        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host=bind, port=port, log_level="warning", lifespan="on")


__all__ = ["PASSWORD_ENV", "ServeError", "free_port", "serve", "settings"]
