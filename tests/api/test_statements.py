import datetime as dt

import pytest
from django.utils import timezone

from statements.models import Statement
from tests import factories as f

pytestmark = pytest.mark.django_db
URL = "/api/v1/statements/"


def ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_list_is_newest_first_with_everything_nested(api, record):
    body = api.get(URL).json()
    assert [row["id"] for row in body["results"]] == [record["s1"].pk, record["s3"].pk, record["s2"].pk]
    first = body["results"][0]
    assert first["quote"] == "We will build the interconnector with our neighbours."
    assert first["speaker"]["name"] == "Amélie Durocher"
    assert first["speaker"]["country"] == "FR"
    assert first["office"]["position"]["title"] == "Minister of Foreign Affairs"
    assert first["office"]["position"]["organization"]["name"] == "Ministry of Foreign Affairs"
    assert first["topics"] == [
        {
            "slug": "energy",
            "name": "Energy",
            "stance": "support",
            "stance_confirmed": False,
            "relevance": 0.8,
            "assigned_by": "model",
        }
    ]
    citation = first["citations"][0]
    assert citation["article"] == record["story"].pk
    assert citation["title"] == "Minister backs interconnector"
    assert citation["outlet"]["domain"] == "courier.example"
    story_text = record["story"].text
    assert story_text[citation["start"] : citation["end"]] == first["quote"]
    assert first["html_url"].endswith(f"/statements/{record['s1'].pk}/")


def test_rejected_hidden_unless_review_status_asked(api, record):
    assert record["rejected"].pk not in ids(api.get(URL))
    assert ids(api.get(URL, {"review_status": "rejected"})) == [record["rejected"].pk]
    assert api.get(f"{URL}{record['rejected'].pk}/").json()["review_status"] == "rejected"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"speaker": "JONAS"}, ["s2"]),  # a first name, in any case
        ({"kind": "indirect"}, ["s2"]),
        ({"country": "de"}, ["s2"]),
        ({"topic": "defence"}, ["s3", "s2"]),
        ({"topic": "energy", "stance": "oppose"}, ["s2"]),
        ({"topic": "defence", "stance": "oppose"}, []),
        ({"stance": "support"}, ["s1", "s3", "s2"]),
        ({"said_after": "2024-06-01"}, ["s1", "s3"]),
        ({"said_before": "2024-12-31", "said_after": "2024-01-01"}, ["s3", "s2"]),
        ({"outlet": "courier.example"}, ["s1"]),
        ({"q": "interconnector"}, ["s1", "s2"]),
        ({"ordering": "said_on"}, ["s2", "s3", "s1"]),
    ],
)
def test_filters(api, record, params, expected):
    got = ids(api.get(URL, params))
    want = [record[name].pk for name in expected]
    if "q" in params:  # relevance order differs between databases; membership is what matters
        assert sorted(got) == sorted(want)
    else:
        assert got == want


def test_speaker_position_organization_article_filters(api, record):
    amelie = record["amelie"]
    assert ids(api.get(URL, {"speaker": amelie.pk})) == [record["s1"].pk, record["s3"].pk]
    assert ids(api.get(URL, {"speaker": amelie.slug})) == [record["s1"].pk, record["s3"].pk]
    assert ids(api.get(URL, {"position": record["finance_minister"].slug})) == [record["s2"].pk]
    assert ids(api.get(URL, {"organization": record["ministry"].pk})) == [record["s1"].pk]
    assert ids(api.get(URL, {"article": record["story"].pk})) == [record["s1"].pk]


def test_updated_since(api, record):
    later = timezone.now() + dt.timedelta(seconds=1)
    assert ids(api.get(URL, {"updated_since": later.isoformat()})) == []
    Statement.objects.filter(pk=record["s2"].pk).update(updated_at=later + dt.timedelta(minutes=1))
    assert ids(api.get(URL, {"updated_since": later.isoformat()})) == [record["s2"].pk]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"said_after": "last tuesday"}, "said_after"),
        ({"kind": "shouted"}, "kind"),
        ({"country": "France"}, "country"),
        ({"ordering": "quote"}, "ordering"),
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"review_status": "maybe"}, "review_status"),
    ],
)
def test_bad_filter_values_are_400_in_the_error_shape(api, record, params, field):
    response = api.get(URL, params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert field in error["fields"]
    assert error["message"]


def test_cursor_pages_cover_everything_once_including_undated(api, db):
    speaker = f.person("Teodora Valsecchi", country_code="IT")
    made = [f.statement(speaker, said_on=dt.date(2025, 1, 1) + dt.timedelta(days=i % 3)) for i in range(7)]
    made.append(f.statement(speaker, said_on=None))
    seen, url = [], f"{URL}?page_size=3"
    while url:
        body = api.get(url).json()
        assert len(body["results"]) <= 3
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert sorted(seen) == sorted(s.pk for s in made)
    assert len(seen) == len(set(seen))
    assert seen[-1] == made[-1].pk  # unknown dates sort last


def test_page_size_is_capped(api, db):
    speaker = f.person("Teodora Valsecchi", country_code="IT")
    for _ in range(3):
        f.statement(speaker)
    assert len(api.get(URL, {"page_size": 2}).json()["results"]) == 2
    from common.api.pagination import StandardCursorPagination

    assert StandardCursorPagination.max_page_size == 200


def test_bad_cursor_is_a_clear_400(api, record):
    response = api.get(URL, {"cursor": "not-a-cursor"})
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("cursor: Invalid cursor")


def test_query_count_does_not_grow_with_page_size(api, db, django_assert_num_queries):
    topics = [f.topic("Energy"), f.topic("Defence")]
    for n in range(60):
        who = f.person(f"Speaker Number{n}", country_code="PL")
        f.statement(who, topics={topics[n % 2]: "support", topics[(n + 1) % 2]: "oppose"})
    # statements, topics, citations: three queries whatever the page size
    with django_assert_num_queries(3):
        assert len(api.get(URL, {"page_size": 5}).json()["results"]) == 5
    with django_assert_num_queries(3):
        assert len(api.get(URL, {"page_size": 50}).json()["results"]) == 50
    with django_assert_num_queries(4):  # + the topic's id, looked up first
        api.get(URL, {"page_size": 50, "topic": "energy", "q": "promise", "country": "PL"})


def test_detail_404_and_405_use_the_error_shape(api, record):
    response = api.get(f"{URL}999999/")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": "No Statement matches the given query."}
    }
    response = api.post(URL, {"quote": "x"}, format="json")
    assert response.status_code == 401  # anonymous: told how to authenticate
    assert response["WWW-Authenticate"] == "Token"
    assert "error" in response.json()


def test_405_for_authenticated_write_to_read_only_endpoint(api, record, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x-very-long-password")
    api.force_authenticate(user)
    response = api.delete(f"{URL}{record['s1'].pk}/")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_anonymous_reads_are_throttled_with_the_error_shape(api, record, monkeypatch):
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    assert api.get(URL).status_code == 200
    assert api.get(URL).status_code == 200
    response = api.get(URL)
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "throttled"
    assert "Retry-After" in response.headers


def test_person_statements_endpoint(api, record):
    amelie = record["amelie"]
    got = ids(api.get(f"/api/v1/people/{amelie.pk}/statements/", {"topic": "defence"}))
    assert got == [record["s3"].pk]
    assert api.get("/api/v1/people/999999/statements/").status_code == 404
