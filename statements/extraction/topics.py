"""Topics, stance and targets of a statement.

Topics are defined by analysts as ``[{"name": ..., "keywords": [...]}]``. A keyword match
scores; when the caller passes ``embed(texts) -> vectors`` (for example a sentence-embedding
model installed on the Django side) cosine similarity between the quote and the topic name
plus keywords scores too. Stance is a lexicon suggestion that an analyst confirms, never a
verdict.
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
        if any(x in NEGATION for x in words[max(0, i - 3):i]) and w != "never":
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


def assign(quotes: list[str], topics: list[dict] | None, embed: Embedder | None = None,
           threshold: float = 0.35) -> list[list[TopicSuggestion]]:
    """For each quote, the topics it matches, best first."""
    out: list[list[TopicSuggestion]] = [[] for _ in quotes]
    if not topics or not quotes:
        return out
    # a keyword matches its singular or plural ("troops" finds "troop deployment")
    kw = [[re.compile(r"\b" + re.escape(k.lower().removesuffix("s")) + r"(?:s|es)?\b") for k in t.get("keywords", []) if k]
          for t in topics]
    sims = None
    if embed is not None:
        # one batch for quotes and topic descriptions: embedding calls are the slow part
        descr = [t["name"] + ": " + ", ".join(t.get("keywords", [])) for t in topics]
        vecs = list(embed(list(quotes) + descr))
        qv, tv = vecs[: len(quotes)], vecs[len(quotes):]
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
                out[qi].append(TopicSuggestion(topic=topic["name"], score=round(score, 3), stance=st,
                                               stance_confidence=round(conf, 2)))
        out[qi].sort(key=lambda s: -s.score)
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
