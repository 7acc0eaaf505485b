"""Stage 4: the stretch of text each statement covers, and its kind.

Reported content comes from the parse (the cue's clause or object), widened to a quotation the
parse cut in two and cut where the speaker's clause ends; quotations a cue owns become direct
statements; a quoted sentence interrupted by its own cue is one statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import quotes as quotes_mod
from .article import Article
from .ownership import MIN_WORDS, Ownership, is_quoted
from .reported import Attribution
from .types import Kind

WORD = re.compile(r"\w+")
# Where reported content usually stops: a new clause after a semicolon or dash, a non-restrictive
# relative clause, the circumstances of the remark ("during the debate", "with jabs at ...").
TAIL_CLAUSE = re.compile(r";|\s[—―–]\s|\s--\s")
TAIL_OBJECT = re.compile(
    r";|\s[—―–]\s|\s--\s|,\s(?:which|who|with|as well as|while|after|before)\s|\s(?:during|after|before)\s"
)
# The reporter telling of a second speech act inside a quotation's attribution (", adding",
# ", asking", "before asking her"): the quotation's parts around it are two remarks.
SECOND_SPEECH_ACT = re.compile(
    r",\s+(?:adding|asking|asserting|emphasi[sz]ing|noting|explaining|insisting|arguing|suggesting"
    r"|responding|answering|joking|warning|recalling)\b|\s(?:before|after|while)\s+[a-z]+ing\b"
)
# ... or saying what the first part was about (", referring to the audit."), when the sentence
# ends there; a gesture or circumstance mid-sentence (", pointing to the fields, “and ...") does not.
REPORTER_FRAME = re.compile(r",\s+(?:referring|speaking\s+(?:of|about)|citing)\b")
DASHES = ("—", "―", "–", "--")
QUOTE_OPENING = re.compile(r"\s*(?:``|''|[“\"])")
# "...: A, B and C." after a reported clause: at most this many words are taken in.
COLON_AFTER = re.compile(r"\s*:\s+")
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
COLON_LIST_MAX_WORDS = 40
# A tail marker this early is part of the message ("said that — for now — ..."), not its end.
TAIL_MIN_WORDS = 4


@dataclass
class Span:
    start: int
    end: int
    kind: str
    attribution: Attribution
    # the printed fragments of a quotation interrupted by its own cue; empty for one piece
    fragments: list[tuple[int, int]] = field(default_factory=list)
    run: int = -1  # a direct statement's quotation run (quotes.Quote.run)

    @property
    def pieces(self) -> list[tuple[int, int]]:
        return self.fragments or [(self.start, self.end)]


def _words(s: str) -> int:
    return len(WORD.findall(s))


def statement_spans(
    article: Article, atts_by_para: dict[int, list[Attribution]], own: Ownership
) -> list[Span]:
    """Every statement's span, kind and cue, in text order (a longer span first at one start)."""
    spans, direct_atts = _reported_spans(article, atts_by_para, own)
    mixed = [(s.start, s.end) for s in spans if s.kind == Kind.MIXED]
    # a quotation inside someone's mixed statement ('He called Burma a "good news story"') is part of
    # it, whichever cue the quotation was given to
    spans += [
        d
        for d in _direct_spans(article, own, direct_atts)
        if not any(s <= d.start and d.end <= e for s, e in mixed)
    ]
    spans = merge_quotation_parts(spans, article.text)
    spans = [s for s in spans if _words(article.text[s.start : s.end]) >= MIN_WORDS]
    spans.sort(key=lambda s: (s.start, -s.end))
    return _without_nested_reports(spans)


def _without_nested_reports(spans: list[Span]) -> list[Span]:
    """ "Ekdal said every party had agreed that the threat had grown": the inner cue and its content
    lie inside Ekdal's words, so they are part of his statement, not a statement of "every party"."""
    reported = [s for s in spans if s.kind != Kind.DIRECT]
    return [
        s
        for s in spans
        if s.kind == Kind.DIRECT
        or not any(
            o is not s
            and o.attribution is not s.attribution
            and o.start <= s.start
            and s.end <= o.end
            and o.start <= min(s.attribution.cue_start, s.attribution.speaker_start)
            and max(s.attribution.cue_start, s.attribution.speaker_start) < o.end
            for o in reported
        )
    ]


def _reported_spans(article: Article, atts_by_para, own: Ownership) -> tuple[list[Span], set[int]]:
    """Indirect and mixed statements; and the cues whose content is just their quotation."""
    text, quotes = article.text, article.quotes
    out: list[Span] = []
    direct_atts: set[int] = set()
    for p in sorted(atts_by_para):
        for a in atts_by_para[p]:
            if a.content is None:
                continue
            cs, ce = a.content
            inner = [q for q in article.by_para.get(p, []) if id(q) in own.contained and own.of(q) is a]
            cs = _after_colon_frame(text, cs, inner, a)
            ce = _before_speaker_phrase(text, ce, inner, a)
            ins, out_letters = quotes_mod.quoted_letters(text, quotes, cs, ce)
            out_letters -= _own_phrase_letters(text, a, cs, ce)
            if inner and is_quoted(ins, out_letters):
                direct_atts.add(id(a))  # the content is the quotation: emitted as direct
                continue
            if inner:
                cs, ce = min(cs, min(q.start for q in inner)), max(ce, max(q.end for q in inner))
            cs, ce = _widen_to_quotes(article, p, cs, ce)
            # a passive's content holds its cue ("Oz — a surgeon — has been called a charlatan by
            # ..."): only what follows the cue can be a tail
            tail_from = a.cue_end if cs < a.cue_start < ce else cs
            ce = cut_tail(text, tail_from, ce, article.in_quote, a.clause)
            if a.clause and not a.according_to:
                ce = _through_colon_list(text, ce, article.paragraphs[p][1], article.in_quote)
            ins, _ = quotes_mod.quoted_letters(text, quotes, cs, ce)
            out.append(Span(cs, ce, Kind.MIXED if ins > 0 else Kind.INDIRECT, a))
    return out, direct_atts


