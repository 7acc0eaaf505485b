"""A page that breaks the fetch step in an unexpected way fails its article visibly, never silently."""

import pytest
from django.db import IntegrityError

import statements.ingest.html as html_module
from statements.models import Article

from . import corpus
from .webserver import Answer

pytestmark = pytest.mark.django_db


def test_an_unexpected_error_while_fetching_marks_the_article_failed(site, ingest, monkeypatch):
    site.routes["/news/3"] = Answer(body=corpus.article_html(3))

    def broken(*args, **kwargs):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(html_module, "parse_article_html", broken)
    article = ingest(url=site.url("/news/3")).article
    assert article.status == Article.Status.FAILED
    assert article.error == "Fetching failed unexpectedly: RuntimeError: parser exploded"


def test_a_page_that_is_not_an_article_fails_with_the_reason(site, ingest):
    site.routes["/login"] = Answer(
        body=b"<html><body><article><h1>Members only</h1><p>Subscribe to continue reading.</p></article></body></html>"
    )
    article = ingest(url=site.url("/login")).article
    assert article.status == Article.Status.FAILED
    assert "login or subscription wall" in article.error


def test_a_refused_redirect_fails_the_article_without_retrying(site, ingest):
    site.routes["/moved"] = Answer(301, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    article = ingest(url=site.url("/moved")).article
    assert article.status == Article.Status.FAILED
    assert article.error.startswith("Refused: the address points to a link-local address (169.254.169.254)")
    assert site.hits("/moved") == 1


def test_a_save_that_loses_a_race_is_retried_and_succeeds(ingest, monkeypatch, demo_text):
    import statements.services.extraction as extraction_module

    real_save = extraction_module.article_statements_save
    calls = []

    def flaky(**kwargs):
        calls.append(kwargs["article"].pk)
        if len(calls) == 1:
            raise IntegrityError('duplicate key value violates unique constraint "people_position_slug_key"')
        return real_save(**kwargs)

    monkeypatch.setattr(extraction_module, "article_statements_save", flaky)
    article = ingest(text=demo_text, published="2026-11-02").article
    assert article.status == Article.Status.EXTRACTED
    assert len(calls) == 2
    assert article.citations.exists()


def test_a_save_that_keeps_failing_marks_the_article_failed(ingest, monkeypatch, demo_text):
    import statements.services.extraction as extraction_module

    def broken(**kwargs):
        raise IntegrityError("still broken")

    monkeypatch.setattr(extraction_module, "article_statements_save", broken)
    article = ingest(text=demo_text, published="2026-11-02").article
    assert article.status == Article.Status.FAILED
    assert article.error == "Saving the statements failed: IntegrityError: still broken"
