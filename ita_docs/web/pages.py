"""The workbench's HTML pages (Jinja2 + htmx): home, a set's page and its fragments.

Every change goes through the same code as the API (`ita_docs.web.store`,
`ita_docs.web.workspace`): a field is saved on ``change`` with the value the page
showed (a conflict names both values), the section comes back redrawn with every
problem at its field, and the preview pane reloads (``HX-Trigger: saved``).
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ..errors import ContentErrors, ItaDocsError
from ..messages import msg
from ..model import Content
from . import drafts, forms, sections
from .security import Refused
from .store import MISSING, Change, Conflict, as_dict
from .workspace import Workspace, problems_of

TEMPLATES = Path(__file__).parent / "templates"
ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.filters["jsonattr"] = lambda value: json.dumps(value, ensure_ascii=False)  # autoescaped in the attribute
KINDS = ("อบจ.", "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "อบต.", "กรุงเทพมหานคร", "เมืองพัทยา", "ส่วนราชการ")


def html(name: str, status: int = 200, headers: dict[str, str] | None = None, **context: Any) -> HTMLResponse:
    return HTMLResponse(ENV.get_template(name).render(**context), status_code=status, headers=headers)


def ws(request: Request) -> Workspace:
    return request.app.state.workspace


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


# ------------------------------------------------------------------ a set's page
def section_context(
    w: Workspace,
    name: str,
    sid: str,
    notices: dict[str, str] | None = None,
    data: dict[str, Any] | None = None,
    opens: list[str] | None = None,
) -> dict[str, Any]:
    """Everything a section's template needs; items holding an error, or named in ``opens``
    (one just added), are shown open."""
    store = w.store(name)
    data = store.data() if data is None else data
    sec = sections.section(sid)
    problems = w.problems(name)
    opened = {
        p.field.rsplit(".", i)[0]
        for p in problems
        if p.level == "error"
        for i in range(p.field.count(".") + 1)
    }
    opened |= {o.rsplit(".", i)[0] for o in (opens or []) for i in range(o.count(".") + 1)}
    nodes = sections.generic(sec, data, expand=opened)
    paths = {n.path for node in nodes for n in forms.walk(node)}
    widget: Any = None
    if sec.widget == "scores":
        widget = sections.scores(data)
        paths |= {r.path for r in widget.rows} | {
            f"assessment.{k}" for k in ("year", "overall", "level", "tools", "previous")
        }
        paths |= {f"assessment.tools.{t}" for t in sections.TOOLS} | {"assessment"}
    elif sec.widget == "attendance":
        widget = sections.attendance(data)
    elif sec.widget == "oit":
        widget = sections.oit_rows(data)
        paths |= {f"{widget.base}.{r.index}" for r in widget.rows if r.index is not None}
    at, rest = sections.problems_by_field(problems, paths)
    drafted = drafts.drafted_sections(w.folder(name)) if sec.id == "report" else []
    owners = {store.owner(k) for k in (sec.keys or sections.other_keys(data))}
    return {
        "set": name,
        "sec": sec,
        "nodes": nodes,
        "widget": widget,
        "at": at,
        "drafted": drafted,
        "addable": sections.addable(sec, data),
        "opened": opened,
        "loose": rest.get(sec.id, []),
        "notices": notices or {},
        "data": data,
        "files": {f.name: store.undo_depth(f.name) for f in store.files() if f in owners},
    }


def page_context(w: Workspace, name: str) -> dict[str, Any]:
    problems = w.problems(name)
    data = w.store(name).data()
    secs = [section_context(w, name, s.id, data=data) for s in sections.SECTIONS]
    if sections.other_keys(data):
        secs.append(section_context(w, name, sections.OTHER.id, data=data))
    org = as_dict(data.get("organisation"))
    divisions = [
        (str(d.get("id")), str(d.get("name", "")))
        for d in org.get("divisions") or []
        if isinstance(d, dict) and d.get("id")
    ]
    people = [
        (str(p.get("id")), str(p.get("name") or p.get("position") or ""))
        for p in org.get("people") or []
        if isinstance(p, dict) and p.get("id")
    ]
    people += [
        (str(m.get("id")), str(m.get("name") or m.get("position") or ""))
        for c in data.get("committees") or []
        if isinstance(c, dict)
        for m in c.get("members") or []
        if isinstance(m, dict) and m.get("id")
    ]
    return {
        "set": name,
        "sections": secs,
        "problems": problems,
        "organisation": org.get("name", ""),
        "divisions": divisions,
        "people": list(dict.fromkeys(people)),
        "fiscal_year": data.get("fiscal_year", ""),
        "outputs": w.outputs(name),
        "statuses": sections.OIT_STATUS,
    }


async def set_page(request: Request) -> HTMLResponse:
    name = str(request.path_params["name"])
    ctx = await run_in_threadpool(page_context, ws(request), name)
    return html("set.html", external=request.app.state.watcher.count(name), **ctx)


async def section_fragment(
    request: Request,
    name: str | None = None,
    sid: str | None = None,
    notices: dict[str, str] | None = None,
    saved: bool = False,
    opens: list[str] | None = None,
) -> HTMLResponse:
    name = name or str(request.path_params["name"])
    sid = sid or str(request.path_params["sid"])
    if opens is None and request.query_params.get("open"):
        opens = [request.query_params["open"]]  # "every field" of one item
    w = ws(request)
    ctx = await run_in_threadpool(lambda: section_context(w, name, sid, notices, opens=opens))
    problems = await run_in_threadpool(w.problems, name)
    headers = {"HX-Trigger": "saved"} if saved else None
    return html("section_swap.html", headers=headers, problems=problems, **ctx)


async def save(request: Request) -> HTMLResponse:
    """One field: ``path``, ``value``, ``expected`` (what the page showed), ``kind``; the section comes back."""
    name = str(request.path_params["name"])
    form = await request.form()
    path, kind = str(form.get("path", "")), str(form.get("kind", "text"))
    expected = str(form.get("expected", ""))
    w = ws(request)
    store = w.store(name)
    current = await run_in_threadpool(store.get, path)
    value = forms.parse_value(str(form.get("value", "")), kind, current)
    if (value == "" or value is None) and not path.rsplit(".", 1)[-1].isdigit():
        value = MISSING  # an emptied field is left out (a list row stays, empty, until removed)
    sid = sections.section_of(path).id
    try:
        await run_in_threadpool(
            store.apply, [Change(path, value, expected if expected != "" else _empty(current))]
        )
    except Conflict as exc:
        return await section_fragment(request, name, sid, {path: str(exc)}, opens=[path])
    request.app.state.after_save(name, [path])
    return await section_fragment(request, name, sid, saved=True, opens=[path])


def _empty(current: Any) -> Any:
    """The page showed an empty field: the file must still have no value there (else: conflict)."""
    return "" if current is MISSING or current in (None, "") else MISSING


async def add_item(request: Request) -> HTMLResponse:
    """Append an item to the list at ``path``: an empty text, or a mapping with the last item's keys."""
    name = str(request.path_params["name"])
    form = await request.form()
    path = str(form.get("path", ""))
    store = ws(request).store(name)
    items = await run_in_threadpool(store.get, path)
    last = items[-1] if isinstance(items, list) and items else None
    if isinstance(last, dict):
        item: Any = {k: "" for k, v in last.items() if not isinstance(v, (list, dict))} or {"text": ""}
    else:
        item = forms.skeleton(forms.item_type(forms.type_at(Content, path)))
    index = len(items) if isinstance(items, list) else 0
    await run_in_threadpool(store.apply, [Change(f"{path}.{index}", item)])
    request.app.state.after_save(name, [path])
    return await section_fragment(
        request, name, sections.section_of(path).id, saved=True, opens=[f"{path}.{index}"]
    )


