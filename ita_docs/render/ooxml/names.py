"""Namespaces, whole tags and character classes of WordprocessingML, shared by every module of `ita_docs.render.ooxml`.

- the WordprocessingML namespace (``W_NS``; ``W`` is the ``{namespace}`` prefix
  of a whole lxml tag) and Word's compatibility URI;
- the character classes of the Thai rules of ``docs/domain.md`` ("Thai text
  inside .docx"): Thai text (rule 2), Symbol-font bullet code points (``PUA``),
  zero-width/invisible characters (rule 6), and ``**bold**`` markup;
- ``TWINS``: each Latin run property and its complex-script twin (rule 5);
- whole tags the fixer compares (it walks children and compares whole tags,
  rather than calling lxml's ``find``: a namespace lookup per call), and the
  local name of an element or tag.
"""

from __future__ import annotations

import re

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
NSMAP = {"w": W_NS}
WORD_URI = "http://schemas.microsoft.com/office/word"

THAI = re.compile("[\u0e00-\u0e7f]")
SYMBOL_FONTS = {"Symbol", "Wingdings", "Wingdings 2", "Wingdings 3", "Webdings"}
PUA = re.compile("[\uf000-\uf0ff]")  # Symbol-font code points used by Word's default bullets
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f]")
BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)

TWINS = {"b": "bCs", "i": "iCs", "sz": "szCs"}


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


# Whole tags, compared by the fixer as it walks children.
_W_T, _W_R, _W_RPR, _W_PPR, _W_CS, _W_LANG = (f"{W}{n}" for n in ("t", "r", "rPr", "pPr", "cs", "lang"))
_W_NOPROOF, _W_RFONTS, _W_INSTR = f"{W}noProof", f"{W}rFonts", f"{W}instrText"
_TWIN_TAGS = [(f"{W}{latin}", f"{W}{twin}") for latin, twin in TWINS.items()]
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _tag_local(tag: object) -> str:
    """`_local` of an element whose tag is ``tag`` ("" for comments and processing instructions)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""
