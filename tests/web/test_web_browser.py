"""The clerk's path in a real browser (Debian's chromium through Selenium), on a live server.

One server per module (uvicorn in a thread on a free 127.0.0.1 port), one browser, one
path walked in order: home, a new set from the form, Thai typed in, scores pasted from a
spreadsheet and typed, a located problem seen and fixed, the preview changing (when
LibreOffice is installed), the PDF built, downloaded and read with pypdf. Skipped when
chromium or chromedriver is missing.
"""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
pytestmark = [
    pytest.mark.skipif(
        not (Path(CHROMEDRIVER).exists() and Path(CHROMIUM).exists()),
        reason="chromium/chromedriver not installed",
    ),
    pytest.mark.usefixtures("thai_messages"),
]
SET = "nongbua-2568"
WAIT = 60


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from ita_docs.web import Guard, create_app
    from ita_docs.web.server import free_port

    root = tmp_path_factory.mktemp("ws")
    port = free_port()
    guard = Guard.for_bind("127.0.0.1", port)
    config = uvicorn.Config(
        create_app(root, guard=guard), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started
    yield f"http://127.0.0.1:{port}", guard, root
    srv.should_exit = True
    thread.join(timeout=60)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path_factory.mktemp('profile')}",
        "--window-size=1500,1000",
        "--lang=th",
    ):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.downloads = downloads
    yield driver
    driver.quit()


def wait(driver, condition, timeout: float = WAIT):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # a section swapped by the server between finding an element and reading it: look again
    return WebDriverWait(
        driver, timeout, poll_frequency=0.1, ignored_exceptions=(StaleElementReferenceException,)
    ).until(condition)


def field(driver, path: str):
    return driver.find_element("css selector", f'[data-path="{path}"]')


def type_into(driver, path: str, text: str) -> None:
    """Replace a field's text as a person would, then leave it (the change event saves it)."""
    from selenium.webdriver.common.keys import Keys

    old = field(driver, path)
    old.send_keys(Keys.CONTROL, "a")
    old.send_keys(text, Keys.TAB)
    wait(driver, lambda d: _stale(old))  # the section came back from the server


def images(driver) -> list[str]:
    """The preview's page images (their data: URLs), read in one step (the pane may be swapped meanwhile)."""
    return driver.execute_script("return Array.from(document.querySelectorAll('#preview img'), i => i.src)")


def _stale(element) -> bool:
    from selenium.common.exceptions import StaleElementReferenceException

    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True


def test_the_clerks_path(server, browser):
    from selenium.webdriver.support.ui import Select

    url, guard, root = server
    d = browser
    d.get(f"{url}/?token={guard.token}")
    assert "ชุดเนื้อหาในโฟลเดอร์งาน" in d.page_source  # the token link set the cookie and led home

    # a new set from the form (the `new` scaffold)
    form = d.find_element("id", "new-set")
    form.find_element("name", "name").send_keys(SET)
    form.find_element("name", "organisation").send_keys("องค์การบริหารส่วนตำบลหนองบัว")
    Select(form.find_element("name", "kind")).select_by_visible_text("อบต.")
    form.find_element("name", "district").send_keys("บางแพ")
    form.find_element("name", "province").send_keys("ราชบุรี")
    year = form.find_element("name", "fiscal_year")
    year.clear()
    year.send_keys("2568")
    form.find_element("css selector", "button[type=submit]").click()
    wait(d, lambda d: d.current_url.endswith(f"/sets/{SET}"))
    assert "องค์การบริหารส่วนตำบลหนองบัว" in d.find_element("css selector", ".crumbs").text
    assert "ผลคะแนน ITA" in d.page_source and "การใช้ทรัพย์สินของราชการ" in d.page_source

    # Thai typed into a field is saved into the YAML, comments kept
    type_into(d, "organisation.phone", "๐ ๓๒๓๙ ๑๒๓๔")
    text = (root / SET / "organisation.yaml").read_text(encoding="utf-8")
    assert "phone: ๐ ๓๒๓๙ ๑๒๓๔" in text and "#" in text
    assert d.find_element("id", "saved-note").is_displayed()

    # scores pasted as a block copied from a spreadsheet (name <tab> score per row)
    rows = "\n".join(f"ตัวชี้วัด {n}\t{80 + n}.5" for n in range(1, 11))
    first = field(d, "assessment.indicators.1")
    d.execute_script(
        """
        const dt = new DataTransfer(); dt.setData('text/plain', arguments[1]);
        arguments[0].focus();
        arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
    """,
        first,
        rows,
    )
    wait(d, lambda d: _stale(first))
    assert [field(d, f"assessment.indicators.{n}").get_attribute("value") for n in (1, 10)] == [
        "81.5",
        "90.5",
    ]

    # a located problem: a word where a score goes
    type_into(d, "assessment.indicators.4", "หกสิบ")
    row = d.find_element("id", "w-assessment-indicators-4")
    assert "has-problem" in row.get_attribute("class")
    assert "ต้องเป็นตัวเลข" in row.text
    assert "ต้องเป็นตัวเลข" in d.find_element("id", "problems").text
    d.find_element("id", "build-pdf").click()  # building is refused with the list
    wait(d, lambda d: d.find_elements("id", "build-refused"))
    assert "ต้องเป็นตัวเลข" in d.find_element("id", "build-refused").text

    # fixed: typed by hand
    type_into(d, "assessment.indicators.4", "60")
    # the row and the problem list come back from the server (a slower answer may arrive after the first swap)
    wait(
        d,
        lambda d: (
            "has-problem" not in d.find_element("id", "w-assessment-indicators-4").get_attribute("class")
        ),
    )
    wait(d, lambda d: "ไม่พบปัญหา" in d.find_element("id", "problems").text)
    assert "4: 60" in (root / SET / "assessment.yaml").read_text(encoding="utf-8")

    have_office = shutil.which("soffice") is not None
    if have_office:  # the preview: every page of the analysis report, then again after a change
        wait(d, lambda d: d.find_elements("css selector", "#preview .preview-pick"), timeout=120)
        d.find_element("css selector", "#preview input[name=all]").click()
        wait(
            d,
            lambda d: (
                len(d.find_elements("css selector", "#preview figure[data-document=analysis-report] img")) > 1
            ),
            timeout=120,
        )
        before = images(d)
        type_into(d, "assessment.indicators.9", "45.25")
        wait(d, lambda d: images(d) not in ([], before), timeout=120)

    # build, download the PDF, read it
    d.find_element("id", "build-pdf").click()
    wait(d, lambda d: d.find_elements("id", "build-done"), timeout=240)
    if not have_office:
        pytest.skip("LibreOffice is not installed: no PDF to download")
    d.find_element("css selector", "a[data-file='analysis-report.pdf']").click()
    pdf = d.downloads / "analysis-report.pdf"
    wait(
        d,
        lambda d: pdf.exists() and pdf.stat().st_size > 0 and not list(d.downloads.glob("*.crdownload")),
        timeout=60,
    )
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    compact = "".join(text.split()).replace("ำา", "ำ")  # pypdf gives SARA AM followed by an extra SARA AA
    assert "องค์การบริหารส่วนตำบลหนองบัว" in compact
    assert "๖๐.๐๐" in compact  # indicator 4 as typed, in Thai digits
