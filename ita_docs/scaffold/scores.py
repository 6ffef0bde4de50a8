"""`ita-docs scores`: a spreadsheet for the NACC's published scores, and reading it back.

`template` writes an .xlsx (openpyxl) with Thai headers, one sheet per kind of
score, every sheet with the columns รหัส (code) | รายการ (what it is) | คะแนน
(score): ผลการประเมิน (year, overall, level, the three tools), ตัวชี้วัด (the ten
indicators), ตัวชี้วัดย่อย (9.x/10.x), รายข้อ (the year's OIT items; IIT/EIT
questions may be added as rows i1, e7...), ปีก่อน ๆ (earlier overall scores by BE
year). Score cells carry Excel data validation (a decimal from 0 to 100).

`read` takes that workbook, or a .csv with the same three columns, and returns
the `Scores` it holds, or raises `ContentErrors` naming every bad cell at once
(``ชีต!C5`` for a workbook, the line for a CSV) with the reason in Thai: text in
a score cell, a score outside 0-100, an unknown code, a repeated code. The code
alone says where a score goes (`kind_of`), so rows may be in any sheet and order.
The template is written by `ita_docs.scaffold.scores_template` (`template` is re-exported
here); writing the scores into a content set is `ita_docs.scaffold.scores_yaml`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..analyse import rules as analysis
from ..errors import ContentError, ContentErrors, Location
from ..messages import msg
from .scores_template import CODE, HEADERS, LABEL, SCORE, template

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_ITEM = re.compile(r"^[ieo][0-9]{1,3}$")


@dataclass
class Scores:
    """What a score sheet holds; every part optional (a blank cell is not entered).

    ``items`` maps an item code (``o10``) to its score and the row's title (or None).
    """

    year: int | None = None
    overall: float | None = None
    level: str | None = None
    tools: dict[str, float] = field(default_factory=dict)
    indicators: dict[int, float] = field(default_factory=dict)
    sub_indicators: dict[str, float] = field(default_factory=dict)
    items: dict[str, tuple[float, str | None]] = field(default_factory=dict)
    previous: dict[int, float] = field(default_factory=dict)

    def count(self) -> int:
        """How many values the sheet gives (the year not counted)."""
        return (
            sum(x is not None for x in (self.overall, self.level))
            + len(self.tools)
            + len(self.indicators)
            + len(self.sub_indicators)
            + len(self.items)
            + len(self.previous)
        )


@dataclass(frozen=True)
class Row:
    """One row of a sheet: where its score cell and code cell are (for messages), code, label and
    score cell value as read."""

    where: Location
    code_at: Location
    code: Any
    label: Any
    value: Any


# --------------------------------------------------------------------------- reading


def rows(path: Path) -> list[Row]:
    """Every row of the workbook's sheets (or of the CSV) below the header, located.

    Raises `ContentErrors` for a file that is neither .xlsx nor .csv, cannot be
    opened, or has a sheet without the รหัส and คะแนน headers.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv"):
        raise ContentErrors([ContentError(msg("scores_kind"), Location(path))])
    try:
        tables = _csv(path) if suffix == ".csv" else _xlsx(path)
    except (OSError, ValueError, KeyError, UnicodeDecodeError) as exc:
        raise ContentErrors([ContentError(msg("scores_unreadable", error=exc), Location(path))]) from None
    out: list[Row] = []
    errors: list[ContentError] = []
    for sheet, table in tables:
        header = [str(v).strip() if v is not None else "" for v in (table[0] if table else [])]
        if CODE not in header or SCORE not in header:
            where = Location(path, 1 if sheet is None else None, field="" if sheet is None else f"{sheet}!A1")
            errors.append(ContentError(msg("scores_header"), where))
            continue
        at = {name: header.index(name) for name in HEADERS if name in header}
        for r, values in enumerate(table[1:], 2):
            got = {name: values[i] if i < len(values) else None for name, i in at.items()}
            out.append(
                Row(
                    _cell(path, sheet, r, at[SCORE]),
                    _cell(path, sheet, r, at[CODE]),
                    got[CODE],
                    got.get(LABEL),
                    got[SCORE],
                )
            )
    if errors:
        raise ContentErrors(errors)
    return out


def _cell(path: Path, sheet: str | None, row: int, col: int) -> Location:
    """Where a cell is: ``sheet!C5`` in a workbook, line and column in a CSV (``col`` 0-based)."""
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    if sheet is None:
        return Location(path, row, col + 1)
    return Location(path, field=f"{sheet}!{get_column_letter(col + 1)}{row}")


def _ranges(codes: set[str]) -> str:
    """OIT codes as ranges: {o1, o2, o3, o5} -> "o1-o3, o5".

    >>> _ranges({"o1", "o2", "o3", "o5"})
    'o1-o3, o5'
    """
    numbers = sorted(int(c[1:]) for c in codes if c.startswith("o") and c[1:].isdigit())
    spans: list[list[int]] = []
    for n in numbers:
        if spans and spans[-1][1] == n - 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"o{a}" if a == b else f"o{a}-o{b}" for a, b in spans) or "-"


