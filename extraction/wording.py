"""The speaker's words out of the printed span: quotation marks, the reporter's trailing comma and
an interrupting cue ('“A,” she said, “B.”') left out.

The printed span stays the citation (``ExtractedStatement.start``/``end``); ``quote`` is what
the speaker said, so pages can add their own marks without printing them twice.
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
