"""Reported speech from the dependency parse: who is said to have said what.

Each speech cue outside quotation marks ("said", "warned", "according to") yields an
``Attribution``: the cue, the subject that speaks, and the content clause. "X said (that) S",
"S, X said.", "X told reporters S", "according to X, S", "X urged Y to ...". Quotation marks
are not looked at here except to skip cues that stand inside someone's quoted words.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Container
from dataclasses import dataclass, field

from . import cues, names, roles

SUBJECT_DEPS = ("nsubj",)  # a passive subject ("X was accused") is the target, not the speaker
# "said in a statement on Monday that ...": a hanging "that" further from the cue is another verb's.
HANGING_THAT_MAX_TOKENS = 12
# Complements that carry the message when a cue has no clause ("urged them to", "accused X of").
COMPLEMENT_DEPS = ("dobj", "dative", "xcomp", "prep", "oprd", "attr", "ccomp", "advcl", "npadvmod")
# Prepositional phrases after a cue that say when or where it was said, not what.
SETTING_PREPS = frozenset("in on at during after before at with via through from by over while".split())
DURATION_UNITS = frozenset("second minute hour day week month year".split())
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday week month year morning
    evening night afternoon weekend""".split()
)


@dataclass
class Attribution:
    paragraph: int
    cue: str
    cue_start: int
    cue_end: int
    sent_start: int
    sent_end: int
    subject: object | None = None  # the spaCy token heading the speaker phrase
    speaker_start: int = -1
    speaker_end: int = -1
    content: tuple[int, int] | None = None
    according_to: bool = False
    quoted_content: bool = False  # the content lies inside quotation marks
    clause: bool = True  # the content is a clause ("said that ..."), not an object ("urged X to ...")
    quotes: list = field(default_factory=list)  # quotes attached to this cue


class QuoteMask:
    """Answers "is this character inside a quotation?" for one paragraph in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def covers(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def _lemma(tok) -> str:
    return _verb_lemma(tok) or tok.lemma_.lower()


def _verb_lemma(tok) -> str:
    """The verb lemma of a cue; "warning" tagged as a noun but heading a clause counts as "warn"."""
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        lemma = tok.lemma_.lower()
        for c in tok.children:
            if c.dep_ in ("prt", "prep") and (lemma, c.lower_) in cues.PHRASAL_CUES:
                return cues.PHRASAL_CUES[(lemma, c.lower_)]
        return lemma
    low = tok.lower_
    if low.endswith("ing") and any(c.dep_ in ("nsubj", "ccomp") for c in tok.children):
        stem = low[:-3]
        for cand in (stem, stem + "e", stem[:-1]):
            if cues.is_speech_lemma(cand):
                return cand
    return ""


RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def _some_of_whom(subject) -> bool:
    """ "the families, many of whom said ...": part of the antecedent speaks."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in ("whom", "which") for g in c.children)
        for c in subject.children
    )


def _antecedent(noun):
    """The person a relative clause's noun stands for: "Varga is a veteran and a critic who said
    ...": the critic is Varga, the subject the noun is said of."""
    head = noun
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    if noun.ent_type_ != "PERSON" and head.dep_ == "appos" and head.head.ent_type_ == "PERSON":
        return head.head  # "Ruth Albers, a clerk at the ministry who said ...": Albers
    if noun.ent_type_ == "PERSON" or head.dep_ != "attr" or head.head.lemma_ != "be":
        return noun
    verb = head.head
    for _ in range(3):  # "X incites ... and is a liar": the subject of the first verb
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None or verb.dep_ != "conj":
            break
        verb = verb.head
    if subject is not None and (subject.ent_type_ == "PERSON" or subject.pos_ == "PROPN"):
        return subject
    return noun


def _subject(cue, mask=None):
    """The speaker token for a cue, climbing through "X said A and added B", "..., accusing them".
    A subject inside quotation marks belongs to the quoted words, not to the cue."""
    shown = _shown_speaking(cue)
    if shown is not None:
        return shown
    tok = cue
    for _ in range(4):
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and not (mask and mask.covers(c.idx))]
        if subjects:
            subject = _named_over_described(min(subjects, key=lambda c: abs(c.i - cue.i)), subjects)
            if (subject.lower_ in RELATIVE_PRONOUNS or _some_of_whom(subject)) and tok.dep_ == "relcl":
                # "Senator Ana Ruiz, who said ...": the antecedent speaks
                return _antecedent(_nearest_of_list(tok.head, subject))
            return _name_before_cue(subject, cue)
        found, tok = _climb(tok)
        if found is not None:
            return found
        if tok is None:
            break
    # a parse that hung the speaker elsewhere: "... of the Harbour Gazette Okafor said that ..."
    j = cue.i - 1
    while j >= 0 and cue.doc[j].dep_ in ("aux", "advmod", "neg") and j > cue.i - 4:
        j -= 1
    if (
        j >= 0
        and cue.doc[j].dep_ != "compound"
        and (
            cue.doc[j].ent_type_ == "PERSON"
            or (
                cue.doc[j].pos_ == "PROPN"
                and cue.doc[j].ent_type_ in ("", "ORG")
                and cue.doc[j].dep_ == "pobj"
            )
        )
    ):
        return cue.doc[j]
    # "said Lidia Marsh" parsed with the name as an object or appositive
    for child in cue.children:
        if child.dep_ in ("dobj", "attr", "npadvmod") and child.i > cue.i and child.ent_type_ == "PERSON":
            return child
    return None


def _shown_speaking(cue):
    """ "The ad uses footage of Anna Berg asking, ...": the person the footage is of speaks, whatever
    verb the parser hung the participle on."""
    if cue.tag_ != "VBG" or cue.i == 0:
        return None
    before = cue.doc[cue.i - 1]
    if before.ent_type_ == "PERSON" and before.dep_ == "pobj" and before.head.lower_ == "of":
        return before
    return None


def _nearest_of_list(head, relative):
    """ "... Ana Ruiz, Tomas Lund and Sven Ekdal, who joked ...": a relative clause the parser hung on
    an earlier name of a list belongs to the name right before "who"."""
    j = relative.i - 1
    while j > head.i and relative.doc[j].is_punct:
        j -= 1
    nearest = relative.doc[j]
    if nearest.i > head.i and nearest.ent_type_ == "PERSON" and nearest in head.conjuncts:
        return nearest
    return head


def _named_over_described(subject, subjects):
    """ "Ivo Marsh, the secretary general of the league, vowed ...": the parser made both the name and
    its appositive subjects of the cue; the name speaks."""
    if subject.ent_type_ == "PERSON":
        return subject
    ordered = sorted(subjects, key=lambda t: t.i)
    if len(ordered) > 1 and all(
        _list_separator(subject.doc[a.right_edge.i + 1 : b.left_edge.i])
        for a, b in itertools.pairwise(ordered)
    ):
        return ordered[0]  # "The family, fishermen and harbour leaders demanded": a list, led by its first
    for other in subjects:
        if other.ent_type_ == "PERSON" and other.i < subject.i:
            between = subject.doc[other.i + 1 : subject.left_edge.i]
            if len(between) == 1 and between[0].text == ",":
                return other
    return subject


