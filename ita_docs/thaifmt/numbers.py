"""Scores, signed changes, percentages and numbers; whole numbers and baht in Thai words; ITA item codes.

Numbers are rounded half away from zero on their decimal value
(``Decimal(str(x))``), so 2.675 becomes 2.68, as a clerk would expect. Babel and
Python on their own would round half to even on the binary float. Thousands are
grouped by Babel (th_TH). Wrong types raise `TypeError`; a negative score, NaN,
infinity or a bad item code raise `ValueError`.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal

from .digits import to_digits


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
    from .pythainlp_data import pythainlp

    return pythainlp("pythainlp.util").num_to_thaiword(int(value))


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
    from .pythainlp_data import pythainlp

    text = pythainlp("pythainlp.util").bahttext(float(value))
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
    """ITA item code as printed, in one script per code (issue 16).

    With Arabic digits the NACC manuals' form: O upper-case, i and e lower-case
    ("O22", "i10"). With Thai digits every letter is lower-case ("o๒๒", "i๑๐",
    as seed 002 writes "ข้อ i๑๐"): a capital O beside Thai digits reads as the
    digit ๐ ("O๒๒" looks like "๐๒๒", the confusion OCR makes in the seeds).

    >>> item_code("i10")
    'i๑๐'
    >>> item_code("E7")
    'e๗'
    >>> item_code("o22"), item_code("o22", digits="arabic")
    ('o๒๒', 'O22')
    """
    letter, num = parse_item_code(code)
    if digits == "arabic" and letter == "o":
        letter = "O"
    return to_digits(f"{letter}{num}", digits=digits)
