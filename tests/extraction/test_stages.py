"""Each named stage of the pipeline on its own (pipeline.py lists them)."""

from datetime import date

import pytest

from extraction import assembly, ownership, spans, topics
from extraction.article import prepare
from extraction.pipeline import read
from extraction.speaker_resolution import resolve_speakers
from extraction.types import ExtractedStatement, Kind, SpeakerMention

HEAD = "Ferry fares to rise\n\n"


@pytest.fixture
def staged(nlp):
    def run(body: str):
        article = prepare(HEAD + body, date(2026, 3, 20))
        article.docs = list(nlp.pipe(article.para_texts()))
        index, atts = read(article)
        own = ownership.assign_owners(article, atts)
        found = spans.statement_spans(article, atts, own)
        return article, index, atts, own, found

    return run


def _texts(article, found):
    return [(article.text[s.start : s.end], s.kind) for s in found]


# --- stage 1: article ------------------------------------------------------------------------


def test_prepare_pairs_quotes_per_body_paragraph():
    article = prepare(HEAD + 'Lidia Marsh spoke.\n\n"Fares go up in May," she said.', "2026-03-20")
    assert article.published == date(2026, 3, 20)
    assert len(article.paragraphs) == 2 and [q.paragraph for q in article.quotes] == [1]
    q = article.quotes[0]
    assert article.in_quote(q.start) and article.in_quote(q.end - 1) and not article.in_quote(q.end)


# --- stage 3: ownership ----------------------------------------------------------------------


def test_a_quotation_belongs_to_the_cue_after_it(staged):
    article, _, atts, own, _ = staged('"Fares go up in May," Lidia Marsh said.')
    (q,) = article.quotes
    assert own.of(q) is atts[0][0]


def test_a_quoted_paragraph_takes_the_speaker_before_it(staged):
    article, _, atts, own, _ = staged(
        '"Fares go up in May," Lidia Marsh said.\n\n"The old boats burn too much diesel for the money we take."'
    )
    first, second = article.quotes
    assert own.of(second) is own.of(first) is atts[0][0]


def test_a_quotation_over_paragraphs_has_one_owner(staged):
    article, _, _, own, _ = staged(
        "“The port has waited for this ferry since the war.\n\n“Now we will run it every hour,” said Lidia Marsh."
    )
    first, last = article.quotes
    assert own.of(first) is not None and own.of(first) is own.of(last)


def test_a_fragment_inside_reported_speech_is_contained(staged):
    article, _, atts, own, _ = staged('Lidia Marsh said the new ferry was "a floating museum" for tourists.')
    (q,) = article.quotes
    assert own.of(q) is atts[0][0] and id(q) in own.contained


def test_quoted_share_decides_direct():
    assert ownership.is_quoted(ins=200, out=ownership.QUOTED_SLACK_LETTERS)
    assert not ownership.is_quoted(ins=20, out=ownership.QUOTED_SLACK_LETTERS + 1)
    assert not ownership.is_quoted(ins=0, out=0)


# --- stage 4: spans --------------------------------------------------------------------------


def test_reported_speech_with_a_quoted_fragment_is_mixed(staged):
    article, *_, found = staged('Lidia Marsh said the new ferry was "a floating museum" for tourists.')
    assert _texts(article, found) == [('the new ferry was "a floating museum" for tourists', Kind.MIXED)]


def test_a_quotation_interrupted_by_its_cue_is_one_span(staged):
    article, *_, found = staged("“The fares,” Lidia Marsh said, “will rise by a tenth in May.”")
    assert [t for t, _kind in _texts(article, found)] == [
        "“The fares,” Lidia Marsh said, “will rise by a tenth in May.”"
    ]


def test_reported_content_ends_at_a_semicolon(staged):
    article, *_, found = staged("Lidia Marsh said the fares would rise in May; the unions plan a strike.")
    assert _texts(article, found) == [("the fares would rise in May", Kind.INDIRECT)]


def test_cut_tail_keeps_an_early_marker():
    text = "that — for now — the fares stay"
    assert spans.cut_tail(text, 0, len(text), lambda pos: False, clause=True) == len(text)


# --- stage 5: speakers -----------------------------------------------------------------------


def test_pronoun_resolves_to_the_named_speaker(staged):
    article, index, _, _, found = staged(
        "Grace Marsh runs the port.\n\nShe said the fares would rise in May."
    )
    mentions = resolve_speakers(article, found, index)
    assert [mentions[id(s.attribution)].name for s in found] == ["Grace Marsh"]
    assert mentions[id(found[0].attribution)].resolved_from == "pronoun"


