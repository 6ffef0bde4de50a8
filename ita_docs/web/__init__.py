"""The clerk's workbench: ``ita-docs serve``, a local web application over the same YAML content.

Modules, one concern each:

- `ita_docs.web.server`: the ``serve`` command's runner (bind, token URL, browser, uvicorn).
- `ita_docs.web.app`: the Starlette application (routes, middleware, lifespan).
- `ita_docs.web.security`: token and session cookie, Host/Origin checks, password,
  path confinement, upload checks.
- `ita_docs.web.workspace`: the content sets of a workspace; problems, builds, zips.
- `ita_docs.web.store`: values changed by path, conflicts, undo; `ita_docs.scaffold.roundtrip`:
  YAML written back in its author's layout (comments, order, quoting kept), atomically.
- `ita_docs.web.live`: the folder watcher and the live preview.
- `ita_docs.web.api`: the HTTP API (OpenAPI at ``/api/openapi.json``); `ita_docs.web.api_outputs`:
  its endpoints for builds, built documents, the zip, the emblem and the previews.
- `ita_docs.web.forms`, `ita_docs.web.sections`, `ita_docs.web.drafts`, `ita_docs.web.views`,
  `ita_docs.web.edits`, `ita_docs.web.pages`: the pages (generic forms from the models, the
  sections and their widgets, the report's drafted text, the templates and what a section is
  drawn from, the edits, the pages and their routes).
- `ita_docs.web.preview`: page images of the documents (the preview's own module).
"""

from __future__ import annotations

from .app import create_app
from .security import Guard
from .server import ServeError, serve
from .store import Change, Conflict, SetStore

__all__ = ["Change", "Conflict", "Guard", "ServeError", "SetStore", "create_app", "serve"]
