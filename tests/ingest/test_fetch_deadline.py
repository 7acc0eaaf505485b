"""F6: the fetch's total time limit holds while the headers arrive, not only for the body."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from statements.ingest.fetch import FetchFailed, fetch_url


class HeaderDribbler:
    """A server that answers the status line, then one header line every ``interval`` seconds, for ever."""

    def __init__(self, interval: float = 0.1):
        self.interval = interval
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.stopped = threading.Event()
        self.lines_sent = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        self.sock.settimeout(0.2)
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._dribble, args=(conn,), daemon=True).start()

    def _dribble(self, conn: socket.socket):
        with conn:
            conn.recv(65536)
            try:
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
                while not self.stopped.is_set():
                    conn.sendall(f"X-Slow-{self.lines_sent}: still coming\r\n".encode())
                    self.lines_sent += 1
                    time.sleep(self.interval)
            except OSError:
                return  # the client hung up: the limit worked

    def stop(self):
        self.stopped.set()
        self.sock.close()


@pytest.fixture
def dribbler(settings):
    server = HeaderDribbler()
    settings.FETCH_ALLOW_PRIVATE_HOSTS = [f"127.0.0.1:{server.port}"]
    yield server
    server.stop()


def test_headers_sent_one_line_at_a_time_are_cut_at_the_total_limit(dribbler, settings):
    settings.FETCH_TIMEOUT = 1.0
    started = time.monotonic()
    with pytest.raises(FetchFailed, match="took longer than 1 seconds") as failed:
        fetch_url(f"http://127.0.0.1:{dribbler.port}/story")
    elapsed = time.monotonic() - started
    assert failed.value.retryable is True
    # Each line comes well within the per-read timeout, so only the total limit can stop it;
    # without it the fetch would run until the server gives up (here: never).
    assert dribbler.lines_sent >= 5
    assert elapsed < 10 * settings.FETCH_TIMEOUT
