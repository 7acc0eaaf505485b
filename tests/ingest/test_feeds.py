"""Feeds: reading RSS/Atom, polling into articles once, conditional GET, backoff and disabling."""

import datetime as dt

import pytest
from django.utils import timezone

from statements.ingest.feed_reader import FeedError, feed_parse, fetch_feed
from statements.ingest.fetch import FetchRefused
from statements.models import Article, Feed
from statements.services.feed_polling import feed_backoff, feed_enable, feed_poll
from statements.tasks.polling import poll_due_feeds, poll_feed

from . import corpus
from .webserver import Answer

ENTRIES = 50
ARTICLE_PATHS = {f"/news/{i}" for i in range(ENTRIES)}


def _serve_newsroom(site, *, etag: str | None = '"feed-v1"'):
    """The feed at /feed.xml (answering 304 to a matching If-None-Match) and its 50 articles."""
    body = corpus.rss(f"http://{site.host}", ENTRIES)

    def feed(seen):
        if etag and seen.headers.get("if-none-match") == etag:
            return Answer(304, content_type=None, headers={"ETag": etag})
        headers = {"ETag": etag, "Last-Modified": "Tue, 03 Mar 2026 08:00:00 GMT"} if etag else {}
        return Answer(body=body, content_type="application/rss+xml; charset=utf-8", headers=headers)

    site.routes["/feed.xml"] = feed
    for i in range(ENTRIES):
        site.routes[f"/news/{i}"] = Answer(body=corpus.article_html(i))


def _article_requests(site) -> int:
    return sum(1 for r in site.requests if r.path.split("?")[0] in ARTICLE_PATHS)


# --- reading feeds --------------------------------------------------------------------------------


def test_fetch_feed_reads_entries(site):
    _serve_newsroom(site)
    result = fetch_feed(site.url("/feed.xml"))
    assert not result.not_modified
    assert len(result.entries) == ENTRIES
    assert result.title == "The Northern Ledger: Politics"
    assert result.etag == '"feed-v1"'
    assert result.last_modified == "Tue, 03 Mar 2026 08:00:00 GMT"
    first = result.entries[0]
    assert first.url == site.url("/news/0") + "?utm_source=rss"
    assert first.published == dt.date(2026, 3, 1)
    assert first.title.startswith(corpus.person(0))
    assert "<" not in first.summary


def test_fetch_feed_sends_conditional_headers_and_reports_not_modified(site):
    _serve_newsroom(site)
    result = fetch_feed(
        site.url("/feed.xml"), etag='"feed-v1"', last_modified="Tue, 03 Mar 2026 08:00:00 GMT"
    )
    assert result.not_modified
    assert result.entries == []
    assert result.etag == '"feed-v1"'
    assert site.requests[-1].headers["if-modified-since"] == "Tue, 03 Mar 2026 08:00:00 GMT"


