"""User-facing messages in Thai (default) and English.

The language is Thai unless ``ITA_DOCS_LANG=en`` is set or the CLI is given
``--lang en``. Messages are looked up by id and formatted with ``str.format``.

The wording is data, not code: one TOML file per concern beside this module, each message a
table ``[id]`` with ``th`` and ``en``: ``content.toml`` (a content set's problems and
warnings), ``expressions.toml`` (``{{ }}`` in content and templates), ``templates.toml`` (the
template check), ``commands.toml`` (the CLI, PDF, output folders, scores) and ``workbench.toml``
(``ita-docs serve``). They are read once, on the first message (stdlib ``tomllib``, ~4 ms);
`MESSAGES` (``{id: (Thai, English)}``) is that merged table. An id in two files is an error.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from importlib import resources
from typing import Any

_LANG: list[str] = [os.environ.get("ITA_DOCS_LANG", "th").lower()[:2]]

#: The message files, by concern, in the order they are merged.
FILES = ("content", "expressions", "templates", "commands", "workbench")

KIND_TH = {
    "division": "หน่วยงาน (division)",
    "measure": "มาตรการ (measure)",
    "person": "บุคคลหรือกรรมการ (person)",
    "member": "กรรมการ (member)",
    "committee": "คณะกรรมการ (committee)",
    "minutes": "รายงานการประชุม (minutes)",
}


def table(name: str) -> dict[str, tuple[str, str]]:
    """The messages of ``<name>.toml`` (one of `FILES`): ``{id: (Thai, English)}``."""
    data = tomllib.loads((resources.files(__name__) / f"{name}.toml").read_text(encoding="utf-8"))
    return {key: (value["th"], value["en"]) for key, value in data.items()}


@cache
def _messages() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for name in FILES:
        part = table(name)
        twice = sorted(set(part) & set(merged))
        if twice:
            raise RuntimeError(f"message ids in two files of ita_docs/messages ({name}.toml): {twice}")
        merged.update(part)
    return merged


def __getattr__(name: str) -> Any:  # PEP 562: MESSAGES is read on first use
    if name == "MESSAGES":
        return _messages()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    th, en = _messages()[message_id]
    if "kind" in params:
        params.setdefault("kind_th", KIND_TH.get(str(params["kind"]), str(params["kind"])))
    return (en if _LANG[0] == "en" else th).format(**params)
