"""The workbench's ASGI application: routes, security middleware, folder watcher, preview.

``create_app(workspace, guard=...)`` is what ``ita-docs serve`` runs under
uvicorn and what the tests drive with Starlette's TestClient.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from ..errors import ItaDocsError
from . import api, pages
from .live import Previews, Watcher
from .security import Guard, SecurityMiddleware
from .workspace import Workspace

STATIC = Path(__file__).parent / "static"


def create_app(
    workspace: Path, *, guard: Guard, templates: Path | None = None, watch: bool = True
) -> Starlette:
    """The application over the content sets in ``workspace``, guarded by ``guard``.

    ``watch`` follows the folder for changes made outside (watchfiles); the
    previewer (LibreOffice) starts at the first preview and stops with the app.
    """
    ws = Workspace(Path(workspace), templates)
    watcher = Watcher(ws)
    ws.on_write = watcher.expect
    previews = Previews(ws)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        task = asyncio.create_task(watcher.run()) if watch else None
        try:
            yield
        finally:
            watcher.stop()
            if task is not None:
                task.cancel()
                with contextlib.suppress(BaseException):
                    await task
            await asyncio.get_running_loop().run_in_executor(None, previews.close)

    async def on_error(request: Request, exc: Exception) -> Response:
        if request.url.path.startswith("/api/"):
            return await api.on_error(request, exc)
        return await pages.on_error(request, exc)

    app = Starlette(
        routes=[
            *api.routes(),
            *pages.routes(),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        middleware=[Middleware(SecurityMiddleware, guard=guard)],
        exception_handlers={ItaDocsError: on_error},
        lifespan=lifespan,
    )
    app.state.workspace = ws
    app.state.guard = guard
    app.state.watcher = watcher
    app.state.previews = previews

    def after_save(name: str, paths: Sequence[str]) -> None:
        previews.saved(name, paths)

    app.state.after_save = after_save
    return app


def openapi_paths(app: Any) -> dict[str, Any]:
    """The paths of the app's OpenAPI document (for tests and the README)."""
    return api.schema().get("paths", {})


__all__ = ["create_app", "openapi_paths"]
