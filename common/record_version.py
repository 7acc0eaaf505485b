"""The record version: one token that changes whenever anything on the public record is written.

Cached pages, API answers and aggregates are keyed by it, so a write makes every earlier cached
answer unreachable at once: nothing stale is served, and nothing has to know which pages a
write touched.

Writes are noticed where they all pass, in the database layer: an execute wrapper on every
connection looks at each INSERT/UPDATE/DELETE and bumps the version when its table is one the
apps declared part of the record (``watch_tables`` in their ``AppConfig.ready``). Model saves,
admin edits, ``QuerySet.update()``, ``bulk_create`` and raw SQL are all seen, whoever wrote
them. Inside a transaction the bump waits for the commit (a reader bumping too early would cache
the rows as they were before the commit); until then the writing connection reads past the cache.

The token is new at every bump (time plus randomness), never incremented, so bumps from several
processes on a cache without atomic increments (the file cache) cannot collide.
"""

from __future__ import annotations

import re
import secrets
import time

from django.core.cache import cache
from django.db import connections
from django.db.backends.signals import connection_created

VERSION_KEY = "onrecord:record-version"
# The token outlives any cached answer keyed by it; when it is evicted a new one starts.
VERSION_TIMEOUT = None

_WRITE = re.compile(
    r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+"?(\w+)"?', re.I
)
_watched_tables: set[str] = set()


def watch_tables(*tables: str) -> None:
    """Declare tables part of the record: a write to any of them bumps the version."""
    _watched_tables.update(tables)


def _new_token() -> str:
    return f"{time.time_ns():x}-{secrets.token_hex(4)}"


def current() -> str:
    """The version now (a token is made the first time, or after the cache lost it)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        token = _new_token()
        cache.add(VERSION_KEY, token, VERSION_TIMEOUT)
        # A cache that keeps nothing (the dummy cache) gives a new version every time: no hits.
        version = cache.get(VERSION_KEY) or token
    return version


def bump() -> str:
    """Make every answer cached so far unreachable."""
    token = _new_token()
    cache.set(VERSION_KEY, token, VERSION_TIMEOUT)
    return token


def changed_at(version: str) -> float:
    """When the version was made (seconds since the epoch): a page's Last-Modified."""
    try:
        return int(version.split("-", 1)[0], 16) / 1e9
    except ValueError:
        return time.time()


def _queued(connection) -> bool:
    return any(entry[1] is bump for entry in connection.run_on_commit)


def has_uncommitted_writes(using: str = "default") -> bool:
    """Whether this thread's transaction wrote to the record and has not committed yet.

    Its own reads see those rows and nobody else's do, so they must neither come from the
    cache nor go into it.
    """
    connection = connections[using]
    return connection.in_atomic_block and _queued(connection)


def note_write(connection) -> None:
    if not connection.in_atomic_block:
        bump()
    elif not _queued(connection):
        connection.on_commit(bump)


def _watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    match = _WRITE.match(sql)
    if match and match.group(1) in _watched_tables:
        note_write(context["connection"])
    return result


def _install(sender, connection, **kwargs) -> None:
    if _watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch_writes)


def install() -> None:
    """Watch every connection, open now or later (called once from an AppConfig.ready)."""
    connection_created.connect(_install, dispatch_uid="onrecord-record-version")
    for connection in connections.all(initialized_only=True):
        _install(None, connection)


def cached(key: str, compute, timeout: int | None):
    """``compute()``, cached under ``key`` for the current record version.

    Computed afresh (and not stored) while this thread holds uncommitted record writes.
    """
    if has_uncommitted_writes():
        return compute()
    versioned = f"{key}@{current()}"
    value = cache.get(versioned)
    if value is None:
        value = compute()
        cache.set(versioned, value, timeout)
    return value
