"""Public answers come from the cache, and a write is never followed by the answer from before it.

These tests commit (transaction=True): the record version is bumped when a write commits, as in
production. Inside a test's own transaction the writing connection reads past the cache instead.
"""

import datetime as dt
from email.utils import format_datetime

import pytest
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.utils import timezone

from common import record_version
from people.models import Person, Tenure
from statements.models import Article, Feed, Outlet, Statement, Topic
from statements.services.person_merge import person_merge
from statements.services.review import statement_edit, statement_reject
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)

NEW_QUOTE = "The ferry tariffs will fall before the spring."


@pytest.fixture
def record():
    return f.small_record()


def _new_statement(record, speaker="amelie", topic="energy"):
    return f.statement(
        record[speaker], NEW_QUOTE, said_on=dt.date(2025, 6, 1), topics={record[topic]: "support"}
    )


def _statement_rejected(record):
    statement_reject(statement=record["s1"], reviewer=None, reason="Not a statement: a headline.")


def _statement_corrected(record):
    statement_edit(statement=record["s1"], reviewer=None, changes={"quote": NEW_QUOTE})


def _topic_added(record):
    Topic.objects.create(name="Ferry tariffs", slug="ferry-tariffs")


def _person_added(record):
    f.person("Ottilie Fährmann", country_code="FR")


def _people_merged(record):
    person_merge(source=record["jonas"], target=record["amelie"])


def _article_retitled(record):
    Article.objects.filter(pk=record["story"].pk).update(title=NEW_QUOTE)


def _tenure_added(record):
    Tenure.objects.create(
        person=record["jonas"], position=record["foreign_minister"], start=dt.date(2025, 1, 1)
    )


def _outlet_added(record):
    Outlet.objects.create(name="The Ferry Gazette", domain="ferry.example")


# (url, the write, what the answer shows after it). Each cached view, each kind of write.
CASES = [
    ("/", _new_statement, NEW_QUOTE),
    ("/topics/", _topic_added, "Ferry tariffs"),
    ("/topics/energy/", _new_statement, NEW_QUOTE),
    ("/topics/energy/", lambda r: _new_statement(r, speaker="jonas"), NEW_QUOTE),
    ("/statements/{s1}/", _statement_corrected, NEW_QUOTE),
    ("/articles/{story}/", _article_retitled, NEW_QUOTE),
    ("/search/?q=ferry", _new_statement, NEW_QUOTE),
    (
        "/compare/?a=Durocher&b=Jonas+Brenneke&topic=energy",
        lambda r: _new_statement(r, speaker="jonas"),
        NEW_QUOTE,
    ),
    ("/people/", _person_added, "Fährmann"),
    ("/people/{amelie_slug}/", _new_statement, NEW_QUOTE),
    ("/people/{amelie_slug}/feed/", _new_statement, "ferry tariffs"),
    ("/topics/energy/feed/", _new_statement, "ferry tariffs"),
    ("/countries/fr/", _new_statement, NEW_QUOTE),
    ("/api/v1/statements/", _new_statement, NEW_QUOTE),
    ("/api/v1/statements/?topic=energy&country=FR", _new_statement, NEW_QUOTE),
    ("/api/v1/statements/{s1}/", _statement_rejected, '"review_status":"rejected"'),
    ("/api/v1/people/{amelie}/statements/", _new_statement, NEW_QUOTE),
    ("/api/v1/people/", _people_merged, '"name":"Jonas Brenneke"'),
    ("/api/v1/topics/", _topic_added, "ferry-tariffs"),
    ("/api/v1/topics/energy/speakers/", lambda r: _new_statement(r, speaker="jonas"), '"total":2'),
    ("/api/v1/articles/", _article_retitled, NEW_QUOTE),
    ("/api/v1/tenures/", _tenure_added, '"start":"2025-01-01"'),
    ("/api/v1/outlets/", _outlet_added, "ferry.example"),
]


def _url(template, record):
    return template.format(
        s1=record["s1"].pk,
        story=record["story"].pk,
        amelie=record["amelie"].pk,
        amelie_slug=record["amelie"].slug,
    )


def _text(response):
    return response.content.decode().replace(": ", ":").replace(", ", ",")


@pytest.mark.parametrize("template, write, shown", CASES, ids=[f"{c[0]}-{c[1].__name__}" for c in CASES])
def test_a_write_is_never_followed_by_the_answer_from_before_it(client, record, template, write, shown):
    url = _url(template, record)
    first = client.get(url)
    assert first.status_code == 200 and first["X-Cache"] == "MISS"
    again = client.get(url)
    assert again["X-Cache"] == "HIT" and again.content == first.content
    before = _text(first)

    write(record)

    after = client.get(url)
    assert after.status_code == 200 and after["X-Cache"] == "MISS"
    if template == "/api/v1/people/":  # the merged person is gone from the list
        assert shown in before and shown not in _text(after)
    else:
        assert shown not in before and shown in _text(after)


