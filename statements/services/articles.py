"""Taking an article in: validate, deduplicate, store, and enqueue the next step on commit.

Nothing half-written: every check runs before the first row is written, and the task that
follows is enqueued only once the transaction that created the row has committed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from extraction.language import detect_language
from extraction.text import reads_like_headline, strip_html
from statements.models import Article, Feed, Outlet

from .task_handoff import Handoff, article_step_enqueue


class IngestError(ValueError):
    """Input we cannot take, with a message that tells the person what to change."""


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool
    # The next step's task; ``handoff.waiting_for_queue`` when the broker could not take it.
    handoff: Handoff | None = None

    @property
    def waiting_for_queue(self) -> bool:
        return self.handoff is not None and self.handoff.waiting_for_queue


# Control characters other than tab and newline mark binary data or a broken encoding.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Zero-width and bidi-control characters carry no words but break matching and offsets' meaning.
_INVISIBLE = re.compile(r"[\u061c\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\u00a0]+")
MIN_TEXT_CHARS = 40


def article_text_clean(text: str) -> str:
    """Normalise pasted or fetched text, or refuse it with a clear reason.

    HTML left in pasted text is stripped here, before the text is stored, so that the citation
    offsets extraction records point into the text on record.
    """
    if isinstance(text, bytes):
        raise IngestError("The text is binary data, not an article.")
    if "\x00" in text or len(_CONTROL.findall(text)) > max(3, len(text) // 200):
        raise IngestError("The text contains binary data or control characters; paste the article's words.")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = strip_html(text)
    text = _INVISIBLE.sub("", _CONTROL.sub("", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if not text:
        raise IngestError("The text is empty.")
    if len(text) < MIN_TEXT_CHARS:
        raise IngestError(f"The text is too short to be an article ({len(text)} characters).")
    if len(text) > settings.INGEST_MAX_TEXT_CHARS:
        raise IngestError(
            f"The text is too long ({len(text):,} characters; the limit is {settings.INGEST_MAX_TEXT_CHARS:,})."
        )
    letters = sum(ch.isalpha() for ch in text)
    if letters < len(text) * 0.4:
        raise IngestError("The text has too few letters to be an article (is it data or markup?).")
    return text


def line_clean(value: str | None) -> str:
    """A one-line field (title, author, outlet name): no control, zero-width or bidi characters,
    which could reorder or hide what a reader sees beside it, and single spaces."""
    value = _INVISIBLE.sub("", _CONTROL.sub("", str(value or "")).replace("\n", " ").replace("\r", " "))
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def content_hash(text: str) -> str:
    """Key for "the same text": case and whitespace do not make a different article."""
    folded = " ".join(text.casefold().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def published_check(published: dt.date | dt.datetime | str | None) -> dt.date | None:
    if published in (None, ""):
        return None
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published.strip()[:10])
        except ValueError as exc:
            raise IngestError(f"The publication date {published!r} is not a date (use YYYY-MM-DD).") from exc
    if isinstance(published, dt.datetime):
        published = published.date()
    if published > timezone.localdate():
        raise IngestError(f"The publication date {published.isoformat()} is in the future.")
    if published.year < 1900:
        raise IngestError(f"The publication date {published.isoformat()} is implausibly old.")
    return published


# A title made from a lead sentence: its first words, so it is never mistaken for a headline line.
TITLE_FROM_LEAD_WORDS = 12


def headline_guess(text: str) -> str:
    """The title of a text given without one: its first line when that reads like a headline (the
    rule extraction uses), else the lead's first words and an ellipsis."""
    first = text.split("\n", 1)[0].strip()
    if "\n" in text.strip() and len(first) <= 200 and reads_like_headline(first):
        return first
    words = first.split()
    return " ".join(words[:TITLE_FROM_LEAD_WORDS]) + ("…" if len(words) > TITLE_FROM_LEAD_WORDS else "")


def article_language(text: str, declared: str = "") -> str:
    """The language code to record for a text: detected from the words, else as the page declared it."""
    return detect_language(text).code or (declared or "").split("-")[0].lower()[:10]


def outlet_for_url(url: str) -> Outlet | None:
    host = (urlsplit(url).hostname or "").lower()
    domain = host[4:] if host.startswith("www.") else host
    if not domain:
        return None
    outlet, _ = Outlet.objects.get_or_create(domain=domain, defaults={"name": domain})
    return outlet


def outlet_for_name(name: str) -> Outlet | None:
    name = line_clean(name)[:200]
    if not name:
        return None
    existing = Outlet.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    # Outlets known only by name get a stable key in place of a domain.
    outlet, _ = Outlet.objects.get_or_create(domain=f"{slugify(name)}.name", defaults={"name": name})
    return outlet


