"""Thai formatting for official documents (ITA reports, memos).

Flat, pure functions: each returns a string (or a number or date) computed only
from its arguments. None of them reads the clock, the locale or any files. They are
also registered as Jinja filters through `FILTERS`.

Digits: Thai official documents write Thai digits (๐-๙, U+0E50..U+0E59). The
TH SarabunIT๙ font only *draws* ASCII digits as Thai, so other fonts, copy-paste,
search and screen readers would still see ASCII digits. These functions therefore
write real Thai digit characters. Every function that outputs digits takes a
keyword ``digits="thai"`` (or ``"arabic"`` for ASCII 0-9). Any other value raises
`ValueError`.

Dates are `datetime.date` values in the Gregorian calendar. They are rendered in the
Buddhist Era (พ.ศ. = ค.ศ. + 543). A date whose year is above 2400 is assumed to
have been typed in BE already and is converted first (see `to_ce_date`).

Numbers are rounded half away from zero on their decimal value
(``Decimal(str(x))``), so 2.675 becomes 2.68, as a clerk would expect. Babel and
Python on their own would round half to even on the binary float.

Wrong types raise `TypeError`. Values that make no sense raise `ValueError` with an
English message, for example a negative score, NaN, a bad item code, or a range
that ends before it starts.
"""
from __future__ import annotations

import os
import re
import tempfile
from datetime import date, time
from decimal import ROUND_HALF_UP, Decimal
from importlib import metadata
from typing import Callable


def _pythainlp_data_outside_home() -> None:
    """Point PyThaiNLP's data folder at the temp dir unless the user chose one.

    Importing PyThaiNLP creates its data folder, by default ``~/pythainlp-data``;
    with a read-only or missing HOME (a service account, a locked-down PC) the
    import itself crashes. ita-docs needs none of that data (only digit, number and
    date helpers), so the folder goes under `tempfile.gettempdir` instead. PyThaiNLP
    5.4 reads ``PYTHAINLP_DATA`` (and refuses both variables at once); earlier
    versions read ``PYTHAINLP_DATA_DIR``. Must run before ``pythainlp`` is imported.
    """
    if os.environ.get("PYTHAINLP_DATA") or os.environ.get("PYTHAINLP_DATA_DIR"):
        return
    try:
        major, minor = (int(x) for x in metadata.version("pythainlp").split(".")[:2])
        folder = os.path.join(tempfile.gettempdir(), f"ita-docs-pythainlp-{getattr(os, 'getuid', lambda: 'user')()}")
    except (ValueError, OSError, metadata.PackageNotFoundError):
        return
    os.environ["PYTHAINLP_DATA" if (major, minor) >= (5, 4) else "PYTHAINLP_DATA_DIR"] = folder


_pythainlp_data_outside_home()

from babel.numbers import format_decimal  # noqa: E402 - after the PyThaiNLP data folder is set
from pythainlp.util import (  # noqa: E402
    arabic_digit_to_thai_digit,
    bahttext,
    num_to_thaiword,
    thai_digit_to_arabic_digit,
    thai_strftime,
)

BE_OFFSET = 543
_BE_THRESHOLD = 2400  # a year above this is taken as BE, not CE
_DIGIT_SYSTEMS = ("thai", "arabic")


# --------------------------------------------------------------------------- helpers


def _check_digits(digits: str) -> None:
    if digits not in _DIGIT_SYSTEMS:
        raise ValueError(f"digits must be 'thai' or 'arabic', got {digits!r}")


def _check_date(d: object, name: str = "date") -> date:
    if not isinstance(d, date):
        raise TypeError(f"{name} must be a datetime.date, got {type(d).__name__}")
    return to_ce_date(d)


def _decimal(x: object, name: str = "value", *, negative: bool = True) -> Decimal:
    """Turn an int, float or Decimal into a finite Decimal (via str for floats)."""
    if isinstance(x, bool) or not isinstance(x, (int, float, Decimal)):
        raise TypeError(f"{name} must be a number, got {type(x).__name__}")
    value = x if isinstance(x, Decimal) else Decimal(str(x))
    if not value.is_finite():
        raise ValueError(f"{name} must be a finite number, got {x!r}")
    if not negative and value < 0:
        raise ValueError(f"{name} must not be negative, got {x!r}")
    return value


def _fixed(value: Decimal, decimals: int, digits: str) -> str:
    """Group thousands and round half away from zero to `decimals` places."""
    if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
        raise ValueError(f"decimals must be a non-negative int, got {decimals!r}")
    value = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if value == 0:
        value = abs(value)  # no "-0.00"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return to_digits(format_decimal(value, format=pattern, locale="th_TH"), digits=digits)


