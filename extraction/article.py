"""Stage 1: the article as extraction sees it: body paragraphs, quotation marks, parses.

``Article`` is built once per text and read by every later stage.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from . import colon
from . import quotes as quotes_mod
from .quotes import Quote
from .text import Body, split_body


@dataclass
class Article:
    text: str
    published: date | None
    body: Body
    quotes: list[Quote]  # every quotation in the body, in text order
    docs: list = field(default_factory=list)  # one spaCy Doc per body paragraph, once parsed
    by_para: dict[int, list[Quote]] = field(default_factory=dict)
    _quote_starts: list[int] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[tuple[int, int]]:
        return self.body.paragraphs

    def para_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.paragraphs]

    def in_quote(self, pos: int) -> bool:
        """Is the character at ``pos`` inside a quotation?"""
        i = bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and pos < self.quotes[i].end

    def quotes_over(self, start: int, end: int) -> list[Quote]:
        """The quotations that overlap [start, end), in text order."""
        first = max(0, bisect_right(self._quote_starts, start) - 1)
        last = bisect_left(self._quote_starts, end)
        return [q for q in self.quotes[first:last] if q.end > start]


def prepare(text: str, published: date | str | None, title: str | None = None) -> Article:
    """Split the body off the page and pair its quotation marks (nothing parsed yet). ``title`` is
    the title when given apart from the text: a first line repeating it is the headline."""
    return from_body(text, published, split_body(text, title=title))


def from_body(text: str, published: date | str | None, body: Body) -> Article:
    """The article over the given body paragraphs (all of them, or one section of a long text)."""
    if isinstance(published, str):
        published = date.fromisoformat(published) if published else None
    qs = quotes_mod.find_quotes(text, body.paragraphs)
    qs = qs + colon.transcript_quotes(text, body.paragraphs, qs)
    qs = sorted(qs + colon.block_quotes(text, body.paragraphs, qs), key=lambda q: q.start)
    by_para: dict[int, list[Quote]] = defaultdict(list)
    for q in qs:
        by_para[q.paragraph].append(q)
    return Article(text, published, body, qs, by_para=by_para, _quote_starts=[q.start for q in qs])
