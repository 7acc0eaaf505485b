"""Celery tasks for one article. Thin: they take an id and call a pipeline service.

Both tasks are idempotent (status guard + upserts), so they run with ``acks_late`` and are
re-queued if the worker dies mid-task. Retries: a flaky site backs off over a few minutes; the
database or the broker being away backs off over many minutes (an outage is not over in seconds).
A task that gives up while the database is away cannot record why; the reconciler finds the
article still owed its step and sends it again (``statements.services.reconcile``).
"""

import datetime as dt
import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import DatabaseError, IntegrityError
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from statements.services.article_steps import article_extract, article_fetch
from statements.services.articles import article_fail
from statements.services.task_handoff import article_retry_note

logger = logging.getLogger(__name__)

FETCH_MAX_RETRIES = 4
# A race with another worker creating the same person or office: gone in a moment.
RACE_MAX_RETRIES = 2
# Database or broker away: 1, 2, 4, 8, 16 minutes (PIPELINE_OUTAGE_BACKOFF doubling; half an hour
# in all), then the reconciler's turn.
OUTAGE_MAX_RETRIES = 5
OUTAGE_ERRORS = (DatabaseError, BrokerError, ConnectionError)


def _outage_countdown(retries: int) -> float:
    return settings.PIPELINE_OUTAGE_BACKOFF * 2**retries


def _note_retry(article_id: int, countdown: int) -> None:
    article_retry_note(article_id=article_id, due=timezone.now() + dt.timedelta(seconds=countdown))


def _retry_outage(task, exc: Exception, article_id: int):
    if task.request.retries >= OUTAGE_MAX_RETRIES:
        # Leave the article owed its step: the reconciler sends it again once things are back.
        logger.error(
            "article %s: giving up after %s outage retries: %s", article_id, task.request.retries, exc
        )
        return "gave up (outage)"
    countdown = _outage_countdown(task.request.retries)
    _note_retry(article_id, countdown)
    raise task.retry(exc=exc, countdown=countdown, max_retries=OUTAGE_MAX_RETRIES) from exc


@shared_task(
    name="statements.tasks.fetch_article",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=FETCH_MAX_RETRIES,
)
def fetch_article(self, article_id: int) -> str:
    from statements.ingest.fetch import FetchError

    try:
        return article_fetch(article_id=article_id)
    except FetchError as exc:
        if self.request.retries >= self.max_retries:
            article_fail(
                article_id=article_id, error=f"{exc} (gave up after {self.request.retries + 1} attempts)"
            )
            return "failed"
        # 30 s, 60 s, 120 s, 240 s: a flaky site gets a few minutes to recover.
        countdown = 30 * 2**self.request.retries
        _note_retry(article_id, countdown)
        raise self.retry(exc=exc, countdown=countdown) from exc
    except OUTAGE_ERRORS as exc:
        return _retry_outage(self, exc, article_id)
    except SoftTimeLimitExceeded:
        article_fail(
            article_id=article_id, error="Fetching and reading the page took too long and was stopped."
        )
        return "failed"
    except Exception as exc:
        # Anything else is a bug: record it on the article (retryable from the admin) instead of
        # leaving it queued forever with the task already acknowledged.
        article_fail(
            article_id=article_id, error=f"Fetching failed unexpectedly: {type(exc).__name__}: {exc}"
        )
        raise


@shared_task(
    name="statements.tasks.extract_article",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=RACE_MAX_RETRIES,
)
def extract_article(self, article_id: int, force: bool = False) -> str:
    try:
        return article_extract(article_id=article_id, force=force)
    except SoftTimeLimitExceeded:
        # Stopped while saving: the same text would take as long again, so no retry.
        article_fail(article_id=article_id, error="Extraction took too long and was stopped while saving.")
        return "failed"
    except IntegrityError as exc:
        # Saving can lose a race with another worker creating the same person or office. The step
        # is idempotent: try again shortly, then record the failure on the article.
        if self.request.retries < RACE_MAX_RETRIES:
            raise self.retry(exc=exc, countdown=2 * (self.request.retries + 1)) from exc
        article_fail(
            article_id=article_id, error=f"Saving the statements failed: {type(exc).__name__}: {exc}"
        )
        return "failed"
    except OUTAGE_ERRORS as exc:
        return _retry_outage(self, exc, article_id)
    except Exception as exc:
        logger.exception("saving statements failed for article %s", article_id)
        article_fail(
            article_id=article_id, error=f"Saving the statements failed: {type(exc).__name__}: {exc}"
        )
        return "failed"
