"""The WSGI application: routing, read-only sessions, errors as pages.

A small WSGI callable rather than a framework: the view answers GET and HEAD on a
handful of pages, so routing is a table of path prefixes, and the standard library's
server runs it. One engine serves every request; each request reads in its own
session, in a read-only transaction (SQLite opened ``mode=ro``; PostgreSQL
``SET TRANSACTION READ ONLY``), so the view cannot write even through a bug.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import parse_qs

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from provenance.errors import NotFoundError, ProvenanceError, UsageError

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
SECURITY_HEADERS = [
    (
        "Content-Security-Policy",
        "default-src 'none'; style-src 'self'; img-src 'self' data:; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
]
STATIC_TYPES = {".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]

    def get(self, name: str, default: str | None = None) -> str | None:
        values = [v for v in self.query.get(name, []) if v.strip()]
        return values[-1].strip() if values else default

    def getall(self, name: str) -> list[str]:
        return [v.strip() for v in self.query.get(name, []) if v.strip()]


@dataclass
class Response:
    body: bytes
    status: str = "200 OK"
    content_type: str = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)


def request_from(environ: dict[str, Any]) -> Request:
    raw = environ.get("PATH_INFO", "/") or "/"
    try:  # WSGI hands the path over as latin-1 decoded bytes
        path = raw.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        path = raw
    return Request(
        method=environ.get("REQUEST_METHOD", "GET").upper(),
        path=path,
        query=parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=False),
    )


class Cache:
    """Results that cost a pass over every claim (measures, disputes), kept until the
    database changes: every write appends to the event log, so its last id is the
    version of the data."""

    def __init__(self) -> None:
        self._locks: dict[str, threading.Lock] = {}
        self._values: dict[str, tuple[int, Any]] = {}

    def get(self, session: Session, name: str, compute: Callable[[], Any]) -> Any:
        """The value for the current data; one thread computes it while others wait."""
        version = data_version(session)
        with self._locks.setdefault(name, threading.Lock()):
            hit = self._values.get(name)
            if hit is not None and hit[0] == version:
                return hit[1]
            value = compute()
            self._values[name] = (version, value)
            return value

    def busy(self, name: str) -> bool:
        """Whether a thread is computing the value now."""
        lock = self._locks.get(name)
        return lock is not None and lock.locked()

    def peek(self, session: Session, name: str) -> Any:
        """The value if it is computed for the current data, else None."""
        hit = self._values.get(name)
        return hit[1] if hit is not None and hit[0] == data_version(session) else None


class Recent:
    """The last few results by key, newest kept."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._items: OrderedDict[Any, Any] = OrderedDict()

    def get(self, key: Any) -> Any:
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return self._items[key]

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def data_version(session: Session) -> int:
    return int(session.execute(text("SELECT COALESCE(MAX(id), 0) FROM event")).scalar_one())


class WebApp:
    """The read-only web view of one database."""

    def __init__(self, db: str | None) -> None:
        from provenance.db import make_engine, open_session, resolve_url

        with open_session(db):  # the database exists and its schema is readable
            pass
        self.engine: Engine = make_engine(resolve_url(db), write=False)
        self.cache = Cache()
        self.recent = Recent()
        self._templates: Any = None

    def prepare(self) -> None:
        """Compute what costs a pass over every claim (measures, disputes) now, so that
        the first pages that need it need not wait."""
        from provenance.web.pages import analysis

        with self.session() as s:
            analysis(self, s, wait=True)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine) as s:
            if self.engine.dialect.name == "postgresql":
                s.execute(text("SET TRANSACTION READ ONLY"))
            try:
                yield s
            finally:
                s.rollback()

    @property
    def templates(self) -> Any:
        if self._templates is None:
            from provenance.web.render import environment

            self._templates = environment()
        return self._templates

    def render(self, template: str, **context: Any) -> Response:
        page = self.templates.get_template(template).render(**context)
        return Response(page.encode("utf-8"))

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        request = request_from(environ)
        if request.method not in ("GET", "HEAD"):
            response = self.error("405 Method Not Allowed", "this view is read-only")
            response.headers.append(("Allow", "GET, HEAD"))
        else:
            response = self.respond(request)
        headers = [
            ("Content-Type", response.content_type),
            ("Content-Length", str(len(response.body))),
            *SECURITY_HEADERS,
            *response.headers,
        ]
        start_response(response.status, headers)
        return [b""] if request.method == "HEAD" else [response.body]

    def respond(self, request: Request) -> Response:
        from provenance.web import pages

        if request.path.startswith("/static/"):
            return static(request.path.removeprefix("/static/"))
        handler, rest = pages.route(request.path)
        if handler is None:
            return self.error("404 Not Found", f"no page {request.path}")
        try:
            with self.session() as s:
                return handler(self, s, request, rest)
        except pages.Pending:
            response = self.error(
                "503 Service Unavailable",
                "measures and disputes are being computed from every claim (a while on a "
                "large database); reload this page in a moment",
            )
            response.headers.append(("Retry-After", "10"))
            return response
        except NotFoundError as exc:
            return self.error("404 Not Found", str(exc))
        except UsageError as exc:
            return self.error("400 Bad Request", str(exc))
        except ProvenanceError as exc:
            return self.error("500 Internal Server Error", str(exc))

    def error(self, status: str, message: str) -> Response:
        response = self.render("error.html", status=status, message=message)
        response.status = status
        return response


def static(name: str) -> Response:
    suffix = name[name.rfind(".") :] if "." in name else ""
    if "/" in name or suffix not in STATIC_TYPES:
        return Response(b"not found", "404 Not Found", "text/plain; charset=utf-8")
    resource = resources.files("provenance.web").joinpath("static", name)
    if not resource.is_file():
        return Response(b"not found", "404 Not Found", "text/plain; charset=utf-8")
    return Response(
        resource.read_bytes(),
        content_type=STATIC_TYPES[suffix],
        headers=[("Cache-Control", "max-age=3600")],
    )
