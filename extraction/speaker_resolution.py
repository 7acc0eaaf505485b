"""Stage 5: who each attribution's speaker is, in text order so pronouns can look back.

"he" and "they" are resolved against the people named before and the speakers already seen;
a surname or a description ("the minister") is joined to the full name by ``speakers.describe``.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from . import names, roles, speakers
from .article import Article
from .reported import Attribution
from .spans import Span
from .speakers import PersonIndex
from .types import SpeakerMention, SpeakerType

# (position, name, type, named): the speakers seen so far, for pronouns to look back on
History = list[tuple[int, str, str, bool]]


class Blocked:
    """Is a position inside a quotation or a statement's span (names there are nobody's antecedent)?"""

    def __init__(self, article: Article, spans: list[Span]):
        blocked = sorted([(q.start, q.end) for q in article.quotes] + [(s.start, s.end) for s in spans])
        self.starts = [s for s, _ in blocked]
        self.max_end: list[int] = []
        m = -1
        for _, e in blocked:
            m = max(m, e)
            self.max_end.append(m)

    def __call__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.max_end[i]


def attributions_in_order(spans: list[Span]) -> list[Attribution]:
    return sorted({id(s.attribution): s.attribution for s in spans}.values(), key=lambda a: a.cue_start)


def resolve_speakers(
    article: Article, spans: list[Span], index: PersonIndex
) -> dict[int, SpeakerMention | None]:
    """id(attribution) -> its speaker, or None when the text does not say who it is."""
    blocked = Blocked(article, spans)
    author = byline_author(article)
    mention_of: dict[int, SpeakerMention | None] = {}
    history: History = []
    for a in attributions_in_order(spans):
        mention = _mention(a, index, history, blocked, author)
        mention_of[id(a)] = mention
        if mention is not None:
            history.append((a.speaker_start, mention.name, mention.type, _counts_as_named(mention)))
            if mention.type == SpeakerType.PERSON and names.looks_like_person_name(mention.name):
                # a full name the tagger missed ("from Annika Lindqvist, who said"): a later
                # "Lindqvist" joins it
                index.person(mention.name)
    return mention_of


def _mention(
    a: Attribution, index: PersonIndex, history: History, blocked: Blocked, author: str
) -> SpeakerMention | None:
    mention, pronoun = speakers.describe(a.subject, index, at=a.speaker_start)
    if pronoun == "i":
        if not author:
            return None
        # "I argued last year that ..." outside any quotation: the writer of the piece
        mention.name, mention.type, mention.resolved_from = author, SpeakerType.PERSON, "byline"
        return mention
    if pronoun:
        name, typ = speakers.resolve_pronoun(pronoun, a.speaker_start, a.paragraph, index, history, blocked)
        if not name:
            return None
        mention.name, mention.type = name, typ
        _take_title(mention, index.person(name) if typ == SpeakerType.PERSON else None)
    if not mention.name:
        return None
    if (
        mention.type == SpeakerType.PERSON
        and not mention.resolved_from
        and not names.looks_like_person_name(mention.name)
    ):
        _description_in_focus(mention, a, index, history, blocked)
    if mention.type == SpeakerType.ORGANIZATION and not mention.resolved_from:
        body = speakers.body_in_focus(a.subject, a.speaker_start, history)
        if body:
            mention.name, mention.organization, mention.resolved_from = body, body, "description"
    _org_of_spokesman(mention, a.subject)
    return mention


def _description_in_focus(
    mention: SpeakerMention, a: Attribution, index: PersonIndex, history, blocked
) -> None:
    person = speakers.person_in_focus(a.subject, a.speaker_start, index, history, blocked)
    if person is None:
        return
    mention.name, mention.resolved_from = person.name, "description"
    _take_title(mention, person)


BYLINE_NAME = re.compile(
    r"^\s*by\s+([A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|van|von|de|der|den|da|di|le|la)){1,4})\s*$", re.I
)


def byline_author(article: Article) -> str:
    """The one author a byline names ("By Grace Okafor"), or "" (none, or several)."""
    for start, end, why in article.body.skipped:
        if why == "byline":
            m = BYLINE_NAME.match(article.text[start:end])
            if m and names.looks_like_person_name(m.group(1)):
                return m.group(1)
    return ""


def _counts_as_named(mention: SpeakerMention) -> bool:
    """Can a later "he" refer back to this speaker? A name can; "one questioner" cannot."""
    return mention.resolved_from in ("pronoun", "surname", "description") or names.looks_like_person_name(
        mention.name
    )


def _take_title(mention: SpeakerMention, person) -> None:
    """A pronoun resolved to a person takes the office the article gave that person."""
    if person is None or not person.title:
        return
    mention.role, mention.country = person.title.get("role", ""), person.title.get("country", "")
    mention.organization = person.title.get("organization", "")
    mention.role_is_former = person.title.get("role_is_former", False)


def _org_of_spokesman(mention: SpeakerMention, subject) -> None:
    """'The ministry turned the offer down, with spokesman Tomas Ekwall saying ...': the body the
    sentence is about employs the spokesman."""
    if not mention.role.lower().startswith("spokes") or mention.organization or subject is None:
        return
    root = subject.sent.root
    for c in root.children:
        if c.i == subject.i:
            continue  # "Merrill says ..." with the spokesman's own name tagged an organisation
        if c.dep_ == "nsubj" and (c.ent_type_ == "ORG" or c.lower_ in roles.INSTITUTIONS):
            mention.organization = c.text
            mention.country = mention.country or roles.INSTITUTIONS.get(c.lower_, "")
            return
