"""The records extraction produces. Plain dataclasses: no Django, JSON-serialisable via asdict()."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date


class Kind:
    DIRECT = "direct"  # every word inside quotation marks
    INDIRECT = "indirect"  # reported speech, no quoted words
    MIXED = "mixed"  # reported speech carrying a quoted fragment


class DatePrecision:
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class DateBasis:
    EXPLICIT = "explicit"  # "on 3 March", "March 2025"
    RELATIVE = "relative"  # "yesterday", "on Tuesday", "last month"
    PUBLISHED = "published"  # nothing in the text: the article's publication date
    UNKNOWN = "unknown"  # nothing in the text and no publication date known: no date


class SpeakerType:
    PERSON = "person"
    ORGANIZATION = "organization"  # "the Kremlin said", "the ministry said"
    GROUP = "group"  # "Republicans", "experts"
    DOCUMENT = "document"  # "the report said", "the letter says": a source, kept apart from persons
    UNKNOWN = "unknown"


@dataclass
class SpeakerMention:
    """Who said it, as far as the text tells.

    ``name`` is the best full name found in the article (a pronoun or "the minister" resolved to
    the person named elsewhere), ``text`` is what stands next to the cue as printed.
    """

    name: str
    text: str = ""
    type: str = SpeakerType.PERSON
    role: str = ""  # office words from the text: "Foreign Minister", "spokesman", "President"
    role_is_former: bool = False  # "former president"
    country: str = ""  # ISO 3166-1 alpha-2 hint from the text ("Russian" -> "RU"), "" if unclear
    organization: str = ""  # "Kremlin", "Security Council" when the text ties the role to one
    resolved_from: str = ""  # "", "pronoun", "description", "surname", "office": how name was found


@dataclass
class TopicSuggestion:
    topic: str  # topic name (analyst-defined, or a suggested new one)
    score: float
    stance: str = "unclear"  # support / oppose / neutral / unclear
    stance_confidence: float = 0.0
    suggested: bool = False  # True for a new topic nobody defined yet


@dataclass
class ExtractedStatement:
    speaker: SpeakerMention
    quote: str  # the speaker's words: no surrounding quotation marks, trailing comma or interrupting cue
    kind: str
    cue: str  # the cue word as printed: "said", "warned", "according to", ":"
    start: int  # the citation: text[start:end] is the statement as printed, quotation marks included
    end: int
    date: date | None = None
    date_precision: str = DatePrecision.DAY
    date_basis: str = DateBasis.PUBLISHED
    date_text: str = ""  # the words that gave the date ("last month")
    targets: list[str] = field(default_factory=list)  # persons it is about / addressed to
    platform: str = ""  # "X", "Telegram", "television" when the text says where
    confidence: float = 0.5
    topics: list[TopicSuggestion] = field(default_factory=list)
    # A mixed statement's quoted fragments: [start, end) ranges of ``quote`` that are the speaker's
    # own words, printed inside quotation marks (``quote`` holds them without the marks). Empty for
    # a direct statement (all of it is quoted) and for an indirect one (none of it is).
    quoted_spans: list[tuple[int, int]] = field(default_factory=list)

    def with_marks(self) -> str:
        """The words as printed, with marks put back around a mixed statement's quoted spans."""
        return marked_words(self.quote, self.quoted_spans)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        return data


def marked_words(words: str, spans, opening: str = "“", closing: str = "”") -> str:
    """Words with quotation marks put back around the given [start, end) spans (in order, apart)."""
    out, pos = [], 0
    for start, end in spans:
        out += [words[pos:start], opening, words[start:end], closing]
        pos = end
    out.append(words[pos:])
    return "".join(out)
