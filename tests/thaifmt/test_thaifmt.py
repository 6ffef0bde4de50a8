"""Table-driven tests of ita_docs.thaifmt: exact Thai strings, errors, doctests."""

from __future__ import annotations

import doctest
from datetime import date, datetime, time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ita_docs import thaifmt as tf

THAI_DIGITS = set("๐๑๒๓๔๕๖๗๘๙")


@pytest.mark.parametrize(
    "module", [tf.digits, tf.dates, tf.numbers, tf.spacing, tf.lines], ids=lambda m: m.__name__
)
def test_doctests_pass(module):
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0


# --------------------------------------------------------------------------- digits


@pytest.mark.parametrize(
    ("text", "digits", "expected"),
    [
        ("ITA 2565", "thai", "ITA ๒๕๖๕"),
        ("๒๕๖๕", "arabic", "2565"),
        ("ข้อ 1-9 และ ๑๐", "thai", "ข้อ ๑-๙ และ ๑๐"),
        ("ข้อ 1-9 และ ๑๐", "arabic", "ข้อ 1-9 และ 10"),
        ("0123456789", "thai", "๐๑๒๓๔๕๖๗๘๙"),
        ("", "thai", ""),
        ("ไม่มีตัวเลข", "arabic", "ไม่มีตัวเลข"),
        (2565, "thai", "๒๕๖๕"),
    ],
)
def test_to_digits(text, digits, expected):
    assert tf.to_digits(text, digits=digits) == expected


def test_thai_digits_are_real_code_points():
    assert [ord(c) for c in tf.to_digits("0123456789")] == list(range(0x0E50, 0x0E5A))


def _slowest_part(text: str) -> float:
    import timeit

    return min(timeit.repeat(lambda: tf.localize_digits(text), number=1, repeat=3))


@pytest.mark.parametrize("unit", ["A", "a.", "a@", "@a.", "a@b", "`", "http://x ", "ก1"])
def test_localize_digits_time_is_linear_in_length(unit):
    """Issue 19 (2): long runs of letters took quadratic time (40,000 letters: 7 s). Four times the
    text must cost about four times as much, well under the 16 times of a quadratic scan (12: large
    strings also cost memory bandwidth, up to 9 times here on a loaded machine)."""
    small = unit * (160_000 // len(unit))  # above CPU cache effects (10,000 -> 40,000 letters: 4.5 times)
    small_time = _slowest_part(small)
    big_time = _slowest_part(small * 4)
    assert big_time < 12 * small_time, (unit, small_time, big_time)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ติดต่อ a.b+c@mail.example.go.th ปี 2566", "ติดต่อ a.b+c@mail.example.go.th ปี ๒๕๖๖"),
        ("x1@y2.z3 และ 4", "x1@y2.z3 และ ๔"),
        ("อีเมล 12@3 ไม่ใช่", "อีเมล ๑๒@๓ ไม่ใช่"),
        ("a@b.c. 5", "a@b.c. ๕"),
        ("`A1` www.x1.th/2 5", "A1 www.x1.th/2 ๕"),
    ],
)
def test_localize_digits_keeps_addresses(text, expected):
    assert tf.localize_digits(text) == expected


def test_digits_and_dates_are_pythainlps():
    """Digits and month/weekday names are written without importing pythainlp.util (issue 19, cold
    start): they must stay exactly PyThaiNLP's."""
    from datetime import timedelta

    from pythainlp.util import arabic_digit_to_thai_digit, thai_digit_to_arabic_digit, thai_strftime

    from ita_docs.thaifmt.dates import _strftime

    text = "0123456789 ๐๑๒๓๔๕๖๗๘๙ ก1"
    assert tf.to_digits(text) == arabic_digit_to_thai_digit(text)
    assert tf.to_digits(text, digits="arabic") == thai_digit_to_arabic_digit(text)
    day = date(2019, 12, 25)
    for _ in range(400):  # every month and weekday, years across a century boundary
        day += timedelta(days=3)
        for fmt in ("%-d %B %Y", "%Aที่ %-d %B %Y", "%-d %b", "%y", "%b %y"):
            for digits in ("thai", "arabic"):
                assert _strftime(day, fmt, digits) == thai_strftime(day, fmt, thaidigit=digits == "thai"), (
                    day,
                    fmt,
                )


