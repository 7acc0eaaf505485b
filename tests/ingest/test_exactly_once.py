"""Exactly once, with real workers: Redis as the broker, Celery workers, PostgreSQL across processes.

- the same article ingested concurrently is one article, fetched once;
- a task delivered more than once saves its statements once;
- a feed polled by two tasks at once yields each article once, each page fetched once;
- a worker killed with SIGKILL in the middle of an extraction loses nothing: the task comes back
  (after the broker's visibility timeout) to a new worker, which finishes it, once.
"""

from __future__ import annotations

import os
import threading

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.db import connection

from config.celery_app import app as celery_app
from statements.ingest.dedupe import normalize_quote
from statements.models import Article, Citation, Statement
from statements.services.articles import article_ingest
from statements.tasks.articles import extract_article, fetch_article
from tests.faults.services import WorkerProcess, database_url, wait_for

from . import corpus
from .webserver import Answer

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

QUEUES = ("fetch", "extract", "celery")


def _broker() -> redis.Redis:
    return redis.Redis.from_url(os.environ["CELERY_BROKER_URL"])


def _key(name: str) -> str:
    """The Redis key of a queue or of the unacked table: this run's prefix keeps other runs' apart."""
    return settings.CELERY_BROKER_TRANSPORT_OPTIONS["global_keyprefix"] + name


def _broker_idle() -> bool:
    """Nothing waiting in the queues and nothing delivered but unacknowledged (acks_late: still running)."""
    client = _broker()
    return all(client.llen(_key(q)) == 0 for q in QUEUES) and client.hlen(_key("unacked")) == 0


def _purge() -> None:
    client = _broker()
    client.delete(*(_key(name) for name in (*QUEUES, "unacked", "unacked_index")))


def _status(article_id: int) -> str:
    return Article.objects.only("status").get(pk=article_id).status


def _expected_citations(article: Article) -> int:
    """How many citations one correct extraction of this article stores (computed in this process)."""
    from statements.services.extraction import extraction_run, quote_fits_span

    article.refresh_from_db()
    spans = {
        (s.start, s.end)
        for s in extraction_run(article=article)
        if quote_fits_span(s.quote, article.text[s.start : s.end])
    }
    return len(spans)


def _text(first: int, count: int, headline: str) -> str:
    paragraphs = [p for i in range(first, first + count) for p in corpus.article_fields(i)["paragraphs"]]
    return headline + "\n\n" + "\n\n".join(paragraphs)


def _assert_saved_once(article: Article, expected: int) -> None:
    article.refresh_from_db()
    assert article.status == Article.Status.EXTRACTED, article.error
    assert article.extraction_count == 1, "the statements were saved by exactly one run"
    citations = Citation.objects.filter(article=article)
    assert citations.count() == expected > 0
    # One remark repeated in the article is one statement with several citations; never two statements.
    statements = Statement.objects.filter(citations__article=article).distinct()
    remarks = [(s.speaker_id, s.speaker_organization_id, normalize_quote(s.quote)) for s in statements]
    assert len(remarks) == len(set(remarks)) > 0
    assert not Statement.objects.filter(citations__isnull=True).exists(), "no orphans from an interrupted run"


@pytest.fixture
def worker(settings):
    """A worker in this process (4 threads) consuming both queues from CELERY_BROKER_URL."""
    from extraction.nlp import load

    load(settings.SPACY_MODEL)  # once, before threads share it
    _purge()
    settings.CELERY_TASK_ALWAYS_EAGER = False
    celery_app.conf.update(task_always_eager=False, broker_url=os.environ["CELERY_BROKER_URL"])
    try:
        with start_worker(
            celery_app,
            pool="threads",
            concurrency=4,
            perform_ping_check=False,
            queues=list(QUEUES),
            shutdown_timeout=60,
        ) as running:
            yield running
    finally:
        celery_app.conf.task_always_eager = True


# --- concurrent ingestion ---------------------------------------------------------------------


