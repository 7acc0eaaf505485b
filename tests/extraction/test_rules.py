"""One small text per extraction rule. The model is loaded once per session (conftest.py)."""

import pytest
from parses import doc_of_parse

HEAD = "Headline about the day\n\n"


def _by_quote(statements):
    return {s.quote: s for s in statements}


def _one(statements):
    assert len(statements) == 1, [(s.speaker.name, s.quote) for s in statements]
    return statements[0]


# --- direct quotations -------------------------------------------------------------------------


def test_direct_quote_speaker_after(extract):
    st = _one(extract(HEAD + '"We will build the line on time," Premier Marc Leblanc said.'))
    assert st.kind == "direct"
    assert st.speaker.name == "Marc Leblanc"
    assert st.quote == "We will build the line on time"
    assert st.start == len(HEAD) and st.end == len(HEAD) + len('"We will build the line on time,"')


def test_direct_quote_speaker_before_with_colon(extract):
    st = _one(extract(HEAD + "Senator Ana Ruiz told the chamber: “This bill will not pass while I am here.”"))
    assert st.kind == "direct" and st.speaker.name == "Ana Ruiz"


def test_interrupted_quote_in_one_sentence_is_one_statement(extract):
    text = (
        HEAD + "Health Minister Kavita Rao spoke in Delhi.\n\n"
        "“We will start where the need is greatest,” she added, “and we will not stop.”"
    )
    st = _one(extract(text))
    assert st.quote == "We will start where the need is greatest and we will not stop."


def test_quotation_resumed_after_its_cue_is_one_statement(extract):
    text = HEAD + '"The machines did not fail," Ibrahim Sadiq said at a briefing. "We are confident in them."'
    (st,) = extract(text)
    assert st.quote == "The machines did not fail. We are confident in them."
    assert (st.speaker.name, st.kind) == ("Ibrahim Sadiq", "direct")
    assert text[st.start : st.end] == text[len(HEAD) :]


def test_narration_between_two_quotations_keeps_them_apart(extract):
    text = HEAD + (
        '"The machines did not fail," Ibrahim Sadiq said at a briefing. He left before questions. '
        '"We are confident in every one of them."'
    )
    assert [s.quote for s in extract(text)] == [
        "The machines did not fail",
        "We are confident in every one of them.",
    ]


def test_quote_over_paragraphs_keeps_its_speaker(extract):
    text = (
        HEAD + "Premier Marc Leblanc defended the plan on Friday.\n\n"
        '"When we took office, this city had been promised a subway for forty years.\n\n'
        '"We are going to build it, and we are going to open it," he said.'
    )
    (st,) = extract(text)  # one quotation over two paragraphs: one statement
    assert st.speaker.name == "Marc Leblanc"
    assert st.quote.startswith("When we took office") and st.quote.endswith("we are going to open it")


def test_standalone_quote_paragraph_takes_the_previous_speaker(extract):
    text = (
        HEAD + '"Our mandate is price stability," Governor Grace Wanjiru said.\n\n'
        '"We will not apologise for doing our job, and we will not cut rates early."'
    )
    stmts = extract(text)
    assert len(stmts) == 2 and all(s.speaker.name == "Grace Wanjiru" for s in stmts)


def test_short_and_scare_quotes_are_not_statements(extract):
    text = HEAD + (
        'Plans for a "super-port" on the estuary divided the town for years. "Never again," he said.'
    )
    assert extract(text) == []


# --- reported speech ---------------------------------------------------------------------------


def test_said_that(extract):
    st = _one(extract(HEAD + "Finance Minister Yuta Saeki said that the yen's weakness was temporary."))
    assert st.kind == "indirect" and st.speaker.name == "Yuta Saeki"
    assert "yen's weakness was temporary" in st.quote


def test_inverted_said(extract):
    st = _one(
        extract(HEAD + "The economy will recover by spring, Finance Minister Yuta Saeki said on Monday.")
    )
    assert st.kind == "indirect" and st.speaker.name == "Yuta Saeki"
    assert st.quote.startswith("The economy will recover")


def test_according_to(extract):
    st = _one(extract(HEAD + "According to Oleg Varenko, the ferry talks have stalled over fuel prices."))
    assert st.cue == "according to" and st.speaker.name == "Oleg Varenko"


def test_told_reporters(extract):
    st = _one(extract(HEAD + "Oleg Varenko told reporters that the harbour would stay closed until June."))
    assert st.speaker.name == "Oleg Varenko" and "harbour would stay closed" in st.quote


def test_mixed_reported_clause_with_a_quoted_fragment(extract):
    st = _one(
        extract(HEAD + 'Minister Sarah Kinnear said the program remained "on track in every way" this year.')
    )
    assert st.kind == "mixed"


def test_warned_and_urged(extract):
    stmts = extract(
        HEAD + "Senator Ana Ruiz warned that the levy would drive builders out of the market. "
        "She urged the government to publish the contracts."
    )
    assert [s.speaker.name for s in stmts] == ["Ana Ruiz", "Ana Ruiz"]


# --- what is not a statement -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The survey found that two-thirds of councils lacked the staff to manage new estates.",
        "According to the poll, support is strongest in the eastern counties.",
        "Graham Tulloch believes the partnership will survive any change of government.",
        "Graham Tulloch hopes to visit the shipyard before the end of the year.",
        "Graham Tulloch declined to comment on the reports about the submarine program.",
        "Graham Tulloch did not say whether the government had been briefed on the delay.",
        "His office did not respond to written questions about the delay.",
        "Graham Tulloch was accused of hiding the delay from parliament for months.",
        "Sixty percent of voters said the economy was their main concern this year.",
    ],
)
def test_not_statements(extract, sentence):
    assert extract(HEAD + sentence) == []


def test_headline_is_not_a_statement(extract):
    assert extract("Minister says the plan is dead\n\nThe weather in the capital was mild on Monday.") == []


# --- speakers ----------------------------------------------------------------------------------


def test_title_country_and_office_split_from_the_name(extract):
    st = _one(extract(HEAD + "Russian Foreign Minister Sergey Lavrov said the talks had failed completely."))
    sp = st.speaker
    assert (sp.name, sp.role, sp.country) == ("Sergey Lavrov", "Foreign Minister", "RU")


def test_former_office(extract):
    st = _one(
        extract(HEAD + "Former Canadian Prime Minister Justin Marcotte said Ottawa was exploring options.")
    )
    assert st.speaker.role_is_former and st.speaker.country == "CA" and st.speaker.name == "Justin Marcotte"


