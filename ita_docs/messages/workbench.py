"""Messages of the workbench, ``ita-docs serve`` (`ita_docs.web`), and its live preview.
Part of `ita_docs.messages.MESSAGES`."""

from __future__ import annotations

WORKBENCH: dict[str, tuple[str, str]] = {
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
