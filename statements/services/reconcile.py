"""The reconciler: every article owed a step either has a live task or gets one again.

An article waits in ``queued`` (owed a fetch) or ``fetched`` (owed an extraction). Its task can be
lost between the commit and the broker (broker down, process crash), dropped by a worker that
died, or acknowledged by a task that gave up while the database was away and so could not record
the failure. None of these leave a trace in the broker, so the reconciler looks at the rows:

- never sent (``task_due_at`` empty: the broker refused it): sent again at the next pass;
- sent, or due to retry, longer ago than the stall threshold and not running: sent again;
- an extraction that started longer ago than its hard time limit is not running (the limit kills
  it), whatever the broker thinks (a killed worker's task waits for the broker's visibility
  timeout, an hour): sent again (its start counts as a death, see ``article_steps``).

Sending twice is safe, the steps are idempotent; the threshold only keeps duplicates rare. An
article re-sent ``RECONCILE_MAX_REQUEUES`` times without progress is failed with a reason, so a
failure that could not be recorded when it happened is recorded here, later.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from statements.models import Article

from .articles import article_fail
from .task_handoff import STEP_FOR_STATUS, step_send

logger = logging.getLogger(__name__)

# A handoff younger than this may still be committing: its task is about to be sent.
UNSENT_GRACE = dt.timedelta(minutes=1)
# One pass sends at most this many: a long outage's backlog drains over a few passes, not one burst.
RECONCILE_BATCH = 500
HEARTBEAT_KEY = "onrecord:worker-heartbeat"


@dataclass
class ReconcileReport:
    requeued: dict[str, int] = field(default_factory=lambda: {"fetch": 0, "extract": 0})
    failed: int = 0
    broker_down: bool = False
    article_ids: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.requeued.values())


def stall_threshold() -> dt.timedelta:
    return dt.timedelta(minutes=settings.RECONCILE_STALLED_AFTER_MINUTES)


def articles_stalled(
    *, older_than: dt.timedelta | None = None, unsent_grace: dt.timedelta = UNSENT_GRACE
) -> QuerySet:
    """Articles owed a step with no task that could still be alive for it."""
    now = timezone.now()
    older_than = stall_threshold() if older_than is None else older_than
    run_limit = dt.timedelta(seconds=settings.EXTRACT_HARD_TIME_LIMIT)
    unsent = Q(task_due_at__isnull=True, updated_at__lte=now - min(older_than, unsent_grace))
    overdue = Q(task_due_at__lte=now - older_than)
    died = Q(extraction_started_at__lte=now - run_limit)
    not_resent = Q(task_due_at__isnull=True) | Q(task_due_at__lte=F("extraction_started_at"))
    not_running = Q(extraction_started_at__isnull=True) | died
    return (
        Article.objects.filter(status__in=list(STEP_FOR_STATUS))
        .filter(((unsent | overdue) & not_running) | (died & not_resent))
        .order_by("pk")
    )


def articles_requeue_stalled(*, older_than: dt.timedelta | None = None) -> ReconcileReport:
    """One reconciler pass: send every stalled article's step again (or fail it after too many)."""
    report = ReconcileReport()
    rows = articles_stalled(older_than=older_than).values("pk", "status", "requeues")[:RECONCILE_BATCH]
    for row in rows:
        if row["requeues"] >= settings.RECONCILE_MAX_REQUEUES:
            article_fail(
                article_id=row["pk"],
                error=f"The {STEP_FOR_STATUS[row['status']]} step was sent {row['requeues']} more times "
                "and never finished (outages, or a worker dying on this article); retry it once the "
                "cause is fixed.",
            )
            report.failed += 1
            continue
        if not _requeue_one(row["pk"], row["status"]):
            report.broker_down = True
            break
        report.requeued[STEP_FOR_STATUS[row["status"]]] += 1
        report.article_ids.append(row["pk"])
    if report.total or report.failed or report.broker_down:
        logger.info(
            "reconciler: requeued %s, failed %s, broker down %s",
            report.requeued,
            report.failed,
            report.broker_down,
        )
    return report


def _requeue_one(article_id: int, status: str) -> bool:
    step = STEP_FOR_STATUS[status]
    rows = Article.objects.filter(pk=article_id, status=status)
    previous = rows.values_list("task_due_at", flat=True).first()
    # Written before the send: an eager or fast task may finish (and reset it) before we return.
    rows.update(task_due_at=timezone.now(), requeues=F("requeues") + 1)
    if step_send(step=step, article_id=article_id):
        return True
    rows.update(task_due_at=previous, requeues=F("requeues") - 1)
    return False


def worker_heartbeat_record() -> None:
    """Written by the periodic reconciler task: proof that beat and a worker are alive."""
    cache.set(HEARTBEAT_KEY, timezone.now().isoformat(), timeout=None)


def worker_heartbeat() -> dt.datetime | None:
    value = cache.get(HEARTBEAT_KEY)
    return dt.datetime.fromisoformat(value) if value else None


def article_resume(*, article: Article) -> bool | None:
    """Send a stalled article's step again now (someone asked for it again). None: not stalled."""
    stalled = articles_stalled(unsent_grace=dt.timedelta(0))
    row = stalled.filter(pk=article.pk).values("status").first()
    if row is None:
        return None
    return _requeue_one(article.pk, row["status"])


# The beat sends the reconciler every 2 minutes; three missed beats mean no worker is taking tasks.
HEARTBEAT_STALE_AFTER = dt.timedelta(minutes=6)


def pipeline_status() -> dict:
    """For /health/: stalled articles and the last worker heartbeat (informational, not a 503)."""
    beat = worker_heartbeat()
    age = (timezone.now() - beat).total_seconds() if beat else None
    if beat is None:
        worker = "never seen"
    else:
        worker = "ok" if age <= HEARTBEAT_STALE_AFTER.total_seconds() else "stale"
    return {
        "stalled_articles": articles_stalled().count(),
        "worker": worker,
        "worker_heartbeat": beat.isoformat() if beat else None,
        "worker_heartbeat_age_seconds": round(age) if age is not None else None,
    }
