"""Body versus page furniture; offsets stay in the original text."""

from extraction.text import split_body


def _paras(text):
    body = split_body(text)
    return [text[s:e] for s, e in body.paragraphs], body


def test_headline_byline_and_furniture_are_not_body():
    text = (
        "Minister quits over leaked memo\n\nBy Jane Roe and Sam Poe\n\nThe minister resigned on Monday.\n\n"
        "Share this article\n\nRelated\n\nOther story about a minister who \"said things\"\n"
    )
    paras, body = _paras(text)
    assert paras == ["The minister resigned on Monday."]
    assert text[body.headline[0]:body.headline[1]] == "Minister quits over leaked memo"


def test_nyt_abstract_block_belongs_to_the_headline():
    text = "Headline Here.\n\nABSTRACT.\n\nSummary sentence.\n\nFULL TEXT.\n\nFirst real paragraph.\n"
    paras, _ = _paras(text)
    assert paras == ["First real paragraph."]


def test_usa_today_deck_line_after_semicolon_headline():
    text = "Lawmaker urges action; \nMember of panel says it is urgent.\n\nBody starts here.\n"
    paras, _ = _paras(text)
    assert paras == ["Body starts here."]


def test_captions_credits_and_placeholders_are_skipped():
    text = (
        "Headline\n\nFirst paragraph.\n\nThe minister in Rome. (AP Photo/Luca Bruno)\n\n<tweet 123>\n\n"
        "Photo: Getty Images\n\nREAD MORE: another story\n\nLast paragraph.\n"
    )
    paras, _ = _paras(text)
    assert paras == ["First paragraph.", "Last paragraph."]


def test_dateline_is_cut_but_offsets_stay_true():
    text = "Headline\n\nWASHINGTON (AP) — The senator said no.\n\nLOS ANGELES, Sept. 28 (UPI) — More text.\n"
    paras, body = _paras(text)
    assert paras == ["The senator said no.", "More text."]
    for s, e in body.paragraphs:
        assert text[s:e] in text


def test_hard_wrapped_lines_join_into_one_paragraph():
    text = "Headline\n\nThe minister said the plan would\ncost more than expected.\n\nNext paragraph.\n"
    paras, _ = _paras(text)
    assert paras == ["The minister said the plan would\ncost more than expected.", "Next paragraph."]


def test_a_lead_with_a_dateline_is_not_a_headline():
    text = "LONDON — The minister said on Tuesday that the plan would go ahead.\n\nSecond paragraph.\n"
    paras, body = _paras(text)
    assert body.headline is None
    assert paras == ["The minister said on Tuesday that the plan would go ahead.", "Second paragraph."]


def test_a_long_first_paragraph_is_not_a_headline():
    lead = ("The minister said on Tuesday that the government would double the number of council homes "
            "built each year before the next general election, whatever the cost.")
    paras, body = _paras(lead + "\n\nSecond paragraph.\n")
    assert body.headline is None and paras[0] == lead
