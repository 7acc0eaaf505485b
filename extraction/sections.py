"""Very long articles are analysed in sections, so memory and time stay bounded.

An ordinary article (a few thousand words) is one section: nothing changes for it. A very long
one (a transcript, a 2 MB paste) is read whole, but in sections of at most ``SECTION_CHARS``
characters of body, each handed to the rules with the paragraphs just before it as context (a
"she said" or a surname whose name stands earlier). The parses of one section are let go before
the next is made, so memory is bounded by the section, not the article; and the rules, some of
which compare every attribution with every mention, stay linear in the article's length.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .article import Article, from_body
from .text import Body, split_body

# Body characters per section: a long feature or a full speech transcript fits in one.
SECTION_CHARS = 60_000
# Paragraphs before a section read again as its context (their own statements belong to the
# section before): enough to reach the speaker of a quotation run or a pronoun's antecedent.
CONTEXT_PARAGRAPHS = 12
# The article's first paragraphs, where its people are introduced by full name and office, are
# context for every section too.
LEAD_PARAGRAPHS = 3


@dataclass(frozen=True)
class Section:
    body: Body  # the section's paragraphs, its context first; offsets into the whole text
    own_start: int  # statements starting before this offset belong to the section before


def sections(body: Body, limit: int | None = None, context: int = CONTEXT_PARAGRAPHS) -> list[Section]:
    """The article's body as one or more sections, in text order."""
    limit = limit or SECTION_CHARS
    paras = body.paragraphs
    if sum(e - s for s, e in paras) <= limit:
        return [Section(body, -1)]
    out: list[Section] = []
    first = 0
    while first < len(paras):
        last, size = first, 0
        while last < len(paras) and (last == first or size + paras[last][1] - paras[last][0] <= limit):
            size += paras[last][1] - paras[last][0]
            last += 1
        lead = max(0, first - context)
        part_paras = paras[: min(LEAD_PARAGRAPHS, lead)] + paras[lead:last]
        part = Body(text=body.text, paragraphs=part_paras, headline=body.headline, skipped=body.skipped)
        out.append(Section(part, paras[first][0] if first else -1))
        first = last
    return out


@dataclass
class Part:
    article: Article  # the section as an article of its own (offsets into the whole text)
    own_start: int  # statements starting before this offset belong to the part before


def prepare_sections(text: str, published: date | str | None, title: str | None = None) -> list[Part]:
    """The article ready for parsing: one part, or one per section of a very long text."""
    body = split_body(text, title=title)
    return [Part(from_body(text, published, s.body), s.own_start) for s in sections(body)]
