"""Who a statement is by: names as written, titles split off, pronouns and descriptions resolved.

The rules stay with what the article itself says: "he" is the nearest earlier person of a
compatible gender (from Mr./Mrs., gendered office words and first names), "Okafor" is the
"Grace Okafor" named earlier, "the spokesman" is the person the article introduced as
spokesman. Organisations ("the Kremlin", "the ministry") and groups ("officials") are typed so.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

from . import cues, names, roles
from .types import SpeakerMention, SpeakerType

PRONOUNS_M = frozenset({"he", "him"})
PRONOUNS_F = frozenset({"she", "her"})
PRONOUNS_PL = frozenset({"they", "them", "we"})
PRONOUNS_OTHER = frozenset(
    {"i", "you", "it", "one", "who", "which", "that", "this", "these", "those", "someone"}
)
PRONOUNS = PRONOUNS_M | PRONOUNS_F | PRONOUNS_PL | PRONOUNS_OTHER
ORG_WORDS = roles.ORG_WORDS
GROUP_WORDS = frozenset(
    """
    officials experts critics analysts supporters opponents protesters voters residents people lawmakers
    democrats republicans conservatives liberals leaders members activists advocates sources aides
    diplomats economists observers scientists researchers investigators prosecutors doctors ministers
    """.split()
)
# last words of place names: "Victoria Falls", "Jordan Valley" are no persons
PLACE_WORDS = frozenset(
    """
    falls valley river island islands bay street avenue square city county province region sea ocean
    mountains mountain lake park bridge port airport beach coast strait peninsula desert canal gulf
    heights hills district oblast state territory
    """.split()
)
SUFFIX = re.compile(r"(?:['’]s|,)$")
NAME_STRIP = frozenset({"the", "a", "an"})
# "he"/"she" looks back over this paragraph and this many before it for a named person: further
# back, a reporter names the person again.
PRONOUN_PARAGRAPHS = 3
# ... and for an earlier speaker, this many characters (about half a page of news prose).
PRONOUN_SPEAKER_CHARS = 3000
# "they"/"it" refer to a group or body that spoke within this many characters (a few paragraphs).
PLURAL_SPEAKER_CHARS = 1500
# ... or, failing that, "they" to a group of people that was the subject this close before (about
# two sentences)
GROUP_SUBJECT_CHARS = 300
# "Moldovan President Vasile Rotaru": at most this many name words after the office in one entity.
MAX_TITLED_NAME_WORDS = 4


# "the Clinton campaign", "Varga's plan": a name in passing, not the subject of the story
MODIFIER_DEPS = ("compound", "poss", "amod", "nmod")
# Two people of one surname ("Gary Johnson", later "Homeland Security Secretary Jeh Johnson"): a
# surname alone within this many sentences of one of them being named is that one.
NAMESAKE_SENTENCES = 3


@dataclass
class Person:
    name: str
    gender: str = ""
    roles: set = field(default_factory=set)  # lower-case office words seen in front of the name
    votes: dict = field(default_factory=dict)  # pronoun evidence: {"m": 2, "f": 0}
    gender_from_title: bool = False  # Mrs., widow, spokeswoman: said outright, not guessed from a name
    title: dict = field(default_factory=dict)


@dataclass
class Mention:
    start: int
    end: int
    paragraph: int
    person: Person
    is_subject: bool = False  # the subject of its clause: the likelier antecedent of "he"
    sent_start: int = -1  # the sentence it stands in
    sent_end: int = -1
    is_main_subject: bool = False  # the subject of its sentence's main clause: likelier still
    is_modifier: bool = False  # "the Clinton campaign", "Varga's plan": a name in passing


class PersonIndex:
    """Every person named in one article, in text order."""

    def __init__(self):
        self.mentions: list[Mention] = []
        self.by_surname: dict[str, Person] = {}
        # the last two words of a name of three or more: "Kjærsgaard Holm" for "Søren Kjærsgaard Holm"
        self.by_compound: dict[str, Person] = {}
        self.by_name: dict[str, Person] = {}
        # surname -> the people of two or more words of name who bear it ("Gary Johnson", "Jeh Johnson")
        self.bearers: dict[str, list[Person]] = {}
        # surname -> (position, person) of every mention of such a person as a subject, in text order
        self.surname_mentions: dict[str, list[tuple[int, Person]]] = {}
        self.orgs: list[str] = []  # organisations the article names, as printed, in text order
        self.sentence_starts: list[int] = []  # where each sentence of the article begins, in order
        # (position, "m"/"f") of every "he"/"she" standing as a subject outside quotations
        self.pronoun_subjects: list[tuple[int, str]] = []
        # (position, phrase) of every plural group of people standing as a subject outside quotations:
        # what a later "they said" may stand for ("McConnell aides acknowledged ... they emphasized")
        self.group_subjects: list[tuple[int, str]] = []
        # ... and of every body ("The port authority sent a letter. It says ...") for a later "it"
        self.body_subjects: list[tuple[int, str]] = []

    def sentence_of(self, pos: int) -> int:
        """The number of the sentence a position stands in."""
        return bisect_right(self.sentence_starts, pos) - 1

    def person(self, name: str, title_words: list[str] | None = None, at: int | None = None) -> Person:
        """The Person for a name as printed, joined to the full name when only the surname is given.
        ``at`` is where the name stands, when it is a mention in the text."""
        key = name.lower()
        surname = _surname_key(key)
        namesake = self._recent_namesake(key, at)
        if namesake is not None and not _gender_clash(namesake, title_words):
            self._take_title(namesake, title_words)
            return namesake
        if key in self.by_name:
            p = self.by_name[key]
        elif key in self.by_surname and not _gender_clash(self.by_surname[key], title_words):
            # "Tierney-Voss", "van den Heuvel-Smit": a surname (with its particles) used alone
            p = self.by_surname[key]
        elif (
            len(key.split()) == 2
            and key in self.by_compound
            and not _gender_clash(self.by_compound[key], title_words)
        ):
            p = self.by_compound[key]
        elif (
            len(key.split()) > 1
            and surname in self.by_surname
            and len(self.by_surname[surname].name.split()) == 1
            and not _first_name_clash(self.by_surname[surname], name)
        ):
            # the surname came first ("Mr. Ekwall"), the full name later: keep one person
            p = self.by_surname[surname]
            p.name = name
            p.gender = names.gender_of_first_name(name) or p.gender
        else:
            p = Person(name=name, gender=_gender_of_new_name(name))
        self.by_name[key] = p
        self.by_name[p.name.lower()] = p
        for sur in {surname, surname_with_particles(p.name).lower()} - {""}:
            if sur not in self.by_surname or len(p.name.split()) > len(self.by_surname[sur].name.split()):
                self.by_surname[sur] = p
        full = p.name.lower().split()
        bearers = self.bearers.setdefault(_surname_key(p.name.lower()), [])
        if len(full) >= 2 and not any(b is p for b in bearers):
            bearers.append(p)
        if len(full) >= 3:
            self.by_compound.setdefault(" ".join(full[-2:]), p)
        self._take_title(p, title_words)
        return p

    def _note_subject(self, p: Person, at: int) -> None:
        """Record ``p`` standing as a subject at ``at``, for the namesake rule. Only subjects count:
        "his wife, Hillary Clinton" or "a photo of Heidi Cruz" does not make her the next "Clinton"."""
        surname = _surname_key(p.name.lower())
        if surname:
            insort(self.surname_mentions.setdefault(surname, []), (at, p), key=lambda m: m[0])

    def _recent_namesake(self, key: str, at: int | None) -> Person | None:
        """For a surname alone shared by two people the article names as subjects: the one that stood
        as a subject in the last few sentences before it, or None when neither did."""
        seen = self.surname_mentions.get(key)
        if at is None or " " in key or not seen or len(self.bearers.get(key, ())) < 2:
            return None
        i = bisect_left(seen, at, key=lambda m: m[0]) - 1
        if i < 0:
            return None
        pos, p = seen[i]
        return p if self.sentence_of(at) - self.sentence_of(pos) <= NAMESAKE_SENTENCES else None

    def _take_title(self, p: Person, title_words) -> None:
        if title_words:
            g = roles.gender_of_words(title_words)
            if g and not p.gender_from_title:
                # "9/11 widow Terry Strada": the text's own word beats a first name's guess
                p.gender, p.gender_from_title = g, True
            info = roles.parse_title(title_words)
            if info["role"]:
                # every title word, so "the Indiana governor" finds "Indiana Gov. Thomas Keller"
                p.roles.update(roles.normalize_word(w) for w in title_words if w.lower() not in NAME_STRIP)
                if not p.title.get("role"):
                    p.title = self.employer_checked(info)

    def employer_checked(self, info: dict) -> dict:
        """An office's employer that is a person of the article is no body: "Clinton campaign
        manager Robby Mook" works for the Clinton campaign, "Stein spokeswoman" for no body named."""
        org = info.get("organization", "")
        key = org.lower().removesuffix("'s").removesuffix("’s")
        if not org or (key not in self.by_name and key not in self.by_surname):
            return info
        return {**info, "organization": f"{org} campaign" if "campaign" in info.get("role", "").lower() else ""}

    def finish(self, docs_with_offsets, skip=None):
        """Second pass once every full name is known: a lone surname the tagger did not call a
        person ("Okafor cited ...", tagged as an organisation) is a mention of that person too."""
        covered = {m.start for m in self.mentions}
        extra = []
        for paragraph, (doc, offset) in enumerate(docs_with_offsets):
            for t in doc:
                if not t.text[:1].isupper() or t.lower_ not in self.by_surname or t.ent_type_ == "PERSON":
                    continue
                pos = offset + t.idx
                if pos in covered or (skip is not None and skip(pos)):
                    continue
                if t.dep_ == "compound" or (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN"):
                    continue  # part of a longer name
                p = self._recent_namesake(t.lower_, pos) or self.by_name.get(t.lower_) or self.by_surname[t.lower_]
                subj = t.dep_ in ("nsubj", "nsubjpass")
                if subj:
                    self._note_subject(p, pos)
                sent = t.sent
                extra.append(
                    Mention(
                        pos,
                        pos + len(t),
                        paragraph,
                        p,
                        subj,
                        offset + sent.start_char,
                        offset + sent.end_char,
                        subj and _heads_main_clause(t),
                        t.dep_ in MODIFIER_DEPS,
                    )
                )
        if extra:
            self.mentions = sorted(self.mentions + extra, key=lambda m: m.start)

    def add_doc(self, doc, offset: int, paragraph: int, skip=None):
        """Record the PERSON entities of one paragraph (skip(start) says a spot is in a quote)."""
        sents = list(doc.sents)
        sent_of = {}
        for si, sent in enumerate(sents):
            sent_of[sent.start] = si
            self.sentence_starts.append(offset + sent.start_char)
        persons = _person_spans(doc)
        for t in doc:
            quoted = skip is not None and skip(offset + t.idx)
            if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("he", "she") and not quoted:
                self.pronoun_subjects.append((offset + t.idx, "m" if t.lower_ == "he" else "f"))
            elif t.dep_ == "nsubj" and not quoted and _group_of_people(t):
                self.group_subjects.append((offset + t.idx, _clean(_as_printed(_phrase_tokens(t)))))
            elif t.dep_ == "nsubj" and not quoted and _a_body(t):
                self.body_subjects.append((offset + t.idx, _strip_det(_clean(_as_printed(_phrase_tokens(t))))))
        for ent in doc.ents:
            if ent.label_ == "ORG" and not (skip is not None and skip(offset + ent.start_char)):
                self.orgs.append(_strip_det(ent.text))
        for ent in persons:
            name, title = split_name(list(ent))
            if not name or (skip is not None and skip(offset + ent.start_char)):
                continue
            title = _title_before(doc, ent.start) + title or appositive_office(ent.root)
            p = self.person(name, title, at=offset + ent.start_char)
            root = ent.root
            # the appositive's head noun only: "X, the mother's lawyer" says nothing of X
            described = roles.gender_of_words([a.text for a in root.children if a.dep_ == "appos"])
            if described and not p.gender_from_title:
                p.gender, p.gender_from_title = described, True  # "Terry Lindqvist, a ferry worker's widow,"
            subj = root.dep_ in ("nsubj", "nsubjpass") or (
                root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass")
            )
            if subj:
                self._note_subject(p, offset + ent.start_char)
            sent = ent.sent
            self.mentions.append(
                Mention(
                    offset + ent.start_char,
                    offset + ent.end_char,
                    paragraph,
                    p,
                    subj,
                    offset + sent.start_char,
                    offset + sent.end_char,
                    subj and _heads_main_clause(root),
                    root.dep_ in MODIFIER_DEPS,
                )
            )
            if not p.gender_from_title:
                self._vote(p, ent, sents, sent_of, persons)

    def _vote(self, p: Person, ent, sents, sent_of, persons):
        """Gender from the pronouns that follow a name: a subject and the "He ..." opening the next
        sentence, or "his"/"her" later in its own sentence with no other name in between."""
        sent = ent.sent
        si = sent_of.get(sent.start, -1)
        votes = p.votes
        nxt_ent = next((e.start for e in persons if e.start > ent.start), 10**9)
        for t in ent.doc[ent.end : min(sent.end, nxt_ent)]:
            if t.lower_ in ("his", "him", "himself"):
                votes["m"] = votes.get("m", 0) + 1
            elif t.lower_ in ("her", "hers", "herself"):
                votes["f"] = votes.get("f", 0) + 1
        if ent.root.dep_ == "nsubj" and 0 <= si < len(sents) - 1:
            first = sents[si + 1][0].lower_
            if first == "he":
                votes["m"] = votes.get("m", 0) + 1
            elif first == "she":
                votes["f"] = votes.get("f", 0) + 1


# "John G. Roberts Jr.": generational suffixes after the surname
GENERATION_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _surname_key(key: str) -> str:
    """The lower-case surname of a lower-case name: "roberts" of "john g. roberts jr."."""
    words = key.split()
    while len(words) > 1 and words[-1] in GENERATION_SUFFIXES:
        words.pop()
    return words[-1] if words else key


def _gender_of_new_name(name: str) -> str:
    """A full name's first name tells; a one-word name only when it is a common first name
    ("Melanie" in a story that never gives her surname), not a surname that may be one too."""
    full = len(name.split()) > 1
    return names.gender_of_first_name(name) if full or names.is_common_first_name(name) else ""


def _a_body(t) -> bool:
    """A singular organisation or public body ("the city", "the ministry", "Acme Corp")."""
    return t.tag_ in ("NN", "NNP") and (t.lower_ in ORG_WORDS or t.lower_ == "city" or t.ent_type_ == "ORG")


def _group_of_people(t) -> bool:
    """A plural noun for people ("aides", "critics", "residents of the town"), not of things."""
    return t.tag_ == "NNS" and (t.lemma_.lower() in GROUP_WORDS or t.lower_ in GROUP_WORDS or t.lower_ in cues.PERSON_NOUNS)


def _heads_main_clause(root) -> bool:
    """Is this subject (or the subject it stands in apposition to) the subject of its sentence's
    main verb, or of a verb coordinated with it ("Vidal rose and said ...")?"""
    if root.dep_ == "appos":
        root = root.head
    verb = root.head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def surname_with_particles(name: str) -> str:
    """ "van den Heuvel-Smit" of "Maria van den Heuvel-Smit"; "" for a one-word name."""
    words = name.split()
    if len(words) < 2:
        return ""
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in names.PARTICLES:
        i -= 1
    return " ".join(words[i:])


HYPHENS = frozenset("-‐‑–")


def _joined(a, b) -> bool:
    """No space between two tokens: "Tierney" "-" "Voss"."""
    return b.i == a.i + 1 and not a.whitespace_


def _capitalised_name_part(t) -> bool:
    return (
        t.text[:1].isupper()
        and t.is_alpha
        and t.pos_ in ("PROPN", "NOUN", "ADJ", "VERB")
        and not roles.is_office_word(t.text.strip("."))
        and t.lower_ not in roles.HONORIFICS
    )


def name_run(tok) -> list:
    """The whole printed name around ``tok``, hyphenated parts and particles included:
    "Maria van den Heuvel-Smit", "Clara Tierney-Voss" (the parser splits and mis-tags both)."""
    doc = tok.doc
    lo = hi = tok.i
    while step := _left_step(doc, lo):
        lo -= step
    while (
        hi + 2 < len(doc)
        and doc[hi + 1].text in HYPHENS
        and _joined(doc[hi], doc[hi + 1])
        and _joined(doc[hi + 1], doc[hi + 2])
        and doc[hi + 2].text[:1].isupper()
    ):
        hi += 2
    run = list(doc[lo : hi + 1])
    # "Foreign Affairs Ruben Moreau": when the run holds a known first name after other words,
    # the name starts there (the words before it close an office's title)
    first = next((k for k, t in enumerate(run) if names.is_common_first_name(t.text)), 0)
    if first and not names.is_common_first_name(run[0].text) and run[first - 1].lower_ not in names.PARTICLES:
        run = run[first:]
    return run


def _run_after_particles(doc, end: int) -> list:
    """ "[Maria van] den Heuvel-Smit": an entity the tagger ended on a particle goes on through the
    particles to the surname after them; [] when no capitalised name word follows."""
    j = end
    while j < len(doc) and doc[j].lower_ in names.PARTICLES and doc[j].text[:1].islower():
        j += 1
    if not (doc[end - 1].lower_ in names.PARTICLES or j > end) or j >= len(doc):
        return []
    return name_run(doc[j]) if doc[j].text[:1].isupper() and doc[j].is_alpha else []


def _left_step(doc, lo: int) -> int:
    """How many tokens before ``lo`` still belong to the name (0: the name starts at ``lo``)."""
    if (
        lo >= 2
        and doc[lo - 1].text in HYPHENS
        and _joined(doc[lo - 2], doc[lo - 1])
        and _joined(doc[lo - 1], doc[lo])
        and doc[lo - 2].text[:1].isupper()
    ):
        return 2  # "Tierney" "-" before "Voss"
    if lo < 1:
        return 0
    prev = doc[lo - 1]
    if prev.lower_ in names.PARTICLES and _particles_lead_to(doc, lo - 1):
        return 1
    person_after_body = prev.ent_type_ in ("ORG", "GPE", "NORP") and doc[lo].ent_type_ == "PERSON"
    # "Minister for Europe and Foreign Affairs Pavel Varga": a capitalised word after for/of/and/the
    # ends an office's title, not a name
    in_title = lo >= 2 and doc[lo - 2].lower_ in ("for", "of", "and", "the", "'s", "’s")
    return 1 if _is_name_word(prev) and not person_after_body and not in_title else 0


def _particles_lead_to(doc, i: int) -> bool:
    """A particle belongs to a name when a name word stands before it (or it opens the sentence,
    "Van den Heuvel-Smit said") and only particles lie between it and the next name word."""
    before_ok = (
        i == 0
        or doc[i].is_sent_start
        or _capitalised_name_part(doc[i - 1])
        or (doc[i - 1].lower_ in names.PARTICLES)
    )
    return before_ok and (doc[i].text[:1].islower() or doc[i].is_sent_start or i == 0)


def _gender_clash(p: Person, title_words) -> bool:
    """ "Mr. Ekwall" is not the "Maria Ekwall" named earlier."""
    g = roles.gender_of_words(title_words or [])
    return bool(g) and bool(p.gender) and g != p.gender


def _first_name_clash(p: Person, full_name: str) -> bool:
    """ "Michelle Obama" is not the "Mr. Obama" (or the "Obama ... his") named earlier."""
    g = names.gender_of_first_name(full_name)
    known = _gender(p)
    return bool(g) and bool(known) and g != known


def _is_name_word(t) -> bool:
    return (
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and not roles.is_office_word(t.text)
        and not roles.is_office_word(t.text.strip("."))
        and t.lower_ not in roles.HONORIFICS
        # "Chad Bown", "Georgia Lindqvist": a country's name inside a person's name is a name
        and (not roles.country_code(t.text) or t.ent_type_ == "PERSON")
    )


def _person_spans(doc):
    """PERSON entities, widened to a first name the tagger left out ("[Dmitry] Volkov"), plus
    runs of proper nouns that open with a common first name ("Emmanuel Duval" tagged a place)."""
    spans = []
    taken = set()
    for ent in doc.ents:
        if ent.label_ in ("ORG", "NORP", "GPE") and not any(i in taken for i in range(ent.start, ent.end)):
            # "Moldovan President Vasile Rotaru" tagged an organisation: the name after the office
            name = _titled_name(list(ent))
            if name:
                spans.append(doc[name[0].i : ent.end])
                taken.update(range(name[0].i, ent.end))
            continue
        if ent.label_ != "PERSON":
            continue
        start = ent.start
        while (
            start > 0
            and _is_name_word(doc[start - 1])
            and doc[start - 1].ent_type_ in ("", "PERSON")
            and doc[start - 1].dep_ == "compound"
        ):
            start -= 1
        run = (
            name_run(doc[ent.end - 1])
            if _is_name_word(doc[ent.end - 1])
            else _run_after_particles(doc, ent.end)
        )
        if run and run[0].i < start and all(t.i not in taken for t in run):
            start = run[0].i  # "Maria [van den Heuvel-Smit]", "[Clara Tierney-]Voss"
        end = max(ent.end, run[-1].i + 1) if run else ent.end
        spans.append(doc[start:end])
        taken.update(range(start, end))
    i = 0
    n = len(doc)
    while i < n:
        t = doc[i]
        if i not in taken and _is_name_word(t) and names.is_common_first_name(t.text):
            j = i + 1
            while j < n and j not in taken and _is_name_word(doc[j]):
                j += 1
            if j - i >= 2:
                spans.append(doc[i:j])
                taken.update(range(i, j))
            i = j
            continue
        i += 1
    spans = [sp for sp in spans if not is_place_name(sp.text)]
    spans.sort(key=lambda sp: sp.start)
    return spans


def is_place_name(name: str) -> bool:
    """ "Victoria Falls", "Kiev", "New Hampshire": a place, not a person."""
    words = name.split()
    return not words or words[-1].lower() in PLACE_WORDS or bool(roles.country_code(name))


def _titled_name(tokens) -> list:
    """The name words after the last office word of an entity ("[Vasile Rotaru]" in "Moldovan
    President Vasile Rotaru"), or [] when the entity is not an office followed by a name."""
    k = max(
        (i for i, t in enumerate(tokens) if roles.is_office_word(t.text) and t.text[:1].isupper()), default=-1
    )
    rest = tokens[k + 1 :]
    if k < 0 or not rest or len(rest) > MAX_TITLED_NAME_WORDS:
        return []
    if all(_is_name_word(t) and t.lower_ not in ORG_WORDS for t in rest):
        return rest
    return []


def _title_before(doc, i: int) -> list[str]:
    """Office and country words just in front of a name: "Russian Foreign Minister [Pavel Orlov]"."""
    words: list[str] = []
    j = i - 1
    while j >= 0 and len(words) < 6:
        t = doc[j]
        low = t.lower_
        if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "PRON", "CCONJ", "SCONJ") and low not in ("of",):
            break
        if t.pos_ == "DET":
            words.insert(0, t.text)
            break
        if low == "of" and any(w.lower().rstrip(".") in roles.HONORIFICS for w in words):
            break  # "the chairman of Mrs. [Clinton]'s campaign": the office is someone else's
        words.insert(0, t.text)
        j -= 1
    return words


