"""The speaker's words out of the printed span: quotation marks, the reporter's trailing comma and
an interrupting cue ('“A,” she said, “B.”') left out.

The printed span stays the citation (``ExtractedStatement.start``/``end``); ``quote`` is what
the speaker said, so pages can add their own marks without printing them twice. A mixed
statement's quoted fragments lose their marks too and are kept as ranges of ``quote``
(``ExtractedStatement.quoted_spans``), so pages can put the marks back where they were.
"""

from __future__ import annotations

import re

# Marks that open or close a quotation (doubled apostrophes and backticks as some archives print them).
OPENING = re.compile(r"^(?:``|''|[“”„«\"‘'])+")
CLOSING = re.compile(r"(?:''|[”“»\"])+$")
SINGLE_CLOSING = re.compile(r"[’']+$")
SINGLE_OPEN = ("‘", "'")
# The reporter's punctuation where the speaker's sentence was cut: '“Ships do not sail themselves,”'.
TRAILING = " \t\n,;:—–-"


def unquote(printed: str) -> str:
    """'“Ships do not sail themselves,”' -> 'Ships do not sail themselves'."""
    s = printed.strip()
    opened = OPENING.match(s)
    if opened:
        s = CLOSING.sub("", s[opened.end() :]).rstrip()
        mark = opened.group()
        if mark.endswith(SINGLE_OPEN) and mark != "''":
            # a closing ’ after an opening ‘ is a mark; otherwise an apostrophe ("the voters’")
            s = SINGLE_CLOSING.sub("", s)
    return s.strip().rstrip(TRAILING).strip()


# A comma the reporter set inside the closing mark, American style: 'the plan “a gimmick,” and'.
COMMA_INSIDE_CLOSING = re.compile(r"[,;:]+(?=(?:''|[”\"])$)")


def tidy(printed: str) -> str:
    """Reported speech as printed, without the trailing comma or colon of the sentence around it
    (outside the last quotation mark or, American style, inside it)."""
    s = printed.strip().rstrip(TRAILING).strip()
    if OPENING.match(s) and CLOSING.search(s) and not _has_inner_mark(s):
        return unquote(s)  # the content is one whole quotation
    return COMMA_INSIDE_CLOSING.sub("", s)


def _has_inner_mark(s: str) -> bool:
    opened = OPENING.match(s)
    closing = CLOSING.search(s)
    inner = s[opened.end() : closing.start()] if opened and closing and closing.start() > opened.end() else ""
    return bool(re.search(r"[“”\"]|''|``", inner))


def mixed_words(text: str, start: int, end: int, quotes) -> tuple[str, list[tuple[int, int]]]:
    """Reported speech carrying quoted fragments, without their marks; the fragments' places in
    the words. 'called the plan “a gimmick,” and' -> ('called the plan a gimmick', [(16, 25)]).

    ``quotes`` are the article's quotations (quotes.Quote) in text order; the marks taken out are
    theirs, so a stray or unpaired mark stays as printed.
    """
    words, fragments, pos = "", [], start
    for q in quotes:
        if q.end <= start or q.start >= end:
            continue
        inner_start, inner_end = _inside_marks(text, q)
        inner_start, inner_end = max(inner_start, start, pos), min(inner_end, end)
        words += text[pos : max(pos, min(q.start, end))]
        if inner_end > inner_start:
            fragments.append((len(words), len(words) + inner_end - inner_start))
            words += text[inner_start:inner_end]
        pos = max(pos, min(q.end, end))
    words += text[pos:end]
    return trim_words(words, fragments)


def _inside_marks(text: str, q) -> tuple[int, int]:
    """Where a quotation's words begin and end, inside its opening and closing marks."""
    printed = text[q.start : q.end]
    opened = OPENING.match(printed)
    if q.block or opened is None:
        return q.start, q.end
    rest = printed[opened.end() :]
    closing = SINGLE_CLOSING if opened.group().endswith(SINGLE_OPEN) and opened.group() != "''" else CLOSING
    closed = closing.search(rest) if q.closed else None
    return q.start + opened.end(), q.start + opened.end() + (closed.start() if closed else len(rest))


def trim_words(
    words: str, fragments: list[tuple[int, int]], trailing: str = TRAILING
) -> tuple[str, list[tuple[int, int]]]:
    """Words without the space around them and the reporter's trailing comma (a comma set inside
    the last fragment's closing mark, American style, too); the fragments moved to match."""
    lead = len(words) - len(words.lstrip())
    words = words.strip().rstrip(trailing).strip()
    out = []
    for s, e in fragments:
        s, e = max(0, s - lead), min(len(words), e - lead)
        while e > s and words[e - 1].isspace():
            e -= 1
        while s < e and words[s].isspace():
            s += 1
        if e > s:
            out.append((s, e))
    return words, out


def speaker_words(text: str, pieces: list[tuple[int, int]], direct: bool) -> str:
    """The words of a statement whose printed parts are ``pieces`` (one, or the fragments of a
    quotation around its own cue)."""
    if not direct:
        return tidy(text[pieces[0][0] : pieces[-1][1]])
    words: list[str] = []
    for k, (s, e) in enumerate(pieces):
        w = unquote(text[s:e])
        if not w:
            continue
        if words and k > 0 and _sentence_ended_between(text, pieces[k - 1][1], s):
            # '“The levy is fair,” Varga said. “Every town pays it.”': the reporter's comma stood
            # where the speaker's sentence ended
            words[-1] = words[-1] if words[-1][-1:] in ".?!…" else words[-1] + "."
        words.append(w)
    return " ".join(words)


def _sentence_ended_between(text: str, end: int, start: int) -> bool:
    """Does the reporter's cue between two parts of a quotation end a sentence ("X said.")?"""
    gap = text[end:start].rstrip()
    return gap[-1:] in (".", "!", "?")
