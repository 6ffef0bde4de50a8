"""Check Word templates before a build, and repair what Word does to tags.

`lint_template` reads a template (.docx) the way docxtpl will and reports,
each as a `TemplateProblem` located by what a clerk sees in Word (the
paragraph's text, and in a table the table number, row and cell; never
docxtpl's internal line numbers):

- a file that is not a .docx (a text file or an old .doc renamed, a zip
  without ``word/document.xml``, a damaged file), instead of python-docx's
  "Package not found";
- Jinja syntax: a block tag (``{% for %}``, ``{%p if %}``, ``{%tr for %}``...)
  opened and never closed, closed without being opened or closed in the
  wrong order; a tag not closed in its paragraph; any other syntax error of
  a tag. Each part is checked by parsing the XML docxtpl would give Jinja
  (`docxtpl.DocxTemplate.patch_xml`: runs joined inside tags, ``{%p``/
  ``{%tr``/``{%tc``/``{%r`` tags standing for their paragraph, row, cell or
  run), and located by parsing the same tags one per line;
- names and filters: a name the document type does not provide, an
  attribute its values do not have (``{{ org.nmae }}``, ``{{ m.titel }}``
  inside ``{% for m in g.rows %}``), an unknown filter, each with "did you
  mean" and the valid names. The names of a document type are those its
  context builder produces (`ita_docs.documents`), found by building its
  contexts for every bundled sample that has the document (cached);
- warnings for what Word does while typing: curly quotes (“ ” ‘ ’) inside
  tags, and tags split across runs of different formatting.

`repair_template` returns the template's bytes with curly quotes inside tags
made straight and every split tag moved into its first run.

Messages are in the user's language (`ita_docs.messages`).
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from jinja2 import nodes
from lxml import etree
from pydantic import BaseModel

from .errors import TemplateError
from .messages import msg
from .render import did_you_mean, make_env, unknown_filter_message, unknown_name_message

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word (.doc), and encrypted .docx
SMART_QUOTES = {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"}
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPENING = re.compile(r"\{[{%#]")
_PREFIX = re.compile(r"^(\{[{%])(p|tr|tc|r) ")
_KEYWORD = re.compile(r"^\{%[-+]?\s*(?:(?:p|tr|tc|r) +)?([A-Za-z_]\w*)(.*?)[-+]?%\}$", re.DOTALL)
_IGNORED_RPR = {f"{W}lang", f"{W}noProof", f"{W}rPrChange", f"{W}proofErr", f"{W}webHidden"}
EXCERPT = 70  # characters of paragraph text shown around a tag

# Block tags: opener -> its closer and the tags allowed in between.
BLOCKS: dict[str, tuple[str, frozenset[str]]] = {
    "for": ("endfor", frozenset({"else"})),
    "if": ("endif", frozenset({"elif", "else"})),
    "macro": ("endmacro", frozenset()),
    "call": ("endcall", frozenset()),
    "filter": ("endfilter", frozenset()),
    "with": ("endwith", frozenset()),
    "set": ("endset", frozenset()),
    "autoescape": ("endautoescape", frozenset()),
    "raw": ("endraw", frozenset()),
    "block": ("endblock", frozenset()),
}
_MIDDLES = {"else": ("if", "for"), "elif": ("if",)}


@dataclass(frozen=True)
class TemplateProblem:
    """One problem of a template: the file, the XML part, where in Word, what (in the user's language).

    ``kind``: ``not_docx``, ``bad_xml``, ``syntax``, ``unclosed_tag``,
    ``unknown_name``, ``unknown_attribute``, ``unknown_filter`` (errors: the
    build would fail) or ``smart_quotes``, ``split_tag`` (warnings:
    `repair_template` fixes them).
    """

    template: str
    part: str
    location: str
    message: str
    kind: str
    severity: str = "error"

    @property
    def part_label(self) -> str:
        """The part as Word shows it: body, header, footer, footnotes."""
        name = self.part.rsplit("/", 1)[-1]
        for prefix in ("header", "footer", "footnotes"):
            if name.startswith(prefix):
                return msg(f"lint_part_{prefix}")
        return msg("lint_part_body") if self.part else ""

    @property
    def where(self) -> str:
        """The part (unless the body) and the location, as one text."""
        part = self.part_label if self.part not in ("", "word/document.xml") else ""
        return ", ".join(x for x in (part, self.location) if x)

    def __str__(self) -> str:
        head = f"{self.template}: {self.where}" if self.where else self.template
        return f"{head}: {self.message}"

    def error(self) -> TemplateError:
        """This problem as the `TemplateError` the CLI reports (``TemplateErrors`` collects them)."""
        return TemplateError(f"{self.where}: {self.message}" if self.where else self.message, self.template, self.part)


# --------------------------------------------------------------------------- reading a part


@dataclass
class _Para:
    """A paragraph's text (its w:t in order), the w:t pieces it is made of, and where it is."""

    text: str
    pieces: list[tuple[Any, int, int]]  # (w:t element, start, end) in ``text``
    table: tuple[int, int, int] | None  # table number, row, cell (1-based)


@dataclass
class _Tag:
    text: str
    para: int
    start: int
    end: int


@dataclass
class _Part:
    name: str
    root: Any
    paras: list[_Para] = field(default_factory=list)
    tags: list[_Tag] = field(default_factory=list)


def _own(el: Any, tag: str, stop: Any) -> Any:
    """The nearest ancestor of ``el`` named ``tag`` below ``stop``."""
    p = el.getparent()
    while p is not None and p is not stop:
        if p.tag == tag:
            return p
        p = p.getparent()
    return None


def _read_part(name: str, data: bytes) -> _Part:
    root = etree.fromstring(data)
    part = _Part(name, root)
    tables = {t: i for i, t in enumerate(root.iter(f"{W}tbl"), 1)}  # keeps the proxies alive: same objects later
    for p in root.iter(f"{W}p"):
        pieces, text = [], ""
        for t in p.iter(f"{W}t"):
            if _own(t, f"{W}p", None) is not p:
                continue  # a text box's paragraph inside this one
            s = t.text or ""
            pieces.append((t, len(text), len(text) + len(s)))
            text += s
        where = None
        tc = _own(p, f"{W}tc", None)
        if tc is not None:
            tr, tbl = tc.getparent(), tc.getparent().getparent()
            row = [x for x in tbl if x.tag == f"{W}tr"].index(tr) + 1
            cell = [x for x in tr if x.tag == f"{W}tc"].index(tc) + 1
            where = (tables[tbl], row, cell)
        index = len(part.paras)
        part.paras.append(_Para(text, pieces, where))
        for m in _TAG.finditer(text):
            part.tags.append(_Tag(m[0], index, m.start(), m.end()))
    return part


def _excerpt(para: _Para, tag: _Tag | None) -> str:
    text = " ".join(para.text.split())
    if len(text) <= EXCERPT or tag is None:
        return text if len(text) <= EXCERPT else text[:EXCERPT] + "…"
    start = max(tag.start - 25, 0)
    end = min(max(tag.end + 25, start + EXCERPT), len(para.text))
    piece = " ".join(para.text[start:end].split())
    return ("…" if start else "") + piece + ("…" if end < len(para.text) else "")


def _where(part: _Part, tag: _Tag) -> str:
    """Where ``tag`` is, in Word's terms: table, row and cell; the paragraph's text (and the text before it)."""
    para = part.paras[tag.para]
    out = []
    if para.table:
        t, r, c = para.table
        out.append(msg("lint_where_table", table=t, row=r, cell=c))
    out.append(msg("lint_where_paragraph", text=_excerpt(para, tag)))
    if not _TAG.sub("", para.text).strip():  # only tags: name the text before it too
        for prev in reversed(part.paras[: tag.para]):
            words = _TAG.sub("", prev.text).strip()
            if words:
                out.append(msg("lint_after", text=words[-40:]))
                break
    return " ".join(out)


# --------------------------------------------------------------------------- tags as Jinja sees them


def _jinja(tag: str) -> str:
    """A tag as docxtpl gives it to Jinja: no ``p``/``tr``/``tc``/``r`` prefix, straight quotes;
    ``colspan``/``cellbg`` print their value and ``vm``/``hm`` vanish."""
    text = _PREFIX.sub(r"\1 ", tag)
    for curly, straight in SMART_QUOTES.items():
        text = text.replace(curly, straight)
    m = re.fullmatch(r"\{%\s*(colspan|cellbg)\s+(.*?)\s*%\}", text, re.DOTALL)
    if m:
        return "{{ " + m[2] + " }}"
    if re.fullmatch(r"\{%\s*(vm|hm)\s*%\}", text):
        return ""
    return text.replace("\n", " ")


def _keyword(tag: str) -> tuple[str, str]:
    m = _KEYWORD.match(_jinja(tag)) if tag.startswith("{%") else None
    return (m[1], m[2]) if m else ("", "")


def _prefix(tag: str) -> str:
    """docxtpl's ``p``/``tr``/``tc``/``r`` of a tag, or ""."""
    m = _PREFIX.match(tag)
    return m[2] if m else ""


def _closer_for(opener: str) -> str:
    kw, _ = _keyword(opener)
    return "{%" + _prefix(opener) + " " + BLOCKS[kw][0] + " %}"


def _is_block(kw: str, rest: str) -> bool:
    if kw not in BLOCKS:
        return False
    return not (kw == "set" and "=" in rest)  # {% set x = 1 %} is not a block


def _structure(part: _Part) -> tuple[int, str, str] | None:
    """The first problem of block structure: (tag index, kind, message), or None."""
    stack: list[int] = []
    tags = part.tags
    raw = False
    for i, tag in enumerate(tags):
        kw, rest = _keyword(tag.text)
        if raw:
            raw = kw != "endraw"
            if not raw:
                stack.pop()
            continue
        if _is_block(kw, rest):
            stack.append(i)
            raw = kw == "raw"
        elif kw.startswith("end") and kw[3:] in BLOCKS:
            opener = kw[3:]
            if not stack:
                return i, "syntax", msg("lint_stray_end", tag=tag.text, opener="{% " + opener + " %}")
            top = stack[-1]
            prefix = _prefix(tag.text)
            if _keyword(tags[top].text)[0] == opener and _prefix(tags[top].text) != prefix:
                # {%tr endfor %} closing a {%p for %}: the innermost opener of this kind and
                # prefix is the one meant, and what is above it was left open.
                deeper = [j for j in stack[:-1] if _keyword(tags[j].text)[0] == opener and _prefix(tags[j].text) == prefix]
                if deeper:
                    return top, "unclosed_tag", msg(
                        "lint_unclosed_before", tag=tags[top].text, closer=_closer_for(tags[top].text), next=tag.text
                    )
            if _keyword(tags[top].text)[0] != opener:
                t = tags[top]
                where = _where(part, t)
                return i, "unclosed_tag", msg("lint_mismatch", tag=tag.text, opener=t.text, where=where, closer=_closer_for(t.text))
            stack.pop()
        elif kw in _MIDDLES:
            if not stack or _keyword(tags[stack[-1]].text)[0] not in _MIDDLES[kw]:
                inside = " / ".join("{% " + k + " %}" for k in _MIDDLES[kw])
                return i, "syntax", msg("lint_misplaced", tag=tag.text, inside=inside)
    if stack:
        i = stack[-1]
        return i, "unclosed_tag", msg("lint_unclosed", tag=tags[i].text, closer=_closer_for(tags[i].text))
    return None


def _skeleton(part: _Part) -> str:
    """The part's tags as Jinja sees them, one per line (line n = tag n-1)."""
    return "\n".join(_jinja(t.text) for t in part.tags)


def _docxtpl_source(xml: str) -> str:
    """The text docxtpl hands to Jinja for a part (`DocxTemplate.patch_xml`, then a line per paragraph)."""
    patched = DocxTemplate.patch_xml(DocxTemplate.__new__(DocxTemplate), xml)
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)


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
        attrs: dict[str, Any] = {n: None for n in dir(cls) if not n.startswith("_") and n not in dir(BaseModel)}
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
    from .documents import DOCUMENTS

    return next((d.name for d in DOCUMENTS if d.template == template.name), None)


