"""Articles added in the admin go through the ingest pipeline, with the API's checks and messages."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from statements.models import Article
from statements.services.articles import IngestError, article_input_check

pytestmark = pytest.mark.django_db
ADD = "admin:statements_article_add"
TEXT = (
    "Lakeside council backs tram plan\n\n"
    "GENEVA — Mobility Minister Odile Fankhauser said on Thursday that the tram line would reach the lake "
    "shore by 2029.\n\n"
    "\u201cEvery district deserves a tram stop within ten minutes' walk,\u201d Fankhauser told reporters."
)


def _api_message(**kwargs) -> str:
    with pytest.raises(IngestError) as error:
        article_input_check(**kwargs)
    return str(error.value)


def test_added_with_title_text_and_date_ends_extracted(admin_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse(ADD), {"title": "Tram plan", "text": TEXT, "url": "", "published": "2026-10-01"}
        )
    article = Article.objects.get()
    assert response["Location"] == reverse("admin:statements_article_change", args=[article.pk])
    assert article.status == Article.Status.EXTRACTED and article.origin == Article.Origin.TEXT
    assert article.citations.exists()
    page = admin_client.get(response["Location"])
    assert b"Extracted:" in page.content and b"statement(s)" in page.content


@pytest.mark.parametrize(
    "url", ["https://news.invalid/2026/tram-plan", "http://127.0.0.1/admin/", "ftp://news.example/x"]
)
def test_invalid_or_internal_urls_are_refused_with_the_api_message(admin_client, url):
    response = admin_client.post(reverse(ADD), {"title": "", "text": TEXT, "url": url, "published": ""})
    assert response.status_code == 200
    assert escape(_api_message(url=url, text=TEXT)) in response.content.decode()
    assert not Article.objects.exists()


def test_empty_and_future_submissions_get_the_api_message(admin_client):
    response = admin_client.post(reverse(ADD), {"title": "x", "text": "", "url": "", "published": ""})
    assert "Nothing to ingest" in response.content.decode()
    response = admin_client.post(reverse(ADD), {"text": TEXT, "published": "2999-01-01"})
    assert "is in the future" in response.content.decode()


def test_a_queued_article_is_not_public_until_extracted(
    admin_client, client, django_capture_on_commit_callbacks
):
    admin_client.post(reverse(ADD), {"title": "", "text": TEXT, "url": "", "published": ""})  # tasks not run
    article = Article.objects.get()
    assert article.status == Article.Status.FETCHED
    assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(f"/api/v1/articles/{article.pk}/").status_code == 404
    assert admin_client.get(article.get_absolute_url()).status_code == 200  # staff can look
    progress = admin_client.get(reverse("admin:statements_article_progress", args=[article.pk])).json()
    assert progress["running"] and progress["label"].startswith("Fetched")


def test_reextract_reports_the_outcome(transactional_db, admin_client):
    # Real commits: the eager task runs when the service's transaction commits, as under make run.
    admin_client.post(reverse(ADD), {"text": TEXT, "published": "2026-10-01"})
    article = Article.objects.get()
    response = admin_client.post(
        reverse("admin:statements_article_changelist"),
        {"action": "reextract", "_selected_action": [article.pk]},
        follow=True,
    )
    text = response.content.decode()
    assert f"Re-extraction of #{article.pk}" in text and "Extracted:" in text
    article.refresh_from_db()
    assert article.extraction_count == 2


def test_the_text_citations_point_into_cannot_be_edited(admin_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse(ADD), {"text": TEXT, "published": "2026-10-01"})
    article = Article.objects.get()
    form = admin_client.get(reverse("admin:statements_article_change", args=[article.pk])).context[
        "adminform"
    ]
    assert {"text", "url", "origin"} <= set(form.readonly_fields)
    assert "text" not in form.form.fields
