"""Pointing the test process's Celery app at another broker (a dead port, a private Redis)."""

from __future__ import annotations

import contextlib
import os
import socket

from config.celery_app import app as celery_app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _reset_pools() -> None:
    # Connection and producer pools are keyed on the broker they were made for: drop them.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@contextlib.contextmanager
def broker_at(url: str, settings):
    """Send tasks to ``url`` for real (not eagerly) inside the block; eager again after it."""
    previous = celery_app.conf.broker_url
    previous_env = os.environ.get("CELERY_BROKER_URL")
    # Celery reads CELERY_BROKER_URL from the environment before its configuration.
    os.environ["CELERY_BROKER_URL"] = url
    settings.CELERY_TASK_ALWAYS_EAGER = False
    celery_app.conf.update(task_always_eager=False, broker_url=url)
    _reset_pools()
    try:
        yield
    finally:
        _reset_pools()
        if previous_env is None:
            os.environ.pop("CELERY_BROKER_URL", None)
        else:
            os.environ["CELERY_BROKER_URL"] = previous_env
        celery_app.conf.update(task_always_eager=True, broker_url=previous)
        settings.CELERY_TASK_ALWAYS_EAGER = True
