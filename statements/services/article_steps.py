"""The two pipeline steps a worker runs for an article: fetch its page, extract its statements.

Each step is idempotent: it looks at ``Article.status`` under a row lock and does nothing when
the step is already done, so a redelivered task or a second worker is harmless. The slow part
(network, parsing) runs outside any transaction; the write is one short transaction.
"""

from __future__ import annotations

import datetime as dt
import logging

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Case, F, PositiveIntegerField, Q, When
from django.utils import timezone

from statements.models import Article

from .articles import (
    IngestError,
    article_fail,
    article_language,
    article_step_enqueue,
    article_text_clean,
    content_hash,
    line_clean,
    published_check,
)

logger = logging.getLogger(__name__)

# Extraction runs of one article that died before finishing, after which it is marked failed.
EXTRACT_MAX_DEATHS = 3


def _extraction_start_record(article_id: int, allowed) -> None:
    """Note that an extraction starts, in its own committed write, and count the runs that died.

    A task that kills its worker (out of memory, a crash in the parser) is redelivered after the
    broker's visibility timeout, and must not be redelivered for ever. A start while an earlier
    start is younger than the task time limit is a duplicate delivery running alongside, not a
    death; a start after that is the redelivery of a run that never finished.
    """
    now = timezone.now()
    stale = now - dt.timedelta(seconds=settings.EXTRACT_HARD_TIME_LIMIT)
    died = Q(extraction_started_at__lt=stale)
    # One statement for both cases: a first start, or the start after a run that died.
    Article.objects.filter(
        died | Q(extraction_started_at__isnull=True), pk=article_id, status__in=allowed
    ).update(
        attempts=Case(
            When(died, then=F("attempts") + 1), default=F("attempts"), output_field=PositiveIntegerField()
        ),
        extraction_started_at=now,
    )


def article_fetch(*, article_id: int) -> str:
    """Fetch and parse the article's URL. Returns the status it leaves. Raises retryable FetchError."""
    from statements.ingest.fetch import FetchError, fetch_url
    from statements.ingest.html import ParseError, parse_article_html

    article = Article.objects.filter(pk=article_id).first()
    if article is None or article.status != Article.Status.QUEUED:
        return article.status if article else "missing"
    try:
        result = fetch_url(article.url)
        page = parse_article_html(result.content, url=result.final_url, content_type=result.content_type)
        text = article_text_clean(page.text)
    except FetchError as exc:
        if exc.retryable:
            raise
        article_fail(article_id=article_id, error=str(exc))
        return Article.Status.FAILED
    except (ParseError, IngestError) as exc:
        article_fail(article_id=article_id, error=f"No article text could be read from the page: {exc}")
        return Article.Status.FAILED
    try:
        published = published_check(page.published) if page.published else None
    except IngestError:
        published = None  # a page claiming a future date: keep the date we were given, if any
    digest = content_hash(text)
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article_id)
        if article.status != Article.Status.QUEUED:
            return article.status
        twin = Article.objects.filter(content_hash=digest).exclude(pk=article_id).first()
        article.fetched_at = timezone.now()
        article.title = article.title or line_clean(page.title)[:500]
        article.author = article.author or line_clean(page.author)[:300]
        article.language = article_language(text, page.language or "")
        article.published = article.published or published
        article.requeues = 0
        if twin is not None:
            # The same text under another URL is one article: point at it, keep the URL on record.
            article.status = Article.Status.DUPLICATE
            article.duplicate_of = twin
            article.save()
            return article.status
        article.text = text
        article.content_hash = digest
        article.status = Article.Status.FETCHED
        article.error = ""
        article.task_due_at = timezone.now()  # the extract step is owed from now (task_handoff)
        article.save()
        article_step_enqueue("extract", article.pk, due_noted=True)
    return Article.Status.FETCHED


def article_extract(*, article_id: int, force: bool = False) -> str:
    """Extract statements from a fetched article and save them. ``force`` re-runs an extracted one."""
    from extraction import EXTRACTOR_VERSION
    from extraction.language import detect_language

    from .extraction import article_statements_save, extraction_run

    allowed = {Article.Status.FETCHED} | (
        {Article.Status.EXTRACTED, Article.Status.FAILED} if force else set()
    )
    _extraction_start_record(article_id, allowed)
    article = Article.objects.filter(pk=article_id).first()
    if article is None or article.status not in allowed or not article.text:
        return article.status if article else "missing"
    if article.attempts >= EXTRACT_MAX_DEATHS:
        article_fail(
            article_id=article_id,
            error=f"Extraction was started {article.attempts} times and never finished "
            "(the worker died each time); retry it from the admin once the cause is fixed.",
        )
        return Article.Status.FAILED
    language = detect_language(article.text)
    if not language.supported:
        # Rules written for English find nothing in French: say so rather than store a silent 0.
        Article.objects.filter(pk=article_id).update(language=language.code)
        article_fail(article_id=article_id, error=language.message())
        return Article.Status.FAILED
    try:
        extracted = extraction_run(article=article)
    except SoftTimeLimitExceeded:
        article_fail(
            article_id=article_id,
            error=f"Extraction took longer than {settings.EXTRACT_TIME_LIMIT} s and was stopped "
            f"({len(article.text):,} characters); split the article or retry it when the extractor is faster.",
        )
        return Article.Status.FAILED
    except DatabaseError:
        raise  # an outage, not this article's fault: the task retries (and cannot record it now)
    except Exception as exc:  # the extractor is our code: record any failure on the article, readably
        logger.exception("extraction failed for article %s", article_id)
        article_fail(article_id=article_id, error=f"Extraction failed: {type(exc).__name__}: {exc}")
        return Article.Status.FAILED
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article_id)
        if locked.status not in allowed or locked.text != article.text:
            return locked.status
        article_statements_save(article=locked, extracted=extracted, version=EXTRACTOR_VERSION)
        locked.status = Article.Status.EXTRACTED
        locked.extractor_version = EXTRACTOR_VERSION
        locked.error = ""
        locked.attempts = 0
        locked.requeues = 0
        locked.extraction_started_at = None
        locked.extraction_count += 1
        locked.save(
            update_fields=[
                "status",
                "extractor_version",
                "error",
                "attempts",
                "requeues",
                "extraction_started_at",
                "extraction_count",
                "updated_at",
            ]
        )
    return Article.Status.EXTRACTED


def article_publication_date(article: Article):
    """The day the article's statements are dated against: its publication date, or, when that is
    unknown, the day it was put on record (which a statement's date basis then says)."""
    return article.published or article_ingest_day(article)


def article_ingest_day(article: Article):
    return (article.fetched_at or article.created_at or timezone.now()).date()


__all__ = ["article_extract", "article_fetch", "article_ingest_day", "article_publication_date"]
