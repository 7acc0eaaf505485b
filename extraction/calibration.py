"""Each statement's confidence as a probability: statements at 0.8 are right about 80 % of the time.

"Right" is the evaluation scorer's rule: at least half of the statement's words lie in one
statement a labeller recorded, and the speaker is the one the labeller named.

The probability comes from what the rules knew when they made the statement (``features``): its
kind, how its speaker was named (a name, a surname, a pronoun, a description, an organisation,
a group) and the class of its cue. The table below holds the share of right statements among
the dev-set statements with those features, each level shrunk toward the coarser level above
it (kind; kind and speaker; kind, speaker and cue) with a weight of ``PRIOR_WEIGHT`` statements,
so a rare combination borrows from its neighbours instead of swinging to 0 or 1. An unseen
combination takes the most specific level it has. Two more features are computed (whether the
speaker stands in the statement's own paragraph, whether the statement is short) but a level
using them fitted half the articles better and the other half worse, so it is left out
(``LEVEL_DEPTHS``); the fitting script reports reliability on held-out articles to check this.

Fitted on polnear-dev (84 political news articles, 1,266 labelled statements) by
``benchmarks/calibrate_confidence.py``; refit after the rules change with

    .venv/bin/python benchmarks/calibrate_confidence.py ../shared/eval/polnear-dev --write

which rewrites the table between the markers below and prints the reliability table.
"""

from __future__ import annotations

from collections.abc import Iterable

from .types import ExtractedStatement, SpeakerType

# Statements of this many words or fewer are "short": scare quotes and fragments live there.
SHORT_WORDS = 5
# Weight, in statements, of the coarser level's estimate when a level is fitted: chosen by
# two-fold cross-validation over articles (10 and 20 overfit; 80 calibrated best held out).
PRIOR_WEIGHT = 80
# A probability is never stated as certain either way.
FLOOR, CEILING = 0.05, 0.98
SAID_CUES = frozenset("said says say told tells tell added adds stated states".split())

# --- fitted table (benchmarks/calibrate_confidence.py --write) ---
FITTED_ON = "polnear-dev: 84 articles, 1140 predicted statements"
LEVELS: list[dict[tuple, float]] = [
    {
        (): 0.869,
    },
    {
        ("direct",): 0.915,
        ("indirect",): 0.834,
        ("mixed",): 0.865,
    },
    {
        ("direct", "description"): 0.913,
        ("direct", "group"): 0.919,
        ("direct", "named"): 0.93,
        ("direct", "organisation"): 0.919,
        ("direct", "pronoun"): 0.861,
        ("direct", "surname"): 0.967,
        ("indirect", "description"): 0.809,
        ("indirect", "group"): 0.806,
        ("indirect", "named"): 0.845,
        ("indirect", "organisation"): 0.833,
        ("indirect", "pronoun"): 0.826,
        ("indirect", "surname"): 0.841,
        ("mixed", "description"): 0.843,
        ("mixed", "group"): 0.828,
        ("mixed", "named"): 0.892,
        ("mixed", "organisation"): 0.843,
        ("mixed", "pronoun"): 0.859,
        ("mixed", "surname"): 0.879,
    },
    {
        ("direct", "description", "said"): 0.904,
        ("direct", "group", "colon"): 0.921,
        ("direct", "group", "other"): 0.925,
        ("direct", "group", "said"): 0.913,
        ("direct", "named", "colon"): 0.935,
        ("direct", "named", "other"): 0.915,
        ("direct", "named", "said"): 0.94,
        ("direct", "organisation", "other"): 0.926,
        ("direct", "organisation", "said"): 0.913,
        ("direct", "pronoun", "other"): 0.849,
        ("direct", "pronoun", "said"): 0.84,
        ("direct", "surname", "according"): 0.97,
        ("direct", "surname", "colon"): 0.974,
        ("direct", "surname", "other"): 0.97,
        ("direct", "surname", "said"): 0.983,
        ("indirect", "description", "other"): 0.802,
        ("indirect", "description", "said"): 0.798,
        ("indirect", "group", "according"): 0.819,
        ("indirect", "group", "other"): 0.764,
        ("indirect", "group", "said"): 0.833,
        ("indirect", "named", "according"): 0.846,
        ("indirect", "named", "other"): 0.813,
        ("indirect", "named", "said"): 0.876,
        ("indirect", "organisation", "according"): 0.842,
        ("indirect", "organisation", "other"): 0.824,
        ("indirect", "organisation", "said"): 0.831,
        ("indirect", "pronoun", "other"): 0.82,
        ("indirect", "pronoun", "said"): 0.835,
        ("indirect", "surname", "according"): 0.834,
        ("indirect", "surname", "other"): 0.824,
        ("indirect", "surname", "said"): 0.865,
        ("mixed", "description", "other"): 0.832,
        ("mixed", "description", "said"): 0.832,
        ("mixed", "group", "other"): 0.8,
        ("mixed", "group", "said"): 0.83,
        ("mixed", "named", "other"): 0.897,
        ("mixed", "named", "said"): 0.908,
        ("mixed", "organisation", "according"): 0.844,
        ("mixed", "organisation", "other"): 0.826,
        ("mixed", "organisation", "said"): 0.836,
        ("mixed", "pronoun", "other"): 0.86,
        ("mixed", "pronoun", "said"): 0.859,
        ("mixed", "surname", "other"): 0.857,
        ("mixed", "surname", "said"): 0.914,
    },
]
# --- end of fitted table ---


