"""Celery task for the per-topic summaries: beat folds the topic tallies every minute."""

from celery import shared_task

from statements import topic_tallies


@shared_task(name="statements.tasks.compact_topic_tallies")
def compact_topic_tallies() -> int:
    """Fold the +1/-1 rows the triggers appended into one row per key; returns the keys kept."""
    return topic_tallies.compact()
