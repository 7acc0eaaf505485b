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
FITTED_ON = "polnear-dev: 84 articles, 1246 predicted statements"
LEVELS: list[dict[tuple, float]] = [
    {
        (): 0.877,
    },
    {
        ("direct",): 0.916,
        ("indirect",): 0.839,
        ("mixed",): 0.873,
    },
    {
        ("direct", "description"): 0.914,
        ("direct", "group"): 0.92,
        ("direct", "named"): 0.935,
        ("direct", "organisation"): 0.93,
        ("direct", "pronoun"): 0.843,
        ("direct", "surname"): 0.969,
        ("indirect", "description"): 0.816,
        ("indirect", "group"): 0.824,
        ("indirect", "named"): 0.852,
        ("indirect", "organisation"): 0.835,
        ("indirect", "pronoun"): 0.831,
        ("indirect", "surname"): 0.844,
        ("mixed", "description"): 0.852,
        ("mixed", "group"): 0.843,
        ("mixed", "named"): 0.897,
        ("mixed", "organisation"): 0.859,
        ("mixed", "pronoun"): 0.866,
        ("mixed", "surname"): 0.883,
    },
    {
        ("direct", "description", "said"): 0.905,
        ("direct", "group", "colon"): 0.921,
        ("direct", "group", "other"): 0.925,
        ("direct", "group", "said"): 0.914,
        ("direct", "named", "colon"): 0.943,
        ("direct", "named", "other"): 0.935,
        ("direct", "named", "said"): 0.942,
        ("direct", "organisation", "other"): 0.936,
        ("direct", "organisation", "said"): 0.934,
        ("direct", "pronoun", "other"): 0.834,
        ("direct", "pronoun", "said"): 0.817,
        ("direct", "surname", "according"): 0.97,
        ("direct", "surname", "colon"): 0.974,
        ("direct", "surname", "other"): 0.972,
        ("direct", "surname", "said"): 0.982,
        ("indirect", "description", "other"): 0.81,
        ("indirect", "description", "said"): 0.807,
        ("indirect", "group", "according"): 0.829,
        ("indirect", "group", "other"): 0.781,
        ("indirect", "group", "said"): 0.845,
        ("indirect", "named", "according"): 0.855,
        ("indirect", "named", "other"): 0.822,
        ("indirect", "named", "said"): 0.882,
        ("indirect", "organisation", "according"): 0.842,
        ("indirect", "organisation", "other"): 0.82,
        ("indirect", "organisation", "said"): 0.831,
        ("indirect", "pronoun", "other"): 0.82,
        ("indirect", "pronoun", "said"): 0.835,
        ("indirect", "surname", "according"): 0.834,
        ("indirect", "surname", "other"): 0.823,
        ("indirect", "surname", "said"): 0.865,
        ("mixed", "description", "other"): 0.841,
        ("mixed", "description", "said"): 0.841,
        ("mixed", "group", "other"): 0.818,
        ("mixed", "group", "said"): 0.838,
        ("mixed", "named", "other"): 0.904,
        ("mixed", "named", "said"): 0.915,
        ("mixed", "organisation", "according"): 0.863,
        ("mixed", "organisation", "other"): 0.842,
        ("mixed", "organisation", "said"): 0.865,
        ("mixed", "pronoun", "other"): 0.869,
        ("mixed", "pronoun", "said"): 0.867,
        ("mixed", "surname", "other"): 0.854,
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