# --------------------------------------------------------------------------- years


@pytest.mark.parametrize(("ce", "be"), [(2022, 2565), (2024, 2567), (1, 544)])
def test_be_ce_year(ce, be):
    assert tf.be_year(ce) == be
    assert tf.ce_year(be) == ce


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (date(2566, 4, 15), date(2023, 4, 15)),
        (date(2023, 4, 15), date(2023, 4, 15)),
        (date(2400, 1, 1), date(2400, 1, 1)),
        (date(2401, 1, 1), date(1858, 1, 1)),
        (datetime(2566, 4, 15, 9, 30), datetime(2023, 4, 15, 9, 30)),
    ],
)
def test_to_ce_date(given, expected):
    assert tf.to_ce_date(given) == expected


# --------------------------------------------------------------------------- dates

D_2022_02_10 = date(2022, 2, 10)
D_2023_10_31 = date(2023, 10, 31)
FY68_START, FY68_END = date(2024, 10, 1), date(2025, 9, 30)


@pytest.mark.parametrize(
    ("func", "args", "kwargs", "expected"),
    [
        (tf.date_long, (D_2022_02_10,), {}, "๑๐ กุมภาพันธ์ ๒๕๖๕"),
        (tf.date_long, (D_2022_02_10,), {"digits": "arabic"}, "10 กุมภาพันธ์ 2565"),
        (tf.date_long, (date(2025, 1, 1),), {}, "๑ มกราคม ๒๕๖๘"),
        (tf.date_long, (date(2566, 4, 15),), {}, "๑๕ เมษายน ๒๕๖๖"),  # typed in BE
        (tf.date_full, (D_2023_10_31,), {}, "วันอังคารที่ ๓๑ ตุลาคม ๒๕๖๖"),
        (tf.date_full, (D_2022_02_10,), {}, "วันพฤหัสบดีที่ ๑๐ กุมภาพันธ์ ๒๕๖๕"),
        (tf.date_full, (date(2024, 6, 2),), {"digits": "arabic"}, "วันอาทิตย์ที่ 2 มิถุนายน 2567"),
        (tf.date_short, (D_2022_02_10,), {}, "๑๐ ก.พ. ๖๕"),
        (tf.date_short, (D_2022_02_10, ""), {}, "๑๐ ก.พ.๖๕"),
        (tf.date_short, (date(2024, 12, 24),), {"sep": ""}, "๒๔ ธ.ค.๖๗"),
        (tf.date_short, (date(2024, 12, 24),), {"digits": "arabic"}, "24 ธ.ค. 67"),
        (tf.date_short, (date(2043, 3, 5),), {}, "๕ มี.ค. ๘๖"),
        (tf.month_year_short, (date(2021, 10, 1),), {}, "ต.ค. ๖๔"),
        (tf.month_year_short, (date(2021, 10, 1),), {"digits": "arabic"}, "ต.ค. 64"),
        (tf.month_range_short, (date(2021, 10, 1), date(2022, 9, 30)), {}, "เดือน ต.ค. ๖๔ - ก.ย. ๖๕"),
        (tf.month_range_short, (date(2024, 1, 1), date(2024, 1, 31)), {}, "เดือน ม.ค. ๖๗ - ม.ค. ๖๗"),
        (tf.date_range_short, (FY68_START, FY68_END), {}, "๑ ต.ค.๖๗-๓๐ ก.ย.๖๘"),
        (tf.date_range_short, (FY68_START, FY68_END), {"digits": "arabic"}, "1 ต.ค.67-30 ก.ย.68"),
        (tf.date_range_long, (FY68_START, FY68_END), {}, "๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘"),
        (tf.date_range_long, (FY68_START, FY68_START), {}, "๑ ตุลาคม ๒๕๖๗ – ๑ ตุลาคม ๒๕๖๗"),
    ],
)
def test_dates(func, args, kwargs, expected):
    # dates are joined by no-break spaces (issue 16): compared here as plain spaces
    assert func(*args, **kwargs).replace(tf.NBSP, " ") == expected


