"""User-facing messages in Thai (default) and English.

The language is Thai unless ``ITA_DOCS_LANG=en`` is set or the CLI is given
``--lang en``. Messages are looked up by id and formatted with ``str.format``.

`MESSAGES` maps every id to its (Thai, English) pair; the table is kept by concern in the
modules of this package: `content` (a content set's problems and warnings), `expressions`
(``{{ }}`` in content and templates), `templates` (the template check), `commands` (the CLI,
PDF, output folders, scores) and `workbench` (``ita-docs serve``).
"""

from __future__ import annotations

import os

from .commands import COMMANDS
from .content import CONTENT
from .expressions import EXPRESSIONS
from .templates import TEMPLATES
from .workbench import WORKBENCH

_LANG: list[str] = [os.environ.get("ITA_DOCS_LANG", "th").lower()[:2]]

MESSAGES: dict[str, tuple[str, str]] = {**CONTENT, **EXPRESSIONS, **TEMPLATES, **COMMANDS, **WORKBENCH}

KIND_TH = {
    "division": "หน่วยงาน (division)",
    "measure": "มาตรการ (measure)",
    "person": "บุคคลหรือกรรมการ (person)",
    "member": "กรรมการ (member)",
    "committee": "คณะกรรมการ (committee)",
    "minutes": "รายงานการประชุม (minutes)",
}


def set_language(lang: str) -> None:
    """Choose ``th`` or ``en`` for all later messages."""
    _LANG[0] = "en" if lang.lower().startswith("en") else "th"


def language() -> str:
    return _LANG[0]


def msg(message_id: str, **params: object) -> str:
    """Format message ``message_id`` in the current language.

    >>> set_language("th"); msg("missing", field="overall")
    "ขาดข้อมูลที่จำเป็น 'overall'"
    """
    th, en = MESSAGES[message_id]
    if "kind" in params:
        params.setdefault("kind_th", KIND_TH.get(str(params["kind"]), str(params["kind"])))
    return (en if _LANG[0] == "en" else th).format(**params)