def _first_name_of_a_country(toks) -> bool:
    """ "Chad Bown", "Georgia Lindqvist": a country's name that is also a first name, right before a
    surname (not before an office: "Georgia Governor ...")."""
    return (
        len(toks) >= 2
        and bool(names.gender_of_first_name(toks[0].text))
        and toks[1].text[:1].isupper()
        and not roles.is_office_word(toks[1].text)
        and not roles.is_office_word(toks[1].text.strip("."))
        and toks[1].lower_ not in roles.HONORIFICS
    )


def _title_words(toks) -> bool:
    """Capitalised words, no particle, the first no first name of any kind ("Cornell William Brooks"
    keeps Cornell): the end of a title before a name."""
    return (
        not names.is_common_first_name(toks[0].text)
        and not names.gender_of_first_name(toks[0].text)
        and all(t.text[:1].isupper() and t.lower_ not in names.PARTICLES for t in toks)
    )


def split_name(tokens) -> tuple[str, list[str]]:
    """("Pavel Orlov", ["Foreign", "Minister"]) from the tokens of a name with its titles."""
    toks = [t for t in tokens if not t.is_space]
    # drop a possessive or punctuation at the end
    while toks and (toks[-1].tag_ == "POS" or toks[-1].is_punct):
        toks.pop()
    title: list[str] = []
    while (
        toks
        and (
            roles.is_office_word(toks[0].text.strip("."))
            or roles.is_office_word(toks[0].text)
            or toks[0].lower_ in roles.HONORIFICS
            or toks[0].lower_.rstrip(".") in roles.HONORIFICS
            or toks[0].lower_ in roles.FORMER
            or (roles.country_code(toks[0].text) and not _first_name_of_a_country(toks))
            or toks[0].lower_ in NAME_STRIP
            # "police Chief Ana Ruiz": a lower-case word opens a title, never a name (particles aside)
            or (toks[0].text[:1].islower() and toks[0].lower_ not in names.PARTICLES)
            or not any(ch.isalnum() for ch in toks[0].text)  # a signature's dash the tagger took in
        )
        and len(toks) > 1
    ):
        title.append(toks.pop(0).text)
    # "Universe Alicia Machado" (of "Miss Universe"): capitalised words before a common first name
    # close a title, when the run does not itself open with a first name
    first = next(
        (k for k, t in enumerate(toks) if names.is_common_first_name(t.text) or names.gender_of_first_name(t.text)),
        0,
    )
    if 0 < first < len(toks) - 1 and _title_words(toks[:first]):
        title += [t.text for t in toks[:first]]
        toks = toks[first:]
    # keep the text's own spacing: "Tierney-Voss", "Ban Ki-moon"
    name = "".join(t.text_with_ws for t in toks).strip()
    name = re.sub(r"\s+", " ", name)
    return name, title


