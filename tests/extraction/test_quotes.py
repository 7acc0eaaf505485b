"""Pairing quotation marks."""

import re

from extraction.quotes import find_quotes, quoted_letters


def _quotes(text):
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    return [text[q.start : q.end] for q in find_quotes(text, paras)], find_quotes(text, paras)


def test_curly_and_straight_marks():
    texts, _ = _quotes('“Bridges cost money,” she said. He called it "a fair price" later.')
    assert texts == ["“Bridges cost money,”", '"a fair price"']


def test_doubled_apostrophes_as_quotation_marks():
    texts, _ = _quotes("''The levy stays where it is,'' said Mr. Ekwall.")
    assert texts == ["''The levy stays where it is,''"]


def test_apostrophes_are_not_quotation_marks():
    texts, _ = _quotes("“The mayor’s drivers won’t strike again,” she wrote.")
    assert texts == ["“The mayor’s drivers won’t strike again,”"]


def test_quote_over_several_paragraphs_is_one_run():
    text = "“First paragraph of it.\n\n“Second paragraph of it.\n\n“Last one,” she said."
    texts, qs = _quotes(text)
    assert texts == ["“First paragraph of it.", "“Second paragraph of it.", "“Last one,”"]
    assert len({q.run for q in qs}) == 1
    assert qs[0].continues and qs[1].continues and not qs[2].continues


def test_odd_count_does_not_flip_later_paragraphs():
    text = '"The depot stays open," she said. "Only the night shift goes.\n\nThen the mayor said "a scandal" twice.'
    texts, _ = _quotes(text)
    assert texts[0] == '"The depot stays open,"'
    assert texts[1].startswith('"Only the night shift goes.')
    assert texts[2] == '"a scandal"'


def test_paragraph_opening_with_a_closing_mark_opens_a_quote():
    texts, _ = _quotes("”Rain. Nothing but rain all spring.” ― Lidia Marsh")
    assert texts == ["”Rain. Nothing but rain all spring.”"]


def test_quoted_letters_counts_inside_and_outside():
    text = 'He said the plan was "a total disaster" for all.'
    _, qs = _quotes(text)
    ins, out = quoted_letters(text, qs, 8, len(text))
    assert ins == len("atotaldisaster")
    assert out > 0


def test_a_straight_mark_opening_an_excerpt_before_a_curly_quote_is_no_quotation():
    # an excerpt of another article opened with a straight mark and never closed, then the story's
    # own curly quote: the excerpt is narration, the curly quote the only quotation
    text = '"Mara Holm had not slept for a week.\n\n“It was never about the ferry,” she said.'
    texts, qs = _quotes(text)
    assert texts == ["“It was never about the ferry,”"]
    assert not qs[0].continues


def test_paragraphs_each_opened_with_a_straight_mark_stay_quotations():
    # a transcript set out with an opening mark on every paragraph
    text = '"LUND: We will open the port.\n\n"HOST: When?\n\n"LUND: In May, with “full crews” aboard.'
    texts, _ = _quotes(text)
    assert texts[0] == '"LUND: We will open the port.'


def test_an_opening_mark_at_the_paragraphs_end_closes_the_quote():
    texts, qs = _quotes("“The ferry is late again. It was late last week too.“\n\nThe council met.")
    assert texts == ["“The ferry is late again. It was late last week too.“"]
    assert qs[0].closed and not qs[0].continues
