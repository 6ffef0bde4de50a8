"""The set page's edits (htmx forms): a field saved, a list item added or removed, a drafted
report section adopted, attendance ticked, an OIT cell set, an undo; each answers with its
section redrawn (`ita_docs.web.views.section_fragment`) and ``HX-Trigger: saved``.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse

from ..messages import msg
from ..model import Content
from . import drafts, forms, sections
from .security import Refused
from .store import MISSING, Change, Conflict
from .views import section_fragment, ws


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
                if sections.who(e) == member:
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


__all__ = ["add_item", "adopt", "attendance", "oit", "remove_item", "save", "undo"]
