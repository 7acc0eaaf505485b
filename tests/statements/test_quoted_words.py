"""A mixed statement stores the speaker's words without quotation marks and keeps its quoted
words as spans; every face (pages, API, export, feeds, share card, admin) puts the marks back
where they were printed, and reported speech never gets marks it did not have."""

import csv
import io

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from rest_framework.test import APIClient

from statements import quote_text
from statements.models import Citation, Statement
from statements.services import corrections, review
from statements.services.extraction import statement_quote_key
from tests import factories as f

STORY = (
    "Harbour levy splits the council\n\n"
    "PORTVALE — Councillor Mirela Dancu called the harbour levy “a tax on fishermen,” and said the "
    "council would “regret it by spring.”\n\n"
    "Mayor Tobias Renn said the levy would pay for the breakwater.\n\n"
    "“We have no other money,” Renn said.\n"
)


# --- the words and their spans (pure functions) -------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "words", "quoted"),
    [
        ("called the plan “a gimmick,” and", "called the plan a gimmick, and", ["a gimmick,"]),
        ('said "no" to the "deal",', "said no to the deal", ["no", "deal"]),
        ("the ‘don’t panic’ line", "the don’t panic line", ["don’t panic"]),
        ("«une farce» selon lui", "une farce selon lui", ["une farce"]),
        ("“Brandt overstates” the cost by “counting twice.”", "Brandt overstates the cost by counting twice.",
         ["Brandt overstates", "counting twice."]),  # fmt: skip
        ("no marks at all", "no marks at all", []),
        # a selection in the article that starts or stops inside a quoted fragment
        ("a tax on fishermen,” and said", "a tax on fishermen, and said", ["a tax on fishermen,"]),
        ("and said it would “regret it", "and said it would regret it", ["regret it"]),
    ],
)
def test_split_marks_keeps_the_words_and_where_the_quoted_ones_are(printed, words, quoted):
    got, spans = quote_text.split_marks(printed)
    assert got == words
    assert [got[start:end] for start, end in spans] == quoted
    assert quote_text.split_marks(quote_text.with_marks(got, spans)) == (got, spans)


def test_spans_that_do_not_fit_the_words_are_left_out():
    words = "the plan a gimmick"
    assert quote_text.valid_spans(words, [[9, 18], [2, 5], [0, 99], ["a", 3], [4], None]) == [[9, 18]]
    assert quote_text.with_marks(words, [[0, 99], [9, 18]]) == "the plan “a gimmick”"


def test_each_kind_is_shown_with_the_marks_it_was_printed_with():
    assert quote_text.shown_quote("We will build it", "direct", []) == "“We will build it”"
    assert quote_text.shown_quote("the plan a gimmick", "mixed", [[9, 18]]) == "the plan “a gimmick”"
    assert quote_text.shown_quote("the levy would pay", "indirect", []) == "the levy would pay"
    assert quote_text.record_words("“We will build it,”", "direct") == ("We will build it", [])
    assert quote_text.record_words("the levy would pay,", "indirect") == ("the levy would pay", [])


# --- ingested, stored and shown -----------------------------------------------------------------


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def ingested(db, ingest):
    ingest(text=STORY, published="2026-10-05")
    return {s.quote: s for s in Statement.objects.all()}


def test_ingested_mixed_statements_store_words_and_spans(ingested):
    levy = ingested["the harbour levy a tax on fishermen"]
    assert levy.kind == "mixed" and levy.quoted_spans == [[17, 35]]
    spring = ingested["the council would regret it by spring."]
    assert quote_text.shown_statement(spring) == "the council would “regret it by spring.”"
    citation = levy.citations.get()
    assert citation.text == "the harbour levy “a tax on fishermen,”"  # the citation stays as printed


def test_pages_put_the_marks_back_and_leave_reported_speech_unquoted(client, ingested):
    levy = ingested["the harbour levy a tax on fishermen"]
    page = client.get(levy.get_absolute_url()).content.decode()
    assert "the harbour levy “a tax on fishermen”" in page
    person = client.get(levy.speaker.get_absolute_url()).content.decode()
    assert "the council would “regret it by spring.”" in person
    renn = client.get(ingested["We have no other money"].speaker.get_absolute_url()).content.decode()
    assert "“We have no other money”" in renn
    assert "“the levy would pay for the breakwater”" not in renn
    assert "the levy would pay for the breakwater" in renn


def test_the_api_gives_the_spans_and_the_words_with_marks(api, ingested):
    levy = ingested["the harbour levy a tax on fishermen"]
    detail = api.get(f"/api/v1/statements/{levy.pk}/", HTTP_ACCEPT="application/json").json()
    assert detail["quote"] == "the harbour levy a tax on fishermen"
    assert detail["quoted_spans"] == [[17, 35]]
    assert detail["quote_with_marks"] == "the harbour levy “a tax on fishermen”"
    listed = api.get("/api/v1/statements/?kind=mixed", HTTP_ACCEPT="application/json").json()["results"]
    assert {item["quote_with_marks"] for item in listed} == {
        "the harbour levy “a tax on fishermen”",
        "the council would “regret it by spring.”",
    }


def test_the_export_has_the_words_with_marks_beside_the_words(api, ingested):
    body = b"".join(api.get("/api/v1/export/statements/?format=csv&kind=mixed").streaming_content)
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert {(row["quote"], row["quote_with_marks"]) for row in rows} == {
        ("the harbour levy a tax on fishermen", "the harbour levy “a tax on fishermen”"),
        ("the council would regret it by spring.", "the council would “regret it by spring.”"),
    }


