"""The Thai filters content text may use inside ``{{ }}``, documented: `Filter` and every `FILTERS`
entry, in Thai and English with an example value (part of `ita_docs.context.vocabulary`, which
re-exports them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Filter:
    """One Thai formatting filter: usage, meaning (Thai, English), and an example value and arguments."""

    name: str
    usage: str
    th: str
    en: str
    value: Any
    args: tuple[Any, ...] = ()
    shown: str = ""  # how the example value is written in the docs (default: the value itself)


_DAY, _END = dt.date(2023, 4, 15), dt.date(2023, 9, 30)
FILTERS: tuple[Filter, ...] = (
    Filter(
        "fiscal_digits",
        "{{ fiscal_year|fiscal_digits }}",
        "พิมพ์ปี พ.ศ. เป็นตัวเลขของเอกสาร",
        "prints a BE year in the document's digits",
        2566,
    ),
    Filter(
        "digits",
        "{{ text|digits }}",
        "เปลี่ยนตัวเลขในข้อความเป็นตัวเลขของเอกสาร",
        "turns the digits of a text into the document's",
        "ข้อ 12",
        shown="'ข้อ 12'",
    ),
    Filter(
        "score", "{{ x|score }}", "คะแนน ทศนิยม ๒ ตำแหน่ง", "a score with two decimals", 85.849, shown="85.849"
    ),
    Filter(
        "signed",
        "{{ x|signed }}",
        "ค่าที่เปลี่ยนไป มีเครื่องหมาย + หรือ - ทศนิยม ๒ ตำแหน่ง",
        "a change with its sign and two decimals",
        2.62,
    ),
    Filter(
        "percent",
        "{{ x|percent }} {{ x|percent(0) }}",
        "ร้อยละ (ระบุจำนวนทศนิยมได้ ไม่ระบุ = ๒)",
        "a percentage (decimals may be given, default 2)",
        43.75,
    ),
    Filter(
        "number",
        "{{ n|number }} {{ n|number(2) }}",
        "จำนวนมีจุลภาคคั่นหลักพัน (ระบุจำนวนทศนิยมได้ ไม่ระบุ = ๐)",
        "a number with thousands separators (decimals default 0)",
        3026,
    ),
    Filter("thai_words", "{{ n|thai_words }}", "จำนวนเต็มเป็นคำอ่านภาษาไทย", "a whole number in Thai words", 21),
    Filter(
        "baht",
        "{{ x|baht }}",
        "จำนวนเงินเป็นคำอ่าน (บาท สตางค์)",
        "an amount of money in Thai words (baht, satang)",
        1500.25,
    ),
    Filter(
        "date_long",
        "{{ d|date_long }}",
        "วันที่เต็ม: วัน เดือน ปี พ.ศ.",
        "a long date: day, month, BE year",
        _DAY,
        shown="2566-04-15",
    ),
    Filter(
        "date_full", "{{ d|date_full }}", "วันที่พร้อมชื่อวัน", "a date with its weekday", _DAY, shown="2566-04-15"
    ),
    Filter(
        "date_short",
        "{{ d|date_short }}",
        "วันที่แบบย่อ (ระบุตัวคั่นก่อนปีได้ เช่น date_short(''))",
        "a short date (the separator before the year may be given)",
        _DAY,
        shown="2566-04-15",
    ),
    Filter(
        "date_numeric",
        "{{ d|date_numeric }}",
        "วันที่แบบตัวเลข วัน/เดือน/ปี",
        "a numeric date day/month/year",
        _DAY,
        shown="2566-04-15",
    ),
    Filter(
        "month_range",
        "{{ start|month_range(end) }}",
        "ช่วงเดือน",
        "a range of months",
        _DAY,
        (_END,),
        shown="2566-04-15, 2566-09-30",
    ),
    Filter(
        "date_range_short",
        "{{ start|date_range_short(end) }}",
        "ช่วงวันที่แบบย่อ",
        "a short date range",
        _DAY,
        (_END,),
        shown="2566-04-15, 2566-09-30",
    ),
    Filter(
        "date_range_long",
        "{{ start|date_range_long(end) }}",
        "ช่วงวันที่แบบเต็ม",
        "a long date range",
        _DAY,
        (_END,),
        shown="2566-04-15, 2566-09-30",
    ),
    Filter(
        "fiscal_year",
        "{{ fiscal_year|fiscal_year }}",
        "ปีงบประมาณ พ.ศ. พร้อมคำนำหน้า",
        "a fiscal year with its label",
        2566,
    ),
    Filter(
        "fiscal_year_range",
        "{{ fiscal_year|fiscal_year_range }}",
        "ปีงบประมาณพร้อมวันเริ่มและวันสิ้นสุด",
        "a fiscal year with its first and last day",
        2566,
    ),
    Filter(
        "time",
        "{{ t|time }}",
        "เวลาแบบ ชั่วโมง.นาที น.",
        "a time as hours.minutes น.",
        dt.time(9, 30),
        shown="09:30",
    ),
    Filter(
        "item_code",
        "{{ code|item_code }}",
        "รหัสข้อการประเมิน (i e เล็ก O ใหญ่)",
        "an ITA item code (i, e lower case, O upper case)",
        "o22",
        shown="'o22'",
    ),
)