async def adopt(request: Request) -> HTMLResponse:
    """Take a drafted section of the analysis report over into ``analysis_report.<section>``."""
    name = str(request.path_params["name"])
    key = str((await request.form()).get("section", ""))
    w = ws(request)
    value = await run_in_threadpool(drafts.adoptable_value, w.folder(name), key)
    if value is None:
        raise Refused(msg("web_bad_path", path=f"analysis_report.{key}"), 400)
    await run_in_threadpool(w.store(name).apply, [Change(f"analysis_report.{key}", value)])
    request.app.state.after_save(name, [f"analysis_report.{key}"])
    return await section_fragment(request, name, "report", saved=True)


async def remove_item(request: Request) -> HTMLResponse:
    name = str(request.path_params["name"])
    path = str((await request.form()).get("path", ""))
    await run_in_threadpool(ws(request).store(name).apply, [Change(path, MISSING)])
    request.app.state.after_save(name, [path])
    return await section_fragment(request, name, sections.section_of(path).id, saved=True)


async def attendance(request: Request) -> HTMLResponse:
    """Tick a committee member present or absent in meeting ``minutes`` (index)."""
    name = str(request.path_params["name"])
    form = await request.form()
    i, member, state = (
        int(str(form.get("minutes", "0"))),
        str(form.get("member", "")),
        str(form.get("state", "")),
    )

    def edit(doc: Any) -> None:
        from ruamel.yaml.comments import CommentedSeq

        meeting = doc["minutes"][i]
        kept = None
        for k in ("present", "absent"):
            for e in list(meeting.get(k) or []):
                if _entry_id(e) == member:
                    kept = e if kept is None else kept
                    meeting[k].remove(e)
        if state in ("present", "absent"):
            entry: Any = member
            if isinstance(kept, dict):
                entry = kept
                if state == "present":
                    entry.pop("reason", None)
            if meeting.get(state) is None:
                meeting[state] = CommentedSeq()
            meeting[state].append(entry)
        if "absent" in meeting and not meeting["absent"]:
            del meeting["absent"]

    await run_in_threadpool(ws(request).store(name).mutate, "minutes", edit)
    request.app.state.after_save(name, [f"minutes.{i}.present"])
    return await section_fragment(request, name, "meetings", saved=True)


