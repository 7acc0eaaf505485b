"""From a fetched page to article text and metadata, with trafilatura working on the bytes given.

trafilatura never fetches anything here: it gets the bytes fetch.py already checked. Page
furniture (navigation, "read more" lists, newsletter boxes, comments, tables, captions of
images) is left out; scripts and styles never reach the text. A page with no article body
(a login wall, an empty shell, binary data) raises ParseError instead of storing nothing.
"""

from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import trafilatura
from django.utils import timezone

# trafilatura logs every page it cannot read as an error; here that is an expected ParseError.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

# Less body text than this is not an article (a teaser, a paywall stub, a cookie notice).
MIN_BODY_CHARS = 150

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_HTML_LANG = re.compile(
    rb"<html\b[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*", re.IGNORECASE
)
_MARKUP_START = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*<", re.DOTALL)
_WALL_PHRASES = re.compile(
    r"\b(subscribe to (continue|keep) reading|sign in to (continue|read)|log in to (continue|read)|"
    r"this (content|article) is (only )?(available|reserved) (to|for) (subscribers|members)|"
    r"please enable javascript|you have reached your (free )?article limit)\b",
    re.IGNORECASE,
)


class ParseError(Exception):
    """No article could be read from the page; the message says what was found instead."""


@dataclass(frozen=True)
class ParsedPage:
    title: str
    text: str
    published: dt.date | None
    author: str
    language: str
    canonical_url: str
    site_name: str


def _decode(content: bytes, content_type: str) -> str | bytes:
    """Text when the server named a charset Python knows; otherwise bytes for trafilatura to sniff."""
    match = _CHARSET.search(content_type or "")
    if match:
        try:
            codecs.lookup(match.group(1))
        except LookupError:
            return content
        return content.decode(match.group(1), errors="replace")
    return content


def _looks_binary(content: bytes) -> bool:
    head = content[:4096]
    if b"\x00" in head:
        return True
    if _MARKUP_START.match(head):
        return False
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return controls > len(head) * 0.05


def _date(value: str | None) -> dt.date | None:
    """The publication date, unless it is unreadable or in the future (a page cannot be from tomorrow)."""
    if not value:
        return None
    try:
        published = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return published if published <= timezone.localdate() else None


def _canonical(candidate: str | None, url: str) -> str:
    """The page's declared canonical URL if it is on the same site as the page, else the page's URL.

    A page may claim any canonical URL; one pointing to another site is ignored so a crafted page
    cannot pass itself off as somebody else's article.
    """
    if not candidate:
        return url
    resolved = urljoin(url, candidate.strip())
    parts = urlsplit(resolved)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return url

    def site(host: str) -> str:
        host = host.lower()
        return host[4:] if host.startswith("www.") else host

    page_host = urlsplit(url).hostname or ""
    return resolved if site(parts.hostname) == site(page_host) else url


def _language(document_language: str | None, content: bytes) -> str:
    if document_language:
        return document_language.split("-")[0].lower()[:10]
    match = _HTML_LANG.search(content[:20_000])
    return match.group(1).decode("ascii").lower() if match else ""


def _clean_text(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def _extract(source: str | bytes, url: str):
    return trafilatura.bare_extraction(
        source,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        favor_precision=True,
        deduplicate=False,
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "max_date": timezone.localdate().isoformat(),
        },
    )


def parse_article_html(content: bytes, *, url: str, content_type: str = "") -> ParsedPage:
    """Title, body text and metadata of the article in `content` (the page at `url`)."""
    if not content or not content.strip():
        raise ParseError("The page is empty.")
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # UTF-16 text is full of NUL bytes; re-encode it before the binary check looks at it.
        content = content.decode("utf-16", errors="replace").encode("utf-8")
        content_type = content_type.split(";", 1)[0] + "; charset=utf-8"
    if _looks_binary(content):
        raise ParseError("The page is binary data, not an article.")
    media = content_type.split(";", 1)[0].strip().lower()
    source = _decode(content, content_type)
    if media == "text/plain":
        text = _clean_text(source if isinstance(source, str) else source.decode("utf-8", errors="replace"))
        if len(text) < MIN_BODY_CHARS:
            raise ParseError("The page has too little text to be an article.")
        title = text.split("\n", 1)[0][:300]
        return ParsedPage(title, text, None, "", "", "", "")
    try:
        document = _extract(source, url)
    except RecursionError:
        raise ParseError("The page's HTML is nested too deeply to read.") from None
    except Exception as exc:  # a malformed page must fail the article, never the worker
        raise ParseError(f"The page's HTML could not be read ({type(exc).__name__}: {exc}).") from None
    text = _clean_text(getattr(document, "text", None) or "")
    if len(text) < MIN_BODY_CHARS:
        if _WALL_PHRASES.search(text) or _WALL_PHRASES.search(
            source if isinstance(source, str) else source.decode("utf-8", "replace")
        ):
            raise ParseError("The page shows a login or subscription wall instead of the article.")
        if not text:
            raise ParseError("No article text was found on the page (only navigation, links or scripts).")
        raise ParseError(f"The page has too little article text ({len(text)} characters) to be an article.")
    return ParsedPage(
        title=" ".join((document.title or "").split())[:500],
        text=text,
        published=_date(document.date),
        author=" ".join((document.author or "").split())[:300],
        language=_language(document.language, content),
        canonical_url=_canonical(document.url, url),
        site_name=" ".join((document.sitename or "").split())[:200],
    )
