"""Thai month and weekday names, from the CLDR data Babel ships, read on first use.

The same names PyThaiNLP's ``thai_full_months``, ``thai_abbr_months`` and
``thai_strftime`` print (a test pins them to PyThaiNLP); read from Babel so that
formatting a date does not import PyThaiNLP (issue 19: the cold start).
"""

from __future__ import annotations

from functools import cache


@cache
def thai_names() -> dict[str, tuple[str, ...]]:
    """``{"B": full month names, "b": abbreviated month names (January first), "A": weekdays (Monday first)}``.

    >>> thai_names()["B"][10], thai_names()["b"][9], thai_names()["A"][1]
    ('พฤศจิกายน', 'ต.ค.', 'วันอังคาร')
    """
    from babel.dates import get_day_names, get_month_names

    return {
        "B": tuple(get_month_names("wide", locale="th")[m] for m in range(1, 13)),
        "b": tuple(get_month_names("abbreviated", locale="th")[m] for m in range(1, 13)),
        "A": tuple(get_day_names("wide", locale="th")[d] for d in range(7)),
    }
