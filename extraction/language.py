"""Which language an article is written in, so text the rules cannot read is reported, not
silently given no statements.

The rules (cue words, the English spaCy model) read English only. ``detect_language`` names the
language with py3langid, a naive Bayes model over byte n-grams that ships inside the package
(no download, no network) and needs no more than a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

SUPPORTED = frozenset({"en"})
# The model reads this much of the body: plenty for a clear answer, cheap for a 2 MB text.
SAMPLE_CHARS = 5_000
# Fewer words than this and a text's language is left undecided (names and numbers mislead it).
MIN_WORDS = 12
# Probability above which the guess is taken; below it the text is treated as undecided, so a
# short English text full of foreign names is never refused.
MIN_PROBABILITY = 0.9
WORD = re.compile(r"[^\W\d_]{2,}")

NAMES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian",
    "fi": "Finnish",
    "pl": "Polish",
    "cs": "Czech",
    "sk": "Slovak",
    "hu": "Hungarian",
    "ro": "Romanian",
    "bg": "Bulgarian",
    "el": "Greek",
    "ru": "Russian",
    "uk": "Ukrainian",
    "tr": "Turkish",
    "ar": "Arabic",
    "he": "Hebrew",
    "fa": "Persian",
    "hi": "Hindi",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "id": "Indonesian",
    "vi": "Vietnamese",
    "ca": "Catalan",
    "hr": "Croatian",
    "sr": "Serbian",
    "sl": "Slovenian",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "et": "Estonian",
    "ms": "Malay",
    "sw": "Swahili",
    "af": "Afrikaans",
}


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1 ("en", "fr"); "" when undecided
    probability: float

    @property
    def name(self) -> str:
        return NAMES.get(self.code, self.code or "undecided")

    @property
    def supported(self) -> bool:
        """True unless the text is confidently in a language the rules do not read."""
        return not self.code or self.code in SUPPORTED

    def message(self) -> str:
        """What to tell a person whose text will give no statements because of its language."""
        return (
            f"The text is in {self.name} ({self.code}); statements are extracted from English text only, "
            "so none were extracted from it."
        )


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> Language:
    """The language of ``text`` (its first ``SAMPLE_CHARS`` characters), or undecided."""
    sample = text[:SAMPLE_CHARS]
    if len(WORD.findall(sample)) < MIN_WORDS:
        return Language("", 0.0)
    code, probability = _identifier().classify(sample)
    if probability < MIN_PROBABILITY:
        return Language("", float(probability))
    return Language(str(code), float(probability))
