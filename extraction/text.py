"""Separate an article's body from its page furniture, keeping offsets into the original text.

``split_body`` never rewrites the text: every paragraph is a (start, end) pair into the string
the caller passed in, so each extracted quote can be checked as ``text[start:end]``. HTML left
in pasted text is the one thing that must go first: ``strip_html`` is for the caller to run
before the text is stored or extracted, so that the offsets point into the text kept.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# A line that starts one of these closes the article when only furniture follows it: sharing
# widgets, comment forms, links to other stories.
FURNITURE_END = re.compile(
    r"^\s*[\"“]?(?:shareable url|related(?: articles| stories| posts| coverage"
    r"| content| news| reading| topics)?\s*:?$|leave a (?:reply|comment)|read next|read more\s*:?$"
    r"|next (?:post|article|story)|prev(?:ious)? (?:post|article|story)|you may also like"
    r"|more from\b|recommended for you|comments?\s*(?:\(\d+\))?$"
    r"|most (?:read|popular)\s*$|trending now|about the author|tags?\s*:|filed under\b"
    r"|copyright\s|©|all rights reserved)",
    re.IGNORECASE,
)
# Calls to share, follow or subscribe: pasted along with the article wherever they stood, and
# often in its middle; skipped, never taken as its end.
FURNITURE_INLINE = re.compile(
    r"^\s*[\"“]?(?:share this (?:article|story|post)|sign up for\b|subscribe to\b|subscribe\s*$"
    r"|follow (?:us|@?\w+(?: \w+){0,2}) on (?:twitter|x|facebook|instagram|threads|bluesky|linkedin)\b"
    r"|share (?:on|via) (?:twitter|x|facebook|whatsapp|email|linkedin)\b|(?:get|sign up for) our newsletter"
    r"|click (?:here|to share)|print this (?:article|page)|email this (?:article|story))",
    re.IGNORECASE,
)
FURNITURE_MAX_WORDS = 12  # a longer line opening with these words is prose about them

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


# A first line longer than this is a lead paragraph, never a headline.
HEADLINE_MAX_WORDS = 22
# A first line in sentence case ending in a full stop is a headline only this short ("Minister
# quits over memo.", as some archives print headlines); longer, it is the lead sentence.
HEADLINE_SENTENCE_MAX_WORDS = 16
# Words that open a clause or join a title; lower case even in a title-case headline.
SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of off on onto or over per than the to up via vs with nor so yet".split()
)
TITLE_CASE_SHARE = 0.8  # of the other words, at least this share capitalised reads as title case
# What a lead sentence says and a headline does not: the reporting verb in the past tense, the
# day of the remark, the perfect ("has ruled out": headlines say "rules out"), a verb in the past
# with its object ("accused the government": a headline's past participle is passive).
LEAD_SIGNAL = re.compile(
    r"\b(?:said|told|announced|warned|added|insisted|argued|stated|declared|explained|claimed|wrote|confirmed"
    r"|yesterday|today|tonight|this (?:morning|afternoon|evening|week)|last (?:week|month|night)"
    r"|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:has|have|had) (?:not |never |already |now )?\w+(?:ed|en|wn|ne|ld|ht)\b"
    r"|\w{3,}ed (?:the|a|an|his|her|their|its|that|this)\b)",
    re.IGNORECASE,
)
PROSE_END = re.compile(r"[.!?][\"”’')]*\s*$")
FULL_STOP_END = re.compile(r"\.[\"”’'»)]*\s*$")
# A paragraph longer than this is parsed in pieces cut at sentence ends: spaCy refuses one text
# over its max_length (1,000,000 characters, E088), and one huge Doc is what memory cannot bound.
MAX_PARAGRAPH_CHARS = 5_000
SENTENCE_BREAK = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘'(]?[A-Z0-9])")


# Markup that only HTML has: a known element's tag, or a character reference ("&rsquo;", "&#8220;").
HTML_TAG = re.compile(
    r"</?(?:p|div|br|span|a|b|i|u|em|strong|h[1-6]|li|ul|ol|blockquote|q|script|style|table|tbody|tr|td|th|img"
    r"|figure|figcaption|section|article|header|footer|nav|aside|html|body|head|title|meta|link|iframe|noscript"
    r"|font|small|sup|sub|time|cite|abbr|hr|pre|picture|source|svg|button|form|input|label)\b[^<>]*>"
    r"|<!--.*?-->|<!doctype html[^>]*>",
    re.IGNORECASE | re.DOTALL,
)
HTML_ENTITY = re.compile(r"&(?:#\d{2,7}|#x[0-9a-f]{2,6}|[a-z][a-z0-9]{1,31});", re.IGNORECASE)
# Elements that end a paragraph (or a line, for <br>) where the text had one.
HTML_BREAK = re.compile(
    r"<(?:/?(?:p|div|h[1-6]|li|ul|ol|blockquote|tr|table|section|article|header|footer|figure|figcaption"
    r"|aside|nav|pre|title)\b[^<>]*|hr\b[^<>]*)>",
    re.IGNORECASE,
)
HTML_LINE_BREAK = re.compile(r"<br\b[^<>]*>", re.IGNORECASE)
# Elements whose content is never article text.
HTML_DROP_CONTENT = {"script", "style", "noscript", "template", "iframe", "svg", "button", "form", "head"}


def has_html(text: str) -> bool:
    return bool(HTML_TAG.search(text) or HTML_ENTITY.search(text))


def strip_html(text: str) -> str:
    """Plain text from text with HTML left in it: block elements become paragraph breaks, other
    tags go (keeping their words), scripts and styles go whole, character references are
    decoded. Text without HTML comes back unchanged."""
    if HTML_TAG.search(text):
        import nh3  # the HTML sanitiser the project pins; imported here so plain text never pays for it

        text = HTML_LINE_BREAK.sub("\n", HTML_BREAK.sub("\n\n", text))
        text = nh3.clean(text, tags=set(), clean_content_tags=HTML_DROP_CONTENT, strip_comments=True)
    elif not HTML_ENTITY.search(text):
        return text
    text = html.unescape(text).replace("\u00a0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


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


def _folded(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.casefold()))


def is_title_case(line: str) -> bool:
    """Most words other than the small ones capitalised: "Minister Warns of Copper 'Cliff'"."""
    words = [w.strip("\"“”‘’'()[]:;,.!?—–-") for w in line.split()]
    words = [w for w in words if w and w[0].isalpha() and w.lower() not in SMALL_WORDS]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def reads_like_headline(line: str, title: str | None = None) -> bool:
    """A first line is a headline when it is the title given, or reads like one: short, and no
    final full stop or title case or (short, no lead sentence's words). A lead sentence is body."""
    if title and _folded(line) == _folded(title):
        return True
    n_words = len(line.split())
    if n_words > HEADLINE_MAX_WORDS or DATELINE.match(line):
        return False
    if n_words > 14 and line.rstrip().endswith(("”", '"')):
        return False  # a quoted remark with its attribution: the lead
    if not FULL_STOP_END.search(line) or is_title_case(line):
        return True
    return n_words <= HEADLINE_SENTENCE_MAX_WORDS and not LEAD_SIGNAL.search(line)


def _find_headline(text: str, lines: list[tuple[int, int]], body: Body, title: str | None) -> int:
    """Set ``body.headline`` and return the index of the first line after it."""
    # NYT archive copy: headline, ABSTRACT., summary, FULL TEXT., body.
    for i, (_s, e) in enumerate(lines[:8]):
        if NYT_FULLTEXT.match(text[_s:e]) and any(NYT_ABSTRACT.match(text[a:b]) for a, b in lines[:i]):
            body.headline = (lines[0][0], e)
            return i + 1
    if len(lines) < 2:
        return 0
    s, e = lines[0]
    head = text[s:e]
    if not reads_like_headline(head, title):
        return 0
    # A deck line after a headline that ends in ";" (USA Today) belongs to the headline.
    if head.rstrip().endswith(";") and len(lines) > 2:
        body.headline = (s, lines[1][1])
        return 2
    body.headline = (s, e)
    return 1


def _prose_words(text: str, lines: list[tuple[int, int]]) -> int:
    """Words in lines that read as article prose (a sentence ending, several words, not furniture)."""
    total = 0
    for s, e in lines:
        line = text[s:e]
        n = len(line.split())
        if n >= 8 and PROSE_END.search(line) and not FURNITURE_END.match(line):
            total += n
    return total


def _classify(line: str) -> str:
    """Why a body line is not prose ("" when it is)."""
    n_words = len(line.split())
    if n_words <= FURNITURE_MAX_WORDS and FURNITURE_INLINE.match(line):
        return "furniture"
    if PLACEHOLDER.match(line):
        return "placeholder"
    if BYLINE.match(line) and n_words <= 10:
        return "byline"
    if NYT_ABSTRACT.match(line) or NYT_FULLTEXT.match(line):
        return "label"
    if _is_caption(line) or CALL_TO_ACTION.match(line):
        return "caption"
    return ""


def split_paragraph(text: str, s: int, e: int, limit: int = MAX_PARAGRAPH_CHARS) -> list[tuple[int, int]]:
    """A paragraph as pieces of at most ``limit`` characters cut at sentence ends (at a space
    when a sentence is longer still). Short paragraphs come back whole."""
    pieces = []
    while e - s > limit:
        cut = None
        for m in SENTENCE_BREAK.finditer(text, s, s + limit):
            if m.end() - s > limit // 4:
                cut = m.end()
        if cut is None:
            space = text.rfind(" ", s + limit // 2, s + limit)
            cut = space + 1 if space > 0 else s + limit
        end = cut
        while end > s and text[end - 1].isspace():
            end -= 1
        pieces.append((s, end))
        s = cut
    pieces.append((s, e))
    return pieces


def split_body(text: str, title: str | None = None) -> Body:
    """Find headline, body paragraphs and furniture. Offsets are into ``text``.

    ``title`` is the article's title when known apart from the text: a first line that repeats
    it is the headline.
    """
    body = Body(text=text)
    lines = list(_lines(text))
    if not lines:
        return body
    first = _find_headline(text, lines, body, title)
    paragraphs: list[tuple[int, int]] = []
    for i in range(first, len(lines)):
        s, e = lines[i]
        line = text[s:e]
        if FURNITURE_END.match(line) and len(line.split()) <= FURNITURE_MAX_WORDS:
            # The end of the article when what follows is shorter than what came before: a
            # "Related" list, comments. In the middle of a long text it is one line to skip.
            before = sum(len(text[a:b].split()) for a, b in paragraphs)
            if _prose_words(text, lines[i + 1 :]) < before:
                body.skipped.append((s, len(text), "furniture"))
                break
            body.skipped.append((s, e, "furniture"))
            continue
        why = _classify(line)
        if why:
            body.skipped.append((s, e, why))
            continue
        # Hard-wrapped prose: a line that stops mid-sentence and a next line in lower case are
        # one paragraph.
        if (
            paragraphs
            and not SENTENCE_END.search(text[paragraphs[-1][0] : paragraphs[-1][1]])
            and line[:1].islower()
        ):
            paragraphs[-1] = (paragraphs[-1][0], e)
            continue
        m = DATELINE.match(line)
        if m:
            body.skipped.append((s, s + m.end(), "dateline"))
            s += m.end()
        paragraphs.append((s, e))
    body.paragraphs = [piece for s, e in paragraphs for piece in split_paragraph(text, s, e)]
    return body