def _list_separator(tokens) -> bool:
    """Do these tokens only separate the items of a list (", ", ", and ")?"""
    return any(t.text == "," for t in tokens) and all(t.text == "," or t.dep_ == "cc" for t in tokens)


def _name_before_cue(subject, cue):
    """ "To understand the real Lund, Chief Justice Holt said, ...": two names joined by a bare comma
    (as a pair or as a name and its appositive) are a misparse; the name right before the cue is
    the speaker."""
    if any(c.dep_ == "cc" for c in subject.children):
        return subject  # "Lund and Holt said": both
    for c in subject.children:
        if (
            (c.dep_ == "conj" or (c.dep_ == "appos" and subject.ent_type_ == "PERSON"))
            and subject.i < c.i < cue.i
            and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")
            and all(t.dep_ in ("aux", "advmod", "neg") for t in cue.doc[c.i + 1 : cue.i])
        ):
            return c
    return subject


def _climb(tok):
    """One step up from a cue without a subject of its own: (the speaker, None) when this step
    finds it, (None, the token to look at next), or (None, None) when there is nowhere to go."""
    head = tok.head
    if tok.dep_ == "relcl" and head.pos_ in ("PROPN", "NOUN", "PRON"):
        return head, None  # "Okafor, who said ..."
    if tok.dep_ == "acl" and head.pos_ in ("PROPN", "NOUN"):
        if (
            head.lemma_.lower() in cues.SPEECH_NOUNS | cues.OCCASION_NOUNS
            and head.head.lemma_ in cues.ISSUING_VERBS
        ):
            return None, head.head  # "issued a statement saying ...": whoever issued it
        return head, None  # "a statement saying ...", "with Ekwall adding that ..."
    if tok.dep_ == "pcomp" and head.dep_ == "prep":
        verb = head.head
        while verb.dep_ == "advmod" and verb.pos_ == "ADV" and verb.head != verb:
            verb = verb.head  # "..., aside from saying ...": past the adverb to the verb it modifies
        quoted = (
            [c for c in verb.children if c.dep_ == "dobj"]
            if verb.lemma_ == "quote" and head.lower_ == "as"
            else []
        )
        if quoted:
            return quoted[0], None  # "The Gazette quoted Ruth Albers as saying ...": she said it
        return None, verb
    if tok.dep_ == "conj" and _coordinated_with_the_outer_cue(tok):
        return None, head.head
    if tok.dep_ == "advcl" and _participle_after_the_reported_clause(tok):
        return None, head.head
    if tok.dep_ in ("conj", "xcomp", "advcl") and head != tok:
        return None, head
    return None, None


def _coordinated_with_the_outer_cue(tok) -> bool:
    """ "Berg said the nation would publish a plan and suggested that ...": a speech verb the parser
    coordinated with the reported clause's predicate belongs with the cue that reports it, when
    the two differ in form ("would publish" / "suggested", "was late" / "urged"). Same
    forms ("said Berg resigned and blamed the council") stay with the clause's subject."""
    head = tok.head
    outer = head.head
    return (
        bool(_verb_lemma(tok))
        and cues.is_speech_lemma(_verb_lemma(tok))
        and (head.dep_ == "ccomp" or (head.dep_ == "advcl" and head.left_edge.lower_ == "that"))
        and outer.pos_ == "VERB"
        and cues.is_speech_lemma(_verb_lemma(outer))
        and (head.pos_ != "VERB" or head.tag_ != tok.tag_)
    )


def _participle_after_the_reported_clause(tok) -> bool:
    """ "Lund told reporters she was not worried, saying that ...": a speech participle set off by a
    comma, which the parser hung on the reported clause's predicate, is the reporting speaker's."""
    head = tok.head
    return (
        tok.tag_ == "VBG"
        and _after_comma(tok)
        and cues.is_speech_lemma(_verb_lemma(tok))
        and head.dep_ == "ccomp"
        and head.head.pos_ == "VERB"
        and cues.is_speech_lemma(_verb_lemma(head.head))
    )


def _span_of(tokens) -> tuple[int, int]:
    toks = sorted(tokens, key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _is_setting(prep) -> bool:
    """'in a statement', 'on Tuesday', 'in an interview with CNN', 'for five minutes': where, when or
    how long, not what."""
    if prep.lower_ == "for":
        return any(t.dep_ == "pobj" and t.lemma_.lower() in DURATION_UNITS for t in prep.children)
    if prep.lower_ not in SETTING_PREPS:
        return False
    for t in prep.subtree:
        if t.lower_ in TIME_WORDS or t.lemma_ in cues.SPEECH_NOUNS or t.ent_type_ in ("DATE", "TIME"):
            return True
        if (
            prep.lower_ in ("at", "during", "in", "via", "on", "through", "before", "while")
            and t.dep_ == "pobj"
            and t.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "EVENT")
        ):
            return True
    return prep.lower_ in ("during", "via", "while", "at")


def _content(cue, subject):
    """(left_token, right_token) of what the cue reports, or None."""
    if subject is not None and _glosses_a_speech_noun(subject):
        return None
    clauses = [
        c
        for c in cue.children
        if (c.dep_ == "ccomp" or (c.dep_ == "parataxis" and c.i > cue.i))
        and _reads_as_message(c.subtree)
        and not _predicate_of_the_cues_own_clause(cue, c)
        and not _an_earlier_report(cue, c)
    ]
    # "Writing for X, which said Y won, Brandt noted that Z": a "that" clause after the cue is the
    # message; a clause the parser hung before the cue is only chosen when there is none
    marked = [
        c for c in clauses if c.i > cue.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]
    if clauses:
        chosen = min(marked or clauses, key=lambda t: abs(t.i - cue.i))
        if chosen.i > cue.i and _after_comma(chosen) and _closes_a_quotation(cue, subject):
            # '"You should resign," Lund told Berg, after he admitted ...': the quotation is what
            # was told; the clause after the comma is the reporter's circumstance
            return None
        reason = _reason_after(cue, chosen)
        if reason is not None:
            left, _right = _clause_content(cue, chosen)
            return left, reason.right_edge
        following = _clause_run(chosen, clauses)
        if following is not chosen:
            # "said Trump has respect for the military and his comment was ...": the parser split one
            # message into two clauses of the cue
            left, _right = _clause_content(cue, chosen)
            return left, _clause_content(cue, following)[1]
        if chosen.i < cue.i:
            # 'In her book, "Raise a Harbour Saver," Lund suggested putting aside ...': a message
            # after the cue beats a clause the parser hung before it
            after = _object_content(cue)
            if after is not None and after[1].i - after[0].i + 1 >= cues.MESSAGE_MIN_WORDS:
                return after
        return _clause_content(cue, chosen)
    fronted = _clause_after_a_time_phrase(cue)
    if fronted is not None:
        return fronted
    if _hangs_off_its_content(cue, subject):
        # "S, he said, S2" / "S, he said": the cue hangs off the reported clause
        head = cue.head
        if subject is not None and subject.i < head.left_edge.i:
            return None
        last = head.right_edge
        if head.i < cue.left_edge.i and all(t.is_punct for t in cue.doc[cue.right_edge.i + 1 : last.i + 1]):
            # "S, the weather service said in a statement.": the message ends before its speaker
            last = cue.doc[cue.left_edge.i - 1]
        return head.left_edge, last
    that = _hanging_that_clause(cue)
    if that is not None:
        return that
    around = _main_clause_of_as(cue, subject)
    if around is not None:
        return around
    return _object_content(cue)


