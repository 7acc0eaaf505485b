"""Topics, stance and targets of a statement.

Topics are defined by analysts as ``[{"name": ..., "description": ..., "keywords": [...]}]``.
A keyword match scores; when the caller passes ``embed(texts) -> vectors`` (for example a
sentence-embedding model installed on the Django side) cosine similarity between the quote and
the topic's name, description and keywords scores too. A statement no analyst topic fits gets a
suggested new topic when its most salient noun phrase recurs in another statement of the
article. Stance is a lexicon suggestion that an analyst confirms, never a verdict.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from .types import TopicSuggestion

WORD = re.compile(r"[\w’'-]+")

SUPPORT = frozenset(
    """
    support supports supported supporting back backs backed backing welcome welcomes welcomed ready
    favour favor favours favors endorse endorses endorsed agree agrees agreed committed commit pledge
    pledged stands stand necessary essential vital must need needs should urge urged ensure approve
    approved praise praised good great right open willing proud
    """.split()
)
OPPOSE = frozenset(
    """
    oppose opposes opposed opposing reject rejects rejected rejecting against never unacceptable
    dangerous reckless wrong war threat threatens escalate escalation condemn condemned condemns
    dismiss dismissed deny denied refuse refused ban block blocked stop halt bad terrible disaster
    disgrace shameful illegal outrage outrageous mistake fail failed failure scumbags lie lies
    """.split()
)
NEGATION = frozenset("not no never n't cannot without hardly".split())

# words a suggested topic never starts or ends with, nor consists of
STOP = frozenset(
    """
    a an the this that these those his her its their our your my i you he she it we they them us him
    me who whom which what whose some any all each every no other such own same more most many much
    few several one two three first last next new old year years time times way thing things people
    and or but of to in on at by for with from as about into over after before than then there here
    is are was were be been being have has had do does did will would can could should may might must
    not very also just only even still already now today tomorrow yesterday week month day lot part
    something nothing everything anything someone everyone mr mrs ms
    """.split()
)
SUGGESTION_SCORE = 0.3  # below any analyst topic that matched (those start at the threshold)

Embedder = Callable[[Sequence[str]], Sequence[Sequence[float]]]


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def _cos(a, b) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=False))
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(y * y for y in b))
    return dot / (na * nb) if na and nb else 0.0


def stance(text: str) -> tuple[str, float]:
    """('support' | 'oppose' | 'neutral', confidence) from a small lexicon, flipping after a negation."""
    words = _words(text)
    score = 0
    hits = 0
    for i, w in enumerate(words):
        val = 1 if w in SUPPORT else -1 if w in OPPOSE else 0
        if not val:
            continue
        if any(x in NEGATION for x in words[max(0, i - 3) : i]) and w != "never":
            val = -val
        score += val
        hits += 1
    if not hits:
        return "neutral", 0.2
    conf = min(0.9, 0.3 + 0.15 * abs(score))
    if score > 0:
        return "support", conf
    if score < 0:
        return "oppose", conf
    return "neutral", 0.3


def describe_topic(topic: dict) -> str:
    """What an embedder reads for a topic: its name, description and keywords."""
    text = topic["name"]
    descr = (topic.get("description") or "").strip().rstrip(".")
    if descr:
        text += ": " + descr
    keywords = [k for k in topic.get("keywords", []) if k]
    if keywords:
        text += (". " if descr else ": ") + ", ".join(keywords)
    return text


def assign(
    quotes: list[str],
    topics: list[dict] | None,
    embed: Embedder | None = None,
    threshold: float = 0.35,
    phrases: list[list[str]] | None = None,
) -> list[list[TopicSuggestion]]:
    """For each quote, the topics it matches, best first; a quote that matches none gets a
    suggested new topic (see ``suggest``). ``phrases`` are each quote's noun phrases (from the
    parse); without them, runs of content words stand in."""
    out: list[list[TopicSuggestion]] = [[] for _ in quotes]
    if topics is None or not quotes:
        return out
    if topics:
        _match(quotes, topics, embed, threshold, out)
    for qi, sugg in enumerate(suggest(quotes, phrases)):
        if not out[qi] and sugg is not None:
            out[qi].append(sugg)
    return out


def _match(quotes, topics, embed, threshold, out) -> None:
    # a keyword matches its singular or plural ("troops" finds "troop deployment")
    kw = [
        [
            re.compile(r"\b" + re.escape(k.lower().removesuffix("s")) + r"(?:s|es)?\b")
            for k in t.get("keywords", [])
            if k
        ]
        for t in topics
    ]
    sims = None
    if embed is not None:
        # one batch for quotes and topic descriptions: embedding calls are the slow part
        descr = [describe_topic(t) for t in topics]
        vecs = list(embed(list(quotes) + descr))
        qv, tv = vecs[: len(quotes)], vecs[len(quotes) :]
        sims = [[_cos(q, t) for t in tv] for q in qv]
    for qi, quote in enumerate(quotes):
        low = quote.lower()
        for ti, topic in enumerate(topics):
            hits = sum(1 for k in kw[ti] if k.search(low))
            score = min(1.0, 0.4 + 0.2 * hits) if hits else 0.0
            if sims is not None:
                score = max(score, sims[qi][ti])
            if score >= threshold:
                st, conf = stance(quote)
                out[qi].append(
                    TopicSuggestion(
                        topic=topic["name"],
                        score=round(score, 3),
                        stance=st,
                        stance_confidence=round(conf, 2),
                    )
                )
        out[qi].sort(key=lambda s: -s.score)


def _clean_phrase(phrase: str) -> str:
    """Lower-case content words of a phrase, stop words trimmed from both ends; "" if none left."""
    words = [w.lower().strip("'’-") for w in WORD.findall(phrase)]
    words = [w for w in words if w]
    while words and (words[0] in STOP or words[0].isdigit()):
        words.pop(0)
    while words and (words[-1] in STOP or words[-1].isdigit()):
        words.pop()
    if not words or len(words) > 4 or all(w in STOP for w in words):
        return ""
    return " ".join(words)


def _fallback_phrases(quote: str) -> list[str]:
    """Runs of content words (2-4) and single longer words, when no parse is at hand."""
    out: list[str] = []
    run: list[str] = []
    for w in [*_words(quote), ""]:
        if w and w not in STOP and not w.isdigit():
            run.append(w)
            continue
        if len(run) >= 2:
            out.append(" ".join(run[-4:]))
        out.extend(x for x in run if len(x) >= 5)
        run = []
    return out


def _occurs(phrase: str, low_quote: str) -> int:
    stem = phrase.removesuffix("s")
    return len(re.findall(r"\b" + re.escape(stem) + r"(?:s|es)?\b", low_quote))


def suggest(quotes: list[str], phrases: list[list[str]] | None = None) -> list[TopicSuggestion | None]:
    """A suggested new topic per quote: its most salient noun phrase (a multi-word chunk or a noun)
    that also occurs in another statement of the article, in Title Case; None when there is none.

    Salience: statements it occurs in, then words in the phrase, then uses in this quote, then
    first position (so the choice is the same on every run)."""
    lows = [q.lower() for q in quotes]
    out: list[TopicSuggestion | None] = []
    for qi, quote in enumerate(quotes):
        cands = phrases[qi] if phrases is not None and qi < len(phrases) else _fallback_phrases(quote)
        best = None
        for pos, raw in enumerate(cands):
            ph = _clean_phrase(raw)
            if not ph or (len(ph.split()) == 1 and len(ph) < 4):
                continue
            spread = sum(1 for low in lows if _occurs(ph, low))
            if spread < 2:
                continue
            key = (spread, len(ph.split()), _occurs(ph, lows[qi]), -pos)
            if best is None or key > best[0]:
                best = (key, ph)
        if best is None:
            out.append(None)
            continue
        name = " ".join(w[:1].upper() + w[1:] for w in best[1].split())
        st, conf = stance(quote)
        score = min(0.5, SUGGESTION_SCORE + 0.02 * min(best[0][0] - 2, 2))
        out.append(
            TopicSuggestion(
                topic=name, score=round(score, 3), stance=st, stance_confidence=round(conf, 2), suggested=True
            )
        )
    return out


def targets(quote: str, person_names: list[str], addressed: list[str] | None = None) -> list[str]:
    """Persons a statement is about: those named (full name or surname) in the quote, plus addressees."""
    found: list[str] = []
    low = quote.lower()
    for name in person_names:
        parts = name.split()
        if not parts:
            continue
        if re.search(r"\b" + re.escape(parts[-1].lower()) + r"\b", low) and name not in found:
            found.append(name)
    for name in addressed or []:
        if name and name not in found:
            found.append(name)
    return found


def noun_phrases(start: int, end: int, paragraphs, docs) -> list[str]:
    """Noun chunks inside text[start:end], and their head nouns, in text order: topic candidates."""
    out: list[str] = []
    for (ps, pe), doc in zip(paragraphs, docs, strict=True):
        if pe <= start or ps >= end:
            continue
        for chunk in doc.noun_chunks:
            cs, ce = ps + chunk.start_char, ps + chunk.end_char
            if cs < start or ce > end or chunk.root.pos_ == "PRON":
                continue
            words = [t for t in chunk if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.is_stop]
            if len(words) >= 2:
                out.append(" ".join(t.text for t in words))
            if chunk.root.pos_ == "NOUN" and not chunk.root.is_stop:
                out.append(chunk.root.text)
    return out


def attach(
    statements, paragraphs, docs, topic_defs: list[dict] | None, embed: Embedder | None = None
) -> None:
    """Stage 7: set each statement's ``topics`` (analyst topics it matches, or a suggested one)."""
    if topic_defs is None:
        return
    phrases = [noun_phrases(st.start, st.end, paragraphs, docs) for st in statements]
    suggestions = assign([st.quote for st in statements], topic_defs, embed, phrases=phrases)
    for st, sugg in zip(statements, suggestions, strict=True):
        st.topics = sugg
