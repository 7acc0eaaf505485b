"""The real worker path: tasks go through Redis to a Celery worker that writes to PostgreSQL."""

import time

import pytest
from celery.contrib.testing.worker import start_worker

from config.celery_app import app as celery_app
from statements.models import Article, Statement
from statements.services.articles import article_ingest

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

TEXT = (
    "Lithuanian minister backs grid link\n\n"
    "VILNIUS — Lithuanian Energy Minister Dalia Vaitkute said on Monday that the new power link "
    "to Poland would be finished by the end of next year.\n\n"
    '"We are not asking anyone for permission to be independent," Vaitkute told reporters.\n'
)


@pytest.fixture
def worker(settings):
    """A worker thread consuming the project's queues from the broker CELERY_BROKER_URL names."""
    import os

    settings.CELERY_TASK_ALWAYS_EAGER = False
    celery_app.conf.update(task_always_eager=False, broker_url=os.environ["CELERY_BROKER_URL"])
    with start_worker(
        celery_app, pool="solo", perform_ping_check=False, queues=["fetch", "extract", "celery"], shutdown_timeout=30
    ) as w:
        yield w
    celery_app.conf.task_always_eager = True


def wait_for(predicate, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_text_ingested_is_extracted_by_a_real_worker(worker):
    result = article_ingest(text=TEXT, published="2026-11-02")
    assert result.article.status == Article.Status.FETCHED  # nothing ran in-process
    assert wait_for(lambda: Article.objects.get(pk=result.article.pk).status == Article.Status.EXTRACTED)
    assert Statement.objects.filter(citations__article=result.article).exists()
    # the same article again: no new task work, no duplicates
    count = Statement.objects.count()
    again = article_ingest(text=TEXT, published="2026-11-02")
    assert not again.created and Statement.objects.count() == count