def test_spokesman_of_an_institution(extract):
    st = _one(extract(HEAD + "Kremlin spokesman Oleg Varenko said the proposal was unacceptable to Moscow."))
    assert (st.speaker.role, st.speaker.organization, st.speaker.country) == ("spokesman", "Kremlin", "RU")


def test_pronoun_goes_to_the_right_gender(extract):
    text = (
        HEAD + "Finance Minister James Mwangi met Governor Grace Wanjiru on Thursday.\n\n"
        "She said inflation was still too high to justify deep cuts."
    )
    st = _one(extract(text))
    assert st.speaker.name == "Grace Wanjiru"


def test_pronoun_goes_to_the_last_speaker_not_the_object(extract):
    text = (
        HEAD + "Dmitry Salnik turned on Emmanuel Duval and Keith Stern on Monday.\n\n"
        '"They want to close every mine in the valley," he wrote.'
    )
    st = _one(extract(text))
    assert st.speaker.name == "Dmitry Salnik"


def test_surname_joins_the_full_name(extract):
    text = (
        HEAD + "Prime Minister Keith Stern visited Leeds on Monday.\n\n"
        "Stern said the government would double council house building."
    )
    assert _one(extract(text)).speaker.name == "Keith Stern"


def test_description_resolves_to_the_person_with_that_office(extract):
    text = (
        HEAD + "Indiana Gov. Thomas Keller signed the bill on Monday.\n\n"
        "The Indiana governor said families should never be taxed out of their homes."
    )
    st = _one(extract(text))
    assert st.speaker.name == "Thomas Keller" and st.speaker.resolved_from == "description"


def test_spokeswoman_for_someone_is_not_that_person(extract):
    st = _one(extract(HEAD + "A spokeswoman for Speaker Ruth Albers said the speaker had secured changes."))
    assert st.speaker.name != "Ruth Albers"
    assert "spokeswoman" in st.speaker.name


def test_organisation_as_speaker(extract):
    st = _one(extract(HEAD + "The Kremlin said on Thursday that talks on the grain corridor had stalled."))
    assert st.speaker.type == "organization" and st.speaker.country == "RU"


def test_office_only_speaker_keeps_role_and_country(extract):
    st = _one(extract(HEAD + "The French foreign minister said the embassy would reopen next month."))
    assert st.speaker.role.lower() == "foreign minister" and st.speaker.country == "FR"


# --- dates, targets, topics, platform ----------------------------------------------------------


def test_statement_dates(extract):
    text = (
        HEAD
        + "Earlier this month, Prime Minister Keith Stern announced that the rail fares would be frozen. "
        "Spokesman Oleg Varenko warned last month that the freeze would cost the operators dearly."
    )
    stmts = extract(text, published="2025-03-20")
    assert [(str(s.date), s.date_precision) for s in stmts] == [
        ("2025-03-01", "month"),
        ("2025-02-01", "month"),
    ]


def test_platform_and_targets(extract):
    text = (
        HEAD + "Emmanuel Duval met Keith Stern in Paris.\n\n"
        '"Keith Stern has no plan for the coalfields and he knows it," Dmitry Salnik wrote on X.'
    )
    st = _one(extract(text))
    assert st.platform == "X" and "Keith Stern" in st.targets


def test_topics_keyword_and_embedder(extract):
    topics = [
        {"name": "Housing", "keywords": ["council homes", "housing"]},
        {"name": "Defence", "keywords": ["troops"]},
    ]
    text = HEAD + "Helen Marsh said the government would double the number of council homes built each year."
    st = _one(extract(text, topics=topics))
    assert [t.topic for t in st.topics] == ["Housing"]

    def embed(texts):  # a stand-in embedder: every text points the same way
        return [[1.0, 0.0] for _ in texts]

    st = _one(extract(text, topics=topics, embed=embed))
    assert {t.topic for t in st.topics} == {"Housing", "Defence"}


def test_quote_is_the_words_and_the_span_is_the_citation(extract):
    text = (
        HEAD
        + '"We have waited too long," Helen Marsh said. She said the plan would be paid for by developers.'
    )
    direct, reported = extract(text)
    assert (direct.quote, text[direct.start : direct.end]) == (
        "We have waited too long",
        '"We have waited too long,"',
    )
    assert reported.quote == text[reported.start : reported.end] == "the plan would be paid for by developers"


def test_quotation_marks_of_every_style_are_left_out(extract):
    text = HEAD + (
        "''The fares stay,'' said Mayor Ruth Albers.\n\n"
        "“We will not close the depot,” Tomas Ekwall said.\n\n"
        "‘The council has no money left,’ said Grace Okafor."
    )
    assert [s.quote for s in extract(text)] == [
        "The fares stay",
        "We will not close the depot",
        "The council has no money left",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Only a headline",
        'Head\n\n"""" " " “ ” ” “ \'\' said said.',
        "Head\n\nHe said.\n\n“Unclosed quote running on",
    ],
)
def test_degenerate_texts_give_no_statements(extract, text):
    assert extract(text) == []


def test_no_publication_date_gives_no_date(extract):
    st = _one(extract(HEAD + '"We will win this one easily," Jane Doe said.', published=None))
    assert st.date is None


def test_quote_addressed_to_people_the_speaker_attacked(extract):
    text = (
        HEAD + "Writing on X, Dmitry Salnik turned on Emmanuel Duval and Keith Stern.\n\n"
        '"You want to shut the valley down and call it progress," he wrote.'
    )
    st = _one(extract(text))
    assert st.speaker.name == "Dmitry Salnik" and st.platform == "X"
    assert set(st.targets) == {"Emmanuel Duval", "Keith Stern"}


def test_spokesman_takes_the_organisation_of_the_sentence(extract):
    text = HEAD + (
        "The Kremlin turned down the grain offer, with spokesman Oleg Varenko adding that the price "
        "was far too low."
    )
    st = _one(extract(text))
    assert (st.speaker.name, st.speaker.organization, st.speaker.country) == ("Oleg Varenko", "Kremlin", "RU")


def test_majority_leader_speaks_but_a_majority_of_voters_is_a_poll(extract):
    st = _one(
        extract(
            HEAD + "“We have the votes to pass the water bill this week,” Senate Majority Leader "
            "Mitch Cornwall said Tuesday."
        )
    )
    assert st.speaker.name == "Mitch Cornwall"
    assert extract(HEAD + "A majority of voters said the economy was their main concern this year.") == []