def _phrase_tokens(subject):
    """The speaker phrase without relative clauses, appositives and trailing commas."""
    toks = [subject]
    for t in subject.lefts:
        if t.dep_ == "advmod" and t.pos_ == "ADV" and t.i == subject.left_edge.i:
            continue  # "Even China said": the reporter's adverb, not part of the name
        toks.extend(t.subtree)
    for t in subject.rights:
        if t.dep_ in ("relcl", "appos", "punct", "acl", "advcl", "cc", "conj") or t.text in (
            "(",
            "—",
            "–",
            "-",
        ):
            break
        toks.extend(t.subtree)
    toks.sort(key=lambda t: t.i)
    # "Officials at the harbour agency, a branch of the ministry,": an appositive hung deeper down
    doc = subject.doc
    for k, t in enumerate(toks):
        if t.i > subject.i and t.text == "," and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("a", "an", "the"):
            return toks[:k]
    return toks


def _appos_person(subject):
    """'The head of the confederation, Alicia Montes,' -> Montes (the appositive may hang deeper)."""
    for c in subject.children:
        if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN"):
            return c
    for t in subject.subtree:
        if t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.i > subject.i and t.head.i >= subject.i:
            return t
    return None


def _printed_name(tok) -> str:
    return split_name(name_run(tok))[0]


