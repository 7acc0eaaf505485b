"""Two printed versions of a quote: the same remark, or two remarks?"""

import pytest

from statements.ingest.dedupe import normalize_quote, same_remark


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("“We will not back down.”", "we will not back down"),
        ('"We will NOT   back down!"', "we will not back down"),
        ("We won’t back down…", "we will not back down"),
        ("We can't — and won't — wait", "we can not and will not wait"),
        ("Taxes rose by 3.5% to 1,200 crowns", "taxes rose by 3.5 percent to 1200 crowns"),
        ("Taxes rose by 3.5 per cent", "taxes rose by 3.5 percent"),
        ("This is […] unacceptable", "this is unacceptable"),
        ("This is . . . unacceptable", "this is unacceptable"),
        ("‘Long-term’ thinking", "long term thinking"),
        ("  ", ""),
    ],
)
def test_normalize_quote_folds_typography(printed, expected):
    assert normalize_quote(printed) == expected


def test_normalize_quote_keeps_decimal_points_apart_from_whole_numbers():
    assert normalize_quote("3.5 percent") != normalize_quote("35 percent")


SAME = [
    # punctuation and typography
    ("“We will not back down,” ", '"We will not back down."'),
    ("We will not back down!", "we will not back down"),
    ("The harbour deal is dead", "The harbour deal is dead."),
    ("The plan is—frankly—a disgrace", "The plan is, frankly, a disgrace"),
    # contractions
    ("We don't negotiate with blackmailers", "We do not negotiate with blackmailers"),
    ("We cannot accept this treaty", "We can't accept this treaty"),
    # spelling variants
    ("The organisation must reform its defence policy", "The organization must reform its defense policy"),
    ("We honour the agreement in full", "We honor the agreement in full"),
    # a word or two trimmed at either end
    ("And we will win this election", "We will win this election"),
    ("We will win this election, believe me", "We will win this election"),
    ("Frankly, the budget is a fantasy", "the budget is a fantasy"),
    ("The budget is a fantasy and everyone knows it", "The budget is a fantasy and everyone"),
    # an ellipsis replacing a middle part
    (
        "The coalition will survive this crisis because our voters trust us",
        "The coalition will survive this crisis … because our voters trust us",
    ),
    (
        "The coalition will survive this crisis, as it survived the last one, because our voters trust us",
        "The coalition will survive this crisis [...] because our voters trust us",
    ),
    (
        "We will build two thousand homes in the capital and we will do it by spring",
        "We will build two thousand homes ... by spring",
    ),
    # ellipsis at an end stands for any amount trimmed there
    ("Whatever the opposition says, we will pass this law", "... we will pass this law"),
    ("We will pass this law, whatever the opposition says tonight", "We will pass this law …"),
    # numbers written the same way
    ("Inflation will fall to 2.5% by 2027", "Inflation will fall to 2.5 per cent by 2027"),
    ("We spent 1,500,000 euros on this", "We spent 1500000 euros on this"),
    # identical short remarks
    ("No.", "“No!”"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_remark_accepts_editorial_differences(a, b):
    assert same_remark(a, b)
    assert same_remark(b, a), "same_remark must be symmetric"


DIFFERENT = [
    # different numbers
    ("We will cut taxes by 5 percent", "We will cut taxes by 6 percent"),
    ("Inflation will fall to 2.5% by 2027", "Inflation will fall to 25% by 2027"),
    ("We will build two thousand homes", "We will build three thousand homes"),
    ("We will build fifteen new schools", "We will build fifty new schools"),
    ("Unemployment fell in 2024", "Unemployment fell in 2025"),
    ("We will cut taxes by 5 percent next year", "We will cut taxes next year"),
    # negation
    ("We will accept this treaty", "We will not accept this treaty"),
    ("We will accept this treaty", "We will never accept this treaty"),
    ("I can support the deal", "I can't support the deal"),
    ("The deal is a disaster", "No, the deal is a disaster"),
    ("It is possible to balance the budget", "It is impossible to balance the budget"),
    ("This decision is legal", "This decision is illegal"),
    # a different clause or word
    ("We will raise taxes on the rich", "We will raise taxes on the middle class"),
    ("We will cut taxes and raise spending", "We will cut taxes and cut spending"),
    ("We will cut taxes", "We will cut taxes and close three hospitals"),
    ("Prices will increase next year", "Prices will decrease next year"),
    ("We support the northern pipeline", "We oppose the northern pipeline"),
    ("Our exports to Norway are growing", "Our imports from Norway are growing"),
    ("The minister must resign today", "The minister must stay today"),
    ("We will defend the border", "They will defend the border"),
    # something in the middle left out without an ellipsis
    ("We will build homes and schools in the capital", "We will build homes in the capital"),
    # too little in common to tell
    ("Yes", "Yes, absolutely"),
    ("", ""),
    ("…", "We will win"),
    # ellipsis side adds words the other version never had
    (
        "The coalition will survive … we trust our voters",
        "The coalition will survive because our voters trust us",
    ),
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_same_remark_refuses_different_remarks(a, b):
    assert not same_remark(a, b)
    assert not same_remark(b, a), "same_remark must be symmetric"


def test_identical_normalized_text_is_always_the_same_remark():
    for a, b in SAME:
        if normalize_quote(a) == normalize_quote(b):
            assert same_remark(a, b)