def test_interrupted_quote_around_a_participle(extract):
    st = _one(
        extract(
            HEAD + "“Each delay costs the farmers,” Jon Tennant said, pointing to the flooded fields, "
            "“and nobody in the ministry seems to care.”"
        )
    )
    assert st.quote == "Each delay costs the farmers and nobody in the ministry seems to care."


def test_later_quoted_sentence_in_the_paragraph_keeps_the_speaker(extract):
    text = (
        HEAD
        + '"The ferries have broken down three times this winter," President Ana Ruiz said after the vote. '
        'She left the chamber early. "We will buy two new boats before the summer."'
    )
    stmts = extract(text)
    assert [s.speaker.name for s in stmts if s.kind == "direct"] == ["Ana Ruiz", "Ana Ruiz"]


def test_topic_description_is_embedded_with_name_and_keywords():
    from extraction.topics import describe_topic

    topic = {"name": "Fisheries", "description": "Quotas and fishing boats.", "keywords": ["cod", "quota"]}
    assert describe_topic(topic) == "Fisheries: Quotas and fishing boats. cod, quota"
    assert describe_topic({"name": "Fisheries", "keywords": ["cod"]}) == "Fisheries: cod"


def test_new_topic_suggested_from_a_phrase_two_statements_share(extract):
    topics = [{"name": "Health care", "description": "Hospitals and clinics.", "keywords": ["hospital"]}]
    text = (
        HEAD + "Fisheries Minister Eirik Solbakken Moe said the new fishing quotas would protect the cod "
        "stocks of the north.\n\n"
        "Opposition leader Marit Haugland said the fishing quotas would ruin small harbours.\n\n"
        "Solbakken Moe said the government would build a new hospital in Tromsø."
    )
    runs = [[(t.topic, t.score, t.suggested) for t in s.topics] for s in extract(text, topics=topics)]
    assert runs == [
        [("Fishing Quotas", 0.3, True)],
        [("Fishing Quotas", 0.3, True)],
        [("Health care", 0.6, False)],
    ]
    assert runs == [[(t.topic, t.score, t.suggested) for t in s.topics] for s in extract(text, topics=topics)]


def test_no_suggestion_for_a_phrase_only_one_statement_uses():
    from extraction.topics import assign

    got = assign(["The harbour fees will rise next year.", "We will open two new schools."], [])
    assert got == [[], []]
    got = assign(["The harbour fees will rise.", "Harbour fees are too high, and they know it."], [])
    assert [[(t.topic, t.suggested) for t in s] for s in got] == [[("Harbour Fees", True)]] * 2
    assert all(t.score <= 0.5 for s in got for t in s)


# --- cues added for issue 10 -----------------------------------------------------------------


def test_relative_who_and_which_speak_as_their_antecedent(extract):
    text = HEAD + (
        "The bill was opposed by Senator Ana Ruiz, who said it would raise rents across the state. "
        "The plan was drawn up by the ministry, which said it would save money within two years."
    )
    assert [(s.speaker.name, s.quote) for s in extract(text)] == [
        ("Ana Ruiz", "it would raise rents across the state"),
        ("ministry", "it would save money within two years"),
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        (
            "Grace Okafor speculated that the vote would be delayed.",
            "Grace Okafor",
            "that the vote would be delayed",
        ),
        (
            "Tomas Ekwall bemoaned the lack of money for schools in the north.",
            "Tomas Ekwall",
            "the lack of money",
        ),
        ("The ministry issued a statement saying the talks had failed.", "ministry", "the talks had failed"),
        (
            "Ruth Albers delivered a speech blaming the council for the delay.",
            "Ruth Albers",
            "the council for the delay",
        ),
        (
            "The Harbour Gazette quoted Ruth Albers as saying that the port would close.",
            "Ruth Albers",
            "port would close",
        ),
        (
            "The council rejected Ekwall's claim that the port was bankrupt.",
            "Ekwall",
            "that the port was bankrupt",
        ),
    ],
)
def test_more_cues(extract, sentence, speaker, words):
    st = _one(extract(HEAD + sentence))
    assert st.speaker.name == speaker and words in st.quote


def test_legal_charges_are_not_speech(extract):
    assert extract(HEAD + "Grace Okafor was charged with fraud on Monday after a long inquiry.") == []
    assert extract(HEAD + "Prosecutors charged Grace Okafor with fraud and bribery on Monday.") == []


def test_a_plea_in_court_is_not_a_statement_of_the_charges(extract):
    text = HEAD + "Grace Okafor pleaded not guilty on Thursday to charges that she took bribes from a shipyard."
    assert extract(text) == []
    [st] = extract(HEAD + "Mayor Grace Okafor pleaded with voters to back the harbour plan.")
    assert st.quote == "with voters to back the harbour plan"


@pytest.mark.parametrize(
    "sentence",
    [
        "Finance Minister Ruth Albers said the government would cut the fuel tax, although she did not give a figure.",
        "Finance Minister Ruth Albers said the government would cut the fuel tax, citing the end of the repairs.",
        "Finance Minister Ruth Albers said the government would cut the fuel tax and added that the port would reopen.",
        "Finance Minister Ruth Albers said the government would cut the fuel tax, while the unions said they would strike.",
    ],
)
def test_reported_speech_ends_where_the_speakers_clause_ends(extract, sentence):
    first = extract(HEAD + sentence)[0]
    assert (first.speaker.name, first.quote) == ("Ruth Albers", "the government would cut the fuel tax")


@pytest.mark.parametrize(
    "sentence",
    [
        "As Ruth Albers told the committee on Monday, a tunnel would cost half as much.",
        "A tunnel would cost half as much, as Ruth Albers noted on Monday.",
    ],
)
def test_the_sentence_an_as_clause_attributes_is_the_message(extract, sentence):
    st = _one(extract(HEAD + sentence))
    assert (st.speaker.name, st.quote.lower()) == ("Ruth Albers", "a tunnel would cost half as much")


@pytest.mark.parametrize(
    "sentence",
    [
        "As Ruth Albers spoke, protesters chanted outside the hall.",
        "As Ruth Albers said goodbye, the crowd cheered.",
        "As expected, the vote was close.",
    ],
)
def test_an_as_clause_that_reports_nothing_is_no_statement(extract, sentence):
    assert extract(HEAD + sentence) == []


