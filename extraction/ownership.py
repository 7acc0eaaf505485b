"""Stage 3: which attribution each quotation belongs to.

A quotation takes the cue whose content holds it ('said the plan was "dead"'), else the cue right
before or after it ('"...," she said' / 'She said: "..."'); a quotation over several paragraphs
has one speaker; a paragraph that is all quotation takes the speaker of the paragraph before or
after; a full quoted sentence later in a paragraph keeps the paragraph's first speaker.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from . import quotes as quotes_mod
from .article import Article
from .colon import SIGNATURE_MARKS
from .quotes import Quote
from .reported import Attribution

WORD = re.compile(r"\w+")
MIN_WORDS = 3  # a quotation shorter than this is a scare quote or a label, not a statement
# A content "is" a quotation when the letters outside the marks are at most this many, or this
# share: the parse often takes in a stray "he said" or a comma around the quoted words.
QUOTED_SLACK_LETTERS = 3
QUOTED_SLACK_SHARE = 0.1
# '"...," she said': at most this many words between the closing mark and the cue phrase.
TRAILING_CUE_GAP_WORDS = 3
# '"... ." He also said that ...': a cue whose own content starts this close after it has its own
# message and does not take the quotation before it.
OWN_CONTENT_CHARS = 40
# 'She said: "..."': up to this many words between cue and opening mark, or up to
# LEAD_IN_WORDS_WITH_MARK when they end in a colon or comma ('told reporters on Monday: "...').
LEAD_IN_WORDS = 2
LEAD_IN_WORDS_WITH_MARK = 12
# A paragraph is a standalone quotation when at least this share of its letters is quoted.
STANDALONE_SHARE = 0.8
# A quotation ends its paragraph when it closes within this many characters of the end.
ENDS_PARAGRAPH_CHARS = 40
# A later quoted sentence of a paragraph keeps its first speaker only when it is this long.
LATER_SENTENCE_MIN_WORDS = 5


@dataclass
class Ownership:
    owner: dict[int, Attribution] = field(default_factory=dict)  # id(quote) -> attribution
    contained: set[int] = field(default_factory=set)  # id(quote) of quotations inside a cue's content

    def of(self, q: Quote) -> Attribution | None:
        return self.owner.get(id(q))


def _words(s: str) -> int:
    return len(WORD.findall(s))


def is_quoted(ins: int, out: int) -> bool:
    """Letters inside and outside quotation marks: is this stretch the quotation itself?"""
    return ins > 0 and out <= max(QUOTED_SLACK_LETTERS, QUOTED_SLACK_SHARE * (ins + out))


def mark_quoted_content(article: Article, atts_by_para: dict[int, list[Attribution]]) -> None:
    """An attribution whose content is all quotation is a cue for direct speech."""
    for atts in atts_by_para.values():
        for a in atts:
            if a.content is not None:
                a.quoted_content = is_quoted(
                    *quotes_mod.quoted_letters(article.text, article.quotes, *a.content)
                )


def assign_owners(article: Article, atts_by_para: dict[int, list[Attribution]]) -> Ownership:
    own = Ownership()
    _own_by_cue(article, atts_by_para, own)
    _own_by_signature(article, own)
    _share_runs(article, own)
    _own_standalone_paragraphs(article, atts_by_para, own)
    _own_later_sentences(article, own)
    return own


def _own_by_cue(article: Article, atts_by_para, own: Ownership) -> None:
    for p, qs in article.by_para.items():
        atts = atts_by_para.get(p, [])
        for q in qs:
            a = next((a for a in atts if a.cue == ":" and q.start <= a.cue_start < q.end), None)
            if a is not None:  # a transcript line inside quotation marks names its own speaker
                own.owner[id(q)] = a
                continue
            a = _containing(q, atts)
            if a is not None:
                own.owner[id(q)] = a
                own.contained.add(id(q))
                continue
            a = _adjacent(q, atts, qs, article.text)
            if a is not None:
                own.owner[id(q)] = a


def _own_by_signature(article: Article, own: Ownership) -> None:
    """'“A.” And that is all. “B.” ― Lidia Marsh': a signature closing a paragraph signs every
    quotation in it, not only the last."""
    for qs in article.by_para.values():
        a = own.owner.get(id(qs[-1]))
        if a is None or a.cue not in SIGNATURE_MARKS or a.cue_start != qs[-1].end:
            continue
        for q in qs[:-1]:
            own.owner.setdefault(id(q), a)


def _share_runs(article: Article, own: Ownership) -> None:
    """A quotation over several paragraphs has one speaker."""
    runs: dict[int, list[Quote]] = defaultdict(list)
    for q in article.quotes:
        runs[q.run].append(q)
    for run in runs.values():
        a = next((own.owner[id(q)] for q in run if id(q) in own.owner), None)
        if a is not None:
            for q in run:
                own.owner.setdefault(id(q), a)


def _own_standalone_paragraphs(article: Article, atts_by_para, own: Ownership) -> None:
    """A quotation standing alone in its paragraph: the speaker of the paragraph before or after."""
    for p, qs in sorted(article.by_para.items()):
        ps, pe = article.paragraphs[p]
        for q in qs:
            if id(q) in own.owner or not _standalone(q, article.text, ps, pe, qs):
                continue
            a = _neighbour_speaker(p, article, atts_by_para, own)
            if a is not None:
                own.owner[id(q)] = a


def _own_later_sentences(article: Article, own: Ownership) -> None:
    """'"A," Ekwall said after the vote. He left early. "B."' -- B is Ekwall's too."""
    text = article.text
    for p, qs in article.by_para.items():
        first_owner = None
        for q in qs:
            if id(q) in own.owner:
                first_owner = first_owner or own.owner[id(q)]
                continue
            before = text[article.paragraphs[p][0] : q.start].rstrip()
            if (
                first_owner is not None
                and (not before or before.endswith((".", "!", "?", "”", '"')))
                and q.n_words(text) >= LATER_SENTENCE_MIN_WORDS
                and text[q.start : q.end].rstrip("”\"' ").endswith((".", "!", "?"))
            ):
                own.owner[id(q)] = first_owner


