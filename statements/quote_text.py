"""A quote as stored and as the pages print it.

A statement stores the speaker's words without quotation marks: a direct quote's marks and
trailing comma come off, and a mixed statement's quoted fragments lose theirs and are kept as
ranges (``Statement.quoted_spans``). Pages put marks back (``shown_quote``). Older direct
statements were stored with their marks ('"… need,"'); ``bare_quote`` takes them off for display.
Pure functions: no Django, so migrations, services and templates share them.
"""

from __future__ import annotations

import re

from extraction.types import marked_words
from extraction.wording import trim_words

# Opening mark -> the closing marks that pair with it.
_PAIRS = {
    '"': '"',
    "“": "”",
    "”": "”",
    "„": "“”",
    "«": "»",
    "»": "«",
    "‘": "’",
    "'": "'",
    "‹": "›",
}
_TRAILING = " ,;:\u00a0"


def bare_quote(text: str | None) -> str:
    """'“We will build it,”' -> 'We will build it'. Words inside are left as they are.

    A surrounding pair is taken off only when it encloses the whole text (the inside holds no
    other closing mark of the same kind), so '"Yes," she said, "no"' keeps its marks.
    """
    text = (text or "").strip().rstrip(_TRAILING)
    if len(text) >= 2 and text[0] in _PAIRS and text[-1] in _PAIRS[text[0]]:
        inside = text[1:-1]
        if not any(mark in inside for mark in _PAIRS[text[0]]) and text[0] not in inside:
            text = inside.strip()
    return text.rstrip(_TRAILING)


# A quoted fragment as analysts and older records print it: a pair of double marks, guillemets,
# or single marks opening at a word's start and closing where no letter follows (not "don’t").
# A double mark left open runs to the end: a selection in the article may stop before the close.
_FRAGMENT = re.compile(
    r"“([^“”]*)(?:[”“]|$)|„([^„“”]*)(?:[“”]|$)|«([^«»]*)(?:»|$)|\"([^\"]*)(?:\"|$)|(?<!\w)‘(.+?)’(?!\w)"
)
_FIRST_DOUBLE_MARK = re.compile(r"[“”„«»\"]")
Spans = list[list[int]]


def split_marks(printed: str) -> tuple[str, Spans]:
    """'called the plan “a gimmick,” and' -> ('called the plan a gimmick', [[16, 25]]): the
    words without the marks of their quoted fragments, and where each fragment sits in them."""
    first = _FIRST_DOUBLE_MARK.search(printed)
    if first and first.group() in "”»":
        # a selection that starts inside a fragment: its words up to the close are quoted
        printed = ("«" if first.group() == "»" else "“") + printed.lstrip()
    words, spans, pos = "", [], 0
    for match in _FRAGMENT.finditer(printed):
        inner_start = next(match.start(g) for g in range(1, 6) if match.group(g) is not None)
        inner = next(g for g in match.groups() if g is not None)
        words += printed[pos : match.start()]
        spans.append([len(words), len(words) + len(inner)])
        words += printed[inner_start : inner_start + len(inner)]
        pos = match.end()
    words += printed[pos:]
    words, kept = trim_words(words, spans, trailing=_TRAILING + "\t\n")
    return words, [list(span) for span in kept]


def with_marks(words: str, spans, opening: str = "“", closing: str = "”") -> str:
    """The words with marks put back around their quoted fragments: split_marks undone."""
    return marked_words(words, valid_spans(words, spans), opening, closing)


def valid_spans(words: str, spans) -> Spans:
    """The ranges that fit the words, in order and apart; anything else (hand-edited JSON) is left out."""
    out: Spans = []
    for span in spans or ():
        if not (isinstance(span, list | tuple) and len(span) == 2 and all(type(n) is int for n in span)):
            continue
        start, end = span
        if 0 <= start < end <= len(words) and (not out or start >= out[-1][1]):
            out.append([start, end])
    return out


def record_words(printed: str, kind: str) -> tuple[str, Spans]:
    """What a statement of this kind stores for words given as printed (an analyst's edit, a
    span selected in the article): the quote without marks, and a mixed one's quoted spans."""
    if kind == "mixed":
        return split_marks(printed)
    if kind == "direct":
        return bare_quote(printed), []
    return (printed or "").strip().rstrip(_TRAILING).strip(), []


def shown_quote(quote: str, kind: str, spans) -> str:
    """The words as pages print them: a direct quote inside marks, a mixed one's fragments inside
    marks, reported speech without any."""
    if kind == "direct":
        return f"“{bare_quote(quote)}”"
    return shown_words(quote, kind, spans)


def shown_words(quote: str, kind: str, spans) -> str:
    """shown_quote without the pair around a whole direct quote (a Quotation's text is its words)."""
    if kind == "direct":
        return bare_quote(quote)
    if kind == "mixed" and spans:
        return with_marks(quote, spans)
    return quote or ""


def shown_statement(statement) -> str:
    """shown_quote for a Statement (or anything with quote, kind and quoted_spans)."""
    return shown_quote(statement.quote, statement.kind, statement.quoted_spans)
