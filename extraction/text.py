"""Separate an article's body from its page furniture, keeping offsets into the original text.

Nothing here rewrites the text: every paragraph is a (start, end) pair into the string the
caller passed in, so each extracted quote can be checked as ``text[start:end]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A line that starts one of these ends the article: what follows is sharing widgets, comment
# forms and links to other stories.
FURNITURE = re.compile(
    r"^\s*[\"“]?(?:share this (?:article|story|post)|shareable url|related(?: articles| stories| posts| coverage"
    r"| content| news| reading| topics)?\s*:?$|leave a (?:reply|comment)|read next|read more\s*:?$"
    r"|next (?:post|article|story)|prev(?:ious)? (?:post|article|story)|you may also like"
    r"|more from\b|recommended for you|sign up for\b|subscribe to\b|comments?\s*(?:\(\d+\))?$"
    r"|most (?:read|popular)\s*$|trending now|about the author|tags?\s*:|filed under\b"
    r"|copyright\s|©|all rights reserved|follow (?:us|\w+(?: \w+)?) on (?:twitter|x|facebook|instagram)\b)",
    re.IGNORECASE,
)

# Lines that are not body text wherever they stand.
BYLINE = re.compile(
    r"^\s*(?:by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and)\s*[A-Z][\w.'’ -]+){0,3}\s*$"
    r"|(?:associated press|reuters|afp|agence france-presse|bloomberg|upi)\s*$"
    r"|(?:published|updated|posted)\s*:?\s*\w+.*\d{4}.*$)",
    re.IGNORECASE,
)
CREDIT = re.compile(
    r"(?:\((?:AP|Reuters|AFP|Getty)[^)]*(?:Photo|Images)[^)]*\)|\bphoto(?:graph)?\s*(?:by|:|credit)"
    r"|\bimage\s*(?:by|:|credit)|\bcredit\s*:|getty images|\bAP Photo\b|/\s*(?:Reuters|AFP|AP)\s*$"
    r"|\bfile photo\b)",
    re.IGNORECASE,
)
PLACEHOLDER = re.compile(r"^\s*(?:<[^>]*>|\[[^\]]*\])\s*$")
CALL_TO_ACTION = re.compile(
    r"^\s*(?:watch|listen|click here|read(?: more| next| also)?|see also|photos?|video|correction|clarification|update|editor'?s note)\b\s*:",
    re.IGNORECASE,
)
NYT_ABSTRACT = re.compile(r"^\s*ABSTRACT\.?\s*$")
NYT_FULLTEXT = re.compile(r"^\s*FULL TEXT\.?\s*$")
# "WASHINGTON (AP) — ", "NEWPORT NEWS, Va. - ", "LOS ANGELES, Sept. 28 (UPI) — " open a story.
DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:,\s+\w+\.?\s+\d{1,2})?"
    r"\s*(?:\([A-Za-z. ]+\))?\s*(?:-|—|–|--)\s+"
)
SENTENCE_END = re.compile(r"[.!?\"”’'):]\s*$")


@dataclass
class Body:
    """Where the article's own prose lies in ``text``."""

    text: str
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    headline: tuple[int, int] | None = None
    skipped: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, why)


def _lines(text: str):
    """Yield (start, end) of every non-blank line, stripped of outer whitespace."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            yield pos + lead, pos + lead + len(stripped)
        pos += len(raw)


def _is_caption(line: str) -> bool:
    # A photo credit, or a short line that reads like a caption ("Keir Starmer in London on
    # Monday. (Photo: ...)"). Captions without a credit look like prose and are kept.
    return bool(CREDIT.search(line)) and len(line.split()) <= 60


def split_body(text: str) -> Body:
    """Find headline, body paragraphs and furniture. Offsets are into ``text``."""
    body = Body(text=text)
    lines = list(_lines(text))
    if not lines:
        return body
    first = 0
    # NYT archive copy: headline, ABSTRACT., summary, FULL TEXT., body.
    for i, (s, e) in enumerate(lines[:8]):
        if NYT_FULLTEXT.match(text[s:e]) and any(NYT_ABSTRACT.match(text[a:b]) for a, b in lines[:i]):
            body.headline = (lines[0][0], e)
            first = i + 1
            break
    if body.headline is None and len(lines) > 1:
        s, e = lines[0]
        head = text[s:e]
        # A headline is a short first line; a one-paragraph text, a long lead or a line that opens
        # with a dateline ("LONDON — The minister said ...") is body.
        n_words = len(head.split())
        if n_words <= 22 and not DATELINE.match(head) and not (n_words > 14 and head.rstrip().endswith(("”", '"'))):
            first = 1
            end = e
            # A deck line after a headline that ends in ";" (USA Today) belongs to the headline.
            if head.rstrip().endswith(";") and len(lines) > 2:
                end = lines[1][1]
                first = 2
            body.headline = (s, end)
    paragraphs: list[tuple[int, int]] = []
    for s, e in lines[first:]:
        line = text[s:e]
        if FURNITURE.match(line) and len(line.split()) <= 8:
            body.skipped.append((s, len(text), "furniture"))
            break
        if PLACEHOLDER.match(line):
            body.skipped.append((s, e, "placeholder"))
            continue
        if BYLINE.match(line) and len(line.split()) <= 10:
            body.skipped.append((s, e, "byline"))
            continue
        if NYT_ABSTRACT.match(line) or NYT_FULLTEXT.match(line):
            body.skipped.append((s, e, "label"))
            continue
        if _is_caption(line) or CALL_TO_ACTION.match(line):
            body.skipped.append((s, e, "caption"))
            continue
        # Hard-wrapped prose: a line that stops mid-sentence and a next line in lower case are
        # one paragraph.
        if paragraphs and not SENTENCE_END.search(text[paragraphs[-1][0]:paragraphs[-1][1]]) and line[:1].islower():
            paragraphs[-1] = (paragraphs[-1][0], e)
            continue
        m = DATELINE.match(line)
        if m:
            body.skipped.append((s, s + m.end(), "dateline"))
            s += m.end()
        paragraphs.append((s, e))
    body.paragraphs = paragraphs
    return body
