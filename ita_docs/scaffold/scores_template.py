"""`ita-docs scores template`: the score spreadsheet the NACC's published scores are typed into.

`template` writes an .xlsx (openpyxl) with Thai headers (`HEADERS`), one sheet per kind of
score; `ita_docs.scaffold.scores` reads it back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..analyse import rules as analysis
from ..errors import OutputError
from ..messages import msg

CODE, LABEL, SCORE = "รหัส", "รายการ", "คะแนน"
HEADERS = (CODE, LABEL, SCORE)
SUMMARY, INDICATORS, SUBS, ITEMS, PREVIOUS = "ผลการประเมิน", "ตัวชี้วัด", "ตัวชี้วัดย่อย", "รายข้อ", "ปีก่อน ๆ"


def template(
    path: Path,
    year: int,
    *,
    names: dict[int, str] | None = None,
    item_titles: dict[str, str] | None = None,
    previous: dict[int, float] | None = None,
    force: bool = False,
) -> Path:
    """Write the score workbook of assessed ``year`` (BE, with framework data, else `KeyError`) to ``path``.

    ``names`` / ``item_titles`` override the framework's indicator names and OIT
    item titles (a content set's); ``previous`` pre-fills earlier overall scores.
    Raises `OutputError` when ``path`` exists (unless ``force``) or cannot be written.
    """
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
    from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

    path = Path(path)
    if path.exists() and not force:
        raise OutputError(msg("scores_exists"), path)
    fw = analysis.framework(year)
    titles = {**fw.items, **(item_titles or {})}
    sheets: dict[str, list[tuple[str, str, Any]]] = {
        SUMMARY: [
            ("year", "ปีงบประมาณที่ประเมิน (พ.ศ.)", year),
            ("overall", "คะแนนรวม (ว่างไว้ได้: โปรแกรมคำนวณให้)", None),
            ("level", "ระดับผลการประเมิน (ว่างไว้ได้: โปรแกรมคำนวณให้)", None),
        ]
        + [(t, f"{spec.name} ({t.upper()}) เต็ม ๑๐๐", None) for t, spec in fw.tools.items()],
        INDICATORS: [
            (str(n), f"{(names or {}).get(n) or spec.name} ({spec.tool.upper()})", None)
            for n, spec in fw.indicators.items()
        ],
        SUBS: [(code, name, None) for code, name in fw.sub_indicators.items()],
        ITEMS: [(code, titles[code], None) for code in sorted(titles, key=lambda c: (c[0], int(c[1:])))],
        PREVIOUS: [
            (str(y), f"คะแนนรวมปี {y}", (previous or {}).get(y))
            for y in sorted({year - 3, year - 2, year - 1, *(previous or {})})
        ],
    }
    wb = Workbook()
    wb.remove(wb.active)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        ws.append(list(HEADERS))
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
        for code, label, value in rows:
            ws.append([code, label, value])
        last = max(len(rows) + 1, 2) + (
            40 if name in (ITEMS, PREVIOUS) else 0
        )  # room for rows the clerk adds
        for r in range(2, last + 1):
            ws.cell(r, 1).number_format = "@"  # codes stay text: 9.1 is not a number
            ws.cell(r, 3).number_format = "0.00"
        scores = DataValidation(
            type="decimal",
            operator="between",
            formula1="0",
            formula2="100",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="คะแนน",
            error="คะแนนเป็นตัวเลข 0 ถึง 100 เช่น 85.85",
        )
        first = 3 if name == SUMMARY else 2
        if name == SUMMARY:
            ws["C2"].number_format = "0"
            years = DataValidation(
                type="whole",
                operator="between",
                formula1="2500",
                formula2="2700",
                showErrorMessage=True,
                errorTitle="ปี พ.ศ.",
                error="ปีงบประมาณ พ.ศ. เช่น 2569",
            )
            levels = DataValidation(
                type="list", formula1='"' + ",".join(rule.level for rule in fw.levels) + '"', allow_blank=True
            )
            ws.add_data_validation(years)
            ws.add_data_validation(levels)
            years.add("C2")
            levels.add("C4")
            ws["C4"].number_format = "@"
            first = 5
        ws.add_data_validation(scores)
        scores.add(f"C{first}:C{last}")
        if name == SUMMARY:
            scores.add("C3")
        ws.column_dimensions["A"].width, ws.column_dimensions["B"].width, ws.column_dimensions["C"].width = (
            10,
            70,
            12,
        )
        for row in ws.iter_rows(min_row=2, max_col=2):
            row[1].alignment = Alignment(wrap_text=True)
        ws.freeze_panes = "A2"
    try:
        wb.save(path)
    except OSError as exc:
        raise OutputError(str(exc.strerror or exc), path) from None
    return path


__all__ = [
    "CODE",
    "HEADERS",
    "INDICATORS",
    "ITEMS",
    "LABEL",
    "PREVIOUS",
    "SCORE",
    "SUBS",
    "SUMMARY",
    "template",
]
