"""Fixtures for the extraction tests: one spaCy model per test session.

Without the model the tests skip on a developer's machine, but under CI=true they fail: a CI run
that silently skipped every extraction test would pass while testing nothing.
"""

import os

import pytest


@pytest.fixture(scope="session")
def nlp():
    spacy = pytest.importorskip("spacy")
    from extraction import nlp as nlp_mod

    try:
        return nlp_mod.load()
    except OSError:  # the model package is not installed here
        message = f"spaCy model {nlp_mod.DEFAULT_MODEL} is not installed (spaCy {spacy.__version__})"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text, published="2025-03-20") with the session's model."""
    from extraction import extract as _extract

    def run(text, published="2025-03-20", **kw):
        return _extract(text, published=published, nlp=nlp, **kw)

    return run
