"""Suite-wide fixtures and the rule for tests that need real services.

A test marked ``postgres`` or ``redis`` runs against the service named by DATABASE_URL /
CELERY_BROKER_URL. When the service is not configured it is skipped on a developer's laptop,
but under ``CI=true`` it FAILS: CI must never go green by skipping what it is there to check.
"""

import logging
import os
import socket
from urllib.parse import urlsplit

import pytest
from django.db import connection

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _reachable(url: str, default_port: int) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or default_port), timeout=2):
            return True
    except OSError:
        return False


def _missing(reason: str):
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: tests that need it must run, not skip)", pytrace=False)
    pytest.skip(reason)


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        _missing("needs PostgreSQL: set DATABASE_URL=postgres://...")
    if item.get_closest_marker("redis"):
        broker = os.environ.get("CELERY_BROKER_URL", "")
        if not broker.startswith("redis://"):
            _missing("needs Redis: set CELERY_BROKER_URL=redis://...")
        elif not _reachable(broker, 6379):
            _missing(f"Redis at {broker} is not reachable")
    if item.get_closest_marker("embeddings"):
        from statements.services.embeddings import embeddings_available

        if not embeddings_available():
            _missing("needs the optional embeddings extra: make embeddings")



@pytest.fixture(autouse=True)
def _cache_left_empty():
    """Each test starts and ends with an empty cache: throttle counters, the demo-banner flag, topic
    aggregates and cached pages of one test are never another's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _logging_left_as_found():
    """Each test leaves logging as it found it.

    Celery's embedded test worker sets the root logger to ERROR; without this, every later test
    that looks at what would be logged sees a different logging set-up depending on test order.
    """
    root = logging.getLogger()
    level, handlers, disabled_up_to = root.level, list(root.handlers), logging.root.manager.disable
    yield
    root.setLevel(level)
    root.handlers[:] = handlers
    logging.disable(disabled_up_to)

@pytest.fixture
def demo_text():
    """A short wire story about fictional politicians, for pipeline tests."""
    return (
        "Estonian minister pledges new rail link\n\n"
        "TALLINN — Estonian Infrastructure Minister Kadri Vahtramäe said on Tuesday that the government "
        "would fund a new rail link to the port by 2030.\n\n"
        '"We have waited long enough for this connection," Vahtramäe told reporters. '
        '"The money is in the budget."\n\n'
        "Opposition leader Jaan Pärnoja argued that the project was far too expensive for a small country.\n"
    )


@pytest.fixture
def ingest(django_capture_on_commit_callbacks):
    """article_ingest, with the tasks it enqueues on commit run (eagerly) before it returns."""
    from statements.models import Article
    from statements.services.articles import IngestResult, article_ingest

    def _ingest(**kwargs) -> IngestResult:
        with django_capture_on_commit_callbacks(execute=True):
            result = article_ingest(**kwargs)
        return IngestResult(Article.objects.get(pk=result.article.pk), result.created)

    return _ingest
