"""The HTTP API's endpoints for what a set produces and takes in: a build, the built documents
(list, download), the set's folder as a zip, the emblem upload, the page previews. Routed,
with the rest of the API and its OpenAPI document, by `ita_docs.web.api`.
"""

from __future__ import annotations

import base64
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .security import MAX_UPLOAD, Refused, check_image
from .store import Change
from .workspace import Workspace


def ws(request: Request) -> Workspace:
    return request.app.state.workspace


def _name(request: Request) -> str:
    return str(request.path_params["name"])


def build_json(result: Any) -> dict[str, Any]:
    return {
        "written": [p.name for p in result.written],
        "unchanged": [p.name for p in result.unchanged],
        "edited": [{"file": a.name, "new": b.name} for a, b in result.edited],
        "backups": [{"file": a.name, "backup": b.name} for a, b in result.backups],
        "up_to_date": bool(result.up_to_date),
        "pdf_error": str(result.pdf_error) if result.pdf_error else None,
    }


async def build(request: Request) -> JSONResponse:
    """
    ---
    summary: Build the set's documents into WORKSPACE/output/<set> exactly as `ita-docs build`.
    description: >-
      Body {pdf?, bundle?, force?}. A set with problems is not built (422 with every problem).
      A file edited by hand is kept; its new version goes beside it (`edited`); `force` first
      backs the edited file up, then overwrites it.
    parameters: [{name: name, in: path, required: true, schema: {type: string}}]
    requestBody: {content: {application/json: {schema: {type: object}}}}
    responses:
      200: {description: "{written, unchanged, edited: [{file, new}], backups, up_to_date, pdf_error}"}
      422: {description: "{problems: [...]}"}
    """
    name = _name(request)
    body = await request.json() if await request.body() else {}
    w = ws(request)
    result = await run_in_threadpool(
        lambda: w.build(
            name, pdf=bool(body.get("pdf")), bundle=bool(body.get("bundle")), force=bool(body.get("force"))
        )
    )
    return JSONResponse(build_json(result))


async def list_files(request: Request) -> JSONResponse:
    """
    ---
    summary: The documents built for the set (.docx, .pdf, .pptx; bundle.pdf).
    parameters: [{name: name, in: path, required: true, schema: {type: string}}]
    responses:
      200: {description: "{files: [{name, size}]}"}
    """
    files = ws(request).outputs(_name(request))
    return JSONResponse({"files": [{"name": f.name, "size": f.stat().st_size} for f in files]})


MEDIA = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


def attachment(data: bytes, filename: str, media: str) -> Response:
    from urllib.parse import quote

    return Response(
        data,
        media_type=media,
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"},
    )


async def download(request: Request) -> Response:
    """
    ---
    summary: Download one built document.
    parameters:
      - {name: name, in: path, required: true, schema: {type: string}}
      - {name: file, in: path, required: true, schema: {type: string}}
    responses:
      200: {description: The file's bytes.}
      403: {description: A name outside the set's output folder.}
      404: {description: Not built yet.}
    """
    path = ws(request).output_file(_name(request), str(request.path_params["file"]))
    return attachment(path.read_bytes(), path.name, MEDIA.get(path.suffix, "application/octet-stream"))


async def download_zip(request: Request) -> Response:
    """
    ---
    summary: The content set's folder (YAML files, emblem) as a zip.
    parameters: [{name: name, in: path, required: true, schema: {type: string}}]
    responses:
      200: {description: application/zip}
    """
    name = _name(request)
    data = await run_in_threadpool(ws(request).zip_set, name)
    return attachment(data, f"{name}.zip", "application/zip")


async def upload_emblem(request: Request) -> JSONResponse:
    """
    ---
    summary: Upload the Garuda emblem (PNG or JPEG, at most 2 MB); sets organisation.emblem.
    parameters: [{name: name, in: path, required: true, schema: {type: string}}]
    requestBody: {content: {multipart/form-data: {schema: {type: object, properties: {file: {type: string, format: binary}}}}}}
    responses:
      200: {description: "{emblem: file name}"}
      413: {description: Larger than 2 MB.}
      415: {description: Not a PNG or JPEG.}
    """
    name = _name(request)
    w = ws(request)
    folder = w.folder(name)
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > MAX_UPLOAD + 64 * 1024:
        check_image(b"\0" * (MAX_UPLOAD + 1))
    async with request.form(max_files=1, max_fields=5) as form:
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise Refused("file", 400)
        data = await upload.read(MAX_UPLOAD + 1)
    ext = check_image(data)
    from ..files import write_file

    target = folder / f"emblem.{ext}"
    await run_in_threadpool(write_file, target, data)
    await run_in_threadpool(lambda: w.store(name).apply([Change("organisation.emblem", target.name)]))
    request.app.state.after_save(name, ["organisation.emblem"])
    return JSONResponse({"emblem": target.name})


async def preview(request: Request) -> JSONResponse:
    """
    ---
    summary: Page images of the set's documents (first pages; all when all=1), or an HTML text preview.
    parameters:
      - {name: name, in: path, required: true, schema: {type: string}}
      - {name: documents, in: query, schema: {type: string}, description: comma-separated document names}
      - {name: all, in: query, schema: {type: string}}
    responses:
      200: {description: "{previews: [{document, file, pages: [base64 PNG], html, note}]}"}
      422: {description: "{problems}"}
    """
    name = _name(request)
    docs = [d for d in request.query_params.get("documents", "").split(",") if d] or None
    first = request.query_params.get("all") != "1"
    out = await run_in_threadpool(request.app.state.previews.render, name, docs, first)
    return JSONResponse(
        {
            "previews": [
                {
                    "document": p.document,
                    "file": p.file,
                    "pages": [base64.b64encode(b).decode() for b in p.pages],
                    "html": p.html,
                    "note": p.note,
                }
                for p in out
            ]
        }
    )


__all__ = [
    "MEDIA",
    "attachment",
    "build",
    "build_json",
    "download",
    "download_zip",
    "list_files",
    "preview",
    "upload_emblem",
]