@lru_cache(maxsize=None)
def _document_shape(document: str) -> _Obj | None:
    """The names a document type's template may use, with their shapes, from the bundled samples."""
    from .documents import DOCUMENTS, writer
    from .resources import sample_sets, templates_dir
    from .validate import load

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
            for _, ctx in doc.contexts(w):
                if callable(ctx):
                    ctx = ctx(DocxTemplate(str(templates_dir() / doc.template)))
                s = _shape(ctx)
                shape = s if shape is None else _merge(shape, s)
        except Exception:  # noqa: BLE001 - a sample that cannot be built names nothing
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
                self.report(node, "unknown_attribute", f"{path}.{node.attr}",
                            msg("lint_unknown_attr_of", name=path, attr=node.attr, hint=hint, names=listed))
            return None
        if isinstance(node, nodes.Getitem):
            base = self.expr(node.node, scope)
            self.expr(node.arg, scope)
            if isinstance(base, _Seq):
                return base.item
            if isinstance(base, _Obj) and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return base.attrs.get(node.arg.value)
            return None
        if isinstance(node, (nodes.Filter, nodes.Test)):
            table, kind = (self.env.filters, "unknown_filter") if isinstance(node, nodes.Filter) else (self.env.tests, "unknown_test")
            base = self.expr(node.node, scope) if node.node is not None else None
            for child in [*node.args, *(k.value for k in node.kwargs), node.dyn_args, node.dyn_kwargs]:
                if child is not None:
                    self.expr(child, scope)
            if node.name not in table:
                text = unknown_filter_message(node.name, table) if kind == "unknown_filter" else unknown_name_message(node.name, table)
                self.report(node, kind, node.name, text)
                return None
            keeps = {"list", "sort", "reverse", "unique", "select", "reject", "selectattr", "rejectattr", "batch", "slice"}
            return base if isinstance(node, nodes.Filter) and node.name in keeps and isinstance(base, _Seq) else None
        for child in node.iter_child_nodes():
            self.expr(child, scope) if isinstance(child, nodes.Expr) else self.stmt(child, scope)
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


