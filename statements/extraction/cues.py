"""Which words introduce speech, and which only look as if they do.

A statement needs a speech cue: "said", "warned", "according to", "in a statement". Verbs of
thinking, wanting and finding ("believes", "hopes", "the poll found") report no words anyone
said, and a negated cue ("did not say", "declined to comment") reports none either.
"""

from __future__ import annotations

# Verbs whose object is what was said.
SPEECH_VERBS = frozenset(
    """
    say tell warn insist accuse argue add note write tweet post claim announce declare suggest
    acknowledge explain state respond reply report urge vow promise pledge deny ask describe recall
    emphasize emphasise stress assert admit confirm demand propose predict chant sing echo repeat
    continue encourage blame contend maintain concede caution complain charge allege observe remark
    testify shout yell scream joke quip boast brag lament counter retort answer reiterate threaten
    advise recommend assure reassure remind inform clarify proclaim disclose conclude muse
    exclaim whisper mutter plead implore exhort press agree disagree object protest affirm underline
    underscore swear guarantee signal hint
    """.split()
)

# Verbs that may name only a topic or a target ("criticized Trump"): a statement only when their
# object carries a message (a clause, a quotation, or a longer phrase).
TOPIC_VERBS = frozenset(
    """
    cite mention discuss talk speak refer highlight express attack criticize criticise condemn
    praise question reject defend slam blast dismiss decry denounce hail welcome applaud mock
    ridicule lambast berate scold chide rebuke tout
    """.split()
)

# "call" is special: "called for X", "called on X to", "called X a liar" carry a message, but
# "called a meeting" does not.
CALL = "call"

# Cues whose subject is evidence, not a speaker: "the poll found", "data show".
EVIDENCE_VERBS = frozenset("show find indicate reveal document estimate rate suggest".split())

# Sources that are evidence or documents rather than speakers.
EVIDENCE_NOUNS = frozenset(
    """
    poll polls survey surveys data study studies analysis analyses finding findings estimate estimates
    record records database databases figures statistics numbers research census tally count model
    forecast forecasts projection projections index percent %
    """.split()
)
DOCUMENT_NOUNS = frozenset(
    """
    letter report memo memorandum complaint ad advertisement clip film video article book ruling brief
    website filing lawsuit indictment document documents transcript footage email e-mail bill law
    """.split()
)

# Nouns that name an occasion of speech: "in a statement", "in an interview", "in remarks".
SPEECH_NOUNS = frozenset(
    """
    statement statements remarks remark comment comments interview speech testimony tweet tweets post
    posts message address briefing announcement press conference
    """.split()
)

NEGATORS = frozenset("not n't never no neither nor without".split())
REFUSALS = frozenset("decline refuse fail".split())

# Verbs that look like speech but report thought, feeling or intent.
NOT_SPEECH = frozenset(
    """
    think believe want hope fear plan know worry expect feel see consider decide support endorse vote
    sign rule impose appoint release publish wish intend seem appear understand realize imagine doubt
    """.split()
)


def is_speech_lemma(lemma: str) -> bool:
    return lemma in SPEECH_VERBS or lemma in TOPIC_VERBS or lemma == CALL


def is_negated(tok) -> bool:
    """True for "did not say", "never said", "declined to say", "has not responded"."""
    for child in tok.children:
        if child.dep_ == "neg" or child.lower_ in NEGATORS:
            return True
    head = tok
    # walk up through "declined to comment", "refused to say", "did not want to say"
    for _ in range(3):
        if head.dep_ not in ("xcomp", "aux", "ccomp") or head.head is head:
            break
        head = head.head
        if head.lemma_ in REFUSALS or head.lemma_ in NOT_SPEECH:
            return True
        if any(c.dep_ == "neg" for c in head.children):
            return True
    return False


def carries_message(words: list[str]) -> bool:
    """The README rule for topic cues: a clause, a quotation, or 4+ words with for/as/that."""
    if not words:
        return False
    lower = [w.lower() for w in words]
    if any(w in ("“", "”", '"', "''", "``") for w in words):
        return True
    if lower[0] in ("that", "how", "why", "whether", "if", "what", "to", "as", "for"):
        return True
    return len(words) >= 4 and any(w in ("for", "as", "that") for w in lower)
