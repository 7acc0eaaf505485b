"""Hostile input, ingested the way anyone with a token can, then read back through every face.

The corpus: script tags, event handlers, javascript: URLs, SVG with script, bidi overrides and
zero-width characters, in article text, quotes, titles, authors and outlet names; a 10 MB text.
Every page, feed, card, CSV/JSON Lines export and API answer must render it as text: no element
or attribute that could run, no 5xx.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from statements.models import Article, Outlet, Statement

pytestmark = pytest.mark.django_db(transaction=True)

ATOM = "{http://www.w3.org/2005/Atom}"
SCRIPT = '<script>alert("x")</script>'
HOSTILE_TITLE = f"Harbour row {SCRIPT} \u202eevil\u202c <img src=x onerror=alert(1)>"
HOSTILE_OUTLET = f'{SCRIPT}<svg onload="alert(2)"> Gazette'
HOSTILE_AUTHOR = '"><a href="javascript:alert(3)">Desk</a>'
# Tags in pasted text are stripped at ingest (the article's words are kept); markup written as
# entities, or spelled out in the words, survives as literal text and must still never run.
HOSTILE_TEXT = (
    "Harbour contract under review\n\n"
    "VALLETTA — Maltese Transport Minister Rita Camilleri said on Friday that the harbour contract "
    "would be reviewed by an independent panel before the summer.\n\n"
    "\u201c&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; We will publish <script>alert(9)</script>"
    "&lt;img src=x onerror=alert(4)&gt; every page of it,\u201d Camilleri told reporters at the ministry.\n\n"
    "\u201cClick &lt;a href=&quot;javascript:alert(5)&quot;&gt;here&lt;/a&gt; and "
    "&lt;svg onload=alert(6)&gt;&lt;script&gt;alert(7)&lt;/script&gt;&lt;/svg&gt; to read the whole "
    "contract,\u201d Camilleri said.\n\n"
    "Opposition leader Jonas Farrugia said the \u202eweiver\u202c was \u200bfar too late for the "
    "families who live beside the harbour.\n"
)
ALLOWED_SCRIPT_TYPES = {"application/json", "application/ld+json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background"}


class _MarkupAudit(HTMLParser):
    """Everything in a page that could run: script elements, handlers, script URLs, frames."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script: str | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script":
            kind = (values.get("type") or "").lower()
            src = values.get("src") or ""
            same_origin_file = src.startswith("/") and not src.startswith("//")
            if kind not in ALLOWED_SCRIPT_TYPES and not same_origin_file:
                self.problems.append(f"<script {values}>")
            self._in_script = kind
        if tag in {"iframe", "object", "embed", "base", "foreignobject"}:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name in URL_ATTRIBUTES and value:
                squeezed = "".join(ch for ch in value if ch > " ").lower()
                if squeezed.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script in ALLOWED_SCRIPT_TYPES and "<" in data:
            self.problems.append("a < inside a data script (could close it)")


def _audit_html(body: str, where: str) -> None:
    audit = _MarkupAudit()
    audit.feed(body)
    assert audit.problems == [], (where, audit.problems)
    assert "\u202e" not in body and "\u200b" not in body, (where, "bidi/zero-width characters reach the page")


@pytest.fixture
def api(django_user_model):
    client = APIClient()
    user = django_user_model.objects.create_user("wire-desk", password="pw-12345678")
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def hostile_record(api):
    response = api.post(
        "/api/v1/articles/",
        {"text": HOSTILE_TEXT, "title": HOSTILE_TITLE, "outlet_name": HOSTILE_OUTLET, "author": HOSTILE_AUTHOR,
         "published": "2026-04-03"},
        format="json",
    )  # fmt: skip
    assert response.status_code == 202, response.content
    article = Article.objects.get(pk=response.json()["id"])
    assert article.status == Article.Status.EXTRACTED, article.error
    statements = Statement.objects.filter(citations__article=article).distinct()
    assert statements.filter(quote__contains="<script>").exists(), [s.quote for s in statements]
    return {"article": article, "statements": list(statements), "outlet": article.outlet}


def test_the_hostile_fields_are_stored_as_given_minus_invisible_characters(hostile_record):
    article = hostile_record["article"]
    assert SCRIPT in article.title and "\u202e" not in article.title
    assert "\u202e" not in article.text and "\u200b" not in article.text
    assert hostile_record["outlet"].name.startswith(SCRIPT)
    assert article.author == HOSTILE_AUTHOR


