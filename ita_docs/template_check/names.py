"""The names a document type's template may use, found from its context builder, and the check of a template's names.

See `ita_docs.template_check.lint` (the lint that reports them).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from jinja2 import nodes
from pydantic import BaseModel

from ..messages import msg
from ..render.docx import did_you_mean, unknown_filter_message, unknown_name_message

# --------------------------------------------------------------------------- names of a document type


class _Obj:
    """A value whose attributes are known: a mapping's keys or a model's fields (values' shapes)."""

    __slots__ = ("attrs",)

    def __init__(self, attrs: dict[str, Any]):
        self.attrs = attrs


class _Seq:
    """A list whose items have one (merged) shape."""

    __slots__ = ("item",)

    def __init__(self, item: Any):
        self.item = item


def _shape(value: Any, depth: int = 0) -> Any:
    """What a template may ask of ``value``: `_Obj`, `_Seq`, or None (anything: text, numbers, XML)."""
    if depth > 6:
        return None
    if isinstance(value, Mapping):
        if not all(isinstance(k, str) for k in value):
            return None
        return _Obj({k: _shape(v, depth + 1) for k, v in value.items()})
    if isinstance(value, BaseModel):
        cls = type(value)
        attrs: dict[str, Any] = {
            n: None for n in dir(cls) if not n.startswith("_") and n not in dir(BaseModel)
        }
        attrs.update({n: _shape(getattr(value, n), depth + 1) for n in cls.model_fields})
        return _Obj(attrs)
    if isinstance(value, (list, tuple)):
        item = None
        for i, x in enumerate(value):
            item = _shape(x, depth + 1) if i == 0 else _merge(item, _shape(x, depth + 1))
        return _Seq(item)
    return None


def _merge(a: Any, b: Any) -> Any:
    """One shape for values seen with shapes ``a`` and ``b`` (union of attributes)."""
    if isinstance(a, _Obj) and isinstance(b, _Obj):
        attrs = dict(a.attrs)
        for k, v in b.attrs.items():
            attrs[k] = _merge(attrs[k], v) if k in attrs else v
        return _Obj(attrs)
    if isinstance(a, _Seq) and isinstance(b, _Seq):
        if a.item is None or b.item is None:
            return _Seq(a.item if b.item is None else b.item)
        return _Seq(_merge(a.item, b.item))
    return None


def document_for(template: Path) -> str | None:
    """The document type (``--only`` name) whose template is named like ``template``, if any."""
    from ..documents import DOCUMENTS

    return next((d.name for d in DOCUMENTS if d.template == template.name), None)


@cache
def _document_shape(document: str) -> _Obj | None:
    """The names a document type's template may use, with their shapes, from the bundled samples."""
    from ..documents import DOCUMENTS, writer
    from ..load.validate import load
    from ..resources import sample_sets, templates_dir

    doc = next((d for d in DOCUMENTS if d.name == document), None)
    if doc is None or doc.template is None:
        return None
    shape: Any = None
    for source in sample_sets():
        try:
            loaded = load(source)
            c = loaded.content
            if not doc.supported(c):
                continue
            w = writer(loaded, c.document_digits.get(doc.name, c.digits))
            if doc.after is None:
                pairs = doc.contexts(w)
            else:  # made from the other outputs: one file name per supported document is enough for the names
                pairs = doc.after(
                    w, [(d, f"{d.name}.docx") for d in DOCUMENTS if d.after is None and d.supported(c)]
                )
            for _, ctx in pairs:
                if isinstance(ctx, bytes):  # a finished file beside the template's (publish-index.json)
                    continue
                if callable(ctx):
                    ctx = ctx(DocxTemplate(str(templates_dir() / doc.template)))
                s = _shape(ctx)
                shape = s if shape is None else _merge(shape, s)
        except Exception:
            continue
    return shape if isinstance(shape, _Obj) else None


def template_names(document: str) -> list[str]:
    """The names a template of ``document`` may use (its context keys), sorted; [] if unknown."""
    shape = _document_shape(document)
    return sorted(shape.attrs) if shape else []


# --------------------------------------------------------------------------- checking names


class _Names:
    """Walks a parsed template: unknown names, attributes and filters, each reported once, by line."""

    def __init__(self, shape: _Obj | None, env: jinja2.Environment):
        self.shape = shape
        self.env = env
        self.found: dict[tuple[str, str], tuple[int, str, str]] = {}  # (kind, what) -> (line, kind, message)

    def report(self, node: nodes.Node, kind: str, what: str, message: str) -> None:
        self.found.setdefault((kind, what), (node.lineno, kind, message))

    # expressions: return the shape of the value
    def expr(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if self.shape is not None and node.name in self.shape.attrs:
                return self.shape.attrs[node.name]
            if node.name in self.env.globals or self.shape is None:
                return None
            names = sorted(self.shape.attrs)
            self.report(node, "unknown_name", node.name, unknown_name_message(node.name, names))
            return None
        if isinstance(node, nodes.Getattr):
            base = self.expr(node.node, scope)
            if isinstance(base, _Obj):
                if node.attr in base.attrs:
                    return base.attrs[node.attr]
                path = _path(node.node)
                attrs = sorted(base.attrs)
                hint = did_you_mean(node.attr, attrs)
                listed = msg("allowed", names=", ".join(attrs)) if attrs else ""
                self.report(
                    node,
                    "unknown_attribute",
                    f"{path}.{node.attr}",
                    msg("lint_unknown_attr_of", name=path, attr=node.attr, hint=hint, names=listed),
                )
            return None
        if isinstance(node, nodes.Getitem):
            base = self.expr(node.node, scope)
            self.expr(node.arg, scope)
            if isinstance(base, _Seq):
                return base.item
            if (
                isinstance(base, _Obj)
                and isinstance(node.arg, nodes.Const)
                and isinstance(node.arg.value, str)
            ):
                return base.attrs.get(node.arg.value)
            return None
        if isinstance(node, (nodes.Filter, nodes.Test)):
            table, kind = (
                (self.env.filters, "unknown_filter")
                if isinstance(node, nodes.Filter)
                else (self.env.tests, "unknown_test")
            )
            base = self.expr(node.node, scope) if node.node is not None else None
            for child in [*node.args, *(k.value for k in node.kwargs), node.dyn_args, node.dyn_kwargs]:
                if child is not None:
                    self.expr(child, scope)
            if node.name not in table:
                text = (
                    unknown_filter_message(node.name, table)
                    if kind == "unknown_filter"
                    else unknown_name_message(node.name, table)
                )
                self.report(node, kind, node.name, text)
                return None
            keeps = {
                "list",
                "sort",
                "reverse",
                "unique",
                "select",
                "reject",
                "selectattr",
                "rejectattr",
                "batch",
                "slice",
            }
            return (
                base
                if isinstance(node, nodes.Filter) and node.name in keeps and isinstance(base, _Seq)
                else None
            )
        for sub in node.iter_child_nodes():
            self.expr(sub, scope) if isinstance(sub, nodes.Expr) else self.stmt(sub, scope)
        return None

    def bind(self, target: nodes.Node, shape: Any, scope: dict[str, Any]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = shape
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self.bind(item, None, scope)
        elif isinstance(target, nodes.NSRef):
            self.expr(nodes.Name(target.name, "load", lineno=target.lineno), scope)

    # statements
    def stmt(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        if isinstance(node, nodes.For):
            it = self.expr(node.iter, scope)
            inner = {**scope, "loop": None}
            self.bind(node.target, it.item if isinstance(it, _Seq) else None, inner)
            if node.test is not None:
                self.expr(node.test, inner)
            self.body(node.body, inner)
            self.body(node.else_, scope)
        elif isinstance(node, nodes.Assign):
            shape = self.expr(node.node, scope)
            self.bind(node.target, shape, scope)
        elif isinstance(node, nodes.AssignBlock):
            if node.filter is not None:
                self.expr(node.filter, scope)
            self.body(node.body, scope)
            self.bind(node.target, None, scope)
        elif isinstance(node, (nodes.Macro, nodes.CallBlock)):
            if isinstance(node, nodes.Macro):
                scope[node.name] = None
            else:
                self.expr(node.call, scope)
            inner = {**scope, "caller": None, "varargs": None, "kwargs": None}
            for d in node.defaults:
                self.expr(d, scope)
            for a in node.args:
                self.bind(a, None, inner)
            self.body(node.body, inner)
        elif isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values):
                self.bind(target, self.expr(value, scope), inner)
            self.body(node.body, inner)
        elif isinstance(node, nodes.FilterBlock):
            self.expr(node.filter, scope)
            self.body(node.body, scope)
        else:
            for child in node.iter_child_nodes():
                self.expr(child, scope) if isinstance(child, nodes.Expr) else self.stmt(child, scope)

    def body(self, stmts: list[nodes.Node], scope: dict[str, Any]) -> None:
        for s in stmts:
            self.stmt(s, scope)


def _path(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_path(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        arg = node.arg.value if isinstance(node.arg, nodes.Const) else "…"
        return f"{_path(node.node)}[{arg!r}]"
    return "…"