# --------------------------------------------------------------------------- the lint


def _not_docx(name: str, reason: str) -> TemplateProblem:
    return TemplateProblem(name, "", "", msg("lint_not_docx", reason=reason), "not_docx")


def _open(path: Path) -> tuple[zipfile.ZipFile | None, TemplateProblem | None]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, _not_docx(path.name, msg("lint_reason_broken", error=exc.strerror or exc))
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return None, _not_docx(path.name, msg("lint_reason_doc" if data.startswith(OLE_MAGIC) else "lint_reason_text"))
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        names = z.namelist()
        if "word/document.xml" not in names:
            return None, _not_docx(path.name, msg("lint_reason_zip"))
        z.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        return None, _not_docx(path.name, msg("lint_reason_broken", error=exc))
    return z, None


def _parts(z: zipfile.ZipFile) -> list[str]:
    """The parts docxtpl renders: the body, headers, footers and footnotes."""
    names = z.namelist()
    extra = sorted(n for n in names if re.fullmatch(r"word/(header|footer)\d*\.xml|word/footnotes\.xml", n))
    return ["word/document.xml", *extra]


def _lint_part(template: str, part: _Part, xml: str, env: jinja2.Environment, shape: _Obj | None) -> list[TemplateProblem]:
    out: list[TemplateProblem] = []

    def problem(tag: _Tag | None, text: str, kind: str, severity: str = "error") -> None:
        where = _where(part, tag) if tag is not None else ""
        out.append(TemplateProblem(template, part.name, where, text, kind, severity))

    # Word's typing habits (warnings)
    for tag in part.tags:
        if any(q in tag.text for q in SMART_QUOTES):
            problem(tag, msg("lint_smart_quotes", tag=tag.text), "smart_quotes", "warning")
        runs = _runs_of(part.paras[tag.para], tag)
        formats = {_format(r) for r in runs}
        if len(formats) > 1:
            problem(tag, msg("lint_split_tag", tag=tag.text, n=len(runs)), "split_tag", "warning")
    # tags left open inside a paragraph
    for i, para in enumerate(part.paras):
        covered = [(m.start(), m.end()) for m in _TAG.finditer(para.text)]
        for m in _OPENING.finditer(para.text):
            if not any(s <= m.start() < e for s, e in covered):
                end = {"{{": "}}", "{%": "%}", "{#": "#}"}[m[0]]
                problem(_Tag(m[0], i, m.start(), m.end()), msg("lint_unterminated", start=m[0], end=end), "syntax")
                break
    if any(p.kind == "syntax" for p in out):
        return out
    # block structure, then any other syntax error, by the tags one per line
    found = _structure(part)
    if found is not None:
        i, kind, text = found
        problem(part.tags[i], text, kind)
        return out
    try:
        tree = env.parse(_skeleton(part))
    except jinja2.TemplateSyntaxError as exc:
        line = (exc.lineno or 1) - 1
        tag = part.tags[line] if 0 <= line < len(part.tags) else None
        problem(tag, msg("lint_syntax", tag=tag.text if tag else "", detail=exc.message), "syntax")
        return out
    # what docxtpl will really hand to Jinja
    try:
        env.parse(_docxtpl_source(xml))
    except jinja2.TemplateSyntaxError as exc:
        problem(None, msg("lint_syntax_part", detail=exc.message), "syntax")
        return out
    checker = _Names(shape, env)
    checker.body(tree.body, {})
    for line, kind, text in sorted(checker.found.values(), key=lambda x: x[0]):
        tag = part.tags[line - 1] if 0 < line <= len(part.tags) else None
        problem(tag, text, kind)
    return out


