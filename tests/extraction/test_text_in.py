"""Text as people paste it: headlines, leads, HTML, furniture, language, long texts, unknown dates."""

from datetime import date

import pytest

from extraction import DateBasis
from extraction import sections as sections_mod
from extraction.dates import find_date
from extraction.language import detect_language
from extraction.text import reads_like_headline, split_body, split_paragraph, strip_html

LEAD = "Health Minister Lara Voss said on Monday that hospitals would get more money next year."


def _paras(text, **kw):
    body = split_body(text, **kw)
    return [text[s:e] for s, e in body.paragraphs], body


@pytest.mark.parametrize(
    "line",
    [
        "Spanish minister says water transfer will go ahead",
        "Chilean Minister Warns of Copper 'Cliff'.",
        "Axelrod-style rival calls on governor to apologise for remarks.",
        'Kremlin says grain talks are "at a dead end"',
        "Will the minister resign?",
    ],
)
def test_lines_that_read_like_headlines(line):
    assert reads_like_headline(line)


@pytest.mark.parametrize(
    "line",
    [
        LEAD,
        "The minister resigned on Monday.",
        "Prime Minister Tom Ekdal has ruled out a snap election.",
        "Finance Minister Maria van den Heuvel-Smit told parliament the budget would balance by 2027.",
        "Opposition leader Karl Brandt accused the government of hiding the true cost of the bridge.",
        "LONDON — The minister said the plan would go ahead",
    ],
)
def test_lead_sentences_are_not_headlines(line):
    assert not reads_like_headline(line)


def test_a_lead_sentence_first_line_stays_body_and_gives_its_statement(extract):
    text = LEAD + '\n\n"We will not close a single ward," Voss told reporters.\n'
    paras, body = _paras(text)
    assert body.headline is None and paras[0] == LEAD
    quotes = [s.quote for s in extract(text)]
    assert any("hospitals would get more money" in q for q in quotes), quotes


def test_a_first_line_given_as_the_title_is_the_headline_even_when_it_reads_like_a_sentence():
    head = "The minister said no."
    text = head + "\n\nThe minister said no to the plan on Monday.\n"
    assert _paras(text)[1].headline is None
    paras, body = _paras(text, title="The Minister said no")
    assert text[body.headline[0] : body.headline[1]] == head and paras == [
        "The minister said no to the plan on Monday."
    ]


def test_furniture_in_the_middle_is_skipped_and_only_trailing_furniture_ends_the_article():
    body_lines = [
        f"Paragraph {i} of the story says the minister spoke about the budget at length." for i in range(6)
    ]
    text = "\n\n".join(
        ["Budget row deepens", *body_lines[:3], "Follow Lara Voss on Twitter", "Sign up for our newsletter"]
        + body_lines[3:]
        + ["Related", "Minister quits over leaked memo", "Comments (3)"]
    )
    paras, body = _paras(text)
    assert paras == body_lines
    assert [why for *_, why in body.skipped] == ["furniture", "furniture", "furniture"]
    assert body.skipped[-1][1] == len(text)  # "Related" and all after it


def test_a_related_line_in_the_middle_of_a_long_text_does_not_end_it():
    body_lines = [
        f"Paragraph {i} of the story says the minister spoke about the budget at length." for i in range(8)
    ]
    text = "\n\n".join(["Budget row deepens", *body_lines[:2], "Related:", *body_lines[2:]])
    assert _paras(text)[0] == body_lines


def test_html_is_stripped_to_paragraphs_with_words_and_entities_kept():
    html = (
        "<html><head><style>p{color:red}</style></head><body><h1>Minister quits over memo</h1>"
        "<p>Health Minister <b>Lara Voss</b> said on Monday that she would resign.&nbsp;&ldquo;I have no "
        "choice,&rdquo; she said.</p><p>Opposition leader Karl Brandt said it was <em>overdue</em> &amp; "
        'welcome.<br>He spoke in <a href="/x">Parliament</a>.</p><script>var x = "<p>no</p>";</script></body></html>'
    )
    assert strip_html(html) == (
        "Minister quits over memo\n\n"
        "Health Minister Lara Voss said on Monday that she would resign. “I have no choice,” she said.\n\n"
        "Opposition leader Karl Brandt said it was overdue & welcome.\nHe spoke in Parliament."
    )
    plain = 'The minister said a < b and "<tweet 123>" stays.'
    assert strip_html(plain) == plain