def _through_colon_list(text: str, ce: int, para_end: int, in_quote) -> int:
    """ "notes that two changes arrive together: fares are falling, boats are newer.": what
    follows a colon closing the reported clause spells it out, to the end of the sentence."""
    m = COLON_AFTER.match(text, ce, para_end)
    if m is None:
        return ce
    end = SENTENCE_END.search(text, m.end(), para_end)
    stop = end.start() if end else para_end
    if in_quote(m.end()) or _words(text[m.end() : stop]) > COLON_LIST_MAX_WORDS:
        return ce
    return stop


def _after_colon_frame(text: str, cs: int, inner: list, a: Attribution) -> int:
    """'Senator Ruiz scolded him: "..." she said': the narration before a colon that opens the
    quotation is the reporter's frame, not the speaker's words; the statement starts at the quote."""
    if not inner or a.cue_start < max(q.end for q in inner):
        return cs
    first = min(q.start for q in inner)
    return first if cs < first and text[cs:first].rstrip().endswith(":") else cs


# Words between a closing quotation mark and the speaker that can only open the speaker's phrase
# ('"...," Tulsa police Chief Ana Ruiz said': the parser made "Tulsa" a verb of the content).
SPEAKER_PREFIX_MAX_WORDS = 2


def _before_speaker_phrase(text: str, ce: int, inner: list, a: Attribution) -> int:
    """A content that runs past its quotation up to the speaker ends at the quotation."""
    if not inner or ce > a.speaker_start or text[ce : a.speaker_start].strip():
        return ce
    last = max(q.end for q in inner)
    tail = text[last:ce]
    return last if last < ce and _words(tail) <= SPEAKER_PREFIX_MAX_WORDS and "\n" not in tail else ce


def _own_phrase_letters(text: str, a: Attribution, cs: int, ce: int) -> int:
    """Letters of the cue's own "he added" when the parse put it inside its content ('"A," he
    added, "B."'): they are no frame of the reporter's around the quotation."""
    s, e = min(a.cue_start, a.speaker_start), max(a.cue_end, a.speaker_end)
    if not (cs <= s and e <= ce):
        return 0
    return sum(ch.isalpha() for ch in text[s:e])


def _widen_to_quotes(article: Article, p: int, cs: int, ce: int) -> tuple[int, int]:
    """A content the parse ended (or began) inside a quotation takes the whole quotation."""
    for q in article.by_para.get(p, []):
        if cs < q.start < ce < q.end and q.closed:
            ce = q.end
        elif q.start < cs < q.end <= ce:
            cs = q.start
    return cs, ce


def _direct_spans(article: Article, own: Ownership, direct_atts: set[int]) -> list[Span]:
    out = []
    for q in article.quotes:
        a = own.of(q)
        if a is None:
            continue
        if id(q) in own.contained and id(a) not in direct_atts:
            continue  # part of a mixed statement
        out.append(Span(q.start, q.end, Kind.DIRECT, a, run=q.run))
    return out


def cut_tail(text: str, s: int, e: int, in_quote, clause: bool) -> int:
    """End of the reported content: cut at the first tail marker outside quotation marks."""
    rx = TAIL_CLAUSE if clause else TAIL_OBJECT
    for m in rx.finditer(text, s, e):
        if _words(text[s : m.start()]) >= TAIL_MIN_WORDS and not in_quote(m.start()):
            if m.group().strip() in DASHES and QUOTE_OPENING.match(text, m.end()):
                continue  # '... overlooked -- "the captain but also the deckhand"': the speaker's words
            return m.start()
    return e


def merge_quotation_parts(spans: list[Span], text: str) -> list[Span]:
    """One quotation, one statement: the parts of a quotation around its own cue ('"A," he said,
    "and B."', '"A," said X, a lawyer. "B."') and the paragraphs of a quotation that runs over
    several are joined. Narration between two quotations ('"A," X said. He left. "B."') keeps
    them apart."""
    spans.sort(key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for r in spans:
        if out and _continues(out[-1], r, text):
            last = out[-1]
            out[-1] = Span(
                last.start, r.end, last.kind, last.attribution, [*last.pieces, *r.pieces], last.run
            )
            continue
        out.append(r)
    return out


def _continues(last: Span, r: Span, text: str) -> bool:
    a = last.attribution
    if last.kind != Kind.DIRECT or r.kind != Kind.DIRECT or r.attribution is not a:
        return False
    if last.run >= 0 and last.run == r.run:
        return True  # the next paragraph of one quotation
    gap = text[last.end : r.start]
    # only the cue's own sentence between the parts, in one paragraph, and no second remark or
    # framing by the reporter ('"A," X said, referring to the audit. "B."')
    return (
        "\n" not in gap
        and last.end <= a.cue_start < r.start
        and not text[max(last.end, a.sent_end) : r.start].strip()
        and not SECOND_SPEECH_ACT.search(gap)
        and not (REPORTER_FRAME.search(gap) and gap.rstrip()[-1:] in ".!?")
    )