def test_a_message_the_parser_hung_on_the_audience_is_what_was_told(nlp):
    # "he had won ..." parsed as a relative clause of the newspaper told, with no relative word
    parse = (
        "Halvor/PROPN/compound/1/B-PERSON Aalberg/PROPN/nsubj/2/I-PERSON told/VERB/ROOT/2/O the/DET/det/5/O "
        "Korrin/PROPN/compound/5/B-ORG Ledger/PROPN/dobj/2/I-ORG he/PRON/nsubj/8/O had/AUX/aux/8/O "
        "won/VERB/relcl/5/O the/DET/det/10/O tender/NOUN/dobj/8/O fairly/ADV/advmod/8/O ./PUNCT/punct/2/O"
    )
    [att] = _attributions_of_parse(nlp, parse, {"told": "tell", "won": "win"})
    assert att.content is not None
    doc_text = "Halvor Aalberg told the Korrin Ledger he had won the tender fairly ."
    assert doc_text[att.content[0] : att.content[1]] == "he had won the tender fairly"


def test_according_to_a_statement_from_a_body_the_body_speaks(extract):
    text = HEAD + (
        "According to a statement from the Labour Party, the tender should be cancelled at once.\n\n"
        "According to a statement, the tender was legal."
    )
    assert [(s.speaker.name, s.quote) for s in extract(text)] == [
        ("Labour Party", "the tender should be cancelled at once")
    ]


def test_asking_not_to_be_named_is_no_statement(extract):
    text = HEAD + (
        "One backbencher, who asked not to be named, said the row was a disaster for the party.\n\n"
        "A second aide, who requested anonymity, said the vote would be delayed."
    )
    assert [(s.speaker.name, s.quote) for s in extract(text)] == [
        ("One backbencher", "the row was a disaster for the party"),
        ("second aide", "the vote would be delayed"),
    ]


def test_a_body_after_the_message_speaks_and_the_message_ends_before_it(extract):
    # "expect" is no intention governing "said": the cue has a subject of its own
    st = _one(extract(HEAD + "Forecasters expect a dry summer, the national weather service said in a statement."))
    assert (st.speaker.name, st.speaker.type, st.quote) == (
        "national weather service",
        "organization",
        "Forecasters expect a dry summer",
    )


def test_a_charge_someone_rejected_is_the_accusers_statement(extract):
    text = HEAD + (
        "The opposition Green Alliance accused the government of ignoring warnings from scientists for "
        "years, a charge Carvalho-Brandt rejected."
    )
    st = _one(extract(text))
    assert (st.speaker.name, st.quote) == (
        "opposition Green Alliance",
        "the government of ignoring warnings from scientists for years",
    )


def test_a_coordinated_calling_by_another_speaker_ends_the_message(extract):
    text = HEAD + (
        "Developers warned that the decision would push rents even higher, and the city's largest "
        'union called it "a gift to landlords."'
    )
    got = [(s.speaker.name, s.quote) for s in extract(text)]
    assert got[0] == ("Developers", "that the decision would push rents even higher")
    assert got[1][0] == "city's largest union"


def test_a_quoted_phrase_with_its_frame_is_mixed(extract):
    st = _one(extract(HEAD + 'Ruth Albers called the harbour plan "a pre-election gimmick" on Tuesday.'))
    assert st.kind == "mixed" and st.quote.startswith("the harbour plan")
    st = _one(extract(HEAD + 'Ruth Albers described the budget as "a betrayal of the north".'))
    assert st.kind == "mixed" and st.with_marks() == "the budget as “a betrayal of the north”"


@pytest.mark.parametrize(
    ("sentence", "words", "quoted"),
    [
        (
            'Senator Ivo Marek said the budget was "a fraud" and the minister "knew it all along."',
            "the budget was a fraud and the minister knew it all along.",
            ["a fraud", "knew it all along."],
        ),
        (
            "The finance minister, Olga Stenmark, described the cuts as ‘painful but fair’.",
            "the cuts as painful but fair",
            ["painful but fair"],
        ),
        # begins and ends with the speaker's own words: no mark is left at either end
        (
            'According to the inspectors, "Stenmark understates" the deficit by "leaving out the railways."',
            "Stenmark understates the deficit by leaving out the railways.",
            ["Stenmark understates", "leaving out the railways."],
        ),
    ],
)
def test_a_mixed_statement_keeps_its_quoted_words_as_spans_without_marks(extract, sentence, words, quoted):
    st = _one(extract(HEAD + sentence))
    assert st.kind == "mixed" and st.quote == words
    assert [st.quote[start:end] for start, end in st.quoted_spans] == quoted
    assert not any(mark in st.quote for mark in "\"“”‘’")


def test_a_comma_inside_the_last_closing_mark_is_the_reporters(extract):
    # American style sets the sentence's comma inside the mark: it is not the speaker's
    st = _one(extract(HEAD + "Minister Ana Lund called the plan “a pre-election gimmick,” and left the room."))
    assert st.with_marks() == "the plan “a pre-election gimmick”"
    stmts = extract(HEAD + 'Ivo Berg said the port was "a disgrace, frankly," adding that the council knew.')
    assert stmts[0].with_marks() == "the port was “a disgrace, frankly”"


def test_an_unclosed_quotation_mark_stops_at_its_paragraph(extract):
    text = HEAD + (
        "“The ferry will run every hour, Tomas Ekwall said on Monday, and nobody closed the mark.\n\n"
        + "The council met on Tuesday. " * 50
    )
    for st in extract(text):
        assert "\n" not in text[st.start : st.end] and "council met" not in st.quote


def test_a_report_is_a_source_kept_apart_from_persons(extract):
    st = _one(extract(HEAD + "The auditors' report said the harbour fees had doubled since 2020."))
    assert (st.speaker.type, st.speaker.name) == ("document", "auditors' report")
    assert extract(HEAD + "The survey found that two-thirds of councils lacked planners.") == []


def test_a_speaker_reported_inside_another_statement_is_no_antecedent(extract):
    text = HEAD + (
        "Spokesman Tomas Ekwall said Monday that Premier Marc Leblanc had long called for lower ferry fares. "
        "He said the fares would fall in May."
    )
    assert [s.speaker.name for s in extract(text)][-1] == "Tomas Ekwall"


def test_pointed_out_and_pointed_to_are_cues(extract):
    text = (
        HEAD + "Budget analyst Teodora Vukovic pointed out that the harbour fund had not been audited "
        "since 2019.\n\n"
        "Minister Casimir Brandt pointed to the new rail timetable as proof that the plan was working.\n\n"
        "The ferry pointed to the north."
    )
    got = {s.speaker.name: (s.kind, s.quote) for s in extract(text)}
    assert got == {
        "Teodora Vukovic": ("indirect", "that the harbour fund had not been audited since 2019"),
        "Casimir Brandt": ("indirect", "the new rail timetable as proof that the plan was working"),
    }


