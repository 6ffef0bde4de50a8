"""The publishing index (ดัชนีการเผยแพร่เอกสาร): where each built file goes on the website.

Clerks file each document under an OIT item of the assessment year in which it
is published, and the numbering changes every year. Every build writes, per
set, ``publish-index.docx`` (one page: OIT item code and title of that year ->
document title -> file names) and ``publish-index.json`` (the same, for website
back-ends), in the same manifest and write transaction as the other outputs.

Which item: the framework file of the assessment year maps document types to
an item and the fiscal period it is about (``documents:``,
`ita_docs.analyse.rules.DocumentSlot`). A document about fiscal year F (the set's
``fiscal_year``: the plan for F, the analysis made for F, the results of F's
measures) is filed in assessment year F+1 when that year's rules take it as
``previous`` (2569: the results report, o26), else in F when they take it as
``current`` (2569: analysis and plan, o25; 2566-2567: o42/o43). A year
without framework data uses the content's ``framework_year`` rules, with a
note under the table; without it the row says the rules are missing and
`ita_docs.analyse.publish_slots.problems` (run by ``check``) says how to fix it. Memos
follow the document they present (preset ``analysis_approval``,
``measures_announce``, ``results_report``), with their distribution list in the
same entry. See ``docs/years.md``.

JSON shape (``publish-index.json``, UTF-8; file names relative to the file's folder; a PDF,
when built, has the same name with ``.pdf``)::

    {"format": 1, "organisation": str, "fiscal_year": int, "pdf_note": str,
     "entries": [{"assessment_year": int | null, "rules_year": int | null,
                  "item": "o26" | null, "item_title": str | null,
                  "document": "measures-results", "title": str, "files": ["measures-results.docx"]}]}

``assessment_year`` and ``item`` are null for a document with no item (slides, minutes,
checklist) or whose year has no rules; ``rules_year`` differs from ``assessment_year``
when the rules are borrowed (``framework_year``).
"""

from __future__ import annotations

import json
from typing import Any

from .. import thaifmt
from ..analyse.phrases import data_file as phrase_file
from ..analyse.publish_slots import missing_rules, slot
from ..model import Content
from .base import DocumentType
from .memo import preset_names, resolved
from .prose import Writer

NAME = "publish-index"

#: Memo preset -> the document type it presents (a tool rule; no manual says where memos go).
MEMO_DOCUMENT = {
    "analysis_approval": "analysis-report",
    "measures_announce": "measures-plan",
    "results_report": "measures-results",
}


def _memo_of(c: Content, doc: DocumentType, filename: str) -> Any:
    """The memo a memo or distribution-list file was made from (None for other documents)."""
    if doc.name not in ("memo", "distribution-list"):
        return None
    prefix = "memo-" if doc.name == "memo" else "distribution-"
    return next((m for m in c.memos if filename == f"{prefix}{m.id}.docx"), None)


def _document_of(c: Content, doc: DocumentType, filename: str) -> str | None:
    """The document type a file is filed as: itself, or for a memo / distribution list the
    document its memo presents; None for a document with no OIT item of its own."""
    if doc.name in ("memo", "distribution-list"):
        memo = _memo_of(c, doc, filename)
        return MEMO_DOCUMENT.get(memo.preset or "") if memo else None
    if doc.name in ("analysis-report", "measures-plan", "measures-results"):
        return doc.name
    return None


def _title(w: Writer, doc: DocumentType, filename: str) -> str:
    """A file's document title: the type's Thai title; a memo's adds its subject."""
    memo = _memo_of(w.c, doc, filename)
    if memo is not None:
        r = resolved(w, memo)
        with w.names(**preset_names(w, memo)):
            subject = w.text(r["subject"]) if r.get("subject") else ""
        return f"{doc.title} เรื่อง {subject}" if subject else doc.title
    return doc.title