def test_feeds_and_share_cards_do_not_put_reported_speech_in_marks(client, ingested):
    renn = ingested["the levy would pay for the breakwater"]
    feed = client.get(reverse("person-feed", args=[renn.speaker.slug])).content.decode()
    assert "the levy would pay for the breakwater" in feed
    assert "“the levy would pay for the breakwater" not in feed
    card = client.get(reverse("statement-card", args=[renn.pk])).content.decode()
    assert "the levy would pay for the breakwater" in card and "“the levy" not in card
    levy_card = client.get(reverse("statement-card", args=[ingested["the harbour levy a tax on fishermen"].pk]))
    assert "“a tax on fishermen”" in levy_card.content.decode()


# --- analysts -----------------------------------------------------------------------------------


@pytest.fixture
def analyst(db):
    return User.objects.create_user("mara", password="pw-for-tests-only", is_staff=True, is_superuser=True)


def test_the_admin_form_shows_the_quoted_words_in_marks(client, analyst, ingested):
    levy = ingested["the harbour levy a tax on fishermen"]
    client.force_login(analyst)
    form = client.get(reverse("admin:statements_statement_change", args=[levy.pk])).context["adminform"].form
    assert form.initial["quote"] == "the harbour levy “a tax on fishermen”"


def test_an_analysts_edit_in_marks_becomes_words_and_spans(analyst, ingested):
    levy = ingested["the harbour levy a tax on fishermen"]
    key = levy.quote_key
    unchanged = review.statement_edit(
        statement=levy, reviewer=analyst, changes={"quote": "the harbour levy “a tax on fishermen”"}
    )
    assert unchanged.review_status == Statement.ReviewStatus.UNREVIEWED  # same words, nothing changed
    edited = review.statement_edit(
        statement=levy, reviewer=analyst, changes={"quote": "the “harbour levy” a tax on fishermen"}
    )
    assert (edited.quote, edited.quoted_spans) == ("the harbour levy a tax on fishermen", [[4, 16]])
    assert edited.quote_key == key and edited.review_status == Statement.ReviewStatus.CORRECTED
    direct = review.statement_edit(statement=edited, reviewer=analyst, changes={"kind": "direct"})
    assert (direct.quote, direct.quoted_spans) == ("the harbour levy a tax on fishermen", [])
    with pytest.raises(review.ReviewError):
        review.statement_edit(statement=direct, reviewer=analyst, changes={"quote": "“”"})


def test_a_revert_brings_the_spans_back(analyst, ingested):
    levy = ingested["the harbour levy a tax on fishermen"]
    first = levy.history.earliest().history_id
    review.statement_edit(statement=levy, reviewer=analyst, changes={"quote": "the harbour levy a tax"})
    reverted = review.statement_revert(statement=levy, history_id=first, reviewer=analyst)
    assert (reverted.quote, reverted.quoted_spans) == ("the harbour levy a tax on fishermen", [[17, 35]])


def test_words_an_analyst_selects_in_the_article_are_split_the_same_way(analyst, ingested):
    levy = ingested["the harbour levy a tax on fishermen"]
    citation = levy.citations.get()
    text = citation.article.text
    start = text.index("called the harbour levy")
    corrections.citation_span_correct(citation=citation, start=start, end=citation.end, reviewer=analyst)
    levy.refresh_from_db()
    assert (levy.quote, levy.quoted_spans) == ("called the harbour levy a tax on fishermen", [[24, 42]])
    added = corrections.statement_add_from_span(
        article=citation.article,
        start=text.index("would “regret"),
        end=text.index("spring.”") + len("spring.”"),
        reviewer=analyst,
        speaker=levy.speaker,
        kind=Statement.Kind.MIXED,
    )
    assert (added.quote, added.quoted_spans) == ("would regret it by spring.", [[6, 26]])
    # the selection loses the closing mark at its edge; the words keep the fragment to their end
    assert Citation.objects.get(statement=added).text == "would “regret it by spring."


# --- statements stored before quoted spans ------------------------------------------------------


@pytest.mark.django_db
def test_the_migration_takes_the_marks_off_stored_quotes_and_keeps_their_keys():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("statements.migrations.0016_statement_quoted_spans")
    speaker = f.person("Mirela Dancu")
    old_mixed = f.statement(speaker, "the levy is “a tax on fishermen,”", kind=Statement.Kind.MIXED)
    old_direct = f.statement(speaker, "“We will not pay it,”")
    indirect = f.statement(speaker, "the levy is \"unfair\" in her view", kind=Statement.Kind.INDIRECT)
    keys = {s.pk: s.quote_key for s in (old_mixed, old_direct, indirect)}
    migration.words_without_marks(apps, None)
    for statement in (old_mixed, old_direct, indirect):
        statement.refresh_from_db()
        assert statement.quote_key == keys[statement.pk]
        assert statement.quote_key == statement_quote_key(
            person=speaker, organization=None, speaker_text=speaker.name, quote=statement.quote
        )
    assert (old_mixed.quote, old_mixed.quoted_spans) == ("the levy is a tax on fishermen", [[12, 30]])
    assert (old_direct.quote, old_direct.quoted_spans) == ("We will not pay it", [])
    assert indirect.quote == 'the levy is "unfair" in her view'  # reported speech is left as printed
    migration.words_with_marks(apps, None)
    old_mixed.refresh_from_db()
    assert old_mixed.quote == "the levy is “a tax on fishermen”"