@pytest.mark.parametrize("func", [tf.date_long, tf.date_full, tf.date_short, tf.month_year_short])
def test_a_date_never_breaks(func):
    out = func(date(2023, 11, 5))
    assert " " not in out and tf.NBSP in out


@pytest.mark.parametrize(
    "month, abbr",
    list(enumerate("ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.".split(), start=1)),
)
def test_month_abbreviations(month, abbr):
    assert tf.date_short(date(2024, month, 1)) == f"๑\xa0{abbr}\xa0๖๗"


@pytest.mark.parametrize(
    ("t", "digits", "expected"),
    [
        (time(9, 30), "thai", "๐๙.๓๐ น."),
        (time(13, 5), "arabic", "13.05 น."),
        (time(0, 0), "thai", "๐๐.๐๐ น."),
        (time(16, 30, 59), "thai", "๑๖.๓๐ น."),
    ],
)
def test_time_th(t, digits, expected):
    assert tf.time_th(t, digits=digits) == expected.replace(" ", tf.NBSP)


# --------------------------------------------------------------------------- fiscal year


@pytest.mark.parametrize(
    ("fy", "bounds"),
    [
        (2568, (date(2024, 10, 1), date(2025, 9, 30))),
        (2565, (date(2021, 10, 1), date(2022, 9, 30))),
        (2567, (date(2023, 10, 1), date(2024, 9, 30))),
    ],
)
def test_fiscal_year_bounds(fy, bounds):
    assert tf.fiscal_year_bounds(fy) == bounds


