"""The API refuses what it does not understand: 400 in the one error shape, naming what is allowed."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/statements/",
        "/api/v1/articles/",
        "/api/v1/topics/",
        "/api/v1/outlets/",
        "/api/v1/people/",
        "/api/v1/countries/",
        "/api/v1/organizations/",
        "/api/v1/positions/",
        "/api/v1/tenures/",
    ],
)
def test_unknown_parameter_on_every_list_is_a_400(api, record, url):
    response = api.get(url, {"bogus": "1"})
    assert response.status_code == 400, url
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert "bogus" in error["fields"]
    assert "This endpoint accepts:" in error["message"] and "page_size" in error["message"]


@pytest.mark.parametrize("name", ["search", "date_from", "page", "limit"])
def test_lookalike_parameters_are_not_silently_ignored(api, record, name):
    response = api.get("/api/v1/statements/", {name: "2"})
    assert response.status_code == 400
    assert "said_after" in response.json()["error"]["message"]


def test_known_parameters_still_work(api, record):
    ok = api.get(
        "/api/v1/statements/",
        {
            "topic": "energy",
            "said_after": "2020-01-01",
            "ordering": "-said_on",
            "page_size": 2,
            "format": "json",
        },
    )
    assert ok.status_code == 200


@pytest.mark.parametrize("size", ["0", "-5", "abc", "1.5", ""])
def test_malformed_page_size_is_a_400(api, record, size):
    response = api.get("/api/v1/statements/", {"page_size": size})
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {
        "page_size": ["Must be a whole number from 1 to 200 (larger sizes are capped)."]
    }


def test_page_size_above_the_cap_is_capped(api, record):
    assert api.get("/api/v1/people/", {"page_size": 100000}).status_code == 200


@pytest.mark.parametrize("cursor", ["garbage", "cD0yMDI1", "%00"])
def test_garbage_cursor_is_a_400_not_a_404(api, record, cursor):
    response = api.get("/api/v1/statements/", {"cursor": cursor})
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"cursor"}


def test_unknown_topic_is_a_400_like_a_bad_country(api, record):
    topic = api.get("/api/v1/statements/", {"topic": "nope"})
    country = api.get("/api/v1/statements/", {"country": "Narnia"})
    assert topic.status_code == country.status_code == 400
    assert "No topic 'nope'" in topic.json()["error"]["message"]


def test_action_parameters_are_per_action(api, record):
    assert api.get("/api/v1/topics/energy/speakers/", {"limit": 3}).status_code == 200
    assert api.get("/api/v1/topics/energy/speakers/", {"page_size": 3}).status_code == 400
    holders = f"/api/v1/positions/{record['foreign_minister'].pk}/holders/"
    assert api.get(holders, {"at": "2024-01-01"}).status_code == 200
    assert api.get(holders, {"topic": "energy"}).status_code == 400


def test_detail_takes_no_filters(api, record):
    url = f"/api/v1/statements/{record['s1'].pk}/"
    assert api.get(url).status_code == 200
    assert api.get(url, {"speaker": "x"}).status_code == 400


def test_schema_documents_the_400(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if get and path.endswith("/") and "{" not in path:
            assert "400" in get["responses"], path


def test_the_mixin_does_not_describe_other_operations(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    descriptions = [op.get("description", "") for ops in schema["paths"].values() for op in ops.values()]
    assert not [d for d in descriptions if "action_query_params" in d]
