"""Messages of the commands and what they write: the CLI's reports, PDF conversion, output
folders, importing scores (`ita_docs.cli`, `ita_docs.console`, `ita_docs.publish`, `ita_docs.write`,
`ita_docs.scaffold`). Part of `ita_docs.messages.MESSAGES`."""

from __future__ import annotations

COMMANDS: dict[str, tuple[str, str]] = {
    # output folders, the list of problems
    "output_collision": (
        "เนื้อหาสองชุดจะเขียนลงโฟลเดอร์ผลลัพธ์ชื่อเดียวกัน '{name}': {first} และ {second} เปลี่ยนชื่อโฟลเดอร์หนึ่ง",
        "two content sets would write to the same output folder '{name}': {first} and {second}; rename one",
    ),
    "more_errors": (
        "... และอีก {n} รายการ (แก้รายการข้างบนแล้วตรวจใหม่)",
        "... and {n} more (fix the ones above and check again)",
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
    # issue 17: scores from a spreadsheet (ita-docs scores)
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
    # issue 19: faults (watch, output lock, multi-set writes)
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
    "output_busy": (
        "มีการสร้างเอกสารอีกงานหนึ่งกำลังเขียนลงโฟลเดอร์ {folder} อยู่ (รอแล้ว {seconds} วินาที) ไม่ได้เขียนไฟล์ใด"
        " ให้รอจนงานนั้นเสร็จแล้วสั่งใหม่ หรือเลือกโฟลเดอร์ผลลัพธ์อื่นด้วย -o",
        "another build is writing into {folder} (waited {seconds} s); nothing written: run again when it has"
        " finished, or choose another output folder with -o",
    ),
}