def _name_tokens(subject, phrase):
    """The proper-name run that contains the head: "Tomas Ekwall" in "spokesman Tomas Ekwall"."""
    return name_run(subject)


def describe(subject, index: PersonIndex, at: int | None = None) -> tuple[SpeakerMention, str]:
    """A SpeakerMention for the subject token, and the pronoun to resolve later ("" if none);
    ``at`` is where the speaker phrase stands in the text."""
    phrase = _phrase_tokens(subject)
    text = _clean(_as_printed(phrase))
    if _those_described(subject):
        # "Those close to him say", "those familiar with the talks said": a group, described
        return SpeakerMention(name=text, text=text, type=SpeakerType.GROUP), ""
    if (subject.pos_ == "PRON" or subject.lower_ in PRONOUNS) and not _one_of_some(subject):
        return SpeakerMention(name="", text=subject.text, resolved_from="pronoun"), subject.lower_
    app = _appos_person(subject)
    description: list[str] = []  # "Portugal's prime minister" in "Portugal's prime minister, NAME,"
    appositive = False
    if app is not None and _names_a_body(subject, app):
        # "The ruling party, Forward Together, said", "the public broadcaster RTV reported"
        return _named_in_apposition(subject, app, text), ""
    if app is not None and (subject.pos_ == "NOUN" or _office_not_surname(subject)):
        # "A lawyer for the union, Ruth Albers, said": the name is the speaker
        description = [t.text for t in phrase if t.i < app.i and not t.is_punct]
        appositive = _looks_like_name(app)
        subject, phrase = app, _phrase_tokens(app)
    titled = _name_after_office_phrase(subject)
    if titled:
        # "Ireland's Minister for Housing Matteo Marsh said", parsed with "Minister" as the subject
        # and the name as the object of "for": the name speaks, the rest is the office
        ids = {t.i for t in titled}
        description = [t.text for t in phrase if t.i < titled[0].i]
        subject, phrase = titled[-1], [t for t in phrase if t.i in ids]
        return _person_mention(subject, phrase, text, description, index, at), ""
    if _office_alone(subject):
        pass  # "Senator from Texas says ...": an office, described; no one's name
    elif _is_person(subject, index, appositive and bool(roles.parse_title(description)["role"])):
        return _person_mention(subject, phrase, text, description or appositive_office(subject), index, at), ""
    joint = _joint_groups(subject, phrase)
    if joint:
        # "both Democrats and Republicans said": the groups speak together
        phrase, text = joint, _clean(_as_printed(joint))
    return _body_or_description(subject, phrase, text, index), ""