def test_every_page_shows_the_markup_as_text(client, hostile_record):
    article, outlet = hostile_record["article"], hostile_record["outlet"]
    speaker = next(s.speaker for s in hostile_record["statements"] if s.speaker_id)
    statement = next(s for s in hostile_record["statements"] if "<script>" in s.quote)
    paths = [
        "/", "/statements/", statement.get_absolute_url(), "/articles/", article.get_absolute_url(),
        "/outlets/", reverse("outlet-detail", args=[outlet.pk]), "/people/", speaker.get_absolute_url(),
        "/topics/", "/countries/", "/search/?q=harbour", f"/search/?q={SCRIPT}",
        f"/compare/?a={SCRIPT}&b=Camilleri&topic=x", f"/statements/?speaker={SCRIPT}",
    ]  # fmt: skip
    for path in paths:
        response = client.get(path)
        assert response.status_code in (200, 404), (path, response.status_code)
        body = response.content.decode()
        _audit_html(body, path)
    page = client.get(statement.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(" in page, "the quote is shown, as text"
    assert "&lt;script&gt;" in client.get(article.get_absolute_url()).content.decode()


def test_the_admin_shows_the_markup_as_text(client, django_user_model, hostile_record):
    admin = django_user_model.objects.create_superuser("editor", "editor@example.org", "right-pass-123")
    client.force_login(admin)
    article = hostile_record["article"]
    for path in ["/admin/statements/article/", f"/admin/statements/article/{article.pk}/change/",
                 "/admin/statements/statement/", "/admin/statements/outlet/"]:  # fmt: skip
        response = client.get(path)
        assert response.status_code == 200, path
        _audit_html(response.content.decode(), path)


def test_feeds_escape_the_summary_html(client, hostile_record):
    speaker = next(s.speaker for s in hostile_record["statements"] if s.speaker_id)
    response = client.get(reverse("person-feed", args=[speaker.slug]))
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    summaries = [entry.find(f"{ATOM}summary") for entry in feed.iter(f"{ATOM}entry")]
    assert summaries and all(summary.get("type") == "html" for summary in summaries)
    for summary in summaries:
        # A feed reader renders this text as HTML: it must contain no markup at all, only entities.
        assert "<" not in summary.text, summary.text
        _audit_html(summary.text, "feed summary")
    assert any("&lt;script&gt;" in summary.text for summary in summaries), "outlet and quote shown as text"


def test_the_quote_card_svg_has_only_text(client, hostile_record):
    statement = next(s for s in hostile_record["statements"] if "<script>" in s.quote)
    response = client.get(reverse("statement-card", args=[statement.pk]))
    assert response.status_code == 200
    svg = ET.fromstring(response.content)
    for element in svg.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        assert tag not in {"script", "foreignobject", "a", "use", "image"}, tag
        assert not [name for name in element.attrib if name.rsplit("}", 1)[-1].startswith("on")], (
            element.attrib
        )


def test_api_csv_and_json_lines_carry_it_as_data(api, hostile_record):
    article = hostile_record["article"]
    for path in ["/api/v1/statements/", "/api/v1/articles/", f"/api/v1/articles/{article.pk}/", "/api/v1/outlets/",
                 "/api/v1/people/"]:  # fmt: skip
        response = api.get(path)
        assert response.status_code == 200 and response["Content-Type"].startswith("application/json"), path
        json.loads(response.content)
    browsable = api.get("/api/v1/statements/", HTTP_ACCEPT="text/html")
    assert browsable.status_code == 200
    _audit_html(browsable.content.decode(), "browsable API")

    for path in ["/api/v1/statements/?format=csv", "/api/v1/export/statements/?format=csv"]:
        response = api.get(path)
        assert response.status_code == 200, path
        body = b"".join(response.streaming_content) if response.streaming else response.content
        rows = list(csv.reader(io.StringIO(body.decode())))
        assert len(rows) > 1
        for row in rows[1:]:
            for cell in row:
                assert not cell.lstrip(" \t\r\n").startswith(("=", "+", "-", "@")), (path, cell)
    exported = api.get("/api/v1/export/statements/?format=jsonl")
    lines = b"".join(exported.streaming_content).decode().splitlines()
    assert lines and all(json.loads(line) for line in lines)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "http://127.0.0.1/admin",
    ],
)
def test_script_and_internal_urls_are_refused_with_a_400(api, url):
    response = api.post("/api/v1/articles/", {"url": url}, format="json")
    assert response.status_code == 400, response.content
    assert not Article.objects.exists()


def test_a_10_mb_text_is_refused_with_a_clear_message_not_stored(api, tmp_path):
    from django.core.management import CommandError, call_command

    ten_mb = ("The minister said the harbour would open. " * 250_000)[: 10 * 1024 * 1024]
    response = api.post("/api/v1/articles/", {"text": ten_mb}, format="json")
    assert response.status_code == 413, response.status_code
    assert response.json()["error"]["code"] == "too_large"
    assert "200,000 characters" in response.json()["error"]["message"]
    # Under the body limit but over the article limit: refused by the same check as every path.
    long_text = ("The minister said the harbour would open. " * 6000)[:250_000]
    response = api.post("/api/v1/articles/", {"text": long_text}, format="json")
    assert response.status_code == 400 and "too long" in response.json()["error"]["message"]
    path = tmp_path / "huge.txt"
    path.write_text(ten_mb)
    with pytest.raises(CommandError):
        call_command("ingest", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert not Article.objects.exists() and not Outlet.objects.filter(name__contains="script").exists()
