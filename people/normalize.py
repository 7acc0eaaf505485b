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
