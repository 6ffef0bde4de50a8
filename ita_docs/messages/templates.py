"""Messages about the Word and PowerPoint templates: what the template check finds in them
(`ita_docs.template_check`, `ita_docs.slides`). Part of `ita_docs.messages.MESSAGES`."""

from __future__ import annotations

TEMPLATES: dict[str, tuple[str, str]] = {
    # template lint (ita-docs lint)
    "lint_not_docx": (
        'ไฟล์นี้ไม่ใช่ไฟล์ Word (.docx): {reason} ให้เปิดไฟล์ใน Word แล้วบันทึกเป็นชนิด "เอกสาร Word (*.docx)"',
        'this file is not a Word file (.docx): {reason}; open it in Word and save it as "Word Document (*.docx)"',
    ),
    "lint_reason_text": (
        "เป็นไฟล์ข้อความหรือไฟล์ชนิดอื่นที่ตั้งชื่อเป็น .docx",
        "it is a text file or another kind of file named .docx",
    ),
    "lint_reason_doc": (
        "เป็นไฟล์ Word รุ่นเก่า (.doc) ที่ตั้งชื่อเป็น .docx",
        "it is an old Word file (.doc) named .docx",
    ),
    "lint_reason_zip": (
        "เป็นไฟล์ zip ที่ไม่มีเนื้อหาเอกสาร Word (word/document.xml)",
        "it is a zip file with no Word document inside (word/document.xml)",
    ),
    "lint_reason_broken": (
        "ไฟล์เสียหรือบันทึกไม่ครบ ({error})",
        "the file is damaged or was not saved completely ({error})",
    ),
    "lint_bad_xml": (
        "อ่านส่วนนี้ของไฟล์ไม่ได้ (XML เสีย: {error})",
        "this part of the file cannot be read (broken XML: {error})",
    ),
    "lint_unclosed": (
        "แท็ก {tag} เปิดแล้วไม่ได้ปิด: ต้องมี {closer} ต่อจากนี้",
        "the tag {tag} is opened but never closed: it needs {closer} after it",
    ),
    "lint_unclosed_before": (
        "แท็ก {tag} เปิดแล้วไม่ได้ปิด: ต้องมี {closer} ก่อน {next}",
        "the tag {tag} is opened but never closed: it needs {closer} before {next}",
    ),
    "lint_stray_end": (
        "แท็ก {tag} ปิดบล็อกที่ไม่ได้เปิดไว้ (ไม่มี {opener} ก่อนหน้า)",
        "the tag {tag} closes a block that was never opened (no {opener} before it)",
    ),
    "lint_mismatch": (
        "แท็ก {tag} ไม่ตรงกับ {opener} ที่เปิดไว้ที่{where}: ต้องปิด {opener} ด้วย {closer} ก่อน",
        "the tag {tag} does not match {opener} opened at {where}: close it with {closer} first",
    ),
    "lint_misplaced": ("แท็ก {tag} ต้องอยู่ภายในบล็อก {inside}", "the tag {tag} must be inside a {inside} block"),
    "lint_syntax": ("รูปแบบแท็ก {tag} ผิด: {detail}", "the tag {tag} is malformed: {detail}"),
    "lint_syntax_part": ("รูปแบบแม่แบบผิด: {detail}", "template syntax error: {detail}"),
    "lint_unterminated": (
        "แท็กที่ขึ้นต้นด้วย {start} ไม่มี {end} ปิดในย่อหน้าเดียวกัน",
        "a tag starting with {start} has no closing {end} in the same paragraph",
    ),
    "lint_smart_quotes": (
        "แท็ก {tag} มีเครื่องหมายคำพูดแบบโค้ง (“ ” ‘ ’) ที่ Word ใส่ให้อัตโนมัติ ให้พิมพ์ \" หรือ ' แทน"
        " (หรือให้โปรแกรมซ่อมแม่แบบ)",
        "the tag {tag} holds curly quotes (“ ” ‘ ’) that Word put in automatically: type \" or ' instead"
        " (or let the program repair the template)",
    ),
    "lint_split_tag": (
        "แท็ก {tag} ถูกแบ่งเป็น {n} ช่วงที่จัดรูปแบบต่างกัน (ตัวหนา ตัวเอียง ฟอนต์ ขนาด หรือสี) เอกสารจะใช้รูปแบบของช่วงแรก"
        " ให้พิมพ์แท็กใหม่ทั้งแท็กด้วยรูปแบบเดียว (หรือให้โปรแกรมซ่อมแม่แบบ)",
        "the tag {tag} is split into {n} runs with different formatting (bold, italic, font, size or colour); the"
        " document takes the first run's: retype the whole tag in one format (or let the program repair the template)",
    ),
    "lint_unknown_attr_of": ("'{name}' ไม่มี '{attr}'{hint}{names}", "'{name}' has no '{attr}'{hint}{names}"),
    "lint_where_table": ("ตารางที่ {table} แถวที่ {row} ช่องที่ {cell}", "table {table}, row {row}, cell {cell}"),
    "lint_where_paragraph": ("ย่อหน้า “{text}”", "paragraph “{text}”"),
    "lint_after": ("ต่อจาก “{text}”", "after “{text}”"),
    "lint_part_body": ("เนื้อหา", "body"),
    "lint_part_header": ("หัวกระดาษ", "header"),
    "lint_part_footer": ("ท้ายกระดาษ", "footer"),
    "lint_part_footnotes": ("เชิงอรรถ", "footnotes"),
    # issue 16: the slide deck's PowerPoint template
    "slide_template_not_pptx": (
        'แม่แบบสไลด์ {template} ไม่ใช่ไฟล์ PowerPoint (.pptx): {reason} ให้เปิดใน PowerPoint แล้วบันทึกเป็น "งานนำเสนอ PowerPoint (*.pptx)"',
        "the slide template {template} is not a PowerPoint file (.pptx): {reason}; open it in PowerPoint and save it as"
        ' "PowerPoint Presentation (*.pptx)"',
    ),
    "slide_template_layout": (
        "แม่แบบสไลด์ {template} ไม่มีเค้าโครง (layout) ชื่อ “{layout}” ในต้นแบบสไลด์ (มุมมอง > ต้นแบบสไลด์)"
        " ที่มีอยู่: {known} ให้ตั้งชื่อเค้าโครงกลับเป็น “{layout}” หรือส่งออกแม่แบบใหม่ด้วย ita-docs templates export",
        "the slide template {template} has no slide layout named “{layout}” (View > Slide Master); it has: {known}."
        " Rename the layout back to “{layout}” or export a fresh template with ita-docs templates export",
    ),
    "slide_template_placeholder": (
        "เค้าโครง “{layout}” ของแม่แบบสไลด์ {template} ไม่มีช่องข้อความ (placeholder) {placeholder}"
        " ให้แทรกกลับในต้นแบบสไลด์ (แทรกพื้นที่ที่สำรองไว้)",
        "the layout “{layout}” of the slide template {template} has no {placeholder} placeholder; insert it again"
        " in the Slide Master (Insert Placeholder)",
    ),
    # issue 19: zip caps
    "zip_too_big": (
        "ส่วน {member} ของไฟล์ขยายได้ใหญ่เกินกว่าไฟล์ Word ปกติ ({reason}) ไฟล์อาจเสียหรือถูกดัดแปลง ให้ใช้ไฟล์อื่น",
        "its member {member} inflates beyond any ordinary Word file ({reason}); the file may be damaged or"
        " tampered with: use another file",
    ),
}
