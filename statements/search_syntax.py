"""Web-search syntax, read the way PostgreSQL's websearch_to_tsquery reads it, written for SQLite FTS5.

    offshore wind          both words
    "offshore wind"        the phrase
    wind -cable            wind, and not cable (also -"a phrase")
    wind or solar          either (OR binds loosest: a b or c = (a b) | c)

Anything else is text. The output never lets user input reach FTS5's own syntax: every word
or phrase becomes an FTS5 string ("..." with quotes doubled), so no input can make a MATCH
expression that SQLite rejects. Words without a letter or digit are dropped, as PostgreSQL's
parser drops punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A quoted phrase (closed or running to the end), or a run of other non-space characters.
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


@dataclass
class Group:
    """Terms that must all hold; an OR-separated query is a list of these."""

    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)


def _has_text(value: str) -> bool:
    return any(char.isalnum() for char in value)


def _fts_string(text: str) -> str:
    words = [word for word in text.split() if _has_text(word)]
    return '"' + " ".join(words).replace('"', '""') + '"'


def parse(query: str) -> list[Group]:
    """The OR-groups of a web-search query; groups with nothing to look for are left out."""
    groups, current, pending_or = [], Group(), False
    for match in _TOKEN.finditer(query):
        negated = bool(match.group(1) or match.group(3))
        text = match.group(2) if match.group(2) is not None else match.group(4)
        is_phrase = match.group(2) is not None
        if not is_phrase and not negated and text.lower() == "or":
            pending_or = True
            continue
        if not _has_text(text):
            continue
        if pending_or and (current.include or current.exclude):
            groups.append(current)
            current = Group()
        pending_or = False
        (current.exclude if negated else current.include).append(_fts_string(text))
    groups.append(current)
    return [group for group in groups if group.include or group.exclude]


def group_match(group: Group) -> str | None:
    """FTS5 MATCH text for a group's included terms, with its exclusions (None: no included term)."""
    if not group.include:
        return None
    expression = " AND ".join(group.include)
    for term in group.exclude:
        expression = f"({expression}) NOT {term}"
    return expression


def any_match(terms: list[str]) -> str:
    return " OR ".join(terms)
