"""Name normalisation shared by lookups and addresses: one spelling key and one slug per name.

Transliteration is anyascii's: every letter has an ASCII spelling ("ø" -> "o", "æ" -> "ae",
"ß" -> "ss", "Ł" -> "L"), so "Søren" and "Soren" are one key and a slug keeps every letter.
"""

import re

from anyascii import anyascii
from django.utils.text import slugify

_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)
_SPACES = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """'Lars Løkke  Rasmussen' -> 'lars lokke rasmussen'. Diacritics, case and punctuation folded."""
    text = anyascii(name or "").casefold()
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


# Marks an extractor or a paste leaves at a name's edges: "Orla Tierney," or "“Orla Tierney”".
_EDGE_MARKS = " \t\n,;:\"'“”‘’«»()[]"
# A final full stop belongs to an abbreviation ("Jr.", "St.") and is kept; after a longer word it is stray.
_ABBREVIATION_MAX = 3


def clean_display_name(name: str) -> str:
    """'Orla Tierney,' -> 'Orla Tierney'; 'Martin Luther King Jr.' unchanged. Inner spaces collapsed."""
    name = " ".join((name or "").split()).strip(_EDGE_MARKS)
    while name.endswith(".") and len(name.rsplit(" ", 1)[-1]) > _ABBREVIATION_MAX:
        name = name[:-1].strip(_EDGE_MARKS)
    return name


def slug_for(text: str) -> str:
    """'Søren Kjærsgaard-Holm' -> 'soren-kjaersgaard-holm' (Django's slugify would drop ø and æ)."""
    return slugify(anyascii(text or ""))
