"""What `new_set` and `next_year` share: the YAML text both write and writing a whole set.

The text: `SCHEMA_LINE` (the first line of every file), `scalar` (a YAML scalar
that reads back as the same text), `thai_year` (BE years in comments) and
`assessment_yaml` (the placeholder ``assessment:`` block of a year whose results
are not in yet). The writing: `write_set` stages every file beside the target
folder, loads the staged set with `ita_docs.load.validate.load`, then renames the files
into place, so a set is written whole or not at all (`check_target` refuses a
folder that is not empty).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from pathlib import Path

import yaml

from ..analyse import rules as analysis
from ..errors import ContentError, ContentErrors, Location, OutputError
from ..load.validate import load
from ..messages import language, msg
from ..model import Assessment, schema

SCHEMA_LINE = f"# yaml-language-server: $schema={schema.FILENAME}\n"
FILL_SCORES = "แก้เป็นคะแนนจริงจากประกาศของสำนักงาน ป.ป.ช."

MESSAGES = {  # id -> (Thai, English)
    "not_empty": (
        "โฟลเดอร์นี้มีไฟล์อยู่แล้ว: เลือกโฟลเดอร์ใหม่หรือโฟลเดอร์ว่าง (ไม่เขียนทับเนื้อหาเดิม)",
        "the folder is not empty: choose a new or empty folder (existing content is never overwritten)",
    ),
    "not_folder": ("มีไฟล์ชื่อนี้อยู่แล้ว ต้องเป็นโฟลเดอร์", "a file of that name exists; a folder is needed"),
    "empty_name": ("ชื่อหน่วยงานและจังหวัดต้องไม่ว่าง", "the organisation's name and province must not be empty"),
}


def message(message_id: str, **params: object) -> str:
    """The message ``message_id`` of `MESSAGES` in the user's language (`ita_docs.messages.language`)."""
    th, en = MESSAGES[message_id]
    return (en if language() == "en" else th).format(**params)


def thai_year(year: int) -> str:
    """A BE year in Thai digits, for comments (``2566`` -> ``๒๕๖๖``)."""
    return str(year).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


class TextDates(yaml.SafeLoader):
    """YAML as `ita_docs.load.loader` reads it: dates stay text."""


TextDates.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)  # type: ignore[type-var]  # types-PyYAML takes only the stock loaders' own methods


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when that reads back as the same text, else double-quoted.

    >>> scalar("องค์การบริหารส่วนตำบลหัวโพ"), scalar("yes"), scalar("a: b"), scalar("2566")
    ('องค์การบริหารส่วนตำบลหัวโพ', '"yes"', '"a: b"', '"2566"')
    """
    text = str(text)
    plain = (
        text == text.strip()
        and text
        and "\n" not in text
        and " #" not in text
        and not text.startswith(tuple("#&*!|>'\"%@`{[-?:,"))
    )
    if plain:
        try:
            if yaml.load(f"k: {text}", Loader=TextDates) == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)


# --------------------------------------------------------------------------- writing a whole set


def check_target(folder: Path) -> None:
    """Raise `OutputError` unless ``folder`` is missing or an empty folder."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(message("not_folder"), folder)
    if folder.is_dir() and any(folder.iterdir()):
        raise OutputError(message("not_empty"), folder)


