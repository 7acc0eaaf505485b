"""Polling feeds: new entries become articles, failures back off, a dead feed is switched off.

A feed that fails is retried after interval × 2^failures (at most a day) and disabled after
FEED_MAX_FAILURES failures in a row, with the reason kept on the row for the admin.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from statements.models import Article, Feed
from statements.selectors import feeds_due

from .articles import IngestError, article_ingest

logger = logging.getLogger(__name__)

MAX_BACKOFF = dt.timedelta(hours=24)
# How long a feed handed to a worker stays claimed, so the next beat tick does not send it twice.
CLAIM_LEASE = dt.timedelta(minutes=10)


@dataclass(frozen=True)
class FeedPollResult:
    created: int = 0
    duplicates: int = 0
    not_modified: bool = False
    rejected: int = 0  # entries whose URL onrecord refuses (reasons in `problems`)
    error: str = ""  # why the poll failed, if it did
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.error


def _max_failures() -> int:
    return int(getattr(settings, "FEED_MAX_FAILURES", 10))


def feed_backoff(*, interval_minutes: int, failures: int) -> dt.timedelta:
    """Wait before the next poll after `failures` failures in a row: interval × 2^failures, ≤ 24 h."""
    if failures > 20:  # 2**20 intervals is far past the cap; avoid huge numbers
        return MAX_BACKOFF
    return min(dt.timedelta(minutes=max(interval_minutes, 1)) * 2**failures, MAX_BACKOFF)


def feed_poll(*, feed: Feed) -> FeedPollResult:
    """Fetch `feed` and ingest each entry not already on record (one transaction per article)."""
    from statements.ingest.feed_reader import FeedError, fetch_feed
    from statements.ingest.fetch import FetchError

    try:
        fetched = fetch_feed(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    except (FetchError, FeedError) as exc:
        return feed_failure_record(feed=feed, error=str(exc))
    if fetched.not_modified:
        _success_record(feed, etag=fetched.etag, last_modified=fetched.last_modified, title="", created=0)
        return FeedPollResult(not_modified=True)
    created = duplicates = 0
    problems: list[str] = []
    for entry in fetched.entries:
        try:
            result = article_ingest(
                url=entry.url,
                title=entry.title,
                published=entry.published,
                origin=Article.Origin.FEED,
                feed=feed,
            )
        except IngestError as exc:
            problems.append(f"{entry.url}: {exc}")
            continue
        if result.created:
            created += 1
        else:
            duplicates += 1
    if problems:
        logger.warning("feed %s: %d entries refused, first: %s", feed.pk, len(problems), problems[0])
    _success_record(
        feed, etag=fetched.etag, last_modified=fetched.last_modified, title=fetched.title, created=created
    )
    return FeedPollResult(created=created, duplicates=duplicates, rejected=len(problems), problems=problems)


def _success_record(feed: Feed, *, etag: str, last_modified: str, title: str, created: int) -> None:
    now = timezone.now()
    with transaction.atomic():
        locked = Feed.objects.select_for_update().get(pk=feed.pk)
        locked.etag, locked.last_modified = etag[:500], last_modified[:100]
        locked.title = locked.title or title[:300]
        locked.last_polled_at = now
        locked.next_poll_at = now + dt.timedelta(minutes=locked.poll_interval_minutes)
        locked.consecutive_failures = 0
        locked.last_error = ""
        locked.entries_seen += created
        locked.save()
    _copy(locked, feed)


def feed_failure_record(*, feed: Feed, error: str) -> FeedPollResult:
    """Count a failed poll: back off, and disable the feed after FEED_MAX_FAILURES in a row."""
    now = timezone.now()
    with transaction.atomic():
        locked = Feed.objects.select_for_update().get(pk=feed.pk)
        locked.consecutive_failures += 1
        locked.last_polled_at = now
        locked.next_poll_at = now + feed_backoff(
            interval_minutes=locked.poll_interval_minutes, failures=locked.consecutive_failures
        )
        locked.last_error = error[:5000]
        if locked.consecutive_failures >= _max_failures():
            locked.enabled = False
            locked.last_error = (
                f"Disabled after {locked.consecutive_failures} failed polls in a row. Last error: {error}"
            )[:5000]
        locked.save()
    _copy(locked, feed)
    logger.warning("feed %s poll failed (%d in a row): %s", feed.pk, locked.consecutive_failures, error)
    return FeedPollResult(error=error)


def _copy(source: Feed, target: Feed) -> None:
    """Keep the caller's instance in step with the row just saved."""
    if target is not source:
        for f in Feed._meta.concrete_fields:
            setattr(target, f.attname, getattr(source, f.attname))


def feed_claim(*, feed_id: int, now: dt.datetime | None = None) -> bool:
    """Mark a due feed as handed to a worker. False if someone else claimed it first.

    The claim pushes next_poll_at a lease ahead in one conditional UPDATE, so two beat ticks (or
    two beat processes) cannot send the same feed twice; the poll then sets the real next time.
    """
    now = now or timezone.now()
    return bool(feeds_due(now=now).filter(pk=feed_id).update(next_poll_at=now + CLAIM_LEASE))


@transaction.atomic
def feed_enable(*, feed: Feed) -> Feed:
    """Switch a feed (back) on with a clean failure count; it is polled at the next beat tick."""
    locked = Feed.objects.select_for_update().get(pk=feed.pk)
    locked.enabled = True
    locked.consecutive_failures = 0
    locked.last_error = ""
    locked.next_poll_at = timezone.now()
    locked.save(update_fields=["enabled", "consecutive_failures", "last_error", "next_poll_at"])
    _copy(locked, feed)
    return feed


def feed_poll_enqueue(*, feed: Feed) -> bool:
    """Ask a worker to poll `feed` now (after the current transaction commits). False if disabled."""
    from statements.tasks.polling import poll_feed

    if not feed.enabled:
        return False
    Feed.objects.filter(pk=feed.pk).update(next_poll_at=timezone.now() + CLAIM_LEASE)
    feed_id = feed.pk
    transaction.on_commit(lambda: poll_feed.delay(feed_id))
    return True
