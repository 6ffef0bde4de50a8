"""All raw WordprocessingML (OOXML) handling of ita-docs, kept apart from domain code.

Two jobs:

1. **Build** paragraph and table XML for rich content (`Para`, `Run`,
   `paragraph_xml`, `table_xml`), inserted into docxtpl templates with
   ``{{p var}}``. Inline markup ``**bold**`` becomes bold runs.
2. **Fix** a rendered package so Thai text behaves in Word (`fix_package`), and
   **audit** a package for the same rules (`audit_package`). The rules are
   those of ``docs/domain.md`` ("Thai text inside .docx"):

   1. ``word/settings.xml`` declares compatibilityMode 15 exactly once;
   2. runs holding Thai carry ``<w:cs/>`` and ``<w:lang w:bidi="th-TH"/>``;
   3. no ``<w:noProof/>``;
   4. no word split across adjacent runs with identical formatting (runs with
      identical properties are merged);
   5. every Latin property has its complex-script twin (``rFonts/@w:cs``,
      ``szCs``, ``bCs``, ``iCs``) in runs, styles and numbering;
   6. property elements in schema order; no zero-width/invisible characters.

Sizes in WordprocessingML are half-points (16 pt = ``w:sz w:val="32"``);
lengths are twentieths of a point (twips: 1 cm = 567 twips).

Modules, one per concern (import the names below from here):

- `names`: namespaces, whole tags, character classes (Thai, invisible, PUA);
- `build`: `Para`, `Run`, `paragraph_xml`, `table_xml`, `grid_xml`, `Xml`...;
- `order`: schema orders of property elements and sorting by them (rule 6);
- `runs`: run-level fixes: Thai marking, invisible characters, merging (rules 2, 4, 6);
- `fix`: one part fixed in place (`fix_part`: rules 2-6; `fix_settings`: rule 1; `set_digits`);
- `package`: members and the whole .docx (`fix_root`, `fix_member`, `part_bytes`, `fix_package`);
- `audit`: findings of rules 1-6 (`audit_part`, `audit_package`);
- `text`: the visible text of a .docx (`document_text`).
"""

from __future__ import annotations

from lxml import etree  # ``ooxml.etree``: the lxml module these parts are parsed with

from .audit import audit_package, audit_part
from .build import (
    Para,
    Run,
    Xml,
    centred_block_xml,
    cover_section_xml,
    grid_xml,
    paragraph_xml,
    parts_xml,
    runs_from_markup,
    table_xml,
)
from .fix import fix_part, fix_settings, set_digits
from .names import (
    BOLD,
    INVISIBLE,
    NSMAP,
    PUA,
    SYMBOL_FONTS,
    THAI,
    TWINS,
    W_NS,
    WORD_URI,
    W,
)
from .order import (
    AFTER_COMPAT,
    PPR_ORDER,
    PROPERTY_ORDERS,
    RPR_ORDER,
    SECTPR_ORDER,
    TBLPR_ORDER,
    TBLPREX_ORDER,
    TCPR_ORDER,
    TRPR_ORDER,
)
from .package import (
    FIXED_TIME,
    fix_member,
    fix_package,
    fix_root,
    is_fixed_member,
    part_bytes,
)
from .text import document_text

__all__ = [
    "AFTER_COMPAT",
    "BOLD",
    "FIXED_TIME",
    "INVISIBLE",
    "NSMAP",
    "PPR_ORDER",
    "PROPERTY_ORDERS",
    "PUA",
    "RPR_ORDER",
    "SECTPR_ORDER",
    "SYMBOL_FONTS",
    "TBLPREX_ORDER",
    "TBLPR_ORDER",
    "TCPR_ORDER",
    "THAI",
    "TRPR_ORDER",
    "TWINS",
    "WORD_URI",
    "W_NS",
    "Para",
    "Run",
    "W",
    "Xml",
    "audit_package",
    "audit_part",
    "centred_block_xml",
    "cover_section_xml",
    "document_text",
    "etree",
    "fix_member",
    "fix_package",
    "fix_part",
    "fix_root",
    "fix_settings",
    "grid_xml",
    "is_fixed_member",
    "paragraph_xml",
    "part_bytes",
    "parts_xml",
    "runs_from_markup",
    "set_digits",
    "table_xml",
]
