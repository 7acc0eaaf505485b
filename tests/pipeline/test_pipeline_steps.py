"""The pipeline steps are idempotent: run twice, redelivered, or re-run, they never duplicate."""

import pytest

from statements.models import Article, Citation, Statement, StatementTopic
from statements.services.article_steps import article_extract
from statements.services.articles import article_retry
from statements.services.topics import topic_define

pytestmark = pytest.mark.django_db

TEXT = (
    "Latvia backs new defence spending plan\n\n"
    "RIGA — Latvian Defence Minister Ruta Kalnina said on Monday that spending on air defence "
    "would rise to four percent of GDP next year.\n\n"
    '"Our airspace is the first thing we must protect, and we will not wait for anyone else to do it," '
    "Kalnina told reporters in Riga.\n\n"
    "Opposition leader Edgars Birzulis argued that the plan left schools and hospitals without money.\n"
)


@pytest.fixture
def article(ingest):
    return ingest(text=TEXT, published="2026-11-04").article


def test_extract_twice_is_a_no_op_unless_forced(article):
    before = sorted(Citation.objects.values_list("start", "end", "statement_id"))
    assert article_extract(article_id=article.pk) == Article.Status.EXTRACTED  # guard: already done
    assert sorted(Citation.objects.values_list("start", "end", "statement_id")) == before
    assert article_extract(article_id=article.pk, force=True) == Article.Status.EXTRACTED
    after = sorted(Citation.objects.values_list("start", "end", "statement_id"))
    assert [(s, e) for s, e, _ in after] == [(s, e) for s, e, _ in before]
    assert Statement.objects.count() == len({sid for *_, sid in after})


def test_redelivered_task_after_status_reset_does_not_duplicate(article):
    count = Statement.objects.count()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.FETCHED)  # as if the worker died pre-commit
    article_extract(article_id=article.pk)
    assert Statement.objects.count() == count
    assert Citation.objects.filter(article=article).count() == count


def test_reextract_keeps_what_an_analyst_decided(article):
    verified = Statement.objects.order_by("id").first()
    verified.review_status = Statement.ReviewStatus.CORRECTED
    verified.analyst_note = "Checked against the video."
    verified.save()
    article_extract(article_id=article.pk, force=True)
    verified.refresh_from_db()
    assert verified.review_status == Statement.ReviewStatus.CORRECTED
    assert verified.analyst_note == "Checked against the video."
    assert verified.citations.filter(article=article).exists()


def test_statement_dropped_by_a_new_extractor_run_goes_unless_reviewed(article):
    extra = Statement.objects.create(speaker_text="Nobody", quote="words never said", quote_key="k" * 64, kind="direct")
    Citation.objects.create(statement=extra, article=article, start=0, end=5, text=article.text[:5])
    article_extract(article_id=article.pk, force=True)
    assert not Statement.objects.filter(pk=extra.pk).exists()


def test_failed_extraction_is_recorded_and_retry_requeues(monkeypatch, ingest, django_capture_on_commit_callbacks):
    import statements.services.extraction as extraction_service

    def explode(**kwargs):
        raise RuntimeError("model file missing")

    monkeypatch.setattr(extraction_service, "extraction_run", explode)
    article = ingest(text=TEXT, published="2026-11-04").article
    assert article.status == Article.Status.FAILED
    assert "model file missing" in article.error
    assert not Statement.objects.exists()
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        article_retry(article=article)
    article.refresh_from_db()
    assert article.status == Article.Status.EXTRACTED
    assert article.error == ""
    assert Statement.objects.exists()


def test_topics_from_keywords_are_suggestions_until_confirmed(ingest):
    topic_define(name="Air defence", keywords=["airspace", "air defence"])
    ingest(text=TEXT, published="2026-11-04")
    links = StatementTopic.objects.filter(topic__name="Air defence")
    assert links.exists()
    assert all(link.assigned_by == StatementTopic.AssignedBy.MODEL and not link.stance_confirmed for link in links)