# Nouns for a body that a name in apposition names: "the broadcaster RTV", "the party, Forward".
BODY_NOUNS = ORG_WORDS | frozenset(
    "broadcaster outlet publication magazine daily tabloid watchdog regulator charity movement bloc".split()
)


def _names_a_body(subject, app) -> bool:
    """Is the appositive the name of the body the subject noun describes (not a person's name)?"""
    return (
        subject.pos_ == "NOUN"
        and subject.tag_ == "NN"
        and subject.lemma_.lower() in BODY_NOUNS
        and not _first_name_run(app)
    )


def _named_in_apposition(subject, app, text: str) -> SpeakerMention:
    """An organisation named by the appositive after the noun that describes it."""
    doc = app.doc
    ent = _entity_of(app)
    if ent is not None and ent.start > subject.i:
        lo, hi = ent.start, ent.end - 1  # "Forward Together" (the tagger's span, whatever its label)
    else:
        lo = hi = app.i
        while lo > subject.i + 1 and doc[lo - 1].dep_ == "compound" and doc[lo - 1].head.i == app.i:
            lo -= 1
    name = _strip_det(doc[lo : hi + 1].text)
    info = roles.parse_title([t.text for t in subject.doc[subject.left_edge.i : subject.i + 1]])
    return SpeakerMention(
        name=name, text=text, type=SpeakerType.ORGANIZATION, country=info["country"], organization=name
    )


def _one_of_some(subject) -> bool:
    """ "One of the senators", "one of the family's lawyers": a description, not a pronoun."""
    return subject.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children)


def _those_described(subject) -> bool:
    """ "Those close to him", "those familiar with the talks", "those who were in the room"."""
    return subject.lower_ == "those" and any(c.dep_ in ("amod", "acl", "relcl", "prep") for c in subject.children)


def _joint_groups(subject, phrase) -> list:
    """The tokens of "Democrats and Republicans", "unions and employers": two plural groups joined by
    "and", or [] when the subject is not the first of such a pair."""
    if subject.tag_ not in ("NNS", "NNPS") or not any(c.dep_ == "cc" and c.lower_ == "and" for c in subject.children):
        return []
    conj = next((c for c in subject.children if c.dep_ == "conj"), None)
    if conj is None or conj.tag_ not in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in conj.children):
        return []
    # "developers and supporters in Congress": a phrase the parser hung on the first applies to both
    end = max([conj.right_edge.i] + [t.right_edge.i for t in subject.rights if t.i > conj.i and t.dep_ == "prep"])
    return [*phrase, *subject.doc[phrase[-1].i + 1 : end + 1]]


NOT_PERSON_ENTS = ("ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART")


def _is_person(subject, index: PersonIndex, office_appositive: bool) -> bool:
    if subject.lower_ in ORG_WORDS:
        return False
    if " ".join(t.text for t in name_run(subject)).lower() in roles.INSTITUTIONS:
        return False  # "Downing Street said", "the Elysee said": a seat of government speaks
    if roles.country_code(subject.text) and not _in_full_name(subject):
        return False  # "Jordan said" is the country; "Chuck Jordan said" a man
    if subject.ent_type_ == "PERSON" or (
        subject.pos_ == "PROPN" and subject.ent_type_ not in NOT_PERSON_ENTS
    ):
        return True
    if (subject.pos_ == "PROPN" or subject.text[:1].isupper()) and (
        subject.lower_ in index.by_surname or _printed_name(subject).lower() in index.by_surname
    ):
        return True  # NER calls a lone surname ("Tierney-Voss") an organisation now and then
    if subject.pos_ == "PROPN" and subject.ent_type_ in ("ORG", "NORP", "GPE") and subject.ent_iob_ == "I":
        ent = _entity_of(subject)
        if ent is not None and ent.end - 1 == subject.i and _titled_name(list(ent)):
            return True  # "Moldovan President Vasile Rotaru" tagged an organisation
    if _first_name_run(subject):
        return True  # "Annika Lindqvist" tagged an organisation: a first name opens it
    if subject.pos_ == "PROPN" and _described_as_one_person(subject):
        return True  # "Tove K. Lind III, a columnist at the Ledger," tagged an organisation
    return office_appositive  # "the prime minister, Helena Brito,": an office's appositive is a person


# Nouns that describe one person in an appositive ("X, a writer for the Ledger,"), beside offices.
ONE_PERSON_NOUNS = frozenset(
    """
    writer author columnist journalist reporter editor correspondent commentator blogger professor
    lawyer attorney economist analyst historian scholar activist pastor priest rabbi imam doctor
    founder owner actor actress singer rapper comedian student teacher nurse veteran widow widower
    mother father son daughter wife husband brother sister
    """.split()
)