def test_html_left_in_a_text_gives_the_statements_of_the_plain_text(extract):
    plain = (
        "Minister quits over memo\n\n"
        "Health Minister Lara Voss said on Monday that she would resign from the cabinet.\n\n"
        '"I have no choice left," Voss told reporters.\n'
    )
    html = (
        "<h1>Minister quits over memo</h1><p>Health Minister <b>Lara Voss</b> said on Monday that she would "
        "resign from the cabinet.</p>\n<p>&ldquo;I have no choice left,&rdquo; <a href='/voss'>Voss</a> "
        "told reporters.</p>"
    )
    want = [(s.speaker.name, s.quote) for s in extract(plain)]
    stripped = strip_html(html)
    got = extract(stripped)
    assert want and [(s.speaker.name, s.quote) for s in got] == want
    assert all(s.quote in stripped[s.start : s.end] for s in got)


def test_a_long_paragraph_is_cut_at_sentence_ends_into_pieces_that_cover_it():
    sentence = "The minister said the plan would cost more than the treasury had said. "
    text = sentence * 400
    pieces = split_paragraph(text, 0, len(text.rstrip()), limit=2_000)
    assert len(pieces) > 10 and all(e - s <= 2_000 for s, e in pieces)
    assert all(text[e - 1] == "." for s, e in pieces)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text.rstrip())
    assert all(
        text[a_end:b_start].isspace() for (_, a_end), (b_start, _) in zip(pieces, pieces[1:], strict=False)
    )


def test_a_long_article_is_read_whole_in_sections_with_context(extract, monkeypatch):
    monkeypatch.setattr(sections_mod, "SECTION_CHARS", 600)
    paras = ["Budget row deepens", "Finance Minister Maria Lindqvist spoke to reporters on Tuesday."]
    for i in range(40):
        paras.append(f'"We will balance budget number {i} before the election," she said.')
    text = "\n\n".join(paras) + "\n"
    body = split_body(text)
    parts = sections_mod.sections(body)
    assert len(parts) > 3
    assert [p for part in parts for p in part.body.paragraphs if p[0] >= part.own_start] == body.paragraphs
    statements = extract(text)
    assert len(statements) == 40
    assert {s.speaker.name for s in statements} == {"Maria Lindqvist"}
    assert len({(s.start, s.end) for s in statements}) == 40


def test_non_english_text_is_detected_and_short_or_english_text_is_not_refused():
    french = (
        "Le ministre des Finances a déclaré mardi que le gouvernement ne reculerait pas sur la réforme des "
        "retraites, malgré les manifestations dans plusieurs villes du pays."
    )
    lang = detect_language(french)
    assert lang.code == "fr" and not lang.supported and "French" in lang.message()
    assert detect_language(LEAD + " " + LEAD).code == "en"
    assert detect_language("Maria van den Heuvel-Smit: non.").supported  # too short to judge


def test_without_a_publication_date_only_full_dates_count_and_the_rest_is_unknown():
    assert find_date("she said on Tuesday", None) == (None, "day", DateBasis.UNKNOWN, "")
    assert find_date("he said last month", None)[2] == DateBasis.UNKNOWN
    assert find_date("she said on 3 March 2024", None)[:3] == (date(2024, 3, 3), "day", DateBasis.EXPLICIT)
    assert find_date("in May 2023 he said", None)[:3] == (date(2023, 5, 1), "month", DateBasis.EXPLICIT)


def test_extract_without_a_publication_date_never_labels_a_date_as_publication(extract):
    text = (
        "Budget row deepens\n\nFinance Minister Ilse Vaarkamp said on Tuesday that the budget was fair.\n\n"
        "On 3 March 2024, Vaarkamp said that taxes would not rise.\n"
    )
    statements = extract(text, published=None)
    assert statements
    assert all(s.date_basis != DateBasis.PUBLISHED for s in statements)
    assert {(s.date, s.date_basis) for s in statements} == {
        (None, DateBasis.UNKNOWN),
        (date(2024, 3, 3), DateBasis.EXPLICIT),
    }