def _strftime(d: date, fmt: str, digits: str) -> str:
    _check_digits(digits)
    return thai_strftime(_check_date(d), fmt, thaidigit=digits == "thai")


# --------------------------------------------------------------------------- digits


def to_digits(text: str | int, digits: str = "thai") -> str:
    """Convert every digit in `text` to Thai (๐-๙) or ASCII (0-9) digits.

    `text` is a str (an int is accepted and turned into a str first). Other
    characters are kept. Works in both directions. Raises `ValueError` if `digits`
    is not "thai" or "arabic" and `TypeError` if `text` is not a str or int.

    >>> to_digits("ITA 2565")
    'ITA ๒๕๖๕'
    >>> to_digits("๒๕๖๕", digits="arabic")
    '2565'
    >>> to_digits(3026)
    '๓๐๒๖'
    """
    _check_digits(digits)
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if digits == "thai":
        return arabic_digit_to_thai_digit(text)
    return thai_digit_to_arabic_digit(text)


# URLs, e-mail addresses and `literal` spans keep their digits as typed.
_LITERAL = re.compile(r"`([^`]*)`|(?:https?://|www\.)[^\s<>\"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BE_SPACE = re.compile(r"(พ\.ศ\.|ค\.ศ\.) (?=[0-9๐-๙])")


def localize_digits(text: str, digits: str = "thai") -> str:
    """Prose typed by a user, with its digits following the document.

    Every digit becomes Thai (or ASCII with ``digits="arabic"``) except inside
    URLs, e-mail addresses and text between backticks, which is kept as typed
    (the backticks themselves are dropped). "พ.ศ. 2566" keeps its year on the
    same line (a no-break space). Raises `ValueError` for another ``digits``.

    >>> localize_digits("ประชุม 3 ครั้ง ดู https://www.example.go.th/ita/o12 หรือ `ITA-2566`")
    'ประชุม ๓ ครั้ง ดู https://www.example.go.th/ita/o12 หรือ ITA-2566'
    >>> localize_digits("ปีงบประมาณ พ.ศ. ๒๕๖๖ ติดต่อ ita2566@example.go.th", digits="arabic")
    'ปีงบประมาณ พ.ศ.\\xa02566 ติดต่อ ita2566@example.go.th'
    """
    _check_digits(digits)
    out, pos = [], 0
    for m in _LITERAL.finditer(text):
        out.append(to_digits(text[pos : m.start()], digits))
        out.append(m.group(1) if m.group(1) is not None else m.group(0))
        pos = m.end()
    out.append(to_digits(text[pos:], digits))
    return _BE_SPACE.sub("\\1\u00a0", "".join(out))


# --------------------------------------------------------------------------- years


def be_year(year_ce: int) -> int:
    """Buddhist Era year for a Gregorian (CE) year: BE = CE + 543.

    `year_ce` is an int >= 1. Raises `ValueError` otherwise.

    >>> be_year(2022)
    2565
    """
    if isinstance(year_ce, bool) or not isinstance(year_ce, int) or year_ce < 1:
        raise ValueError(f"CE year must be a positive int, got {year_ce!r}")
    return year_ce + BE_OFFSET


def ce_year(year_be: int) -> int:
    """Gregorian (CE) year for a Buddhist Era year: CE = BE - 543.

    `year_be` is an int >= 544, so the result is >= 1. Raises `ValueError`
    otherwise.

    >>> ce_year(2565)
    2022
    """
    if isinstance(year_be, bool) or not isinstance(year_be, int) or year_be <= BE_OFFSET:
        raise ValueError(f"BE year must be an int above {BE_OFFSET}, got {year_be!r}")
    return year_be - BE_OFFSET


def to_ce_date(d: date) -> date:
    """Normalise a date to CE. A year above 2400 is read as BE and 543 is subtracted.

    A clerk may type ``2566-04-15`` in YAML. Other dates are returned unchanged
    (so are `datetime.datetime` values, which keep their time). Raises `TypeError`
    for a non-date. Raises `ValueError` if the BE date does not exist in CE, for
    example 29 February in a BE year whose CE year is not a leap year.

    >>> to_ce_date(date(2566, 4, 15))
    datetime.date(2023, 4, 15)
    >>> to_ce_date(date(2023, 4, 15))
    datetime.date(2023, 4, 15)
    """
    if not isinstance(d, date):
        raise TypeError(f"date must be a datetime.date, got {type(d).__name__}")
    if d.year <= _BE_THRESHOLD:
        return d
    try:
        return d.replace(year=d.year - BE_OFFSET)
    except ValueError:
        raise ValueError(f"{d.isoformat()} read as a BE date does not exist in CE") from None


def ce_date(year: int, month: int, day: int) -> date:
    """The date with these parts; a year above 2400 is read as BE and made CE *first*.

    The day is therefore checked in the real (CE) year: 29 February 2567 BE is
    29 February 2024, a leap day, whereas ``date(2567, 2, 29)`` would not exist.
    Raises `ValueError` for a day that is not in the calendar (year 0 included).

    >>> ce_date(2567, 2, 29)
    datetime.date(2024, 2, 29)
    >>> ce_date(2023, 4, 15)
    datetime.date(2023, 4, 15)
    >>> ce_date(2566, 2, 29)
    Traceback (most recent call last):
    ValueError: day is out of range for month
    """
    if year > _BE_THRESHOLD:
        year -= BE_OFFSET
    return date(year, month, day)


# --------------------------------------------------------------------------- dates


def date_long(d: date, *, digits: str = "thai") -> str:
    """Day, full month name, BE year: "๑๐ กุมภาพันธ์ ๒๕๖๕".

    >>> date_long(date(2022, 2, 10))
    '๑๐ กุมภาพันธ์ ๒๕๖๕'
    >>> date_long(date(2022, 2, 1), digits="arabic")
    '1 กุมภาพันธ์ 2565'
    """
    return _strftime(d, "%-d %B %Y", digits)


def date_full(d: date, *, digits: str = "thai") -> str:
    """Weekday, then the long date: "วันอังคารที่ ๓๑ ตุลาคม ๒๕๖๖".

    >>> date_full(date(2023, 10, 31))
    'วันอังคารที่ ๓๑ ตุลาคม ๒๕๖๖'
    """
    return _strftime(d, "%Aที่ %-d %B %Y", digits)


def date_short(d: date, sep: str = " ", *, digits: str = "thai") -> str:
    """Day, abbreviated month (ม.ค. … ธ.ค.), `sep`, two-digit BE year.

    >>> date_short(date(2022, 2, 10))
    '๑๐ ก.พ. ๖๕'
    >>> date_short(date(2024, 12, 24), sep="")
    '๒๔ ธ.ค.๖๗'
    """
    if not isinstance(sep, str):
        raise TypeError(f"sep must be a str, got {type(sep).__name__}")
    return _strftime(d, "%-d %b", digits) + sep + _strftime(d, "%y", digits)


def date_numeric(d: date, *, digits: str = "thai") -> str:
    """Day/month/two-digit BE year, as written on forms: "๑๕/๒/๖๕".

    Source: the distribution list of seed 001 ("15/2/65", handwritten).

    >>> date_numeric(date(2022, 2, 15))
    '๑๕/๒/๖๕'
    >>> date_numeric(date(2022, 2, 15), digits="arabic")
    '15/2/65'
    """
    _check_digits(digits)
    d = to_ce_date(_check_date(d))
    return to_digits(f"{d.day}/{d.month}/{be_year(d.year) % 100:02d}", digits=digits)


def month_year_short(d: date, *, digits: str = "thai") -> str:
    """Abbreviated month and two-digit BE year: "ต.ค. ๖๔".

    >>> month_year_short(date(2021, 10, 1))
    'ต.ค. ๖๔'
    """
    return _strftime(d, "%b %y", digits)


def _check_range(start: date, end: date) -> None:
    if _check_date(end, "end") < _check_date(start, "start"):
        raise ValueError(f"range ends ({end}) before it starts ({start})")


def month_range_short(start: date, end: date, *, digits: str = "thai") -> str:
    """Month range: "เดือน ต.ค. ๖๔ - ก.ย. ๖๕". Raises `ValueError` if end < start.

    >>> month_range_short(date(2021, 10, 1), date(2022, 9, 30))
    'เดือน ต.ค. ๖๔ - ก.ย. ๖๕'
    """
    _check_range(start, end)
    first, last = (month_year_short(d, digits=digits) for d in (start, end))
    return f"เดือน {first} - {last}"


def date_range_short(start: date, end: date, *, digits: str = "thai") -> str:
    """Compact date range, no spaces around the dash: "๑ ต.ค.๖๗-๓๐ ก.ย.๖๘".

    Raises `ValueError` if end < start.

    >>> date_range_short(date(2024, 10, 1), date(2025, 9, 30))
    '๑ ต.ค.๖๗-๓๐ ก.ย.๖๘'
    """
    _check_range(start, end)
    return f"{date_short(start, '', digits=digits)}-{date_short(end, '', digits=digits)}"


def date_range_long(start: date, end: date, *, digits: str = "thai") -> str:
    """Long date range with a spaced en dash: "๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘".

    Raises `ValueError` if end < start.

    >>> date_range_long(date(2024, 10, 1), date(2025, 9, 30))
    '๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘'
    """
    _check_range(start, end)
    return f"{date_long(start, digits=digits)} – {date_long(end, digits=digits)}"


def time_th(t: time, *, digits: str = "thai") -> str:
    """Clock time in the official style, HH.MM น.: "๐๙.๓๐ น.". Seconds are dropped.

    >>> time_th(time(9, 30))
    '๐๙.๓๐ น.'
    >>> time_th(time(13, 5), digits="arabic")
    '13.05 น.'
    """
    if not isinstance(t, time):
        raise TypeError(f"time must be a datetime.time, got {type(t).__name__}")
    return to_digits(f"{t.hour:02d}.{t.minute:02d} น.", digits=digits)


# --------------------------------------------------------------------------- fiscal year


def fiscal_year_bounds(fy_be: int) -> tuple[date, date]:
    """First and last day (CE dates) of Thai government fiscal year `fy_be` (BE).

    Fiscal year N runs from 1 October of year N-1 to 30 September of year N. This
    is the definition of ปีงบประมาณ in the budget procedure act
    (พ.ร.บ.วิธีการงบประมาณ พ.ศ. ๒๕๖๑, มาตรา ๔): the year is named after the BE
    year in which it ends. `fy_be` must be an int above 2400. A smaller value is
    most likely a CE year given by mistake and raises `ValueError`.

    >>> fiscal_year_bounds(2568)
    (datetime.date(2024, 10, 1), datetime.date(2025, 9, 30))
    """
    if isinstance(fy_be, bool) or not isinstance(fy_be, int) or fy_be <= _BE_THRESHOLD:
        raise ValueError(f"fiscal year must be a BE year above {_BE_THRESHOLD}, got {fy_be!r}")
    end_ce = fy_be - BE_OFFSET
    return date(end_ce - 1, 10, 1), date(end_ce, 9, 30)


def fiscal_year_label(fy_be: int, *, digits: str = "thai") -> str:
    """Label of a fiscal year (BE): "ปีงบประมาณ พ.ศ. ๒๕๖๘".

    Raises `ValueError` like `fiscal_year_bounds`.

    >>> fiscal_year_label(2568)
    'ปีงบประมาณ พ.ศ. ๒๕๖๘'
    """
    fiscal_year_bounds(fy_be)  # validates
    return to_digits(f"ปีงบประมาณ พ.ศ. {fy_be}", digits=digits)


def fiscal_year_range(fy_be: int, *, digits: str = "thai") -> str:
    """Fiscal year label followed by its dates in parentheses.

    >>> fiscal_year_range(2568)
    'ปีงบประมาณ พ.ศ. ๒๕๖๘ (๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘)'
    """
    start, end = fiscal_year_bounds(fy_be)
    label = fiscal_year_label(fy_be, digits=digits)
    return f"{label} ({date_range_long(start, end, digits=digits)})"


# --------------------------------------------------------------------------- numbers


def score(x: float, *, digits: str = "thai") -> str:
    """Score with two decimals and thousands grouping: 85.85 -> "๘๕.๘๕".

    `x` is a non-negative finite number (int, float or Decimal). Rounded half
    away from zero. Raises `ValueError` for negatives, NaN and infinity.

    >>> score(85.85)
    '๘๕.๘๕'
    >>> score(100)
    '๑๐๐.๐๐'
    >>> score(2.675, digits="arabic")
    '2.68'
    """
    return _fixed(_decimal(x, "score", negative=False), 2, digits)


def signed(x: float, *, digits: str = "thai") -> str:
    """Signed change with two decimals: "+๒.๖๒", "-๑.๒๐". Zero has no sign.

    A value that rounds to 0.00 is also written without a sign. Raises `ValueError`
    for NaN and infinity.

    >>> signed(2.62)
    '+๒.๖๒'
    >>> signed(-1.2)
    '-๑.๒๐'
    >>> signed(0)
    '๐.๐๐'
    """
    value = _decimal(x, "change")
    text = _fixed(value, 2, digits)
    return "+" + text if value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) > 0 else text


