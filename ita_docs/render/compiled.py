"""Templates compiled once, Thai-correct parts cached: the fast path of `ita_docs.render.docx.render_template`.

docxtpl opens the template with python-docx, compiles its Jinja source, renders
and saves for every document; `ita_docs.render.ooxml.fix_package` then parses and fixes
every part again, the 800 kB of styles included. Here each template is prepared
once per (file content, digits) by `compiled`:

- python-docx opens it once; its body, headers and footers go through docxtpl's
  own preprocessing (``patch_xml``) and are compiled into Jinja templates once;
- every other member (styles, stylesWithEffects, numbering, settings, fonts,
  theme, rels, content types, core properties) is fixed for Thai once and kept
  deflated, with its CRC, ready to be copied into every output.

A render (`ita_docs.render.fast_render.FastRender`, context functions get it as ``tpl``)
then evaluates the compiled templates, fixes only the rendered parts and writes the zip.
Headers and footers without a Jinja tag are rendered and fixed once, at compile time. The
output is byte for byte that of docxtpl followed by `fix_package` (``render_template(...,
fast=False)``); the tests compare the two for every bundled document.

Templates this path does not take (`compiled` returns None, the caller uses
docxtpl): a file that is not a .docx, a Jinja error in the template (docxtpl
reports it with its context), core properties holding ``{`` (docxtpl renders
them per document), footnotes (docxtpl renders them once per section), no core
properties part (python-docx would date a new one).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml
from docx.parts.document import DocumentPart
from docx.parts.hdrftr import FooterPart, HeaderPart
from docx.parts.image import ImagePart
from docxtpl import DocxTemplate
from jinja2 import Environment, Template
from lxml import etree

from . import docxtpl_post, ooxml
from . import store as render_store
from .fast_render import _PART_PARSER, CS_FONT, CompiledTemplate, FastRender, _Story, _story_root
from .package import PartSnapshot
from .zip_members import Member, deflate, read_members, zip_problem

__all__ = ["CS_FONT", "MAX_TEMPLATES", "CompiledTemplate", "FastRender", "clear", "compiled"]

MAX_TEMPLATES = 32
"""Compiled templates kept (least recently used dropped first)."""

_CORE_PROPERTIES = (
    "author",
    "comments",
    "identifier",
    "language",
    "subject",
    "title",
)  # docxtpl's render_properties
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_DOCXTPL = DocxTemplate(io.BytesIO())  # for its preprocessing methods, which use no state
_PARA_BREAK = re.compile(r"<w:p([ >])")


# --------------------------------------------------------------------------- compiling and the cache

_CACHE: OrderedDict[tuple[bytes, str], CompiledTemplate | None] = OrderedDict()
_STATS: dict[
    str, tuple[tuple[int, ...], bytes]
] = {}  # path -> (its stat when last read, hash of its content)
_LOCK = threading.Lock()


def compiled(path: Any, digits: str, make_env: Callable[[str], Environment]) -> CompiledTemplate | None:
    """The template at ``path`` compiled for ``digits`` (cached by file content), or None when
    the fast path does not take it (see the module docstring) or the file cannot be read.

    A file whose modification and change times, size, inode and device are as
    when it was last read is not read again. The Jinja environment is made once per
    compiled template (``make_env(digits)``).
    """
    try:
        st = os.stat(path)
    except OSError:
        return None
    stat = (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino, st.st_dev)
    where = os.path.abspath(path)
    seen = _STATS.get(where)
    with _LOCK:
        if seen is not None and seen[0] == stat and (seen[1], digits) in _CACHE:
            _CACHE.move_to_end((seen[1], digits))
            return _CACHE[(seen[1], digits)]
    if zip_problem(path) is not None:
        return None  # docxtpl's path says what is wrong (`ita_docs.render.docx.render_template`)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    digest = hashlib.sha256(data).digest()
    key = (digest, digits)
    with _LOCK:
        _STATS[where] = (stat, digest)
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]

        def build() -> CompiledTemplate | None:
            try:
                return _compile(data, digits, make_env(digits))
            except Exception:
                return None

        def from_disk(header: dict[str, Any], area: memoryview) -> CompiledTemplate | None:
            return _from_disk(header, area, digits, make_env)

        entry = render_store.remembered(
            render_store.key(digest, digits), "templates", build, _to_disk, from_disk
        )
        _CACHE[key] = entry
        while len(_CACHE) > MAX_TEMPLATES:
            _CACHE.popitem(last=False)
        return entry


def clear() -> None:
    """Forget every compiled template."""
    with _LOCK:
        _CACHE.clear()
        _STATS.clear()
        _MEMBERS.clear()


def _story(name: str, xml: str, env: Environment, encoding: str = "utf-8") -> _Story:
    source = _PARA_BREAK.sub(r"\n<w:p\1", _DOCXTPL.patch_xml(xml))
    code = env.compile(source)
    return _Story(name, source, _template(env, code), encoding, code)


def _template(env: Environment, code: Any) -> Template:
    """What ``env.from_string(source)`` returns, from ``env.compile(source)`` (Jinja 3.1's from_string)."""
    return env.template_class.from_code(env, code, env.make_globals(None), None)


def _compile(data: bytes, digits: str, env: Environment) -> CompiledTemplate | None:
    document = docx.Document(io.BytesIO(data))
    part = document.part
    package = part.package
    if any(p.content_type == _FOOTNOTES for p in package.iter_parts()):
        return None
    if not any(rel.reltype == RT.CORE_PROPERTIES for rel in package.rels.values()):
        return None
    props = document.core_properties
    for name in _CORE_PROPERTIES:
        text = getattr(props, name)
        if "{" in text:
            return None
        # what docxtpl does, the same for every context (an empty text renders empty)
        setattr(props, name, env.from_string(text).render({}) if text else text)
    body = _story(part.partname.membername, etree.tostring(document.element.body, encoding="unicode"), env)
    stories = []
    for uri in (DocxTemplate.HEADER_URI, DocxTemplate.FOOTER_URI):
        for rel in part.rels.values():
            if rel.reltype == uri and rel.target_part.blob:
                xml = etree.tostring(parse_xml(rel.target_part.blob), encoding="unicode")
                encoding = _DOCXTPL.get_headers_footers_encoding(xml)
                stories.append(_story(rel.target_part.partname.membername, xml, env, encoding))
    shell = etree.fromstring(etree.tostring(document.element), _PART_PARSER)
    body_el = shell.find(f"{ooxml.W}body")
    body_index = shell.index(body_el)
    shell.remove(body_el)
    snapshot = PartSnapshot.of(package)
    buf = io.BytesIO()
    document.save(
        buf
    )  # python-docx's members in its order: the unrendered template, core properties rendered
    # a header or footer without a Jinja tag renders the same for every context: rendered once here
    tags = (env.block_start_string, env.variable_start_string, env.comment_start_string)
    static = {s.name: s for s in stories if not any(tag in s.source for tag in tags)}
    stories = [s for s in stories if s.name not in static]
    rendered = {body.name, *(s.name for s in stories)}
    members: list[Member | str] = []
    for name, raw in read_members(buf.getvalue()):
        if name in static:
            root = _story_root(static[name], docxtpl_post.post_process(static[name].template.render({})))
            ooxml.fix_root(name, root, CS_FONT, digits=digits)
            members.append(deflate(name, ooxml.part_bytes(root)))
        else:
            members.append(name if name in rendered else _fixed_member(name, raw, digits))
    return CompiledTemplate(digits, members, body, stories, shell, body_index, snapshot)


_MEMBERS: OrderedDict[tuple[str, bytes, str], Member] = OrderedDict()


def _fixed_member(name: str, raw: bytes, digits: str) -> Member:
    """A member as `ooxml.fix_package` writes it, deflated; members alike in several templates
    (stylesWithEffects, theme, fonts...) are fixed once (called under `_LOCK`)."""
    key = (name, hashlib.sha256(raw).digest(), digits)
    member = _MEMBERS.get(key)
    if member is None:
        member = _MEMBERS[key] = deflate(name, ooxml.fix_member(name, raw, CS_FONT, digits=digits))
        while len(_MEMBERS) > 16 * MAX_TEMPLATES:
            _MEMBERS.popitem(last=False)
    return member


# --------------------------------------------------------------------------- on disk (`ita_docs.render.store`)

_KINDS: dict[str, type] = {
    "image": ImagePart,
    "part": Part,
    "document": DocumentPart,
    "header": HeaderPart,
    "footer": FooterPart,
}
_KIND_NAMES = {v: k for k, v in _KINDS.items()}


def _to_disk(c: CompiledTemplate, blobs: render_store.Blobs) -> dict[str, Any] | None:
    """The cache file's header of ``c`` (bytes go to ``blobs``), or None for a template whose parts
    this cannot describe (not kept)."""

    def story(s: _Story) -> dict[str, Any]:
        return {
            "name": s.name,
            "source": s.source,
            "encoding": s.encoding,
            "code": blobs.add(render_store.dump_code(s.code)),
        }

    parts = []
    for partname, content_type, kind, payload in c.snapshot.parts:
        name = _KIND_NAMES.get(kind)
        if name is None:
            return None
        ref = None if payload is None else blobs.add(payload if name == "image" else etree.tostring(payload))
        parts.append([str(partname), content_type, name, ref])
    return {
        "digits": c.digits,
        "members": [
            m
            if isinstance(m, str)
            else {"name": m.name, "crc": m.crc, "size": m.size, "data": blobs.add(m.data)}
            for m in c.members
        ],
        "body": story(c.body),
        "stories": [story(s) for s in c.stories],
        "shell": blobs.add(etree.tostring(c.shell)),
        "body_index": c.body_index,
        "parts": parts,
        "rels": {
            name: [[r_id, reltype, str(target), external] for r_id, reltype, target, external in rels]
            for name, rels in c.snapshot.rels.items()
        },
    }


def _from_disk(
    h: dict[str, Any], area: memoryview, digits: str, make_env: Callable[[str], Environment]
) -> CompiledTemplate | None:
    """The compiled template a cache file holds (header ``h``, blobs ``area``), or None (not of this
    shape: compile again)."""
    try:
        env = make_env(digits)

        def story(d: dict[str, Any]) -> _Story:
            code = render_store.load_code(render_store.blob(area, d["code"]))
            return _Story(str(d["name"]), str(d["source"]), _template(env, code), str(d["encoding"]), code)

        members: list[Member | str] = [
            m
            if isinstance(m, str)
            else Member(str(m["name"]), int(m["crc"]), int(m["size"]), render_store.blob(area, m["data"]))
            for m in h["members"]
        ]
        parts = []
        for partname, content_type, name, ref in h["parts"]:
            payload: Any = None if ref is None else render_store.blob(area, ref)
            if payload is not None and name != "image":
                payload = parse_xml(payload)
            parts.append((PackURI(partname), str(content_type), _KINDS[name], payload))
        rels = {
            str(n): [(str(a), str(b), str(t), bool(e)) for a, b, t, e in rs] for n, rs in h["rels"].items()
        }
        if h["digits"] != digits:
            return None
        return CompiledTemplate(
            digits,
            members,
            story(h["body"]),
            [story(s) for s in h["stories"]],
            etree.fromstring(render_store.blob(area, h["shell"]), _PART_PARSER),
            int(h["body_index"]),
            PartSnapshot(parts, rels),
        )
    except Exception:
        return None
