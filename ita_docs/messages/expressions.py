"""Messages about the ``{{ }}`` expressions of content and templates: their limits, errors and
unknown names (`ita_docs.context`). Part of `ita_docs.messages.MESSAGES`."""

from __future__ import annotations

EXPRESSIONS: dict[str, tuple[str, str]] = {
    # expression limits
    "expr_too_large": (
        "นิพจน์ใหญ่เกินไป (ผลลัพธ์เกิน {limit} ตัวอักษรหรือรายการ)",
        "expression too large (a result over {limit} characters or items)",
    ),
    "expr_number": (
        "นิพจน์ใหญ่เกินไป (ตัวเลขยาวเกิน {limit} บิต)",
        "expression too large (a number over {limit} bits)",
    ),
    "expr_iterations": (
        "นิพจน์ใหญ่เกินไป (วนซ้ำเกิน {limit} รอบ)",
        "expression too large (over {limit} loop iterations)",
    ),
    "expr_range": (
        "นิพจน์ใหญ่เกินไป (range เกิน {limit} ค่า)",
        "expression too large (a range over {limit} items)",
    ),
    "expr_output": (
        "นิพจน์ใหญ่เกินไป (ข้อความที่ได้ยาวเกิน {limit} ตัวอักษร)",
        "expression too large (output over {limit} characters)",
    ),
    "expr_time": ("นิพจน์ทำงานนานเกินไป (เกิน {limit} วินาที)", "expression took too long (over {limit} s)"),
    "expr_deep": ("นิพจน์ซ้อนกันลึกเกินไป", "expression nested too deeply"),
    "expr_zero_division": ("หารด้วยศูนย์", "division by zero"),
    "expr_filter_input": (
        "ตัวกรอง {name} ใช้กับ{expected}เท่านั้น แต่พบ {value}",
        "the {name} filter works only on {expected}, found {value}",
    ),
    "expr_filter_value": (
        "ตัวกรอง {name} ใช้กับค่า {value} ไม่ได้ ({detail})",
        "the {name} filter cannot take {value} ({detail})",
    ),
    "expr_kind_number": ("ตัวเลข", "numbers"),
    "expr_kind_date": ("วันที่", "dates"),
    "expr_kind_time": ("เวลา", "times"),
    "expr_kind_year": ("ปี พ.ศ. (จำนวนเต็ม)", "BE years (whole numbers)"),
    "expr_kind_text": ("ข้อความ", "text"),
    "expr_undefined": ("ไม่มีข้อมูลที่อ้างถึง: {detail}", "unknown name: {detail}"),
    "expr_not_allowed": (
        "นิพจน์ทำสิ่งที่ไม่อนุญาต (แก้ไขข้อมูล หรือเข้าถึงส่วนภายในของโปรแกรม): {detail}",
        "not allowed in an expression (changing content or reaching program internals): {detail}",
    ),
    "expr_syntax": ("รูปแบบนิพจน์ผิด: {detail}", "expression syntax error: {detail}"),
    "expr_invalid": ("ใช้ค่านี้ในนิพจน์ไม่ได้: {detail}", "invalid value in an expression: {detail}"),
    # the vocabulary: unknown names and filters
    "expr_unknown_name": ("ไม่รู้จักชื่อ '{name}'{hint}{names}", "unknown name '{name}'{hint}{names}"),
    "expr_unknown_attr": ("{owner} ไม่มี '{name}'{hint}{names}", "{owner} has no '{name}'{hint}{names}"),
    "expr_owner_mapping": ("ชุดข้อมูลนี้", "this mapping"),
    "expr_unknown_filter": ("ไม่รู้จักตัวกรอง '{name}'{hint}{names}", "unknown filter '{name}'{hint}{names}"),
    "expr_filters_listed": (
        " ตัวกรองที่ใช้ได้: {names} และตัวกรองมาตรฐานของ Jinja เช่น {builtin}",
        " filters: {names}, and Jinja's own such as {builtin}",
    ),
}
