"""Stage 6: statements out of spans and speakers: dates, platform, targets, confidence.

Also drops a statement nested in another of the same speaker ("dismissed the plan, saying that
..." gives two cues for one message).
"""

from __future__ import annotations

import re

from . import cues, dates, speakers, wording
from . import topics as topics_mod
from .article import Article
from .reported import Attribution
from .spans import Span
from .speaker_resolution import attributions_in_order
from .speakers import PersonIndex
from .types import ExtractedStatement, Kind, SpeakerMention, SpeakerType

WRITE_CUES = frozenset("wrote writes write posted posts post tweeted tweets added continued".split())
PLATFORMS = [
    (re.compile(r"\b(?:on X|tweet(?:ed|s)?|Twitter|X post|posted on X|posting on X)\b"), "X"),
    (re.compile(r"\bTelegram\b"), "Telegram"),
    (re.compile(r"\bFacebook\b"), "Facebook"),
    (re.compile(r"\bInstagram\b"), "Instagram"),
    (re.compile(r"\bTruth Social\b"), "Truth Social"),
    (re.compile(r"\b(?:on|told) (?:CNN|Fox News|MSNBC|BBC|NBC|CBS|ABC|television|TV|radio)\b"), "television"),
    (re.compile(r"\b(?:told|in) (?:Parliament|the House of Commons|the Senate|Congress)\b"), "parliament"),
]
ADDRESS = re.compile(r"\b(?:you|your|yours|they|them|their)\b", re.IGNORECASE)
# A written statement keeps the platform its speaker was last seen on for this many paragraphs.
PLATFORM_CARRY_PARAGRAPHS = 2
# Two statements of one speaker are one message when they overlap by this share of the shorter.
NESTED_OVERLAP = 0.8
# Base confidence by kind: quotation marks make a direct quotation the surest; reported speech
# depends on the parse finding the clause's end.
CONFIDENCE = {Kind.DIRECT: 0.9, Kind.MIXED: 0.75, Kind.INDIRECT: 0.65}
# A speaker found through a pronoun or a description is more often wrong than a named one.
RESOLVED_PENALTY = 0.15
# An organisation or group speaker is less often what the reader wants than a person.
NOT_PERSON_PENALTY = 0.05


def assemble(
    article: Article, spans: list[Span], mention_of: dict[int, SpeakerMention | None], index: PersonIndex
) -> list[ExtractedStatement]:
    person_names = _target_names(index)
    addressed = _addressed(index, attributions_in_order(spans), mention_of)
    platforms = _Platforms(article)
    out: list[ExtractedStatement] = []
    seen: set[tuple[int, int]] = set()
    for sp in spans:
        a = sp.attribution
        mention = mention_of.get(id(a))
        if mention is None or (sp.start, sp.end) in seen:
            continue
        seen.add((sp.start, sp.end))
        d, prec, basis, dtext = dates.find_date(_context(article.text, a), article.published)
        quote, quoted = _words_of(article, sp)
        if not quote:
            continue
        hearers = addressed.get(id(a)) if ADDRESS.search(quote) else None
        out.append(
            ExtractedStatement(
                speaker=SpeakerMention(**vars(mention)),
                quote=quote,
                kind=sp.kind,
                cue=a.cue,
                start=sp.start,
                end=sp.end,
                date=d,
                date_precision=prec,
                date_basis=basis,
                date_text=dtext,
                targets=[n for n in topics_mod.targets(quote, person_names, hearers) if n != mention.name],
                platform=platforms.of(a, mention.name),
                confidence=confidence(sp.kind, mention),
                quoted_spans=quoted,
            )
        )
    return drop_nested(out)


def _words_of(article: Article, sp: Span) -> tuple[str, list[tuple[int, int]]]:
    """The statement's words, and a mixed statement's quoted fragments among them."""
    if sp.kind == Kind.MIXED:
        return wording.mixed_words(article.text, sp.start, sp.end, article.quotes_over(sp.start, sp.end))
    return wording.speaker_words(article.text, sp.pieces, direct=sp.kind == Kind.DIRECT), []


def _target_names(index: PersonIndex) -> list[str]:
    """People a quotation can be about: full names only (a one-word "person" is often a place)."""
    names = {m.person.name for m in index.mentions if " " in m.person.name}
    # longest first (a full name before a shorter one inside it), then by name: the same text always
    # gives its targets in the same order, whatever order the set holds them in
    return sorted((n for n in names if not speakers.is_place_name(n)), key=lambda n: (-len(n), n))


