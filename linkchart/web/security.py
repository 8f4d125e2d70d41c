"""What keeps the workbench safe to open on documents written by the people it is about.

- Every response carries a Content-Security-Policy with no inline script, so text from a report
  that slips into the page as markup still cannot run; the page itself only ever inserts text.
- Requests that change the case (decisions, uploads, saved charts) need a per-server token that
  the page reads from `/api/session`; another site cannot read it (no CORS) and cannot send the
  header it travels in without a preflight the server never grants.
- Bound to anything but loopback, every request needs the access token given with `--token`
  (once as `?token=`, then as an HttpOnly cookie, or as `Authorization: Bearer`).
- Uploaded files keep only a cleaned base name and are written inside the case's upload folder.
"""

from __future__ import annotations

import hmac
import re
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from linkchart.errors import LinkchartError

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
       "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
TOKEN_HEADER = "X-Linkchart-Token"
ACCESS_COOKIE = "linkchart_access"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
UPLOAD_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".pdf"})


def new_token() -> str:
    return secrets.token_urlsafe(32)


def same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


def is_loopback(host: str) -> bool:
    return host in LOOPBACK or host.startswith("127.")


class Guard(BaseHTTPMiddleware):
    """Security headers on every response; the access token and the write token where needed."""

    def __init__(self, app: object, *, csrf_token: str, access_token: str | None, max_body: int) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self.csrf_token = csrf_token
        self.access_token = access_token
        self.max_body = max_body

    async def dispatch(self, request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = self._refuse(request) or await call_next(request)
        headers = response.headers
        headers["Content-Security-Policy"] = CSP
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "DENY"
        headers["Referrer-Policy"] = "no-referrer"
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        headers.setdefault("Cache-Control", "no-store")
        return response

    def _refuse(self, request: Request) -> Response | None:
        if self.access_token is not None:
            given = request.query_params.get("token")
            if given is not None and same(given, self.access_token):
                redirect = RedirectResponse(str(request.url.remove_query_params("token")), status_code=303)
                redirect.set_cookie(ACCESS_COOKIE, self.access_token, httponly=True, samesite="strict")
                return redirect
            bearer = request.headers.get("authorization", "")
            if not (same(request.cookies.get(ACCESS_COOKIE), self.access_token)
                    or (bearer.startswith("Bearer ") and same(bearer[7:], self.access_token))):
                return JSONResponse({"error": "this workbench needs its access token: open it with ?token=..."},
                                    status_code=401)
        if request.method not in SAFE_METHODS and not same(request.headers.get(TOKEN_HEADER), self.csrf_token):
            return JSONResponse({"error": f"missing or wrong {TOKEN_HEADER} header (reload the page)"}, status_code=403)
        if request.method not in SAFE_METHODS and int(request.headers.get("content-length") or 0) > self.max_body:
            return JSONResponse({"error": f"request larger than {self.max_body // 1048576} MB; send fewer files at a time"},
                                status_code=413)
        return None


_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9._ -]+")


def safe_upload_name(filename: str | None) -> str:
    """A base name that cannot leave the upload folder or hide as a dotfile; one-line error otherwise."""
    raw = (filename or "").replace("\\", "/").split("/")[-1]
    name = _UNSAFE_CHARS.sub("_", raw).strip(" .")
    if not name or name in {".", ".."}:
        raise LinkchartError(f"'{filename}': not a usable file name")
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise LinkchartError(f"{name}: cannot read '{suffix or 'no extension'}' files (use "
                             + ", ".join(sorted(UPLOAD_SUFFIXES)) + ")")
    return name[:120]


def inside(folder: Path, name: str) -> Path:
    """`folder/name`, refusing anything that would resolve outside `folder`."""
    target = (folder / name).resolve()
    if not target.is_relative_to(folder.resolve()):
        raise LinkchartError(f"{name}: refused, it would be written outside the case")
    return target
