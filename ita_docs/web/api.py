"""The workbench's HTTP API (JSON), used by its own pages and open to website vendors.

Every route needs the access token (``Authorization: Bearer <token>``) or the
session cookie (`ita_docs.web.security`). The OpenAPI document is generated from
the YAML after ``---`` in each endpoint's docstring and served at
``/api/openapi.json``; tests/web/test_web_api.py checks that every route is in it.

Errors: 400 a bad value or path, 401 no token, 403 refused (outside the workspace,
cross-site), 404 no such set or file, 409 a conflict (both values named) or an
edited output, 413/415 a bad upload, 422 content problems (``problems``: every
one, located). The endpoints for builds, built documents, the zip, the emblem and the
previews are in `ita_docs.web.api_outputs`.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.schemas import SchemaGenerator

from ..errors import ContentErrors
from .api_outputs import build, build_json, download, download_zip, list_files, preview, upload_emblem
from .security import Refused
from .store import MISSING, BadPath, BrokenFile, Change, Conflict
from .workspace import Workspace, problems_of

SCHEMAS = SchemaGenerator(
    {
        "openapi": "3.0.0",
        "info": {"title": "ita-docs workbench API", "version": "1"},
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "cookie": {"type": "apiKey", "in": "cookie", "name": "ita_docs_session"},
            }
        },
        "security": [{"bearer": []}, {"cookie": []}],
    }
)


def ws(request: Request) -> Workspace:
    return request.app.state.workspace


def _name(request: Request) -> str:
    return str(request.path_params["name"])


async def list_sets(request: Request) -> JSONResponse:
    """
    ---
    summary: Every content set of the workspace with organisation, fiscal year, problem count, last build.
    responses:
      200: {description: "{sets: [{name, organisation, fiscal_year, problems, warnings, last_build}]}"}
    """
    sets = await run_in_threadpool(ws(request).sets)
    return JSONResponse({"sets": [s.as_json() for s in sets]})


async def read_set(request: Request) -> JSONResponse:
    """
    ---
    summary: A set's content as JSON (all its YAML files merged) and its problems.
    parameters: [{name: name, in: path, required: true, schema: {type: string}}]
    responses:
      200: {description: "{name, content: {...}, problems: [{message, field, file, line, level}]}"}
      404: {description: No such set.}
    """
    name = _name(request)
    w = ws(request)
    data = await run_in_threadpool(lambda: w.store(name).data())
    problems = await run_in_threadpool(w.problems, name)
    return JSONResponse({"name": name, "content": data, "problems": [p.as_json() for p in problems]})


async def read_problems(request: Request) -> JSONResponse:
    """
    ---
    summary: Everything `ita-docs check` reports for the set, each at its field, file and line.
    parameters: [{name: name, in: path, required: true, schema: {type: string}}]
    responses:
      200: {description: "{problems: [{message, field, file, line, level}]}"}
    """
    problems = await run_in_threadpool(ws(request).problems, _name(request))
    return JSONResponse({"problems": [p.as_json() for p in problems]})


def changes_of(body: Any) -> list[Change]:
    """``{path, value, expected?}`` or ``{changes: [...]}`` -> `Change` list (``value`` null deletes)."""
    items = body.get("changes") if isinstance(body, dict) and "changes" in body else [body]
    out = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            raise BadPath(str(item))
        value = item.get("value")
        out.append(Change(item["path"], MISSING if value is None else value, item.get("expected")))
    if not out:
        raise BadPath("")
    return out


async def change_values(request: Request) -> JSONResponse:
    """
    ---
    summary: Change values by dotted path (e.g. assessment.indicators.4 = 60); comments and layout kept.
    description: >-
      Body {path, value, expected?} or {changes: [{path, value, expected?}]}. With `expected`
      (the value the client showed) a value changed elsewhere since is a 409 naming both values.
      A draft with problems is saved; the response lists every problem (same validation as check).
    parameters: [{name: name, in: path, required: true, schema: {type: string}}]
    requestBody: {content: {application/json: {schema: {type: object}}}}
    responses:
      200: {description: "{written: [file], problems: [...]}"}
      400: {description: A path that leads nowhere.}
      409: {description: "Conflict: {error, path, expected, actual}"}
    """
    name = _name(request)
    w = ws(request)
    changes = changes_of(await request.json())
    written = await run_in_threadpool(lambda: w.store(name).apply(changes))
    problems = await run_in_threadpool(w.problems, name)
    request.app.state.after_save(name, [c.path for c in changes])
    return JSONResponse({"written": [f.name for f in written], "problems": [p.as_json() for p in problems]})


async def undo(request: Request) -> JSONResponse:
    """
    ---
    summary: Put a file of the set back as it was before its last save (the last 20 are kept).
    parameters: [{name: name, in: path, required: true, schema: {type: string}}]
    requestBody: {content: {application/json: {schema: {type: object, properties: {file: {type: string}}}}}}
    responses:
      200: {description: "{undone: file or null, left: n}"}
    """
    name = _name(request)
    body = await request.json()
    store = ws(request).store(name)
    file = await run_in_threadpool(store.undo, str(body.get("file", "")))
    return JSONResponse(
        {"undone": file.name if file else None, "left": store.undo_depth(str(body.get("file", "")))}
    )


async def create_set(request: Request) -> JSONResponse:
    """
    ---
    summary: A new content set (as `ita-docs new`) in the workspace.
    requestBody:
      content: {application/json: {schema: {type: object, required: [name, organisation, kind, province, fiscal_year]}}}
    responses:
      200: {description: "{name, written: [file]}"}
      422: {description: "{problems}"}
    """
    body = await request.json()
    w = ws(request)
    written = await run_in_threadpool(
        lambda: w.new_set(
            str(body.get("name", "")),
            organisation=str(body.get("organisation", "")),
            kind=str(body.get("kind", "")),
            province=str(body.get("province", "")),
            district=body.get("district") or None,
            fiscal_year=int(body.get("fiscal_year") or 0),
            assessment_year=int(body["assessment_year"]) if body.get("assessment_year") else None,
        )
    )
    return JSONResponse({"name": str(body.get("name", "")).strip(), "written": [p.name for p in written]})


async def roll_over(request: Request) -> JSONResponse:
    """
    ---
    summary: Roll a set into the next fiscal year (as `ita-docs next-year`) under a new name.
    parameters: [{name: name, in: path, required: true, schema: {type: string}}]
    requestBody: {content: {application/json: {schema: {type: object, required: [new_name]}}}}
    responses:
      200: {description: "{name, written: [file]}"}
    """
    body = await request.json()
    new = str(body.get("new_name", ""))
    written = await run_in_threadpool(ws(request).next_year, _name(request), new)
    return JSONResponse({"name": new.strip(), "written": [p.name for p in written]})


async def stamp(request: Request) -> JSONResponse:
    """
    ---
    summary: How many times the set's files were changed outside the workbench (a page reloads when it grows).
    parameters: [{name: name, in: path, required: true, schema: {type: string}}]
    responses:
      200: {description: "{external: n}"}
    """
    name = _name(request)
    ws(request).folder(name)
    return JSONResponse({"external": request.app.state.watcher.count(name)})


def schema() -> dict[str, Any]:
    """The OpenAPI document of the API routes."""
    return SCHEMAS.get_schema(routes=list[BaseRoute](routes()))


async def openapi(request: Request) -> Response:
    return JSONResponse(schema())


def routes() -> list[Route]:
    """The API's routes, all under ``/api``."""
    return [
        Route("/api/openapi.json", openapi, include_in_schema=False),
        Route("/api/sets", list_sets, methods=["GET"]),
        Route("/api/sets", create_set, methods=["POST"]),
        Route("/api/sets/{name}", read_set, methods=["GET"]),
        Route("/api/sets/{name}/problems", read_problems, methods=["GET"]),
        Route("/api/sets/{name}/values", change_values, methods=["PATCH", "POST"]),
        Route("/api/sets/{name}/undo", undo, methods=["POST"]),
        Route("/api/sets/{name}/build", build, methods=["POST"]),
        Route("/api/sets/{name}/files", list_files, methods=["GET"]),
        Route("/api/sets/{name}/files/{file}", download, methods=["GET"]),
        Route("/api/sets/{name}/zip", download_zip, methods=["GET"]),
        Route("/api/sets/{name}/emblem", upload_emblem, methods=["POST"]),
        Route("/api/sets/{name}/next-year", roll_over, methods=["POST"]),
        Route("/api/sets/{name}/stamp", stamp, methods=["GET"]),
        Route("/api/sets/{name}/preview", preview, methods=["GET"]),
    ]


async def on_error(request: Request, exc: Exception) -> Response:
    """Every `ItaDocsError` as JSON (API) with its status; the pages use `ita_docs.web.pages.on_error`."""
    if isinstance(exc, Conflict):
        return JSONResponse(
            {
                "error": str(exc),
                "path": exc.path,
                "file": exc.file.name,
                "expected": None if exc.expected is MISSING else exc.expected,
                "actual": None if exc.actual is MISSING else exc.actual,
            },
            status_code=409,
        )
    if isinstance(exc, ContentErrors):
        return JSONResponse(
            {"error": str(exc), "problems": [p.as_json() for p in problems_of(exc)]}, status_code=422
        )
    if isinstance(exc, Refused):
        return JSONResponse({"error": exc.message}, status_code=exc.status)
    if isinstance(exc, BadPath):
        return JSONResponse({"error": str(exc)}, status_code=400)
    if isinstance(exc, BrokenFile):
        return JSONResponse({"error": str(exc), "file": exc.file.name}, status_code=409)
    return JSONResponse({"error": str(exc)}, status_code=409)


__all__ = ["SCHEMAS", "build_json", "changes_of", "on_error", "routes", "schema", "upload_emblem"]