def appositive_office(name) -> list[str]:
    """The words of an appositive that names an office: "the foreign minister of France" in "Jean
    Ayrault, the foreign minister of France, said"; [] when there is none."""
    for c in name.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > name.i:
            for head in [c, *(t for t in c.subtree if t.dep_ == "conj" and t.head.i == c.i)]:
                words = _office_words(head)
                if roles.parse_title(words)["role"]:
                    return words
    return []


def _office_words(head) -> list[str]:
    """The words of an appositive's phrase; when its head is no office ("the minister's sister"),
    without the possessor, whose office it is not."""
    own = _own_phrase(head)
    if not roles.is_office_word(head.text):
        owned = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
        own = [t for t in own if t.i not in owned]
    return [t.text for t in sorted(own, key=lambda t: t.i) if not t.is_punct or t.text in "-."]


# What hangs off a description without describing the office: a second appositive ("..., a
# member of the council"), a relative clause, a second office joined by "and now ...".
NOT_OF_THE_OFFICE = ("appos", "relcl", "acl", "conj", "cc", "advcl", "parataxis")


def _own_phrase(head) -> list:
    out = [head]
    for c in head.children:
        if c.dep_ not in NOT_OF_THE_OFFICE:
            out.extend(_own_phrase(c))
    return out


def _described_as_one_person(subject) -> bool:
    """A name with an appositive that describes a person: "a writer for the Ledger", "the foreign
    minister of France"."""
    return any(
        c.dep_ == "appos"
        and c.tag_ == "NN"
        and (c.lemma_.lower() in ONE_PERSON_NOUNS or c.lower_ in roles.OFFICE_WORDS)
        and c.lower_ not in ORG_WORDS
        for c in subject.children
    )


def _name_after_office_phrase(subject) -> list:
    """The tokens of a name ending an office phrase the parser made the subject ("[Minister] for
    Housing Matteo Marsh"): a run of capitalised words from a first name on, or []."""
    if (
        not _office_not_surname(subject)
        or not subject.text[:1].isupper()  # "a spokeswoman for Speaker Ruth Albers" is not Albers
        or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children)
    ):
        return []
    for prep in subject.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "of") or prep.i < subject.i:
            continue
        last = prep.right_edge
        run = name_run(last)
        start = next((k for k, t in enumerate(run) if names.gender_of_first_name(t.text)), None)
        if last.pos_ == "PROPN" and start is not None and len(run) - start >= 2:
            return run[start:]
    return []


def _office_alone(subject) -> bool:
    """A capitalised office word standing for the person ("Senator from Texas says"), not part of a
    name ("Senator Lund", "Carl King")."""
    return (
        _office_not_surname(subject)
        and subject.ent_type_ != "PERSON"
        and not any(c.dep_ == "compound" for c in subject.children)
        and not (subject.i + 1 < len(subject.doc) and subject.doc[subject.i + 1].pos_ == "PROPN")
    )


def _office_not_surname(subject) -> bool:
    """An office word standing as a title ("the Minister, Ana Ruiz,"), not a surname that reads as
    one after a first name ("Carl King, a party organiser,")."""
    return roles.is_office_word(subject.text) and not (_in_full_name(subject) or _first_name_run(subject))


def _entity_of(tok):
    """The named entity a token stands in, or None."""
    return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)


def _in_full_name(subject) -> bool:
    """Is the word the last of a person's name of two or more words ("Chuck Jordan")?"""
    ent = _entity_of(subject)
    return ent is not None and ent.label_ == "PERSON" and ent.end - ent.start > 1


def _first_name_run(subject) -> bool:
    """Two to four capitalised words ending at the subject, the first a first name of known gender
    and none a word of bodies ("Christian Union", "Morgan Stanley Bank")."""
    if subject.pos_ != "PROPN":
        return False
    run = name_run(subject)
    return (
        2 <= len(run) <= 4
        and run[-1].i == subject.i
        and bool(names.gender_of_first_name(run[0].text))
        and not any(t.lower_ in ORG_WORDS or t.lower_ in GROUP_WORDS for t in run)
    )


def _person_mention(
    subject, phrase, text: str, description: list[str], index: PersonIndex, at: int | None = None
) -> SpeakerMention:
    run = _name_tokens(subject, phrase)
    name, extra = split_name(run)
    title_words = [t.text for t in phrase if t.i < run[0].i] + extra
    p = index.person(name, title_words or description, at=at) if name else None
    info = roles.parse_title(title_words) if title_words else {}
    info = _fill(info, roles.parse_title(description) if description else {}, capitalise=True)
    info = index.employer_checked(_fill(info, p.title if p else {}, capitalise=True))
    return SpeakerMention(
        name=p.name if p else name,
        text=text,
        type=SpeakerType.PERSON,
        role=info.get("role", ""),
        role_is_former=info.get("role_is_former", False),
        country=info.get("country", ""),
        organization=info.get("organization", ""),
        resolved_from="surname" if p and p.name != name else "",
    )


def _body_or_description(subject, phrase, text: str, index: PersonIndex) -> SpeakerMention:
    """A group ("critics"), an organisation ("the ministry") or a description ("the spokesman")."""
    info = roles.parse_title([t.text for t in phrase])
    head = subject.lemma_.lower()
    inst = roles.INSTITUTIONS.get(text.lower().removeprefix("the ").strip())
    if head in cues.DOCUMENT_NOUNS and not _is_proper_phrase(phrase):
        # "the report said", "a letter from the council says": a source, never a person or a body
        return SpeakerMention(name=_strip_det(text), text=text, type=SpeakerType.DOCUMENT)
    # "Republicans", "Mexicans" (NORP, plural): members of a party or people, not a named body
    plural_people = subject.ent_type_ == "NORP" and subject.tag_ in ("NNS", "NNPS")
    named_body = (
        subject.ent_type_ in ("ORG", "GPE") or inst is not None or (_is_proper_phrase(phrase) and not plural_people)
    )
    if subject.tag_ in ("NNS", "NNPS") and not named_body or head in GROUP_WORDS:
        # "environmental groups", "critics", "energy ministers from eight countries": no named body
        return SpeakerMention(
            name=_strip_det(text),
            text=text,
            type=SpeakerType.GROUP,
            role=info["role"],
            country=info["country"],
        )
    if subject.ent_type_ in ("ORG", "GPE", "NORP") or head in ORG_WORDS or inst is not None:
        name = _strip_det(text)
        named = _named_body(phrase, head, index) if inst is None else ""
        country = info["country"] or (inst or "")
        return SpeakerMention(
            name=named or name,
            text=text,
            type=SpeakerType.ORGANIZATION,
            country=country,
            organization=named or name,
            resolved_from="description" if named else "",
        )
    # a description: "the spokesman", "the Indiana governor", "a spokeswoman for Ruth Albers"
    mention = SpeakerMention(
        name=_strip_det(text),
        text=text,
        type=SpeakerType.PERSON,
        role=info["role"],
        role_is_former=info["role_is_former"],
        country=info["country"],
        organization=info["organization"],
    )
    if info["role"]:
        _resolve_description(mention, phrase, info, index)
    return mention


