"""The optional sentence-embedding model: loads offline and finds topics keywords miss."""

import datetime as dt

import pytest

from extraction import extract

pytestmark = pytest.mark.embeddings


@pytest.fixture(scope="module")
def embed():
    from statements.services.embeddings import load_embedder

    return load_embedder()


def test_embeddings_are_unit_vectors_that_separate_subjects(embed):
    wind, cables, lithium = embed(
        ["Wind farms at sea need new cables", "offshore wind grid connection", "lithium mining royalties"]
    )
    dot = lambda a, b: sum(x * y for x, y in zip(a, b, strict=True))  # noqa: E731
    assert abs(dot(wind, wind) - 1) < 1e-4
    assert dot(wind, cables) > dot(wind, lithium) + 0.3


def test_similarity_assigns_a_topic_no_keyword_names(embed):
    text = (
        "Minister backs new turbines\n\n"
        "OSLO — Norwegian Energy Minister Kari Lundeby said on Monday that the wind turbines off the west "
        "coast would power a million homes by 2030.\n"
    )
    topics = [
        {"name": "Offshore wind farms", "keywords": ["offshore wind"]},
        {"name": "Critical minerals", "keywords": ["lithium"]},
    ]
    published = dt.date(2026, 11, 2)
    without = extract(text, published=published, topics=topics)
    with_embeddings = extract(text, published=published, topics=topics, embed=embed)
    assert without and not any(s.topics for s in without)
    assigned = {t.topic for s in with_embeddings for t in s.topics}
    assert assigned == {"Offshore wind farms"}
