"""Pairing quotation marks."""

import re

from extraction.quotes import find_quotes, quoted_letters


def _quotes(text):
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    return [text[q.start:q.end] for q in find_quotes(text, paras)], find_quotes(text, paras)


def test_curly_and_straight_marks():
    texts, _ = _quotes('“One two three,” she said. He said "four five six" too.')
    assert texts == ["“One two three,”", '"four five six"']


def test_nyt_doubled_apostrophes():
    texts, _ = _quotes("''This isn't tax reform,'' said Mr. Holtz-Eakin.")
    assert texts == ["''This isn't tax reform,''"]


def test_apostrophes_are_not_quotation_marks():
    texts, _ = _quotes("“They’re told peacekeepers shouldn’t come,” he wrote.")
    assert texts == ["“They’re told peacekeepers shouldn’t come,”"]


def test_quote_over_several_paragraphs_is_one_run():
    text = "“First paragraph of it.\n\n“Second paragraph of it.\n\n“Last one,” she said."
    texts, qs = _quotes(text)
    assert texts == ["“First paragraph of it.", "“Second paragraph of it.", "“Last one,”"]
    assert len({q.run for q in qs}) == 1
    assert qs[0].continues and qs[1].continues and not qs[2].continues


def test_odd_count_does_not_flip_later_paragraphs():
    text = '"We will not leave them," she said. "But it will be smaller.\n\nThen the mayor said "a disgrace" twice.'
    texts, _ = _quotes(text)
    assert texts[0] == '"We will not leave them,"'
    assert texts[1].startswith('"But it will be smaller.')
    assert texts[2] == '"a disgrace"'


def test_paragraph_opening_with_a_closing_mark_opens_a_quote():
    texts, _ = _quotes("”Fear. I am truly afraid.” ― Edwin Monroy")
    assert texts == ["”Fear. I am truly afraid.”"]


def test_quoted_letters_counts_inside_and_outside():
    text = 'He said the plan was "a total disaster" for all.'
    _, qs = _quotes(text)
    ins, out = quoted_letters(text, qs, 8, len(text))
    assert ins == len("atotaldisaster")
    assert out > 0