def _resolve_description(mention: SpeakerMention, phrase, info: dict, index: PersonIndex) -> None:
    """ "the minister" -> the one person the article named with that office."""
    owned = any(t.lower_ in ("for", "of", "to") for t in phrase)  # "a spokeswoman for X" is not X
    # "the senator", or a deck's "Senator from Texas says ...": an office without an article
    bare_office = bool(phrase) and phrase[0].text[:1].isupper() and roles.is_office_word(phrase[0].text)
    definite = bool(phrase) and (phrase[0].lower_ == "the" or bare_office) and not owned
    # "Denmark's climate minister": a country's office is as definite as "the"
    possessive = (
        len(phrase) > 2 and phrase[1].tag_ == "POS" and bool(roles.country_code(phrase[0].text)) and not owned
    )
    if not (definite or possessive):
        return
    title = [t.text for t in phrase if t.lower_ not in NAME_STRIP and not t.is_punct and t.tag_ != "POS"]
    p = _by_description(index, title, info["country"])
    if p is None and definite:
        p = _by_role(index, [t.text for t in phrase if t.lower_ not in NAME_STRIP and not t.is_punct])
    if p is None:
        return
    mention.name = p.name
    mention.resolved_from = "description"
    if p.title.get("role"):
        # the full mention's office: "the minister" is the "Danish Climate Minister" named
        mention.role = p.title["role"]
        mention.role_is_former = p.title.get("role_is_former", False)
        mention.country = p.title.get("country", "") or mention.country
        mention.organization = p.title.get("organization", "")


# offices written with capitals in front of a name: "prime minister" -> "Prime Minister"
CAPITALISED_OFFICES = frozenset(
    "minister president secretary chancellor premier senator governor mayor ambassador commissioner "
    "king queen prince princess emir speaker".split()
)


# Words an office's name keeps in lower case: "Secretary of State".
LOWER_IN_TITLES = frozenset("of the and for on at in to".split())


def _fill(info: dict, more: dict, capitalise: bool = False) -> dict:
    """``info`` with its empty fields taken from ``more``."""
    out = dict(info)
    for k, v in more.items():
        if not out.get(k) and v:
            if k == "role" and capitalise and any(w in CAPITALISED_OFFICES for w in v.lower().split()):
                v = " ".join(w if w in LOWER_IN_TITLES else w[:1].upper() + w[1:] for w in v.split())
            out[k] = v
    return out


def _looks_like_name(tok) -> bool:
    """A run of two or more capitalised proper nouns ending at ``tok`` that is no country or body."""
    run = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
    return (
        tok.pos_ == "PROPN"
        and len(run) >= 2
        and all(t.text[:1].isupper() for t in run)
        and not any(roles.country_code(t.text) or t.lower_ in ORG_WORDS for t in run)
    )


def _is_proper_phrase(phrase) -> bool:
    """A named body: "Friends of the Earth", "Greenpeace" (every content word capitalised)."""
    content = [t for t in phrase if t.is_alpha and t.pos_ not in ("DET", "ADP", "CCONJ")]
    return bool(content) and all(t.pos_ == "PROPN" for t in content)


def _named_body(phrase, head: str, index: PersonIndex) -> str:
    """ "the ministry" -> the one organisation the article named with that word ("the Ministry of
    Fisheries"); "" when the phrase is a name itself or the article names none, or several."""
    if (
        not phrase
        or phrase[0].lower_ != "the"
        or any(t.pos_ == "PROPN" or t.text[:1].isupper() for t in phrase[1:])
    ):
        return ""
    word = re.compile(rf"\b{re.escape(head)}\b", re.IGNORECASE)
    found = {org for org in index.orgs if word.search(org) and org.lower() != head}
    return found.pop() if len(found) == 1 else ""


def _of_a_person(of) -> bool:
    """ "the wife of X", "a friend of X": the description names someone by another person."""
    return any(c.dep_ == "pobj" and (c.ent_type_ == "PERSON" or c.pos_ == "PRON") for c in of.children)


def _by_description(index: PersonIndex, words: list[str], country: str):
    """The one person named anywhere in the article with these office words and country."""
    want = {roles.normalize_word(w) for w in words if not roles.country_code(w)}
    found: dict[int, Person] = {}
    for m in index.mentions:
        p = m.person
        if (
            want
            and want <= p.roles
            and not _lesser_office(p.roles, want)
            and (not country or p.title.get("country", "") in ("", country))
        ):
            found[id(p)] = p
    return next(iter(found.values())) if len(found) == 1 else None


def _by_role(index: PersonIndex, words: list[str]):
    """The most recent person introduced with all these title words: "the spokesman" -> "Kremlin
    spokesman Oleg Varenko", "the Indiana governor" -> "Indiana Gov. Thomas Keller"."""
    want = {roles.normalize_word(w) for w in words}
    for m in reversed(index.mentions):
        if want <= m.person.roles and not _lesser_office(m.person.roles, want):
            return m.person
    return None


# Words that make another office of the one they precede: the vice presidential nominee is not
# "the presidential nominee", the deputy minister not "the minister".
LESSER_OFFICE_WORDS = frozenset("vice deputy assistant associate lieutenant junior under".split())


def _lesser_office(held: set, described: set) -> bool:
    return bool((held & LESSER_OFFICE_WORDS) - described)