def test_the_person_addressed_or_the_topic_is_no_message(extract):
    text = (
        HEAD + "Ruth Albers advises Prime Minister Casimir Brandt on trade.\n\n"
        "Reporter Ines Marsh asked Brandt about the levy.\n\n"
        "Brandt spoke to the harbour workers at the gate.\n\n"
        "Albers asked the auditor to publish the full accounts."
    )
    got = [(s.speaker.name, s.quote) for s in extract(text)]
    assert got == [("Ruth Albers", "the auditor to publish the full accounts")]


def test_a_request_stops_where_another_speakers_clause_begins(extract):
    text = HEAD + (
        "Senator Ilse Varga urged the board to repay the ferry fund for its losses in the storm, which the "
        "auditor said had been hidden."
    )
    got = {s.speaker.name: s.quote for s in extract(text)}
    assert got["Ilse Varga"] == "the board to repay the ferry fund for its losses in the storm"


def _attributions_of_parse(nlp, parse: str, lemmas: dict):
    """The speech cues of a sentence parsed as given (parses.doc_of_parse)."""
    from extraction.reported import QuoteMask, find_attributions

    return find_attributions(doc_of_parse(nlp, parse, lemmas), 0, 0, QuoteMask([]))


def test_a_name_the_parser_made_an_appositive_still_speaks(nlp):
    # "vote" parsed as the subject of "urged", the name as its appositive
    parse = (
        "Before/ADP/prep/7/O the/DET/det/2/O vote/NOUN/nsubj/7/O ,/PUNCT/punct/2/O Ilse/PROPN/compound/5/B-PERSON "
        "Varga/PROPN/appos/2/I-PERSON ,/PUNCT/punct/2/O urged/VERB/ROOT/7/O members/NOUN/dobj/7/O "
        "to/PART/aux/10/O back/VERB/xcomp/7/O the/DET/det/12/O budget/NOUN/dobj/10/O ./PUNCT/punct/7/O"
    )
    [att] = _attributions_of_parse(nlp, parse, {"urged": "urge"})
    assert att.subject.text == "Varga"


def test_a_request_ends_before_the_speakers_next_participle_cue(extract):
    text = HEAD + (
        "Two union leaders urged the minister to restore the ferry subsidy, arguing that the islands "
        "would empty without it."
    )
    quotes = sorted(s.quote for s in extract(text))
    assert quotes == ["that the islands would empty without it", "the minister to restore the ferry subsidy"]


def test_a_that_clause_after_the_cue_beats_a_clause_hung_before_it(extract):
    text = HEAD + (
        "Writing for a city paper panel that all agreed Varga won the debate, Tobias Brandt noted that the "
        "way Varga carried herself was critical to her success."
    )
    got = {s.speaker.name: s.quote for s in extract(text)}
    assert got["Tobias Brandt"] == "that the way Varga carried herself was critical to her success"


def test_speaking_to_an_audience_at_a_moment_says_nothing(extract):
    text = HEAD + (
        "Mayor Tobias Brandt was speaking to the harbour delegation at the congress when the minister "
        "walked in."
    )
    assert extract(text) == []


def test_a_when_clause_the_parser_gave_the_cue_is_not_its_message(nlp):
    # the "When ..." clause parsed as a complement of "boasted"
    parse = (
        "When/SCONJ/advmod/2/O Varga/PROPN/nsubj/2/B-PERSON spoke/VERB/ccomp/8/O about/ADP/prep/2/O "
        "the/DET/det/5/O levy/NOUN/pobj/3/O ,/PUNCT/punct/8/O Brandt/PROPN/nsubj/8/B-PERSON "
        "boasted/VERB/ROOT/8/O loudly/ADV/advmod/8/O ./PUNCT/punct/8/O"
    )
    atts = _attributions_of_parse(nlp, parse, {"boasted": "boast", "spoke": "speak"})
    assert [a.content for a in atts if a.cue == "boasted"] == [None]


def test_a_word_before_the_speakers_title_is_not_part_of_the_quote(extract):
    text = HEAD + '"We will find who did this," harbour police Chief Tobias Brandt said Monday.'
    [st] = extract(text)
    assert (st.kind, st.quote, st.speaker.name) == ("direct", "We will find who did this", "Tobias Brandt")


def test_a_second_speech_act_in_the_attribution_splits_the_quotation(extract):
    text = HEAD + (
        '"The audit is late," Brandt said, referring to the harbour accounts. "The ferries run on time."\n\n'
        '"The levy is fair," Varga said, speaking at the opening of a school. "Every town pays it."\n\n'
        '"The bridge will open in May," Lund said, adding later, "and the tolls will stay low."'
    )
    quotes = [(s.speaker.name, s.quote) for s in extract(text)]
    assert quotes == [
        ("Brandt", "The audit is late"),
        ("Brandt", "The ferries run on time."),
        ("Varga", "The levy is fair. Every town pays it."),
        ("Lund", "The bridge will open in May"),
        ("Lund", "and the tolls will stay low."),
    ]


def test_a_name_in_the_lead_clause_is_not_the_speaker_of_a_parenthetical_cue(extract):
    # parsed as if "Ingrid Lund" and "Chief Justice Holt" were joint subjects of "said"
    text = HEAD + (
        "Chief Justice Anders Holt Jr. spoke of the long fight for the harbour towns.\n\n"
        "To understand the real Ingrid Lund, Chief Justice Holt said, one should visit this museum."
    )
    [st] = extract(text)
    assert st.speaker.name == "Anders Holt Jr."


def test_a_time_phrase_between_cue_and_clause_is_the_reporters(extract):
    # the parser reads "after" as the clause's conjunction
    text = HEAD + "Lund said after the summit he would not sign the treaty if it were changed."
    [st] = extract(text)
    assert (st.speaker.name, st.quote) == ("Lund", "he would not sign the treaty if it were changed")


def test_the_first_lady_can_speak(extract):
    text = HEAD + "Ingrid Lund spoke on Monday.\n\nThe first lady said the levy was a mistake."
    assert [(s.speaker.name, s.quote) for s in extract(text)] == [("first lady", "the levy was a mistake")]


def test_a_paragraph_set_apart_after_x_added_colon_is_a_block_quotation(extract):
    text = HEAD + (
        "Governor Anders Holt spoke at length about the harbour levy on Monday.\n\n"
        "The governor added:\n\n"
        "It is typical of the council. They know nothing, but the talking never stops.\n\n"
        "The council did not reply."
    )
    [st] = extract(text)
    assert (st.speaker.name, st.kind) == ("Anders Holt", "direct")
    assert st.quote == "It is typical of the council. They know nothing, but the talking never stops."


