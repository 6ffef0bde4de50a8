"""A compiled template (`CompiledTemplate`) and one render of it (`FastRender`): the fast path's
render, for `ita_docs.render.compiled`, which compiles and caches the templates.

A render evaluates the compiled templates, post-processes the result as docxtpl's ``render``
does (newlines, ``{_{`` escapes, ``resolve_listing``, ``fix_tables``, ``docPr`` ids;
`ita_docs.render.docxtpl_post`), fixes only the rendered parts and writes the zip
(`ita_docs.render.zip_members.write_zip`).

A context that is a function of the template gets the `FastRender` as its
``tpl``: charts (`ita_docs.render.chart_embed.InlineChart`) and images (docxtpl's
``InlineImage``) add their parts and relationships to a light python-docx package
(`ita_docs.render.package.LightPackage`), whose parts are then written the way
python-docx orders them. Of docxtpl's ``DocxTemplate`` it offers what those use:
``current_rendering_part``, ``docx.part`` and ``build_url_id``; a context function
that needs more (``new_subdoc``...) renders with ``fast=False``.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

import docx.oxml.ns
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from jinja2 import Template, TemplateError
from lxml import etree

from . import docxtpl_post, ooxml
from .package import LightPackage, PartSnapshot
from .zip_members import Member, deflate, write_zip

CS_FONT = "TH Sarabun New"

_TAGS = re.compile(r"<[^>]+>")
# python-docx's parser without its element classes (plain elements are faster to walk; the XML is the same)
_PART_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
_DOC_PR = etree.XPath("//wp:docPr", namespaces=docx.oxml.ns.nsmap)  # docxtpl renumbers these in the body


@dataclass
class _Story:
    """A rendered part (body, header, footer): its member name, Jinja source and compiled template."""

    name: str
    source: str
    template: Template
    encoding: str = "utf-8"
    code: Any = None  # the template's compiled Python code (what `render_store` keeps on disk)


@dataclass
class CompiledTemplate:
    """A template prepared for many renders (see the module docstring)."""

    digits: str
    members: list[Member | str]  # in output order: a cached member, or the name of a rendered one
    body: _Story
    stories: list[
        _Story
    ]  # headers, then footers with a Jinja tag, in docxtpl's order (the others are members)
    shell: etree._Element  # the document element without its body
    body_index: int
    snapshot: PartSnapshot

    def start(self) -> FastRender:
        """A new render of this template (what a context function gets as ``tpl``)."""
        return FastRender(self)


def _story_root(story: _Story, xml: str) -> etree._Element:
    """A header or footer's rendered text parsed as docxtpl's ``map_headers_footers_xml`` reads it."""
    return etree.fromstring(xml.encode(story.encoding), _PART_PARSER)


class FastRender:
    """One render of a `CompiledTemplate`: `render` the context, then `save`.

    Stands for docxtpl's ``DocxTemplate`` in context functions: it has
    ``current_rendering_part`` (the python-docx part being rendered),
    ``docx.part`` (the document part) and ``build_url_id``; the parts come from
    a `LightPackage` made on first use.
    """

    def __init__(self, compiled: CompiledTemplate):
        self._c = compiled
        self._package: LightPackage | None = None
        self._current: str | None = None
        self._roots: dict[str, etree._Element] = {}
        self._fixed = False

    # ------------------------------------------------------------------ what context functions use

    def _light(self) -> LightPackage:
        if self._package is None:
            self._package = LightPackage(self._c.snapshot)
            if (
                self._c.body.name in self._roots
            ):  # the body is rendered: the document part holds it (docxtpl's map_tree)
                self._package.set_element(self._c.body.name, self._roots[self._c.body.name])
        return self._package

    @property
    def current_rendering_part(self) -> Any:
        return None if self._current is None else self._light().part(self._current)

    @property
    def docx(self) -> Any:
        return self._light().document

    def build_url_id(self, url: str) -> str:
        return self._light().part(self._c.body.name).relate_to(url, RT.HYPERLINK, is_external=True)

    # ------------------------------------------------------------------ rendering

    def _render_story(self, story: _Story, context: dict[str, Any]) -> str:
        """docxtpl's ``render_xml_part`` with the template compiled already."""
        self._current = story.name
        try:
            xml = story.template.render(context)
        except TemplateError as exc:
            lineno = getattr(exc, "lineno", None)
            if lineno is not None:
                line = max(lineno - 4, 0)
                # a map, as docxtpl's (always true, even empty): render_template reads it the same way
                exc.docx_context = map(lambda x: _TAGS.sub("", x), story.source.splitlines()[line : line + 7])  # type: ignore[attr-defined]
            raise
        return docxtpl_post.post_process(xml)

    def render(self, context: dict[str, Any]) -> None:
        """Render every part (call within `ita_docs.render.docx.limits`); errors are docxtpl's."""
        c = self._c
        tree = docxtpl_post.fix_tables(self._render_story(c.body, context))
        docx_id = 1000
        for el in _DOC_PR(tree):
            docx_id += 1
            el.attrib["id"] = str(docx_id)
        root = copy.deepcopy(c.shell)
        root.insert(c.body_index, tree)
        self._roots[c.body.name] = root
        if self._package is not None:
            self._package.set_element(c.body.name, root)
        for story in c.stories:
            self._roots[story.name] = _story_root(story, self._render_story(story, context))

    def fix(self) -> None:
        """Fix the rendered parts for Thai (`ita_docs.render.ooxml.fix_root`); `save` does it if not done."""
        if not self._fixed:
            for name, root in self._roots.items():
                ooxml.fix_root(name, root, CS_FONT, digits=self._c.digits)
            self._fixed = True

    def save(self) -> bytes:
        """The .docx: rendered parts fixed for Thai, every other member as cached."""
        self.fix()
        rendered = {name: deflate(name, ooxml.part_bytes(root)) for name, root in self._roots.items()}
        if self._package is not None and self._package.changed():
            members = self._package.members(rendered, self._c.members, self._c.digits, CS_FONT)
        else:
            members = [rendered[m] if isinstance(m, str) else m for m in self._c.members]
        return write_zip(members)