@pytest.mark.parametrize(
    ("func", "fy", "digits", "expected"),
    [
        (tf.fiscal_year_label, 2568, "thai", "ปีงบประมาณ พ.ศ. ๒๕๖๘"),
        (tf.fiscal_year_label, 2568, "arabic", "ปีงบประมาณ พ.ศ. 2568"),
        (
            tf.fiscal_year_range,
            2568,
            "thai",
            "ปีงบประมาณ พ.ศ. ๒๕๖๘ (๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘)",
        ),
        (
            tf.fiscal_year_range,
            2565,
            "arabic",
            "ปีงบประมาณ พ.ศ. 2565 (1 ตุลาคม 2564 – 30 กันยายน 2565)",
        ),
    ],
)
def test_fiscal_year_text(func, fy, digits, expected):
    assert func(fy, digits=digits).replace(tf.NBSP, " ") == expected


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("func", "args", "kwargs", "expected"),
    [
        (tf.score, (85.85,), {}, "๘๕.๘๕"),
        (tf.score, (100,), {}, "๑๐๐.๐๐"),
        (tf.score, (8.18,), {}, "๘.๑๘"),
        (tf.score, (0,), {}, "๐.๐๐"),
        (tf.score, (2.675,), {"digits": "arabic"}, "2.68"),
        (tf.score, (1.005,), {"digits": "arabic"}, "1.01"),
        (tf.score, (0.125,), {"digits": "arabic"}, "0.13"),
        (tf.score, (Decimal("99.994"),), {}, "๙๙.๙๙"),
        (tf.score, (1234.5,), {}, "๑,๒๓๔.๕๐"),
        (tf.signed, (2.62,), {}, "+๒.๖๒"),
        (tf.signed, (-1.2,), {}, "-๑.๒๐"),
        (tf.signed, (0,), {}, "๐.๐๐"),
        (tf.signed, (-0.004,), {}, "๐.๐๐"),
        (tf.signed, (0.004,), {}, "๐.๐๐"),
        (tf.signed, (-0.005,), {"digits": "arabic"}, "-0.01"),
        (tf.signed, (2.675,), {"digits": "arabic"}, "+2.68"),
        (tf.signed, (-1234.5,), {"digits": "arabic"}, "-1,234.50"),
        (tf.percent, (43.75,), {}, "ร้อยละ ๔๓.๗๕"),
        (tf.percent, (50,), {"decimals": 0}, "ร้อยละ ๕๐"),
        (tf.percent, (12.345,), {"decimals": 1, "digits": "arabic"}, "ร้อยละ 12.3"),
        (tf.percent, (100,), {}, "ร้อยละ ๑๐๐.๐๐"),
        (tf.number, (3026,), {}, "๓,๐๒๖"),
        (tf.number, (1234567.5,), {"decimals": 2}, "๑,๒๓๔,๕๖๗.๕๐"),
        (tf.number, (1234567.5,), {"decimals": 2, "digits": "arabic"}, "1,234,567.50"),
        (tf.number, (999,), {}, "๙๙๙"),
        (tf.number, (2.5,), {}, "๓"),
        (tf.number, (-3026,), {}, "-๓,๐๒๖"),
        (tf.number, (0,), {"decimals": 1}, "๐.๐"),
    ],
)
def test_numbers(func, args, kwargs, expected):
    assert func(*args, **kwargs) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (21, "ยี่สิบเอ็ด"),
        (0, "ศูนย์"),
        (101, "หนึ่งร้อยเอ็ด"),
        (2568, "สองพันห้าร้อยหกสิบแปด"),
        (1_000_000, "หนึ่งล้าน"),
        (21.0, "ยี่สิบเอ็ด"),
        (-5, "ลบห้า"),
    ],
)
def test_thai_words(n, expected):
    assert tf.thai_words(n) == expected


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (1500.25, "หนึ่งพันห้าร้อยบาทยี่สิบห้าสตางค์"),
        (21, "ยี่สิบเอ็ดบาทถ้วน"),
        (0, "ศูนย์บาทถ้วน"),
        (0.5, "ห้าสิบสตางค์"),
        (0.01, "หนึ่งสตางค์"),
        (2.675, "สองบาทหกสิบแปดสตางค์"),
        (1.005, "หนึ่งบาทหนึ่งสตางค์"),
        (1_000_000, "หนึ่งล้านบาทถ้วน"),
        (Decimal("100.50"), "หนึ่งร้อยบาทห้าสิบสตางค์"),
    ],
)
def test_baht_text(x, expected):
    assert tf.baht_text(x) == expected


# --------------------------------------------------------------------------- item codes


@pytest.mark.parametrize(
    ("code", "parsed", "thai", "arabic"),
    [
        ("i10", ("i", 10), "i๑๐", "i10"),
        ("I10", ("i", 10), "i๑๐", "i10"),
        ("e7", ("e", 7), "e๗", "e7"),
        ("E7", ("e", 7), "e๗", "e7"),
        ("o22", ("o", 22), "o๒๒", "O22"),
        ("O22", ("o", 22), "o๒๒", "O22"),
        ("O๒๒", ("o", 22), "o๒๒", "O22"),
        ("e๙", ("e", 9), "e๙", "e9"),
        (" i1 ", ("i", 1), "i๑", "i1"),
        ("o09", ("o", 9), "o๙", "O9"),
    ],
)
def test_item_code(code, parsed, thai, arabic):
    assert tf.parse_item_code(code) == parsed
    assert tf.item_code(code) == thai
    assert tf.item_code(code, digits="arabic") == arabic


@pytest.mark.parametrize("code", ["", "i", "10", "x10", "i-1", "i0", "i 10", "i1.5", "io1", "ข้อ i10"])
def test_item_code_invalid(code):
    with pytest.raises(ValueError, match="invalid ITA item code"):
        tf.item_code(code)


# --------------------------------------------------------------------------- errors

