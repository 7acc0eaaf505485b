"""Services a fault test can break without touching the machine's own: a private Redis, a TCP proxy
in front of PostgreSQL that can be cut and restored, and Celery workers in their own processes."""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from django.db import connection

from .broker import free_port

ROOT = Path(__file__).resolve().parents[2]


def wait_for(predicate, timeout: float = 90.0, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class PrivateRedis:
    """`redis-server` on a free port in a temporary directory, no persistence: ours to kill."""

    def __init__(self):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="onrecord-redis-")
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> PrivateRedis:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", self.dir,
             "--save", "", "--appendonly", "no", "--protected-mode", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        if not wait_for(lambda: _accepts(self.port), timeout=20):
            raise RuntimeError(f"private redis-server did not start on port {self.port}")
        return self

    def kill(self) -> None:
        """SIGKILL: the broker vanishes mid-conversation, as in a crash."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        assert wait_for(lambda: not _accepts(self.port), timeout=10)

    def stop(self) -> None:
        self.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


class TcpProxy:
    """127.0.0.1:<port> → target, byte for byte. ``cut()`` drops every connection and refuses new
    ones (a database restart, as clients see it); ``restore()`` lets them through again."""

    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open = threading.Event()
        self.open.set()
        self.closing = threading.Event()
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        self.lock = threading.Lock()
        self.cuts = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        self.listener.settimeout(0.2)
        while not self.closing.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                continue
            if not self.open.is_set():
                client.close()  # refused while cut: the client sees the connection drop at once
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.pairs.append((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    def _pump(self, client: socket.socket, upstream: socket.socket) -> None:
        sockets = [client, upstream]
        try:
            while self.open.is_set():
                ready, _, _ = select.select(sockets, [], [], 0.2)
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (upstream if sock is client else client).sendall(data)
        except OSError:
            return
        finally:
            for sock in sockets:
                with contextlib.suppress(OSError):
                    sock.close()

    def cut(self) -> None:
        self.cuts += 1
        self.open.clear()
        with self.lock:
            pairs, self.pairs = self.pairs, []
        for pair in pairs:
            for sock in pair:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def restore(self) -> None:
        self.open.set()

    def close(self) -> None:
        self.closing.set()
        self.cut()
        self.listener.close()


def database_url(*, port: int | None = None) -> str:
    """The test database's URL (the worker subprocesses use the same database), optionally via a proxy."""
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    host = "127.0.0.1" if port else (db["HOST"] or "127.0.0.1")
    return f"postgres://{credentials}@{host}:{port or db['PORT'] or 5432}/{db['NAME']}"


class WorkerProcess:
    """`celery -A config worker` in its own process group, with its own broker and database URLs."""

    def __init__(self, name: str, *, broker_url: str, db_url: str, queues: str = "fetch,extract", **env):
        from django.conf import settings

        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.ingest.worker_settings",
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": db_url,
            "CELERY_BROKER_URL": broker_url,
            "FETCH_ALLOW_PRIVATE_HOSTS": ",".join(settings.FETCH_ALLOW_PRIVATE_HOSTS),
            **{key: str(value) for key, value in env.items()},
        }
        celery = str(Path(sys.executable).with_name("celery"))
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [celery, "-A", "config", "worker", "-P", "prefork", "-c", "1", "-Q", queues, "-l", "info",
             "-n", f"{name}-{os.getpid()}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True,
        )  # fmt: skip
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip())

    def saw(self, words: str) -> bool:
        return any(words in line for line in self.lines)

    def count(self, words: str) -> int:
        return sum(words in line for line in self.lines)

    def log(self) -> str:
        return "\n".join(self.lines[-60:])

    def ready(self, timeout: float = 90) -> bool:
        return wait_for(lambda: self.saw("ready."), timeout=timeout)

    def kill(self) -> None:
        """SIGKILL the worker and its pool children: no warm shutdown, no acknowledgement."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.kill()
