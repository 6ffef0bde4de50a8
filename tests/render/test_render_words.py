"""Thai word breaks kept on disk (`ita_docs.render.words`, issue 19): a later process takes them back
without running PyThaiNLP, gets the same words, and ignores a damaged, foreign or tampered file."""

from __future__ import annotations

import pytest

from ita_docs.render import store, words
from ita_docs.thaifmt import lines

TITLES = [
    "รายงานการประชุมคณะกรรมการติดตามและพัฒนาผลการประเมิน ITA ของเทศบาลตำบลหัวโพ",
    "ระเบียบวาระที่ ๓ เรื่องเพื่อพิจารณา",
]


@pytest.fixture()
def fresh(tmp_path, monkeypatch):
    """A cache folder of its own and a process that has broken no text yet."""
    monkeypatch.setenv("ITA_DOCS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(lines, "_SEGMENTS", {})
    monkeypatch.setattr(lines, "_NEW", set())
    monkeypatch.setattr(words, "_LOADED", [])
    return tmp_path / "cache" / "words"


def _new_process(monkeypatch):
    monkeypatch.setattr(lines, "_SEGMENTS", {})
    monkeypatch.setattr(lines, "_NEW", set())
    monkeypatch.setattr(words, "_LOADED", [])


def _no_pythainlp(monkeypatch):
    def refuse(text, keep_whitespace):
        raise AssertionError(f"PyThaiNLP asked for {text!r}")

    monkeypatch.setattr(lines, "_segment", refuse)


def test_words_found_once_are_taken_back_by_the_next_process(fresh, monkeypatch):
    first = [lines.word_tokenize(t) for t in TITLES] + [lines.word_tokenize(TITLES[0], keep_whitespace=False)]
    words.save()
    assert len(list(fresh.glob("*.bin"))) == 1
    _new_process(monkeypatch)
    _no_pythainlp(monkeypatch)
    assert words.load() == 3
    again = [lines.word_tokenize(t) for t in TITLES] + [lines.word_tokenize(TITLES[0], keep_whitespace=False)]
    assert again == first
    assert lines.learned_words() == []  # nothing new: the next save writes nothing
    assert "ของ" in first[0] and " " in first[0] and " " not in first[2]


def test_a_later_process_adds_to_the_file_and_keeps_the_newest(fresh, monkeypatch):
    lines.word_tokenize(TITLES[0])
    words.save()
    _new_process(monkeypatch)
    words.load()
    lines.word_tokenize(TITLES[1])
    monkeypatch.setattr(words, "LIMIT", 1)
    words.save()
    _new_process(monkeypatch)
    assert words.load() == 1
    assert list(lines._SEGMENTS) == [(TITLES[1], True)]


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage"])
def test_a_damaged_file_is_ignored_and_the_words_found_again(fresh, monkeypatch, damage):
    expected = lines.word_tokenize(TITLES[0])
    words.save()
    (path,) = fresh.glob("*.bin")
    data = path.read_bytes()
    data = {
        "flip": data[:-3] + bytes([data[-3] ^ 1]) + data[-2:],
        "truncate": data[: len(data) // 2],
        "garbage": b"\x00" * 100,
    }[damage]
    path.write_bytes(data)
    _new_process(monkeypatch)
    assert words.load() == 0
    assert lines.word_tokenize(TITLES[0]) == expected  # found again by PyThaiNLP


def test_entries_that_do_not_spell_their_text_are_refused(fresh, monkeypatch):
    """A file with a valid hash but wrong words (written by another program) is not trusted word by word."""
    key = words._key()
    assert key
    bad = [
        [TITLES[0], True, ["รายงาน", "XYZ"]],
        [TITLES[1], True, [TITLES[1]]],  # spells the text: taken
        ["ข้อ", True, "ข้อ"],
        [1, True, ["1"]],
        ["only two"],
    ]
    store.write(key, {"words": bad}, store.Blobs(), words.KIND)
    _new_process(monkeypatch)
    assert words.load() == 1
    assert lines.word_tokenize(TITLES[1]) == [TITLES[1]]


def test_nothing_is_written_with_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("ITA_DOCS_CACHE", "off")
    monkeypatch.setattr(lines, "_SEGMENTS", {})
    monkeypatch.setattr(lines, "_NEW", set())
    lines.word_tokenize(TITLES[1])
    words.save()
    assert words.load() == 0
    assert not any(tmp_path.iterdir())


def test_the_key_changes_with_the_installed_pythainlp(fresh, monkeypatch, tmp_path):
    """Another PyThaiNLP (its files' sizes or times) gives another file: an upgrade starts afresh."""
    before = words._key()
    real = words.os.stat

    def touched(path, *a, **k):
        st = real(path, *a, **k)
        if str(path).endswith("words_th.txt"):
            return type("S", (), {"st_size": st.st_size + 1, "st_mtime_ns": st.st_mtime_ns})()
        return st

    monkeypatch.setattr(words.os, "stat", touched)
    assert words._key() not in (None, before)


def test_a_build_writes_the_words_and_the_next_build_reads_them(fresh, monkeypatch, tmp_path):
    from ita_docs.build import build
    from ita_docs.resources import sample_sets

    huapho = next(s for s in sample_sets() if s.name == "huapho-2565")
    build([huapho], tmp_path / "out1")
    (path,) = fresh.glob("*.bin")
    header, _ = store.decode(path.stem, path.read_bytes())
    assert len(header["words"]) > 5
    first = {p.name: p.read_bytes() for p in (tmp_path / "out1" / "huapho-2565").iterdir()}
    _new_process(monkeypatch)
    _no_pythainlp(monkeypatch)
    build([huapho], tmp_path / "out2")
    second = {p.name: p.read_bytes() for p in (tmp_path / "out2" / "huapho-2565").iterdir()}
    assert first.keys() == second.keys()
    assert [n for n in first if first[n] != second[n] and n.endswith((".docx", ".pptx"))] == []


def test_a_very_long_text_is_not_kept(fresh, monkeypatch):
    long = "ก" * (words.LONGEST + 1)
    lines.word_tokenize(long)
    lines.word_tokenize(TITLES[1])
    words.save()
    _new_process(monkeypatch)
    assert words.load() == 1
    assert list(lines._SEGMENTS) == [(TITLES[1], True)]


def test_memory_is_bounded(fresh, monkeypatch):
    monkeypatch.setattr(lines, "MEMORY_LIMIT", 2)
    for t in ["กองคลัง", "กองช่าง", "สำนักปลัด"]:
        lines.word_tokenize(t)
    assert len(lines._SEGMENTS) == 1 and [e[0] for e in lines.learned_words()] == ["สำนักปลัด"]
