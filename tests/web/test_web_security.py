"""The workbench's security rules (issue 15, item 9), each over HTTP with Starlette's TestClient."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ita_docs.web.security import MAX_UPLOAD, Refused, confine
from ita_docs.web.server import ServeError, settings

from .web_helpers import ORIGIN, client, png, workspace

pytestmark = pytest.mark.usefixtures("thai_messages")


@pytest.fixture()
def ws(tmp_path: Path) -> Path:
    return workspace(tmp_path / "ws", "huapho-2565")


def test_no_token_is_refused(ws):
    with client(ws, authorised=False) as (c, _):
        assert c.get("/api/sets").status_code == 401
        assert c.get("/sets/huapho-2565").status_code == 401
        assert c.get("/api/sets/huapho-2565/zip").status_code == 401
        assert (
            c.patch("/api/sets/huapho-2565/values", json={"path": "fiscal_year", "value": 1}).status_code
            == 401
        )
        assert c.get("/api/sets", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/sets", headers={"Cookie": "ita_docs_session=wrong"}).status_code == 401
    assert "fiscal_year: 2566" in (ws / "huapho-2565" / "organisation.yaml").read_text(encoding="utf-8")


def test_token_in_header_or_link_then_cookie(ws):
    with client(ws, authorised=False) as (c, guard):
        assert c.get("/api/sets", headers={"Authorization": f"Bearer {guard.token}"}).status_code == 200
        r = c.get(f"/?token={guard.token}", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/"
        assert (
            "httponly" in r.headers["set-cookie"].lower()
            and "samesite=strict" in r.headers["set-cookie"].lower()
        )
        assert c.get("/").status_code == 200  # the cookie now opens every page
        assert c.get("/static/htmx.min.js").status_code == 200


def test_foreign_host_is_refused(ws):
    with client(ws) as (c, guard):
        for host in ("evil.example", "evil.example:8765", "127.0.0.1:9999", "localhost.evil.example:8765"):
            r = c.get("/api/sets", headers={"Host": host, "Authorization": f"Bearer {guard.token}"})
            assert r.status_code == 400, host
        assert c.get("/api/sets", headers={"Host": "localhost:8765"}).status_code == 200


def test_cross_site_origin_is_refused(ws):
    before = (ws / "huapho-2565" / "assessment.yaml").read_bytes()
    with client(ws) as (c, _):
        change = {"path": "assessment.indicators.4", "value": 60}
        assert (
            c.patch(
                "/api/sets/huapho-2565/values", json=change, headers={"Origin": "http://evil.example"}
            ).status_code
            == 403
        )
        assert (
            c.patch("/api/sets/huapho-2565/values", json=change, headers={"Origin": "null"}).status_code
            == 403
        )
        assert (
            c.post(
                "/sets/huapho-2565/save",
                data={"path": "assessment.indicators.4", "value": "1"},
                headers={"Referer": "http://evil.example/page"},
            ).status_code
            == 403
        )
        assert (
            c.post(
                "/sets/huapho-2565/save",
                data={"path": "assessment.indicators.4", "value": "1"},
                headers={"Sec-Fetch-Site": "cross-site"},
            ).status_code
            == 403
        )
        assert c.get("/api/sets", headers={"Origin": "http://127.0.0.1.evil.example"}).status_code == 403
        assert (ws / "huapho-2565" / "assessment.yaml").read_bytes() == before
        assert (
            c.patch("/api/sets/huapho-2565/values", json=change, headers={"Origin": ORIGIN}).status_code
            == 200
        )


@pytest.mark.parametrize(
    "name",
    ["..", "../x", "..\\x", "/etc/passwd", "C:\\Windows", "c:x", "\\\\server\\share", "~", "a/../../b"],
)
def test_confine_refuses_paths_outside(tmp_path, name):
    with pytest.raises(Refused):
        confine(tmp_path, name)


def test_paths_outside_the_workspace_are_refused(ws, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("fiscal_year: 2566\n", encoding="utf-8")
    (ws / "output" / "huapho-2565").mkdir(parents=True)
    (ws / "output" / "huapho-2565" / "link.pdf").symlink_to(secret)
    os.symlink(ws / "huapho-2565", ws / "alias")  # a set reached through a link
    with client(ws) as (c, _):
        for url in (
            "/api/sets/..%2F..%2Fsecret/zip",
            "/api/sets/huapho-2565/files/..%2F..%2F..%2Fsecret.yaml",
            "/api/sets/huapho-2565/files/link.pdf",
            "/api/sets/alias",
            "/api/sets/alias/zip",
            "/api/sets/huapho-2565/files/%2Fetc%2Fpasswd",
            "/api/sets/huapho-2565/files/C:%5Cx.pdf",
        ):
            r = c.get(url)
            assert r.status_code in (403, 404), url
            assert b"fiscal_year" not in r.content
        r = c.post(
            "/api/sets",
            json={
                "name": "../escape",
                "organisation": "องค์การบริหารส่วนตำบลหนึ่ง",
                "kind": "อบต.",
                "province": "ราชบุรี",
                "fiscal_year": 2567,
            },
        )
        assert r.status_code == 403
        assert not (ws.parent / "escape").exists()
        assert [s["name"] for s in c.get("/api/sets").json()["sets"]] == ["huapho-2565"]


def test_upload_checks(ws):
    with client(ws) as (c, _):
        url = "/api/sets/huapho-2565/emblem"
        assert c.post(url, files={"file": ("x.png", b"not an image at all", "image/png")}).status_code == 415
        gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"
        assert c.post(url, files={"file": ("x.gif", gif, "image/gif")}).status_code == 415
        big = png() + b"\0" * (MAX_UPLOAD + 10)
        assert c.post(url, files={"file": ("big.png", big, "image/png")}).status_code == 413
        assert not list((ws / "huapho-2565").glob("emblem.*"))
        r = c.post(url, files={"file": ("garuda.png", png(), "image/png")})
        assert r.status_code == 200 and r.json() == {"emblem": "emblem.png"}
        assert (ws / "huapho-2565" / "emblem.png").read_bytes() == png()
        assert "emblem: emblem.png" in (ws / "huapho-2565" / "organisation.yaml").read_text(encoding="utf-8")


def test_host_without_password_refuses_to_start(tmp_path, monkeypatch):
    monkeypatch.delenv("ITA_DOCS_PASSWORD", raising=False)
    with pytest.raises(ServeError, match="รหัสผ่าน"):
        settings(tmp_path, "0.0.0.0", 8765, None)
    bind, port, guard = settings(tmp_path, "0.0.0.0", 8765, "s3cret")
    assert (bind, port, guard.password) == ("0.0.0.0", 8765, "s3cret")
    monkeypatch.setenv("ITA_DOCS_PASSWORD", "from-env")
    assert settings(tmp_path, "192.168.1.5", 8765, None)[2].password == "from-env"
    monkeypatch.delenv("ITA_DOCS_PASSWORD")
    bind, port, guard = settings(tmp_path, None, None, None)
    assert bind == "127.0.0.1" and port > 0 and guard.password is None


def test_cli_refuses_host_without_password(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from ita_docs.cli import app

    monkeypatch.delenv("ITA_DOCS_PASSWORD", raising=False)
    result = CliRunner().invoke(app, ["serve", str(tmp_path), "--host", "0.0.0.0", "--no-browser"])
    assert result.exit_code == 1
    assert "ITA_DOCS_PASSWORD" in result.output


def test_password_login(ws):
    with client(ws, password="s3cret", authorised=False) as (c, _):
        r = c.get("/sets/huapho-2565", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/login"
        assert c.post("/login", data={"password": "wrong"}).status_code == 401
        assert c.get("/api/sets").status_code == 401
        r = c.post("/login", data={"password": "s3cret"}, follow_redirects=False)
        assert r.status_code == 303
        assert c.get("/api/sets").status_code == 200


def test_a_wildcard_bind_is_named_by_the_machines_addresses(tmp_path):
    _, port, guard = settings(tmp_path, "0.0.0.0", 8765, "s3cret")
    assert guard.host_ok(f"127.0.0.1:{port}") and guard.host_ok(f"localhost:{port}")
    assert not guard.host_ok(f"0.0.0.0:{port}") and not guard.host_ok(f"evil.example:{port}")
    import socket

    assert guard.host_ok(f"{socket.gethostname().lower()}:{port}")
