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

`ita_docs.template_check.repair.repair_template` fixes the two warnings.

Messages are in the user's language (`ita_docs.messages`).
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from lxml import etree

from ..messages import msg
from ..render.docx import make_env
from .names import _document_shape, _Names, _Obj, document_for
from .xml_parts import (
    _MIDDLES,
    _OPENING,
    _TAG,
    BLOCKS,
    SMART_QUOTES,
    TemplateProblem,
    _format,
    _jinja,
    _keyword,
    _open,
    _Part,
    _parts,
    _prefix,
    _read_part,
    _runs_of,
    _Tag,
    _where,
)


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
                deeper = [
                    j
                    for j in stack[:-1]
                    if _keyword(tags[j].text)[0] == opener and _prefix(tags[j].text) == prefix
                ]
                if deeper:
                    return (
                        top,
                        "unclosed_tag",
                        msg(
                            "lint_unclosed_before",
                            tag=tags[top].text,
                            closer=_closer_for(tags[top].text),
                            next=tag.text,
                        ),
                    )
            if _keyword(tags[top].text)[0] != opener:
                t = tags[top]
                where = _where(part, t)
                return (
                    i,
                    "unclosed_tag",
                    msg(
                        "lint_mismatch", tag=tag.text, opener=t.text, where=where, closer=_closer_for(t.text)
                    ),
                )
            stack.pop()
        elif kw in _MIDDLES:  # noqa: SIM102 - a middle tag ends the elif chain whether or not it is misplaced
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


# --------------------------------------------------------------------------- the lint


def _lint_part(
    template: str, part: _Part, xml: str, env: jinja2.Environment, shape: _Obj | None
) -> list[TemplateProblem]:
    out: list[TemplateProblem] = []

    def problem(tag: _Tag | None, text: str, kind: str, severity: str = "error") -> None:
        where = _where(part, tag) if tag is not None else ""
        out.append(TemplateProblem(template, part.name, where, text, kind, severity))

    # Word's typing habits (warnings)
    tag: _Tag | None  # a tag of the part; below, the tag an error's line points at, if any
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
                problem(
                    _Tag(m[0], i, m.start(), m.end()), msg("lint_unterminated", start=m[0], end=end), "syntax"
                )
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
    """Every problem of every ``*.docx`` in ``folder`` (Word's ``~$`` lock files skipped), by file name,
    then of the slide template (``*.pptx``: `ita_docs.slides.package.template_problems`)."""
    from ..slides.package import template_problems

    out: list[TemplateProblem] = []
    for path in sorted(Path(folder).glob("*.docx")):
        if not path.name.startswith("~$"):
            out += lint_template(path)
    for path in sorted(Path(folder).glob("*.pptx")):
        if not path.name.startswith("~$"):
            out += template_problems(path)
    return out


__all__ = ["TemplateProblem", "document_for", "lint_template", "lint_templates"]
