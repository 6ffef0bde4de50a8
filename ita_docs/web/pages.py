"""The workbench's HTML pages (Jinja2 + htmx): home, a set's page and its fragments, and their routes.

Every change goes through the same code as the API (`ita_docs.web.store`,
`ita_docs.web.workspace`): a field is saved on ``change`` with the value the page
showed (a conflict names both values), the section comes back redrawn with every
problem at its field, and the preview pane reloads (``HX-Trigger: saved``). The edits are
`ita_docs.web.edits`; the templates and what a section is drawn from, `ita_docs.web.views`.
"""

from __future__ import annotations

import base64
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ..errors import ContentErrors, ItaDocsError
from . import forms
from .edits import add_item, adopt, attendance, oit, remove_item, save, undo
from .security import Refused
from .store import Conflict
from .views import ENV, html, page_context, section_fragment, ws
from .workspace import problems_of

KINDS = ("อบจ.", "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "อบต.", "กรุงเทพมหานคร", "เมืองพัทยา", "ส่วนราชการ")


# ------------------------------------------------------------------ home
async def home(
    request: Request, problems: list[Any] | None = None, form: dict[str, Any] | None = None
) -> HTMLResponse:
    from ..scaffold import current_fiscal_year

    sets = await run_in_threadpool(ws(request).sets)
    root = ws(request).root
    is_set = root.is_dir() and any(p.suffix in {".yaml", ".yml"} for p in root.iterdir())
    return html(
        "home.html",
        status=422 if problems else 200,
        sets=sets,
        kinds=KINDS,
        problems=problems or [],
        form=form or {"fiscal_year": current_fiscal_year()},
        workspace=root,
        is_set=is_set,
    )


async def new_set(request: Request) -> Response:
    form = dict(await request.form())
    w = ws(request)
    try:
        fy = int(str(form.get("fiscal_year", "")).translate(forms.THAI_DIGITS) or 0)
        await run_in_threadpool(
            lambda: w.new_set(
                str(form.get("name", "")),
                organisation=str(form.get("organisation", "")),
                kind=str(form.get("kind", "")),
                province=str(form.get("province", "")),
                district=str(form.get("district", "")) or None,
                fiscal_year=fy,
            )
        )
    except ContentErrors as exc:
        return await home(request, problems_of(exc), form)
    except (ItaDocsError, ValueError) as exc:
        return await home(request, [str(exc)], form)
    return RedirectResponse(f"/sets/{str(form.get('name', '')).strip()}", status_code=303)


async def next_year(request: Request) -> Response:
    name = str(request.path_params["name"])
    form = dict(await request.form())
    new = str(form.get("new_name", "")).strip()
    try:
        await run_in_threadpool(ws(request).next_year, name, new)
    except ContentErrors as exc:
        return await home(request, problems_of(exc))
    except ItaDocsError as exc:
        return await home(request, [str(exc)])
    return RedirectResponse(f"/sets/{new}", status_code=303)


async def set_page(request: Request) -> HTMLResponse:
    name = str(request.path_params["name"])
    ctx = await run_in_threadpool(page_context, ws(request), name)
    return html("set.html", external=request.app.state.watcher.count(name), **ctx)


# ------------------------------------------------------------------ preview, build, emblem
async def preview(request: Request) -> HTMLResponse:
    """Page images of ``?documents=a,b`` (default: what the last save changed), ``?all=1`` every page."""
    name = str(request.path_params["name"])
    previews = request.app.state.previews
    pinned = request.query_params.get("pinned") == "1"  # the clerk chose a document: keep showing it
    chosen = [d for d in request.query_params.get("documents", "").split(",") if d] if pinned else None
    first = request.query_params.get("all") != "1"
    try:
        shown = await run_in_threadpool(previews.render, name, chosen, first)
    except ContentErrors as exc:
        return html("preview.html", problems=problems_of(exc), previews=[], set=name, choices=[])
    except ImportError:
        return html("preview.html", problems=[], previews=[], missing=True, set=name, choices=[])
    items = [
        {
            "document": p.document,
            "file": p.file,
            "html": p.html,
            "note": p.note,
            "pages": ["data:image/png;base64," + base64.b64encode(b).decode() for b in p.pages],
        }
        for p in shown
    ]
    choices = await run_in_threadpool(previews.documents, name)
    titles = dict(choices)
    affected = [titles.get(d, d) for d in previews.affected.get(name, [])] if not pinned else []
    return html(
        "preview.html",
        problems=[],
        previews=items,
        set=name,
        choices=choices,
        affected=affected,
        chosen=chosen[0] if chosen else (items[0]["document"] if items else ""),
        first=first,
        pinned=pinned,
    )


async def build(request: Request) -> HTMLResponse:
    name = str(request.path_params["name"])
    form = await request.form()
    w = ws(request)
    pdf, force = form.get("pdf") == "1", form.get("force") == "1"
    try:
        result = await run_in_threadpool(lambda: w.build(name, pdf=pdf, bundle=pdf, force=force))
    except ContentErrors as exc:
        return html("build.html", set=name, refused=problems_of(exc), result=None, outputs=w.outputs(name))
    return html("build.html", set=name, refused=[], result=result, outputs=w.outputs(name), pdf=pdf)


async def emblem(request: Request) -> Response:
    from .api import upload_emblem

    name = str(request.path_params["name"])
    try:
        await upload_emblem(request)
    except Refused as exc:
        return await section_fragment(request, name, "org", {"organisation.emblem": exc.message})
    return await section_fragment(request, name, "org", saved=True)


# ------------------------------------------------------------------ login (only with --host)
async def login(request: Request) -> Response:
    guard = request.app.state.guard
    if request.method == "POST":
        form = await request.form()
        if guard.password_ok(str(form.get("password", ""))):
            return guard.set_cookie(RedirectResponse("/", status_code=303))
        return html("login.html", status=401, wrong=True)
    return html("login.html", wrong=False)


def routes() -> list[Route]:
    return [
        Route("/", include_in_schema=False, endpoint=home),
        Route("/login", include_in_schema=False, endpoint=login, methods=["GET", "POST"]),
        Route("/sets/new", include_in_schema=False, endpoint=new_set, methods=["POST"]),
        Route("/sets/{name}", include_in_schema=False, endpoint=set_page),
        Route("/sets/{name}/next-year", include_in_schema=False, endpoint=next_year, methods=["POST"]),
        Route("/sets/{name}/section/{sid}", include_in_schema=False, endpoint=section_fragment),
        Route("/sets/{name}/save", include_in_schema=False, endpoint=save, methods=["POST"]),
        Route("/sets/{name}/add", include_in_schema=False, endpoint=add_item, methods=["POST"]),
        Route("/sets/{name}/adopt", include_in_schema=False, endpoint=adopt, methods=["POST"]),
        Route("/sets/{name}/remove", include_in_schema=False, endpoint=remove_item, methods=["POST"]),
        Route("/sets/{name}/attendance", include_in_schema=False, endpoint=attendance, methods=["POST"]),
        Route("/sets/{name}/oit", include_in_schema=False, endpoint=oit, methods=["POST"]),
        Route("/sets/{name}/undo", include_in_schema=False, endpoint=undo, methods=["POST"]),
        Route("/sets/{name}/preview", include_in_schema=False, endpoint=preview),
        Route("/sets/{name}/build", include_in_schema=False, endpoint=build, methods=["POST"]),
        Route("/sets/{name}/emblem", include_in_schema=False, endpoint=emblem, methods=["POST"]),
    ]


async def on_error(request: Request, exc: Exception) -> Response:
    """An `ItaDocsError` as a page, or (htmx requests) as text the page shows in its message box."""
    status = exc.status if isinstance(exc, Refused) else 409 if isinstance(exc, Conflict) else 400
    if request.headers.get("hx-request"):
        from starlette.responses import PlainTextResponse

        return PlainTextResponse(str(exc), status_code=status)
    return html("error.html", status=status, message=str(exc))


__all__ = ["ENV", "on_error", "routes"]
