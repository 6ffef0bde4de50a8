"""The workbench's security rules (issue 15, item 9), in one place.

- Every request needs the per-run access token (``?token=`` once, which sets a
  session cookie; or the header ``Authorization: Bearer <token>``) or the session
  cookie; with ``--host`` the server also needs a password (a login form sets the
  cookie). Static files and the login page are the only open paths.
- The ``Host`` header must name this server (against DNS rebinding); a request
  carrying an ``Origin`` (or, when it has none, a ``Referer``) of another site
  is refused, and so is any state-changing request a browser marks cross-site
  (``Sec-Fetch-Site``).
- No path outside the workspace is read or written: `confine` refuses absolute
  paths (POSIX or Windows, drive letters), ``..``, and any symbolic link on the way.
- Uploads (the Garuda emblem) are at most `MAX_UPLOAD` bytes and must open in
  Pillow as a PNG or JPEG (`check_image`).

Content expressions are not checked here: every render goes through the build
pipeline, which runs them in the bounded sandbox (`ita_docs.context.sandbox`).
"""

from __future__ import annotations

import hmac
import io
import secrets
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from ..errors import ItaDocsError
from ..messages import msg

MAX_UPLOAD = 2 * 1024 * 1024
"""The largest upload accepted, in bytes (2 MB)."""
COOKIE = "ita_docs_session"
OPEN_PREFIXES = ("/static/", "/login")
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


@dataclass
class Refused(ItaDocsError):
    """A request refused by a security rule: HTTP ``status`` and a message for the user."""

    message: str
    status: int = 403

    def __str__(self) -> str:
        return self.message


@dataclass
class Guard:
    """What requests are checked against: the run's token and session, the password (or None), the
    host names that address this server (``"127.0.0.1:8765"``, lower case)."""

    hosts: set[str]
    password: str | None = None
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    session: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    secure_cookie: bool = False

    @classmethod
    def for_bind(cls, host: str, port: int, password: str | None = None) -> Guard:
        """The guard of a server bound to ``host``:``port``: the loopback names always, ``host`` too."""
        names = {"127.0.0.1", "localhost", "[::1]"}
        if host not in {"0.0.0.0", "::"}:  # a wildcard bind is named by the machine's addresses instead
            names.add(host.lower() if ":" not in host else f"[{host.lower()}]")
        return cls({f"{n}:{port}" for n in names}, password)

    def host_ok(self, host: str) -> bool:
        return host.lower() in self.hosts

    def origin_ok(self, origin: str) -> bool:
        parts = urlsplit(origin)
        return parts.scheme in {"http", "https"} and self.host_ok(parts.netloc)

    def token_ok(self, value: str | None) -> bool:
        return bool(value) and hmac.compare_digest(str(value).encode(), self.token.encode())

    def session_ok(self, value: str | None) -> bool:
        return bool(value) and hmac.compare_digest(str(value).encode(), self.session.encode())

    def password_ok(self, value: str | None) -> bool:
        return (
            self.password is not None
            and bool(value)
            and hmac.compare_digest(str(value).encode(), self.password.encode())
        )

    def set_cookie(self, response: Response) -> Response:
        response.set_cookie(
            COOKIE, self.session, httponly=True, samesite="strict", secure=self.secure_cookie, path="/"
        )
        return response


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


class SecurityMiddleware:
    """Pure ASGI middleware applying `Guard` to every HTTP request (see the module docstring)."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        response = self.check(scope)
        if response is None:
            await self.app(scope, receive, send)
        else:
            await response(scope, receive, send)

    def check(self, scope: Scope) -> Response | None:
        """None when the request may go on; else the response refusing (or redirecting) it."""
        g = self.guard
        h = _headers(scope)
        path: str = scope.get("path", "/")
        api = path.startswith("/api/")
        host = h.get("host", "")
        if not g.host_ok(host):
            return _refuse(msg("web_bad_host", host=host), 400, api)
        origin = h.get("origin")
        if origin is not None and origin != "null" and not g.origin_ok(origin):
            return _refuse(msg("web_cross_site", origin=origin), 403, api)
        if origin in (None, "null") and scope["method"] not in SAFE_METHODS:
            referer = h.get("referer")
            if origin == "null" or (referer and not g.origin_ok(referer)):
                return _refuse(msg("web_cross_site", origin=origin or referer), 403, api)
        if h.get("sec-fetch-site") == "cross-site" and scope["method"] not in SAFE_METHODS:
            return _refuse(msg("web_cross_site", origin=origin or ""), 403, api)
        if path.startswith(OPEN_PREFIXES):
            return None
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        auth = h.get("authorization", "")
        if auth.lower().startswith("bearer ") and g.token_ok(auth[7:].strip()):
            return None
        if g.session_ok(Request(scope).cookies.get(COOKIE)):
            return None
        if g.token_ok(query.get("token")):
            rest = urlencode([(k, v) for k, v in query.items() if k != "token"])
            return g.set_cookie(RedirectResponse(path + (f"?{rest}" if rest else ""), status_code=303))
        if api:
            return JSONResponse(
                {"error": msg("web_unauthorised")}, status_code=401, headers={"WWW-Authenticate": "Bearer"}
            )
        if g.password is not None:
            return RedirectResponse("/login", status_code=303)
        return PlainTextResponse(msg("web_unauthorised"), status_code=401)


def _refuse(message: str, status: int, api: bool) -> Response:
    if api:
        return JSONResponse({"error": message}, status_code=status)
    return PlainTextResponse(message, status_code=status)


def confine(root: Path, relative: str) -> Path:
    """``root / relative`` when it is a path inside ``root`` with no symbolic link on the way.

    Raises `Refused` (403) for an empty name, a NUL, an absolute path (``/x``,
    ``C:\\x``, ``\\\\server\\x``, ``~``), a ``..`` part or a symlink (file or folder).
    """
    if not relative or "\x00" in relative:
        raise Refused(msg("web_bad_name", name=relative))
    win, posix = PureWindowsPath(relative), PurePosixPath(relative)
    if posix.is_absolute() or win.is_absolute() or win.drive or win.root or relative.startswith("~"):
        raise Refused(msg("web_bad_name", name=relative))
    parts = win.parts  # splits on both / and \
    if any(p in ("..", ".") for p in parts) or any(":" in p for p in parts):
        raise Refused(msg("web_bad_name", name=relative))
    base = Path(root)
    target = base
    for part in parts:
        target = target / part
        if target.is_symlink():
            raise Refused(msg("web_bad_name", name=relative))
    try:
        inside = target.resolve().is_relative_to(base.resolve())
    except (OSError, RuntimeError, ValueError):
        inside = False
    if not inside:
        raise Refused(msg("web_bad_name", name=relative))
    return target


def check_image(data: bytes) -> str:
    """The file extension (``png`` or ``jpg``) of an uploaded emblem image.

    Raises `Refused` (413) above `MAX_UPLOAD` bytes, (415) when Pillow cannot open
    and verify it as a PNG or JPEG.
    """
    if len(data) > MAX_UPLOAD:
        raise Refused(msg("web_upload_big", limit=MAX_UPLOAD // (1024 * 1024)), 413)
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as img:
            kind = img.format
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise Refused(msg("web_upload_image"), 415) from None
    if kind not in {"PNG", "JPEG"}:
        raise Refused(msg("web_upload_image"), 415)
    return "png" if kind == "PNG" else "jpg"


__all__ = ["COOKIE", "MAX_UPLOAD", "Guard", "Refused", "SecurityMiddleware", "check_image", "confine"]
