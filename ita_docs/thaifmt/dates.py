"""Buddhist Era years and dates, date ranges, fiscal years and clock times, in Thai.

Dates are `datetime.date` values in the Gregorian calendar. They are rendered in the
Buddhist Era (พ.ศ. = ค.ศ. + 543). A date whose year is above 2400 is assumed to
have been typed in BE already and is converted first (see `to_ce_date`). Month and
weekday names are Babel's (CLDR, locale ``th``): the same as PyThaiNLP's `thai_strftime`
(a test pins both), without importing all of ``pythainlp.util`` (issue 19: about 40 ms
of every fresh process). Wrong types raise `TypeError`;
a range that ends before it starts or a year out of range raises `ValueError`.
"""

from __future__ import annotations

from datetime import date, time

from .digits import check_digits, to_digits
from .names import thai_names
from .spacing import NBSP

BE_OFFSET = 543
_BE_THRESHOLD = 2400  # a year above this is taken as BE, not CE


def _check_date(d: object, name: str = "date") -> date:
    if not isinstance(d, date):
        raise TypeError(f"{name} must be a datetime.date, got {type(d).__name__}")
    return to_ce_date(d)


def _strftime(d: date, fmt: str, digits: str) -> str:
    """``fmt`` as PyThaiNLP's ``thai_strftime`` writes it, for the directives used here: %-d, %A,
    %B, %b, %Y (BE year), %y (its last two digits)."""
    check_digits(digits)
    d = _check_date(d)
    names = thai_names()
    year = d.year + BE_OFFSET
    values = {
        "-d": str(d.day),
        "A": names["A"][d.weekday()],
        "B": names["B"][d.month - 1],
        "b": names["b"][d.month - 1],
        "Y": str(year),
        "y": f"{year % 100:02d}",
    }
    out, i = [], 0
    while i < len(fmt):
        if fmt[i] == "%":
            code = fmt[i + 1 : i + 3] if fmt[i + 1] == "-" else fmt[i + 1]
            out.append(values[code])
            i += 1 + len(code)
        else:
            out.append(fmt[i])
            i += 1
    return to_digits("".join(out), digits)


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
    """Day, full month name, BE year: "๑๐ กุมภาพันธ์ ๒๕๖๕", joined by no-break spaces
    (U+00A0) so that a line never breaks inside the date.

    >>> date_long(date(2022, 2, 10))
    '๑๐\\xa0กุมภาพันธ์\\xa0๒๕๖๕'
    >>> date_long(date(2022, 2, 1), digits="arabic").replace(NBSP, " ")
    '1 กุมภาพันธ์ 2565'
    """
    return _strftime(d, "%-d %B %Y", digits).replace(" ", NBSP)


def date_full(d: date, *, digits: str = "thai") -> str:
    """Weekday, then the long date: "วันอังคารที่ ๓๑ ตุลาคม ๒๕๖๖".

    >>> date_full(date(2023, 10, 31)).replace(NBSP, " ")
    'วันอังคารที่ ๓๑ ตุลาคม ๒๕๖๖'
    """
    return _strftime(d, "%Aที่ %-d %B %Y", digits).replace(" ", NBSP)


def date_short(d: date, sep: str = " ", *, digits: str = "thai") -> str:
    """Day, abbreviated month (ม.ค. … ธ.ค.), `sep`, two-digit BE year; spaces no-break.

    >>> date_short(date(2022, 2, 10)).replace(NBSP, " ")
    '๑๐ ก.พ. ๖๕'
    >>> date_short(date(2024, 12, 24), sep="").replace(NBSP, " ")
    '๒๔ ธ.ค.๖๗'
    """
    if not isinstance(sep, str):
        raise TypeError(f"sep must be a str, got {type(sep).__name__}")
    return (_strftime(d, "%-d %b", digits) + sep + _strftime(d, "%y", digits)).replace(" ", NBSP)


