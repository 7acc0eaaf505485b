"""A real HTTP server on 127.0.0.1 for ingestion tests: routes, canned answers, a request log."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = "text/html; charset=utf-8"
    delay: float = 0.0  # seconds to wait before answering
    drip: float = 0.0  # seconds between body chunks of 64 bytes (a slow site)
    stream: bool = False  # no Content-Length: the body ends when the connection closes


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]


Route = Answer | Callable[["Seen"], Answer]


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """Clients that hang up (a size or time limit was hit) are expected; other errors are shown."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class WebServer:
    """Serves `routes` (path → Answer or function of the request) and records every request."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 - the name http.server calls
                seen = Seen("GET", self.path, {k.lower(): v for k, v in self.headers.items()})
                with server._lock:
                    server.requests.append(seen)
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?", 1)[0])
                answer = Answer(404, b"not here", content_type="text/plain") if route is None else route
                if callable(answer):
                    answer = answer(seen)
                if answer.delay:
                    time.sleep(answer.delay)
                try:
                    self.send_response(answer.status)
                    if answer.content_type:
                        self.send_header("Content-Type", answer.content_type)
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    if answer.stream:
                        self.send_header("Connection", "close")
                        self.close_connection = True
                    elif "Content-Length" not in answer.headers:
                        self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    if answer.drip:
                        for start in range(0, len(answer.body), 64):
                            self.wfile.write(answer.body[start : start + 64])
                            self.wfile.flush()
                            time.sleep(answer.drip)
                    else:
                        self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (size or time limit): what the test wants

            def log_message(self, format, *args):  # keep test output quiet
                pass

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"

    def hits(self, path: str | None = None) -> int:
        with self._lock:
            return sum(1 for r in self.requests if path is None or r.path == path)

    def start(self) -> WebServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
