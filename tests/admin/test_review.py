"""The review screen and the review rules: one statement at a time, decisions through services."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from extraction.types import ExtractedStatement, SpeakerMention
from statements.models import Citation, Statement
from statements.services import corrections, review
from statements.services.extraction import article_statements_save
from tests import factories as f

pytestmark = pytest.mark.django_db
Status = Statement.ReviewStatus

STORY = (
    "Harbour minister defends ferry subsidy\n\n"
    "VALLETTA — Transport Minister Liora Castellan said on Monday: \u201cThe ferry is a lifeline for the islands, "
    "and we will keep paying for it.\u201d\n\n"
    "Opposition spokesman Teodor Vella disagreed. \u201cThe subsidy rewards a monopoly,\u201d he told reporters. "
    "Castellan added that the contract would be tendered again next year."
)


@pytest.fixture
def analyst(client):
    user = User.objects.create_user("liv", password="pw-for-tests-only", is_staff=True)
    user.groups.add(Group.objects.get(name="Analysts"))
    client.force_login(user)
    return user


@pytest.fixture
def story():
    cache.clear()
    courier = f.outlet("The Harbour Post", "harbour-post.example")
    article = f.article(STORY, title="Harbour minister defends ferry subsidy", source=courier)
    liora = f.person("Liora Castellan", country_code="FR")
    teodor = f.person("Teodor Vella", country_code="IT", aliases=("Teo Vella",))
    lifeline = f.statement(
        liora, "The ferry is a lifeline for the islands, and we will keep paying for it.", in_article=article
    )
    monopoly = f.statement(None, "The subsidy rewards a monopoly,", in_article=article)
    lifeline.confidence, monopoly.confidence = 0.8, 0.2
    lifeline.save(update_fields=["confidence"])
    monopoly.save(update_fields=["confidence"])
    return {"article": article, "liora": liora, "teodor": teodor, "lifeline": lifeline, "monopoly": monopoly}


def _screen(pk):
    return reverse("admin:statements_statement_review_one", args=[pk])


def test_queue_starts_at_the_least_confident(client, analyst, story):
    response = client.get(reverse("admin:statements_statement_review"))
    assert response.status_code == 302 and response["Location"] == _screen(story["monopoly"].pk)
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    # The article is shown with the quote marked at its citation offsets.
    assert '<mark id="quote-mark">The subsidy rewards a monopoly,</mark>' in html
    assert "No speaker: name one before verifying" in html
    assert "2 left" in html


def test_a_statement_without_a_speaker_cannot_be_verified(client, analyst, story):
    monopoly = story["monopoly"]
    response = client.post(
        reverse("admin:statements_statement_review_decide", args=[monopoly.pk]),
        {"action": "verify"},
        follow=True,
    )
    monopoly.refresh_from_db()
    assert monopoly.review_status == Status.UNREVIEWED
    assert review.NO_SPEAKER_MESSAGE in response.content.decode()
    with pytest.raises(review.ReviewError):
        review.statement_verify(statement=monopoly, reviewer=analyst)


def test_verify_moves_on_to_the_next_in_the_queue(client, analyst, story):
    lifeline, monopoly = story["lifeline"], story["monopoly"]
    response = client.post(
        reverse("admin:statements_statement_review_decide", args=[lifeline.pk]) + "?status=all",
        {"action": "verify"},
    )
    lifeline.refresh_from_db()
    assert lifeline.review_status == Status.VERIFIED and lifeline.reviewed_by == analyst
    assert lifeline.history.first().history_user == analyst
    # Last in the queue: back to its start, which is the one left.
    assert response["Location"] == _screen(monopoly.pk) + "?status=all"


def test_reject_needs_a_reason_and_keeps_it(client, analyst, story):
    monopoly = story["monopoly"]
    url = reverse("admin:statements_statement_review_decide", args=[monopoly.pk])
    client.post(url, {"action": "reject", "reason": "", "reason_text": ""})
    monopoly.refresh_from_db()
    assert monopoly.review_status == Status.UNREVIEWED
    client.post(url, {"action": "reject", "reason_text": "A scare quote"})
    monopoly.refresh_from_db()
    assert monopoly.review_status == Status.REJECTED and monopoly.reject_reason == "A scare quote"


def test_editing_a_rejected_statement_keeps_it_rejected(client, analyst, story):
    monopoly, teodor = story["monopoly"], story["teodor"]
    review.statement_reject(statement=monopoly, reviewer=analyst, reason="Not speech")
    client.post(
        reverse("admin:statements_statement_review_edit", args=[monopoly.pk]),
        {"speaker_name": "Teodor Vella", "speaker_id": str(teodor.pk)},
    )
    monopoly.refresh_from_db()
    assert monopoly.speaker == teodor and monopoly.review_status == Status.REJECTED
    # Only an explicit un-reject brings it back.
    client.post(
        reverse("admin:statements_statement_review_decide", args=[monopoly.pk]), {"action": "unreject"}
    )
    monopoly.refresh_from_db()
    assert monopoly.review_status == Status.UNREVIEWED and monopoly.reject_reason == ""


def test_the_change_form_cannot_publish_a_rejected_statement_by_editing(admin_client, story):
    monopoly = story["monopoly"]
    review.statement_reject(statement=monopoly, reviewer=None, reason="Not speech")
    change = reverse("admin:statements_statement_change", args=[monopoly.pk])
    form = admin_client.get(change).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update(
        {
            "speaker": story["teodor"].pk,
            "said_on": "2025-03-03",
            "statement_topics-TOTAL_FORMS": 0,
            "statement_topics-INITIAL_FORMS": 0,
            "citations-TOTAL_FORMS": 1,
            "citations-INITIAL_FORMS": 1,
            "citations-0-id": monopoly.citations.first().pk,
            "citations-0-statement": monopoly.pk,
        }
    )
    response = admin_client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    monopoly.refresh_from_db()
    assert monopoly.speaker == story["teodor"] and monopoly.review_status == Status.REJECTED


def test_speaker_fix_by_name_brings_the_office_and_the_name(client, analyst, story):
    monopoly, teodor = story["monopoly"], story["teodor"]
    spokesman = f.tenure(teodor, f.position("Opposition Spokesman", country_code="IT"), dt.date(2020, 1, 1))
    client.post(
        reverse("admin:statements_statement_review_edit", args=[monopoly.pk]), {"speaker_name": "Teo Vella"}
    )
    monopoly.refresh_from_db()
    assert monopoly.speaker == teodor and monopoly.tenure == spokesman
    assert monopoly.speaker_text == "Teodor Vella" and monopoly.review_status == Status.CORRECTED


def test_unknown_speaker_name_asks_to_choose_or_create(client, analyst, story):
    url = reverse("admin:statements_statement_review_edit", args=[story["monopoly"].pk])
    response = client.post(url, {"speaker_name": "Marek Zammit"}, follow=True)
    assert "No single person on record is called" in response.content.decode()
    client.post(url, {"speaker_name": "Marek Zammit", "new_person": "1"})
    assert Statement.objects.get(pk=story["monopoly"].pk).speaker.name == "Marek Zammit"


def test_people_autocomplete_matches_aliases(client, analyst, story):
    response = client.get(reverse("admin:statements_statement_review_people"), {"q": "teo"})
    assert [row["name"] for row in response.json()["results"]] == ["Teodor Vella"]


def test_span_fix_by_selection_survives_reextraction(client, analyst, story):
    article, lifeline = story["article"], story["lifeline"]
    citation = lifeline.citations.get()
    start = article.text.index("The ferry is a lifeline")
    end = article.text.index("islands") + len("islands")
    # The selection took in the opening quotation mark: it is trimmed off.
    client.post(
        reverse("admin:statements_statement_review_span", args=[lifeline.pk]),
        {"citation": citation.pk, "start": start - 1, "end": end},
    )
    citation.refresh_from_db()
    lifeline.refresh_from_db()
    assert (citation.start, citation.end) == (start, end)
    assert citation.text == "The ferry is a lifeline for the islands" == lifeline.quote
    assert lifeline.review_status == Status.CORRECTED
    # The extractor finds its old, longer span again: it is not re-added, the correction stands.
    old_quote = "The ferry is a lifeline for the islands, and we will keep paying for it."
    old_start = article.text.index(old_quote)
    item = ExtractedStatement(
        speaker=SpeakerMention(name="Liora Castellan", text="Liora Castellan"),
        quote=old_quote,
        kind="direct",
        cue="said",
        start=old_start,
        end=old_start + len(old_quote),
    )
    article_statements_save(article=article, extracted=[item], version="t2")
    assert Citation.objects.filter(article=article, statement__speaker=story["liora"]).count() == 1
    citation.refresh_from_db()
    assert (citation.start, citation.end) == (start, end)


def test_add_a_missed_statement_from_a_selection(client, analyst, story):
    article, liora = story["article"], story["liora"]
    words = "the contract would be tendered again next year"
    start = article.text.index(words)
    response = client.post(
        reverse("admin:statements_statement_review_add", args=[story["lifeline"].pk]),
        {
            "article": article.pk,
            "start": start,
            "end": start + len(words),
            "add_speaker_name": "Liora Castellan",
            "add_speaker_id": str(liora.pk),
            "kind": "indirect",
        },
    )
    added = Statement.objects.get(quote=words)
    assert response["Location"] == _screen(added.pk)
    assert added.speaker == liora and added.kind == "indirect" and added.review_status == Status.CORRECTED
    citation = added.citations.get()
    assert article.text[citation.start : citation.end] == words
    with pytest.raises(review.ReviewError, match="already cites"):
        corrections.statement_add_from_span(
            article=article, start=start, end=start + len(words), reviewer=analyst, speaker=liora
        )


def test_undo_reverts_the_last_change(client, analyst, story):
    monopoly, teodor = story["monopoly"], story["teodor"]
    review.statement_edit(statement=monopoly, reviewer=analyst, changes={"speaker": teodor})
    page = client.get(_screen(monopoly.pk))
    undo = page.context["undo_version"]
    client.post(reverse("admin:statements_statement_review_revert", args=[monopoly.pk]), {"history_id": undo})
    monopoly.refresh_from_db()
    assert monopoly.speaker is None and monopoly.review_status == Status.UNREVIEWED
    assert monopoly.history.first().history_change_reason.startswith("Reverted to the version of")


def test_topics_and_stance_edited_in_place(client, analyst, story):
    energy = f.topic("Transport")
    lifeline = story["lifeline"]
    client.post(
        reverse("admin:statements_statement_review_topics", args=[lifeline.pk]),
        {"add_topic": energy.pk, "add_stance": "support"},
    )
    link = lifeline.statement_topics.get()
    assert (link.topic, link.stance, link.stance_confirmed) == (energy, "support", True)
    client.post(
        reverse("admin:statements_statement_review_topics", args=[lifeline.pk]),
        {f"stance-{energy.pk}": "remove"},
    )
    assert not lifeline.statement_topics.exists()


def test_filters_narrow_the_queue(client, analyst, story):
    url = reverse("admin:statements_statement_review")
    assert client.get(url, {"no_speaker": "1"})["Location"] == _screen(story["monopoly"].pk) + "?no_speaker=1"
    assert client.get(url, {"country": "fr"})["Location"].startswith(_screen(story["lifeline"].pk))
    empty = client.get(url, {"kind": "indirect"})
    assert empty.status_code == 200 and "Nothing left to review" in empty.content.decode()


def _queries(client, url) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_review_screen_and_list_cost_the_same_queries_at_any_size(client, analyst, story):
    screen = _screen(story["lifeline"].pk)
    listing = reverse("admin:statements_statement_changelist")
    small = (_queries(client, screen), _queries(client, listing))
    article = story["article"]
    topic = f.topic("Ferries")
    for i in range(30):
        extra = f.statement(
            f.person(f"Extra Speaker {i}"), f"Ferries need money number {i}.", topics={topic: "support"}
        )
        f.cite(extra, article)
    assert (_queries(client, screen), _queries(client, listing)) == small
