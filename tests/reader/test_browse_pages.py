"""No dead ends: list pages for statements, articles, outlets and countries, counts and links."""

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_statements_list_counts_filters_and_pages(client, record):
    html = client.get("/statements/").content.decode()
    assert "3 statements" in html
    assert record["s1"].get_absolute_url() in html
    html = client.get("/statements/", {"topic": "energy"}).content.decode()
    assert "2 statements match" in html
    assert "format=csv" in html and "format=jsonl" in html


def test_statements_list_pages(client, db):
    who = f.person("Teodora Valsecchi", country_code="IT")
    for i in range(25):
        f.statement(who, f"Statement number {i} on the budget.")
    first = client.get("/statements/").content.decode()
    assert "25 statements" in first and 'rel="next"' in first
    second = client.get("/statements/", {"page": 2}).content.decode()
    assert second.count('class="statement"') == 5


def test_bad_topic_on_a_page_is_a_form_error_not_a_500(client, record):
    response = client.get("/statements/", {"topic": "nope"})
    assert response.status_code == 200
    assert "No topic" in response.content.decode()
    assert client.get("/search/", {"topic": "nope"}).status_code == 200


def test_search_shows_a_count(client, record):
    html = client.get("/search/", {"q": "interconnector"}).content.decode()
    shown = html.count('class="statement"')
    assert shown >= 1 and f"{shown} statement{'s' if shown > 1 else ''} found" in html


def test_articles_outlets_countries(client, record):
    articles = client.get("/articles/").content.decode()
    assert record["story"].get_absolute_url() in articles
    outlets = client.get("/outlets/").content.decode()
    assert record["courier"].get_absolute_url() in outlets
    outlet = client.get(record["courier"].get_absolute_url()).content.decode()
    assert "The Example Courier" in outlet and record["story"].get_absolute_url() in outlet
    assert client.get("/outlets/999999/").status_code == 404
    countries = client.get("/countries/").content.decode()
    assert 'href="/countries/fr/"' in countries and 'href="/countries/de/"' in countries


def test_home_links_to_more(client, record):
    html = client.get("/").content.decode()
    assert 'href="/statements/"' in html


def test_list_query_counts_do_not_grow(client, db, django_assert_max_num_queries):
    who = f.person("Teodora Valsecchi", country_code="IT")
    source = f.outlet("The Daily Example", "daily.example")
    for i in range(30):
        f.cite(f.statement(who, f"Statement number {i} on rail."), f.article(f"Text {i}.", source=source))
    for url in ("/statements/", "/articles/", "/outlets/", f"/outlets/{source.pk}/", "/countries/"):
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200


def test_favicon(client):
    assert client.get("/favicon.ico").status_code in (200, 301, 302)


def test_redoc_loads_nothing_from_elsewhere(client):
    import re

    html = client.get("/api/redoc/").content.decode()
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert external == []
    assert "/static/drf_spectacular_sidecar/redoc/" in html


def test_topic_timeline_with_one_month_is_a_labelled_bar_not_a_block():
    import datetime as dt

    from statements.templatetags.onrecord import MAX_BAR_WIDTH, timeline_svg

    svg = str(timeline_svg([{"month": dt.date(2025, 3, 1), "stance": "support", "n": 4}]))
    assert ">Mar 2025</text>" in svg
    widths = [float(w) for w in __import__("re").findall(r'<rect [^>]*width="([\d.]+)"', svg)]
    assert widths and max(widths) <= MAX_BAR_WIDTH
    assert 'style="' not in svg  # no inline styles (the legend uses classes)


def test_topic_timeline_labels_months_without_crowding():
    import datetime as dt
    import re

    from statements.templatetags.onrecord import timeline_svg

    rows = [{"month": dt.date(2024, m, 1), "stance": "oppose", "n": m} for m in range(1, 13)]
    labels = re.findall(r'class="tick" text-anchor="middle">([A-Z][a-z]{2} \d{4})<', str(timeline_svg(rows)))
    assert 3 <= len(labels) <= 6 and labels[0] == "Jan 2024"


def test_docs_pages_are_not_api_operations(client):
    paths = client.get("/api/schema/", {"format": "json"}).json()["paths"]
    assert not [path for path in paths if not path.startswith("/api/v1/")]
