"""The standard library's WSGI server, one thread per request."""

from __future__ import annotations

import threading
from collections.abc import Callable
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from provenance.errors import UsageError


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class QuietHandler(WSGIRequestHandler):
    """One line per request on stderr, without the reverse DNS lookup."""

    def address_string(self) -> str:
        return str(self.client_address[0])

    def log_message(self, format: str, *args: Any) -> None:
        import sys

        sys.stderr.write(f"{self.address_string()} {format % args}\n")


def make(db: str | None, host: str, port: int) -> tuple[ThreadingWSGIServer, Any]:
    """A server bound to host:port (port 0: any free one) on the web view of ``db``."""
    from provenance.web.app import WebApp

    try:
        import jinja2  # noqa: F401
    except ImportError:
        raise UsageError("the web view needs Jinja2: pip install 'provenance[web]'") from None
    app = WebApp(db)
    try:
        server = make_server(
            host, port, app, server_class=ThreadingWSGIServer, handler_class=QuietHandler
        )
    except OSError as exc:
        app.close()
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    assert isinstance(server, ThreadingWSGIServer)
    return server, app


def _prepare(app: Any, announce: Callable[[str], None]) -> None:
    try:
        app.prepare()
    except Exception as exc:  # the pages that need it will say what is wrong
        announce(f"measures could not be computed: {exc}")


def serve(db: str | None, *, host: str, port: int, announce: Callable[[str], None]) -> None:
    server, app = make(db, host, port)
    shown = f"[{host}]" if ":" in host else host
    announce(f"serving a read-only view on http://{shown}:{server.server_port}/ (Ctrl-C stops)")
    threading.Thread(target=_prepare, args=(app, announce), daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        announce("stopped")
    finally:
        server.server_close()
        app.close()