def lint_template(path: Path, document: str | None = None) -> list[TemplateProblem]:
    """Every problem of the template at ``path``; ``document`` (the ``--only`` name of its document
    type, default: the type whose template has this file name) enables the check of names."""
    path = Path(path)
    z, bad = _open(path)
    if bad is not None:
        return [bad]
    assert z is not None
    document = document or document_for(path)
    shape = _document_shape(document) if document else None
    env = make_env("thai")
    out: list[TemplateProblem] = []
    for name in _parts(z):
        raw = z.read(name)
        try:
            part = _read_part(name, raw)
        except etree.XMLSyntaxError as exc:
            out.append(TemplateProblem(path.name, name, "", msg("lint_bad_xml", error=exc), "bad_xml"))
            continue
        if part.tags:
            out += _lint_part(path.name, part, raw.decode("utf-8", "replace"), env, shape)
    return out


def lint_templates(folder: Path) -> list[TemplateProblem]:
    """Every problem of every ``*.docx`` in ``folder`` (Word's ``~$`` lock files skipped), by file name."""
    out: list[TemplateProblem] = []
    for path in sorted(Path(folder).glob("*.docx")):
        if not path.name.startswith("~$"):
            out += lint_template(path)
    return out


# --------------------------------------------------------------------------- repair