def entries(w: Writer, outputs: list[tuple[DocumentType, str]]) -> list[dict[str, Any]]:
    """One entry per document, ordered by assessment year and item number, documents without
    an item last, in build order. A memo's distribution list joins the memo's entry (one
    upload: the memo and its list), else it is an entry of its own."""
    c = w.c
    rows: list[dict[str, Any]] = []
    by_memo: dict[str, dict[str, Any]] = {}
    for doc, filename in outputs:
        memo = _memo_of(c, doc, filename)
        if doc.name == "distribution-list" and memo is not None and memo.id in by_memo:
            by_memo[memo.id]["files"].append(filename)
            continue
        document = _document_of(c, doc, filename)
        s = slot(c, document) if document else None
        row = {
            "assessment_year": s.year if s else None,
            "rules_year": s.rules_year if s else None,
            "item": s.item if s else None,
            "item_title": s.title if s else None,
            "document": doc.name,
            "filed_as": document,
            "title": _title(w, doc, filename),
            "files": [filename],
        }
        if doc.name == "memo" and memo is not None:
            by_memo[memo.id] = row
        rows.append(row)

    def order(r: dict[str, Any]) -> tuple[int, int, int]:
        if r["item"] is None:
            return (1, 0, 0)
        return (0, r["assessment_year"], int(r["item"][1:]))

    return sorted(rows, key=order)


def index_data(w: Writer, outputs: list[tuple[DocumentType, str]]) -> dict[str, Any]:
    """The JSON document of the index (module docstring)."""
    words = phrase_file("publish_index")
    return {
        "format": 1,
        "organisation": w.c.organisation.name,
        "fiscal_year": w.c.fiscal_year,
        "pdf_note": words["pdf_note"],
        "entries": [{k: v for k, v in e.items() if k != "filed_as"} for e in entries(w, outputs)],
    }


def index_context(w: Writer, outputs: list[tuple[DocumentType, str]]) -> dict[str, Any]:
    """Context of ``templates/publish-index.docx``: ``title``, ``subtitle``, ``rows`` (year,
    item, item title, document, files) and the ``notes`` under the table."""
    c = w.c
    words = phrase_file("publish_index")
    rows = []
    borrowed: set[tuple[int, int]] = set()
    for e in entries(w, outputs):
        if e["item"] is None:
            missing = missing_rules(c, e["filed_as"]) if e["filed_as"] else None
            label = (
                words["no_rules"].format(year=w.d(missing))
                if missing
                else (words["no_item"] if e["filed_as"] else words["no_item_internal"])
            )
            year, item, title = "", "-", label
        else:
            year, item = w.d(e["assessment_year"]), item_label(w, e["item"])
            title = w.text(e["item_title"]) if e["item_title"] else words["no_title"]
            if e["rules_year"] != e["assessment_year"]:
                borrowed.add((e["assessment_year"], e["rules_year"]))
        rows.append(
            {
                "year": year,
                "item": item,
                "item_title": title,
                "document": w.text(e["title"]),
                "files": ", ".join(e["files"]),
            }
        )
    notes = [words["borrowed_note"].format(year=w.d(y), rules=w.d(r)) for y, r in sorted(borrowed)]
    notes += [words["unverified_note"], words["pdf_note"]]
    return {
        "title": words["title"],
        "subtitle": w.d(
            words["subtitle"].format(organisation=c.organisation.name, fiscal_year=c.fiscal_year)
        ),
        "rows": rows,
        "notes": notes,
    }


def item_label(w: Writer, code: str) -> str:
    """An OIT item code as printed: ``O๒๖`` (digits as the document's)."""
    return thaifmt.item_code(code, digits=w.digits)


def after(w: Writer, outputs: list[tuple[DocumentType, str]]) -> list[tuple[str, Any]]:
    """The index's two files, made from the set's other outputs; none when there are none."""
    if not outputs:
        return []
    data = json.dumps(index_data(w, outputs), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    return [("publish-index.docx", index_context(w, outputs)), ("publish-index.json", data)]


DOCUMENT = DocumentType(
    NAME,
    "publish-index.docx",
    "ดัชนีการเผยแพร่เอกสารบนเว็บไซต์ (OIT)",
    lambda c: True,
    lambda w: [],
    after=after,
)