def article_ingest(
    *,
    url: str | None = None,
    text: str | None = None,
    title: str = "",
    published: dt.date | str | None = None,
    origin: str | None = None,
    author: str = "",
    outlet_name: str = "",
    feed: Feed | None = None,
    is_demo: bool = False,
) -> IngestResult:
    """Store an article given as a URL (fetched later) or as text (extracted next), or both.

    Returns the existing article, ``created=False``, when the URL or the text is already on record.
    """
    url = (url or "").strip()
    has_text = text is not None and (not isinstance(text, str) or text.strip() != "")
    if not url and not has_text:
        raise IngestError("Nothing to ingest: give a URL or the article text.")
    published_date = published_check(published)
    title = line_clean(title)[:500]
    author = line_clean(author)
    canonical = _url_checked(url) if url else None
    if not has_text:
        return _ingest_url(
            canonical,
            submitted=url,
            title=title,
            published=published_date,
            origin=origin or Article.Origin.URL,
            feed=feed,
            author=author,
        )
    # Text given (pasted, a file, an import line or a feed entry carrying the full body); with a
    # URL too, the URL is kept as the article's source and nothing is fetched.
    clean = article_text_clean(text)
    return _ingest_text(
        clean,
        url=canonical,
        submitted=url,
        title=title or headline_guess(clean),
        published=published_date,
        origin=origin or (Article.Origin.URL if url else Article.Origin.TEXT),
        author=author,
        outlet=outlet_for_url(canonical) if canonical else outlet_for_name(outlet_name),
        feed=feed,
        is_demo=is_demo,
    )


def _url_checked(url: str) -> str:
    from statements.ingest.fetch import FetchRefused
    from statements.ingest.urls import canonicalize_url, validate_url

    try:
        return canonicalize_url(validate_url(url))
    except FetchRefused as exc:
        raise IngestError(str(exc)) from exc


def _ingest_url(
    canonical: str, *, submitted: str, title: str, published, origin: str, feed: Feed | None, author: str
) -> IngestResult:
    existing = Article.objects.filter(url=canonical).first()
    if existing:
        return IngestResult(existing, False)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                url=canonical,
                submitted_url=submitted[:2000],
                title=title,
                published=published,
                author=author[:300],
                origin=origin,
                feed=feed,
                outlet=outlet_for_url(canonical),
                status=Article.Status.QUEUED,
            )
            handoff = article_step_enqueue("fetch", article.pk)
    except IntegrityError:
        # Someone ingested the same URL a moment ago: theirs is the one.
        return IngestResult(Article.objects.get(url=canonical), False)
    return IngestResult(article, True, handoff)


def _ingest_text(
    text: str,
    *,
    url: str | None,
    submitted: str,
    title: str,
    published,
    origin: str,
    author: str,
    outlet: Outlet | None,
    feed: Feed | None,
    is_demo: bool,
) -> IngestResult:
    digest = content_hash(text)
    existing = Article.objects.filter(content_hash=digest).first() or (
        Article.objects.filter(url=url).first() if url else None
    )
    if existing:
        return IngestResult(existing, False)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                url=url,
                submitted_url=submitted[:2000],
                feed=feed,
                content_hash=digest,
                text=text,
                title=title,
                language=article_language(text),
                published=published,
                author=author[:300],
                origin=origin,
                outlet=outlet,
                is_demo=is_demo,
                fetched_at=timezone.now(),
                status=Article.Status.FETCHED,
            )
            handoff = article_step_enqueue("extract", article.pk)
    except IntegrityError:  # the same text or URL stored a moment ago by someone else
        twin = Article.objects.filter(content_hash=digest).first() or Article.objects.get(url=url)
        return IngestResult(twin, False)
    return IngestResult(article, True, handoff)


def article_fail(*, article_id: int, error: str) -> None:
    Article.objects.filter(pk=article_id).update(
        status=Article.Status.FAILED, error=error[:5000], updated_at=timezone.now()
    )


@transaction.atomic
def article_retry(*, article: Article) -> Article:
    """Send a failed article through the pipeline again from the step that failed."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.status != Article.Status.FAILED:
        return article
    article.status = Article.Status.FETCHED if article.text else Article.Status.QUEUED
    article.error = ""
    article.attempts = 0
    article.requeues = 0
    article.save(update_fields=["status", "error", "attempts", "requeues", "updated_at"])
    article_step_enqueue("extract" if article.text else "fetch", article.pk)
    return article


def article_reextract(*, article: Article) -> bool:
    """Queue extraction again for an article with text, keeping analysts' decisions; False if it has none."""
    if not Article.objects.filter(pk=article.pk).exclude(text="").exists():
        return False
    article_step_enqueue("extract", article.pk, force=True)
    return True


def article_input_check(*, url: str = "", text: str | None = None, published=None) -> None:
    """The checks ``article_ingest`` makes before writing, for forms that show errors before submitting.

    Raises IngestError with the same message the API and the CLI give.
    """
    url = (url or "").strip()
    has_text = text is not None and text.strip() != ""
    if not url and not has_text:
        raise IngestError("Nothing to ingest: give a URL or the article text.")
    published_check(published)
    if url:
        _url_checked(url)
    if has_text:
        article_text_clean(text)