def _concurrently(calls) -> list:
    """Run the callables at the same instant in threads; return their results."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)
    errors: list[BaseException] = []

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    return results


def test_the_same_url_ingested_concurrently_is_one_article_fetched_once(worker, site):
    site.routes["/news/1"] = Answer(body=corpus.article_html(1))
    url = site.url("/news/1")
    spellings = [url, url + "?utm_source=rss", url + "/", url + "#comments"] * 3
    results = _concurrently([lambda u=u: article_ingest(url=u) for u in spellings])

    assert Article.objects.count() == 1
    article = Article.objects.get()
    assert {r.article.pk for r in results} == {article.pk}
    assert sum(r.created for r in results) == 1
    assert wait_for(lambda: _status(article.pk) == Article.Status.EXTRACTED)
    assert wait_for(_broker_idle)
    assert site.hits("/news/1") == 1, "one article, one fetch"
    _assert_saved_once(article, _expected_citations(article))


def test_the_same_text_ingested_concurrently_is_one_article(worker):
    text = _text(10, 3, "Three reports from the chamber")
    variants = [text, text.upper(), "  " + text.replace("\n\n", "\n\n\n") + "\n"] * 3
    results = _concurrently([lambda t=t: article_ingest(text=t, published="2026-03-10") for t in variants])
    assert Article.objects.count() == 1
    assert sum(r.created for r in results) == 1
    article = Article.objects.get()
    assert wait_for(lambda: _status(article.pk) == Article.Status.EXTRACTED)
    assert wait_for(_broker_idle)
    _assert_saved_once(article, _expected_citations(article))


# --- duplicate delivery -----------------------------------------------------------------------


def test_an_extract_task_delivered_several_times_saves_statements_once(worker):
    result = article_ingest(text=_text(20, 4, "Four reports from the chamber"), published="2026-03-20")
    article_id = result.article.pk
    # The ingest enqueued one delivery on commit; the broker hands out three more at once.
    for _ in range(3):
        extract_article.delay(article_id)
    assert wait_for(lambda: _status(article_id) == Article.Status.EXTRACTED)
    assert wait_for(_broker_idle)
    _assert_saved_once(result.article, _expected_citations(result.article))


def test_a_fetch_task_delivered_twice_makes_one_article_with_statements_once(worker, site):
    site.routes["/news/2"] = Answer(body=corpus.article_html(2))
    result = article_ingest(url=site.url("/news/2"))
    fetch_article.delay(result.article.pk)
    assert wait_for(lambda: _status(result.article.pk) == Article.Status.EXTRACTED)
    assert wait_for(_broker_idle)
    assert Article.objects.count() == 1
    _assert_saved_once(result.article, _expected_citations(result.article))


def test_a_feed_polled_by_two_tasks_at_once_gives_each_article_once(worker, site):
    from statements.models import Feed
    from statements.tasks.polling import poll_feed

    entries = 20
    site.routes["/feed.xml"] = Answer(
        body=corpus.rss(f"http://{site.host}", entries), content_type="application/rss+xml"
    )
    for i in range(entries):
        site.routes[f"/news/{i}"] = Answer(body=corpus.article_html(i))
    feed = Feed.objects.create(url=site.url("/feed.xml"))
    poll_feed.delay(feed.pk)
    poll_feed.delay(feed.pk)
    done = {Article.Status.EXTRACTED}
    assert wait_for(lambda: Article.objects.filter(status__in=done).count() == entries, timeout=180)
    assert wait_for(_broker_idle)
    assert Article.objects.count() == entries
    assert site.hits("/feed.xml") == 2
    assert all(site.hits(f"/news/{i}") == 1 for i in range(entries)), "every page fetched exactly once"
    assert Article.objects.filter(extraction_count=1).count() == entries


# --- a worker killed mid-task -----------------------------------------------------------------


def _worker(name: str) -> WorkerProcess:
    """A worker on the extract queue whose unacknowledged tasks come back after 4 s."""
    return WorkerProcess(
        name,
        broker_url=os.environ["CELERY_BROKER_URL"],
        db_url=database_url(),
        queues="extract",
        TEST_VISIBILITY_TIMEOUT=4,
    )


@pytest.mark.slow
def test_a_worker_killed_mid_extraction_loses_nothing_and_duplicates_nothing(settings):
    _purge()
    settings.CELERY_TASK_ALWAYS_EAGER = False
    celery_app.conf.update(task_always_eager=False, broker_url=os.environ["CELERY_BROKER_URL"])
    first = second = None
    try:
        first = _worker("doomed")
        assert wait_for(lambda: first.saw("ready."), timeout=60), first.log()

        # Long enough that loading the model and extracting take well over the moment we wait.
        result = article_ingest(text=_text(30, 60, "Sixty reports from the chamber"), published="2026-04-01")
        article_id = result.article.pk
        # The extraction has started when its start is on the article (written before the work begins).
        assert wait_for(
            lambda: Article.objects.filter(pk=article_id, extraction_started_at__isnull=False).exists(), 60
        ), first.log()
        first.kill()

        # Killed before it could save: nothing half-written, the task not acknowledged.
        assert _status(article_id) == Article.Status.FETCHED
        assert not Citation.objects.filter(article_id=article_id).exists()
        assert _broker().hlen(_key("unacked")) == 1, "the delivery is still owed to someone"

        second = _worker("heir")
        assert wait_for(lambda: _status(article_id) == Article.Status.EXTRACTED, timeout=120), second.log()
        assert wait_for(_broker_idle, timeout=30), second.log()
    finally:
        for worker_process in (first, second):
            if worker_process is not None:
                worker_process.stop()
        celery_app.conf.task_always_eager = True
    _assert_saved_once(result.article, _expected_citations(result.article))
    assert Article.objects.count() == 1
