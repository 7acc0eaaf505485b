"""Handing an article's next step to the task queue, and surviving a queue that is not there.

The article row is the outbox: its status (``queued``/``fetched``) is written in the same
transaction as the rest of the article and says which step is owed; ``task_due_at`` says when a
task for that step was last handed to the broker. The task is sent after the commit. When the
broker cannot be reached the article is still stored (its ``task_due_at`` stays empty) and the
reconciler (``statements.services.reconcile``) sends it once the broker is back. A crash between
the commit and the send leaves ``task_due_at`` set but nothing queued: the reconciler finds that
too, after the stall threshold.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import DatabaseError, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError

from statements.models import Article

logger = logging.getLogger(__name__)

# What sending a task raises when the broker is down, refusing or unreachable.
BROKER_ERRORS = (KombuOperationalError, ConnectionError, TimeoutError, OSError)

STEP_FOR_STATUS = {Article.Status.QUEUED: "fetch", Article.Status.FETCHED: "extract"}


@dataclass
class Handoff:
    """The promise to send one step's task; ``sent`` is None until the transaction has committed."""

    article_id: int
    step: str
    sent: bool | None = None

    @property
    def waiting_for_queue(self) -> bool:
        return self.sent is False


def step_task(step: str):
    from statements.tasks import articles as article_tasks

    return article_tasks.fetch_article if step == "fetch" else article_tasks.extract_article


def step_send(*, step: str, article_id: int, force: bool = False) -> bool:
    """Send the step's task now. False (and logged) when the broker cannot take it."""
    try:
        if force:  # an analyst's re-extraction of an extracted article
            step_task(step).delay(article_id, force=True)
        else:
            step_task(step).delay(article_id)
    except BROKER_ERRORS as exc:
        logger.warning("queue unreachable: article %s stored, %s step not sent (%s)", article_id, step, exc)
        return False
    return True


def article_step_enqueue(
    step: str, article_id: int, *, force: bool = False, due_noted: bool = False
) -> Handoff:
    """Record that ``step`` is owed, and send its task once the current transaction commits.

    ``force`` extracts an already extracted article again (kept analysts' decisions aside).
    ``due_noted``: the caller has set ``task_due_at`` in its own write of the article row.
    """
    handoff = Handoff(article_id=article_id, step=step)
    if not due_noted:
        Article.objects.filter(pk=article_id).update(task_due_at=timezone.now())

    def send() -> None:
        handoff.sent = step_send(step=step, article_id=article_id, force=force)
        if not handoff.sent:
            _mark_unsent(article_id)

    transaction.on_commit(send)
    return handoff


def _mark_unsent(article_id: int) -> None:
    try:
        Article.objects.filter(pk=article_id, status__in=list(STEP_FOR_STATUS)).update(task_due_at=None)
    except DatabaseError:  # the database went too: the stall threshold still brings it back
        logger.warning("could not mark article %s as not sent", article_id)


def article_retry_note(*, article_id: int, due) -> None:
    """A retry is scheduled for ``due``; no run is in progress. Best effort: the database may be away."""
    try:
        Article.objects.filter(pk=article_id).update(task_due_at=due, extraction_started_at=None)
    except DatabaseError:
        logger.warning("article %s: retry at %s not noted (database unavailable)", article_id, due)
