"""Is this the same remark? Folding printed versions of one quote together.

Three outlets print one remark three ways: curly or straight quotes, a comma dropped, a word
trimmed at the end, a middle part replaced by an ellipsis. `normalize_quote` gives the text a
key that ignores typography; `same_remark` compares two printed versions word by word and
accepts only differences an editor makes when quoting, never a different number, a negation
or another clause.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

# "...", ". . .", "…", "[...]", "(…)": an editor's omission mark.
_ELLIPSIS = re.compile(r"[\[(]\s*(?:…|(?:\.\s*){3,})\s*[\])]|…|\.(?:\s?\.){2,}")
_APOSTROPHES = re.compile(r"[’‘ʼ`´′]")
_CONTRACTIONS = [
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"\bain't\b"), "is not"),
    (re.compile(r"(\w)n't\b"), r"\1 not"),
    (re.compile(r"(\w)'re\b"), r"\1 are"),
    (re.compile(r"(\w)'ve\b"), r"\1 have"),
    (re.compile(r"(\w)'ll\b"), r"\1 will"),
    (re.compile(r"\bi'm\b"), "i am"),
]
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_PER_CENT = re.compile(r"\bper\s+cent\b|%")
_TOKEN = re.compile(r"[^\W_]+(?:\.\d+)*|[$€£¥]")

NEGATIONS = frozenset(
    {"not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "nowhere", "without", "against"}
)
# fmt: off
NUMBER_WORDS = frozenset({
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
    "million", "billion", "trillion", "half", "quarter", "dozen", "percent", "first", "second", "third",
    "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "twice", "double", "triple",
})
# fmt: on

# Words an editor may leave out at either end of a quote without changing what was said.
MAX_TRIMMED_WORDS = 2
# Fewer matching words than this is too little evidence that two quotes are one remark.
MIN_SHARED_WORDS = 3


def _prepare(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = _APOSTROPHES.sub("'", text)
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    text = text.replace("'", "")
    text = _THOUSANDS.sub("", text)
    return _PER_CENT.sub(" percent ", text)


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)


def normalize_quote(text: str) -> str:
    """The quote with case, punctuation, quote marks, dashes, ellipses and spacing folded away.

    Two printings that differ only in typography give the same string, so it is a stable key.
    """
    return " ".join(_words(_ELLIPSIS.sub(" ", _prepare(text))))


@dataclass(frozen=True)
class _Printed:
    words: tuple[str, ...]
    # Word positions with an ellipsis just before them (0 = at the start, len(words) = at the end).
    gaps: frozenset[int]
    vocabulary: frozenset[str]


# The same stored quotes are compared with every new quote by their speaker: parse each once.
@functools.lru_cache(maxsize=8192)
def _parse(text: str) -> _Printed:
    words: list[str] = []
    gaps: set[int] = set()
    for index, part in enumerate(_ELLIPSIS.split(_prepare(text))):
        if index:
            gaps.add(len(words))
        words.extend(_words(part))
    return _Printed(tuple(words), frozenset(gaps), frozenset(words))


def _is_number(word: str) -> bool:
    return word[0].isdigit() or word in NUMBER_WORDS


def _is_weighty(word: str) -> bool:
    """Words whose loss or change changes the meaning: numbers and negations."""
    return _is_number(word) or word in NEGATIONS


def _spelling_variant(a: str, b: str) -> bool:
    """British/American spelling and small typos ("organisation"/"organization"), nothing else."""
    if _is_weighty(a) or _is_weighty(b):
        return False
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    return Levenshtein.distance(a, b, score_cutoff=2) <= 2


def _omission_allowed(missing: list[str], side: _Printed, position: int) -> bool:
    """May `missing` be absent from `side` at `position` (a word index into `side`)?"""
    if position in side.gaps:
        return True  # the printed version marks the omission with an ellipsis
    at_an_end = position in (0, len(side.words))
    return at_an_end and len(missing) <= MAX_TRIMMED_WORDS and not any(_is_weighty(w) for w in missing)


def same_remark(a: str, b: str) -> bool:
    """Are `a` and `b` two printed versions of the same remark?

    Accepted: typography and punctuation, contractions ("don't"/"do not"), spelling variants,
    up to two words trimmed at either end, and any part replaced by an ellipsis. Refused: a
    different or missing number, an added or dropped negation, a changed or extra clause.
    """
    first, second = _parse(a or ""), _parse(b or "")
    if not first.words or not second.words:
        return False
    if first.words == second.words:
        return True
    # Cheap rejection: two printings of one remark share most of the shorter one's words.
    fewer = min(len(first.vocabulary), len(second.vocabulary))
    if len(first.vocabulary & second.vocabulary) * 2 < fewer:
        return False
    shared = 0
    for op in Levenshtein.opcodes(first.words, second.words):
        old, new = first.words[op.src_start : op.src_end], second.words[op.dest_start : op.dest_end]
        if op.tag == "equal":
            shared += len(old)
        elif op.tag == "delete":  # words of `a` missing from `b`
            if not _omission_allowed(old, second, op.dest_start):
                return False
        elif op.tag == "insert":  # words of `b` missing from `a`
            if not _omission_allowed(new, first, op.src_start):
                return False
        elif len(old) != len(new) or not all(map(_spelling_variant, old, new)):
            return False
        else:
            shared += len(old)
    return shared >= MIN_SHARED_WORDS