def _strip_det(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in NAME_STRIP:
        words.pop(0)
    return " ".join(words)


def _as_printed(tokens) -> str:
    """The tokens with the text's own spacing: "Tierney-Voss", never "Tierney - Voss"."""
    out = []
    for t, nxt in zip(tokens, [*tokens[1:], None], strict=True):
        out.append(t.text + (t.whitespace_ if nxt is not None and nxt.i == t.i + 1 else " "))
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _clean(text: str) -> str:
    # a closing quotation mark or a signature's dash the parser hung on the name
    text = text.strip().strip('"“”‘’«»―—–').strip()
    text = re.sub(r"\s+(['’]s|[.,;:!?)])", r"\1", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    return SUFFIX.sub("", text.strip())


# Pronouns after a name that outvote its first name's guess ("Terry ... she said ... her").
VOTES_OVER_FIRST_NAME = 2


def _gender(p: Person) -> str:
    m, f = p.votes.get("m", 0), p.votes.get("f", 0)
    if p.gender_from_title or not (m or f):
        return p.gender
    by_votes = "m" if m > f else "f" if f > m else ""
    if not p.gender or (by_votes != p.gender and abs(m - f) >= VOTES_OVER_FIRST_NAME):
        return by_votes
    return p.gender


def _antecedents(
    pos: int, paragraph: int, index: PersonIndex, statements_before, blocked, want: str
) -> list[Person]:
    """The people a "he"/"she" at ``pos`` may stand for, likeliest first: the nearest sentence first,
    and within a sentence its speakers and clause subjects before other names, the later first.

    Names in this paragraph and the three before count, except inside quotations and reported
    content (``blocked``); so do the named speakers of the last half page.
    """
    close: list[tuple[int, bool, int, Person, bool]] = []  # subjects, speakers and names just before
    far: list[tuple[int, Person]] = []  # other names further back: only when nothing closer fits
    for m in index.mentions:
        if m.start >= pos:
            break
        if m.paragraph < paragraph - PRONOUN_PARAGRAPHS or blocked(m.start):
            continue
        sentence = index.sentence_of(m.start)
        if m.is_subject or (m.paragraph >= paragraph - 1 and not m.is_modifier):
            close.append((sentence, m.is_main_subject, m.start, m.person, m.is_subject))
        else:
            far.append((m.start, m.person))
    for st_pos, st_name, st_type, named in statements_before:
        # only speakers with a name: "a 911 caller" or "one questioner" is no antecedent for "he";
        # a speaker inside someone else's statement ("Earnest said Obama has called for ...") is
        # reported, not present: no antecedent for the next "he said"
        if (
            st_type == SpeakerType.PERSON
            and named
            and pos - PRONOUN_SPEAKER_CHARS < st_pos < pos
            and not blocked(st_pos)
        ):
            close.append((index.sentence_of(st_pos), True, st_pos, index.person(st_name), True))
    close.sort(key=lambda c: c[:3], reverse=True)
    far.sort(key=lambda c: c[0], reverse=True)
    ordered = [(subj, start, p) for _s, _main, start, p, subj in close] + [
        (False, start, p) for start, p in far
    ]
    return [
        p
        for subject, start, p in ordered
        if _gender(p) in ("", want)
        and (subject or not _topic_continued(index, start, pos, want))
    ]


def _topic_continued(index: PersonIndex, start: int, pos: int, gender: str) -> bool:
    """Does a "he"/"she" subject of the same gender stand in a later sentence than the name at
    ``start``, before ``pos``? Then the story kept talking about someone already in focus ("She has
    faced ... Hillary Clinton ... She has called ... She said"), and a name in passing is no antecedent."""
    sentence = index.sentence_of(start)
    first = index.sentence_starts[sentence] if sentence >= 0 else 0
    # only the pronouns from the name's sentence to ``pos`` (pronoun_subjects is in text order)
    lo = bisect_right(index.pronoun_subjects, (first, ""))
    hi = bisect_right(index.pronoun_subjects, (pos, ""))
    return any(
        g == gender and (index.sentence_of(q) > sentence or q < start)
        for q, g in index.pronoun_subjects[lo:hi]
    )


# "The Republican lawmaker said": nouns a reporter uses for the legislator the story is about,
# whatever their office ("nominee", "candidate", "businessman" name someone other than the last
# speaker too often to be guessed).
LEGISLATOR_NOUNS = frozenset("lawmaker legislator politician".split())
# ... and offices held by one person, when the article named nobody with that office
OFFICES_IN_FOCUS = frozenset("senator governor mayor congressman congresswoman".split())


def person_in_focus(subject, pos: int, index: PersonIndex, statements_before, blocked):
    """The person "The Republican lawmaker, who ..., said" or "the Vermont senator said" stands for when
    no one in the article was named with those words: the nearest speaker before it, when that is a
    person with a name."""
    phrase = _phrase_tokens(subject)
    if not phrase or phrase[0].lower_ != "the" or any(t.lower_ in ("for", "of", "to") for t in phrase):
        return None
    noun = roles.normalize_word(subject.lemma_)
    if noun in OFFICES_IN_FOCUS:
        # "the Vermont senator" when no one was named senator: the story's speaker, but only then
        if any(noun in p.roles for p in index.by_name.values()):
            return None
    elif noun not in LEGISLATOR_NOUNS:
        return None
    last = _nearest_speaker(statements_before, pos, blocked)
    if last is None or not last[3] or last[2] != SpeakerType.PERSON:
        return None
    return index.person(last[1])


def _nearest_speaker(statements_before, pos: int, blocked=None):
    """The (position, name, type, named) of the last speaker before ``pos`` (outside other statements,
    when ``blocked`` says where they are), or None when it spoke more than a few paragraphs back."""
    for entry in reversed(statements_before):
        if entry[0] < pos and not (blocked is not None and blocked(entry[0])):
            return entry if pos - entry[0] < PLURAL_SPEAKER_CHARS else None
    return None


# "The company said": nouns for a business the story has just quoted by name.
COMPANY_NOUNS = frozenset("company firm carrier railway airline bank group network".split())


def body_in_focus(subject, pos: int, statements_before) -> str:
    """The organisation "the company" stands for when the article named none with that word: the
    last organisation quoted just before ("Northline Railway said ... The company said ...")."""
    phrase = _phrase_tokens(subject)
    if len(phrase) != 2 or phrase[0].lower_ != "the" or subject.lemma_.lower() not in COMPANY_NOUNS:
        return ""
    last = _nearest_speaker(statements_before, pos)
    return last[1] if last is not None and last[2] == SpeakerType.ORGANIZATION else ""


def resolve_pronoun(
    pronoun: str, pos: int, paragraph: int, index: PersonIndex, statements_before, blocked
) -> tuple[str, str]:
    """(name, type) for a pronoun speaker at ``pos``, or ("", "") when nothing fits.

    he/she: the nearest earlier person of compatible gender in this or the three paragraphs
    before, skipping names inside quotations and reported content (``blocked(pos)``); failing
    that, the last speaker. they/we: the last group or organisation that spoke.
    """
    if pronoun in PRONOUNS_M or pronoun in PRONOUNS_F:
        want = "m" if pronoun in PRONOUNS_M else "f"
        found = _antecedents(pos, paragraph, index, statements_before, blocked, want)
        return (found[0].name, SpeakerType.PERSON) if found else ("", "")
    if pronoun in PRONOUNS_PL or pronoun == "it":
        # "they" is a group or a body that spoke; "it" only a body
        wanted = (
            (SpeakerType.ORGANIZATION,) if pronoun == "it" else (SpeakerType.GROUP, SpeakerType.ORGANIZATION)
        )
        k = bisect_right(index.body_subjects, (pos, "")) - 1
        body = index.body_subjects[k] if pronoun == "it" and k >= 0 else None
        if body is not None and pos - body[0] >= GROUP_SUBJECT_CHARS:
            body = None
        for st_pos, st_name, st_type, _named in reversed(statements_before):
            if pos - PLURAL_SPEAKER_CHARS < st_pos < pos and st_type in wanted and st_name:
                if body is not None and body[0] > st_pos:
                    break  # "The port authority sent a letter. It says ...": the body just named
                return st_name, st_type
        if body is not None:
            return body[1], SpeakerType.ORGANIZATION
        if pronoun == "they":
            # no group spoke just before: the group the last sentences were about ("we" is the writer's)
            k = bisect_right(index.group_subjects, (pos, "")) - 1
            if k >= 0 and pos - index.group_subjects[k][0] < GROUP_SUBJECT_CHARS:
                return _strip_det(index.group_subjects[k][1]), SpeakerType.GROUP
    return "", ""