def speaker_class(st: ExtractedStatement) -> str:
    sp = st.speaker
    if sp.type == SpeakerType.ORGANIZATION:
        return "organisation"
    if sp.type != SpeakerType.PERSON or not sp.name[:1].isupper():
        return "group"
    if sp.resolved_from == "pronoun":
        return "pronoun"
    if sp.resolved_from in ("description", "office"):
        return "description"
    if sp.resolved_from == "surname" or len(sp.name.split()) == 1:
        return "surname"
    return "named"


def cue_class(cue: str) -> str:
    low = (cue or "").lower().strip()
    if low in (":", "—", "―", "-", "--", "–"):
        return "colon"
    if low.startswith("according"):
        return "according"
    if low in SAID_CUES:
        return "said"
    return "other" if " " not in low else "phrase"


def distance_class(st: ExtractedStatement, text: str) -> str:
    """'near' when the speaker's words as printed stand in the statement's own paragraph."""
    written = (st.speaker.text or "").strip()
    if not written:
        return "far"
    start = text.rfind("\n", 0, st.start) + 1
    end = text.find("\n", st.end)
    return "near" if written in text[start : end if end >= 0 else len(text)] else "far"


def features(st: ExtractedStatement, text: str) -> tuple[str, str, str, str, str]:
    """(kind, speaker class, cue class, distance, length): the most specific key of the table."""
    length = "short" if len(st.quote.split()) <= SHORT_WORDS else "long"
    return st.kind, speaker_class(st), cue_class(st.cue), distance_class(st, text), length


def probability(key: tuple, levels: list[dict[tuple, float]] | None = None) -> float:
    """The table's probability for a feature key: the most specific level that has it."""
    levels = LEVELS if levels is None else levels
    p = levels[0][()]
    for depth, table in zip(LEVEL_DEPTHS[1:], levels[1:], strict=False):
        p = table.get(key[:depth], p)
    return round(min(CEILING, max(FLOOR, p)), 2)


# How many features of the key each level uses: none; kind; +speaker; +cue.
LEVEL_DEPTHS = [0, 1, 2, 3]


def calibrate(statements: Iterable[ExtractedStatement], text: str) -> None:
    """Set each statement's confidence to the fitted probability that it is right."""
    for st in statements:
        st.confidence = probability(features(st, text))
