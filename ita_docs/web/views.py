"""What the workbench's pages draw with: the Jinja2 templates, and the context a set's page
and each of its sections is rendered from (`section_fragment`: a section redrawn after a change).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse

from . import drafts, forms, sections
from .store import as_dict
from .workspace import Workspace

TEMPLATES = Path(__file__).parent / "templates"
ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.filters["jsonattr"] = lambda value: json.dumps(value, ensure_ascii=False)  # autoescaped in the attribute


def html(name: str, status: int = 200, headers: dict[str, str] | None = None, **context: Any) -> HTMLResponse:
    return HTMLResponse(ENV.get_template(name).render(**context), status_code=status, headers=headers)


def ws(request: Request) -> Workspace:
    return request.app.state.workspace


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


__all__ = ["ENV", "html", "page_context", "section_context", "section_fragment", "ws"]