def percent(x: float, decimals: int = 2, *, digits: str = "thai") -> str:
    """Percentage in words style: "ร้อยละ ๔๓.๗๕". `x` is already in percent (0-100+).

    `x` must be a non-negative finite number, and `decimals` a non-negative int.
    Raises `ValueError` otherwise.

    >>> percent(43.75)
    'ร้อยละ ๔๓.๗๕'
    >>> percent(50, decimals=0)
    'ร้อยละ ๕๐'
    """
    return "ร้อยละ " + _fixed(_decimal(x, "percent", negative=False), decimals, digits)


def number(n: float, decimals: int = 0, *, digits: str = "thai") -> str:
    """Number with thousands grouping (Babel, th_TH) and `decimals` places.

    Negative numbers are allowed. Raises `ValueError` for NaN, infinity or a
    bad `decimals`.

    >>> number(3026)
    '๓,๐๒๖'
    >>> number(1234567.5, decimals=2)
    '๑,๒๓๔,๕๖๗.๕๐'
    """
    return _fixed(_decimal(n, "number"), decimals, digits)


def thai_words(n: int) -> str:
    """Integer in Thai words (PyThaiNLP `num_to_thaiword`): 21 -> "ยี่สิบเอ็ด".

    `n` is an int. A float or Decimal with no fractional part is also accepted.
    Negative numbers get "ลบ". Raises `ValueError` for a non-integral value.

    >>> thai_words(21)
    'ยี่สิบเอ็ด'
    >>> thai_words(101)
    'หนึ่งร้อยเอ็ด'
    """
    value = _decimal(n, "number")
    if value != value.to_integral_value():
        raise ValueError(f"thai_words needs a whole number, got {n!r}")
    return num_to_thaiword(int(value))