# Cues that report a message in "As Lund told the committee, S" / "S, as Lund noted" ("as he
# spoke" or "as she testified" only set the scene).
AS_MESSAGE_LEMMAS = frozenset(
    "say tell note warn argue write explain point remark observe predict acknowledge admit insist claim "
    "suggest report recall add stress emphasize emphasise".split()
)


def _main_clause_of_as(cue, subject):
    """ "As Lund told the committee, a tunnel would cost less" (and "..., as Lund noted"): the
    sentence's main clause is the message the "as" clause attributes."""
    head = cue.head
    if (
        not _reports_its_main_clause(cue)
        or _verb_lemma(cue) not in AS_MESSAGE_LEMMAS
        or subject is None
        or _as_mark(cue).i != cue.left_edge.i
        or any(c.dep_ in ("dobj", "ccomp", "xcomp", "auxpass") and not _audience(c) for c in cue.children)
        or head.pos_ not in ("VERB", "AUX")
    ):
        return None
    doc = cue.doc
    if cue.i < head.i:
        after = cue.right_edge.i + 1
        if after >= len(doc) or doc[after].text != "," or head.left_edge.i < cue.left_edge.i:
            return None
        left, right = doc[after + 1], head.right_edge
    else:
        before = cue.left_edge.i - 1
        if before < 1 or doc[before].text != "," or head.right_edge.i > cue.right_edge.i + 1:
            return None
        left, right = head.left_edge, doc[before - 1]
    while right.i > left.i and right.is_punct:
        right = doc[right.i - 1]
    return (left, right) if right.i - left.i + 1 >= cues.MESSAGE_MIN_WORDS else None


def _reports_its_main_clause(cue) -> bool:
    """Is the cue an "as" clause of the sentence it reports ("As Lund noted, S")?"""
    return cue.dep_ == "advcl" and _as_mark(cue) is not None


def _as_mark(cue):
    return next((c for c in cue.children if c.dep_ == "mark" and c.lower_ == "as"), None)


def _audience(obj) -> bool:
    """The person or body told ("told the committee", "told reporters"), not a message."""
    return obj.dep_ == "dobj" and obj.head.lemma_ == "tell" and _person_like(obj)


# What a gloss after a statement calls it: "a charge", "an accusation", "a claim" Lund denied.
GLOSSED_NOUNS = cues.SAID_NOUNS | frozenset({"charge", "charges", "view", "idea", "notion"})


def _glosses_a_speech_noun(subject) -> bool:
    """ "..., a charge Lund rejected": the parser joined the noun the gloss is about to its speaker;
    what Lund rejected is someone else's charge, not a message of Lund's."""
    return any(
        t.dep_ == "compound" and t.lower_ in GLOSSED_NOUNS and t.i < subject.i for t in subject.lefts
    )


CLOSING_MARKS = frozenset({"”", '"', "''", "’"})


def _closes_a_quotation(cue, subject) -> bool:
    """ '"...," Lund told Berg': the speaker and cue follow a quotation's closing mark."""
    first = subject.left_edge if subject is not None and subject.i < cue.i else cue
    i = first.i - 1
    while i >= 0 and cue.doc[i].text == ",":
        i -= 1
    return i >= 0 and cue.doc[i].text in CLOSING_MARKS


def _an_earlier_report(cue, c) -> bool:
    """ '"You winning?" she said, but Kevin was asleep, and as ..., Mara said yes': a clause before
    the cue that is itself the cue of a quotation ('"..." she said') is that quotation's report,
    not this message."""
    subject = next((x for x in c.children if x.dep_ == "nsubj"), None)
    return (
        c.i < cue.i
        and subject is not None
        and cues.is_speech_lemma(_verb_lemma(c))
        and _closes_a_quotation(c, subject)
    )


def _predicate_of_the_cues_own_clause(cue, c) -> bool:
    """ "Everything Lund says is a lie": the cue sits in a relative clause of the subject, and the
    finite verb right after it, with no subject of its own, is the sentence's predicate."""
    return (
        c.i == cue.i + 1
        and c.tag_ in ("VBZ", "VBD", "VBP")
        and not any(x.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for x in c.children)
    )


def _clause_run(chosen, clauses):
    """The last of the cue's clauses that follow ``chosen`` with nothing between them."""
    last = chosen
    for c in sorted(clauses, key=lambda t: t.i):
        if (
            c.i > last.i
            and c.left_edge.i == last.right_edge.i + 1
            and c.dep_ == "ccomp"
            and last.right_edge.text not in (".", "!", "?")  # a new sentence the parser ran on into
            and not cues.is_speech_lemma(_verb_lemma(c))  # "... but said ...", "Democrats accused ..."
        ):
            last = c
    return last


def _reason_after(cue, clause):
    """ "Gowdy said the claim smacked of hypocrisy, because Democrats had ...": the parser hung the
    speaker's reason on the cue; it follows the message and belongs to it."""
    if clause.i < cue.i:
        return None
    for c in cue.children:
        if (
            c.dep_ == "advcl"
            and c.i > clause.right_edge.i
            and any(m.dep_ == "mark" and m.lower_ == "because" for m in c.children)
            and all(t.is_punct for t in cue.doc[clause.right_edge.i + 1 : c.left_edge.i])
        ):
            return c
    return None


def _clause_after_a_time_phrase(cue):
    """ "Lund said before the vote she would back it": the parser took "before" for the
    clause's conjunction; the clause with its own subject is the message, the time phrase before it
    the reporter's."""
    for c in cue.children:
        if c.dep_ != "advcl" or c.i < cue.i:
            continue
        subject = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        if _opens_with_that(c, subject):
            # "tweeted in the early hours that Vance was ...": the parser made "that" an adverb
            return _clause_content(cue, c)
        if any(m.dep_ == "mark" for m in c.children):
            continue
        phrase = next(
            (
                x
                for x in c.children
                if x.dep_ == "prep" and x.i == cue.i + 1 and x.right_edge.i < subject.left_edge.i
            ),
            None,
        )
        if phrase is not None and subject.left_edge.i == phrase.right_edge.i + 1:
            _left, right = _clause_content(cue, c)
            return subject.left_edge, right
    return None


def _opens_with_that(clause, subject) -> bool:
    """A clause the parser called adverbial that opens with "that" right before its subject: a
    reported "that" clause."""
    first = clause.left_edge
    return first.lower_ == "that" and first.dep_ == "advmod" and first.i + 1 == subject.left_edge.i