def test_a_pronoun_with_no_one_before_it_is_nobody(staged):
    article, index, _, _, found = staged("He said the fares would rise in May.")
    assert [resolve_speakers(article, found, index)[id(s.attribution)] for s in found] == [None]


# --- stage 6: assembly -----------------------------------------------------------------------


def test_assembly_dates_the_statement_and_keeps_the_printed_span(staged):
    article, index, _, _, found = staged("Lidia Marsh said on Tuesday that the fares would rise in May.")
    (st,) = assembly.assemble(article, found, resolve_speakers(article, found, index), index)
    assert st.date == date(2026, 3, 17) and st.date_basis == "relative"
    assert article.text[st.start : st.end] == st.quote


def test_confidence_orders_kinds_and_resolution():
    named, resolved = (
        SpeakerMention(name="Lidia Marsh"),
        SpeakerMention(name="Lidia Marsh", resolved_from="pronoun"),
    )
    direct, mixed, indirect = (
        assembly.confidence(k, named) for k in (Kind.DIRECT, Kind.MIXED, Kind.INDIRECT)
    )
    assert direct > mixed > indirect
    assert assembly.confidence(Kind.DIRECT, resolved) < direct


def test_nested_statements_of_one_speaker_keep_the_speech_cue():
    def st(start, end, cue, name="Lidia Marsh"):
        return ExtractedStatement(SpeakerMention(name=name), "x", Kind.INDIRECT, cue, start, end)

    outer, inner, other = st(0, 100, "dismissed"), st(10, 100, "saying"), st(10, 100, "said", "Tomas Ekwall")
    assert assembly.drop_nested([outer, inner, other]) == [inner, other]


def test_platform_is_read_from_the_sentence():
    assert assembly.platform_of("she wrote on X late on Monday") == "X"
    assert assembly.platform_of("she said at the harbour") == ""


# --- stage 7: topics -------------------------------------------------------------------------


def test_topics_attach_only_when_asked(staged):
    article, index, _, _, found = staged("Lidia Marsh said the ferry fares would rise in May.")
    stmts = assembly.assemble(article, found, resolve_speakers(article, found, index), index)
    topics.attach(stmts, article.paragraphs, article.docs, None)
    assert stmts[0].topics == []
    topics.attach(stmts, article.paragraphs, article.docs, [{"name": "Transport", "keywords": ["ferry"]}])
    assert [t.topic for t in stmts[0].topics] == ["Transport"]
    assert "ferry fares" in topics.noun_phrases(
        stmts[0].start, stmts[0].end, article.paragraphs, article.docs
    )


def test_a_quotation_inside_a_mixed_statement_is_not_also_direct(staged):
    # Whichever cue the quotation was given to (here, forced to the earlier "said"), the words inside
    # Marsh's mixed statement are one statement, not two.
    article, _index, atts, own, _found = staged(
        'The ministry said the fares would rise. Lidia Marsh called the ferry "a floating museum" for tourists.'
    )
    [quote] = article.quotes
    said = next(a for para in atts.values() for a in para if a.cue == "said")
    own.owner[id(quote)] = said
    own.contained.discard(id(quote))
    found = spans.statement_spans(article, atts, own)
    assert [kind for _text, kind in _texts(article, found)].count(Kind.DIRECT) == 0


def test_only_a_statement_wholly_inside_anothers_words_is_dropped_as_nested():
    from extraction.reported import Attribution

    def att(cue_start):
        return Attribution(paragraph=0, cue="said", cue_start=cue_start, cue_end=cue_start + 4, sent_start=0,
                           sent_end=300, speaker_start=cue_start - 10, speaker_end=cue_start - 1)  # fmt: skip

    outer = spans.Span(100, 200, Kind.INDIRECT, att(90))
    inside = spans.Span(
        150, 190, Kind.INDIRECT, att(140)
    )  # "X said Y had agreed that ...": Y's words are X's
    overlapping = spans.Span(80, 190, Kind.INDIRECT, att(120))  # starts before the outer one: not inside it
    kept = spans._without_nested_reports([outer, inside, overlapping])
    assert kept == [outer, overlapping]


def test_target_names_come_in_one_order_whatever_the_set_holds():
    from extraction.speakers import Mention, Person, PersonIndex

    index = PersonIndex()
    people = ["Ana Ruiz", "Ivo Kral", "Eva Holm", "Ole Vind", "Uma Sahl", "Ada Lind", "Maria Varga"]
    index.mentions = [Mention(i, i + 1, 0, Person(name=name)) for i, name in enumerate(people)]
    assert assembly._target_names(index) == [
        "Maria Varga", "Ada Lind", "Ana Ruiz", "Eva Holm", "Ivo Kral", "Ole Vind", "Uma Sahl",
    ]  # fmt: skip
