"""Query parameters anyone can send: a clear 400 (or a form error on pages), never a 500."""

import datetime as dt

import pytest

LISTS = ["statements", "people", "articles", "topics", "organizations", "positions", "tenures", "outlets"]


@pytest.mark.parametrize("offset", ["+16:00", "-16:00", "+23:59", "-23:59", "+14:01"])
def test_updated_since_with_an_offset_that_is_no_time_zone_is_a_400_on_every_list(api, record, offset):
    for path in LISTS:
        response = api.get(f"/api/v1/{path}/", {"updated_since": f"2020-01-01T00:00:00{offset}"})
        assert response.status_code == 400, (path, response.content[:200])
        assert "UTC offset" in str(response.json()), path


@pytest.mark.parametrize("offset", ["+14:00", "-12:00", "+05:45", "Z"])
def test_updated_since_with_real_offsets_works(api, record, offset):
    for path in LISTS:
        response = api.get(f"/api/v1/{path}/", {"updated_since": f"2020-01-01T00:00:00{offset}"})
        assert response.status_code == 200, path
        assert response.json()["results"], path


def test_updated_since_compares_in_utc(api, record):
    rows = api.get("/api/v1/statements/").json()["results"]
    newest = max(rows, key=lambda row: row["updated_at"])
    moment = dt.datetime.fromisoformat(newest["updated_at"].replace("Z", "+00:00"))
    # The same instant written with a +13:00 offset: the newest statement is at or after it.
    local = moment.astimezone(dt.timezone(dt.timedelta(hours=13)))
    found = api.get("/api/v1/statements/", {"updated_since": local.isoformat()}).json()["results"]
    assert newest["id"] in [row["id"] for row in found]
    later = api.get("/api/v1/statements/", {"updated_since": (local + dt.timedelta(seconds=1)).isoformat()})
    assert newest["id"] not in [row["id"] for row in later.json()["results"]]


@pytest.mark.parametrize("country", ["PLX", "P", "12", "<b>", "ФР"])
def test_a_country_that_is_no_code_is_a_400_in_the_api_and_a_form_error_on_the_search_page(
    api, client, record, country
):
    response = api.get("/api/v1/statements/", {"country": country})
    assert response.status_code == 400
    assert "alpha-2" in str(response.json())
    page = client.get("/search/", {"country": country})
    assert page.status_code == 200
    assert "Use an ISO 3166-1 alpha-2 code such as FR." in page.content.decode()


@pytest.mark.parametrize(
    "path", ["/api/v1/statements/", "/api/v1/statements/1/", "/api/v1/people/1/statements/"]
)
def test_options_with_format_csv_describes_the_endpoint_in_json(api, record, path):
    """Found by schemathesis: OPTIONS ?format=csv rendered the endpoint's description as statement rows."""
    response = api.options(path + "?format=csv")
    assert response.status_code in (200, 404)
    assert response["Content-Type"].startswith("application/json")