# Clauses of the reporter's inside a reported clause, where the speaker's words end:
# "..., although she did not give a figure", "..., while the unions said ...".
CONCESSIVE_MARKS = frozenset("although though whereas while".split())
# "..., before suggesting that ...", "..., after admitting ...": the reporter narrates the next act.
SEQUENCE_PREPS = frozenset("before after".split())


def _clause_content(cue, c):
    """The clause nearest the cue ("said on Tuesday that ..." or "S, he said."), up to where the
    speaker's clause ends: a second coordinated cue ("... and denied that ..."), a concessive
    clause of the reporter ("..., although she did not give a figure"), a participle of the
    reporter ("..., citing the repairs", "..., before suggesting ...")."""
    right = c.right_edge
    for t in c.subtree:
        if t.i > c.i and _ends_the_speakers_clause(t):
            right = cue.doc[max(c.i, t.left_edge.i - 1)]
            while right.i > c.i and (right.is_punct or right.dep_ in ("cc", "mark", "prep")):
                right = cue.doc[right.i - 1]
            break
    # "... were not complete, and [groups warned ...]": a conjunction the clause ends on is not the
    # speaker's
    while right.i > c.i and (right.dep_ == "cc" or right.text == ","):
        right = cue.doc[right.i - 1]
    return c.left_edge, right


def _ends_the_speakers_clause(t) -> bool:
    lemma = _verb_lemma(t)
    if t.dep_ == "conj" and lemma in cues.SPEECH_VERBS and not any(x.dep_ == "nsubj" for x in t.children):
        return True  # "... and denied that ...": the speaker's next message
    if (
        t.dep_ == "conj"
        and (lemma in cues.SPEECH_VERBS or lemma == cues.CALL)
        and (_after_comma_and(t) or _a_body_or_people_speaks(t))
        and any(x.dep_ == "nsubj" and x.pos_ in ("NOUN", "PROPN") for x in t.children)
        and not any(x.dep_ == "mark" for x in t.children)  # "..., and that Bellandi had promised help"
    ):
        return True  # "..., and rights groups warned that ...": another speaker's message
    if t.dep_ not in ("advcl", "conj", "pcomp"):
        return False
    if any(m.dep_ == "mark" and m.lower_ in CONCESSIVE_MARKS for m in t.children) and _after_comma(t):
        return True
    if t.tag_ == "VBG" and _after_comma(t) and (cues.is_speech_lemma(lemma) or lemma in ("cite", "note")):
        return True  # "..., citing the end of the repairs", "..., adding that ..."
    return t.dep_ == "pcomp" and t.head.lower_ in SEQUENCE_PREPS and _after_comma(t.head)


def _a_body_or_people_speaks(t) -> bool:
    """ "... mishandled the inquiry and Democrats accused the GOP of ...": a party, a body or a
    group as the subject of a coordinated cue starts another speaker's message, comma or not."""
    return any(
        x.dep_ == "nsubj" and (x.ent_type_ in ("NORP", "ORG") or x.tag_ in ("NNS", "NNPS")) for x in t.children
    )


def _after_comma(t) -> bool:
    """The clause of ``t`` opens after a comma or dash: set off from the speaker's words."""
    first = t.left_edge
    return first.i > 0 and first.doc[first.i - 1].text in (",", "—", "–", ";")


def _after_comma_and(t) -> bool:
    """The clause of ``t`` opens after ", and" (or a comma alone)."""
    i = t.left_edge.i
    doc = t.doc
    return _after_comma(t) or (i > 1 and doc[i - 1].dep_ == "cc" and doc[i - 2].text == ",")


def _hangs_off_its_content(cue, subject) -> bool:
    """The parser made the cue a dependent of the clause it reports ("S, he said")."""
    if cue.dep_ == "parataxis":
        return True
    bare = all(
        c.dep_ in ("nsubj", "punct", "aux", "advmod", "npadvmod", "cc")
        or (c.dep_ == "prep" and _is_setting(c))
        for c in cue.children
    )
    return (
        cue.dep_ in ("ccomp", "conj")
        and bare
        and cue.i > cue.head.i
        and cue.head.pos_ in ("VERB", "AUX")
        and any(t.is_punct for t in cue.doc[cue.head.i : cue.i])
        and (subject is None or subject.i > cue.head.i)
    )


# Prepositions whose object after a cue is an audience or a topic ("spoke to supporters", "talked
# about trade"), not a message -- unless the cue carries one with them ("warned against", "called for").
AUDIENCE_OR_TOPIC_PREPS = frozenset("to with about at on in of over from".split())


# Cues whose object may be only the person addressed, or the topic: "advises the president",
# "asked the minister about the levy", "spoke to the delegation", "talked with voters".
AUDIENCE_CUES = frozenset("advise ask speak talk inform brief remind assure reassure".split())
AUDIENCE_PREPS = frozenset("to with about at on in over".split())


def _audience_or_topic(comp, lemma: str) -> bool:
    """A complement naming who was addressed or what about, not what was said."""
    if comp.dep_ in ("dobj", "dative"):
        return (
            comp.ent_type_ == "PERSON"
            or comp.pos_ in ("PRON", "PROPN")
            or comp.lemma_.lower() in cues.PERSON_NOUNS
        )
    if comp.dep_ == "prep":
        return comp.lower_ in AUDIENCE_PREPS
    if comp.dep_ in ("xcomp", "advcl") and lemma in ("speak", "talk"):
        # "spoke to discuss the budget": the purpose of the meeting, not its words
        return (
            any(m.lower_ == "to" and m.dep_ == "aux" for m in comp.children)
            and comp.i > 0
            and comp.doc[comp.i - 1].lower_ == "to"
        )
    return comp.dep_ == "npadvmod"


def _opens_circumstance(m) -> bool:
    """ "because ...", "when the minister walked in": a clause of circumstance, not of message."""
    return (m.dep_ == "mark" and m.lower_ != "to") or (m.dep_ == "advmod" and m.tag_ == "WRB")


