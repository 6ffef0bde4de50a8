"""Content that used to crash the loader is reported like any other content error.

Each case: exit status 2 (or `ContentErrors`), the right file and line, a Thai
message a clerk understands, nothing written, never the internal-error message.
The corpus of such files is ``tests/bad_inputs/`` (see its README).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from ita_docs import cli, messages
from ita_docs.errors import ContentErrors
from ita_docs.load import loader
from ita_docs.load.validate import load

from ..conftest import copy_sample, edit_text, grey_png

REPO = Path(__file__).resolve().parents[2]
BAD = Path(__file__).resolve().parents[1] / "bad_inputs"
BAD_FILES = sorted(BAD.glob("*.yaml"))

MINIMAL = """\
fiscal_year: 2566
organisation:
  name: องค์การบริหารส่วนตำบลทดสอบ
  kind: อบต.
  province: ราชบุรี
measures:
  - id: m1
    title: มาตรการทดสอบ
    period: {until: UNTIL}
"""
UNTIL_LINE = 9  # line of "period: {until: ...}" in MINIMAL


@pytest.fixture(autouse=True)
def thai():
    messages.set_language("th")
    yield
    messages.set_language("th")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(path: Path) -> list:
    with pytest.raises(ContentErrors) as info:
        load(path)
    return info.value.errors


def run_cli(args: list[str], monkeypatch, capsys) -> tuple[int, str]:
    """``ita-docs ARGS`` in-process through the console entry point (`cli.run`)."""
    monkeypatch.setattr(sys, "argv", ["ita-docs", "--lang", "th", *args])
    with pytest.raises(SystemExit) as info:
        cli.run()
    out = capsys.readouterr()
    return info.value.code, out.out + out.err


INTERNAL = [
    messages.MESSAGES["internal"][0].split("(")[0].strip(),
    messages.MESSAGES["internal"][1].split("(")[0].strip(),
    "Traceback",
]


# --------------------------------------------------------------------------- the corpus, through the CLI


@pytest.mark.parametrize("bad", BAD_FILES, ids=[p.name for p in BAD_FILES])
def test_cli_reports_bad_input_as_content_error(bad, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    code, text = run_cli(["build", str(bad), "-o", str(out)], monkeypatch, capsys)
    assert code == 2, text
    assert not any(i in text for i in INTERNAL), text
    assert f"{bad}:" in text  # located in the file itself
    assert not out.exists() or not any(out.rglob("*"))


# --------------------------------------------------------------------------- 1. dates


@pytest.mark.parametrize("until", ["2566-02-30", "0000-01-01", "2566-02-29", "'2566-02-30'", "'๒๕๖๖-๐๔-๓๑'"])
def test_impossible_date_is_located(tmp_path, until):
    f = write(tmp_path / "c.yaml", MINIMAL.replace("UNTIL", until))
    (err,) = errors_of(f)
    assert (err.location.file, err.location.line) == (f, UNTIL_LINE)
    assert err.location.field == "measures[0].period.until"
    assert "ไม่มีวันที่" in err.message and until.strip("'") in err.message


@pytest.mark.parametrize("until", ["2567-02-29", "'2567-02-29'", "๒๕๖๗-๐๒-๒๙", "2024-02-29"])
def test_be_leap_day_is_accepted(tmp_path, until):
    f = write(tmp_path / "c.yaml", MINIMAL.replace("UNTIL", until))
    assert load(f).content.measures[0].period.until == dt.date(2024, 2, 29)


def test_badly_shaped_date_and_number_as_date(tmp_path):
    f = write(
        tmp_path / "c.yaml",
        MINIMAL.replace("UNTIL", "15/04/2566") + "  - id: m2\n    title: t\n    period: {until: 0}\n",
    )
    errs = errors_of(f)
    assert [e.location.line for e in errs] == [UNTIL_LINE, UNTIL_LINE + 3]
    assert all("ต้องเป็นวันที่แบบ ปปปป-ดด-วว" in e.message for e in errs)


# --------------------------------------------------------------------------- 2. control characters


@pytest.mark.parametrize("char", ["\x0b", "\x1f", "\x7f", "\ufffe"])
def test_control_character_is_located(tmp_path, char):
    f = write(
        tmp_path / "c.yaml",
        MINIMAL.replace("UNTIL", "2566-04-15").replace("ทดสอบ\n", "ทด" + char + "สอบ\n", 1),
    )
    (err,) = errors_of(f)
    assert (err.location.file, err.location.line, err.location.column) == (f, 3, 32)
    assert f"U+{ord(char):04X}" in err.message and "ลบอักขระควบคุมที่มองไม่เห็นนี้ออก" in err.message


def test_control_characters_do_not_hide_other_problems(tmp_path):
    text = (
        MINIMAL.replace("UNTIL", "2566-04-15")
        .replace("ราชบุรี", "ราช\x0bบุรี\x0b")
        .replace("  kind: อบต.\n", "  kind: อบต.\n  kind: อบต.\n")
    )
    f = write(tmp_path / "c.yaml", text)
    errs = errors_of(f)
    assert [(e.location.line, e.location.column) for e in errs] == [(5, 3), (6, 16), (6, 21)]
    assert "ซ้ำ" in errs[0].message and all("อักขระควบคุม" in e.message for e in errs[1:])


def test_many_control_characters_are_counted_not_listed(tmp_path):
    f = write(
        tmp_path / "c.yaml",
        MINIMAL.replace("UNTIL", "2566-04-15").replace("ทดสอบ\n", "ทดสอบ" + "\x0b" * 30 + "\n", 1),
    )
    errs = errors_of(f)
    assert len(errs) == loader.MAX_CONTROL_REPORTED + 1
    assert "อีก 10 ตัว" in errs[-1].message


# --------------------------------------------------------------------------- 3. aliases and nesting


def test_self_referencing_alias(tmp_path):
    f = write(tmp_path / "c.yaml", "organisation:\n  name: x\n  people: &a [*a]\n")
    (err,) = errors_of(f)
    assert (err.location.file, err.location.line, err.location.column) == (f, 3, 15)
    assert "'*a'" in err.message and "วนไม่รู้จบ" in err.message


def test_self_merging_mapping(tmp_path):
    f = write(tmp_path / "c.yaml", "x: 1\ny: &m\n  z: 2\n  <<: *m\n")
    (err,) = errors_of(f)
    assert (err.location.line, "วนไม่รู้จบ" in err.message) == (4, True)


def test_nesting_5000_deep(tmp_path):
    f = write(tmp_path / "c.yaml", "fiscal_year: 2566\nx: " + "[" * 5000 + "]" * 5000 + "\n")
    (err,) = errors_of(f)
    assert (err.location.file, err.location.line) == (f, 2)
    assert "ลึกเกิน 100 ชั้น" in err.message


def test_merge_chain_counts_as_nesting(tmp_path):
    chain = ["m0: &m0 {x: 1}"] + [f"m{i}: &m{i} {{<<: *m{i - 1}}}" for i in range(1, 150)]
    f = write(tmp_path / "c.yaml", "\n".join(chain) + "\n")
    (err,) = errors_of(f)
    # m{i} (line i + 1) is i + 2 levels deep counting its scalars: m99, on line 100, is the first over 100
    assert err.location.line == loader.MAX_DEPTH and "ลึกเกิน" in err.message


def test_alias_bomb_is_refused_fast_and_small(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefgh"):
        lines.append(f"{name}: &{name} [" + ",".join(["*" + "abcdefgh"[i]] * 10) + "]")
    f = write(tmp_path / "c.yaml", "\n".join(lines) + "\n")
    assert f.stat().st_size < 470
    tracemalloc.start()
    start = time.perf_counter()
    try:
        errs = errors_of(f)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert time.perf_counter() - start < 0.5
    assert peak < 5_000_000
    (err,) = errs
    # a: 11 nodes, b: 111, c: 1,111, d: 11,111, e: 111,111 -> the 9th '*d' in e passes 100,000
    assert err.location.line == 5 and "'*d'" in err.message and "100,000" in err.message


def test_aliases_within_budget_still_load(tmp_path):
    text = MINIMAL.replace("UNTIL", "2566-04-15").replace(
        "  - id: m1\n", "  - id: m1\n    responsible_other: &o [ก, ข]\n", 1
    )
    text += "  - id: m2\n    title: อีกมาตรการ\n    responsible_other: *o\n"
    loaded = load(write(tmp_path / "c.yaml", text))
    assert [m.responsible_other for m in loaded.content.measures] == [["ก", "ข"], ["ก", "ข"]]


# --------------------------------------------------------------------------- 4. duplicate keys


def test_duplicate_key_in_one_file_names_both_lines(sample_copy):
    f = sample_copy / "assessment.yaml"
    text = f.read_text(encoding="utf-8")
    f.write_text(
        text.replace("  overall: 85.85\n", "  overall: 85.85\n  overall: 15.00\n", 1), encoding="utf-8"
    )
    first = next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith("  overall:"))
    (err,) = errors_of(sample_copy)
    assert (err.location.file, err.location.line, err.location.field) == (f, first + 1, "assessment.overall")
    assert f"บรรทัด {first} และ {first + 1}" in err.message and "ซ้ำ" in err.message


def test_duplicate_keys_at_any_level_all_reported(tmp_path):
    text = (
        MINIMAL.replace("UNTIL", "2566-04-15").replace("    title:", "    id: m2\n    title:", 1)
        + "fiscal_year: 2567\n"
    )
    f = write(tmp_path / "c.yaml", text)
    errs = errors_of(f)
    assert [(e.location.line, e.location.field) for e in errs] == [(8, "measures[0].id"), (11, "fiscal_year")]
    assert "บรรทัด 7 และ 8" in errs[0].message and "บรรทัด 1 และ 11" in errs[1].message


def test_duplicate_top_level_key_across_files_still_an_error(sample_copy):
    (sample_copy / "zz_extra.yaml").write_text("fiscal_year: 2570\n", encoding="utf-8")
    (err,) = errors_of(sample_copy)
    assert err.location.file == sample_copy / "zz_extra.yaml" and "organisation.yaml" in err.message


# --------------------------------------------------------------------------- 5. encodings


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_file(tmp_path, codec):
    f = tmp_path / "c.yaml"
    f.write_bytes(MINIMAL.replace("UNTIL", "2566-04-15").encode(codec))
    (err,) = errors_of(f)
    assert (err.location.file, err.location.line) == (f, 1)
    assert ("UTF-32" if codec == "utf-32" else "UTF-16") in err.message
    assert "บันทึกไฟล์ใหม่เป็น UTF-8" in err.message and "Notepad" in err.message


def test_utf16_mostly_thai_without_bom(tmp_path):
    f = tmp_path / "c.yaml"
    f.write_bytes(
        (MINIMAL.replace("UNTIL", "2566-04-15") + "  - id: m2\n    title: " + "ก" * 3000 + "\n").encode(
            "utf-16-le"
        )
    )
    (err,) = errors_of(f)
    assert "UTF-16" in err.message


def test_stray_nul_in_utf8_is_a_control_character_not_utf16(tmp_path):
    f = write(tmp_path / "c.yaml", MINIMAL.replace("UNTIL", "2566-04-15").replace("2566\n", "2566\x00\n", 1))
    (err,) = errors_of(f)
    assert (err.location.line, err.location.column) == (1, 18)
    assert "U+0000" in err.message and "UTF-16" not in err.message


def test_tis620_file_names_line_of_first_bad_byte(tmp_path):
    f = tmp_path / "c.yaml"
    f.write_bytes(MINIMAL.replace("UNTIL", "2566-04-15").encode("cp874"))
    (err,) = errors_of(f)
    assert (err.location.file, err.location.line, err.location.column) == (f, 3, 9)
    assert "TIS-620" in err.message and "บันทึกไฟล์ใหม่เป็น UTF-8" in err.message


def test_one_legacy_line_in_a_utf8_file(tmp_path):
    f = tmp_path / "c.yaml"
    f.write_bytes(
        MINIMAL.replace("UNTIL", "2566-04-15").encode().replace("ราชบุรี".encode(), "ราชบุรี".encode("cp874"))
    )
    (err,) = errors_of(f)
    assert (err.location.line, err.location.column) == (5, 13)
    assert "ไม่ได้บันทึกเป็น UTF-8" in err.message


def test_every_bad_file_is_reported_at_once(tmp_path):
    (tmp_path / "a.yaml").write_bytes("fiscal_year: 2566\n".encode("utf-16"))
    (tmp_path / "b.yaml").write_text("organisation:\n  name: ก\x0b\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text("measures: &a [*a]\n", encoding="utf-8")
    errs = errors_of(tmp_path)
    unreadable = [(e.location.file.name, e.location.line) for e in errs if not e.location.field]
    assert unreadable == [("a.yaml", 1), ("b.yaml", 2), ("c.yaml", 1)]
    # and, in the same run, what the readable part of b.yaml lacks (issue 17: no rounds)
    assert {e.location.field for e in errs if e.location.field} == {
        "organisation.kind",
        "organisation.province",
    }


# --------------------------------------------------------------------------- 6. the emblem


def _with_emblem(folder: Path, emblem: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write(
        folder / "c.yaml",
        MINIMAL.replace("UNTIL", "2566-04-15").replace("  province:", f"  emblem: {emblem}\n  province:", 1),
    )


@pytest.mark.parametrize(
    ("emblem", "fragment"),
    [
        ("/etc/hostname", "ไม่ใช่ตำแหน่งเต็ม"),
        ("'C:\\garuda.png'", "ไม่ใช่ตำแหน่งเต็ม"),
        ("../garuda.png", "อยู่นอกโฟลเดอร์เนื้อหา"),
        ("sub/../../garuda.png", "อยู่นอกโฟลเดอร์เนื้อหา"),
        ("garuda-missing.png", "ไม่พบไฟล์ตราครุฑ"),
        ("notes.png", "ไม่ใช่รูปภาพ"),
        ("link.png", "อยู่นอกโฟลเดอร์เนื้อหา"),
    ],
)
def test_emblem_must_be_an_image_inside_the_folder(tmp_path, emblem, fragment):
    (tmp_path / "garuda.png").write_bytes(grey_png(4, 4))  # outside the content folder
    folder = tmp_path / "content"
    f = _with_emblem(folder, emblem)
    (folder / "notes.png").write_text("not an image", encoding="utf-8")
    (folder / "link.png").symlink_to(tmp_path / "garuda.png")
    (err,) = errors_of(folder)
    assert (err.location.file, err.location.line, err.location.field) == (f, 5, "organisation.emblem")
    assert fragment in err.message


def test_emblem_image_inside_the_folder_is_accepted(tmp_path):
    folder = tmp_path / "content"
    _with_emblem(folder, "img/garuda.png")
    (folder / "img").mkdir()
    (folder / "img" / "garuda.png").write_bytes(grey_png(4, 4))
    assert load(folder).content.organisation.emblem == "img/garuda.png"


def test_emblem_checked_together_with_reference_problems(tmp_path):
    folder = tmp_path / "content"
    f = _with_emblem(folder, "missing.png")
    f.write_text(f.read_text(encoding="utf-8") + "    responsible: [nobody]\n", encoding="utf-8")
    errs = errors_of(folder)
    assert sorted(e.location.field for e in errs) == ["measures[0].responsible[0]", "organisation.emblem"]


# --------------------------------------------------------------------------- 7. a 5,000-character name


def test_5000_character_organisation_name_builds(tmp_path, monkeypatch, capsys):
    dst = copy_sample("muangklaeng-2565", tmp_path / "m")
    edit_text(dst / "organisation.yaml", "  name: เทศบาลตำบลเมืองแกลง", "  name: " + "ก" * 5000)
    code, text = run_cli(["build", str(dst), "-o", str(tmp_path / "out")], monkeypatch, capsys)
    assert code == 0, text
    assert any((tmp_path / "out").rglob("memo-*.docx"))


# --------------------------------------------------------------------------- 8. PyThaiNLP and HOME


def test_pythainlp_never_writes_to_home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o555)
    if os.geteuid() == 0:  # root may write anywhere: a HOME under a regular file cannot be created by anyone
        (tmp_path / "file").write_text("")
        home = tmp_path / "file" / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHAINLP_")}
    env.update(HOME=str(home), USERPROFILE=str(home), PYTHONPATH=str(REPO), ITA_DOCS_LANG="th")
    sample = next(p for p in (REPO / "content").iterdir() if p.name == "huapho-2565")
    res = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, ita_docs.thaifmt as t; from ita_docs.load.validate import load; load(sys.argv[1]); print(t.to_digits('2566'), t.baht_text(12.5))",
            str(sample),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    assert "๒๕๖๖ สิบสองบาทห้าสิบสตางค์" in res.stdout
    assert not (home / "pythainlp-data").exists()
