"""Outages with real services, each ending, after the outage and one reconciler pass, with every
article extracted exactly once:

- Redis (a private redis-server) killed while articles are ingested through the API, the CLI and
  the service, then started again;
- PostgreSQL cut (a TCP proxy between the worker and the database) in the middle of extractions,
  shorter than the task retries, and longer than them (the tasks give up; the reconciler resends);
- the worker killed mid-extraction with its task lost to the broker's hour-long visibility timeout.

The machine's Redis and PostgreSQL are never touched: the breakable parts are private to the test.
"""

from __future__ import annotations

import io
import os
import time

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from statements.models import Article, Citation
from statements.services.articles import article_ingest
from statements.services.reconcile import articles_stalled
from tests.ingest.test_exactly_once import (
    _assert_saved_once,
    _broker,
    _expected_citations,
    _key,
    _purge,
    _text,
)

from .broker import broker_at
from .services import PrivateRedis, TcpProxy, WorkerProcess, database_url, wait_for

pytestmark = [
    pytest.mark.redis,
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]


def _statuses(ids) -> dict[int, str]:
    return dict(Article.objects.filter(pk__in=ids).values_list("pk", "status"))


def _all(ids, status) -> bool:
    return set(_statuses(ids).values()) == {status}


def _reconcile_once() -> str:
    out = io.StringIO()
    call_command("requeue_stalled", "--older-than", "0", stdout=out)
    return out.getvalue()


def _assert_each_extracted_once(ids) -> None:
    assert Article.objects.filter(pk__in=ids).count() == len(ids)
    for article in Article.objects.filter(pk__in=ids):
        _assert_saved_once(article, _expected_citations(article))


# --- Redis down during ingest -----------------------------------------------------------------


@pytest.fixture
def private_redis():
    server = PrivateRedis().start()
    yield server
    server.stop()


def test_redis_down_during_ingest_stores_everything_and_one_pass_extracts_it_once(
    private_redis, settings, tmp_path, django_user_model
):
    token = Token.objects.create(user=django_user_model.objects.create_user("wire", password="pw-12345678"))
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    worker = None
    with broker_at(private_redis.url, settings):
        try:
            worker = WorkerProcess(
                "redis-fault",
                broker_url=private_redis.url,
                db_url=database_url(),
                TEST_VISIBILITY_TIMEOUT=3600,
            )
            assert worker.ready(), worker.log()
            before = article_ingest(
                text=_text(100, 2, "Before the outage"), published="2026-05-01"
            ).article.pk
            assert wait_for(lambda: _all([before], Article.Status.EXTRACTED)), worker.log()

            private_redis.kill()
            response = api.post(
                "/api/v1/articles/", {"text": _text(110, 2, "Through the API")}, format="json"
            )
            assert response.status_code == 202, response.content
            assert "processed when the task queue is back" in response.json()["message"]
            path = tmp_path / "wire.txt"
            path.write_text(_text(120, 2, "Through the command line"))
            out = io.StringIO()
            call_command("ingest", str(path), "--published", "2026-05-02", stdout=out)  # exit 0
            assert "will be processed when the queue is back" in out.getvalue()
            direct = article_ingest(text=_text(130, 2, "Through an import"), published="2026-05-03")
            assert direct.waiting_for_queue
            during = list(Article.objects.exclude(pk=before).values_list("pk", flat=True))
            assert len(during) == 3 and _all(during, Article.Status.FETCHED)
            assert set(articles_stalled().values_list("pk", flat=True)) == set(), "inside the grace minute"

            private_redis.start()  # the same port, empty: whatever was queued before is gone
            report = _reconcile_once()
            assert "Requeued 3 article(s): 0 to fetch, 3 to extract" in report
            assert wait_for(lambda: _all(during, Article.Status.EXTRACTED), timeout=180), worker.log()
            assert "Requeued 0 article(s)" in _reconcile_once(), "nothing left for a second pass"
        finally:
            if worker is not None:
                worker.stop()
    _assert_each_extracted_once([before, *during])


# --- PostgreSQL cut during extraction ---------------------------------------------------------


@pytest.fixture
def db_proxy():
    from django.db import connection

    proxy = TcpProxy(
        connection.settings_dict["HOST"] or "127.0.0.1", int(connection.settings_dict["PORT"] or 5432)
    )
    yield proxy
    proxy.close()


@pytest.fixture
def shared_broker(settings):
    _purge()
    with broker_at(os.environ["CELERY_BROKER_URL"], settings):
        yield
    _purge()


def _ingest_batch(first: int, count: int, label: str) -> list[int]:
    return [
        article_ingest(text=_text(first + 4 * i, 4, f"{label} {i}"), published="2026-06-01").article.pk
        for i in range(count)
    ]


