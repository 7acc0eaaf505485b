"""The bulk export: every matching statement with its sources, streamed, safely, under a telling name."""

import csv
import datetime as dt
import io
import json

import pytest

from statements.api.export import EXPORT_COLUMNS, NO_URL
from statements.models import Article
from tests import factories as f

pytestmark = pytest.mark.django_db
URL = "/api/v1/export/statements/"


def body(response) -> str:
    return b"".join(response.streaming_content).decode()


def test_csv_has_every_source_column_and_a_named_file(api, record):
    response = api.get(URL, {"format": "csv", "topic": "energy"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    today = dt.date.today().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="onrecord-statements-topic-energy-{today}.csv"'
    )
    table = list(csv.DictReader(io.StringIO(body(response))))
    assert list(table[0]) == EXPORT_COLUMNS
    row = next(r for r in table if r["id"] == str(record["s1"].pk))
    assert row["outlet"] == "The Example Courier" and row["outlet_domain"] == "courier.example"
    assert row["article_title"] == "Minister backs interconnector"
    assert row["article_url"] == record["story"].url
    assert row["onrecord_url"] == f"http://testserver/statements/{record['s1'].pk}/"
    assert row["article_onrecord_url"] == f"http://testserver/articles/{record['story'].pk}/"
    assert row["date_precision"] == "day" and row["review_status"] == "unreviewed"


def test_jsonl_one_object_per_line(api, record):
    response = api.get(URL, {"format": "jsonl"})
    assert response["Content-Type"].startswith("application/x-ndjson")
    lines = body(response).splitlines()
    records = [json.loads(line) for line in lines]
    assert {r["id"] for r in records} == {s.pk for s in (record["s1"], record["s2"], record["s3"])}
    assert all(set(r) == set(EXPORT_COLUMNS) for r in records)
    assert response["Content-Disposition"].endswith(f'-{dt.date.today().isoformat()}.jsonl"')


def test_pasted_text_says_it_has_no_url_and_formulas_are_defused(api, db):
    who = f.person("Crispin Wraxall", country_code="GB")
    pasted = f.article("Crispin Wraxall wrote it.", title="+Pasted notes", url="")
    Article.objects.filter(pk=pasted.pk).update(url=None, origin="text")
    f.statement(who, '=HYPERLINK("http://bad.example","click")', in_article=Article.objects.get(pk=pasted.pk))
    (row,) = csv.DictReader(io.StringIO(body(api.get(URL, {"format": "csv"}))))
    assert row["article_url"] == NO_URL
    assert row["quote"].startswith("'=") and row["article_title"].startswith("'+")
    (line,) = body(api.get(URL, {"format": "jsonl"})).splitlines()
    assert json.loads(line)["quote"].startswith("=HYPERLINK")  # JSON keeps the text as it is


def test_export_is_strict(api, record):
    assert api.get(URL, {"format": "xlsx"}).status_code == 400
    assert api.get(URL).status_code == 400
    assert api.get(URL, {"format": "csv", "bogus": "1"}).status_code == 400
    assert api.get(URL, {"format": "csv", "said_after": "soon"}).json()["error"]["fields"]["said_after"]


def test_export_query_count_is_fixed(api, record, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        body(api.get(URL, {"format": "csv"}))


def test_one_statement_as_csv_has_the_export_columns(api, record):
    response = api.get(f"/api/v1/statements/{record['s1'].pk}/", {"format": "csv"})
    (row,) = csv.DictReader(io.StringIO(response.content.decode()))
    streamed = next(
        r for r in csv.DictReader(io.StringIO(body(api.get(URL, {"format": "csv"})))) if r["id"] == row["id"]
    )
    assert row == streamed  # the same record whichever way it is asked for
