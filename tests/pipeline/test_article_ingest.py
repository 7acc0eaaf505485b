"""article_ingest: what it accepts, what it refuses, and that refusals leave nothing behind."""

import datetime as dt

import pytest
from django.utils import timezone

from statements.models import Article, Citation, Statement
from statements.services.articles import IngestError, article_ingest, article_text_clean, content_hash

pytestmark = pytest.mark.django_db


def test_text_is_stored_and_extracted_in_process(demo_text, ingest):
    result = ingest(text=demo_text, published="2026-11-03")
    article = Article.objects.get(pk=result.article.pk)
    assert result.created
    assert article.status == Article.Status.EXTRACTED
    assert article.title == "Estonian minister pledges new rail link"
    assert article.extractor_version
    statements = Statement.objects.filter(citations__article=article)
    assert statements.exists()
    for citation in Citation.objects.filter(article=article):
        assert article.text[citation.start : citation.end] == citation.text


def test_same_text_twice_is_one_article_and_no_duplicate_statements(demo_text, ingest):
    first = ingest(text=demo_text, published="2026-11-03")
    count = Statement.objects.count()
    second = ingest(text=demo_text + "\n\n", published="2026-11-03")
    assert not second.created
    assert second.article.pk == first.article.pk
    assert Article.objects.count() == 1
    assert Statement.objects.count() == count


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({}, "Nothing to ingest"),
        ({"text": "   \n  "}, "Nothing to ingest"),
        ({"text": "Too short."}, "too short"),
        ({"text": "abc\x00def" * 20}, "binary"),
        ({"text": b"\x89PNG\r\n\x1a\n" * 10}, "binary"),
        ({"text": "1234567890 " * 20}, "too few letters"),
        ({"url": "http://10.1.2.3/a", "text": "A real article body about a budget vote. " * 3}, "private"),
        ({"text": "A real article body about a budget vote. " * 3, "published": "2999-01-01"}, "in the future"),
        ({"text": "A real article body about a budget vote. " * 3, "published": "yesterday"}, "not a date"),
    ],
)
def test_bad_input_is_refused_with_a_clear_error_and_nothing_written(kwargs, message):
    with pytest.raises(IngestError, match=message):
        article_ingest(**kwargs)
    assert Article.objects.count() == 0


@pytest.mark.parametrize(
    "url, message",
    [
        ("not a url", ""),
        ("ftp://example.org/file.txt", ""),
        ("http://127.0.0.1/admin", ""),
        ("http://10.0.0.5/", ""),
        ("http://localhost:8000/", ""),
        ("http://[::1]/", ""),
        ("javascript:alert(1)", ""),
        ("http://user:secret@example.org/", ""),
    ],
)
def test_bad_urls_are_refused_before_anything_is_written(url, message):
    with pytest.raises(IngestError):
        article_ingest(url=url)
    assert Article.objects.count() == 0


def test_today_is_not_the_future():
    result = article_ingest(text="A real article body about a budget vote. " * 3, published=timezone.localdate())
    assert result.article.published == timezone.localdate()


def test_text_is_normalised_odd_unicode_and_all():
    raw = "Headline\r\n\r\nThe minister\u200b said that  taxes would rise.\ufeff Cafe\u0301 owners objected loudly today.\n"
    clean = article_text_clean(raw)
    assert "\u200b" not in clean and "\ufeff" not in clean and "\r" not in clean
    assert "Café" in clean  # NFC: one code point
    assert "  " not in clean


def test_content_hash_ignores_whitespace_and_case():
    assert content_hash("The Minister said.\n\nMore.") == content_hash("the minister   said. more.")
    assert content_hash("The Minister said.") != content_hash("The Minister said not.")


def test_script_in_pasted_text_is_kept_as_inert_text_and_never_rendered(client, ingest):
    text = 'Budget row deepens\n\n<script>alert("x")</script> Minister Ilse Vaarkamp said that the budget was fair.'
    result = ingest(text=text, published="2026-11-02")
    article = Article.objects.get(pk=result.article.pk)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert b'<script>alert("x")</script>' not in response.content


def test_published_date_defaults_to_none_and_statements_use_the_ingest_day(demo_text, ingest):
    result = ingest(text=demo_text)
    article = Article.objects.get(pk=result.article.pk)
    assert article.published is None
    dates = set(Statement.objects.values_list("said_on", flat=True))
    assert dates and all(d <= timezone.localdate() for d in dates)
    assert all(d >= timezone.localdate() - dt.timedelta(days=8) for d in dates)


def test_url_with_text_keeps_the_url_and_fetches_nothing(ingest):
    text = "Budget vote passes\n\nFinance Minister Ilse Vaarkamp said that the budget was fair to everyone."
    result = ingest(url="https://news.example.org/budget?utm_source=feed", text=text, published="2026-11-02")
    article = result.article
    assert article.url == "https://news.example.org/budget"
    assert article.outlet.domain == "news.example.org"
    assert article.status == Article.Status.EXTRACTED and article.fetched_at is not None
    again = ingest(url="https://news.example.org/budget", text=text + " More words.", published="2026-11-02")
    assert not again.created and again.article.pk == article.pk


def test_a_worker_that_keeps_dying_is_not_restarted_for_ever(ingest):
    from statements.services.article_steps import EXTRACT_MAX_DEATHS, article_extract

    article = ingest(text="Budget vote passes\n\nThe minister said that the budget was fair to all.").article
    long_ago = timezone.now() - dt.timedelta(hours=2)
    # two runs died already; a run started long ago never finished either: this is the third death
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.FETCHED, attempts=EXTRACT_MAX_DEATHS - 1, extraction_started_at=long_ago
    )
    assert article_extract(article_id=article.pk) == Article.Status.FAILED
    article.refresh_from_db()
    assert "never finished" in article.error


def test_a_duplicate_delivery_running_alongside_is_not_a_death(ingest):
    from statements.services.article_steps import EXTRACT_MAX_DEATHS, article_extract

    article = ingest(text="Budget vote passes\n\nThe minister said that the budget was fair to all.").article
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.FETCHED, attempts=EXTRACT_MAX_DEATHS - 1, extraction_started_at=timezone.now()
    )
    assert article_extract(article_id=article.pk) == Article.Status.EXTRACTED
    article.refresh_from_db()
    assert (article.attempts, article.extraction_started_at) == (0, None)