def _xlsx(path: Path) -> list[tuple[str | None, list[tuple[Any, ...]]]]:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        return [(ws.title, [tuple(r) for r in ws.iter_rows(values_only=True)]) for ws in wb.worksheets]
    finally:
        wb.close()


def _csv(path: Path) -> list[tuple[str | None, list[tuple[Any, ...]]]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [(None, [tuple(r) for r in csv.reader(f)])]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _code(value: Any) -> str:
    """A code cell as text: 1 -> "1", 9.1 -> "9.1", " O10 " -> "o10", "๙.๑" -> "9.1"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip().translate(_THAI_DIGITS).lower()


def _number(value: Any) -> float | None:
    """A score cell's number (a number, or text that is one, in Arabic or Thai digits), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip().translate(_THAI_DIGITS).replace(",", ""))
    except ValueError:
        return None


def kind_of(code: str, fw: analysis.Framework, known_items: set[str]) -> str | None:
    """Where the score of ``code`` goes: ``year``, ``overall``, ``level``, ``tool``, ``indicator``,
    ``sub``, ``item``, ``previous``; ``unknown_item`` for an OIT code the year does not have; else None."""
    if code in ("year", "overall", "level"):
        return code
    if code in analysis.TOOLS:
        return "tool"
    if code.isdigit() and int(code) in fw.indicators:
        return "indicator"
    if code in fw.sub_indicators:
        return "sub"
    if _ITEM.match(code):
        return "item" if code[0] != "o" or not known_items or code in known_items else "unknown_item"
    if re.fullmatch(r"25[0-9]{2}|26[0-9]{2}|2700", code):
        return "previous"
    return None


def read(path: Path, year: int | None = None, item_titles: dict[str, str] | None = None) -> Scores:
    """The `Scores` of a score file; ``year`` is the content's assessed year, if known.

    Raises `ContentErrors` listing every bad cell (nothing is returned then):
    text in a score cell, a score outside 0-100, an unknown or repeated code, a
    level the year does not have, a year that is not BE or not the content's.
    """
    found = rows(path)
    errors: list[ContentError] = []
    sheet_year = next((r for r in found if _code(r.code) == "year" and not _blank(r.value)), None)
    out = Scores()
    if sheet_year is not None:
        y = _number(sheet_year.value)
        if y is None or not y.is_integer() or not 2500 <= y <= 2700:
            errors.append(ContentError(msg("scores_year", input=sheet_year.value), sheet_year.where))
        elif year is not None and int(y) != year:
            errors.append(
                ContentError(msg("scores_year_mismatch", year=int(y), set_year=year), sheet_year.where)
            )
        else:
            out.year = int(y)
    out.year = out.year or year
    if out.year is None:
        raise ContentErrors(errors or [ContentError(msg("scores_no_year"), Location(Path(path)))])
    try:
        fw = analysis.framework(out.year)
    except KeyError:
        years = ", ".join(map(str, analysis.framework_years()))
        where = sheet_year.where if sheet_year is not None else Location(Path(path))
        raise ContentErrors([ContentError(msg("no_framework", year=out.year, years=years), where)]) from None
    known = set(fw.items) | set(item_titles or {})
    seen: dict[str, Location] = {}
    for r in found:
        if _blank(r.code):
            if not _blank(r.value):
                errors.append(ContentError(msg("scores_no_code"), r.where))
            continue
        code = _code(r.code)
        kind = kind_of(code, fw, known)
        if kind is None:
            errors.append(
                ContentError(
                    msg("scores_unknown", code=r.code, year=out.year, subs=", ".join(fw.sub_indicators)),
                    r.code_at,
                )
            )
            continue
        if kind == "unknown_item":
            errors.append(
                ContentError(
                    msg("scores_unknown_item", code=code, year=out.year, known=_ranges(known)), r.code_at
                )
            )
            continue
        if kind == "year" or _blank(r.value):
            continue
        if code in seen:
            errors.append(
                ContentError(
                    msg("scores_duplicate", code=code, other=seen[code].field or seen[code].line), r.code_at
                )
            )
            continue
        seen[code] = r.code_at
        if kind == "level":
            levels = [rule.level for rule in fw.levels]
            if str(r.value).strip() not in levels:
                errors.append(
                    ContentError(msg("scores_level", levels=", ".join(levels), input=r.value), r.where)
                )
            else:
                out.level = str(r.value).strip()
            continue
        value = _number(r.value)
        if value is None:
            errors.append(ContentError(msg("scores_text", input=r.value), r.where))
            continue
        if not 0 <= value <= 100:
            errors.append(ContentError(msg("scores_range", input=r.value), r.where))
            continue
        value = round(value, 2)
        if kind == "overall":
            out.overall = value
        elif kind == "tool":
            out.tools[code] = value
        elif kind == "indicator":
            out.indicators[int(code)] = value
        elif kind == "sub":
            out.sub_indicators[code] = value
        elif kind == "item":
            label = None if _blank(r.label) else str(r.label).strip()
            out.items[code] = (value, label)
        else:
            out.previous[int(code)] = value
    if errors:
        raise ContentErrors(errors)
    return out


__all__ = ["HEADERS", "Row", "Scores", "kind_of", "read", "rows", "template"]
