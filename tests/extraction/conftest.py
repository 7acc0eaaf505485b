"""Fixtures for the extraction tests: one spaCy model per test session.

Without spaCy or its model the extraction tests are skipped on a developer's machine, and fail
under CI=true, where a missing model means a broken install, not a choice.
"""

import pytest
from ci_rules import missing


@pytest.fixture(scope="session")
def nlp():
    try:
        import spacy
    except ImportError:
        missing("spaCy is not installed")
    from extraction import nlp as nlp_mod

    try:
        return nlp_mod.load()
    except OSError:  # the model package is not installed here
        missing(f"spaCy model {nlp_mod.DEFAULT_MODEL} is not installed (spaCy {spacy.__version__})")


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text, published="2025-03-20") with the session's model."""
    from extraction import extract as _extract

    def run(text, published="2025-03-20", **kw):
        return _extract(text, published=published, nlp=nlp, **kw)

    return run
