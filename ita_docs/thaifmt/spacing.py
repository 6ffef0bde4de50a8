"""No-break spaces that keep a date, a time or a number with its unit on one line.

Thai text has no spaces between words, so a space inside a date ("๕ พฤศจิกายน
๒๕๖๖") is the only place a line may break there, and Word and LibreOffice do
break it ("๕ / พฤศจิกายน ๒๕๖๖"). Official documents never split a date, a time
("๐๙.๓๐ น.") or a number from its unit ("๘๕ คะแนน", "ร้อยละ ๔๓.๗๕", "พ.ศ. ๒๕๖๖").
`keep_together` turns exactly those spaces into U+00A0 (NO-BREAK SPACE), which
both programs honour and which copies and searches as a space.

Month names and abbreviations are CLDR's (`ita_docs.thaifmt.names`, the same as
PyThaiNLP's ``thai_full_months`` and ``thai_abbr_months``); the patterns are
compiled on first use. Pure functions; no I/O.
"""

from __future__ import annotations

import re
from functools import cache

from .names import thai_names

NBSP = "\u00a0"

_DIGIT = "[0-9๐-๙]"
_NUMBER = rf"{_DIGIT}(?:[0-9๐-๙,.]*[0-9๐-๙])?"


@cache
def _dates() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(day month [year], month year): "๕ พฤศจิกายน ๒๕๖๖", "๑๐ ก.พ. ๖๕", "๓๑ ต.ค."; "ต.ค. ๖๔", "ตุลาคม ๒๕๖๖"
    (the year may follow "พ.ศ.")."""
    names = thai_names()
    month = "|".join(re.escape(m) for m in sorted([*names["B"], *names["b"]], key=len, reverse=True))
    year = rf"((?:พ\.ศ\. ?)?{_DIGIT}{{2,4}})(?![0-9๐-๙])"
    return (
        re.compile(rf"(?<![0-9๐-๙])({_DIGIT}{{1,2}}) ({month})(?: {year})?"),
        re.compile(rf"({month}) {year}"),
    )


# a word that always takes the number after it
_BEFORE = re.compile(rf"(พ\.ศ\.|ค\.ศ\.|ร้อยละ|เวลา|ครั้งที่|ที่|ข้อ|หน้า|ฉบับที่|วาระที่) (?={_DIGIT})")
# a number and the unit after it (units of measure only: "๔.๑ มาตรการ" is a heading number, not a count)
_UNITS = "คะแนน|ข้อ|คน|ครั้ง|บาท|ล้านบาท|วัน|เดือน|ปี|ชั่วโมง|นาที|ราย|แห่ง|ฉบับ|หน้า|น\\.|%"
_AFTER = re.compile(rf"(?<![0-9๐-๙,.])({_NUMBER}) (?=(?:{_UNITS})(?![ก-ฮ]))")


def keep_together(text: str) -> str:
    """``text`` with the spaces inside dates, times and number-unit pairs made no-break.

    Other spaces (between phrases) stay breakable. Raises `TypeError` for a non-str.

    >>> keep_together("เมื่อวันที่ ๕ พฤศจิกายน ๒๕๖๖ เวลา ๐๙.๓๐ น. ได้ ๘๕ คะแนน").split(" ")
    ['เมื่อวันที่\\xa0๕\\xa0พฤศจิกายน\\xa0๒๕๖๖', 'เวลา\\xa0๐๙.๓๐\\xa0น.', 'ได้', '๘๕\\xa0คะแนน']
    >>> keep_together("เดือน ต.ค. ๖๔ - ก.ย. ๖๕ ร้อยละ 43.75")
    'เดือน ต.ค.\\xa0๖๔ - ก.ย.\\xa0๖๕ ร้อยละ\\xa043.75'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if " " not in text:
        return text

    def join(m: re.Match[str]) -> str:
        return m.group(0).replace(" ", NBSP)

    day_month, month_year = _dates()
    text = day_month.sub(join, text)
    text = month_year.sub(join, text)
    text = _BEFORE.sub("\\1" + NBSP, text)
    return _AFTER.sub("\\1" + NBSP, text)