def _entry_id(entry: Any) -> str:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict):
        return str(entry.get("member") or entry.get("ref") or entry.get("person") or "")
    return ""


async def oit(request: Request) -> HTMLResponse:
    """One cell of the OIT checklist: ``item`` (o1..), ``field`` (score, status, responsible, note, title),
    ``value``; a row the YAML does not have yet is appended (as a flow mapping, like the samples' rows)."""
    name = str(request.path_params["name"])
    form = await request.form()
    item, key = str(form.get("item", "")).strip(), str(form.get("field", ""))
    if key not in {"score", "status", "responsible", "note", "title"}:
        raise Refused(msg("web_bad_path", path=key), 400)
    w = ws(request)
    data = await run_in_threadpool(w.store(name).data)
    table = sections.oit_rows(data)
    row = next((r for r in table.rows if r.item == item), None)
    value = forms.parse_value(str(form.get("value", "")), "number" if key == "score" else "text", None)
    if row is not None and row.index is not None:
        change = Change(f"{table.base}.{row.index}.{key}", MISSING if value == "" else value)
        await run_in_threadpool(w.store(name).apply, [change])
    elif value != "":
        from ruamel.yaml.comments import CommentedMap

        new = CommentedMap([("item", item), (key, value)])
        new.fa.set_flow_style()
        if not table.present:
            await run_in_threadpool(
                w.store(name).apply,
                [Change("oit_followup.year", table.year), Change("oit_followup.rows.0", new)],
            )
        else:
            count = sum(r.index is not None for r in table.rows)
            await run_in_threadpool(w.store(name).apply, [Change(f"{table.base}.{count}", new)])
    request.app.state.after_save(name, ["oit_followup"])
    return await section_fragment(request, name, "oit", saved=True)


async def undo(request: Request) -> HTMLResponse:
    name = str(request.path_params["name"])
    form = await request.form()
    await run_in_threadpool(ws(request).store(name).undo, str(form.get("file", "")))
    request.app.state.after_save(name, [])
    return await section_fragment(request, name, str(form.get("section", "org")), saved=True)


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
