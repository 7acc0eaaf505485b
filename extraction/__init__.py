"""Statement extraction: who said what, when, in a news article. Plain Python, no Django.

from extraction import extract
for st in extract(text, published=date(2025, 3, 20)):
    print(st.speaker.name, st.kind, st.quote)
"""

from .pipeline import extract, extract_many
from .types import (
    DateBasis,
    DatePrecision,
    ExtractedStatement,
    Kind,
    SpeakerMention,
    SpeakerType,
    TopicSuggestion,
)

# Bump when output for the same text can change, so stored statements can be re-extracted.
EXTRACTOR_VERSION = "2.15.0"

__all__ = [
    "EXTRACTOR_VERSION",
    "DateBasis",
    "DatePrecision",
    "ExtractedStatement",
    "Kind",
    "SpeakerMention",
    "SpeakerType",
    "TopicSuggestion",
    "extract",
    "extract_many",
]
