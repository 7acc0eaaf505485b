import pytest

pytestmark = pytest.mark.django_db


def test_home_renders_without_data(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b"Latest statements" in response.content


def test_unknown_api_path_answers_json_error(client):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_health_reports_database(client, settings):
    from django.core.cache import cache

    from statements.services.reconcile import HEARTBEAT_KEY

    cache.delete(HEARTBEAT_KEY)
    settings.CELERY_BROKER_URL = ""
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["checks"] == {"database": "ok"}
    assert body["pipeline"] == {
        "stalled_articles": 0,
        "worker": "never seen",
        "worker_heartbeat": None,
        "worker_heartbeat_age_seconds": None,
    }


def test_health_reports_stalled_articles_and_the_worker_heartbeat(client, settings):
    import datetime as dt

    from django.utils import timezone

    from statements.models import Article
    from statements.tasks.reconcile import reconcile_articles

    settings.CELERY_BROKER_URL = ""
    old = timezone.now() - dt.timedelta(hours=2)
    text = "Minister Ilse Tamm said on Monday that \"the bridge will open in May\", reporters were told."
    article = Article.objects.create(text=text, status=Article.Status.FETCHED)
    Article.objects.filter(pk=article.pk).update(task_due_at=old, updated_at=old)
    assert client.get("/health/").json()["pipeline"]["stalled_articles"] == 1
    reconcile_articles.apply()  # a worker ran the reconciler: heartbeat written, the article sent again
    pipeline = client.get("/health/").json()["pipeline"]
    assert pipeline["worker"] == "ok" and pipeline["worker_heartbeat_age_seconds"] < 60
    assert pipeline["stalled_articles"] == 0
