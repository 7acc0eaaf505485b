"""Small news articles about fictional politicians, and an RSS feed listing them.

Every name here is invented; the countries and offices are real. Used by the feed tests and by
benchmarks/bench_ingest.py to serve a newsroom's worth of pages from 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
from email.utils import format_datetime
from html import escape

FIRST = [
    "Ilse",
    "Karel",
    "Maren",
    "Tobias",
    "Odile",
    "Ruben",
    "Sanna",
    "Matteo",
    "Ines",
    "Pavel",
    "Lotte",
    "Elias",
]
LAST = ["Varga", "Novotny", "Halvorsen", "Lindqvist", "Moreau", "Brandt", "Kessler", "Aalto", "Serrano", "Dvorak",
        "Okafor", "Vidal", "Marsh"]  # fmt: skip
OFFICES = [
    ("Norway", "Finance Minister"),
    ("France", "Minister for Europe and Foreign Affairs"),
    ("Germany", "Federal Minister of the Interior"),
    ("Spain", "Minister of Agriculture"),
    ("Czech Republic", "Minister of Health"),
    ("Finland", "Prime Minister"),
    ("Sweden", "Minister for Energy"),
    ("Ireland", "Minister for Housing"),
]
TOPICS = [
    ("the harbour budget", "will pay for itself within a decade", "a harbour for ships that will never come"),
    (
        "the pension reform",
        "keeps the promise we made to every worker",
        "takes money from people who earned it",
    ),
    ("the rail link", "brings the north within two hours of the capital", "is a line to nowhere"),
    (
        "the energy levy",
        "protects families from the next price shock",
        "punishes the factories that employ us",
    ),
    ("the housing plan", "will put a roof over forty thousand families", "builds nothing but press releases"),
]


def person(i: int) -> str:
    return f"{FIRST[i % len(FIRST)]} {LAST[(i * 7 + 3) % len(LAST)]}"


def article_fields(i: int, *, published: dt.date | None = None) -> dict:
    """Headline, date and paragraphs of article number `i` (deterministic)."""
    published = published or dt.date(2026, 3, 1) + dt.timedelta(days=i % 200)
    country, office = OFFICES[i % len(OFFICES)]
    subject, praise, attack = TOPICS[i % len(TOPICS)]
    speaker, critic = person(i), person(i + 5)
    headline = f"{speaker} defends {subject} (report {i})"
    paragraphs = [
        f"{country}'s {office} {speaker} on Tuesday defended {subject}, telling parliament in report "
        f"number {i} that the plan {praise}.",
        f'"We are not gambling with public money. We are investing in what people asked us for," '
        f"{speaker} said during a debate that ran late into the evening.",
        f'Opposition spokesperson {critic} rejected the plan. "This {attack}," {critic} told reporters.',
        f"The measure passed by {60 + i % 40} votes to {40 + i % 17}.",
    ]
    return {"headline": headline, "published": published, "paragraphs": paragraphs, "speaker": speaker}


def article_html(i: int, *, published: dt.date | None = None) -> bytes:
    fields = article_fields(i, published=published)
    body = "".join(f"<p>{escape(p)}</p>" for p in fields["paragraphs"])
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(fields['headline'])} | The Northern Ledger</title>"
        f"<meta property='article:published_time' content='{fields['published'].isoformat()}T08:00:00Z'>"
        "<meta property='og:site_name' content='The Northern Ledger'>"
        "<script>window.analytics = {track: function () {}};</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/politics'>Politics</a></nav><main><article>"
        f"<h1>{escape(fields['headline'])}</h1><p class='byline'>By Staff Reporter</p>{body}</article>"
        "<aside><h2>Most read</h2><a href='/x'>Weather</a></aside></main>"
        "<footer>© 2026 The Northern Ledger</footer></body></html>"
    ).encode()


def rss(base_url: str, count: int, *, path: str = "/news/{i}") -> bytes:
    """An RSS 2.0 feed of `count` articles at base_url + path."""
    items = []
    for i in range(count):
        fields = article_fields(i)
        when = dt.datetime.combine(fields["published"], dt.time(8), tzinfo=dt.UTC)
        link = base_url + path.format(i=i)
        items.append(
            f"<item><title>{escape(fields['headline'])}</title><link>{escape(link)}?utm_source=rss</link>"
            f"<guid isPermaLink='false'>ledger-{i}</guid><pubDate>{format_datetime(when)}</pubDate>"
            f"<description>{escape(fields['paragraphs'][0])}</description></item>"
        )
    return (
        "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel>"
        f"<title>The Northern Ledger: Politics</title><link>{escape(base_url)}/</link>"
        "<description>Politics from the Ledger</description>" + "".join(items) + "</channel></rss>"
    ).encode()