def date_numeric(d: date, *, digits: str = "thai") -> str:
    """Day/month/two-digit BE year, as written on forms: "๑๕/๒/๖๕".

    Source: the distribution list of seed 001 ("15/2/65", handwritten).

    >>> date_numeric(date(2022, 2, 15))
    '๑๕/๒/๖๕'
    >>> date_numeric(date(2022, 2, 15), digits="arabic")
    '15/2/65'
    """
    check_digits(digits)
    d = to_ce_date(_check_date(d))
    return to_digits(f"{d.day}/{d.month}/{be_year(d.year) % 100:02d}", digits=digits)


def month_year_short(d: date, *, digits: str = "thai") -> str:
    """Abbreviated month and two-digit BE year: "ต.ค. ๖๔".

    >>> month_year_short(date(2021, 10, 1)).replace(NBSP, " ")
    'ต.ค. ๖๔'
    """
    return _strftime(d, "%b %y", digits).replace(" ", NBSP)


def _check_range(start: date, end: date) -> None:
    if _check_date(end, "end") < _check_date(start, "start"):
        raise ValueError(f"range ends ({end}) before it starts ({start})")


def month_range_short(start: date, end: date, *, digits: str = "thai") -> str:
    """Month range: "เดือน ต.ค. ๖๔ - ก.ย. ๖๕". Raises `ValueError` if end < start.

    >>> month_range_short(date(2021, 10, 1), date(2022, 9, 30)).replace(NBSP, " ")
    'เดือน ต.ค. ๖๔ - ก.ย. ๖๕'
    """
    _check_range(start, end)
    first, last = (month_year_short(d, digits=digits) for d in (start, end))
    return f"เดือน {first} - {last}"


def date_range_short(start: date, end: date, *, digits: str = "thai") -> str:
    """Compact date range, no spaces around the dash: "๑ ต.ค.๖๗-๓๐ ก.ย.๖๘".

    Raises `ValueError` if end < start.

    >>> date_range_short(date(2024, 10, 1), date(2025, 9, 30)).replace(NBSP, " ")
    '๑ ต.ค.๖๗-๓๐ ก.ย.๖๘'
    """
    _check_range(start, end)
    return f"{date_short(start, '', digits=digits)}-{date_short(end, '', digits=digits)}"


def date_range_long(start: date, end: date, *, digits: str = "thai") -> str:
    """Long date range with a spaced en dash: "๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘".

    Raises `ValueError` if end < start.

    >>> date_range_long(date(2024, 10, 1), date(2025, 9, 30)).replace(NBSP, " ")
    '๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘'
    """
    _check_range(start, end)
    return f"{date_long(start, digits=digits)} – {date_long(end, digits=digits)}"


def time_th(t: time, *, digits: str = "thai") -> str:
    """Clock time in the official style, HH.MM น.: "๐๙.๓๐ น." (a no-break space before
    น.). Seconds are dropped.

    >>> time_th(time(9, 30))
    '๐๙.๓๐\\xa0น.'
    >>> time_th(time(13, 5), digits="arabic").replace(NBSP, " ")
    '13.05 น.'
    """
    if not isinstance(t, time):
        raise TypeError(f"time must be a datetime.time, got {type(t).__name__}")
    return to_digits(f"{t.hour:02d}.{t.minute:02d}{NBSP}น.", digits=digits)


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

    >>> fiscal_year_label(2568).replace(NBSP, " ")
    'ปีงบประมาณ พ.ศ. ๒๕๖๘'
    """
    fiscal_year_bounds(fy_be)  # validates
    return to_digits(f"ปีงบประมาณ พ.ศ.{NBSP}{fy_be}", digits=digits)


def fiscal_year_range(fy_be: int, *, digits: str = "thai") -> str:
    """Fiscal year label followed by its dates in parentheses.

    >>> fiscal_year_range(2568).replace(NBSP, " ")
    'ปีงบประมาณ พ.ศ. ๒๕๖๘ (๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘)'
    """
    start, end = fiscal_year_bounds(fy_be)
    label = fiscal_year_label(fy_be, digits=digits)
    return f"{label} ({date_range_long(start, end, digits=digits)})"