def test_a_quotation_introduced_by_made_the_following_comment(extract):
    text = HEAD + (
        "On July 6, Senator Ingrid Lund made the following comment:\n\n"
        "“For young people who have left school, the jobless rate is 33 percent. It is higher in the north.“"
    )
    [st] = extract(text)
    assert (st.speaker.name, st.kind) == ("Ingrid Lund", "direct")


def test_a_name_and_its_appositive_both_parsed_as_subjects_the_name_speaks(nlp):
    parse = (
        "Ivo/PROPN/compound/1/B-PERSON Marsh/PROPN/nsubj/7/I-PERSON ,/PUNCT/punct/7/O the/DET/det/5/O "
        "league/NOUN/compound/5/O secretary/NOUN/nsubj/7/O ,/PUNCT/punct/5/O vowed/VERB/ROOT/7/O "
        "to/PART/aux/9/O resign/VERB/xcomp/7/O ./PUNCT/punct/7/O"
    )
    [att] = _attributions_of_parse(nlp, parse, {"vowed": "vow"})
    assert att.subject.text == "Marsh"


def test_who_after_a_list_of_names_is_the_last_name(nlp):
    # the parser hung "who joked" on the second name of the list
    parse = (
        "guests/NOUN/ROOT/0/O like/ADP/prep/0/O Anna/PROPN/compound/3/B-PERSON Berg/PROPN/pobj/1/I-PERSON "
        ",/PUNCT/punct/3/O Tomas/PROPN/compound/6/B-PERSON Lund/PROPN/conj/3/I-PERSON and/CCONJ/cc/6/O "
        "Sven/PROPN/compound/9/B-PERSON Ekdal/PROPN/conj/6/I-PERSON ,/PUNCT/punct/6/O who/PRON/nsubj/12/O "
        "joked/VERB/relcl/6/O that/SCONJ/mark/16/O the/DET/det/15/O museum/NOUN/nsubj/16/O "
        "waits/VERB/ccomp/12/O ./PUNCT/punct/0/O"
    )
    [att] = _attributions_of_parse(nlp, parse, {"joked": "joke"})
    assert att.subject.text == "Ekdal"


def test_speech_that_is_owed_or_permitted_is_not_reported(extract):
    assert extract(HEAD + "Lund needs to tell voters that the harbour is safe.") == []
    assert extract(HEAD + "The rules allow ferry companies to tell one port that a vessel is a barge.") == []


def test_a_message_after_the_cue_beats_a_quoted_title_parsed_before_it(extract):
    text = HEAD + (
        'In her 2019 book, "Raise a Harbour Saver," Ms. Lund suggested putting aside the coins from '
        "every ferry ticket."
    )
    [st] = extract(text)
    assert (st.kind, st.quote) == ("indirect", "putting aside the coins from every ferry ticket")


def test_a_dash_before_a_quotation_does_not_end_the_speakers_words(extract):
    text = HEAD + (
        "Ingrid Lund said the museum would tell the stories of people who are often overlooked -- "
        "“the captain but also the deckhand, the owner but also the porter.”"
    )
    [st] = extract(text)
    assert st.kind == "mixed" and st.with_marks().endswith("the owner but also the porter.”")


def test_a_speech_verb_tagged_as_a_plural_noun_after_a_name(extract):
    text = HEAD + (
        "Ingrid Lund spoke on Monday.\n\n"
        "Lund charges that ports that hope to gain from the treaty gave large sums to the foundation."
    )
    [st] = extract(text)
    assert (st.speaker.name, st.quote) == (
        "Ingrid Lund",
        "that ports that hope to gain from the treaty gave large sums to the foundation",
    )


def test_that_read_as_a_relative_pronoun_after_a_time_phrase_opens_the_message(extract):
    # "that" parsed as the object of a relative clause on "hours"; "Lund" tagged a common noun
    text = HEAD + (
        "Ingrid Lund spoke on Monday.\n\n"
        "Lund tweeted in the early morning hours that Berg was “disgusting” and “a con”."
    )
    [st] = extract(text)
    assert (st.speaker.name, st.kind, st.with_marks()) == ("Ingrid Lund", "mixed", "that Berg was “disgusting” and “a con”")


def test_footage_of_a_person_asking_is_that_persons_quote(extract):
    text = HEAD + "The ad uses footage of Anna Berg asking, “Why aren’t I fifty points ahead, you might ask?”"
    [st] = extract(text)
    assert (st.speaker.name, st.kind) == ("Anna Berg", "direct")


def test_how_long_someone_spoke_is_no_message(extract):
    text = HEAD + (
        "The two ministers spoke for about ten minutes.\n\n"
        "Lund spoke for an hour about the harbour levy and the ferries.\n\n"
        "Lund called for an inquiry into the harbour levy."
    )
    assert [s.with_marks() for s in extract(text)] == ["for an inquiry into the harbour levy"]


def test_a_statement_rated_by_someone_else_is_not_theirs(extract):
    text = HEAD + (
        "The bias shows in how the website rated this statement by Lund on June 11:\n\n"
        "“If you look at the harbour, the jobless rate for young people is 59 percent.”"
    )
    assert all(s.speaker.name != "website" for s in extract(text))


def test_a_cue_coordinated_with_the_reported_predicate_belongs_to_the_reporting_speaker(extract):
    text = HEAD + (
        "Prime Minister Anna Berg said on Monday that the nation would soon publish its plan to leave by "
        "spring and suggested that it would quit the customs union.\n\n"
        "Lund said Berg resigned on Monday and blamed the council for the delay."
    )
    assert [s.speaker.name for s in extract(text)] == ["Anna Berg", "Anna Berg", "Lund", "Anna Berg"]


def test_a_list_of_subjects_is_led_by_its_first(nlp):
    # "family" and "fishermen" both parsed as subjects of "demanded"
    parse = (
        "The/DET/det/1/O family/NOUN/nsubj/6/O ,/PUNCT/punct/6/O fishermen/NOUN/nsubj/6/O and/CCONJ/cc/3/O "
        "leaders/NOUN/conj/3/O demanded/VERB/ROOT/6/O that/SCONJ/mark/9/O councils/NOUN/nsubj/9/O "
        "publish/VERB/ccomp/6/O it/PRON/dobj/9/O ./PUNCT/punct/6/O"
    )
    [att] = _attributions_of_parse(nlp, parse, {"demanded": "demand"})
    assert att.subject.text == "family"