DIGIT_FUNCS = [
    (tf.to_digits, ("1",)),
    (tf.date_long, (D_2022_02_10,)),
    (tf.date_full, (D_2022_02_10,)),
    (tf.date_short, (D_2022_02_10,)),
    (tf.month_year_short, (D_2022_02_10,)),
    (tf.month_range_short, (FY68_START, FY68_END)),
    (tf.date_range_short, (FY68_START, FY68_END)),
    (tf.date_range_long, (FY68_START, FY68_END)),
    (tf.fiscal_year_label, (2568,)),
    (tf.fiscal_year_range, (2568,)),
    (tf.time_th, (time(9, 30),)),
    (tf.score, (1,)),
    (tf.signed, (1,)),
    (tf.percent, (1,)),
    (tf.number, (1,)),
    (tf.item_code, ("i1",)),
]


@pytest.mark.parametrize(("func", "args"), DIGIT_FUNCS, ids=[f.__name__ for f, _ in DIGIT_FUNCS])
def test_digits_keyword(func, args):
    thai = func(*args)
    arabic = func(*args, digits="arabic")
    assert not any(c.isascii() and c.isdigit() for c in thai)
    assert not THAI_DIGITS & set(arabic)
    assert tf.to_digits(arabic) == thai
    with pytest.raises(ValueError, match="digits must be 'thai' or 'arabic'"):
        func(*args, digits="latin")


@pytest.mark.parametrize(
    ("func", "args", "kwargs", "error", "match"),
    [
        (tf.score, (-0.01,), {}, ValueError, "must not be negative"),
        (tf.score, (float("nan"),), {}, ValueError, "finite"),
        (tf.score, (float("inf"),), {}, ValueError, "finite"),
        (tf.signed, (float("-inf"),), {}, ValueError, "finite"),
        (tf.percent, (-5,), {}, ValueError, "must not be negative"),
        (tf.percent, (5,), {"decimals": -1}, ValueError, "decimals"),
        (tf.number, (float("nan"),), {}, ValueError, "finite"),
        (tf.number, (5,), {"decimals": 1.5}, ValueError, "decimals"),
        (tf.baht_text, (-1,), {}, ValueError, "must not be negative"),
        (tf.baht_text, (float("nan"),), {}, ValueError, "finite"),
        (tf.thai_words, (1.5,), {}, ValueError, "whole number"),
        (tf.score, ("85.85",), {}, TypeError, "must be a number"),
        (tf.score, (True,), {}, TypeError, "must be a number"),
        (tf.be_year, (0,), {}, ValueError, "positive"),
        (tf.be_year, (-2022,), {}, ValueError, "positive"),
        (tf.ce_year, (543,), {}, ValueError, "above 543"),
        (tf.fiscal_year_bounds, (2025,), {}, ValueError, "BE year"),
        (tf.fiscal_year_label, (2025,), {}, ValueError, "BE year"),
        (tf.fiscal_year_range, ("2568",), {}, ValueError, "BE year"),
        (tf.date_long, ("2024-01-01",), {}, TypeError, "datetime.date"),
        (tf.time_th, ("09:30",), {}, TypeError, "datetime.time"),
        (tf.to_ce_date, (date(2800, 2, 29),), {}, ValueError, "does not exist"),
        (tf.date_range_long, (FY68_END, FY68_START), {}, ValueError, "before it starts"),
        (tf.date_range_short, (FY68_END, FY68_START), {}, ValueError, "before it starts"),
        (tf.month_range_short, (FY68_END, FY68_START), {}, ValueError, "before it starts"),
        (tf.item_code, (10,), {}, TypeError, "must be a str"),
        (tf.to_digits, (1.5,), {}, TypeError, "must be a str"),
    ],
)
def test_errors(func, args, kwargs, error, match):
    with pytest.raises(error, match=match):
        func(*args, **kwargs)


# --------------------------------------------------------------------------- filters


def test_filters():
    assert set(tf.FILTERS) == {
        "digits",
        "date_long",
        "date_numeric",
        "date_full",
        "date_short",
        "month_range",
        "date_range_short",
        "date_range_long",
        "fiscal_year",
        "fiscal_year_range",
        "time",
        "score",
        "signed",
        "percent",
        "number",
        "thai_words",
        "baht",
        "item_code",
    }
    assert tf.FILTERS["month_range"] is tf.month_range_short
    assert tf.FILTERS["fiscal_year"] is tf.fiscal_year_label
    assert tf.FILTERS["time"] is tf.time_th
    assert tf.FILTERS["baht"] is tf.baht_text