def _containing(q: Quote, atts: list[Attribution]) -> Attribution | None:
    """The attribution whose content holds most of this quotation (the smallest such content)."""
    best = None
    qlen = max(1, q.end - q.start)
    for a in atts:
        if a.content is None:
            continue
        cs, ce = a.content
        ov = min(ce, q.end) - max(cs, q.start)
        # most of the quotation is in the content, or the content is a clause inside the quotation
        # ('"A. B," he wrote' parses with only B as the content)
        if (ov * 2 >= qlen or (ov > 0 and q.start <= cs and ce <= q.end)) and (
            best is None or ce - cs < best.content[1] - best.content[0]
        ):
            best = a
    return best


def _adjacent(q: Quote, atts: list[Attribution], para_quotes: list[Quote], text: str) -> Attribution | None:
    """A cue right before or after the quotation: '"...," he said' / 'She said: "..."'."""
    best = None
    best_gap = 10**9
    for a in atts:
        a_s = min(a.cue_start, a.speaker_start)
        a_e = max(a.cue_end, a.speaker_end)
        if a.content is not None and a.content[0] < q.end and q.start < a.content[1]:
            continue  # its content is elsewhere in this quote's sentence: handled by _containing
        if a_s >= q.end:
            gap = text[q.end : a_s]
            if _words(gap) > TRAILING_CUE_GAP_WORDS or any(
                q.start < o.start < a_s for o in para_quotes if o is not q and o.start >= q.end
            ):
                continue
            if (
                a.content is not None
                and a.content[0] > a_e
                and a.content[0] - a_e < OWN_CONTENT_CHARS
                and not a.according_to
                and not a.quoted_content
            ):
                # "... .” He also said that ...": that cue has its own message
                continue
            dist = len(gap)
        elif a_e <= q.start:
            gap = text[a_e : q.start]
            gw = _words(gap)
            tail = gap.rstrip()
            if any(a_e <= o.start < q.start for o in para_quotes if o is not q):
                continue
            if (
                (a.content is None or a.quoted_content)
                and a.sent_end <= q.start
                and not text[a.sent_end : q.start].strip()
            ):
                # '"A," said X, a lawyer who ... . "B."': the quotation resumes after the cue's sentence
                dist = len(gap)
                if dist < best_gap:
                    best, best_gap = a, dist
                continue
            if not (gw <= LEAD_IN_WORDS or (gw <= LEAD_IN_WORDS_WITH_MARK and tail.endswith((":", ",")))):
                continue
            if a.content is not None and not a.quoted_content and not tail.endswith(":"):
                continue
            if gw and not tail.endswith((":", ",")) and not re.search(r"[:,]", gap):
                continue
            dist = len(gap)
        else:
            continue
        if dist < best_gap:
            best, best_gap = a, dist
    return best


def _standalone(q: Quote, text: str, ps: int, pe: int, para_quotes: list[Quote]) -> bool:
    """The paragraph is (nearly) all quotation: letters outside its quotes are few."""
    letters = sum(c.isalpha() for c in text[ps:pe])
    ins = sum(sum(c.isalpha() for c in text[o.start : o.end]) for o in para_quotes)
    return letters > 0 and ins >= STANDALONE_SHARE * letters and q.n_words(text) >= MIN_WORDS


def _neighbour_speaker(p: int, article: Article, atts_by_para, own: Ownership) -> Attribution | None:
    """The attribution of the quotation just before (or, failing that, just after) paragraph p."""
    by_para, paras, owner = article.by_para, article.paragraphs, own.owner
    prev = by_para.get(p - 1, [])
    if not prev and atts_by_para.get(p - 1):
        # 'Okafor said the ferry would run.' / '"The harbour is ready, ...'
        # ... or whoever introduces the quotation with a colon ('The governor added:')
        block = article.text[paras[p - 1][0] : paras[p - 1][1]].rstrip().endswith(":")
        named = [
            a
            for a in atts_by_para[p - 1]
            if a.subject is not None and (block or a.subject.pos_ in ("PROPN", "PRON"))
        ]
        if named:
            return named[-1]
    if prev:
        last = prev[-1]
        if id(last) in owner and last.end >= paras[p - 1][1] - ENDS_PARAGRAPH_CHARS:
            return owner[id(last)]
        if atts_by_para.get(p - 1):
            atts = [a for a in atts_by_para[p - 1] if id(a) in {id(owner.get(id(q))) for q in prev}]
            if atts:
                return atts[-1]
    nxt = by_para.get(p + 1, [])
    if nxt and nxt[0].start <= paras[p + 1][0] + 1 and id(nxt[0]) in owner:
        return owner[id(nxt[0])]
    return None
