"""PostgreSQL only: the search and sort expressions the API emits are the ones the indexes hold."""

import pytest
from django.db import connection

from statements import selectors
from tests import factories as f

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def plan(queryset) -> str:
    with connection.cursor() as cursor:
        # The test tables are tiny: make the planner show whether it *can* use the index (with
        # scans and sorts priced out, a small change in row width no longer tips its choice).
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        return queryset.explain()


def test_search_uses_the_gin_index_on_the_stored_vector():
    qs = selectors.statement_search(selectors.statement_list_api(), "interconnector").order_by("-search_rank")
    assert "statement_quote_search_gin" in plan(qs)


def test_newest_first_list_walks_the_sort_index():
    qs = selectors.statement_list_api().order_by("-said_sort", "-pk")[:51]
    text = plan(qs)
    assert "statement_said_sort_idx" in text
    assert "Sort" not in text.split("statement_said_sort_idx")[0].split("Limit")[-1]


def test_search_is_ranked_and_understands_web_syntax(api):
    who = f.person("Harriet Ashcombe", country_code="GB")
    strong = f.statement(who, "The interconnector, the interconnector and only the interconnector.")
    weak = f.statement(who, "We discussed the interconnector briefly before turning to rents.")
    f.statement(who, "Rents must come down this year.")
    body = api.get("/api/v1/statements/", {"q": "interconnector"}).json()
    assert [row["id"] for row in body["results"]] == [strong.pk, weak.pk]
    body = api.get("/api/v1/statements/", {"q": "interconnector -rents"}).json()
    assert [row["id"] for row in body["results"]] == [strong.pk]
    body = api.get("/api/v1/statements/", {"q": '"come down"'}).json()
    assert len(body["results"]) == 1
    # stemming: "interconnectors" finds "interconnector"
    assert len(api.get("/api/v1/statements/", {"q": "interconnectors"}).json()["results"]) == 2


def test_ranked_search_pages_with_a_cursor(api):
    who = f.person("Harriet Ashcombe", country_code="GB")
    made = {f.statement(who, f"Rents {'and rents ' * (i % 4)}rose in district {i}.").pk for i in range(9)}
    seen, url = [], "/api/v1/statements/?q=rents&page_size=2"
    while url:
        body = api.get(url).json()
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert sorted(seen) == sorted(made)
