"""Reading an RSS or Atom feed: fetched by fetch.py (so the address guard applies), parsed by feedparser.

feedparser is only ever given bytes in a stream: handed a string it would fetch URLs and open
local files itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import io
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import feedparser
import nh3
from django.utils import timezone

from .fetch import fetch_url

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/xml",
    "text/xml",
    "application/*+xml",
    "text/rss+xml",
    "text/atom+xml",
    # Many sites serve feeds with a generic type; the parser decides whether it is a feed.
    "text/plain",
    "text/html",
    "application/octet-stream",
)
MAX_ENTRIES = 1000


class FeedError(Exception):
    """The feed could be fetched but not read as a feed."""


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str
    published: dt.date | None
    summary: str


@dataclass(frozen=True)
class FeedResult:
    not_modified: bool
    entries: list[FeedEntry] = field(default_factory=list)
    etag: str = ""
    last_modified: str = ""
    title: str = ""


def _plain(markup: str, limit: int) -> str:
    text = html.unescape(nh3.clean(markup or "", tags=set()))
    return " ".join(text.split())[:limit]


def _entry_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                day = dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC).date()
            except (OverflowError, ValueError, OSError):
                continue
            # A date in the future is a feed bug, not a fact.
            return day if day <= timezone.localdate() else None
    return None


def _entry_url(entry, base: str) -> str:
    candidates = [entry.get("link", "")]
    candidates += [link.get("href", "") for link in entry.get("links", []) if link.get("rel") == "alternate"]
    if entry.get("guidislink") or re.match(r"https?://", entry.get("id", "")):
        candidates.append(entry.get("id", ""))
    for candidate in candidates:
        candidate = (candidate or "").strip()
        if not candidate:
            continue  # urljoin would turn "" into the feed's own address
        url = urljoin(base, candidate)
        if urlsplit(url).scheme in ("http", "https"):
            return url
    return ""


def feed_parse(content: bytes, *, url: str, content_type: str = "") -> FeedResult:
    """Entries of the feed in `content`; FeedError when it is not a readable feed."""
    parsed = feedparser.parse(
        io.BytesIO(content),
        response_headers={"content-type": content_type or "application/xml", "content-location": url},
    )
    if not parsed.entries and not parsed.get("version"):
        raise FeedError(f"The address {url} does not serve an RSS or Atom feed.")
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for entry in parsed.entries[:MAX_ENTRIES]:
        link = _entry_url(entry, url)
        if not link or link in seen:
            continue
        seen.add(link)
        entries.append(
            FeedEntry(
                url=link,
                title=_plain(entry.get("title", ""), 500),
                published=_entry_date(entry),
                summary=_plain(entry.get("summary", ""), 2000),
            )
        )
    if not entries and parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        raise FeedError(f"The feed at {url} is not a readable RSS or Atom feed ({problem}).")
    return FeedResult(not_modified=False, entries=entries, title=_plain(parsed.feed.get("title", ""), 300))


def fetch_feed(url: str, *, etag: str = "", last_modified: str = "") -> FeedResult:
    """Fetch and parse the feed at `url`, conditionally when `etag`/`last_modified` are known.

    Raises FetchError (see fetch.py) when it cannot be fetched, FeedError when it is not a feed.
    """
    result = fetch_url(
        url,
        headers={"If-None-Match": etag, "If-Modified-Since": last_modified},
        accept=FEED_TYPES,
    )
    if result.not_modified:
        return FeedResult(
            not_modified=True,
            etag=result.headers.get("etag", etag),
            last_modified=result.headers.get("last-modified", last_modified),
        )
    parsed = feed_parse(result.content, url=result.final_url, content_type=result.content_type)
    return FeedResult(
        not_modified=False,
        entries=parsed.entries,
        etag=result.headers.get("etag", "")[:500],
        last_modified=result.headers.get("last-modified", "")[:100],
        title=parsed.title,
    )