def test_conditional_get_answers_304_until_the_record_changes(client, record):
    first = client.get("/api/v1/statements/")
    etag = first["ETag"]
    assert first["Cache-Control"] == "public, max-age=30"

    not_modified = client.get("/api/v1/statements/", HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert client.get("/topics/energy/", HTTP_IF_NONE_MATCH=etag).status_code == 200  # another URL's tag

    _new_statement(record)
    changed = client.get("/api/v1/statements/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_if_modified_since_is_honoured_only_once_the_version_second_is_over(client, record, monkeypatch):
    record_version.bump()
    fresh = client.get("/topics/")
    assert not fresh.has_header("Last-Modified")  # a write in this same second would share it

    later = record_version.changed_at(record_version.current()) + 5
    monkeypatch.setattr("common.http_cache.time.time", lambda: later)
    page = client.get("/topics/")
    since = page["Last-Modified"]
    assert client.get("/topics/", HTTP_IF_MODIFIED_SINCE=since).status_code == 304

    monkeypatch.undo()
    _topic_added(record)
    assert client.get("/topics/", HTTP_IF_MODIFIED_SINCE=since).status_code == 200
    old = format_datetime(timezone.now() - dt.timedelta(days=3), usegmt=True)
    assert client.get("/topics/", HTTP_IF_MODIFIED_SINCE=old).status_code == 200


def test_staff_and_token_clients_and_writes_bypass_the_cache(client, record):
    client.get("/topics/energy/")
    staff = User.objects.create_user("analyst", password="pw", is_staff=True)
    client.force_login(staff)
    response = client.get("/topics/energy/")
    assert "X-Cache" not in response and "private" in response["Cache-Control"]

    token_response = client.get("/api/v1/statements/", HTTP_AUTHORIZATION="Token nothing-valid")
    assert "X-Cache" not in token_response
    assert "X-Cache" not in client.get("/admin/login/")
    assert "X-Cache" not in client.get("/health/")


def test_formats_of_one_api_url_are_cached_apart(client, record):
    json_answer = client.get("/api/v1/statements/", HTTP_ACCEPT="application/json")
    csv_answer = client.get(f"/api/v1/statements/{record['s1'].pk}/", HTTP_ACCEPT="text/csv")
    assert "Accept" in json_answer["Vary"]
    assert client.get("/api/v1/statements/", HTTP_ACCEPT="application/json")["X-Cache"] == "HIT"
    again = client.get(f"/api/v1/statements/{record['s1'].pk}/", HTTP_ACCEPT="text/csv")
    assert again["X-Cache"] == "HIT" and again["Content-Type"].startswith("text/csv")
    assert again.content == csv_answer.content
    assert client.get(f"/api/v1/statements/{record['s1'].pk}/")["Content-Type"].startswith("application/json")


def test_answers_that_are_not_200_are_not_cached(client, record):
    assert client.get("/statements/999999/").status_code == 404
    missing = client.get("/statements/999999/")
    assert "X-Cache" not in missing and missing["Cache-Control"] == "private, no-cache"


def test_ingested_statements_show_at_once(client, demo_text, django_capture_on_commit_callbacks):
    from statements.services.articles import article_ingest

    assert "Vahtram" not in client.get("/api/v1/statements/").content.decode()
    article_ingest(text=demo_text, title="Rail link", published=dt.date(2025, 5, 6))
    after = client.get("/api/v1/statements/")
    assert after["X-Cache"] == "MISS" and "Vahtram" in after.content.decode()


# --- the version: which writes bump it ---------------------------------------------------


def _bumps(write) -> bool:
    before = record_version.current()
    write()
    return record_version.current() != before


def test_every_kind_of_write_to_the_record_bumps_the_version(record):
    s1, amelie, energy = record["s1"], record["amelie"], record["energy"]
    assert _bumps(lambda: Statement.objects.filter(pk=s1.pk).update(confidence=0.1))  # QuerySet.update
    assert _bumps(lambda: s1.save())
    assert _bumps(lambda: s1.targets.add(record["jonas"]))  # an auto-created m2m table
    assert _bumps(lambda: Outlet.objects.bulk_create([Outlet(name="A", domain="a.example")]))
    assert _bumps(lambda: Topic.objects.filter(slug="defence").delete())
    assert _bumps(lambda: Person.objects.filter(pk=amelie.pk).update(description="Minister"))
    with connection.cursor() as cursor:
        assert _bumps(lambda: cursor.execute("UPDATE statements_topic SET description = 'x'"))
    assert _bumps(lambda: energy.statement_topics.update(stance="oppose"))


def test_writes_off_the_record_leave_the_version_alone(record):
    assert not _bumps(lambda: Feed.objects.create(url="https://news.example/feed.xml"))
    assert not _bumps(lambda: User.objects.create_user("reader"))
    assert not _bumps(lambda: list(Statement.objects.all()))


def test_a_transaction_bumps_once_on_commit_and_reads_past_the_cache_until_then(client, record):
    client.get("/topics/energy/")
    with transaction.atomic():
        before = record_version.current()
        _new_statement(record)
        assert record_version.has_uncommitted_writes()
        assert record_version.current() == before  # others must not cache the old rows under a new version
        inside = client.get("/topics/energy/")
        assert "X-Cache" not in inside and NEW_QUOTE in inside.content.decode()
    assert record_version.current() != before and not record_version.has_uncommitted_writes()


def test_a_rolled_back_transaction_leaves_the_version_alone(record):
    before = record_version.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        _new_statement(record)
        raise RuntimeError
    assert record_version.current() == before and not record_version.has_uncommitted_writes()


def test_pages_that_used_the_csrf_token_are_not_shared(client, record):
    browsable = client.get("/api/v1/statements/", HTTP_ACCEPT="text/html")  # DRF puts the token in its page
    assert browsable.status_code == 200 and "csrftoken" in browsable.cookies
    assert "X-Cache" not in browsable  # not stored
    again = client.get("/api/v1/statements/", HTTP_ACCEPT="text/html")
    assert "X-Cache" not in again and again["Cache-Control"] == "private, no-cache"