def _object_content(cue):
    """The cue's complements as its message: "urged them to ...", "accused X of ...", "called for ..."."""
    lemma = _lemma(cue)
    if lemma in cues.CLAUSE_ONLY:
        return None  # only a clause or a quotation: "said the same thing" reports nothing
    after = [c for c in cue.children if c.i > cue.i and c.dep_ not in ("punct", "advmod")]
    if lemma == "tell" and all(c.dep_ in ("dobj", "dative", "prep", "npadvmod") for c in after):
        # "told the Senate", "told reporters": the audience, not the message -- unless the parser
        # hung the message on the audience
        return _clause_hung_on_the_audience(cue)
    comps = [
        c
        for c in cue.children
        if c.dep_ in COMPLEMENT_DEPS
        and c.i > cue.i
        and not (c.dep_ == "prep" and _is_setting(c))
        and not (c.dep_ == "npadvmod" and c.lower_ in TIME_WORDS)
        and not (c.dep_ == "advcl" and any(_opens_circumstance(m) for m in c.children))
        and not _someone_elses_words(c)
        and not _ends_the_speakers_clause(c)  # "..., arguing that ...": the next message, its own
    ]
    # "urged X to repay the fund, which the auditor said was ...": a complement that
    # holds another speaker's cue ends where that speaker's clause begins, if it says enough first
    limit = len(cue.doc)
    kept = []
    for c in comps:
        nested = _nested_cue_start(c, cue)
        if nested is None:
            kept.append(c)
        elif nested - c.left_edge.i >= NESTED_CUE_MIN_WORDS:
            kept.append(c)
            limit = min(limit, nested - 1)
    comps = kept
    if not comps or (lemma in AUDIENCE_CUES and all(_audience_or_topic(c, lemma) for c in comps)):
        return None  # "advises the president", "asked Okafor about the levy", "spoke to the delegation"
    if (
        all(c.dep_ == "prep" and c.lower_ in AUDIENCE_OR_TOPIC_PREPS for c in comps)
        and lemma not in cues.OBJECT_MESSAGE
    ):
        return None
    first = min(comps, key=lambda t: t.left_edge.i).left_edge
    last = cue.doc[min(max(c.right_edge.i for c in comps), limit)]
    while last.i > first.i and (last.is_punct or last.dep_ in ("cc", "det", "prep")):
        last = cue.doc[last.i - 1]
    return first, last


RELATIVE_WORDS = frozenset("who whom whose which that where when".split())


def _clause_hung_on_the_audience(cue):
    """ "told the Tidende he had won the contract": a clause the parser made a relative clause of
    the audience, opening on a subject of its own and no relative word, is what was told."""
    for obj in cue.children:
        if obj.dep_ not in ("dobj", "dative") or obj.i < cue.i:
            continue
        for clause in obj.children:
            opener = clause.left_edge
            if (
                clause.dep_ == "relcl"
                and clause.i > obj.i
                and opener.dep_ in ("nsubj", "nsubjpass")
                and opener.lower_ not in RELATIVE_WORDS
                and opener.pos_ in ("PRON", "PROPN", "NOUN", "DET")
            ):
                last = clause.right_edge
                while last.i > opener.i and last.is_punct:
                    last = cue.doc[last.i - 1]
                return opener, last
    return None


# Words a complement must carry before another speaker's clause for it to say something.
NESTED_CUE_MIN_WORDS = 4


def _nested_cue_start(comp, cue) -> int | None:
    """Where the first clause with a speech cue and a subject of its own begins inside ``comp``."""
    starts = [
        t.left_edge.i
        for t in comp.subtree
        if t != cue
        and cues.is_speech_lemma(_verb_lemma(t))
        and any(x.dep_ == "nsubj" for x in t.children)
    ]
    return min(starts) if starts else None


def _someone_elses_words(comp) -> bool:
    """ "rejected Ekwall's claim that ...": the object is another speaker's words (their own cue)."""
    return comp.lemma_.lower() in cues.SAID_NOUNS and any(
        c.dep_ == "poss" and c.lower_ not in ("his", "her", "their", "its") for c in comp.children
    )


def _hanging_that_clause(cue):
    """A that-clause the parser hung on a noun after the cue: "said in a statement that ...",
    "told a crowd at the Statehouse that ..."."""
    limit = cue.right_edge.i
    audience = _lemma(cue) in ("tell", "assure", "remind", "inform", "warn", "promise")
    for t in cue.doc[cue.i + 1 : limit + 1]:
        if (
            t.lower_ == "that"
            and (t.dep_ == "mark" or _relative_that_before_a_subject(t))
            and t.head.i > t.i
            and t.head.dep_ in ("acl", "relcl", "ccomp")
        ):
            if t.head.head == cue or t.i - cue.i > HANGING_THAT_MAX_TOKENS:
                return None  # an ordinary ccomp (the caller's), or too far to be the cue's
            noun = t.head.head
            setting = (
                noun.dep_ == "pobj"
                and noun.head.dep_ == "prep"
                and noun.head.head == cue
                and _is_setting(noun.head)
            )
            if (
                noun.lemma_.lower() in cues.SPEECH_NOUNS
                or (audience and noun.pos_ in ("NOUN", "PROPN"))
                or setting
            ):
                return t, t.head.right_edge
            return None
        if (t.is_punct and t.text in ".;:!?") or (_verb_lemma(t) and cues.is_speech_lemma(_verb_lemma(t))):
            return None  # the sentence ends, or another cue takes over ("with Ekwall adding that")
    return None


def _relative_that_before_a_subject(t) -> bool:
    """ "tweeted in the early hours that Berg was ...": the parser read "that" as a relative pronoun
    (the object of "was"), but the clause has a subject of its own: "that" opens a message."""
    clause = t.head
    return (
        t.dep_ in ("dobj", "nsubj")
        and clause.dep_ == "relcl"
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > t.i for c in clause.children)
    )


def _trim(doc, left: int, right: int) -> tuple[int, int] | None:
    """Drop punctuation and a leading conjunction at the edges of a content span (token indices)."""
    while left <= right and (
        doc[left].is_punct and doc[left].text not in "“\"'‘" or doc[left].lower_ in ("and", "but")
    ):
        left += 1
    while right >= left and doc[right].is_punct and doc[right].text not in "”\"'’":
        if doc[right].text == ")" and any(t.text == "(" for t in doc[left:right]):
            break  # "Rep. Ola Beyer (D-Harbour)": the bracket closes words kept
        right -= 1
    if left > right:
        return None
    return left, right


# Particles that make "call" something other than saying: "call in", "call off", "call up".
CALL_NOT_SPEECH = frozenset("in off up back".split())
# Modal auxiliaries: "the government would propose" is speech not yet made.
MODALS = frozenset(("would", "could", "might", "may", "should", "will", "'ll"))
# An auxiliary this close before the cue belongs to it ("would not have said").
AUX_WINDOW = 3


def find_attributions(
    doc, offset: int, paragraph: int, mask: QuoteMask, surnames: Container[str] = ()
) -> list[Attribution]:
    """All speech cues in one parsed paragraph; ``offset`` is the paragraph's start in the text,
    ``surnames`` those of the people the article has named so far (lower case)."""
    out: list[Attribution] = []
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            att = _according_to(doc, tok, offset, paragraph, mask)
        else:
            att = None
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in cues.SAID_NOUNS:
                att = _noun_attribution(doc, tok, offset, paragraph, mask)
            att = att or _verb_attribution(doc, tok, offset, paragraph, mask, surnames)
            att = att or _verb_tagged_as_noun(doc, tok, offset, paragraph, mask)
        if att is not None:
            out.append(att)
    return out


