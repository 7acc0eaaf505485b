import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from people.models import Person
from tests import factories as f

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def text_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_home_lists_latest_statements_and_topics(client, record):
    html = text_of(client.get("/"))
    assert "We will build the interconnector with our neighbours." in html
    assert "Chapter four of the report." not in html  # rejected
    assert 'href="/topics/energy/"' in html
    assert "What politicians said, on record" in html
    assert 'class="skip-link" href="#main"' in html
    assert "Sample data." not in html  # no demo articles


def test_demo_banner_and_notices(client, db):
    person = f.person("Rosalind Hawkridge", country_code="GB")
    story = f.article("LONDON — A long story about nothing in particular happened here today.", is_demo=True)
    statement = f.statement(person, "We will mend every road in the county.", in_article=story)
    html = text_of(client.get("/"))
    assert "sample articles about fictional politicians" in html
    assert "Nobody said it." in text_of(client.get(statement.get_absolute_url()))
    assert "None of it happened." in text_of(client.get(story.get_absolute_url()))


def test_topic_page_groups_speakers_with_stance_and_timeline(client, record):
    html = text_of(client.get("/topics/energy/"))
    # One statement each on energy: the tie goes to the earlier record, Amélie Durocher.
    assert "Jonas Brenneke" in html and html.index("Amélie Durocher") < html.index("Jonas Brenneke")
    assert "1 support" in html and "1 oppose" in html
    assert "<svg" in html and "Statements per month" in html
    assert "Chapter four of the report." not in html
    assert reverse("topic-feed", args=["energy"]) in html


def test_topic_page_404_for_unknown_or_suggested_topic(client, db):
    f.topic("Secret plans", suggested=True)
    assert client.get("/topics/secret-plans/").status_code == 404
    assert client.get("/topics/no-such-topic/").status_code == 404


def test_person_page_shows_offices_statements_and_stances(client, record):
    amelie = record["amelie"]
    html = text_of(client.get(amelie.get_absolute_url()))
    assert "Minister of Foreign Affairs" in html
    assert "present" in html
    assert "Our troops will stay as long as they are needed." in html
    assert 'href="/topics/defence/"' in html
    assert reverse("person-feed", args=[amelie.slug]) in html
    html = text_of(client.get(amelie.get_absolute_url(), {"topic": "energy"}))
    assert "Statements on Energy" in html
    assert "We will build the interconnector" in html and "Our troops will stay" not in html


def test_merged_person_redirects_to_the_kept_record(client, record):
    gone = f.person("Amelie Durocher", country_code="FR")
    Person.objects.filter(pk=gone.pk).update(merged_into=record["amelie"])
    response = client.get(gone.get_absolute_url())
    assert response.status_code == 301
    assert response["Location"] == record["amelie"].get_absolute_url()


def test_country_page_and_code_case(client, record):
    html = text_of(client.get("/countries/fr/"))
    assert "Amélie Durocher" in html and "Jonas Brenneke" not in html
    assert client.get("/countries/FR/").status_code == 301
    assert client.get("/countries/zz/").status_code == 404


def test_statement_page_shows_quote_in_context_with_sources(client, record):
    html = text_of(client.get(record["s1"].get_absolute_url()))
    assert "<mark>We will build the interconnector with our neighbours.</mark>" in html
    assert "Her German counterpart disagreed." in html  # the sentence after
    assert "The Example Courier" in html
    assert "Office at the time" in html


def test_rejected_statement_page_says_so(client, record):
    assert "Rejected by an analyst" in text_of(client.get(record["rejected"].get_absolute_url()))


def test_article_page_highlights_each_statement(client, record):
    story = record["story"]
    html = text_of(client.get(story.get_absolute_url()))
    assert f'<a href="{record["s1"].get_absolute_url()}"' in html
    assert "<mark id=" in html


def test_article_page_marks_only_direct_quotes_as_quotations(client, db):
    person = f.person("Rosalind Hawkridge", country_code="GB")
    story = f.article(
        "LONDON — Hawkridge said the county would mend every road by spring. "
        "“We will not leave a single pothole,” she said."
    )
    f.statement(person, "the county would mend every road by spring", kind="indirect", in_article=story)
    f.statement(person, "We will not leave a single pothole", in_article=story)
    html = text_of(client.get(story.get_absolute_url()))
    assert "“We will not leave a single pothole”" in html
    assert '<span class="reported">the county would mend every road by spring</span>' in html
    assert "“the county would mend" not in html


