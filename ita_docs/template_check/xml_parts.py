"""Word templates as docxtpl reads them: paragraphs, tags and where they are (shared by the lint and the repair).

A part's paragraphs with their text and table position (table, row, cell),
the Jinja tags found in that text, and `TemplateProblem`, one located problem
of a template. See `ita_docs.template_check.lint`.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import TemplateProblem
from ..messages import msg
from ..render.zip_members import ZipTooBig, check_zip

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
    tables = {
        t: i for i, t in enumerate(root.iter(f"{W}tbl"), 1)
    }  # keeps the proxies alive: same objects later
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


# --------------------------------------------------------------------------- opening a template, runs


def _not_docx(name: str, reason: str) -> TemplateProblem:
    return TemplateProblem(name, "", "", msg("lint_not_docx", reason=reason), "not_docx")


def _open(path: Path) -> tuple[zipfile.ZipFile | None, TemplateProblem | None]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, _not_docx(path.name, msg("lint_reason_broken", error=exc.strerror or exc))
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return None, _not_docx(
            path.name, msg("lint_reason_doc" if data.startswith(OLE_MAGIC) else "lint_reason_text")
        )
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        names = z.namelist()
        if "word/document.xml" not in names:
            return None, _not_docx(path.name, msg("lint_reason_zip"))
        check_zip(z)  # before testzip, which inflates every member
        z.testzip()
    except ZipTooBig as exc:
        return None, TemplateProblem(
            path.name, "", "", msg("zip_too_big", member=exc.member, reason=exc.reason), "not_docx"
        )
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        return None, _not_docx(path.name, msg("lint_reason_broken", error=exc))
    return z, None


def _parts(z: zipfile.ZipFile) -> list[str]:
    """The parts docxtpl renders: the body, headers, footers and footnotes."""
    names = z.namelist()
    extra = sorted(n for n in names if re.fullmatch(r"word/(header|footer)\d*\.xml|word/footnotes\.xml", n))
    return ["word/document.xml", *extra]


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
