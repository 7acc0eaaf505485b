import csv
import io

import pytest
from openapi_spec_validator import validate

from tests import factories as f

pytestmark = pytest.mark.django_db


def rows(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode())))


@pytest.mark.parametrize("how", ["format", "accept"])
def test_statements_csv_streams_every_matching_row(api, record, how):
    if how == "format":
        response = api.get("/api/v1/statements/", {"format": "csv", "topic": "energy", "page_size": 1})
    else:
        response = api.get("/api/v1/statements/", {"topic": "energy", "page_size": 1}, HTTP_ACCEPT="text/csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    table = rows(response)
    from statements.api.export import EXPORT_COLUMNS

    assert table[0] == EXPORT_COLUMNS
    assert len(table) == 3  # header + both energy statements, not one page
    first = dict(zip(table[0], table[1], strict=True))
    assert first["speaker"] == "Amélie Durocher" and first["speaker_country"] == "FR"
    assert first["office"] == "Minister of Foreign Affairs"
    assert first["topics"] == "energy" and first["stances"] == "energy:support?"  # ? = not confirmed
    assert first["article_url"].startswith("https://news.example/")
    assert first["outlet"] == "The Example Courier" and first["review_status"] == "unreviewed"


def test_csv_defuses_spreadsheet_formulas(api, db):
    f.statement(f.person("Crispin Wraxall", country_code="GB"), '=HYPERLINK("http://bad.example")')
    table = rows(api.get("/api/v1/statements/", {"format": "csv"}))
    assert dict(zip(table[0], table[1], strict=True))["quote"].startswith("'=")


def test_csv_errors_come_back_as_json(api, record):
    response = api.get("/api/v1/statements/", {"format": "csv", "said_after": "soon"})
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["said_after"]


def test_person_statements_csv(api, record):
    table = rows(api.get(f"/api/v1/people/{record['amelie'].pk}/statements/", {"format": "csv"}))
    assert len(table) == 3


def test_openapi_schema_is_valid_and_documents_every_filter(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    params = {p["name"]: p for p in schema["paths"]["/api/v1/statements/"]["get"]["parameters"]}
    expected = {
        "speaker",
        "country",
        "position",
        "organization",
        "topic",
        "stance",
        "kind",
        "review_status",
        "said_after",
        "said_before",
        "outlet",
        "article",
        "q",
        "updated_since",
        "ordering",
        "cursor",
        "page_size",
        "format",
    }
    assert expected <= set(params)
    for name in expected - {"cursor", "page_size"}:
        assert params[name].get("description"), name
    post = schema["paths"]["/api/v1/articles/"]["post"]
    assert {"202", "200", "400", "401"} <= set(post["responses"])
    assert "/api/v1/positions/{id}/holders/" in schema["paths"]
    assert "/api/v1/topics/{slug}/speakers/" in schema["paths"]
    assert "/api/v1/people/{id}/statements/" in schema["paths"]


def test_swagger_docs_are_served_without_a_cdn(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn.jsdelivr" not in html and "unpkg.com" not in html


@pytest.mark.parametrize("path", ["/api/v1/statements/", "/api/v1/statements/0/"])
def test_options_and_missing_rows_asked_as_csv_answer_json(api, record, path):
    options = api.options(f"{path}?format=csv")
    assert options.status_code == 200 and options["Content-Type"] == "application/json"
    assert options.json()["name"]
    missing = api.get("/api/v1/statements/0/", {"format": "csv"})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_options_asked_as_csv_describe_the_endpoint_in_json(api, record):
    for url in (
        "/api/v1/statements/?format=csv",
        f"/api/v1/people/{record['amelie'].pk}/statements/?format=csv",
    ):
        response = api.options(url)
        assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
        assert response.json()["name"]
