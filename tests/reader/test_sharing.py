"""Every statement page is citable and shareable: Quotation JSON-LD, Open Graph, a quote card, a citation."""

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest

from statements.models import Article, Statement
from statements.quote_text import bare_quote
from tests import factories as f

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


def jsonld_of(html: str) -> dict:
    (body,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(body)


def test_every_statement_page_has_valid_quotation_jsonld(client, record):
    for statement in Statement.objects.exclude(review_status="rejected"):
        html = client.get(statement.get_absolute_url()).content.decode()
        data = jsonld_of(html)
        assert data["@context"] == "https://schema.org" and data["@type"] == "Quotation"
        assert data["text"] == bare_quote(statement.quote)
        assert data["spokenByCharacter"]["@type"] in {"Person", "Organization"}
        assert data["spokenByCharacter"]["name"]
        assert data["url"].endswith(statement.get_absolute_url())
        if statement.said_on:
            assert data["dateCreated"] == statement.said_on.isoformat()
        for article in data["isBasedOn"]:
            assert article["@type"] == "NewsArticle" and article["headline"]


def test_jsonld_names_speaker_office_and_the_source_url(client, record):
    data = jsonld_of(client.get(record["s1"].get_absolute_url()).content.decode())
    assert data["spokenByCharacter"] == {
        "@type": "Person",
        "name": "Amélie Durocher",
        "jobTitle": "Minister of Foreign Affairs, Ministry of Foreign Affairs",
    }
    assert data["isBasedOn"][0]["url"] == record["story"].url
    assert data["isBasedOn"][0]["publisher"]["name"] == "The Example Courier"


def test_jsonld_cannot_close_its_script_element(client, db):
    who = f.person("Odile Ferrand-Sauvy")
    statement = f.statement(who, "We said </script><script>alert(1)</script> & more.")
    html = client.get(statement.get_absolute_url()).content.decode()
    assert "</script><script>alert" not in html
    assert jsonld_of(html)["text"] == "We said </script><script>alert(1)</script> & more."


def test_open_graph_and_twitter_tags(client, record):
    html = client.get(record["s1"].get_absolute_url()).content.decode()
    for prop in ("og:title", "og:description", "og:url", "og:image", "og:type"):
        assert f'property="{prop}"' in html
    assert 'name="twitter:card" content="summary_large_image"' in html
    card = re.search(r'property="og:image" content="([^"]+)"', html).group(1)
    assert card.startswith("http") and card.endswith(f"/statements/{record['s1'].pk}/card.svg")


def test_citation_line_names_speaker_office_date_outlet_url_and_statement(client, record):
    html = client.get(record["s1"].get_absolute_url()).content.decode()
    line = re.search(r'<textarea id="citation-line"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    today = dt.date.today()
    assert line.startswith(
        "Amélie Durocher (Minister of Foreign Affairs, Ministry of Foreign Affairs), 3 March 2025, "
    )
    assert (
        f"quoted in The Example Courier, {record['story'].url}; onrecord statement {record['s1'].pk}, "
        in line
    )
    assert line.endswith(f"retrieved {today.day} {today:%B %Y}.")


def test_pasted_text_says_it_has_no_url(client, db):
    who = f.person("Odile Ferrand-Sauvy")
    pasted = f.article("Odile Ferrand-Sauvy said: \u201cThe budget is balanced.\u201d", url="")
    Article.objects.filter(pk=pasted.pk).update(url=None)
    statement = f.statement(who, "The budget is balanced.", in_article=Article.objects.get(pk=pasted.pk))
    html = client.get(statement.get_absolute_url()).content.decode()
    assert "pasted text, no URL" in html


def test_quote_card_is_svg_with_quote_speaker_office_date_source(client, record):
    response = client.get(f"/statements/{record['s1'].pk}/card.svg")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert "default-src 'none'" in response["Content-Security-Policy"]
    root = ET.fromstring(response.content)
    text = " ".join("".join(node.itertext()) for node in root.iter(f"{SVG}text"))
    assert "We will build the interconnector" in text
    assert "Amélie Durocher" in text
    assert "Minister of Foreign Affairs" in text and "3 March 2025" in text
    assert "Reported by The Example Courier" in text
    assert "SAMPLE DATA" not in text


def test_quote_card_says_sample_data_and_escapes(client, db):
    who = f.person("Odile Ferrand-Sauvy")
    statement = f.statement(
        who, 'Taxes <b>will</b> fall & "rise"' + " again" * 80, in_article=f.article("Filler.", is_demo=True)
    )
    response = client.get(f"/statements/{statement.pk}/card.svg")
    root = ET.fromstring(response.content)  # well-formed despite <, & and quotes in the quote
    text = " ".join("".join(node.itertext()) for node in root.iter(f"{SVG}text"))
    assert "SAMPLE DATA" in text
    assert "Taxes <b>will</b> fall" in text
    assert len(list(root.iter(f"{SVG}tspan"))) == 6  # long quotes are cut to six lines
    assert client.get("/statements/999999/card.svg").status_code == 404


def test_details_link_is_not_on_the_statement_page_itself_and_outlet_is_linked(client, record):
    html = client.get(record["s1"].get_absolute_url()).content.decode()
    assert 'class="permalink"' not in html
    assert f'href="/outlets/{record["courier"].pk}/"' in html
    listing = client.get("/").content.decode()
    assert 'class="permalink"' in listing


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ('"We will build it,"', "We will build it"),
        ("“We will build it,”", "We will build it"),
        ("We will build it", "We will build it"),
        ("We will build it,", "We will build it"),
        ("«Nous construirons»", "Nous construirons"),
        ('"Yes," she said, "no"', '"Yes," she said, "no"'),
        ("„Wir bauen es“", "Wir bauen es"),
        ("", ""),
    ],
)
def test_bare_quote(stored, shown):
    assert bare_quote(stored) == shown


def test_pages_print_exactly_one_pair_of_marks(client, db):
    who = f.person("Odile Ferrand-Sauvy")
    old = f.statement(who, "\u201cThe old way kept its marks,\u201d")
    new = f.statement(who, "The new way has none", said_on=dt.date(2025, 3, 4))
    for statement in (old, new):
        html = client.get(statement.get_absolute_url()).content.decode()
        body = html.split("<main", 1)[1]
        assert re.search(r"<p>\u201c(The old way kept its marks|The new way has none)\u201d</p>", body)
        assert (
            "\u201c\u201c" not in html
            and '\u201c"' not in html
            and ",\u201d" not in body.split("In context")[0]
        )
