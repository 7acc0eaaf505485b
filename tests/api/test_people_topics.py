import datetime as dt

import pytest

from people.models import Person
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_person_detail_has_aliases_country_and_offices(api, record):
    jonas = record["jonas"]
    f.tenure(jonas, f.position("Member of Parliament", country_code="DE"), dt.date(2024, 7, 1))
    body = api.get(f"/api/v1/people/{jonas.pk}/").json()
    assert body["name"] == "Jonas Brenneke"
    assert body["country"] == {"code": "DE", "name": body["country"]["name"]}
    assert body["aliases"] == ["Jonas Brenneke"]
    assert [o["position"]["title"] for o in body["current_offices"]] == ["Member of Parliament"]
    assert [o["position"]["title"] for o in body["past_offices"]] == ["Minister of Finance"]
    assert body["past_offices"][0]["end"] == "2024-06-30"
    assert body["statement_count"] == 1  # the rejected one is not counted


def test_people_list_filters_and_leaves_merged_records_out(api, record):
    gone = f.person("Amelie Durocher", country_code="FR")
    Person.objects.filter(pk=gone.pk).update(merged_into=record["amelie"])
    names = [p["name"] for p in api.get("/api/v1/people/").json()["results"]]
    assert names == ["Jonas Brenneke", "Amélie Durocher"]  # by sort name
    assert [p["name"] for p in api.get("/api/v1/people/", {"country": "fr"}).json()["results"]] == [
        "Amélie Durocher"
    ]
    assert [p["name"] for p in api.get("/api/v1/people/", {"name": "durocher"}).json()["results"]] == [
        "Amélie Durocher"
    ]


def test_people_list_queries_do_not_grow(api, db, django_assert_num_queries):
    office = f.position("Minister of Health", country_code="IT")
    for n in range(30):
        who = f.person(f"Ginevra Pievani{n}", country_code="IT", aliases=(f"G. Pievani{n}",))
        f.tenure(who, office, dt.date(2020, 1, 1))
    with django_assert_num_queries(4):  # people, their statement counts, aliases, tenures
        assert len(api.get("/api/v1/people/", {"page_size": 5}).json()["results"]) == 5
    with django_assert_num_queries(4):
        assert len(api.get("/api/v1/people/", {"page_size": 30}).json()["results"]) == 30


def test_position_holders_on_a_date(api, record):
    post = record["finance_minister"]
    successor = f.person("Svenja Kalthoff", country_code="DE")
    f.tenure(successor, post, dt.date(2024, 7, 1))
    url = f"/api/v1/positions/{post.pk}/holders/"
    assert [t["person"]["name"] for t in api.get(url, {"at": "2023-01-01"}).json()["results"]] == [
        "Jonas Brenneke"
    ]
    assert [t["person"]["name"] for t in api.get(url, {"at": "2025-01-01"}).json()["results"]] == [
        "Svenja Kalthoff"
    ]
    assert len(api.get(url).json()["results"]) == 2
    response = api.get(url, {"at": "01/01/2023"})
    assert response.status_code == 400 and "at" in response.json()["error"]["fields"]


def test_tenures_active_on(api, record):
    body = api.get("/api/v1/tenures/", {"active_on": "2025-01-01"}).json()
    assert [t["person"]["name"] for t in body["results"]] == ["Amélie Durocher"]


def test_countries_by_code_in_either_case(api, record):
    assert api.get("/api/v1/countries/fr/").json()["code"] == "FR"
    assert api.get("/api/v1/countries/FR/").json()["name"]
    assert api.get("/api/v1/countries/zz/").status_code == 404


def test_organizations_and_positions(api, record):
    orgs = api.get("/api/v1/organizations/", {"country": "FR", "kind": "ministry"}).json()["results"]
    assert [o["name"] for o in orgs] == ["Ministry of Foreign Affairs"]
    positions = api.get("/api/v1/positions/", {"title": "finance"}).json()["results"]
    assert [p["title"] for p in positions] == ["Minister of Finance"]


def test_topics_list_detail_and_speakers(api, record):
    f.topic("Hidden suggestion", suggested=True)
    topics = api.get("/api/v1/topics/").json()["results"]
    assert [t["slug"] for t in topics] == ["defence", "energy"]
    energy = api.get("/api/v1/topics/energy/").json()
    assert energy["statement_count"] == 2  # rejected not counted
    speakers = api.get("/api/v1/topics/energy/speakers/").json()
    by_name = {row["speaker"]["name"]: row for row in speakers}
    assert by_name["Amélie Durocher"]["support"] == 1
    assert by_name["Jonas Brenneke"]["oppose"] == 1 and by_name["Jonas Brenneke"]["total"] == 1
    assert api.get("/api/v1/topics/hidden-suggestion/").status_code == 404
    assert api.get("/api/v1/topics/energy/speakers/", {"limit": "lots"}).status_code == 400


def test_updated_since_on_every_list(api, record):
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)).isoformat()
    for path in [
        "statements",
        "people",
        "articles",
        "topics",
        "organizations",
        "positions",
        "tenures",
        "outlets",
    ]:
        response = api.get(f"/api/v1/{path}/", {"updated_since": future})
        assert response.status_code == 200, path
        assert response.json()["results"] == [], path


def test_api_root_lists_every_collection(api, db):
    body = api.get("/api/v1/").json()
    for name in [
        "statements",
        "articles",
        "topics",
        "people",
        "countries",
        "positions",
        "tenures",
        "organizations",
    ]:
        assert name in body
