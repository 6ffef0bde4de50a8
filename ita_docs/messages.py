"""User-facing messages in Thai (default) and English.

The language is Thai unless ``ITA_DOCS_LANG=en`` is set or the CLI is given
``--lang en``. Messages are looked up by id and formatted with ``str.format``.
"""

from __future__ import annotations

import os

_LANG: list[str] = [os.environ.get("ITA_DOCS_LANG", "th").lower()[:2]]

MESSAGES: dict[str, tuple[str, str]] = {
    # content validation
    "missing": ("ขาดข้อมูลที่จำเป็น '{field}'", "required field '{field}' is missing"),
    "extra": ("ไม่รู้จักชื่อข้อมูล '{key}'{hint}", "unknown key '{key}'{hint}"),
    "colon_in_text": (
        " (ข้อความที่มีเครื่องหมาย ': ' อยู่ข้างใน YAML อ่านเป็นชื่อข้อมูลกับค่า: ใส่เครื่องหมายคำพูดครอบข้อความ เช่น \"ตามที่: ...\")",
        " (text containing ': ' was read by YAML as a key and a value: put the text in quotes, e.g. \"Note: ...\")",
    ),
    "hint": (" (หมายถึง '{guess}' หรือไม่?)", " (did you mean '{guess}'?)"),
    "allowed": (" ชื่อที่ใช้ได้: {names}", " allowed: {names}"),
    "number": ("ต้องเป็นตัวเลข (เช่น 85.85) แต่พบ '{input}'", "must be a number (e.g. 85.85), found '{input}'"),
    "integer": (
        "ต้องเป็นจำนวนเต็ม (เช่น 2566) แต่พบ '{input}'",
        "must be a whole number (e.g. 2566), found '{input}'",
    ),
    "text": ("ต้องเป็นข้อความ แต่พบ '{input}'", "must be text, found '{input}'"),
    "bool": ("ต้องเป็น true หรือ false แต่พบ '{input}'", "must be true or false, found '{input}'"),
    "list": ("ต้องเป็นรายการ (แต่ละบรรทัดขึ้นต้นด้วย '- ')", "must be a list (lines starting with '- ')"),
    "mapping": ("ต้องเป็นชุดข้อมูลแบบ 'ชื่อ: ค่า'", "must be a mapping of 'key: value' lines"),
    "range_ge": ("ต้องไม่น้อยกว่า {limit} แต่พบ {input}", "must be at least {limit}, found {input}"),
    "range_le": ("ต้องไม่เกิน {limit} แต่พบ {input}", "must be at most {limit}, found {input}"),
    "choice": (
        "ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {expected} แต่พบ '{input}'",
        "must be one of {expected}, found '{input}'",
    ),
    "date": (
        "ต้องเป็นวันที่แบบ ปปปป-ดด-วว (เช่น 2566-04-15) แต่พบ '{input}'",
        "must be a date YYYY-MM-DD (e.g. 2023-04-15), found '{input}'",
    ),
    "pattern": (
        "รหัสใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข . - และ _ แต่พบ '{input}'",
        "ids may use only a-z, 0-9, ., - and _, found '{input}'",
    ),
    "item_code": (
        "รหัสข้อการประเมินต้องเป็นแบบ i1, e7, o22 แต่พบ '{input}'",
        "item codes look like i1, e7, o22, found '{input}'",
    ),
    "block_kind": (
        "แต่ละย่อหน้าต้องเป็นข้อความ หรือมีอย่างใดอย่างหนึ่ง: paragraph, heading, bullets, numbered, dashes, table",
        "each block is text or exactly one of paragraph, heading, bullets, numbered, dashes, table",
    ),
    "period_pair": ("ต้องระบุทั้ง start และ end", "start and end go together"),
    "period_order": ("วันเริ่ม (start) อยู่หลังวันสิ้นสุด (end)", "start is after end"),
    "period_empty": (
        "ต้องระบุ text, fiscal_year, start/end หรือ until",
        "give text, fiscal_year, start/end or until",
    ),
    "invalid": ("ค่าไม่ถูกต้อง: {msg}", "invalid value: {msg}"),
    "yaml_syntax": ("รูปแบบ YAML ผิด: {problem}", "YAML syntax error: {problem}"),
    "yaml_tab": (" (ห้ามใช้แท็บ ให้เว้นวรรคด้วยช่องว่าง)", " (use spaces, not tabs)"),
    "empty_file": ("ไฟล์ว่าง ไม่มีข้อมูล", "the file is empty"),
    "not_mapping_file": (
        "ไฟล์ต้องขึ้นต้นด้วยชื่อข้อมูลระดับบนสุด เช่น 'organisation:'",
        "the file must hold top-level keys such as 'organisation:'",
    ),
    "duplicate_key": ("ชื่อข้อมูล '{key}' ซ้ำกับในไฟล์ {other}", "key '{key}' is also defined in {other}"),
    "no_content": ("ไม่พบไฟล์เนื้อหา (.yaml) ใน {path}", "no content file (.yaml) found in {path}"),
    "not_found": ("ไม่พบไฟล์หรือโฟลเดอร์ {path}", "no such file or folder: {path}"),
    "unreadable": ("อ่านไฟล์ไม่ได้: {error}", "cannot read the file: {error}"),
    "duplicate_id": ("รหัส '{id}' ซ้ำ", "id '{id}' is used twice"),
    "unknown_ref": (
        "{owner} อ้างถึง{kind_th} '{id}' ซึ่งไม่มีอยู่{hint}",
        "{owner} refers to unknown {kind} '{id}'{hint}",
    ),
    "indicator_range": ("ตัวชี้วัดต้องเป็นเลข 1-10 แต่พบ {value}", "indicators are numbered 1-10, found {value}"),
    "assessment_year": (
        "ปีที่ประเมิน ({year}) อยู่หลังปีงบประมาณของเอกสาร ({fy})",
        "the assessed year ({year}) is after the documents' fiscal year ({fy})",
    ),
    "no_framework": (
        "ไม่มีข้อมูลเกณฑ์การประเมิน ITA ของปี {year} (มีปี {years})",
        "no ITA framework data for {year} (have {years})",
    ),
    "unknown_indicator_item": (
        "ไม่รู้จักตัวชี้วัด {value} ในเกณฑ์ปี {year}",
        "indicator {value} is not in the {year} framework",
    ),
    "expression": ("นิพจน์ในข้อความผิด: {error}", "error in a text expression: {error}"),
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
    # committees, minutes, OIT follow-up
    "time": (
        "เวลาต้องเขียนแบบ ชั่วโมง.นาที ในเครื่องหมายคำพูด เช่น \"09.30\" (ชั่วโมง 0-23 นาที 0-59) แต่พบ '{input}'",
        "a time is written hours.minutes in quotes, e.g. \"09.30\" (hours 0-23, minutes 0-59), found '{input}'",
    ),
    "time_order": (
        "เวลาเลิกประชุม ({end}) ต้องอยู่หลังเวลาเริ่มประชุม ({start})",
        "the end time ({end}) must be after the start time ({start})",
    ),
    "member_who": (
        "ต้องระบุบุคคล: รหัสบุคคล (person) หรือรหัสกรรมการ หรือชื่อ (name) หรือตำแหน่ง (position) อย่างน้อยหนึ่งอย่าง",
        "name someone: a person id, a member id, a name or a position",
    ),
    "agenda_title": (
        "ระเบียบวาระที่ {n} ต้องมีชื่อเรื่อง (title) หรือประเภท (kind: chair, confirm, inform, consider, other)",
        "agenda item {n} needs a title or a kind (chair, confirm, inform, consider, other)",
    ),
    "templates_missing": (
        "ไม่พบโฟลเดอร์แม่แบบ '{path}' (templates) ในโฟลเดอร์เนื้อหา",
        "no template folder '{path}' (templates) in the content folder",
    ),
    "output_collision": (
        "เนื้อหาสองชุดจะเขียนลงโฟลเดอร์ผลลัพธ์ชื่อเดียวกัน '{name}': {first} และ {second} เปลี่ยนชื่อโฟลเดอร์หนึ่ง",
        "two content sets would write to the same output folder '{name}': {first} and {second}; rename one",
    ),
    "insert_needs": (
        "ตาราง '{name}' คำนวณจากข้อมูล '{needs}' ซึ่งเนื้อหานี้ยังไม่มี",
        "the '{name}' table is computed from '{needs}', which this content does not have",
    ),
    "more_errors": (
        "... และอีก {n} รายการ (แก้รายการข้างบนแล้วตรวจใหม่)",
        "... and {n} more (fix the ones above and check again)",
    ),
    "preset_needs": (
        "บันทึก {id} ใช้ preset {preset} ซึ่งต้องใช้ข้อมูล '{needs}' แต่เนื้อหานี้ยังไม่มี",
        "memo {id} uses the {preset} preset, which needs '{needs}', and this content has none",
    ),
    "oit_item": (
        "รหัสข้อ OIT ต้องขึ้นต้นด้วย o เช่น o1, o22 แต่พบ '{input}'",
        "OIT item codes start with o, e.g. o1, o22; found '{input}'",
    ),
    "oit_row": (
        "แต่ละแถวต้องมีรหัสข้อ (item) หรือชื่อรายการ (title)",
        "each row needs an item code (item) or a title",
    ),
    "oit_title": (
        "ไม่พบชื่อของข้อ {item} ในเกณฑ์ปี {year}: ใส่ title ของแถวนี้เอง หรือเพิ่มใน item_titles",
        "no title for item {item} in the {year} framework: give the row a title, or add it to item_titles",
    ),
    # loader hardening
    "date_impossible": (
        "ไม่มีวันที่ '{input}' ในปฏิทิน ตรวจวันและเดือน (เช่น เดือนกุมภาพันธ์มี 28 หรือ 29 วัน)",
        "'{input}' is not a real date: check the day and month (e.g. February has 28 or 29 days)",
    ),
    "control_char": (
        "พบอักขระควบคุมที่มองไม่เห็น ({code}) ซึ่งมักติดมาจากการคัดลอกข้อความจาก Word: ลบอักขระควบคุมที่มองไม่เห็นนี้ออก",
        "invisible control character ({code}), often pasted from Word: delete it",
    ),
    "control_more": (
        "พบอักขระควบคุมที่มองไม่เห็นอีก {n} ตัวในไฟล์นี้ ตั้งแต่ตำแหน่งนี้ไป",
        "{n} more invisible control characters in this file from here on",
    ),
    "yaml_alias_cycle": (
        "'*{anchor}' อ้างถึงข้อมูลที่ตัวเองอยู่ข้างใน (วนไม่รู้จบ) ให้ลบ '*{anchor}' หรือเขียนข้อมูลนั้นออกมาตรง ๆ",
        "'*{anchor}' refers to the data it is inside of (an endless loop): remove it or write the data out",
    ),
    "yaml_alias_bomb": (
        "การอ้างอิง '*{anchor}' ทำให้ข้อมูลขยายเกิน {limit} รายการ (อ้างอิงซ้อนกันหลายชั้น) ให้เขียนข้อมูลโดยไม่ใช้ & และ *",
        "the alias '*{anchor}' expands the data beyond {limit} items (nested aliases): write the data without & and *",
    ),
    "yaml_too_many": (
        "ไฟล์มีข้อมูลเกิน {limit} รายการ ให้แบ่งเป็นหลายไฟล์หรือตัดส่วนที่ไม่ใช้ออก",
        "the file holds more than {limit} items: split it or remove unused parts",
    ),
    "yaml_too_deep": (
        "ข้อมูลซ้อนกันลึกเกิน {limit} ชั้น ตรวจวงเล็บ [ ] {{ }} ที่เปิดแล้วไม่ได้ปิด หรือการอ้างอิงด้วย *",
        "data nested more than {limit} levels deep: check for unclosed [ ] {{ }} brackets or aliases (*)",
    ),
    "yaml_tag_value": (
        "อ่านค่า '{value}' เป็นชนิด {tag} ไม่ได้: แก้ค่า หรือถ้าเป็นข้อความให้ใส่ในเครื่องหมายคำพูด (และไม่ใส่ {tag})",
        "cannot read '{value}' as {tag}: fix the value, or if it is text put it in quotes (without {tag})",
    ),
    "duplicate_key_here": (
        "ชื่อข้อมูล '{key}' เขียนซ้ำในไฟล์เดียวกัน (บรรทัด {first} และ {line}) ให้เหลือไว้เพียงบรรทัดเดียว",
        "key '{key}' is written twice in this file (lines {first} and {line}): keep only one",
    ),
    "encoding_wide": (
        "ไฟล์นี้บันทึกเป็น {encoding} ซึ่งโปรแกรมอ่านไม่ได้ บันทึกไฟล์ใหม่เป็น UTF-8 (ใน Notepad: บันทึกเป็น > การเข้ารหัส UTF-8)",
        "the file is saved as {encoding}: save it again as UTF-8 (in Notepad: Save As > Encoding UTF-8)",
    ),
    "encoding_bad": (
        "ไฟล์นี้ไม่ได้บันทึกเป็น UTF-8: พบไบต์ {byte} ที่อ่านไม่ได้{guess} บันทึกไฟล์ใหม่เป็น UTF-8 (ใน Notepad: บันทึกเป็น > การเข้ารหัส UTF-8)",
        "the file is not UTF-8: byte {byte} cannot be read{guess}; save it again as UTF-8 (in Notepad: Save As > Encoding UTF-8)",
    ),
    "encoding_thai_guess": (
        " (น่าจะเป็นภาษาไทยแบบเก่า TIS-620/Windows-874)",
        " (probably Thai TIS-620/Windows-874)",
    ),
    "emblem_absolute": (
        "ตราครุฑต้องเป็นชื่อไฟล์ในโฟลเดอร์เนื้อหา เช่น garuda.png ไม่ใช่ตำแหน่งเต็ม '{path}'",
        "the emblem must be a file name inside the content folder, e.g. garuda.png, not the full path '{path}'",
    ),
    "emblem_outside": (
        "ไฟล์ตราครุฑ '{path}' อยู่นอกโฟลเดอร์เนื้อหา ให้คัดลอกรูปมาไว้ในโฟลเดอร์เดียวกับไฟล์ .yaml",
        "the emblem '{path}' is outside the content folder: copy the image next to the .yaml files",
    ),
    "emblem_missing": (
        "ไม่พบไฟล์ตราครุฑ '{path}' ในโฟลเดอร์เนื้อหา",
        "no emblem file '{path}' in the content folder",
    ),
    "emblem_not_image": (
        "ไฟล์ตราครุฑ '{path}' ไม่ใช่รูปภาพที่ Word ใช้ได้ (PNG, JPEG, GIF, BMP หรือ TIFF)",
        "the emblem '{path}' is not an image Word can use (PNG, JPEG, GIF, BMP or TIFF)",
    ),
    # warnings
    "warn_level": (
        "ระดับผลการประเมินที่ระบุ '{given}' ไม่ตรงกับที่คำนวณตามเกณฑ์ปี {year} '{computed}' (ใช้ค่าที่ระบุ)",
        "the given level '{given}' differs from the {year} rule's '{computed}' (the given one is used)",
    ),
    "warn_overall": (
        "คะแนนรวม {given} ต่างจากผลรวมถ่วงน้ำหนักของตัวชี้วัด {computed}",
        "overall score {given} differs from the weighted sum of indicators {computed}",
    ),
    "warn_emblem": (
        "ไม่มีไฟล์ตราครุฑ (organisation.emblem) เว้นที่ว่างไว้",
        "no Garuda emblem image (organisation.emblem): the space is left blank",
    ),
    # CLI
    "wrote": ("เขียนไฟล์", "wrote"),
    "internal": (
        "เกิดข้อผิดพลาดภายในโปรแกรม ไม่ได้เขียนไฟล์ใด ({error}) โปรดแจ้งผู้ดูแล (ตั้ง ITA_DOCS_DEBUG=1 เพื่อดูรายละเอียด)",
        "internal error, nothing written ({error}); please report it (set ITA_DOCS_DEBUG=1 for details)",
    ),
    "failed": ("ไม่สร้างเอกสาร พบปัญหา {n} รายการ:", "nothing written, {n} problem(s):"),
    "warning": ("คำเตือน", "warning"),
    "unchanged": ("ไม่มีการเปลี่ยนแปลง {n} ไฟล์ (ไม่ได้เขียนซ้ำ)", "{n} file(s) unchanged (not rewritten)"),
    "up_to_date": (
        "{name}: เนื้อหาและแม่แบบไม่เปลี่ยน ไม่ต้องสร้างใหม่",
        "{name}: content and templates unchanged, nothing to rebuild",
    ),
    "hand_edited": (
        "ไม่เขียนทับ {path} เพราะถูกแก้ไขหลังสร้าง ฉบับใหม่อยู่ที่ {new} (ใช้ --force เพื่อเขียนทับ โดยเก็บไฟล์ที่แก้ไว้เป็นสำเนาก่อน)",
        "{path} was edited after it was built and is not overwritten; the new version is {new} (--force replaces it, keeping the edited file as a backup)",
    ),
    "backed_up": (
        "เก็บไฟล์ที่แก้ด้วยมือไว้เป็น {backup} แล้วเขียน {path} ใหม่",
        "kept the hand-edited file as {backup} and rewrote {path}",
    ),
    "pdf_not_made": ("เขียนไฟล์ .docx แล้ว แต่สร้าง PDF ไม่ได้:", "the .docx files were written, but no PDF:"),
    "is_directory": (
        "เป็นโฟลเดอร์ จึงเขียนไฟล์ผลลัพธ์ชื่อนี้ไม่ได้ ไม่ได้เขียนไฟล์ใด",
        "is a folder: the output cannot be written there; nothing was written",
    ),
    "exists_differs": (
        "มีไฟล์ชื่อนี้อยู่แล้วและต่างจากที่จะเขียน จึงไม่เขียนทับ",
        "a different file with this name is already there: not overwritten",
    ),
    # PDF (ita_docs.publish){install} is the apt-get line
    "pdf_no_soffice": (
        "ไม่พบ LibreOffice สำหรับสร้าง PDF: ติดตั้งด้วย {install}",
        "LibreOffice is needed to make PDFs and was not found: install it with {install}",
    ),
    "pdf_no_uno": (
        "ไม่พบ Python ที่ใช้โมดูล uno ของ LibreOffice ได้ ({soffice}): ติดตั้งด้วย sudo apt-get install python3-uno"
        " หรือตั้ง ITA_DOCS_UNO_PYTHON เป็น Python ที่ import uno ได้",
        "no Python that can import LibreOffice's uno module ({soffice}): install it with sudo apt-get install python3-uno"
        " or set ITA_DOCS_UNO_PYTHON to a Python that can import uno",
    ),
    "pdf_no_font": (
        "ไม่พบฟอนต์ไทยสำหรับ PDF (TH Sarabun New หรือ Laksaman): ติดตั้งด้วย sudo apt-get install fonts-tlwg-laksaman",
        "no Thai font for the PDF (TH Sarabun New or Laksaman): install it with sudo apt-get install fonts-tlwg-laksaman",
    ),
    "pdf_no_fonttools": (
        "ต้องใช้แพ็กเกจ fonttools เพื่อเตรียมฟอนต์ Laksaman: pip install fonttools",
        "the fonttools package is needed to prepare the Laksaman font: pip install fonttools",
    ),
    "pdf_start_failed": ("เริ่ม LibreOffice ไม่สำเร็จ: {reason}", "LibreOffice did not start: {reason}"),
    "pdf_failed": ("แปลงเป็น PDF ไม่สำเร็จ: {reason}", "PDF conversion failed: {reason}"),
    "pdf_timeout": (
        "ใช้เวลาเกิน {seconds:g} วินาที (หยุด LibreOffice แล้วเริ่มใหม่)",
        "took longer than {seconds:g} s (LibreOffice was stopped and restarted)",
    ),
    "pdf_crashed": (
        "LibreOffice หยุดทำงานระหว่างแปลง ({reason})",
        "LibreOffice stopped during the conversion ({reason})",
    ),
    "pdf_missing_file": ("ไม่พบไฟล์", "no such file"),
    "pdf_unreadable": (
        "LibreOffice เปิดไฟล์นี้ไม่ได้ (ไม่ใช่ไฟล์ Word หรือไฟล์เสีย)",
        "LibreOffice cannot open this file (not a Word file, or damaged)",
    ),
    "pdf_closed": ("ตัวแปลง PDF ถูกปิดแล้ว", "the PDF converter is closed"),
    "pdf_bad_pdf": ("ไฟล์ PDF เสีย: {reason}", "broken PDF: {reason}"),
    "progress_render": ("สร้างเอกสาร", "rendering"),
    "progress_pdf": ("แปลงเป็น PDF", "converting to PDF"),
    "watching": ("กำลังเฝ้าดูการแก้ไข... (กด Ctrl+C เพื่อหยุด)", "watching for changes... (Ctrl+C to stop)"),
    "nothing_to_build": (
        "ไม่มีเอกสารที่สร้างได้จากเนื้อหานี้: ต้องมีอย่างน้อยหนึ่งอย่างของ assessment, measure_plan, measure_results, memos, minutes, oit_followup",
        "nothing to build from this content: it needs one of assessment, measure_plan, measure_results, memos, minutes, oit_followup",
    ),
    "ok_check": ("เนื้อหาถูกต้อง: {path}", "content is valid: {path}"),
    "unknown_document": ("ไม่รู้จักเอกสาร '{name}' (มี: {names})", "unknown document '{name}' (have: {names})"),
    "no_document": (
        "เนื้อหา {path} ไม่มีข้อมูลสำหรับเอกสาร '{name}'",
        "content {path} has nothing for document '{name}'",
    ),
    "unknown_memo": (
        "ไม่มีบันทึกข้อความแบบ '{name}' ในเนื้อหา {path} (มี: {names}); การสร้างจากแบบมาตรฐานต้องมีผู้ลงนามใน organisation.people",
        "no memo '{name}' in {path} (have: {names}); a preset memo needs a signer in organisation.people",
    ),
    # drafting
    "warn_tool": (
        "คะแนน {tool} ที่ระบุ {given} ต่างจากที่คำนวณจากตัวชี้วัดตามเกณฑ์ปี {year} {computed} (ใช้ค่าที่ระบุ)",
        "the given {tool} score {given} differs from {computed} computed from the indicators by the {year} rule (the given one is used)",
    ),
    "warn_overall_tools": (
        "คะแนนรวม {given} ต่างจากผลรวมถ่วงน้ำหนักของคะแนนรายเครื่องมือ {computed} (ใช้ค่าที่ระบุ)",
        "overall score {given} differs from the weighted sum of the tool scores {computed} (the given one is used)",
    ),
    "phrases_override": (
        "ข้อความมาตรฐานที่กำหนดเอง (analysis_report.phrases) ใช้ไม่ได้: {error}",
        "the phrases override (analysis_report.phrases) is invalid: {error}",
    ),
    # vocabulary and template lint
    "expr_unknown_name": ("ไม่รู้จักชื่อ '{name}'{hint}{names}", "unknown name '{name}'{hint}{names}"),
    "expr_unknown_attr": ("{owner} ไม่มี '{name}'{hint}{names}", "{owner} has no '{name}'{hint}{names}"),
    "expr_owner_mapping": ("ชุดข้อมูลนี้", "this mapping"),
    "expr_unknown_filter": ("ไม่รู้จักตัวกรอง '{name}'{hint}{names}", "unknown filter '{name}'{hint}{names}"),
    "expr_filters_listed": (
        " ตัวกรองที่ใช้ได้: {names} และตัวกรองมาตรฐานของ Jinja เช่น {builtin}",
        " filters: {names}, and Jinja's own such as {builtin}",
    ),
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
    # issue 17: framework years, publishing index
    "framework_borrowed": (
        "ปี {year} ยังไม่มีข้อมูลเกณฑ์การประเมิน ITA จึงใช้เกณฑ์ของปี {rules} ตามที่ระบุ framework_year"
        " (เอกสารที่ใช้เกณฑ์นี้มีหมายเหตุกำกับ) ตรวจสอบอีกครั้งเมื่อสำนักงาน ป.ป.ช. ประกาศคู่มือปี {year}",
        "there is no ITA framework data for {year}: the rules of {rules} are used, as framework_year says"
        " (every document that uses them says so); check again when the NACC publishes the {year} manual",
    ),
    "framework_year_unused": (
        "ไม่ต้องระบุ framework_year: มีข้อมูลเกณฑ์ของปี {years} ครบแล้ว จึงไม่ได้ใช้เกณฑ์ของปี {rules}",
        "framework_year is not needed: the framework data of {years} exist, so the rules of {rules} are not used",
    ),
    "publish_no_rules": (
        "ดัชนีการเผยแพร่: ยังไม่มีข้อมูลเกณฑ์ ITA ปี {year} จึงบอกไม่ได้ว่า{document}อยู่ข้อ OIT ใด (มีปี {years})"
        " ถ้าจะใช้เกณฑ์ของปีก่อน ให้เขียน framework_year: {latest}",
        "publishing index: no ITA framework data for {year}, so the OIT item of the {document} is unknown (have {years});"
        " to use an earlier year's rules write framework_year: {latest}",
    ),
    # issue 17: next-year, scores, drafting, messages
    "warn_no_scores": (
        "ยังไม่มีคะแนนผลการประเมินปี {year} (assessment): รายงานการวิเคราะห์ผลการประเมินและสไลด์นำเสนอจะสร้างเมื่อเติมคะแนน"
        " (พิมพ์คะแนนใน assessment.yaml หรือใช้คำสั่ง ita-docs scores import) เอกสารอื่นสร้างได้ตามปกติ",
        "no {year} assessment scores yet: the analysis report and the slide deck are built once the scores are entered"
        " (type them in assessment.yaml or run ita-docs scores import); the other documents are built as usual",
    ),
    "warn_no_scores_memos": (
        " บันทึกข้อความที่อ้างคะแนน ({ids}) ก็รอคะแนนเช่นกัน",
        "; so do the memos that quote the scores ({ids})",
    ),
    "warn_placeholder": (
        "ยังมีข้อความที่ต้องเติม {text}: แก้เป็นข้อความจริงก่อนเผยแพร่",
        "a placeholder {text} is still in the text: replace it before publishing",
    ),
    "warn_ce_date": (
        "วันที่ {input} เขียนปีเป็น ค.ศ. จึงอ่านเป็น {read} (ปี พ.ศ. เขียนว่า {be}): ถ้าไม่ใช่ ให้แก้เป็นปี พ.ศ.",
        "the date {input} has a Christian-era year and was read as {read} (in BE: {be}); if that is wrong, write the BE year",
    ),
    "or": (" หรือ ", " or "),
    "scores_kind": (
        "อ่านคะแนนได้จากไฟล์ .xlsx หรือ .csv เท่านั้น",
        "scores are read from an .xlsx or .csv file only",
    ),
    "scores_unreadable": ("เปิดไฟล์คะแนนไม่ได้ ({error})", "cannot open the scores file ({error})"),
    "scores_exists": (
        "มีไฟล์นี้อยู่แล้ว: ตั้งชื่อใหม่ หรือใส่ --force เพื่อเขียนทับ",
        "the file exists: choose another name, or add --force to overwrite it",
    ),
    "scores_header": (
        "แถวแรกของชีตต้องมีหัวคอลัมน์ 'รหัส' และ 'คะแนน' (ดูไฟล์จาก ita-docs scores template)",
        "the sheet's first row needs the headers 'รหัส' (code) and 'คะแนน' (score) (see ita-docs scores template)",
    ),
    "scores_text": (
        "ช่องคะแนนต้องเป็นตัวเลข (เช่น 85.85) แต่พบข้อความ '{input}'",
        "a score cell must hold a number (e.g. 85.85), found the text '{input}'",
    ),
    "scores_range": (
        "คะแนนต้องอยู่ระหว่าง 0 ถึง 100 แต่พบ {input}",
        "a score must be from 0 to 100, found {input}",
    ),
    "scores_unknown": (
        "ไม่รู้จักรหัส '{code}' ในเกณฑ์ปี {year}: ใช้ year, overall, level, iit, eit, oit, เลขตัวชี้วัด 1-10,"
        " ตัวชี้วัดย่อย ({subs}), รหัสข้อ เช่น i1 e7 o10 หรือปี พ.ศ. ของคะแนนปีก่อน ๆ",
        "unknown code '{code}' in the {year} framework: use year, overall, level, iit, eit, oit, an indicator 1-10,"
        " a sub-indicator ({subs}), an item code such as i1, e7, o10, or the BE year of an earlier overall score",
    ),
    "scores_unknown_item": (
        "ไม่มีข้อ '{code}' ในเกณฑ์ปี {year} (ข้อที่รู้จัก: {known})",
        "there is no item '{code}' in the {year} framework (known items: {known})",
    ),
    "scores_duplicate": ("รหัส '{code}' ซ้ำกับช่อง {other}", "the code '{code}' repeats cell {other}"),
    "scores_no_code": ("มีคะแนนแต่ช่องรหัสว่าง", "a score without a code"),
    "scores_year": (
        "ปีที่ประเมินต้องเป็นปี พ.ศ. เช่น 2569 แต่พบ '{input}'",
        "the assessed year must be a BE year such as 2569, found '{input}'",
    ),
    "scores_year_mismatch": (
        "ปีในตาราง ({year}) ไม่ตรงกับปีที่ประเมินของเนื้อหา (assessment.year: {set_year})",
        "the sheet's year ({year}) is not the content's assessed year (assessment.year: {set_year})",
    ),
    "scores_no_year": (
        "ไม่ทราบปีที่ประเมิน: ใส่ปีในแถว year ของชีต ผลการประเมิน หรือใส่ assessment.year ในเนื้อหา",
        "the assessed year is unknown: fill in the year row of the ผลการประเมิน sheet, or assessment.year in the content",
    ),
    "scores_level": (
        "ระดับผลการประเมินต้องเป็นหนึ่งใน {levels} แต่พบ '{input}'",
        "the level must be one of {levels}, found '{input}'",
    ),
    "scores_none": ("ไม่พบคะแนนในไฟล์ (ช่องคะแนนว่างทั้งหมด)", "no score in the file (every score cell is empty)"),
    "scores_imported": ("เติมคะแนน {n} รายการลงใน {path}", "{n} scores written into {path}"),
    # issue 16: the slide deck as content and its PowerPoint template
    "slide_block_kind": (
        "แต่ละส่วนของสไลด์ต้องเป็นข้อความ หรือมีอย่างใดอย่างหนึ่ง:"
        " paragraph, heading, bullets, numbered, dashes, table, insert",
        "each block of a slide is text or exactly one of paragraph, heading, bullets, numbered, dashes, table, insert",
    ),
    "slide_indicator": (
        "insert: indicator ต้องระบุ indicator: เลขตัวชี้วัด (1-10)",
        "insert: indicator needs indicator: its number (1-10)",
    ),
    "slide_insert_and_body": (
        "สไลด์หนึ่งแผ่นมีได้อย่างใดอย่างหนึ่ง: insert (ทั้งแผ่น) หรือ body (รายการเนื้อหา)",
        "a slide has either insert (the whole slide) or body (its blocks), not both",
    ),
    "slide_empty": (
        "สไลด์ต้องมี title, body หรือ insert อย่างน้อยหนึ่งอย่าง",
        "a slide needs a title, a body or an insert",
    ),
    "slide_needs": (
        "สไลด์แสดง '{insert}' ไม่ได้ เพราะเนื้อหาไม่มี {needs}",
        "the slide cannot show '{insert}': the content has no {needs}",
    ),
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
    # issue 16: minutes and the OIT checklist as the user wrote them
    "meeting_number": (
        "ครั้งที่ประชุม (number) ต้องเป็นเลขตั้งแต่ ๑ ขึ้นไป, auto (ให้โปรแกรมนับ) หรือข้อความ เช่น \"๒/๒๕๖๖\" แต่พบ '{input}'",
        "the meeting number must be 1 or more, auto (counted) or text such as \"2/2566\", found '{input}'",
    ),
    # issue 19: faults (watch, output lock, multi-set writes, zip caps, located content errors)
    "watch_internal": (
        "เกิดข้อผิดพลาดภายในโปรแกรมระหว่างสร้าง ({error}) ไม่ได้เขียนไฟล์ของรอบนี้ จะเฝ้าดูต่อและสร้างใหม่เมื่อแก้ไฟล์"
        " (โปรดแจ้งผู้ดูแล ตั้ง ITA_DOCS_DEBUG=1 เพื่อดูรายละเอียด)",
        "internal error during the build ({error}); nothing of this round written, watching goes on and builds again"
        " on the next edit (please report it; set ITA_DOCS_DEBUG=1 for details)",
    ),
    "sets_partly_written": (
        "เขียนชุด {written} เสร็จแล้ว ส่วนชุด {not_written} ยังเป็นฉบับเดิม เพราะเขียนชุด {failed} ไม่สำเร็จ ({error})"
        " สั่งสร้างใหม่อีกครั้งได้",
        "sets {written} were written; sets {not_written} are as they were, because set {failed} could not be"
        " written ({error}): run the build again",
    ),
    "partly_written": ("เขียนเอกสารได้บางส่วน:", "partly written:"),
    "id_too_long": (
        "รหัสยาว {n:,} ตัวอักษร เกิน {limit} ตัวอักษร (รหัสเป็นส่วนหนึ่งของชื่อไฟล์ผลลัพธ์) ให้ใช้รหัสที่สั้นลง",
        "the id is {n:,} characters long, over {limit} (it is part of an output file name): use a shorter id",
    ),
    "content_file_too_big": (
        "ไฟล์เนื้อหาใหญ่ {size} MB เกิน {limit} MB ที่รับได้ ให้แบ่งหรือย่อเนื้อหา (ไฟล์เนื้อหาทั่วไปมีขนาดไม่ถึง 1 MB)",
        "the content file is {size} MB, over the {limit} MB allowed: split or shorten it (content files are"
        " usually under 1 MB)",
    ),
    "text_too_long": (
        "ข้อความยาว {n:,} ตัวอักษร เกิน {limit:,} ตัวอักษรที่รับได้ในข้อความเดียว ให้แบ่งเป็นหลายย่อหน้าหรือย่อให้สั้นลง",
        "the text is {n:,} characters long, over the {limit:,} allowed in one text: split it into paragraphs or"
        " shorten it",
    ),
    "xml_char": (
        "ข้อความมีอักขระ {code} ซึ่งไฟล์ Word เก็บไม่ได้ (มักมาจากการเขียน \\u ในเครื่องหมายคำพูดหรือคัดลอกมา) ให้ลบออก",
        "the text holds the character {code}, which a Word file cannot hold (often written as a \\u escape or"
        " pasted): remove it",
    ),
    "emblem_name_too_long": (
        "ชื่อไฟล์ตราครุฑยาว {n:,} ตัวอักษร เกินที่ระบบไฟล์รับได้ ('{path}') ให้ใช้ชื่อสั้น ๆ เช่น garuda.png",
        "the emblem file name is {n:,} characters long, more than a file system allows ('{path}'): use a short"
        " name such as garuda.png",
    ),
    "emblem_too_big": (
        "ไฟล์ตราครุฑ '{path}' ใหญ่ {size} MB เกิน {limit} MB ให้ย่อรูป (ตราครุฑสูง ๑.๕ ซม. ใช้รูปกว้างไม่เกิน ๖๐๐ จุดก็พอ)",
        "the emblem file '{path}' is {size} MB, over {limit} MB: make the picture smaller (a 1.5 cm emblem needs"
        " no more than 600 pixels)",
    ),
    "emblem_too_many_pixels": (
        "รูปตราครุฑ '{path}' มีขนาด {width:,} × {height:,} จุด เกิน {limit:,} × {limit:,} จุด ให้ย่อรูป"
        " (ตราครุฑสูง ๑.๕ ซม. ใช้รูปกว้างไม่เกิน ๖๐๐ จุดก็พอ)",
        "the emblem picture '{path}' is {width:,} × {height:,} pixels, over {limit:,} × {limit:,}: make it"
        " smaller (a 1.5 cm emblem needs no more than 600 pixels)",
    ),
    "zip_too_big": (
        "ส่วน {member} ของไฟล์ขยายได้ใหญ่เกินกว่าไฟล์ Word ปกติ ({reason}) ไฟล์อาจเสียหรือถูกดัดแปลง ให้ใช้ไฟล์อื่น",
        "its member {member} inflates beyond any ordinary Word file ({reason}); the file may be damaged or"
        " tampered with: use another file",
    ),
    "output_busy": (
        "มีการสร้างเอกสารอีกงานหนึ่งกำลังเขียนลงโฟลเดอร์ {folder} อยู่ (รอแล้ว {seconds} วินาที) ไม่ได้เขียนไฟล์ใด"
        " ให้รอจนงานนั้นเสร็จแล้วสั่งใหม่ หรือเลือกโฟลเดอร์ผลลัพธ์อื่นด้วย -o",
        "another build is writing into {folder} (waited {seconds} s); nothing written: run again when it has"
        " finished, or choose another output folder with -o",
    ),
    # issue 15: the workbench (ita-docs serve)
    "web_conflict": (
        "ไม่ได้บันทึก '{path}': ไฟล์ {file} ถูกแก้จากที่อื่นหลังจากเปิดหน้านี้ ค่าที่หน้านี้แสดงคือ “{expected}”"
        " แต่ค่าในไฟล์ตอนนี้คือ “{actual}” ให้โหลดหน้าใหม่แล้วแก้อีกครั้ง",
        "'{path}' not saved: {file} was changed elsewhere after this page loaded it; the page showed “{expected}”,"
        " the file now says “{actual}”. Reload the page and edit again",
    ),
    "web_no_value": ("(ไม่มีค่า)", "(no value)"),
    "web_broken_file": (
        "ยังบันทึกไม่ได้: ไฟล์ {file} เขียนผิดรูปแบบ YAML ({error}) ให้แก้ไฟล์นี้ในโปรแกรมแก้ข้อความก่อน"
        " (ดูตำแหน่งในรายการปัญหา) แล้วโหลดหน้านี้ใหม่",
        "not saved: {file} is not valid YAML ({error}); fix it in a text editor first (see the problem list), then reload",
    ),
    "web_bad_path": (
        "ตำแหน่งข้อมูล '{path}' ใช้ไม่ได้ (ไม่มีข้อมูลนี้ หรือชนิดข้อมูลไม่ตรง)",
        "the path '{path}' leads to no value that can be set",
    ),
    "web_unauthorised": (
        "ต้องเปิดด้วยลิงก์ที่โปรแกรมแสดงตอนเริ่ม (มีรหัสเข้าใช้ token) หรือเข้าสู่ระบบด้วยรหัสผ่าน",
        "open the link the program printed when it started (it holds the access token), or log in with the password",
    ),
    "web_bad_host": (
        "คำขอนี้ไม่ได้ส่งถึงเซิร์ฟเวอร์นี้ (Host '{host}')",
        "this request is not addressed to this server (Host '{host}')",
    ),
    "web_cross_site": (
        "ไม่รับคำขอจากเว็บไซต์อื่น (Origin '{origin}')",
        "requests from other sites are refused (Origin '{origin}')",
    ),
    "web_bad_name": (
        "ชื่อ '{name}' ใช้ไม่ได้: ต้องเป็นชื่อไฟล์หรือโฟลเดอร์ภายในโฟลเดอร์งาน",
        "the name '{name}' is not a file or folder inside the workspace",
    ),
    "web_no_set": ("ไม่พบชุดเนื้อหา '{name}' ในโฟลเดอร์งาน", "no content set '{name}' in the workspace"),
    "web_no_file": (
        "ยังไม่มีไฟล์ '{name}' ให้สร้างเอกสารก่อน",
        "there is no file '{name}' yet: build the documents first",
    ),
    "web_upload_big": ("ไฟล์ใหญ่เกิน {limit} MB", "the file is larger than {limit} MB"),
    "web_upload_image": ("ไฟล์นี้ไม่ใช่รูป PNG หรือ JPEG", "this file is not a PNG or JPEG image"),
    "web_needs_password": (
        "เมื่อใช้ --host ต้องตั้งรหัสผ่านด้วย --password หรือตัวแปร ITA_DOCS_PASSWORD เพื่อไม่ให้เครื่องอื่นในเครือข่ายเข้าแก้เอกสารได้",
        "--host needs a password (--password or the ITA_DOCS_PASSWORD variable) so that other machines on the network cannot edit",
    ),
    "web_serving": ("เปิดโต๊ะทำงานที่ {url}  (กด Ctrl-C เพื่อหยุด)", "workbench at {url}  (Ctrl-C stops it)"),
    "web_no_workspace": ("ไม่พบโฟลเดอร์งาน '{path}'", "no workspace folder '{path}'"),
    "web_bad_value": (
        "ค่า '{value}' ของ '{path}' ต้องเป็นตัวเลข",
        "the value '{value}' of '{path}' must be a number",
    ),
    "web_edited": (
        "ไฟล์ {file} ถูกแก้ด้วยมือ (เช่น ใน Word) จึงไม่เขียนทับ ฉบับใหม่อยู่ที่ {new}",
        "{file} was edited by hand (e.g. in Word) and was not overwritten; the new version is {new}",
    ),
    # issue 15: live preview (ita_docs.web.preview)
    "preview_no_office": (
        "แสดงตัวอย่างเป็นข้อความเท่านั้น (ไม่มีภาพหน้าเอกสาร) เพราะ{reason} เมื่อติดตั้งแล้ว ให้ปิดแล้วเปิด ita-docs serve ใหม่"
        " จะเห็นหน้าเอกสารเหมือนที่พิมพ์",
        "text preview only (no page images) because {reason}; once it is installed, stop and start ita-docs serve"
        " again to see the pages as printed",
    ),
    "preview_failed": (
        "แสดงภาพหน้าเอกสารนี้ไม่ได้ จึงแสดงเป็นข้อความแทน: {reason}",
        "this document's pages cannot be shown, its text is shown instead: {reason}",
    ),
}

KIND_TH = {
    "division": "หน่วยงาน (division)",
    "measure": "มาตรการ (measure)",
    "person": "บุคคลหรือกรรมการ (person)",
    "member": "กรรมการ (member)",
    "committee": "คณะกรรมการ (committee)",
    "minutes": "รายงานการประชุม (minutes)",
}


def set_language(lang: str) -> None:
    """Choose ``th`` or ``en`` for all later messages."""
    _LANG[0] = "en" if lang.lower().startswith("en") else "th"


def language() -> str:
    return _LANG[0]


def msg(message_id: str, **params: object) -> str:
    """Format message ``message_id`` in the current language.

    >>> set_language("th"); msg("missing", field="overall")
    "ขาดข้อมูลที่จำเป็น 'overall'"
    """
    th, en = MESSAGES[message_id]
    if "kind" in params:
        params.setdefault("kind_th", KIND_TH.get(str(params["kind"]), str(params["kind"])))
    return (en if _LANG[0] == "en" else th).format(**params)
