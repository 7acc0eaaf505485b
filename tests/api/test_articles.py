import pytest
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token

from statements.models import Article
from tests import factories as f

pytestmark = pytest.mark.django_db
URL = "/api/v1/articles/"
TEXT = (
    "Harbour minister promises new ferries\n\n"
    "KIEL — Transport Minister Wiebke Rennwald said on Tuesday that the state would order four new "
    "ferries for the island routes before the end of the year."
)


@pytest.fixture
def token_client(api, django_user_model):
    user = django_user_model.objects.create_user("editor", password="a-long-enough-password")
    token = Token.objects.create(user=user)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return api


def test_submit_needs_a_token(api):
    response = api.post(URL, {"text": TEXT}, format="json")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert not Article.objects.exists()


def test_submit_text_answers_202_with_status_url(token_client):
    response = token_client.post(
        URL, {"text": TEXT, "title": "Ferries", "published": "2025-02-11"}, format="json"
    )
    assert response.status_code == 202, response.content
    body = response.json()
    article = Article.objects.get(pk=body["id"])
    assert body["status"] == article.status == "fetched"
    assert body["status_url"].endswith(f"/api/v1/articles/{article.pk}/")
    assert response["Location"] == body["status_url"]
    assert article.title == "Ferries" and str(article.published) == "2025-02-11"

    status = token_client.get(body["status_url"]).json()
    assert status["id"] == article.pk and status["text"].startswith("Harbour minister")
    assert status["statement_count"] == 0


def test_submitting_the_same_text_again_returns_the_existing_article(token_client):
    first = token_client.post(URL, {"text": TEXT}, format="json").json()
    response = token_client.post(URL, {"text": TEXT}, format="json")
    assert response.status_code == 200
    assert response.json()["id"] == first["id"]
    assert Article.objects.count() == 1


def test_submit_url_is_queued(token_client):
    response = token_client.post(
        URL, {"url": "https://news.example.com/story?utm_source=feed"}, format="json"
    )
    assert response.status_code == 202, response.content
    article = Article.objects.get(pk=response.json()["id"])
    assert article.url == "https://news.example.com/story" and article.status == "queued"


@pytest.mark.parametrize(
    ("payload", "message_part"),
    [
        ({}, "Nothing to ingest"),
        ({"text": "Too short."}, "too short"),
        ({"url": "http://127.0.0.1/admin"}, "Refused"),
        ({"url": "ftp://files.example.com/a"}, "Refused"),
        ({"text": TEXT, "published": "2999-01-01"}, "future"),
    ],
)
def test_bad_submissions_are_400_with_a_clear_message(token_client, payload, message_part):
    response = token_client.post(URL, payload, format="json")
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert message_part.lower() in error["message"].lower()
    assert not Article.objects.exists()


def test_field_errors_name_the_field(token_client):
    response = token_client.post(URL, {"text": TEXT, "published": "next week"}, format="json")
    assert response.status_code == 400
    assert "published" in response.json()["error"]["fields"]


def test_malformed_json_is_400_in_the_error_shape(token_client):
    response = token_client.post(URL, data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


def test_list_shows_status_error_count_and_version_in_constant_queries(api, django_assert_num_queries):
    for n in range(12):
        story = f.article(f"Story number {n} about the harbour and its many ferries today.")
        f.statement(f.person(f"Wiebke Rennwald{n}", country_code="DE"), in_article=story)
    Article.objects.filter(pk=story.pk).update(status="failed", error="The site answered 404 Not Found.")
    # The public sees extracted articles only; a signed-in client follows every one through the pipeline.
    assert len(api.get(URL, {"page_size": 50}).json()["results"]) == 11
    api.force_authenticate(User.objects.create_user("pipeline-watcher"))
    with django_assert_num_queries(1):
        small = api.get(URL, {"page_size": 5}).json()["results"]
    with django_assert_num_queries(1):
        big = api.get(URL, {"page_size": 50}).json()["results"]
    assert len(small) == 5 and len(big) == 12
    row = big[0]
    assert row["status"] == "failed" and row["error"] == "The site answered 404 Not Found."
    assert row["statement_count"] == 1 and row["extractor_version"] == "test-1"
    assert "text" not in row
    assert api.get(URL, {"status": "failed"}).json()["results"][0]["id"] == story.pk


def test_statements_of_an_article(api, record):
    story = record["story"]
    detail = api.get(f"{URL}{story.pk}/").json()
    statements = api.get(detail["statements_url"]).json()["results"]
    assert [s["id"] for s in statements] == [record["s1"].pk]


def test_submit_text_with_its_source_url(token_client):
    response = token_client.post(URL, {"text": TEXT, "url": "https://news.example.com/ferries"}, format="json")
    assert response.status_code == 202, response.content
    article = Article.objects.get(pk=response.json()["id"])
    assert article.url == "https://news.example.com/ferries"
    assert article.status == "fetched" and article.text.startswith("Harbour minister")
