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


def slug_for(text: str) -> str:
    """'Søren Kjærsgaard-Holm' -> 'soren-kjaersgaard-holm' (Django's slugify would drop ø and æ)."""
    return slugify(anyascii(text or ""))
