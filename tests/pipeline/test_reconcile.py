"""Nothing stuck: a broker that is down, lost tasks, dead runs and give-ups all end processed or failed.

The broker here is really unreachable (a port nothing listens on), so sending a task raises what
it raises in production; the fault tests in tests/faults do the same with a Redis that dies.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone
from rest_framework.authtoken.models import Token

from statements.models import Article
from statements.services.articles import article_ingest
from statements.services.reconcile import (
    articles_requeue_stalled,
    articles_stalled,
    worker_heartbeat,
)
from tests.faults.broker import broker_at, free_port

pytestmark = pytest.mark.django_db

TEXT = (
    "Slovenian minister promises ferry subsidy\n\n"
    "LJUBLJANA — Slovenian Transport Minister Maja Zorec said on Wednesday that the ferry to Koper "
    "would be subsidised from next spring.\n\n"
    '"Nobody should pay twice to reach the coast," Zorec told reporters.\n'
)


@pytest.fixture
def dead_broker(settings):
    """The task queue is down: every send fails as it does in production (connection refused)."""
    with broker_at(f"redis://127.0.0.1:{free_port()}/0", settings):
        yield


def _text(n: int) -> str:
    return TEXT.replace("Wednesday", f"Wednesday ({n} of the series)")


def _age(article_id: int, minutes: int, **fields) -> None:
    past = timezone.now() - dt.timedelta(minutes=minutes)
    Article.objects.filter(pk=article_id).update(updated_at=past, **{k: past for k in fields})


@pytest.fixture
def api(client, django_user_model):
    user = django_user_model.objects.create_user("submitter", password="pw-12345678")
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {Token.objects.create(user=user).key}"
    return client


# Requests and commands commit for real here, as they do in production: the task is sent (or not)
# on commit, before the answer is written.
committing = pytest.mark.django_db(transaction=True)


def test_a_broker_down_at_ingest_stores_the_article_unsent(dead_broker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = article_ingest(text=TEXT, published="2026-10-01")
    article = Article.objects.get(pk=result.article.pk)
    assert result.created and result.waiting_for_queue
    assert article.status == Article.Status.FETCHED and article.task_due_at is None


@committing
def test_the_api_answers_202_and_says_it_will_be_processed(dead_broker, api):
    response = api.post(
        "/api/v1/articles/", {"text": TEXT, "published": "2026-10-01"}, content_type="application/json"
    )
    assert response.status_code == 202, response.content
    assert "processed when the task queue is back" in response.json()["message"]
    # Sent again while the queue is still down: on record, stalled, and it says so.
    again = api.post("/api/v1/articles/", {"text": TEXT}, content_type="application/json")
    assert again.status_code == 200
    assert "stalled" in again.json()["message"] and "unreachable" in again.json()["message"]


@committing
def test_the_cli_exits_0_and_the_reconciler_extracts_it_once_the_queue_is_back(settings, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT)
    out = io.StringIO()
    with broker_at(f"redis://127.0.0.1:{free_port()}/0", settings):
        call_command("ingest", str(path), "--published", "2026-10-01", stdout=out)  # no CommandError: exit 0
        assert "will be processed when the queue is back" in out.getvalue()
        with pytest.raises(Exception, match="unreachable"):
            call_command("requeue_stalled", "--older-than", "0", stdout=io.StringIO())
    article = Article.objects.get()
    assert article.status == Article.Status.FETCHED
    # The queue is back (tests run tasks eagerly): one pass extracts it.
    out = io.StringIO()
    call_command("requeue_stalled", "--older-than", "0", stdout=out)
    assert "Requeued 1 article(s): 0 to fetch, 1 to extract" in out.getvalue()
    article.refresh_from_db()
    assert article.status == Article.Status.EXTRACTED and article.extraction_count == 1
    assert article.requeues == 0 and article.citations.exists()
    assert not articles_stalled(older_than=dt.timedelta(0)).exists()


@committing
def test_an_already_on_record_stalled_article_is_sent_again_on_resubmission(api, settings):
    with broker_at(f"redis://127.0.0.1:{free_port()}/0", settings):
        api.post("/api/v1/articles/", {"text": TEXT}, content_type="application/json")
    again = api.post("/api/v1/articles/", {"text": TEXT}, content_type="application/json")
    assert again.status_code == 200
    assert "sent to the queue again" in again.json()["message"]
    assert Article.objects.get().status == Article.Status.EXTRACTED


@committing
def test_the_cli_hint_for_an_article_on_record_that_stalled(settings, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT)
    with broker_at(f"redis://127.0.0.1:{free_port()}/0", settings):
        call_command("ingest", str(path), stdout=io.StringIO())
    out = io.StringIO()
    call_command("ingest", str(path), stdout=out)
    assert "already on record" in out.getvalue() and "sent to the queue again" in out.getvalue()
    assert Article.objects.get().status == Article.Status.EXTRACTED


def _stored_without_task(text: str, *, queued_minutes_ago: int) -> int:
    """An article whose task was sent that long ago and then lost (the queue knows nothing of it)."""
    article = Article.objects.create(
        text=text, content_hash=str(hash(text)), status=Article.Status.FETCHED, published=dt.date(2026, 10, 1)
    )
    _age(article.pk, queued_minutes_ago, task_due_at=True)
    return article.pk


def test_the_stall_threshold_leaves_recently_sent_and_running_work_alone(settings):
    settings.RECONCILE_STALLED_AFTER_MINUTES = 30
    lost = _stored_without_task(_text(1), queued_minutes_ago=45)
    recent = _stored_without_task(_text(2), queued_minutes_ago=5)
    running = _stored_without_task(_text(3), queued_minutes_ago=45)
    _age(running, 45, task_due_at=True)
    Article.objects.filter(pk=running).update(extraction_started_at=timezone.now() - dt.timedelta(minutes=2))
    assert set(articles_stalled().values_list("pk", flat=True)) == {lost}
    report = articles_requeue_stalled()
    assert report.article_ids == [lost]
    assert Article.objects.get(pk=lost).status == Article.Status.EXTRACTED
    assert {Article.objects.get(pk=pk).status for pk in (recent, running)} == {Article.Status.FETCHED}


def test_a_run_older_than_the_hard_time_limit_is_dead_and_sent_again_once(settings, monkeypatch):
    settings.EXTRACT_HARD_TIME_LIMIT = 15 * 60
    dead = _stored_without_task(_text(4), queued_minutes_ago=20)
    Article.objects.filter(pk=dead).update(extraction_started_at=timezone.now() - dt.timedelta(minutes=16))
    assert list(articles_stalled().values_list("pk", flat=True)) == [dead]
    # The broker takes it (and holds it: no worker here); the next pass must not send it a third time.
    sent = []
    monkeypatch.setattr("statements.services.reconcile.step_send", lambda **kw: sent.append(kw) or True)
    articles_requeue_stalled()
    articles_requeue_stalled()
    assert sent == [{"step": "extract", "article_id": dead}]
    assert Article.objects.get(pk=dead).requeues == 1


def test_an_article_sent_again_too_often_is_failed_with_the_reason(settings):
    settings.RECONCILE_MAX_REQUEUES = 3
    stuck = _stored_without_task(_text(5), queued_minutes_ago=45)
    Article.objects.filter(pk=stuck).update(requeues=3)
    report = articles_requeue_stalled()
    article = Article.objects.get(pk=stuck)
    assert report.failed == 1 and article.status == Article.Status.FAILED
    assert "sent 3 more times and never finished" in article.error


def test_a_lost_fetch_is_sent_again(settings, monkeypatch):
    sent = []
    monkeypatch.setattr("statements.services.reconcile.step_send", lambda **kw: sent.append(kw) or True)
    article = Article.objects.create(url="https://example.org/lost", status=Article.Status.QUEUED)
    _age(article.pk, 45, task_due_at=True)
    articles_requeue_stalled()
    assert sent == [{"step": "fetch", "article_id": article.pk}]
    article.refresh_from_db()
    assert article.requeues == 1 and article.task_due_at > timezone.now() - dt.timedelta(minutes=1)


def test_the_periodic_task_writes_the_worker_heartbeat():
    from statements.tasks.reconcile import reconcile_articles

    assert reconcile_articles.apply().get().startswith("requeued")
    assert timezone.now() - worker_heartbeat() < dt.timedelta(minutes=1)


# --- task-level bounds and backoff ------------------------------------------------------------


def test_database_outages_back_off_over_minutes_then_leave_it_to_the_reconciler(monkeypatch, ingest):
    from statements.tasks import articles as tasks

    with monkeypatch.context() as patched:
        patched.setattr(
            tasks, "article_extract", lambda **kw: (_ for _ in ()).throw(OperationalError("gone"))
        )
        countdowns = []
        patched.setattr(tasks, "_note_retry", lambda article_id, countdown: countdowns.append(countdown))
        article = Article.objects.create(text=TEXT, status=Article.Status.FETCHED)
        outcome = tasks.extract_article.apply(args=[article.pk]).get()
    assert countdowns == [60, 120, 240, 480, 960], "one minute doubling to sixteen: half an hour in all"
    assert outcome == "gave up (outage)"
    article.refresh_from_db()
    assert article.status == Article.Status.FETCHED, "left owed its step, for the reconciler"


def test_a_soft_time_limit_fails_the_article_with_the_reason_and_no_retry(monkeypatch, settings):
    from celery.exceptions import SoftTimeLimitExceeded

    from statements.tasks import articles as tasks

    calls = []

    def too_slow(*, article):
        calls.append(article.pk)
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr("statements.services.extraction.extraction_run", too_slow)
    article = Article.objects.create(text=TEXT, status=Article.Status.FETCHED)
    assert tasks.extract_article.apply(args=[article.pk]).get() == Article.Status.FAILED
    article.refresh_from_db()
    assert calls == [article.pk], "not retried"
    assert article.status == Article.Status.FAILED
    assert f"longer than {settings.EXTRACT_TIME_LIMIT} s" in article.error


def test_the_extract_task_has_its_own_time_limits_below_the_global_one(settings):
    from config.celery_app import app

    annotations = app.conf.task_annotations["statements.tasks.extract_article"]
    assert annotations["soft_time_limit"] < annotations["time_limit"] < settings.CELERY_TASK_TIME_LIMIT


@committing
def test_the_admin_add_form_says_the_article_waits_for_the_queue(admin_client, settings):
    from django.urls import reverse

    with broker_at(f"redis://127.0.0.1:{free_port()}/0", settings):
        response = admin_client.post(
            reverse("admin:statements_article_add"),
            {"title": "", "text": TEXT, "url": "", "published": ""},
            follow=True,
        )
    assert "will be processed when the task queue is back" in response.content.decode()
    assert Article.objects.get().status == Article.Status.FETCHED
