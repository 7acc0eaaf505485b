"""Speech marked by punctuation rather than a verb: transcripts, signed and introduced quotations.

"VARGA: Well, the question ..." (an interview transcript), '"....” ― Lidia Marsh' (a signed
quotation), 'Varga: “We will ...”' and 'Lidia Marsh, 34, a nurse ― “...”' (a name and a colon or
dash before the quotation). The mark is the cue.
"""

from __future__ import annotations

import re

from . import cues, reported
from .quotes import Quote
from .reported import Attribution

WORD = re.compile(r"\w+")
MIN_WORDS = 3  # a transcript line shorter than this is a stage direction ("LAUGHTER: yes.")
# a name and a colon or dash before a quotation is an introduction only when the prefix is short
MAX_PREFIX_WORDS = 15
# how far back from the colon to look for the bare name that introduces the quotation
NAME_LOOKBACK_CHARS = 80
# a quotation introduced by a bare name and a colon: "Varga: “We will ...”"
COLON_SPEAKER = re.compile(r"(?:^|[.!?]\s+)((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*:\s*$")
# The first character of the dash that signs a quotation (SIGNATURE): the cue of a signed quotation
SIGNATURE_MARKS = ("―", "—", "–", "-")
SIGNATURE = re.compile(r"^\s*(?:―|—|--|–)\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\.?\s*$")
TRANSCRIPT = re.compile(r"^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s+")


def _words(s: str) -> int:
    return len(WORD.findall(s))


def transcript_quotes(text: str, paragraphs, quotes: list[Quote]) -> list[Quote]:
    """Interview transcripts: "PENCE: Well, the question ..." is the speaker's own words."""
    have = {q.paragraph for q in quotes}
    out = []
    for p, (ps, pe) in enumerate(paragraphs):
        if p in have:
            continue
        m = TRANSCRIPT.match(text[ps:pe])
        if m and _words(text[ps + m.end() : pe]) >= MIN_WORDS:
            out.append(Quote(ps + m.end(), pe, p, run=-(p + 1)))
    return out


# "made the following comment:", "issued this statement:"
INTRODUCING_NOUNS = cues.SAID_NOUNS | cues.SPEECH_NOUNS
# "The governor added:" / "Limbaugh continued:": a short paragraph of a speaker and a cue, ending in a
# colon, introduces the next paragraph as a block quotation (web pages set such quotations apart
# without marks).
INTRODUCTION_MAX_WORDS = 12
INTRODUCING_CUE = re.compile(
    r"\b(?:said|says|added|adds|continued|continues|wrote|writes|told|tells|tweeted|declared|explained"
    r"|remarked|stated|replied|responded|answered|argued|insisted|warned|asked)\b"
)


def block_quotes(text: str, paragraphs, quotes: list[Quote]) -> list[Quote]:
    """A paragraph without quotation marks after "X added:" is X's words, set apart as a block."""
    have = {q.paragraph for q in quotes}
    out = []
    for p in range(1, len(paragraphs)):
        ps, pe = paragraphs[p]
        intro = text[paragraphs[p - 1][0] : paragraphs[p - 1][1]].strip()
        if (
            p in have
            or p - 1 in have
            or not intro.endswith(":")
            or _words(intro) > INTRODUCTION_MAX_WORDS
            or not INTRODUCING_CUE.search(intro)
            or _words(text[ps:pe]) < MIN_WORDS
        ):
            continue
        out.append(Quote(ps, pe, p, run=-(p + 1), block=True))
    return out


def introduces_next(article, p: int) -> bool:
    """Does paragraph p end in a colon before a paragraph that is a quotation from its start?"""
    ps, pe = article.paragraphs[p]
    nxt = article.by_para.get(p + 1, [])
    return (
        article.text[ps:pe].rstrip().endswith(":")
        and bool(nxt)
        and nxt[0].start <= article.paragraphs[p + 1][0] + 1
    )