class _Platforms:
    """Where each statement was made ("on X", "on television"), carried over to a speaker's next
    written words ('Writing on X, Brandt attacked ...' / '"...," he wrote.')."""

    def __init__(self, article: Article):
        self.article = article
        self.last: dict[str, tuple[str, int]] = {}

    def of(self, a: Attribution, speaker: str) -> str:
        text = self.article.text
        sentence = text[a.sent_start : a.sent_end] if a.sent_end > a.sent_start else _context(text, a)
        platform = platform_of(sentence)
        if platform:
            self.last[speaker] = (platform, a.paragraph)
        elif a.cue.lower() in WRITE_CUES:
            if speaker in self.last and a.paragraph - self.last[speaker][1] <= PLATFORM_CARRY_PARAGRAPHS:
                platform = self.last[speaker][0]
            else:
                before = self.article.paragraphs[max(0, a.paragraph - 1)][0]
                platform = platform_of(text[before : a.cue_start])
        return platform


def platform_of(sentence: str) -> str:
    for rx, name in PLATFORMS:
        if rx.search(sentence):
            return name
    return ""


def _context(text: str, a: Attribution) -> str:
    """The sentence of the cue without the reported content: where "last month" is said of the cue."""
    s, e = a.sent_start, a.sent_end
    if a.content is not None:
        cs, ce = a.content
        if s <= cs and ce <= e:
            return text[s:cs] + " " + text[ce:e]
    return text[s:e]


def _addressed(index: PersonIndex, atts: list[Attribution], mention_of) -> dict[int, list[str]]:
    """For each attribution, the people its speaker was last seen acting on ("attacked Varga and
    Okafor"): a quotation that then says "you" or "they" is addressed to them."""
    out: dict[int, list[str]] = {}
    last: dict[str, list[str]] = {}
    for a in atts:
        m = mention_of.get(id(a))
        if m is None:
            continue
        spans = [(a.sent_start, a.sent_end)]
        # the speaker's own last sentence as subject in this or the previous paragraph
        own = [
            x
            for x in index.mentions
            if x.person.name == m.name
            and x.is_subject
            and x.start < a.cue_start
            and a.paragraph - 1 <= x.paragraph <= a.paragraph
            and x.sent_start >= 0
        ]
        if own:
            spans.append((own[-1].sent_start, own[-1].sent_end))
        objs = [
            x.person.name
            for x in index.mentions
            if any(s <= x.start < e for s, e in spans)
            and not x.is_subject
            and x.person.name != m.name
            and " " in x.person.name
            and not speakers.is_place_name(x.person.name)
        ]
        if objs:
            last[m.name] = list(dict.fromkeys(objs))
        out[id(a)] = last.get(m.name, [])
    return out


def confidence(kind: str, mention: SpeakerMention) -> float:
    c = CONFIDENCE[kind]
    if mention.resolved_from in ("pronoun", "description"):
        c -= RESOLVED_PENALTY
    if mention.type != SpeakerType.PERSON:
        c -= NOT_PERSON_PENALTY
    return round(c, 2)


def drop_nested(stmts: list[ExtractedStatement]) -> list[ExtractedStatement]:
    """One statement per stretch of words and speaker: "dismissed the notion, stating that ..." gives
    two cues for one message; keep the speech verb over the topic verb, else the longer span."""
    drop: set[int] = set()
    for i, a in enumerate(stmts):
        for b in stmts[i + 1 :]:
            if b.start >= a.end:
                break
            if a.speaker.name != b.speaker.name:
                continue
            overlap = min(a.end, b.end) - max(a.start, b.start)
            if overlap < NESTED_OVERLAP * min(a.end - a.start, b.end - b.start):
                continue
            inner, outer = (b, a) if b.end - b.start <= a.end - a.start else (a, b)
            loser = outer if _is_topic_cue(outer.cue) and not _is_topic_cue(inner.cue) else inner
            drop.add(id(loser))
    return [s for s in stmts if id(s) not in drop]


def _is_topic_cue(cue: str) -> bool:
    low = cue.lower()
    return any(low.startswith(v[:5]) for v in cues.TOPIC_VERBS)