def test_filters_in_jinja():
    jinja2 = pytest.importorskip("jinja2")
    env = jinja2.Environment()
    env.filters.update(tf.FILTERS)
    template = env.from_string(
        "{{ fy|fiscal_year }} {{ d|date_short('') }} {{ s|score }} {{ code|item_code }}"
        " {{ s|score(digits='arabic') }}"
    )
    assert (
        template.render(fy=2568, d=date(2024, 12, 24), s=85.85, code="o22").replace(tf.NBSP, " ")
        == "ปีงบประมาณ พ.ศ. ๒๕๖๘ ๒๔ ธ.ค.๖๗ ๘๕.๘๕ o๒๒ 85.85"
    )


# --------------------------------------------------------------------------- no-break spaces (issue 16)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("ลงวันที่ ๕ พฤศจิกายน ๒๕๖๖ เรื่อง", ["ลงวันที่\xa0๕\xa0พฤศจิกายน\xa0๒๕๖๖", "เรื่อง"]),
        ("ภายใน 15 เม.ย. 66 นี้", ["ภายใน", "๑๕\xa0เม.ย.\xa0๖๖", "นี้"]),
        ("ได้ 85.85 คะแนน จาก 43 ข้อ", ["ได้", "๘๕.๘๕\xa0คะแนน", "จาก", "๔๓\xa0ข้อ"]),
        ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ ร้อยละ 90", ["ประจำปีงบประมาณ", "พ.ศ.\xa0๒๕๖๗", "ร้อยละ\xa0๙๐"]),
        ("ปิดประชุม เวลา 12.00 น.", ["ปิดประชุม", "เวลา\xa0๑๒.๐๐\xa0น."]),
        ("คนละ 2 ครั้งต่อปี", ["คนละ", "๒", "ครั้งต่อปี"]),  # "ครั้งต่อปี" is not the unit alone
    ],
)
def test_user_text_keeps_dates_and_units_together(typed, kept):
    assert tf.localize_digits(typed).split(" ") == kept


@pytest.mark.parametrize("keep_whitespace", [True, False])
def test_word_tokenize_with_the_cut_dictionary_is_pythainlps(keep_whitespace):
    """lines.word_tokenize cuts PyThaiNLP's dictionary to the words occurring in the text (issue 19:
    the whole trie took 0.6 s per process); the words must be exactly newmm's with the full dictionary."""
    import re
    from pathlib import Path

    from pythainlp.tokenize import word_tokenize

    from ita_docs.thaifmt.lines import word_tokenize as ours

    root = Path(__file__).resolve().parents[2]
    texts = sorted(
        {
            m.strip()
            for f in [*(root / "content").rglob("*.yaml"), *(root / "tests" / "fixtures").rglob("*.yaml")]
            for m in re.findall(r"[\u0e00-\u0e7f][^\n\"]*", f.read_text(encoding="utf-8"))
        }
    )
    assert len(texts) > 300
    for t in texts:
        assert ours(t, keep_whitespace=keep_whitespace) == word_tokenize(
            t, engine="newmm", keep_whitespace=keep_whitespace
        ), t


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["เทศบาล", "ตำบล", "หัวโพ", "คณะกรรมการ", "การประเมิน", " ", "ITA", "ๆ", "ก", "์", "ข้อ"]
        ),
        max_size=40,
    )
)
def test_both_ways_of_finding_dictionary_words_agree(parts):
    """lines._found: a long text takes the index (linear, a 40 ms index once), a short one the word set;
    both must give the same words (issue 19: a 300,000-letter text must not stall a build)."""
    from ita_docs.thaifmt import lines

    text = "".join(parts)
    by_set = lines._found(text)
    before = lines.LONG_TEXT
    lines.LONG_TEXT = -1
    try:
        assert lines._found(text) == by_set
    finally:
        lines.LONG_TEXT = before
    assert all(w in text for w in by_set)
