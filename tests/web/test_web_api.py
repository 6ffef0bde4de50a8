"""The workbench's HTTP API (issue 15, item 8) and its pages' save path, over Starlette's TestClient."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ita_docs.web.api import routes, schema

from .web_helpers import client, workspace

pytestmark = pytest.mark.usefixtures("thai_messages")
SET = "huapho-2565"


@pytest.fixture()
def ws(tmp_path: Path) -> Path:
    return workspace(tmp_path / "ws", SET)


def start_new_set(c) -> None:
    """Start the set ``new-2568`` (fiscal year 2568, so it assesses 2567) through the API."""
    r = c.post(
        "/api/sets",
        json={
            "name": "new-2568",
            "organisation": "องค์การบริหารส่วนตำบลหนองบัว",
            "kind": "อบต.",
            "province": "ราชบุรี",
            "fiscal_year": 2568,
        },
    )
    assert r.status_code == 200, r.text


def test_openapi_documents_every_route(ws):
    with client(ws) as (c, _):
        doc = c.get("/api/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    documented = {(path, method.upper()) for path, ops in doc["paths"].items() for method in ops}
    for route in routes():
        if route.path == "/api/openapi.json":
            continue
        for method in route.methods or ():
            if method != "HEAD":
                assert (route.path, method) in documented, (route.path, method)
    assert "409" in doc["paths"]["/api/sets/{name}/values"]["patch"]["responses"]
    assert schema()["paths"].keys() == doc["paths"].keys()


def test_list_and_read(ws):
    with client(ws) as (c, _):
        sets = c.get("/api/sets").json()["sets"]
        assert sets == [
            {
                "name": SET,
                "organisation": "องค์การบริหารส่วนตำบลหัวโพ",
                "fiscal_year": 2566,
                "next_name": "huapho-2566",
                "problems": 0,
                "warnings": 0,
                "last_build": None,
            }
        ]
        body = c.get(f"/api/sets/{SET}").json()
        assert body["content"]["assessment"]["indicators"]["4"] == 88.77
        assert body["content"]["organisation"]["divisions"][0] == {"id": "palad", "name": "สำนักปลัด"}
        assert body["problems"] == []
        assert c.get("/api/sets/nosuch").status_code == 404


def test_change_a_score_keeps_the_file_and_validates(ws):
    file = ws / SET / "assessment.yaml"
    before = file.read_text(encoding="utf-8")
    with client(ws) as (c, _):
        r = c.patch(
            f"/api/sets/{SET}/values",
            json={"path": "assessment.indicators.4", "value": 60, "expected": 88.77},
        )
        assert r.status_code == 200, r.text
        assert r.json()["written"] == ["assessment.yaml"]
        # the given overall (85.85) no longer matches the indicators: a warning located at its line
        warning = next(p for p in r.json()["problems"] if p["field"] == "assessment.overall")
        assert warning["level"] == "warning" and warning["file"] == "assessment.yaml" and warning["line"] == 7
        after = file.read_text(encoding="utf-8")
        assert after == before.replace(
            "    4: 88.77    # การใช้ทรัพย์สินของราชการ", "    4: 60       # การใช้ทรัพย์สินของราชการ"
        )
        assert c.get(f"/api/sets/{SET}").json()["content"]["assessment"]["indicators"]["4"] == 60

        # an invalid value is saved as a draft and reported at its field, in Thai
        r = c.patch(f"/api/sets/{SET}/values", json={"path": "assessment.indicators.4", "value": 160})
        problem = next(p for p in r.json()["problems"] if p["level"] == "error")
        assert problem["field"] == "assessment.indicators.4" and "100" in problem["message"]
        assert problem["line"] == 13
        assert c.get("/api/sets").json()["sets"][0]["problems"] == 1
        # building is refused with the list; nothing is written
        r = c.post(f"/api/sets/{SET}/build", json={})
        assert r.status_code == 422
        assert r.json()["problems"][0]["field"] == "assessment.indicators.4"
        assert not (ws / "output" / SET).exists()


def test_conflict_names_both_values(ws):
    file = ws / SET / "assessment.yaml"
    with client(ws) as (c, _):
        file.write_text(
            file.read_text(encoding="utf-8").replace("4: 88.77", "4: 70.5"), encoding="utf-8"
        )  # another editor
        r = c.patch(
            f"/api/sets/{SET}/values",
            json={"path": "assessment.indicators.4", "value": 60, "expected": 88.77},
        )
        assert r.status_code == 409
        body = r.json()
        assert (body["expected"], body["actual"]) == (88.77, 70.5)
        assert "88.77" in body["error"] and "70.5" in body["error"] and "assessment.yaml" in body["error"]
        assert "4: 70.5" in file.read_text(encoding="utf-8")
        # the page's form save: the same refusal, shown at the field
        r = c.post(
            f"/sets/{SET}/save",
            data={"path": "assessment.indicators.4", "value": "61", "expected": "88.77", "kind": "number"},
        )
        assert "70.5" in r.text and "88.77" in r.text and "conflict" in r.text
        assert "4: 70.5" in file.read_text(encoding="utf-8")


def test_undo_puts_back_the_last_saves(ws):
    file = ws / SET / "assessment.yaml"
    original = file.read_bytes()
    with client(ws) as (c, _):
        for v in (60, 61, 62):
            c.patch(f"/api/sets/{SET}/values", json={"path": "assessment.indicators.4", "value": v})
        assert c.post(f"/api/sets/{SET}/undo", json={"file": "assessment.yaml"}).json() == {
            "undone": "assessment.yaml",
            "left": 2,
        }
        assert "4: 61 " in file.read_text(encoding="utf-8")
        c.post(f"/api/sets/{SET}/undo", json={"file": "assessment.yaml"})
        c.post(f"/api/sets/{SET}/undo", json={"file": "assessment.yaml"})
        assert file.read_bytes() == original
        assert c.post(f"/api/sets/{SET}/undo", json={"file": "assessment.yaml"}).json()["undone"] is None


def test_build_download_and_hand_edits(ws):
    with client(ws) as (c, _):
        c.patch(f"/api/sets/{SET}/values", json={"path": "assessment.indicators.4", "value": 60})
        r = c.post(f"/api/sets/{SET}/build", json={})
        assert r.status_code == 200, r.text
        written = r.json()["written"]
        assert "analysis-report.docx" in written
        files = {f["name"] for f in c.get(f"/api/sets/{SET}/files").json()["files"]}
        assert "analysis-report.docx" in files
        doc = c.get(f"/api/sets/{SET}/files/analysis-report.docx")
        assert doc.status_code == 200 and doc.content[:2] == b"PK"
        from ita_docs.render.ooxml import document_text

        text = document_text(doc.content)
        assert "๖๐" in text  # the new score, in Thai digits
        # a file edited by hand (in Word) is kept; the page says which and offers force with a backup
        target = ws / "output" / SET / "analysis-report.docx"
        target.write_bytes(doc.content + b"edited")
        c.patch(f"/api/sets/{SET}/values", json={"path": "assessment.indicators.4", "value": 61})
        r = c.post(f"/api/sets/{SET}/build", json={}).json()
        assert {"file": "analysis-report.docx", "new": "analysis-report.new.docx"} in r["edited"]
        assert target.read_bytes().endswith(b"edited")
        page = c.post(f"/sets/{SET}/build", data={"pdf": "0"}).text
        assert "analysis-report.docx" in page
        r = c.post(f"/api/sets/{SET}/build", json={"force": True}).json()
        assert r["backups"] and r["backups"][0]["file"] == "analysis-report.docx"
        assert not target.read_bytes().endswith(b"edited")
        # the content set as a zip
        z = zipfile.ZipFile(io.BytesIO(c.get(f"/api/sets/{SET}/zip").content))
        assert f"{SET}/assessment.yaml" in z.namelist()
        assert z.read(f"{SET}/assessment.yaml") == (ws / SET / "assessment.yaml").read_bytes()


def test_new_set_and_next_year(ws):
    with client(ws) as (c, _):
        r = c.post(
            "/api/sets",
            json={
                "name": "nongbua-2568",
                "organisation": "องค์การบริหารส่วนตำบลหนองบัว",
                "kind": "อบต.",
                "province": "ราชบุรี",
                "district": "บางแพ",
                "fiscal_year": 2568,
            },
        )
        assert r.status_code == 200, r.text
        assert "organisation.yaml" in r.json()["written"]
        names = [s["name"] for s in c.get("/api/sets").json()["sets"]]
        assert names == [SET, "nongbua-2568"]
        r = c.post(
            "/api/sets",
            json={
                "name": "bad",
                "organisation": "x",
                "kind": "ร้านค้า",
                "province": "ราชบุรี",
                "fiscal_year": 2568,
            },
        )
        assert r.status_code == 422 and r.json()["problems"]
        r = c.post(f"/api/sets/{SET}/next-year", json={"new_name": "huapho-2566"})
        assert r.status_code == 200, r.text
        assert "fiscal_year: 2567" in (ws / "huapho-2566" / "organisation.yaml").read_text(encoding="utf-8")


def test_set_page_shows_thai_labels_and_located_problems(ws):
    with client(ws) as (c, _):
        page = c.get(f"/sets/{SET}").text
        for label in (
            "หน่วยงาน",
            "ผลคะแนน ITA",
            "มาตรการ",
            "บันทึกข้อความ",
            "รายงานการประชุม",
            "OIT",
            "การใช้ทรัพย์สินของราชการ",
        ):
            assert label in page
        r = c.post(
            f"/sets/{SET}/save",
            data={"path": "assessment.indicators.4", "value": "abc", "expected": "88.77", "kind": "number"},
        )
        assert r.status_code == 200 and r.headers["hx-trigger"] == "saved"
        # the problem sits in the score row of indicator 4 and in the list
        row = r.text[r.text.index('id="w-assessment-indicators-4"') :]
        row = row[: row.index("</tr>")]
        assert "has-problem" in row and "ต้องเป็นตัวเลข" in row
        assert 'href="#w-assessment-indicators-4"' in r.text
        r = c.post(
            f"/sets/{SET}/save",
            data={"path": "assessment.indicators.4", "value": "๘๘.๗๗", "expected": "abc", "kind": "number"},
        )
        assert "ต้องเป็นตัวเลข" not in r.text
        assert "4: 88.77" in (ws / SET / "assessment.yaml").read_text(encoding="utf-8")


def test_attendance_and_oit_widgets(ws):
    minutes = ws / SET / "minutes.yaml"
    with client(ws) as (c, _):
        r = c.post(
            f"/sets/{SET}/attendance", data={"minutes": "0", "member": "people_rep", "state": "present"}
        )
        assert r.status_code == 200
        text = minutes.read_text(encoding="utf-8")
        assert "people_rep, reason" not in text and "absent:" not in text.split("attendees:")[0]
        assert "# the ผู้อำนวยการกองคลัง sent a substitute" in text  # comments kept
        c.post(f"/sets/{SET}/attendance", data={"minutes": "0", "member": "kamnan", "state": "absent"})
        body = c.get(f"/api/sets/{SET}").json()["content"]["minutes"][0]
        assert "kamnan" in body["absent"] and "kamnan" not in body["present"]
        r = c.post(f"/sets/{SET}/oit", data={"item": "o6", "field": "status", "value": "ดำเนินการเรียบร้อยแล้ว"})
        assert r.status_code == 200
        assert "{item: o6, score: 0, status: ดำเนินการเรียบร้อยแล้ว, responsible: palad" in (
            ws / SET / "oit_followup.yaml"
        ).read_text(encoding="utf-8")
        assert c.get(f"/api/sets/{SET}/problems").json()["problems"] == []


def test_start_a_list_and_take_over_drafted_text(ws):
    with client(ws) as (c, _):
        start_new_set(c)
        page = c.get("/sets/new-2568").text
        assert "+ เริ่มบันทึกข้อความ" in page
        # the analysis report's drafted text is shown, and can be taken over for editing
        assert 'data-drafted="introduction"' in page
        assert (
            'data-drafted="principles"' not in c.get(f"/sets/{SET}").text
        )  # huapho writes its own principles
        r = c.post("/sets/new-2568/adopt", data={"section": "introduction"})
        assert r.status_code == 200
        intro = c.get("/api/sets/new-2568").json()["content"]["analysis_report"]["introduction"]
        assert intro and all(isinstance(p, str) for p in intro)
        assert (
            'data-path="analysis_report.introduction.0"' in r.text
            and 'data-drafted="introduction"' not in r.text
        )
        assert [
            p for p in c.get("/api/sets/new-2568/problems").json()["problems"] if p["level"] == "error"
        ] == []
        # a list not started yet: its first item has the model's required keys, empty, and the check names them
        r = c.post("/sets/new-2568/add", data={"path": "memos"})
        memos = c.get("/api/sets/new-2568").json()["content"]["memos"]
        assert len(memos) == 1 and "date" in memos[0]
        assert 'data-path="memos.0.date"' in r.text and "has-problem" in r.text


def test_a_file_changed_outside_is_noticed_and_own_saves_are_not(ws):
    import time

    file = ws / SET / "assessment.yaml"

    def stamp_after(c, seconds: float, start: int) -> int:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            n = c.get(f"/api/sets/{SET}/stamp").json()["external"]
            if n != start:
                return n
            time.sleep(0.1)
        return start

    with client(ws, watch=True) as (c, _):
        time.sleep(0.5)  # the watcher is running
        assert c.get(f"/api/sets/{SET}/stamp").json() == {"external": 0}
        c.patch(f"/api/sets/{SET}/values", json={"path": "assessment.indicators.4", "value": 60})
        assert stamp_after(c, 2.0, 0) == 0  # the workbench's own save
        file.write_text(
            file.read_text(encoding="utf-8").replace("4: 60 ", "4: 61 "), encoding="utf-8"
        )  # a text editor
        assert stamp_after(c, 10.0, 0) == 1
        assert c.get(f"/api/sets/{SET}").json()["content"]["assessment"]["indicators"]["4"] == 61


def test_nothing_is_saved_into_a_set_with_a_broken_file(ws):
    broken = ws / SET / "measures.yaml"
    broken.write_text(
        "measures:\n  - id: x\n   title: [unclosed\n", encoding="utf-8"
    )  # a slip in a text editor
    before = (ws / SET / "assessment.yaml").read_bytes()
    with client(ws) as (c, _):
        problems = c.get(f"/api/sets/{SET}/problems").json()["problems"]
        assert any(p["file"] == "measures.yaml" and p["line"] for p in problems)
        r = c.patch(f"/api/sets/{SET}/values", json={"path": "assessment.indicators.4", "value": 60})
        assert r.status_code == 409 and "measures.yaml" in r.json()["error"] and "YAML" in r.json()["error"]
        r = c.post(
            f"/sets/{SET}/save",
            data={"path": "assessment.indicators.4", "value": "60"},
            headers={"HX-Request": "true"},
        )
        assert r.status_code == 400 and "measures.yaml" in r.text
        assert c.get(f"/sets/{SET}").status_code == 200  # the page still opens, with the problem listed
    assert (ws / SET / "assessment.yaml").read_bytes() == before


def test_oit_rows_added_by_hand_when_the_year_has_no_item_list(ws):
    with client(ws) as (c, _):
        start_new_set(c)  # assesses 2567: no OIT item list in the data
        assert "ไม่มีรายการข้อ OIT" in c.get("/sets/new-2568").text
        r = c.post("/sets/new-2568/oit", data={"item": "o1", "field": "title", "value": "โครงสร้าง"})
        assert 'id="w-oit-o1"' in r.text
        c.post("/sets/new-2568/oit", data={"item": "o1", "field": "status", "value": "ดำเนินการเรียบร้อยแล้ว"})
        followup = c.get("/api/sets/new-2568").json()["content"]["oit_followup"]
        assert followup == {
            "year": 2567,
            "rows": [{"item": "o1", "title": "โครงสร้าง", "status": "ดำเนินการเรียบร้อยแล้ว"}],
        }
        assert [
            p for p in c.get("/api/sets/new-2568/problems").json()["problems"] if p["level"] == "error"
        ] == []


def test_dates_stay_unquoted_and_emptied_rows_stay(ws):
    minutes = ws / SET / "minutes.yaml"
    with client(ws) as (c, _):
        c.post(
            f"/sets/{SET}/save",
            data={"path": "minutes.0.date", "value": "๒๕๖๖-๐๑-๒๐", "expected": "2566-01-19", "kind": "date"},
        )
        assert "    date: 2566-01-20          # วันพฤหัสบดีที่ ๑๙ มกราคม ๒๕๖๖" in minutes.read_text(
            encoding="utf-8"
        )
        c.post(
            f"/sets/{SET}/save",
            data={"path": "minutes.0.date", "value": "2566-02-30", "expected": "2566-01-20", "kind": "date"},
        )
        problem = next(
            p for p in c.get(f"/api/sets/{SET}/problems").json()["problems"] if p["level"] == "error"
        )
        assert problem["field"] == "minutes.0.date"
        before = len(c.get(f"/api/sets/{SET}").json()["content"]["minutes"][0]["attendees"])
        c.post(
            f"/sets/{SET}/save",
            data={"path": "minutes.0.attendees.0.position", "value": "", "expected": "ผู้ช่วยนักประชาสัมพันธ์"},
        )
        attendee = c.get(f"/api/sets/{SET}").json()["content"]["minutes"][0]["attendees"][0]
        assert "position" not in attendee
        assert len(c.get(f"/api/sets/{SET}").json()["content"]["minutes"][0]["attendees"]) == before


def test_parts_of_a_new_item_can_be_started(ws):
    with client(ws) as (c, _):
        start_new_set(c)
        r = c.post("/sets/new-2568/add", data={"path": "committees"})
        assert (
            'id="g-committees-0-members"' in r.text
        )  # the new committee's members: an empty list with its button
        assert '<details class="item" open>' in r.text  # the new item is shown open
        r = c.post("/sets/new-2568/save", data={"path": "committees.0.id", "value": "ita", "expected": ""})
        assert r.text.count('<details class="item" open>') == 1  # the item being edited stays open
        r = c.post("/sets/new-2568/add", data={"path": "committees.0.members"})
        for key in ("id", "name", "position", "role"):  # the new member offers every field of its model
            assert f'data-path="committees.0.members.0.{key}"' in r.text
        committee = c.get("/api/sets/new-2568").json()["content"]["committees"][0]
        assert isinstance(committee["members"], list) and set(committee["members"][0]) >= {"id"}
        # an item written in full only on request ("แสดงทุกช่อง")
        short = c.get(f"/sets/{SET}/section/meetings").text
        assert 'data-path="committees.0.members.0.position"' in short
        assert 'data-path="committees.0.members.0.name"' not in short
        full = c.get(f"/sets/{SET}/section/meetings?open=committees.0.members.0").text
        assert 'data-path="committees.0.members.0.name"' in full


@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="LibreOffice is not installed")
def test_stopping_the_app_stops_the_offices_of_the_preview(ws):
    import psutil

    def offices() -> set[int]:
        return {p.pid for p in psutil.Process().children(recursive=True) if "soffice" in p.name()}

    others = offices()  # offices other tests of this session keep warm
    with client(ws) as (c, _):
        page = c.get(f"/sets/{SET}/preview").text
        assert "<img" in page and "analysis-report.docx" in page  # page images from LibreOffice
        assert offices() - others
    assert (
        offices() - others == set()
    )  # the app's lifespan closed the previewer (what Ctrl-C does under uvicorn)