def _run_of(t: Any) -> Any:
    p = t.getparent()
    return p if p is not None and p.tag == f"{W}r" else None


def _runs_of(para: _Para, tag: _Tag) -> list[Any]:
    """The runs holding the text of ``tag``, in order."""
    runs: list[Any] = []
    for t, s, e in para.pieces:
        if s < tag.end and e > tag.start and e > s:
            r = _run_of(t)
            if r is not None and all(r is not x for x in runs):
                runs.append(r)
    return runs


def _format(run: Any) -> str:
    """A run's formatting, ignoring what does not show (language, proofing)."""
    rpr = run.find(f"{W}rPr")
    if rpr is None:
        return ""
    kept = sorted(etree.tostring(c, encoding="unicode") for c in rpr if c.tag not in _IGNORED_RPR)
    return "".join(kept)


def _repair_para(para: _Para) -> bool:
    """Straighten quotes and move every split tag into its first w:t; True when something changed."""
    if not para.pieces:
        return False
    owner = []  # index of the piece each character belongs to
    for k, (_, s, e) in enumerate(para.pieces):
        owner += [k] * (e - s)
    chars = list(para.text)
    for m in _TAG.finditer(para.text):
        first = owner[m.start()]
        for i in range(m.start(), m.end()):
            owner[i] = first
            chars[i] = SMART_QUOTES.get(chars[i], chars[i])
    texts = [""] * len(para.pieces)
    for ch, k in zip(chars, owner):
        texts[k] += ch
    changed = False
    for (t, s, e), new in zip(para.pieces, texts):
        if new == para.text[s:e]:
            continue
        changed = True
        if new:
            t.text = new
            t.set(XML_SPACE, "preserve")
            continue
        run = t.getparent()
        run.remove(t)
        if run.tag == f"{W}r" and all(c.tag == f"{W}rPr" for c in run):
            run.getparent().remove(run)
    return changed


def repair_template(path: Path) -> bytes:
    """The template at ``path`` with curly quotes inside tags made straight and every tag split
    across runs moved into its first run (that run's formatting); other bytes are kept.

    Raises `TemplateError` for a file that is not a .docx.
    """
    path = Path(path)
    z, bad = _open(path)
    if bad is not None:
        raise bad.error()
    assert z is not None
    fixed: dict[str, bytes] = {}
    for name in _parts(z):
        raw = z.read(name)
        try:
            part = _read_part(name, raw)
        except etree.XMLSyntaxError:
            continue
        changed = [_repair_para(p) for p in part.paras if _TAG.search(p.text)]
        if any(changed):
            fixed[name] = etree.tostring(part.root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in z.infolist():
            dst.writestr(info, fixed.get(info.filename, z.read(info.filename)))
    return out.getvalue()


__all__ = [
    "TemplateProblem",
    "document_for",
    "lint_template",
    "lint_templates",
    "repair_template",
    "template_names",
]
