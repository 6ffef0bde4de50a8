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

Layout: `ita_docs.thaifmt.digits` (Thai or ASCII digits), `ita_docs.thaifmt.dates`
(BE years, dates, ranges, fiscal years, time), `ita_docs.thaifmt.numbers` (scores,
numbers, words, baht, item codes) and `ita_docs.thaifmt.spacing` (no-break spaces
in dates, times and numbers with their unit); `ita_docs.thaifmt.lines` breaks
titles into lines between words, never inside a name; this package re-exports their public functions
and maps them to filter names in `FILTERS`. `ita_docs.thaifmt.pythainlp_data` keeps
PyThaiNLP's data folder out of HOME; it is imported right before pythainlp, which only the
Thai words and baht text import, when called (issue 19: a build imports neither).
"""

from __future__ import annotations

from collections.abc import Callable

from .dates import (
    BE_OFFSET,
    be_year,
    ce_date,
    ce_year,
    date_full,
    date_long,
    date_numeric,
    date_range_long,
    date_range_short,
    date_short,
    fiscal_year_bounds,
    fiscal_year_label,
    fiscal_year_range,
    month_range_short,
    month_year_short,
    time_th,
    to_ce_date,
)
from .digits import localize_digits, to_digits
from .lines import balanced_lines, shown_length, split_lines
from .numbers import (
    baht_text,
    item_code,
    number,
    parse_item_code,
    percent,
    score,
    signed,
    thai_words,
)
from .spacing import NBSP, keep_together

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

__all__ = [
    "BE_OFFSET",
    "FILTERS",
    "NBSP",
    "baht_text",
    "balanced_lines",
    "be_year",
    "ce_date",
    "ce_year",
    "date_full",
    "date_long",
    "date_numeric",
    "date_range_long",
    "date_range_short",
    "date_short",
    "fiscal_year_bounds",
    "fiscal_year_label",
    "fiscal_year_range",
    "item_code",
    "keep_together",
    "localize_digits",
    "month_range_short",
    "month_year_short",
    "number",
    "parse_item_code",
    "percent",
    "score",
    "shown_length",
    "signed",
    "split_lines",
    "thai_words",
    "time_th",
    "to_ce_date",
    "to_digits",
]