def _verb_tagged_as_noun(doc, tok, offset: int, paragraph: int, mask: QuoteMask) -> Attribution | None:
    """ "Varga charges that the ports ...", "Varga claims that ...": a speech verb in -s right after a
    name, tagged as a plural noun; the "that" clause after it is the message."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or not 0 < tok.i < len(doc) - 1 or mask.covers(tok.idx):
        return None
    name, that = doc[tok.i - 1], doc[tok.i + 1]
    if not (name.pos_ == "PROPN" or name.text[:1].isupper()) or name.is_punct:
        return None
    if that.lower_ != "that" or that.dep_ != "mark" or _verb_lemma_of_s_form(tok.lower_) not in cues.SPEECH_VERBS:
        return None
    clause = that.head
    if clause.i <= tok.i:
        return None
    return attribution_for(paragraph, offset, tok, name, speaker=[name], content=(that, clause.right_edge))


def _verb_lemma_of_s_form(word: str) -> str:
    """ "charges" -> "charge", "claims" -> "claim", "argues" -> "argue", "says" -> "say"."""
    if not word.endswith("s"):
        return ""
    stem = word[:-1]
    if stem in cues.SPEECH_VERBS:
        return stem
    return word[:-2] if word.endswith("es") else stem


def _is_cue(tok, lemma: str, mask: QuoteMask) -> bool:
    """A speech verb of the reporter's, affirmed and already said."""
    if not lemma or not cues.is_speech_lemma(lemma):
        return False
    if mask.covers(tok.idx):
        return False  # a cue inside someone's quoted words belongs to their story, not ours
    if lemma == cues.CALL and any(c.dep_ == "prt" and c.lower_ in CALL_NOT_SPEECH for c in tok.children):
        return False  # "called in to a town hall", "called off the vote": phoning, cancelling
    if _asks_for_anonymity(tok):
        return False  # "who asked not to be named": the reporter's terms, not the source's words
    if lemma == "plead" and any(t.lower_ in PLEAS for t in tok.subtree if t.i > tok.i and t.i - tok.i <= 3):
        return False  # "pleaded not guilty to charges that ...": a plea in court; the charges are not his words
    if cues.is_negated(tok, mask):
        return False
    if any(
        c.dep_ == "aux" and c.lower_ in MODALS and 0 < tok.i - c.i <= AUX_WINDOW and not mask.covers(c.idx)
        for c in tok.children
    ):
        return False
    # "Asked about the levy, Okafor ...": the subject was asked, not asking
    return not (
        tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in tok.children) and tok.dep_ in ("advcl", "acl")
    )


# A plea in court ("pleaded guilty", "pleaded not guilty", "pleaded no contest"), not a message.
PLEAS = frozenset({"guilty", "innocent", "contest"})
# "asked not to be named / identified", "requested anonymity", "asked to remain anonymous"
ANONYMITY_VERBS = frozenset("name identify quote cite".split())


def _asks_for_anonymity(tok) -> bool:
    if tok.lemma_.lower() not in ("ask", "request", "insist"):
        return False
    for c in tok.children:
        if c.dep_ == "dobj" and c.lower_ == "anonymity":
            return True
        if c.dep_ == "xcomp" and (
            (c.lemma_.lower() in ANONYMITY_VERBS and any(a.dep_ == "auxpass" for a in c.children))
            or (c.lemma_.lower() == "remain" and any(a.lower_ == "anonymous" for a in c.children))
        ):
            return True
    return False


def _verb_attribution(
    doc, tok, offset: int, paragraph: int, mask: QuoteMask, surnames: Container[str] = ()
) -> Attribution | None:
    lemma = _verb_lemma(tok)
    if not _is_cue(tok, lemma, mask):
        return None
    passive = _passive_with_agent(tok)
    if passive is not None:
        agent, content = passive
        return attribution_for(paragraph, offset, tok, agent, content=content, clause=False)
    subject = _subject(tok, mask)
    if subject is not None and subject.pos_ in ("VERB", "ADP", "AUX"):
        # "Writing on X, Brandt attacked": the parser made the participle the subject
        subject = next(
            (t for t in subject.subtree if t.ent_type_ == "PERSON" and t.dep_ in ("appos", "nsubj")), None
        )
    if subject is not None and (subject.pos_ == "NUM" or subject.pos_ == "NOUN" and not _person_like(subject)):
        # "Ten days before the vote, Ilse Varga, an adviser, urged ...", "one of the family's
        # lawyers, Ruth Albers, said": the parser took the words before the name for the subject
        # and the name for its appositive
        subject = next(
            (c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), subject
        )
    if subject is None or (_is_evidence(subject) and not _named_before(subject, surnames)):
        return None
    base = attribution_for(paragraph, offset, tok, subject)
    content = _content(tok, subject)
    if content is None:
        # no clause of its own ("...," he said.): it can still introduce a quotation
        return base if lemma in cues.SPEECH_VERBS else None
    return _with_content(doc, tok, lemma, subject, content, base, offset, mask)


