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
    settings.CELERY_BROKER_URL = ""
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}
