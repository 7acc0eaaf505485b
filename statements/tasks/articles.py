"""Celery tasks for one article. Thin: they take an id and call a pipeline service.

Both tasks are idempotent (status guard + upserts), so they run with ``acks_late`` and are
re-queued if the worker dies mid-task; network errors retry with backoff, nothing else does.
"""

from celery import shared_task

from statements.services.article_steps import article_extract, article_fetch
from statements.services.articles import article_fail

FETCH_MAX_RETRIES = 4
EXTRACT_MAX_RETRIES = 2


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
            article_fail(article_id=article_id, error=f"{exc} (gave up after {self.request.retries + 1} attempts)")
            return "failed"
        # 30 s, 60 s, 120 s, 240 s: a flaky site gets a few minutes to recover.
        raise self.retry(exc=exc, countdown=30 * 2**self.request.retries) from exc
    except Exception as exc:
        # Anything else is a bug or an outage: record it on the article (retryable from the admin)
        # instead of leaving it queued forever with the task already acknowledged.
        article_fail(
            article_id=article_id, error=f"Fetching failed unexpectedly: {type(exc).__name__}: {exc}"
        )
        raise


@shared_task(
    name="statements.tasks.extract_article",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=EXTRACT_MAX_RETRIES,
)
def extract_article(self, article_id: int, force: bool = False) -> str:
    try:
        return article_extract(article_id=article_id, force=force)
    except Exception as exc:
        # Saving can lose a race with another worker creating the same person or office. The step
        # is idempotent: try again shortly, then record the failure on the article (never leave it
        # "fetched" forever with the task already acknowledged).
        if self.request.retries < self.max_retries:
            raise self.retry(exc=exc, countdown=2 * (self.request.retries + 1)) from exc
        article_fail(
            article_id=article_id, error=f"Saving the statements failed: {type(exc).__name__}: {exc}"
        )
        return "failed"
