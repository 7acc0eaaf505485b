"""Celery tasks for feeds. Thin: beat runs poll_due_feeds every minute; it hands each due feed out once."""

from celery import shared_task

from statements.models import Feed
from statements.selectors import feeds_due
from statements.services.feed_polling import feed_claim, feed_poll


@shared_task(name="statements.tasks.poll_due_feeds")
def poll_due_feeds() -> int:
    """Enqueue poll_feed for every enabled feed that is due. Returns how many were enqueued."""
    enqueued = 0
    for feed_id in feeds_due().values_list("pk", flat=True):
        if feed_claim(feed_id=feed_id):
            poll_feed.delay(feed_id)
            enqueued += 1
    return enqueued


# Idempotent: articles are keyed on their URL, so a redelivered poll only finds duplicates.
@shared_task(name="statements.tasks.poll_feed")
def poll_feed(feed_id: int) -> str:
    feed = Feed.objects.filter(pk=feed_id, enabled=True).first()
    if feed is None:
        return "skipped"
    result = feed_poll(feed=feed)
    if result.error:
        return "failed"
    if result.not_modified:
        return "not modified"
    return f"created {result.created}, duplicate {result.duplicates}, refused {result.rejected}"
