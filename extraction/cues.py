"""Which words introduce speech, and which only look as if they do.

A statement needs a speech cue: "said", "warned", "according to", "in a statement". Verbs of
thinking, wanting and finding ("believes", "hopes", "the poll found") report no words anyone
said, and a negated cue ("did not say", "declined to comment") reports none either.
"""

from __future__ import annotations

# "criticized the plan as a tax on work": an object this long with for/as/that is a message.
MESSAGE_MIN_WORDS = 4

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
    underscore swear guarantee signal hint speculate reckon
    """.split()
)

# Verbs with a particle or preposition that report speech only together with it: "pointed out that
# ...", "pointed to the ruling as proof". ``_verb_lemma`` names them "point out", "point to".
PHRASAL_CUES = {("point", "out"): "point out", ("point", "to"): "point to"}
SPEECH_VERBS = SPEECH_VERBS | {"point out"}

# Verbs that may name only a topic or a target ("criticized Halvorsen"): a statement only when their
# object carries a message (a clause, a quotation, or a longer phrase).
TOPIC_VERBS = frozenset(
    """
    cite mention discuss talk speak refer highlight express attack criticize criticise condemn
    praise question reject defend slam blast dismiss decry denounce hail welcome applaud mock
    ridicule lambast berate scold chide rebuke tout bemoan extol lament decry liken compare characterize
    characterise portray laud dispute
    """.split()
) | {"point to"}

# Cues after which a prepositional object is the message: "warned against", "called for",
# "accused X of", "asked for".
OBJECT_MESSAGE = frozenset("call warn urge accuse blame plead demand press implore exhort ask say".split()) | {
    "point to"
}

# "call" is special: "called for X", "called on X to", "called X a liar" carry a message, but
# "called a meeting" does not.
CALL = "call"

# Sources that are evidence or documents rather than speakers.
EVIDENCE_NOUNS = frozenset(
    """
    statistic statistics datum poll polls survey surveys data study studies analysis analyses finding findings estimate estimates
    record records database databases figures statistics numbers research census tally count model
    forecast forecasts projection projections index percent %
    """.split()
)
DOCUMENT_NOUNS = frozenset(
    """
    letter letters report reports memo memorandum complaint ad advertisement clip film video article book ruling brief
    website filing lawsuit indictment document documents transcript footage email e-mail bill law
    """.split()
)

# Things one issues or delivers that then "say" something: "issued a statement saying ...".
OCCASION_NOUNS = frozenset(
    "speech letter post tweet email e-mail video op-ed column essay release ad".split()
)

# Nouns that report what someone said when a person owns them: "Ekwall's claim that the port was
# bankrupt", "her allegations of fraud". ("charges" is legal, "findings" evidence: not here.)
SAID_NOUNS = frozenset(
    """
    claim claims allegation allegations assertion assertions accusation accusations warning warnings
    insistence argument arguments promise promises pledge pledges vow vows suggestion suggestions
    contention remark remarks comment comments statement statements denial denials call calls demand
    demands criticism complaint complaints prediction predictions admission
    """.split()
)

# Verbs that put a statement or speech out: "issued a statement saying", "delivered a speech
# blaming", "made the following comment:".
ISSUING_VERBS = frozenset("issue deliver release give make post send offer publish write put".split())
# Nouns that name an occasion of speech: "in a statement", "in an interview", "in remarks".
SPEECH_NOUNS = frozenset(
    """
    statement statements remarks remark comment comments interview speech testimony tweet tweets post
    posts message address briefing announcement press conference
    """.split()
)

# Verbs that report only a clause or a quotation: "said the same thing", "added a note of caution",
# "continued to poke", "agreed to lend", "responded to the request" report no words; "charged
# that the mayor lied" is speech, "charged Okafor with fraud" a legal act.
CLAUSE_ONLY = frozenset(
    """
    say add continue agree disagree insist argue explain write state reply respond answer recall
    remark observe contend maintain assert declare joke quip muse exclaim whisper mutter
    shout yell scream chant sing post tweet testify conclude comment complain boast brag lament
    charge speculate
    """.split()
)

# Verbs whose object may be the message ("stressed her support for the harbour levy")
# but may also name only a topic ("noted the rule"): kept when the object carries a message.
OBJECT_IF_MESSAGE = frozenset(
    """
    note report admit acknowledge confirm concede claim emphasize emphasise stress suggest echo repeat
    reiterate predict
    """.split()
) | {"point out"}

# Nouns that can head a speaker phrase: people, offices, groups and bodies. A cue whose subject
# is "the plan", "his views" or "one slide" is not speech by anyone.
PERSON_NOUNS = frozenset(
    """
    man woman men women person people source sources official officials spokesman spokeswoman spokesperson
    aide aides adviser advisers advisor advisors lawyer lawyers attorney attorneys expert experts analyst
    analysts critic critics supporter supporters opponent opponents voter voters resident residents
    leader leaders lawmaker lawmakers legislator legislators senator senators governor governors mayor
    president minister ministers secretary chairman chairwoman chair director head chief executive
    candidate nominee nominees member members reporter reporters journalist journalists writer author
    editor host anchor moderator professor economist economists scientist scientists researcher
    researchers doctor doctors physician physicians nurse officer officers police detective agent agents
    prosecutor prosecutors judge judges justice diplomat diplomats ambassador envoy general commander
    soldier soldiers veteran veterans activist activists advocate advocates organizer organizers
    protester protesters demonstrator demonstrators witness witnesses neighbor neighbors friend friends
    relative relatives family father mother son daughter wife husband brother sister parent parents
    lady ladies gentleman gentlemen widow widower couple grandmother grandfather uncle aunt cousin
    surrogate surrogates backer backers loyalist loyalists
    student students teacher teachers worker workers employee employees staff staffer staffers manager
    owner founder ceo consultant strategist pollster observer observers insider insiders colleague
    colleagues ally allies rival rivals democrat democrats republican republicans conservative
    conservatives liberal liberals progressive progressives congressman congresswoman representative
    delegate delegates deputy deputies negotiator negotiators investigator investigators inspector
    caller callers victim victims survivor survivors fan fans guest guests audience crowd panel
    campaign campaigns team committee commission council government administration ministry department
    office agency party kremlin embassy court board union company group organization organisation
    institute foundation association federation league coalition cabinet parliament congress senate
    assembly authority authorities alliance city state county town country nation province newspaper network channel paper magazine journal
    outlet publication broadcaster station bank fund firm tabloid watchdog regulator charity
    everyone everybody someone somebody nobody many most some others other few all both each several
    one two three majority
    """.split()
)

NEGATORS = frozenset("not n't never no neither nor without".split())
REFUSALS = frozenset("decline refuse fail".split())
# "wants to say", "plans to announce": not said yet. ("appeared to suggest", "tried to argue" are said.)
INTENT = frozenset("want plan hope intend expect wish prepare aim".split())
# "needs to tell", "allow companies to tell", "require the police to tell": owed or permitted, not
# said. (Passive "was forced to admit", "was allowed to say" report speech that happened.)
OBLIGATION = frozenset("need require allow permit".split())
# "stopped short of calling it racist", "refrained from saying", "avoided naming": held back, not said.
HOLDING_BACK = frozenset("refrain avoid short".split())


def is_speech_lemma(lemma: str) -> bool:
    return lemma in SPEECH_VERBS or lemma in TOPIC_VERBS or lemma == CALL


def is_negated(tok, mask=None) -> bool:
    """True for "did not say", "never said", "declined to say", "has not responded".

    Only a negation just before the cue counts, and none inside a quotation: the parser hangs the
    "not" of '"Probably not," Ms. Moore said' on the cue."""
    for child in tok.children:
        if (
            (child.dep_ == "neg" or child.lower_ in NEGATORS)
            and 0 < tok.i - child.i <= 3
            and not (mask is not None and mask.covers(child.idx))
        ):
            return True
    if tok.dep_ in ("pcomp", "xcomp"):
        owner = tok.head.head if tok.dep_ == "pcomp" else tok.head
        if owner.lemma_.lower() in HOLDING_BACK:
            return True
    head = tok
    # walk up through "declined to comment", "refused to say", "did not want to say"
    for _ in range(3):
        if head.dep_ not in ("xcomp", "aux", "ccomp") or head.head == head:
            break
        if head.dep_ == "ccomp" and head.tag_ in ("VBD", "VBZ", "VBP") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in head.children
        ):
            break  # "Forecasters expect rain, the service said": a finite cue with its own subject
        head = head.head
        if head.lemma_ in REFUSALS or head.lemma_ in INTENT:
            return True
        if head.lemma_ in OBLIGATION and not any(c.dep_ == "auxpass" for c in head.children):
            return True  # "Lund needs to tell the truth", "rules that require firms to tell"

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
    return len(words) >= MESSAGE_MIN_WORDS and any(w in ("for", "as", "that") for w in lower)