def test_likening_comparing_and_characterising_carry_a_message(extract):
    text = HEAD + (
        "Another critic, Anders Holt, likened the rules to “burning the charter.”\n\n"
        "Lund characterized Berg as “a little desperate.”\n\n"
        "Lund compared the two plans on Monday."
    )
    assert [(s.speaker.name, s.with_marks()) for s in extract(text)] == [
        ("Anders Holt", "the rules to “burning the charter.”"),
        ("Lund", "Berg as “a little desperate.”"),
    ]


def test_a_candidates_surrogates_can_speak(extract):
    text = HEAD + "Her surrogates called her “a visionary” for her harbour plan."
    [st] = extract(text)
    assert (st.speaker.name, st.speaker.type) == ("Her surrogates", "group")


def test_another_speakers_clause_after_comma_and_ends_the_message(extract):
    text = HEAD + (
        "Lund emphasized that the harbour's reforms were not complete, and fishing groups warned that the "
        "council was giving up its hold over the port.\n\n"
        "Berg acknowledged that the ferry timetable was not ready, and unions warned that the crews were tired."
    )
    assert [(s.speaker.name, s.quote) for s in extract(text)] == [
        ("Lund", "that the harbour's reforms were not complete"),
        ("fishing groups", "that the council was giving up its hold over the port"),
        ("Berg", "that the ferry timetable was not ready"),
        ("unions", "that the crews were tired"),
    ]


def test_a_signature_ending_a_paragraph_signs_all_its_quotations(extract):
    text = HEAD + (
        "“The harbour is the heart of this town.” ― Anna Berg\n\n"
        "“Nobody on this coast wants a mayor who calls fishermen lazy. We work from dawn until the nets "
        "are empty.” Then came her verdict: “a man with no harbour in him.” ― Tove Lind."
    )
    assert [s.speaker.name for s in extract(text)] == ["Anna Berg", "Tove Lind", "Tove Lind"]


def test_according_to_a_source_the_parser_read_as_a_verb_phrase(extract):
    # "according to show insiders" parsed as "to show [insiders]"
    text = HEAD + "Anders Holt often mocked the crew with crude jokes, according to show insiders."
    [st] = extract(text)
    assert (st.speaker.type, st.quote) == ("group", "Anders Holt often mocked the crew with crude jokes")


def test_the_speakers_reason_after_the_message_belongs_to_it(extract):
    text = HEAD + (
        "Rep. Anders Holt said that claim smacked of hypocrisy, because the council had long questioned "
        "the port's decisions."
    )
    [st] = extract(text)
    assert st.quote.endswith("because the council had long questioned the port's decisions")


def test_a_message_the_parser_split_into_two_clauses_of_the_cue_is_one(extract):
    text = HEAD + (
        "Lund said the levy has “broad support” in the towns and her critics were wrong about the ferries.\n\n"
        "Berg said the ferry was late. The council said it would pay."
    )
    assert [(s.speaker.name, s.with_marks()) for s in extract(text)] == [
        ("Lund", "the levy has “broad support” in the towns and her critics were wrong about the ferries"),
        ("Berg", "the ferry was late"),
        ("council", "it would pay"),
    ]


def test_a_colon_closing_the_reported_clause_spells_it_out(extract):
    text = HEAD + (
        "Ms. Lund notes that the harbour is in a rare season when two changes arrive together: fares are "
        "falling in many towns and the boats are newer than they were. The council met."
    )
    [st] = extract(text)
    assert st.quote.endswith("fares are falling in many towns and the boats are newer than they were")


def test_a_cue_inside_the_subject_reports_nothing(extract):
    # "Everything Lund says" is the subject of "is a lie"; the parser made "says" the root
    assert extract(HEAD + "We do not care. Everything Lund says is a lie unless proven otherwise.") == []


def test_a_that_clause_the_parser_made_adverbial_is_the_message_and_its_coordinated_cue_the_speakers(nlp):
    # "that" parsed as an adverb of "was", the clause as an adverbial of "tweeted", "urged" as a
    # conjunct of "was"
    parse = (
        "Lund/PROPN/nsubj/1/B-PERSON tweeted/VERB/ROOT/1/O in/ADP/prep/1/O the/DET/det/4/O "
        "morning/NOUN/pobj/2/O that/SCONJ/advmod/7/O Berg/PROPN/nsubj/7/B-PERSON was/AUX/advcl/1/O "
        "rude/ADJ/acomp/7/O and/CCONJ/cc/7/O urged/VERB/conj/7/O voters/NOUN/dobj/10/O to/PART/aux/13/O "
        "vote/VERB/xcomp/10/O her/PRON/dobj/13/O out/ADP/prt/13/O ./PUNCT/punct/1/O"
    )
    tweeted, urged = _attributions_of_parse(nlp, parse, {"tweeted": "tweet", "urged": "urge", "was": "be"})
    assert (tweeted.subject.text, urged.subject.text) == ("Lund", "Lund")
    doc = tweeted.subject.doc
    assert doc.text[slice(*tweeted.content)] == "that Berg was rude"


def test_an_excerpt_set_off_by_a_lone_straight_mark_is_read_as_narration(extract):
    # a column quoting another paper's profile: the straight marks set off its paragraphs
    text = HEAD + (
        "The profile of a voter in Lakeport ran on Sunday and mentioned Premier Aldo Berg twice.\n\n"
        '"Mara Holm thought the whole thing was outrageous. She was anxious, sure, but not ill.\n\n'
        "“It never crossed my mind that I was unwell,” she said months later.\n\n"
        '"Her husband Tomas was asleep on the sofa.\n\n'
        "“Here he comes,” she said, clapping. “Here comes the premier.”"
    )
    got = [(s.speaker.name, s.quote) for s in extract(text)]
    assert got == [
        ("Mara Holm", "It never crossed my mind that I was unwell"),
        ("Mara Holm", "Here he comes. Here comes the premier."),
    ]


def test_a_participle_cue_after_the_reported_clause_is_the_reporting_speakers(extract):
    # "saying" parsed as an adverbial of "was", inside what Lund told reporters
    text = HEAD + "Ingrid Lund told reporters she was not worried, saying that she feels as good as ever."
    got = [(s.speaker.name, s.speaker.resolved_from, s.quote) for s in extract(text)]
    assert got == [
        ("Ingrid Lund", "", "she was not worried"),
        ("Ingrid Lund", "", "that she feels as good as ever"),
    ]


