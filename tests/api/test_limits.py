"""Limits: article submissions per token, the admin login lockout, and the CSP header."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

TEXT = (
    "Maltese minister opens harbour inquiry\n\n"
    "VALLETTA — Maltese Transport Minister Rita Camilleri said on Friday that an inquiry into the "
    "harbour contract would report by June.\n\n"
    '"The public will see every page of it," Camilleri told reporters.\n'
)


def _token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_article_submissions_are_throttled_per_token_in_the_shared_cache(settings, django_user_model):
    settings.API_SUBMIT_THROTTLE = "3/hour"
    first = _token_client(django_user_model.objects.create_user("first", password="pw-12345678"))
    codes = [
        first.post(
            "/api/v1/articles/", {"text": TEXT.replace("June", f"June {i}")}, format="json"
        ).status_code
        for i in range(5)
    ]
    assert codes == [202, 202, 202, 429, 429]
    assert first.get("/api/v1/articles/").status_code == 200, "reads are not the submission budget"
    # Counted per token holder, and in the default cache every process shares.
    assert any(key for key in caches["default"]._cache if "throttle_article-submit" in key)
    second = _token_client(django_user_model.objects.create_user("second", password="pw-12345678"))
    assert second.post("/api/v1/articles/", {"text": TEXT}, format="json").status_code in (200, 202)


def _login(client, username="editor", password="wrong"):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password})


def test_admin_login_locks_out_after_repeated_failures_and_says_so(client, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "right-pass-123")
    for _ in range(5):
        assert _login(client).status_code == 200
    locked = _login(client, password="right-pass-123")
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert int(locked["Retry-After"]) > 0
    # Another account from the same address still has its own allowance (until the address limit).
    django_user_model.objects.create_superuser("other", "other@example.org", "other-pass-123")
    assert _login(client, "other", "other-pass-123").status_code == 302


def test_admin_login_address_limit_covers_many_account_names(client, settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 4
    for i in range(4):
        assert _login(client, f"guess{i}").status_code == 200
    assert _login(client, "guess-next").status_code == 429


def test_a_successful_login_clears_the_accounts_failures(client, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "right-pass-123")
    for _ in range(4):
        _login(client)
    assert _login(client, password="right-pass-123").status_code == 302
    client.logout()
    for _ in range(4):
        assert _login(client).status_code == 200


@pytest.mark.parametrize("path", ["/", "/search/", "/api/v1/statements/", "/admin/login/", "/health/"])
def test_every_answer_carries_a_strict_content_security_policy(client, path):
    policy = client.get(path)["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy and "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.parametrize("path", ["/api/docs/", "/api/redoc/"])
def test_the_api_docs_relax_styles_only(client, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    script = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
    assert "fonts.googleapis.com" not in response.content.decode()


@pytest.mark.parametrize("path", ["/api/docs/", "/api/redoc/", "/api/v1/topics/?format=api"])
def test_a_views_relaxed_policy_survives_the_response_cache(client, path):
    first, second = client.get(path, HTTP_ACCEPT="text/html"), client.get(path, HTTP_ACCEPT="text/html")
    assert first.status_code == second.status_code == 200
    for response in (first, second):
        style = next(p for p in response["Content-Security-Policy"].split(";") if "style-src" in p)
        assert "'unsafe-inline'" in style, (path, response.get("X-Cache"))