def introduction(doc, offset: int, paragraph: int) -> Attribution | None:
    """The speaker and cue of "The governor added:" or "Varga made the following comment:"
    before a quotation set apart in the next paragraph, or None."""
    for tok in reversed(doc):
        if tok.pos_ in ("VERB", "AUX") and reported.is_speech_verb(tok):
            cue, subject = tok, reported.speaker_of(tok)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in INTRODUCING_NOUNS:
            by = [g for c in tok.children if c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
            if by:
                cue, subject = tok, by[0]  # "how the website rated this statement by Lund:"
            elif tok.head.lemma_ in cues.ISSUING_VERBS:
                cue = tok.head  # "made the following comment:", "issued this statement:"
                subject = reported.speaker_of(cue)
            else:
                return None
        else:
            continue
        return None if subject is None else reported.attribution_for(paragraph, offset, cue, subject)
    return None


def colon_attributions(
    doc, offset: int, paragraph: int, para_quotes: list[Quote], text: str
) -> list[Attribution]:
    """'Name: "quote"' in transcripts, 'Name, 34, Phoenix ― "quote"' in vox pops: the mark is the cue."""
    out = []
    para_end = offset + len(doc.text)
    for q in para_quotes:
        for finder in (_quoted_transcript, _signed, _introduced):
            found, a = finder(doc, offset, paragraph, q, text, para_end)
            if found:
                if a is not None:
                    out.append(a)
                break
    return out


def _quoted_transcript(doc, offset, paragraph, q, text, para_end):
    """'"VARGA: Well, the question ...': a transcript line inside quotation marks names its speaker."""
    inner = text[q.start : q.end].lstrip("“”\"'` ")
    tm = TRANSCRIPT.match(inner)
    if not tm or q.start - offset >= 3:
        return False, None
    rel = q.end - len(inner) - offset
    name_toks = [t for t in doc if rel <= t.idx < rel + tm.end(1) and not t.is_punct]
    if not name_toks:
        return True, None
    tok = name_toks[-1]
    cue_at = offset + rel + tm.end(1)
    return True, Attribution(
        paragraph=paragraph,
        cue=":",
        cue_start=cue_at,
        cue_end=cue_at + 1,
        sent_start=q.start,
        sent_end=para_end,
        subject=tok,
        speaker_start=offset + name_toks[0].idx,
        speaker_end=offset + tok.idx + len(tok),
    )


def _signed(doc, offset, paragraph, q, text, para_end):
    """'"...." ― Lidia Marsh': a signed quotation."""
    after = SIGNATURE.match(text[q.end : para_end])
    if not after:
        return False, None
    rel = q.end - offset + after.start(1)
    name_toks = [t for t in doc if t.idx >= rel and not t.is_punct]
    if not name_toks:
        return True, None
    tok = name_toks[-1]
    return True, Attribution(
        paragraph=paragraph,
        cue=after.group(0).strip()[:1],
        cue_start=q.end,
        cue_end=q.end + 1,
        sent_start=q.start,
        sent_end=para_end,
        subject=tok,
        speaker_start=offset + name_toks[0].idx,
        speaker_end=offset + tok.idx + len(tok),
    )


def _introduced(doc, offset, paragraph, q, text, para_end):
    """'Varga: “We will ...”', 'Lidia Marsh, 34, a nurse ― “...”': a short name prefix and a mark."""
    stripped = text[offset : q.start].rstrip()
    n_words = _words(stripped)
    if not stripped.endswith((":", "―", "—", "--")) or n_words > MAX_PREFIX_WORDS or n_words == 0:
        return False, None
    if (
        stripped.endswith(":")
        and not COLON_SPEAKER.search(stripped[-NAME_LOOKBACK_CHARS:] + " ")
        and not TRANSCRIPT.match(stripped + " ")
    ):
        return False, None
    name_end = offset + len(stripped) - 1  # the colon or dash
    rel = name_end - offset
    toks = [t for t in doc if t.idx < rel and not t.is_punct]
    tok = next((t for t in toks if t.ent_type_ == "PERSON"), None)
    if tok is not None:
        # the last word of the first name in the prefix
        while (
            tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I" and doc[tok.i + 1].ent_type_ == "PERSON"
        ):
            tok = doc[tok.i + 1]
    elif stripped.endswith(":") and toks:
        tok = toks[-1]
    if tok is None or tok.pos_ not in ("PROPN", "NOUN"):
        return False, None
    sent = tok.sent
    return True, Attribution(
        paragraph=paragraph,
        cue=":",
        cue_start=name_end,
        cue_end=name_end + 1,
        sent_start=offset + sent.start_char,
        sent_end=offset + sent.end_char,
        subject=tok,
        speaker_start=offset + tok.left_edge.idx,
        speaker_end=offset + tok.idx + len(tok),
    )