def baht_text(x: float) -> str:
    """Amount of money in Thai words (PyThaiNLP `bahttext`), rounded to satang.

    `x` is a non-negative finite number. Rounded half away from zero to 0.01 before
    conversion. PyThaiNLP would round the binary float instead. Amounts under one
    baht are written as satang only ("ห้าสิบสตางค์", not "ศูนย์บาทห้าสิบสตางค์").
    Raises `ValueError` for negatives, NaN and infinity.

    >>> baht_text(1500.25)
    'หนึ่งพันห้าร้อยบาทยี่สิบห้าสตางค์'
    >>> baht_text(21)
    'ยี่สิบเอ็ดบาทถ้วน'
    >>> baht_text(0.5)
    'ห้าสิบสตางค์'
    """
    value = _decimal(x, "amount", negative=False).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = bahttext(float(value))
    if value < 1 and value != 0:
        text = text.removeprefix("ศูนย์บาท")
    return text


# --------------------------------------------------------------------------- ITA item codes

_ITEM_CODE = re.compile(r"([ieo])([0-9๐-๙]+)", re.IGNORECASE)


def parse_item_code(code: str) -> tuple[str, int]:
    """Split an ITA item code into (lower-case letter, number).

    A code is i, e or o (any case) followed by a positive number in ASCII or Thai
    digits, for example "i10", "E7", "o22" or "O๒๒". Surrounding spaces are ignored.
    Raises `ValueError` for anything else and `TypeError` for a non-str.

    >>> parse_item_code("O22")
    ('o', 22)
    >>> parse_item_code("i๑๐")
    ('i', 10)
    """
    if not isinstance(code, str):
        raise TypeError(f"item code must be a str, got {type(code).__name__}")
    match = _ITEM_CODE.fullmatch(code.strip())
    if not match or int(to_digits(match[2], digits="arabic")) == 0:
        raise ValueError(
            f"invalid ITA item code {code!r}: expected i, e or o followed by a "
            "positive number, e.g. 'i10', 'e7', 'o22'"
        )
    return match[1].lower(), int(to_digits(match[2], digits="arabic"))


def item_code(code: str, *, digits: str = "thai") -> str:
    """ITA item code as written in documents: i and e lower-case, O upper-case.

    >>> item_code("i10")
    'i๑๐'
    >>> item_code("E7")
    'e๗'
    >>> item_code("o22")
    'O๒๒'
    """
    letter, num = parse_item_code(code)
    return to_digits(f"{'O' if letter == 'o' else letter}{num}", digits=digits)


# --------------------------------------------------------------------------- Jinja filters

FILTERS: dict[str, Callable] = {
    "digits": to_digits,
    "date_long": date_long,
    "date_numeric": date_numeric,
    "date_full": date_full,
    "date_short": date_short,
    "month_range": month_range_short,
    "date_range_short": date_range_short,
    "date_range_long": date_range_long,
    "fiscal_year": fiscal_year_label,
    "fiscal_year_range": fiscal_year_range,
    "time": time_th,
    "score": score,
    "signed": signed,
    "percent": percent,
    "number": number,
    "thai_words": thai_words,
    "baht": baht_text,
    "item_code": item_code,
}