def write_set(folder: Path, files: dict[str, str], copies: dict[str, Path] | None = None) -> list[Path]:
    """Write ``files`` (name -> text) and ``copies`` (relative name -> source file) as the set ``folder``.

    Staged beside ``folder``, loaded (`ContentErrors` names the files as they would
    have been), then renamed into place. Nothing is left behind on failure.
    """
    check_target(folder)
    given, folder = folder, folder.absolute()
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = folder.parent / f".{folder.name}.tmp-{secrets.token_hex(4)}"
        staging.mkdir()
    except OSError as exc:
        raise OutputError(str(exc.strerror or exc), folder) from None
    try:
        try:
            for name, text in files.items():
                (staging / name).write_text(text, encoding="utf-8")
            for name, source in (copies or {}).items():
                (staging / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, staging / name)
            schema.write_schema(staging / schema.FILENAME, fragment=True)
        except OSError as exc:
            raise OutputError(str(exc.strerror or exc), folder) from None
        try:
            load(staging)
        except ContentErrors as exc:
            for e in exc.errors:
                if e.location.file is not None and Path(e.location.file).is_relative_to(staging):
                    e.location.file = folder / Path(e.location.file).relative_to(staging)
            raise
        check_target(folder)  # still empty: nothing was written there meanwhile
        try:
            if folder.exists():
                for entry in sorted(staging.iterdir()):
                    os.replace(entry, folder / entry.name)
            else:
                os.rename(staging, folder)
        except OSError as exc:
            raise OutputError(str(exc.strerror or exc), folder) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return sorted(given / p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


# --------------------------------------------------------------------------- the assessment placeholder


def assessment_yaml(year: int, previous: dict[int, float], notes: list[str]) -> str:
    """The ``assessment:`` block of a year whose results are not in yet: every score left blank.

    ``year`` is the assessed year (BE, with framework data, else `KeyError`),
    ``previous`` the earlier overall scores by BE year, ``notes`` comment lines
    written under the heading. Each indicator is a key with no value (``1:``),
    which `ita_docs.model.Assessment` reads as not entered: never 0, which
    would be a result (and a report saying ต้องปรับปรุงโดยด่วน).
    """
    fw = analysis.framework(year)
    lines = [
        f"# ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {thai_year(year)} (ปีที่ประเมิน) ตามประกาศของสำนักงาน ป.ป.ช.",
        *notes,
    ]
    lines += [
        f"# คะแนนยังว่างไว้: {FILL_SCORES} (พิมพ์ต่อจาก : เช่น  1: 92.15)",
        "# หรือเติมจากตารางคำนวณ: ita-docs scores template คะแนน.xlsx แล้ว ita-docs scores import คะแนน.xlsx โฟลเดอร์นี้",
        "# ระหว่างที่ยังไม่มีคะแนน เอกสารอื่นสร้างได้ แต่รายงานการวิเคราะห์และสไลด์จะรอคะแนน",
        '# คะแนนเป็นตัวเลข 0-100 เช่น 85.85 (ไม่ใช่ "๘๕.๘๕") โปรแกรมพิมพ์เป็นเลขไทยเอง',
        "assessment:",
        f"  year: {year}          # ปีงบประมาณที่ประเมิน (พ.ศ.): ใช้เกณฑ์การประเมินของปีนี้",
    ]
    if Assessment.model_fields["overall"].is_required():
        lines.append(f"  overall:          # คะแนนรวม: {FILL_SCORES}")
    else:
        lines.append(
            "  # overall ไม่ต้องใส่: โปรแกรมคำนวณจากคะแนนตามน้ำหนักในเกณฑ์ของปีนี้ (ใส่เองได้ เช่น overall: 85.85)"
        )
    lines += [
        "  # level ไม่ต้องใส่: โปรแกรมคำนวณตามเกณฑ์ของปีนี้ (ใส่เองได้ตามที่ประกาศ เช่น level: ผ่าน)",
        "  # tools: {iit: 90.5, eit: 88.2, oit: 95}   # คะแนนรายเครื่องมือ เต็ม 100 (ไม่ใส่ = คำนวณจากตัวชี้วัด)",
        f"  # คะแนนรายตัวชี้วัด (เลขตัวชี้วัด: คะแนน): {FILL_SCORES}",
        "  indicators:",
    ]
    width = max(len(str(n)) for n in fw.indicators)
    for n, spec in fw.indicators.items():
        lines.append(f"    {n}:{' ' * (width - len(str(n)) + 8)}# {spec.name} ({spec.tool.upper()})")
    if previous:
        lines.append("  # คะแนนรวมของปีก่อน ๆ (ปี พ.ศ.: คะแนน) ใช้คำนวณคะแนนที่เพิ่มขึ้นหรือลดลง")
        lines.append("  previous:")
        lines += [f"    {y}: {previous[y]:g}" for y in sorted(previous)]
    else:
        lines += [
            "  # คะแนนรวมของปีก่อน ๆ (ปี พ.ศ.: คะแนน) ใช้คำนวณคะแนนที่เพิ่มขึ้นหรือลดลง เช่น",
            "  # previous:",
            f"  #   {year - 1}: 85.85",
        ]
    lines += [
        "  # คะแนนรายข้อ (ไม่บังคับ) ใช้อ้างในรายงานการวิเคราะห์ เช่น",
        "  # items:",
        "  #   - {code: e7, score: 88.5, title: หน่วยงานมีการเผยแพร่ผลงานหรือข้อมูลที่สาธารณชนควรรับทราบอย่างชัดเจน}",
    ]
    return "\n".join(lines) + "\n"


def no_framework(year: int, field: str) -> ContentErrors:
    """The error (to raise) for a ``year`` without framework data, located at ``field``."""
    years = ", ".join(map(str, analysis.framework_years()))
    return ContentErrors([ContentError(msg("no_framework", year=year, years=years), Location(field=field))])
