"""Analysts work in the admin: review queue, bulk verify/reject, retry failed articles, merge people."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from statements.models import Article, Statement

pytestmark = pytest.mark.django_db

TEXT = (
    "Slovak minister defends rail budget\n\n"
    "BRATISLAVA — Slovak Transport Minister Zuzana Hrabovska said on Monday that the rail budget "
    "would not be cut next year.\n\n"
    '"Trains are not a luxury, they are how people get to work," Hrabovska told reporters.\n'
)


@pytest.fixture
def analyst(client):
    user = User.objects.create_user("analyst", password="pw-for-tests-only", is_staff=True)
    user.groups.add(Group.objects.get(name="Analysts"))
    client.force_login(user)
    return user


@pytest.fixture
def statements(ingest):
    ingest(text=TEXT, published="2026-11-02")
    return Statement.objects.all()


def test_analysts_group_can_review_but_not_manage_users():
    perms = set(Group.objects.get(name="Analysts").permissions.values_list("codename", flat=True))
    assert {"change_statement", "view_statement", "change_person", "add_tenure"} <= perms
    assert "add_user" not in perms and "delete_statement" not in perms


def test_every_admin_list_and_change_page_renders(admin_client, statements):
    from django.contrib import admin

    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        response = admin_client.get(reverse(f"admin:{info[0]}_{info[1]}_changelist"))
        assert response.status_code == 200, info
        obj = model._default_manager.first()
        if obj is not None:
            response = admin_client.get(reverse(f"admin:{info[0]}_{info[1]}_change", args=[obj.pk]))
            assert response.status_code == 200, info


def test_analyst_verifies_statements_in_bulk(client, analyst, statements):
    ids = list(statements.values_list("pk", flat=True))
    response = client.post(
        reverse("admin:statements_statement_changelist"),
        {"action": "mark_verified", "_selected_action": ids},
        follow=True,
    )
    assert response.status_code == 200
    assert set(Statement.objects.values_list("review_status", flat=True)) == {"verified"}
    first = Statement.objects.first()
    assert first.reviewed_by == analyst and first.reviewed_at is not None
    assert first.history.first().review_status == "verified"


def test_analyst_rejects_a_statement(client, analyst, statements):
    target = statements.first()
    client.post(
        reverse("admin:statements_statement_changelist"),
        {"action": "mark_rejected", "_selected_action": [target.pk], "reason": ""},
    )
    target.refresh_from_db()
    assert target.review_status == Statement.ReviewStatus.UNREVIEWED  # no reason, no rejection
    client.post(
        reverse("admin:statements_statement_changelist"),
        {"action": "mark_rejected", "_selected_action": [target.pk], "reason": "A headline, not speech"},
    )
    target.refresh_from_db()
    assert target.review_status == Statement.ReviewStatus.REJECTED
    assert target.reject_reason == "A headline, not speech"


def test_review_queue_filters_and_searches(client, analyst, statements):
    url = reverse("admin:statements_statement_changelist")
    direct = statements.get(kind="direct")
    others = set(statements.exclude(pk=direct.pk).values_list("pk", flat=True))
    assert others, "the article should yield more than the one direct quote"
    direct.review_status = Statement.ReviewStatus.VERIFIED
    direct.save()
    listed = client.get(url, {"review_status__exact": "unreviewed"}).context["cl"].result_list
    assert {s.pk for s in listed} == others
    found = client.get(url, {"q": "luxury"}).context["cl"].result_list
    assert [s.pk for s in found] == [direct.pk]


def test_retry_action_requeues_only_failed_articles(admin_client, django_capture_on_commit_callbacks):
    failed = Article.objects.create(
        text=TEXT, content_hash="f" * 64, status=Article.Status.FAILED, error="Extraction failed: boom"
    )
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:statements_article_changelist"),
            {"action": "retry_failed", "_selected_action": [failed.pk]},
        )
    failed.refresh_from_db()
    assert failed.status == Article.Status.EXTRACTED and failed.error == ""


def test_reextract_action_queues_extraction_for_articles_with_text(
    admin_client, statements, django_capture_on_commit_callbacks
):
    article = Article.objects.get()
    empty = Article.objects.create(
        url="https://news.example/empty", content_hash="e" * 64, status=Article.Status.QUEUED
    )
    Statement.objects.all().delete()  # as if an older extractor had missed them
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:statements_article_changelist"),
            {"action": "reextract", "_selected_action": [article.pk, empty.pk]},
            follow=True,
        )
    said = [str(m) for m in response.context["messages"]]
    assert len(said) == 1 and said[0].startswith(f"Re-extraction of #{article.pk}"), said
    assert Statement.objects.filter(citations__article=article).exists()
    empty.refresh_from_db()
    assert empty.status == Article.Status.QUEUED