def _passive_with_agent(cue):
    """ "The plan was called a disaster by Minister Dalby", "has been described as a tax by the
    union": (the agent, (first, last token of the message)). The message is the passive clause
    without its agent: who was called what. None for any other shape."""
    if not any(c.dep_ == "auxpass" for c in cue.children):
        return None
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    speaker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    target = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    said = [c for c in cue.children if c.dep_ in ("oprd", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")]
    if speaker is None or target is None or not said or _is_evidence(speaker):
        return None
    right = max(c.right_edge.i for c in said)
    if agent.i < right:
        return None  # "was called by the minister a disaster": the agent inside the message
    return speaker, (target.left_edge, cue.doc[right])


def _with_content(
    doc, tok, lemma, subject, content, base: Attribution, offset: int, mask: QuoteMask | None = None
) -> Attribution | None:
    """The attribution with its content span, or without one when the object carries no message."""
    left, right = content[0].i, content[1].i
    is_clause = (
        any(c.dep_ in ("ccomp", "parataxis") for c in tok.children)
        or tok.dep_ == "parataxis"
        or (content[0].lower_ == "that" and content[0].dep_ == "mark")
        or _reports_its_main_clause(tok)
    )
    # the speaker is never part of what they said
    if subject.i == left and tok.dep_ != "parataxis" and not (left <= tok.i <= right):
        left = subject.right_edge.i + 1
    if right > tok.i:
        right = _before_a_closing_gloss(doc, left, right, mask)
    trimmed = _trim(doc, left, right)
    if trimmed is None:
        return None
    left, right = trimmed
    if lemma == "point to" and doc[left].lower_ == "to" and left < right:
        left += 1  # "pointed to the ruling as proof": the message starts after the preposition
    opens_circumstance = left < tok.i and doc[left].lower_ in CIRCUMSTANCE_OPENERS
    if opens_circumstance or (right < tok.i and not _reads_as_message(doc[left : right + 1])):
        # "Finance Minister Maria van den [Heuvel-Smit said]": a parse that took the speaker's own
        # title and name for what was said. Words before a cue are a message only as a clause.
        return base if lemma in cues.SPEECH_VERBS else None
    needs_message = (
        lemma in cues.TOPIC_VERBS
        or (lemma in cues.OBJECT_IF_MESSAGE and not is_clause)
        or (lemma == cues.CALL and not any(c.dep_ == "ccomp" for c in tok.children))
    )
    if needs_message and not cues.carries_message(
        _message_words(tok, lemma, [t.text for t in doc[left : right + 1]])
    ):
        # "criticized Halvorsen" names a target; "...," she called out is still a cue for a quote
        return base if lemma == cues.CALL else None
    base.content = (offset + doc[left].idx, offset + doc[right].idx + len(doc[right]))
    base.clause = is_clause
    return base


# What a possessed speech noun reports: "Ekwall's claim that ...", "her allegations of fraud".
NOUN_CONTENT_PREPS = frozenset({"of", "for", "about", "against"})


# Relative pronouns that open a gloss on a person set off by a comma: "..., who has not been charged".
GLOSS_RELATIVES = frozenset({"who", "whom", "whose"})


def _before_a_closing_gloss(doc, left: int, right: int, mask: QuoteMask | None) -> int:
    """Where reported words end when the reporter says who or what a name they close on is
    ("... not to pardon Ivo Holm, who has not been charged", "... with NATO, the alliance that
    ..."), or reports what someone else said of them ("..., a decision that critics called a
    betrayal"): before the comma. Any other gloss on a common noun (", which forced her to leave
    early") is as often the speaker's as the reporter's, and stays; so do words inside quotation
    marks."""
    for t in doc[left : right + 1]:
        if t.dep_ not in ("relcl", "appos", "npadvmod") or t.head.i < left or t.i <= left:
            continue
        reports_another = t.dep_ != "relcl" and t.pos_ == "NOUN" and _holds_another_speakers_cue(t)
        if (t.head.pos_ != "PROPN" or t.dep_ == "npadvmod") and not reports_another:
            continue  # a gloss on a common noun stays, unless it reports someone else
        if t.dep_ == "appos" and any(c.dep_ in ("conj", "cc") for c in t.children):
            continue  # "called for fairness, the closure of loopholes and ...": a list
        first = t.left_edge
        if first.i - 1 <= left or doc[first.i - 1].text != ",":
            continue
        if t.dep_ == "relcl" and first.lower_ not in GLOSS_RELATIVES:
            continue  # ", which is a problem": often the speaker's comment on the whole clause
        if t.head.i > 0 and doc[t.head.i - 1].text in roles.HYPHEN_TOKENS:
            continue  # "more anti-Trump than pro-Clinton, ...": the name is part of a word
        if t.dep_ == "appos" and (t.pos_ == "PROPN" or first.pos_ == "PROPN") and not reports_another:
            continue  # "the minister, Ruth Albers": a name, not a gloss
        end = t.right_edge.i
        while end < right and doc[end + 1].is_punct:
            end += 1
        if end < right or (mask is not None and mask.covers(doc[first.i - 1].idx)):
            continue
        return first.i - 2
    return right


def _holds_another_speakers_cue(phrase) -> bool:
    """ "a decision that opposition leaders called 'a betrayal'": a speech cue inside the phrase with
    a named or described subject of its own."""
    return any(
        (_verb_lemma(t) in cues.SPEECH_VERBS or _verb_lemma(t) == cues.CALL)
        and any(x.dep_ == "nsubj" and x.pos_ in ("NOUN", "PROPN") for x in t.children)
        for t in phrase.subtree
        if t.i != phrase.i
    )


def _noun_attribution(doc, noun, offset: int, paragraph: int, mask: QuoteMask) -> Attribution | None:
    """A speech noun owned by a speaker: "Ekwall's claim that the port was bankrupt"."""
    if mask.covers(noun.idx):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.tag_ == "PRP$" and owner.lower_ not in ("his", "her", "their"):
        return None
    if owner.pos_ not in ("PROPN", "PRON") and not _person_like(owner):
        return None
    content = None
    for c in noun.children:
        if c.i < noun.i:
            continue
        if c.dep_ in ("acl", "ccomp", "relcl") and any(
            m.lower_ == "that" and m.dep_ == "mark" for m in c.children
        ):
            content = (c.left_edge, c.right_edge)
        elif (
            c.dep_ == "prep"
            and c.lower_ in NOUN_CONTENT_PREPS
            and any(x.dep_ in ("pobj", "pcomp") for x in c.children)
        ):
            content = (next(x for x in c.children if x.dep_ in ("pobj", "pcomp")).left_edge, c.right_edge)
        if content is not None:
            break
    if content is None:
        return None
    trimmed = _trim(doc, content[0].i, content[1].i)
    if trimmed is None:
        return None
    left, right = trimmed
    return _attribution(
        paragraph,
        offset,
        cue=noun.text,
        cue_first=noun,
        cue_last=noun,
        subject=owner,
        speaker=_speaker_tokens(owner),
        content=(offset + doc[left].idx, offset + doc[right].idx + len(doc[right])),
        clause=doc[left].lower_ == "that",
    )


# "When Okafor noted that ..., Varga boasted": a clause before the cue that opens like this tells
# when or why, not what was said.
CIRCUMSTANCE_OPENERS = frozenset(
    "when whenever while as if after before because although though since once".split()
)


def _reads_as_message(tokens) -> bool:
    """Words with a verb of their own, or a quotation: a message, not a name or a title."""
    return any(
        (t.pos_ in ("VERB", "AUX") and t.lower_ not in names.PARTICLES) or t.text in QUOTE_CHARS
        for t in tokens
    )


QUOTE_CHARS = frozenset("\"“”‘’«»'")


def _message_words(tok, lemma: str, words: list[str]) -> list[str]:
    """The object's words as a message: "called for a ban" / "called it a disgrace" say something."""
    if lemma != cues.CALL:
        return words
    if any(c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on", "out") for c in tok.children):
        words = ["for", *words]  # "called (on Friday) for ...", "called on X to ..."
    if any(c.dep_ == "oprd" for c in tok.children):
        words = ["as", *words]  # "called the levy a tax on work": a judgement, said
    return words


def is_speech_verb(tok) -> bool:
    """Is this verb a cue of speech ("added", "continued", "wrote")? (cues.is_speech_lemma also takes
    topic verbs such as "criticized", which need a message of their own.)"""
    return _verb_lemma(tok) in cues.SPEECH_VERBS


def speaker_of(cue):
    """The speaker token of a cue, or None."""
    return _subject(cue)


def attribution_for(
    paragraph: int, offset: int, cue, subject, *, speaker=None, content=None, clause: bool = True
) -> Attribution:
    """An attribution of the one-word cue ``cue`` to ``subject`` (its speaker phrase, unless
    ``speaker`` gives the words); ``content``, when given, is the first and last token of the message."""
    extra = {}
    if content is not None:
        first, last = content
        extra = {"content": (offset + first.idx, offset + last.idx + len(last)), "clause": clause}
    return _attribution(
        paragraph,
        offset,
        cue=cue.text,
        cue_first=cue,
        cue_last=cue,
        subject=subject,
        speaker=_speaker_tokens(subject) if speaker is None else speaker,
        **extra,
    )


def _speaker_tokens(subject):
    """The words of the speaker phrase, without relative clauses and appositives."""
    toks = [subject]
    for t in subject.lefts:
        toks.extend(t.subtree)
    for t in subject.rights:
        if t.dep_ in ("relcl", "appos", "punct", "acl", "advcl", "cc", "conj"):
            break
        toks.extend(t.subtree)
    return toks


def _attribution(
    paragraph: int, offset: int, *, cue: str, cue_first, cue_last, subject, speaker, **extra
) -> Attribution:
    """An attribution whose cue runs from token `cue_first` to `cue_last`, in the cue's sentence."""
    sent = cue_first.sent
    sp_s, sp_e = _span_of(speaker)
    return Attribution(
        paragraph=paragraph,
        cue=cue,
        cue_start=offset + cue_first.idx,
        cue_end=offset + cue_last.idx + len(cue_last),
        sent_start=offset + sent.start_char,
        sent_end=offset + sent.end_char,
        subject=subject,
        speaker_start=offset + sp_s,
        speaker_end=offset + sp_e,
        **extra,
    )


def _is_evidence(subject) -> bool:
    """Polls, data, percentages, documents and things are not speakers."""
    head = subject.lemma_.lower()
    low = subject.lower_
    if head in cues.DOCUMENT_NOUNS or low in cues.DOCUMENT_NOUNS:
        return False  # "the report said": a document is a source (speakers.describe types it so)
    if head in cues.EVIDENCE_NOUNS or low in cues.EVIDENCE_NOUNS:
        return True
    if subject.pos_ == "NOUN" and not _person_like(subject):
        return True
    if subject.like_num and _one_of_some_people(subject):
        return False  # "one of the family's lawyers said", "two of the senators said"
    if subject.like_num or subject.text == "%":
        return True
    # "73 percent of voters said", "a majority of respondents" ("Senate Majority Leader" speaks)
    if low in ("percent", "%", "respondents", "majority", "plurality"):
        return True
    return any(t.lower_ in ("percent", "%") for t in subject.lefts)


def _one_of_some_people(number) -> bool:
    of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    people = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return people is not None and people.lower_ != "respondents" and _person_like(people)


def _named_before(subject, surnames: Container[str]) -> bool:
    """ "Matthews said ...": a surname the tagger took for a plural noun, of a person named earlier."""
    return subject.text[:1].isupper() and subject.lower_ in surnames


PERSON_SUFFIXES = ("man", "woman", "person", "ist", "ian", "ee", "eer", "ier")
NOT_PERSON_ER = frozenset(
    """letter paper number order matter chapter border power water cover corner quarter center centre
    computer filter layer answer register poster parameter character disaster manner banner danger tower
    trigger winter summer hunger anger counter offer transfer cancer theater theatre member's""".split()
)


def _person_like(noun) -> bool:
    """Can this common noun speak? Offices, people, groups and bodies can; plans and reports cannot."""
    low, lemma = noun.lower_, noun.lemma_.lower()
    if (
        low in cues.PERSON_NOUNS
        or lemma in cues.PERSON_NOUNS
        or lemma in roles.ONE_WORD_OFFICES
        or lemma in roles.ORG_WORDS  # bodies speak: "the weather service said", "the bureau said"
        or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
    ):
        return True
    if noun.text[:1].isupper() and not noun.is_sent_start:
        return True  # a name the tagger took for a common noun ("Carvajal told the Senate")
    if (
        noun.is_sent_start
        and noun.text[:1].isupper()
        and any(c.dep_ in ("appos", "acl") for c in noun.children)
    ):
        return True  # "Okafor, repeating ..., told the assembly"
    if noun.is_sent_start and noun.text[:1].isupper() and noun.tag_ == "NN" and not any(noun.children):
        return True  # "Lund tweeted ...": a bare singular noun opening the sentence is a surname
    if lemma.endswith(PERSON_SUFFIXES) and lemma not in ("plan", "campaign"):
        return True
    if lemma.endswith(("er", "or", "ant", "ent")) and lemma not in NOT_PERSON_ER and len(lemma) > 4:
        return lemma not in (
            "factor",
            "sector",
            "error",
            "mirror",
            "floor",
            "door",
            "color",
            "colour",
            "labor",
            "honor",
            "vector",
            "motor",
            "moment",
            "comment",
            "statement",
            "element",
            "event",
            "content",
            "extent",
            "percent",
            "argument",
            "payment",
            "government's",
        )
    return False


def _misparsed_source(to):
    """ "according to show insiders" parsed as "to show [insiders]" (a verb and its object): the
    noun phrase's head is the source."""
    nouns = [t for t in to.subtree if t.i > to.i and t.pos_ in ("NOUN", "PROPN")]
    pcomp = next((c for c in to.children if c.dep_ == "pcomp"), None)
    return nouns[-1] if pcomp is not None and nouns and nouns[-1].head == pcomp else None


def _according_to(doc, tok, offset, paragraph, mask) -> Attribution | None:
    if mask.covers(tok.idx):
        return None
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) or _misparsed_source(to)
    if pobj is None:
        return None
    source = pobj
    if pobj.lemma_.lower() in cues.SPEECH_NOUNS:
        # "according to a statement from the Labour Party", "according to Lund's remarks": whoever
        # made it is the source; a statement of no one's is none
        source = _maker_of(pobj)
    if source is None or _is_evidence(source):
        return None
    sent = tok.sent
    # the phrase "according to X" is tok .. end of X's subtree; the content is the rest of the sentence
    phrase_l = tok.i
    phrase_r = max(pobj.right_edge.i, to.i)
    if phrase_r >= sent.end - 2 and phrase_l <= sent.start + 1:
        # "According to Ivo Lund, the move reeks of fear": the parser hung the message on the source
        # (an appositive), leaving nothing on either side; the source ends at its comma
        phrase_r = next((t.i - 1 for t in doc[pobj.i : sent.end] if t.text == ","), phrase_r)
    before = (sent.start, phrase_l - 1)
    after = (phrase_r + 1, sent.end - 1)
    span = before if (before[1] - before[0]) >= (after[1] - after[0]) else after
    trimmed = _trim(doc, *span) if span[0] <= span[1] else None
    if trimmed is None:
        return None
    left, right = trimmed
    return _attribution(
        paragraph,
        offset,
        cue="according to",
        cue_first=tok,
        cue_last=to,
        subject=source,
        speaker=_speaker_tokens(source),
        content=(offset + doc[left].idx, offset + doc[right].idx + len(doc[right])),
        according_to=True,
    )


def _maker_of(speech_noun):
    """Who made a statement, remarks or an announcement: its possessor ("Lund's statement") or the
    object of from/by/of ("a statement from the ministry"), if a person or a body; else None."""
    for c in speech_noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON" and _person_like(c):
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            maker = next((o for o in c.children if o.dep_ == "pobj"), None)
            if maker is not None and (maker.pos_ == "PROPN" or _person_like(maker)):
                return maker
    return None