def test_fetch_feed_goes_through_the_address_guard(web):
    _serve_newsroom(web)
    with pytest.raises(FetchRefused):
        fetch_feed(web.url("/feed.xml"))
    assert web.hits() == 0


ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger Atom</title><id>urn:ledger</id>
<updated>2026-03-02T10:00:00Z</updated>
<entry><title type="html">Varga &amp;amp; the &lt;b&gt;harbour&lt;/b&gt;</title>
<link rel="alternate" href="/news/atom-1"/><id>urn:ledger:1</id><updated>2026-03-02T10:00:00Z</updated>
<summary type="html">&lt;p&gt;Finance Minister Ilse Varga &lt;script&gt;x()&lt;/script&gt;spoke.&lt;/p&gt;</summary></entry>
<entry><title>From the future</title><link href="https://ledger.example.com/news/atom-2"/><id>urn:ledger:2</id>
<updated>2999-01-01T00:00:00Z</updated></entry>
<entry><title>No link at all</title><id>urn:ledger:3</id><updated>2026-03-02T10:00:00Z</updated></entry>
</feed>"""


def test_atom_entries_relative_links_html_titles_and_future_dates():
    result = feed_parse(ATOM, url="https://ledger.example.com/atom.xml", content_type="application/atom+xml")
    assert [e.url for e in result.entries] == [
        "https://ledger.example.com/news/atom-1",
        "https://ledger.example.com/news/atom-2",
    ]
    first, future = result.entries
    assert first.title == "Varga & the harbour"
    assert first.summary == "Finance Minister Ilse Varga spoke."
    assert first.published == dt.date(2026, 3, 2)
    assert future.published is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><body><p>Welcome to our site</p></body></html>", "RSS or Atom"),
        (b"<rss version='2.0'><channel><item><title>broken", "RSS or Atom"),
        (b"\x00\x01\x02 definitely not xml", "RSS or Atom"),
        (b"", "RSS or Atom"),
    ],
)
def test_broken_feeds_raise_feed_error(content, message):
    with pytest.raises(FeedError, match=message):
        feed_parse(content, url="https://ledger.example.com/feed.xml")


def test_feed_parser_never_opens_what_the_bytes_name(tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_bytes(corpus.rss("https://ledger.example.com", 1))
    with pytest.raises(FeedError):
        feed_parse(str(secret).encode(), url="https://ledger.example.com/feed.xml")


# --- polling into articles ------------------------------------------------------------------------


@pytest.fixture
def newsroom_feed(site, db):
    _serve_newsroom(site)
    return Feed.objects.create(url=site.url("/feed.xml"), poll_interval_minutes=30)


@pytest.mark.django_db
def test_polling_twice_takes_in_every_article_once_and_304_fetches_nothing(
    site, newsroom_feed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = feed_poll(feed=newsroom_feed)
    assert (first.created, first.duplicates, first.not_modified) == (ENTRIES, 0, False)
    assert Article.objects.count() == ENTRIES
    assert _article_requests(site) == ENTRIES, "each article page fetched once"
    assert set(Article.objects.values_list("origin", flat=True)) == {Article.Origin.FEED}
    assert Article.objects.filter(feed=newsroom_feed).count() == ENTRIES
    assert not Article.objects.filter(url__contains="utm_").exists(), "stored under the canonical URL"
    assert Article.objects.exclude(status=Article.Status.FAILED).count() == ENTRIES
    assert Article.objects.filter(text__contains="We are not gambling with public money").count() == ENTRIES

    newsroom_feed.refresh_from_db()
    assert newsroom_feed.etag == '"feed-v1"'
    assert newsroom_feed.title == "The Northern Ledger: Politics"
    assert newsroom_feed.entries_seen == ENTRIES

    with django_capture_on_commit_callbacks(execute=True):
        second = feed_poll(feed=newsroom_feed)
    assert (second.created, second.duplicates, second.not_modified) == (0, 0, True)
    assert Article.objects.count() == ENTRIES
    assert _article_requests(site) == ENTRIES, "a 304 answer must not fetch any article"
    assert site.requests[-1].path == "/feed.xml"
    assert site.requests[-1].headers["if-none-match"] == '"feed-v1"'


@pytest.mark.django_db
def test_a_feed_without_etag_is_read_again_but_known_entries_are_not_refetched(
    site, django_capture_on_commit_callbacks
):
    _serve_newsroom(site, etag=None)
    feed = Feed.objects.create(url=site.url("/feed.xml"))
    with django_capture_on_commit_callbacks(execute=True):
        feed_poll(feed=feed)
        second = feed_poll(feed=feed)
    assert (second.created, second.duplicates, second.not_modified) == (0, ENTRIES, False)
    assert Article.objects.count() == ENTRIES
    assert _article_requests(site) == ENTRIES


@pytest.mark.django_db
def test_a_successful_poll_schedules_the_next_one(site, newsroom_feed, django_capture_on_commit_callbacks):
    newsroom_feed.consecutive_failures = 3
    newsroom_feed.last_error = "old problem"
    newsroom_feed.save()
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=False):
        feed_poll(feed=newsroom_feed)
    newsroom_feed.refresh_from_db()
    assert newsroom_feed.consecutive_failures == 0
    assert newsroom_feed.last_error == ""
    assert newsroom_feed.last_polled_at >= before
    expected = newsroom_feed.last_polled_at + dt.timedelta(minutes=30)
    assert newsroom_feed.next_poll_at == expected


@pytest.mark.django_db
def test_entries_with_refused_urls_are_counted_not_fatal(site, django_capture_on_commit_callbacks):
    site.routes["/mixed.xml"] = Answer(
        body=(
            b"<rss version='2.0'><channel><title>Mixed</title>"
            b"<item><title>Internal</title><link>http://10.0.0.5/admin</link></item>"
            b"<item><title>Local</title><link>http://localhost/story</link></item>"
            b"<item><title>Fine</title><link>https://ledger.example.com/news/fine</link></item>"
            b"</channel></rss>"
        ),
        content_type="application/rss+xml",
    )
    feed = Feed.objects.create(url=site.url("/mixed.xml"))
    with django_capture_on_commit_callbacks(execute=False):
        result = feed_poll(feed=feed)
    assert (result.created, result.rejected) == (1, 2)
    assert any("10.0.0.5" in problem for problem in result.problems)
    assert list(Article.objects.values_list("url", flat=True)) == ["https://ledger.example.com/news/fine"]


# --- failures, backoff, disabling -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("failures", "expected"),
    [(1, dt.timedelta(minutes=60)), (2, dt.timedelta(minutes=120)), (5, dt.timedelta(minutes=960)),
     (6, dt.timedelta(hours=24)), (10, dt.timedelta(hours=24)), (500, dt.timedelta(hours=24))],
)  # fmt: skip
def test_backoff_doubles_and_is_capped_at_a_day(failures, expected):
    assert feed_backoff(interval_minutes=30, failures=failures) == expected


@pytest.mark.django_db
def test_a_broken_feed_counts_failures_backs_off_and_is_disabled(site):
    site.routes["/broken.xml"] = Answer(
        body=b"<html><p>This is not a feed</p></html>", content_type="text/html"
    )
    feed = Feed.objects.create(url=site.url("/broken.xml"), poll_interval_minutes=30)

    result = feed_poll(feed=feed)
    assert "RSS or Atom" in result.error
    feed.refresh_from_db()
    assert feed.consecutive_failures == 1
    assert feed.enabled
    assert "RSS or Atom" in feed.last_error
    wait = feed.next_poll_at - feed.last_polled_at
    assert wait == dt.timedelta(minutes=60)

    for _ in range(8):
        feed_poll(feed=feed)
    feed.refresh_from_db()
    assert feed.consecutive_failures == 9
    assert feed.enabled
    assert feed.next_poll_at - feed.last_polled_at == dt.timedelta(hours=24)

    feed_poll(feed=feed)
    feed.refresh_from_db()
    assert feed.consecutive_failures == 10
    assert not feed.enabled
    assert feed.last_error.startswith("Disabled after 10 failed polls in a row.")
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_the_failure_limit_is_a_setting(site, settings):
    settings.FEED_MAX_FAILURES = 2
    site.routes["/gone.xml"] = Answer(404, body=b"gone", content_type="text/plain")
    feed = Feed.objects.create(url=site.url("/gone.xml"))
    feed_poll(feed=feed)
    feed_poll(feed=feed)
    feed.refresh_from_db()
    assert not feed.enabled
    assert "404" in feed.last_error


@pytest.mark.django_db
def test_a_refused_feed_address_is_a_failure_with_the_reason(web):
    feed = Feed.objects.create(url=web.url("/feed.xml"))
    result = feed_poll(feed=feed)
    assert result.error.startswith("Refused:")
    feed.refresh_from_db()
    assert feed.consecutive_failures == 1
    assert web.hits() == 0


@pytest.mark.django_db
def test_re_enabling_clears_the_failure_count():
    feed = Feed.objects.create(
        url="https://ledger.example.com/feed.xml", enabled=False, consecutive_failures=10, last_error="x"
    )
    feed_enable(feed=feed)
    feed.refresh_from_db()
    assert feed.enabled and feed.consecutive_failures == 0 and feed.last_error == ""
    assert feed.next_poll_at <= timezone.now()


# --- tasks ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_poll_due_feeds_enqueues_each_due_enabled_feed_once(monkeypatch, django_assert_max_num_queries):
    now = timezone.now()
    due = [
        Feed.objects.create(url="https://a.example.com/feed", next_poll_at=None),
        Feed.objects.create(url="https://b.example.com/feed", next_poll_at=now - dt.timedelta(minutes=1)),
    ]
    Feed.objects.create(url="https://c.example.com/feed", next_poll_at=now + dt.timedelta(minutes=5))
    Feed.objects.create(url="https://d.example.com/feed", enabled=False, next_poll_at=None)
    sent: list[int] = []
    monkeypatch.setattr(poll_feed, "delay", sent.append)

    with django_assert_max_num_queries(1 + len(due)):
        assert poll_due_feeds() == 2
    assert sorted(sent) == sorted(f.pk for f in due)
    assert poll_due_feeds() == 0, "a claimed feed is not handed out again on the next tick"
    assert len(sent) == 2


@pytest.mark.django_db
def test_poll_feed_task_skips_disabled_and_missing_feeds():
    feed = Feed.objects.create(url="https://ledger.example.com/feed.xml", enabled=False)
    assert poll_feed(feed.pk) == "skipped"
    assert poll_feed(987654) == "skipped"


@pytest.mark.django_db
def test_poll_feed_task_polls(site, newsroom_feed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        assert poll_feed(newsroom_feed.pk) == f"created {ENTRIES}, duplicate 0, refused 0"
    assert poll_feed(newsroom_feed.pk) == "not modified"


def test_external_entities_in_a_feed_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}">]>'
        "<rss version='2.0'><channel><title>Feed &leak;</title>"
        "<item><title>Story &leak;</title><link>https://ledger.example.com/news/1</link></item>"
        "</channel></rss>"
    ).encode()
    result = feed_parse(xxe, url="https://ledger.example.com/feed.xml", content_type="application/rss+xml")
    assert "TOP-SECRET" not in result.title
    assert len(result.entries) == 1  # the item is still read, without the file's contents
    assert all("TOP-SECRET" not in entry.title + entry.summary for entry in result.entries)
