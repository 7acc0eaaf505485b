"""Statement dates from the words around the cue and the publication date."""

from datetime import date

import pytest

from extraction.dates import find_date

PUB = date(2025, 3, 20)  # a Thursday


@pytest.mark.parametrize(
    ("words", "expected", "precision"),
    [
        ("Okafor said on Tuesday", date(2025, 3, 18), "day"),
        ("she said on Thursday", date(2025, 3, 20), "day"),
        ("he said last Thursday", date(2025, 3, 13), "day"),
        ("he told reporters yesterday", date(2025, 3, 19), "day"),
        ("Earlier this month, Okafor announced", date(2025, 3, 1), "month"),
        ("Ekwall adding last month", date(2025, 2, 1), "month"),
        ("the minister said last year", date(2024, 1, 1), "year"),
        ("she said on March 3", date(2025, 3, 3), "day"),
        ("she said on 3 March 2024", date(2024, 3, 3), "day"),
        ("he said in December", date(2024, 12, 1), "month"),
        ("he said two weeks ago", date(2025, 3, 6), "day"),
        ("Varga previously argued", PUB, "day"),
        ("he said", PUB, "day"),
    ],
)
def test_relative_and_explicit_dates(words, expected, precision):
    d, prec, _basis, _text = find_date(words, PUB)
    assert (d, prec) == (expected, precision)


def test_never_after_publication():
    d, _, _, _ = find_date("she said on March 30", PUB)
    assert d == date(2024, 3, 30)
    d, _, basis, _ = find_date("he will speak on 1 April 2026", PUB)
    assert d == PUB and basis == "published"
