"""Messages about a content set: what is wrong in its YAML files, and the warnings about it
(`ita_docs.load`, `ita_docs.model`, the documents). Part of `ita_docs.messages.MESSAGES`."""

from __future__ import annotations

CONTENT: dict[str, tuple[str, str]] = {
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
    "insert_needs": (
        "ตาราง '{name}' คำนวณจากข้อมูล '{needs}' ซึ่งเนื้อหานี้ยังไม่มี",
        "the '{name}' table is computed from '{needs}', which this content does not have",
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
    # issue 17: drafting warnings (scores, placeholders, CE dates)
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
    # issue 16: the slide deck as content
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
    # issue 16: minutes and the OIT checklist as the user wrote them
    "meeting_number": (
        "ครั้งที่ประชุม (number) ต้องเป็นเลขตั้งแต่ ๑ ขึ้นไป, auto (ให้โปรแกรมนับ) หรือข้อความ เช่น \"๒/๒๕๖๖\" แต่พบ '{input}'",
        "the meeting number must be 1 or more, auto (counted) or text such as \"2/2566\", found '{input}'",
    ),
    # issue 19: located content errors (sizes, lengths, characters)
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
}