def test_article_text_is_escaped(client, db):
    story = f.article("<script>alert(1)</script> A minister spoke at length about the budget today.")
    html = text_of(client.get(story.get_absolute_url()))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_search_with_words_and_filters(client, record):
    html = text_of(client.get("/search/", {"q": "interconnector", "country": "FR"}))
    assert "We will build the interconnector" in html
    assert "waste of money" not in html
    html = text_of(client.get("/search/", {"speaker": "Brenneke", "kind": "indirect"}))
    assert "waste of money" in html
    html = text_of(client.get("/search/", {"said_after": "2025-01-01", "topic": "energy"}))
    assert "We will build the interconnector" in html and "waste of money" not in html


def test_search_bad_input_is_explained_not_a_500(client, record):
    response = client.get("/search/", {"said_after": "yesterday", "kind": "shouted", "page": "x"})
    html = text_of(response)
    assert "Please correct the search" in html
    assert "Said from: Enter a valid date." in html and "Kind: Select a valid choice." in html


def test_compare_two_people_on_a_topic(client, record):
    html = text_of(client.get("/compare/", {"a": "Amélie Durocher", "b": "Brenneke", "topic": "energy"}))
    assert "We will build the interconnector" in html and "waste of money" in html
    html = text_of(
        client.get("/compare/", {"a": record["amelie"].slug, "b": record["jonas"].slug, "topic": "energy"})
    )
    assert "We will build the interconnector" in html and "waste of money" in html
    html = text_of(client.get("/compare/", {"a": "Nobody Atall", "b": "Brenneke", "topic": "nope"}))
    assert "There is no topic" in html and "Nobody called “Nobody Atall” is on record." in html
    f.person("Lina Brenneke", country_code="DE")
    html = text_of(client.get("/compare/", {"a": "Durocher", "b": "Brenneke", "topic": "energy"}))
    assert "Several people match “Brenneke”" in html


@pytest.mark.parametrize("kind", ["person", "topic"])
def test_atom_feeds(client, record, kind):
    url = (
        reverse("person-feed", args=[record["amelie"].slug])
        if kind == "person"
        else reverse("topic-feed", args=["energy"])
    )
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert any("interconnector" in title for title in titles)
    assert not any("Chapter four" in title for title in titles)


def test_feed_of_unknown_person_is_404(client, db):
    assert client.get("/people/nobody/feed/").status_code == 404


def test_not_found_page_is_html(client, db):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert b"There is nothing on record at this address" in response.content


def test_health_reports_unreachable_broker_as_503(client, db, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable" and body["checks"]["database"] == "ok"
    assert body["checks"]["broker"] != "ok"


def test_list_pages_make_a_constant_number_of_queries(client, db, django_assert_num_queries):
    """3 statements or 30: the same queries (no per-row lookups)."""
    energy = f.topic("Energy")
    office = f.position("Minister of Energy", country_code="PL")

    def add(n):
        for i in range(n):
            who = f.person(f"Zofia Wierzbicka{i}", country_code="PL")
            f.statement(
                who,
                topics={energy: "support"},
                office=f.tenure(who, office, dt.date(2020, 1, 1)),
                said_on=dt.date(2025, 1, 1 + i % 28),
            )

    pages = [
        "/",
        "/topics/energy/",
        "/search/?q=promise&topic=energy",
        "/countries/pl/",
        "/people/",
        "/topics/",
    ]
    add(3)
    counts = {}
    for url in pages:
        from django.core.cache import cache

        cache.clear()
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts[url] = len(ctx)
    add(27)
    for url in pages:
        from django.core.cache import cache

        cache.clear()
        with django_assert_num_queries(counts[url]):
            assert client.get(url).status_code == 200


def test_compare_counts_every_statement_not_just_the_first_page(client, record):
    for n in range(22):
        f.statement(
            record["jonas"], f"Energy prices must fall, point {n}.", topics={record["energy"]: "oppose"}
        )
    html = text_of(client.get("/compare/", {"a": "Durocher", "b": "Jonas Brenneke", "topic": "energy"}))
    assert "23 oppose" in html and "More statements" in html