def test_a_cue_after_aside_from_finds_the_speaker_of_the_verb_it_modifies(extract):
    text = HEAD + (
        "Terry Dalby has said 20 people want the seat, but he refuses to discuss names, aside from saying "
        "he wants a diverse delegation."
    )
    got = [(s.speaker.name, s.quote) for s in extract(text)]
    assert got == [("Terry Dalby", "20 people want the seat"), ("Terry Dalby", "he wants a diverse delegation")]


def test_speech_held_back_is_not_reported(extract):
    text = HEAD + (
        "Lund stopped short of calling the officer a racist. Berg refrained from saying the plan had failed. "
        "Dalby called the plan a disaster."
    )
    assert [s.speaker.name for s in extract(text)] == ["Dalby"]


def test_a_horizontal_bar_is_read_as_the_dash_it_is(extract):
    text = HEAD + (
        "Ivo Berg is premier.\n\n"
        "On Friday, however, Berg spoke to a meeting of trawler fleet owners, promising to scrap fishing "
        "quotas and open more coastal water to trawling ― probably not quite what Lund had in mind."
    )
    [st] = extract(text)
    assert st.quote == "to scrap fishing quotas and open more coastal water to trawling"
    assert text[st.start : st.end].endswith("trawling")


def test_statements_put_out_introduce_a_quotation_or_carry_a_message(extract):
    text = HEAD + (
        "Mayor Ingrid Lund published the following statement:\n\n"
        "“We will reopen the port in May, whatever the council decides.”\n\n"
        "The dockers' union offered a statement saying the strike would go on."
    )
    got = [(s.speaker.name, s.cue) for s in extract(text)]
    assert got == [("Ingrid Lund", "published"), ("dockers' union", "saying")]


def test_the_reporters_gloss_on_a_name_closing_reported_words_is_not_the_speakers(extract):
    text = HEAD + (
        "Lund urged the premier to pledge not to pardon Ivo Holm, who has not been charged with any crime.\n\n"
        "Critics said the fund should go to joint patrols with NATO, the alliance that guards most of "
        "the northern sea.\n\n"
        "Don Berg said he expects Lund to recover fully from her pneumonia, which forced her to leave early.\n\n"
        "Holm said the minister, Ruth Albers, would resign over the ferry contract.\n\n"
        "Lund said the deal was “a gift to Harbour Lines, which never pays its share.”"
    )
    assert [s.with_marks() for s in extract(text)] == [
        "the premier to pledge not to pardon Ivo Holm",
        "the fund should go to joint patrols with NATO",
        "he expects Lund to recover fully from her pneumonia, which forced her to leave early",
        "the minister, Ruth Albers, would resign over the ferry contract",
        "the deal was “a gift to Harbour Lines, which never pays its share.”",
    ]


def test_a_closing_bracket_whose_opening_one_is_kept_stays(extract):
    [st] = extract(HEAD + "Lund said she would back Rep. Ola Beyer (D-Harbour).")
    assert st.quote == "she would back Rep. Ola Beyer (D-Harbour)"


def test_according_to_a_source_the_parser_hung_the_message_on(extract):
    text = HEAD + (
        "According to conservative talk radio host Ivo Lindqvist, the move smacks of “fear” and panic.\n\n"
        "Half of the minister's health advice is wrong, according to a leading medical journal."
    )
    got = [(s.speaker.name, s.with_marks()) for s in extract(text)]
    assert got == [
        ("Ivo Lindqvist", "the move smacks of “fear” and panic"),
        ("leading medical journal", "Half of the minister's health advice is wrong"),
    ]


def test_a_clause_after_the_comma_of_a_quote_trailing_cue_is_the_reporters(extract):
    text = HEAD + (
        "Senator Ines Lund questioned banker Tor Berg.\n\n"
        "“You should step down. You should pay back the bonus you took while this scheme ran and you should "
        "face charges,” Lund told Berg, after he conceded under Lund’s questioning he hadn’t yet been held to "
        "account for what his staff did."
    )
    [st] = extract(text)
    assert (st.speaker.name, st.kind, st.cue) == ("Ines Lund", "direct", "told")
    assert st.quote.startswith("You should step down.")


def test_a_group_as_the_subject_of_a_coordinated_cue_starts_another_speakers_message(extract):
    text = HEAD + (
        "Ingrid Lund is premier.\n\n"
        "Below is a look at what Lund says her levy plan would do and how economists say it would change "
        "the harbour."
    )
    got = [(s.speaker.name, s.quote) for s in extract(text)]
    assert got == [("Ingrid Lund", "her levy plan would do"), ("economists", "it would change the harbour")]


def test_a_passive_cue_with_its_agent_reports_the_agents_words(extract):
    text = HEAD + (
        "Mayor Ivo Berg — a former surgeon and television host — has been called a charlatan by fellow "
        "doctors for promoting quack cures.\n\n"
        "The harbour plan was called a disaster by Minister Ines Dalby on Monday.\n\n"
        "The report was written by three economists."
    )
    got = [(s.speaker.name, s.quote) for s in extract(text)]
    assert got == [
        ("fellow doctors", "Mayor Ivo Berg — a former surgeon and television host — has been called a charlatan"),
        ("Ines Dalby", "The harbour plan was called a disaster"),
    ]


def test_the_cue_of_an_earlier_quotation_is_no_message_of_a_later_cue(extract):
    text = HEAD + (
        "Mara Holm watched.\n\n"
        "“Still winning?” she asked, but Tomas was drifting away again, and as Berg went on about the levy, "
        "Mara said yes, yes, yes."
    )
    assert not any("Tomas" in s.quote for s in extract(text))


def test_calling_in_or_calling_off_is_not_saying(extract):
    text = HEAD + (
        "Minister Ana Lund recently called in to a radio town hall about police relations with residents.\n\n"
        "The council called off the vote on the harbour levy.\n\n"
        "Lund called for an inquiry into the harbour levy."
    )
    assert [s.quote for s in extract(text)] == ["for an inquiry into the harbour levy"]


def test_a_gloss_reporting_someone_elses_words_ends_the_speakers_message(extract):
    text = HEAD + (
        "Transport Minister Karin Holm said on Tuesday that the government would not fund the northern rail "
        'link this year, a decision that opposition leaders called "a betrayal of the north".'
    )
    got = [(s.speaker.name, s.quote) for s in extract(text)]
    assert got == [
        ("Karin Holm", "that the government would not fund the northern rail link this year"),
        ("opposition leaders", "a betrayal of the north"),
    ]