def test_postgres_cut_mid_extraction_shorter_than_the_retries_recovers_by_itself(db_proxy, shared_broker):
    worker = WorkerProcess(
        "pg-cut", broker_url=os.environ["CELERY_BROKER_URL"], db_url=database_url(port=db_proxy.port),
        PIPELINE_OUTAGE_BACKOFF=1, TEST_VISIBILITY_TIMEOUT=3600,
    )  # fmt: skip
    try:
        assert worker.ready(), worker.log()
        ids = _ingest_batch(200, 6, "Cut mid-extraction")
        assert wait_for(
            lambda: Article.objects.filter(pk__in=ids, extraction_started_at__isnull=False).exists()
        )
        db_proxy.cut()
        time.sleep(8)  # the restart the probe measured: 8 seconds without a database
        db_proxy.restore()
        assert wait_for(lambda: _all(ids, Article.Status.EXTRACTED), timeout=240), worker.log()
        assert worker.saw("Retry in"), "the cut was felt and retried, not swallowed"
        assert "Requeued 0 article(s)" in _reconcile_once()
        assert wait_for(lambda: _broker().llen(_key("extract")) == 0, timeout=30)
    finally:
        worker.stop()
    _assert_each_extracted_once(ids)
    assert not Article.objects.filter(status=Article.Status.FAILED).exists()


def test_postgres_gone_longer_than_the_retries_the_reconciler_finishes_the_work(db_proxy, shared_broker):
    # Retries after 0.25, 0.5, 1, 2 and 4 s: the tasks give up well inside the 15 s outage, and
    # cannot record anything. The articles stay owed their extraction, with no task anywhere.
    worker = WorkerProcess(
        "pg-gone", broker_url=os.environ["CELERY_BROKER_URL"], db_url=database_url(port=db_proxy.port),
        PIPELINE_OUTAGE_BACKOFF=0.25, TEST_VISIBILITY_TIMEOUT=3600,
    )  # fmt: skip
    try:
        assert worker.ready(), worker.log()
        db_proxy.cut()
        ids = _ingest_batch(300, 4, "Database gone")  # stored by this process, straight to PostgreSQL
        assert wait_for(lambda: worker.count("giving up after 5 outage retries") >= len(ids), 60), (
            worker.log()
        )
        assert _all(ids, Article.Status.FETCHED)
        db_proxy.restore()
        assert "Requeued 4 article(s): 0 to fetch, 4 to extract" in _reconcile_once()
        assert wait_for(lambda: _all(ids, Article.Status.EXTRACTED), timeout=240), worker.log()
    finally:
        worker.stop()
    _assert_each_extracted_once(ids)


# --- the worker killed ------------------------------------------------------------------------


def test_a_killed_worker_whose_task_the_broker_holds_for_an_hour_is_finished_by_the_reconciler(
    shared_broker, settings
):
    """F9: kill -9 of the worker; the broker would hand the task out again only after its visibility
    timeout (an hour). The reconciler knows the run is dead once it is older than the extraction's
    hard time limit, and sends it again; the late redelivery, when it comes, does nothing."""
    from statements.tasks.articles import extract_article

    broker, db_url = os.environ["CELERY_BROKER_URL"], database_url()
    doomed = WorkerProcess("doomed", broker_url=broker, db_url=db_url, TEST_VISIBILITY_TIMEOUT=3600)
    heir = None
    try:
        assert doomed.ready(), doomed.log()
        # Long enough that the extraction is still running when the worker is killed.
        article_id = article_ingest(text=_text(400, 60, "A long report"), published="2026-06-01").article.pk
        assert wait_for(
            lambda: Article.objects.filter(pk=article_id, extraction_started_at__isnull=False).exists()
        )
        doomed.kill()
        assert _broker().hlen(_key("unacked")) == 1, "the delivery is held by the broker, for an hour"
        heir = WorkerProcess("heir", broker_url=broker, db_url=db_url, TEST_VISIBILITY_TIMEOUT=3600)
        assert heir.ready(), heir.log()
        assert "Requeued 0 article(s)" in _reconcile_once(), "a run younger than the hard limit may be alive"

        # The extraction's hard limit has passed (here: the reconciler is told it is 2 seconds).
        settings.EXTRACT_HARD_TIME_LIMIT = 2
        time.sleep(2.5)
        assert "Requeued 1 article(s): 0 to fetch, 1 to extract" in _reconcile_once()
        assert wait_for(lambda: _all([article_id], Article.Status.EXTRACTED), timeout=180), heir.log()
    finally:
        for process in (doomed, heir):
            if process is not None:
                process.stop()
    article = Article.objects.get(pk=article_id)
    assert article.attempts == 0 and Citation.objects.filter(article=article).exists()
    # The broker's redelivery an hour later finds the work done.
    assert extract_article.apply(args=[article_id]).get() == Article.Status.EXTRACTED
    _assert_each_extracted_once([article_id])
