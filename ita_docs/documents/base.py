"""What a document type is: the registry entry every document module provides."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import Content
from .prose import Writer

Contexts = Callable[[Writer], list[tuple[str, Any]]]


@dataclass(frozen=True)
class DocumentType:
    """A kind of document.

    ``name`` is the ``--only`` name; ``template`` the .docx file name in the
    templates folder, or None for a document built without a Word template
    (its contexts are then the finished file's bytes, e.g. the slide deck); ``title`` the Thai name shown to users; ``supported``
    says whether a content set has what the document needs; ``contexts``
    returns every (output file name, context) pair it produces, computed
    completely before anything is written. A context may be a function of the
    `docxtpl.DocxTemplate` (for inline images), or ``bytes``: a finished file
    written as is (e.g. a .json beside the .docx).

    ``after``, when set, makes the document from the set's other outputs: it
    gets the writer and every (document type, file name) of the documents
    made before it, and returns (file name, context) pairs like ``contexts``
    (the publishing index, `ita_docs.documents.publish_index`).

    ``slide_template`` names the PowerPoint template (.pptx, looked up like the Word templates) of a
    document drawn on one: its context is then a function of that template's path returning the
    finished file's bytes (the slide deck).
    """

    name: str
    template: str | None
    title: str
    supported: Callable[[Content], bool]
    contexts: Contexts
    after: Callable[[Writer, list[tuple[DocumentType, str]]], list[tuple[str, Any]]] | None = None
    slide_template: str | None = None


def single(build: Callable[[Writer], Any], filename: str) -> Contexts:
    """Contexts of a document type that produces one file."""
    return lambda w: [(filename, build(w))]
