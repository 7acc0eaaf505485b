"""The statement list built from plain rows is exactly StatementSerializer's output."""

import datetime as dt

from rest_framework.test import APIRequestFactory

from statements import selectors
from statements.api.serializers import StatementSerializer
from tests import factories as f


def test_rows_give_the_serializers_shape_for_every_kind_of_statement(api, record):
    ministry = f.organization("Ministry of Energy", country_code="DE")
    f.statement(
        None, "The ministry denies it.", speaker_organization=ministry, topics={record["energy"]: "oppose"}
    )
    suggested = f.topic("Ferry tariffs", suggested=True)
    f.statement(record["jonas"], "Tariffs will fall.", said_on=None, topics={suggested: "support"})
    office = f.tenure(record["jonas"], record["foreign_minister"], dt.date(2020, 1, 1), dt.date(2021, 1, 1))
    f.statement(record["jonas"], "We signed it.", office=office, in_article=f.article(url="", published=None))

    listed = api.get("/api/v1/statements/?page_size=200&ordering=id", HTTP_ACCEPT="application/json").json()
    request = APIRequestFactory().get("/api/v1/statements/")
    statements = selectors.statement_list_api().order_by("id")
    expected = StatementSerializer(statements, many=True, context={"request": request}).data
    assert listed["results"] == [dict(item) for item in expected]
    assert len(listed["results"]) == 6  # the rejected one is not listed


def test_paging_through_rows_follows_the_cursor(api, record):
    for i in range(7):
        f.statement(record["amelie"], f"Point number {i}.", said_on=dt.date(2025, 1, 1 + i))
    seen, url = [], "/api/v1/statements/?page_size=3"
    while url:
        page = api.get(url, HTTP_ACCEPT="application/json").json()
        seen += [item["id"] for item in page["results"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == 10
