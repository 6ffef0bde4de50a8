"""Write ``docs/vocabulary.md`` from `ita_docs.context.vocabulary` (run: ``python tools/gen_docs.py``).

The page lists every name content text may use inside ``{{ }}`` and every
Thai filter, in Thai and English, with examples; it is generated so that it
cannot drift from the code (``tests/context/test_vocabulary.py`` compares the
committed file with `vocabulary_markdown`). After writing, the script prints a
short table for the README.

``--check`` writes nothing and exits 1 when the committed page is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from ita_docs.context import vocabulary
from ita_docs.context.vocabulary import FILTERS, GROUPS, NAMES

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "vocabulary.md"


def _code(text: str) -> str:
    """``text`` as inline code inside a Markdown table cell (pipes escaped)."""
    return "`" + text.replace("|", "\\|") + "`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


RULES_TH = [
    "ข้อความใดในเนื้อหา (YAML) ใส่ `{{ ชื่อ }}` เพื่ออ้างข้อมูลได้ โปรแกรมแทนที่ด้วยค่าจริงเมื่อสร้างเอกสาร",
    "**คะแนนเป็นข้อความที่จัดรูปแบบแล้ว**: ทศนิยม ๒ ตำแหน่ง เป็นเลขไทยหรือเลขอารบิกตาม `digits` ของเนื้อหา"
    " (เช่น `{{ overall }}` → ๘๕.๘๕) ค่าที่เปลี่ยนไปมีเครื่องหมาย (+๒.๖๒) คะแนนที่ไม่รู้ค่าเป็นข้อความว่าง"
    " ตัวเลขของคะแนนสำหรับเปรียบเทียบใน `{% if %}` คือ `value` (เช่น `indicators[9].value`)",
    "ยกเว้น `assessment` ซึ่งเป็นข้อมูลผลการประเมินตามที่เขียนในเนื้อหา (ตัวเลข) พิมพ์คะแนนด้วย `|score`"
    " เช่น `{{ assessment.indicators[9]|score }}`",
    "**จำนวนเต็มเป็นตัวเลข** (ปี จำนวน อันดับ เลขตัวชี้วัด น้ำหนัก) พิมพ์เป็นเลขตามเอกสารเอง ปี พ.ศ. พิมพ์ด้วย `|fiscal_digits`",
    "ทุกค่าอ่านได้อย่างเดียว นิพจน์แก้ไขเนื้อหาไม่ได้",
    "ชื่อที่คำนวณจากผลการประเมิน (`overall` `level` `pass_mark` `previous_overall` `change` `tools` `indicators`"
    " `ranking` `lowest` `highest` `below_pass`) มีเมื่อเนื้อหามี `assessment`; `committee` มีเมื่อมีคณะกรรมการคณะเดียว",
    "พิมพ์ชื่อผิด โปรแกรมจะบอกชื่อที่ใกล้เคียง (หมายถึง ... หรือไม่?) และรายการชื่อที่ใช้ได้",
]
RULES_EN = [
    "Any content text (YAML) may refer to data with `{{ name }}`; it is replaced by the value when documents are built.",
    "**Scores are formatted text**: two decimals, Thai or Arabic digits as the content's `digits` says"
    " (`{{ overall }}` → ๘๕.๘๕); changes are signed (+๒.๖๒); an unknown score is empty text."
    " The number behind a score, for comparisons in `{% if %}`, is `value` (e.g. `indicators[9].value`).",
    "The exception is `assessment`: the content's assessment as written (numbers); print its scores with `|score`,"
    " e.g. `{{ assessment.indicators[9]|score }}`.",
    "**Whole numbers are numbers** (years, counts, ranks, indicator numbers, weights) and print in the document's"
    " digits; print BE years with `|fiscal_digits`.",
    "Every value is read-only: expressions cannot change content.",
    "Names computed from the assessment (`overall`, `level`, `pass_mark`, `previous_overall`, `change`, `tools`,"
    " `indicators`, `ranking`, `lowest`, `highest`, `below_pass`) exist when the content has `assessment`;"
    " `committee` when it has exactly one committee.",
    "A misspelt name is answered with the closest valid name (did you mean ...?) and the list of valid names.",
]


def vocabulary_markdown() -> str:
    """The text of ``docs/vocabulary.md``."""
    out = [
        "# ชื่อที่ใช้ในข้อความ · Vocabulary",
        "",
        "<!-- Generated from ita_docs/vocabulary.py by `python tools/gen_docs.py`: do not edit by hand. -->",
        "",
        "ชื่อและตัวกรองที่ใช้ใน `{{ }}` ของข้อความในเนื้อหาได้ ทั้งหมดมาจาก `ita_docs/vocabulary.py`"
        " (ชุดเดียวกับที่โปรแกรมใช้จริง)",
        "",
        "The names and filters content text may use inside `{{ }}`, all from `ita_docs/vocabulary.py`"
        " (the same set the program uses).",
        "",
        "## กติกา · Rules",
        "",
        *[f"- {t}" for t in RULES_TH],
        "",
        *[f"- {t}" for t in RULES_EN],
        "",
    ]
    for group, (th, en) in GROUPS.items():
        out += [
            f"## {th} · {en}",
            "",
            "| ชื่อ · name | ความหมาย | meaning | ตัวอย่าง · example |",
            "|---|---|---|---|",
        ]
        for n in NAMES:
            if n.group == group:
                out.append(f"| {_code(n.name)} | {_cell(n.th)} | {_cell(n.en)} | {_code(n.example)} |")
        out.append("")
    out += [
        "## ตัวกรอง · Filters",
        "",
        "ใช้หลังค่าด้วย `|` เช่น `{{ fiscal_year|fiscal_digits }}` ผลลัพธ์เป็นเลขไทยหรือเลขอารบิกตามเอกสาร"
        " ใช้ตัวกรองมาตรฐานของ Jinja ได้ด้วย (`upper`, `join`, `length`, `default`, `round` ...)",
        "",
        "Written after a value with `|`; digits follow the document. Jinja's own filters work too.",
        "",
        "| ตัวกรอง · filter | ใช้ · usage | ความหมาย | meaning | ตัวอย่าง · example |",
        "|---|---|---|---|---|",
    ]
    for f in FILTERS:
        shown = f.shown or str(f.value)
        example = f"{_cell(shown)} → {_cell(vocabulary.filter_example(f, 'thai'))}"
        out.append(f"| `{f.name}` | {_code(f.usage)} | {_cell(f.th)} | {_cell(f.en)} | {example} |")
    out += [
        "",
        "## แม่แบบ · Templates",
        "",
        "แม่แบบ (.docx) ใช้ตัวกรองชุดเดียวกัน ชื่อข้อมูลในแม่แบบแต่ละฉบับมาจากโปรแกรมสร้างเอกสารฉบับนั้น"
        " `ita-docs check --templates โฟลเดอร์` ตรวจแม่แบบ: แท็กที่เปิดไม่ปิด ชื่อหรือตัวกรองที่ไม่รู้จัก"
        " เครื่องหมายคำพูดแบบโค้ง และแท็กที่ถูกแบ่งรูปแบบ",
        "",
        "Templates (.docx) use the same filters; the names in each template are those its document type provides."
        " `ita-docs check --templates DIR` checks templates: unclosed tags, unknown names or filters, curly quotes"
        " and tags split across differently formatted runs.",
        "",
    ]
    return "\n".join(out)


def readme_table() -> str:
    """A short table of the names for the README: one row per top-level name, with its parts."""
    rows = ["| ชื่อ · name | ใช้ได้ · parts | ตัวอย่าง · example |", "|---|---|---|"]
    for top in vocabulary.names():
        entries = [n for n in NAMES if n.top == top]
        rests = [n.name[len(top) :] for n in entries]
        if any(r in ("", "(3)") or "." not in r for r in rests):
            parts = entries[0].th
        else:
            stem = rests[0].rsplit(".", 1)[0]
            parts = f"{top}{stem}." + " .".join(
                r.rsplit(".", 1)[1] if r.startswith(stem + ".") else r for r in rests
            )
        rows.append(f"| `{top}` | {_cell(parts)} | {_code(entries[0].example)} |")
    filters = " ".join(f"`{f.name}`" for f in FILTERS)
    rows.append(f"| ตัวกรอง · filters | {filters} | {_code('{{ fiscal_year|fiscal_digits }}')} |")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    text = vocabulary_markdown()
    if "--check" in argv:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.relative_to(ROOT)} is stale: run python tools/gen_docs.py", file=sys.stderr)
            return 1
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}\n")
    print("README table:\n")
    print(readme_table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
