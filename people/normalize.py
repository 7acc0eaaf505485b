"""Name normalisation shared by lookups: one spelling key per name."""

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)
_SPACES = re.compile(r"\s+")
# Letters NFKD does not decompose.
_EXTRA_FOLDS = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae"})


def normalize_name(name: str) -> str:
    """'Lars Løkke  Rasmussen' -> 'lars lokke rasmussen'. Diacritics, case and punctuation folded."""
    text = unicodedata.normalize("NFKD", (name or "").translate(_EXTRA_FOLDS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _NON_WORD.sub(" ", text.casefold())
    return _SPACES.sub(" ", text).strip()
