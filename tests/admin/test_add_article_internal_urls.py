"""F8: the admin's "Add article" refuses every internal address, as the API does, and stores nothing."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from statements.models import Article

pytestmark = pytest.mark.django_db

INTERNAL = [
    "http://127.0.0.1/",
    "http://169.254.169.254/latest/meta-data/iam/",
    "http://[::1]/",
    "http://localhost:8000/admin/",
    "http://0x7f000001/",
    "http://2130706433/",
    "http://127.1/",
    "http://0/",
    "http://10.0.0.5/intranet",
    "http://192.168.1.1/",
    "http://[::ffff:127.0.0.1]/",
]


@pytest.mark.parametrize("url", INTERNAL)
def test_url_only_submissions_to_internal_addresses_are_refused_like_the_api(
    admin_client, django_user_model, url
):
    response = admin_client.post(
        reverse("admin:statements_article_add"), {"title": "", "text": "", "url": url}
    )
    assert response.status_code == 200, "the form again, with the error"
    api = APIClient()
    api.credentials(
        HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=django_user_model.objects.create_user('t')).key}"
    )
    refused = api.post("/api/v1/articles/", {"url": url}, format="json")
    assert refused.status_code == 400
    message = refused.json()["error"]["message"]
    assert message.split(":")[0] in response.content.decode()
    assert not Article.objects.exists(), "nothing stored: no article stuck queued, no URL blocked"
