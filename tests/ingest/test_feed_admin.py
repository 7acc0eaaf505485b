"""The feed admin: state at a glance, filters, "Poll now" and "Re-enable", URL checks on the form."""

import pytest
from django.urls import reverse

from statements.models import Feed
from statements.tasks import polling as feed_tasks

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:statements_feed_changelist"


@pytest.fixture
def feeds():
    return {
        "working": Feed.objects.create(url="https://ledger.example.com/working.xml", title="Working feed"),
        "failing": Feed.objects.create(
            url="https://ledger.example.com/failing.xml", title="Failing feed", consecutive_failures=3,
            last_error="The site answered 503 Service Unavailable: the site has a problem.",
        ),
        "disabled": Feed.objects.create(
            url="https://ledger.example.com/disabled.xml", title="Disabled feed", enabled=False,
            consecutive_failures=10, last_error="Disabled after 10 failed polls in a row.",
        ),
    }  # fmt: skip


def test_the_list_shows_each_feeds_state(admin_client, feeds, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        page = admin_client.get(reverse(CHANGELIST))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Working</span>" in html
    assert "Failing (3 in a row)" in html
    assert "Disabled</strong>" in html
    assert "503 Service Unavailable" in html


@pytest.mark.parametrize(
    ("health", "shown", "hidden"),
    [("ok", "Working feed", "Failing feed"), ("failing", "Failing feed", "Disabled feed"),
     ("disabled", "Disabled feed", "Working feed")],
)  # fmt: skip
def test_the_health_filter(admin_client, feeds, health, shown, hidden):
    html = admin_client.get(reverse(CHANGELIST), {"health": health}).content.decode()
    assert shown in html and hidden not in html


def test_poll_now_enqueues_enabled_feeds_only(
    admin_client, feeds, monkeypatch, django_capture_on_commit_callbacks
):
    sent: list[int] = []
    monkeypatch.setattr(feed_tasks.poll_feed, "delay", sent.append)
    with django_capture_on_commit_callbacks(execute=True):
        page = admin_client.post(
            reverse(CHANGELIST),
            {"action": "poll_now", "_selected_action": [f.pk for f in feeds.values()]},
            follow=True,
        )
    assert sorted(sent) == sorted([feeds["working"].pk, feeds["failing"].pk])
    messages = [str(m) for m in page.context["messages"]]
    assert "2 feed(s) will be polled now." in messages
    assert "1 disabled feed(s) skipped: re-enable them first." in messages


def test_re_enable_resets_failing_and_disabled_feeds(admin_client, feeds):
    admin_client.post(
        reverse(CHANGELIST),
        {"action": "re_enable", "_selected_action": [feeds["failing"].pk, feeds["disabled"].pk]},
    )
    for name in ("failing", "disabled"):
        feed = Feed.objects.get(pk=feeds[name].pk)
        assert feed.enabled and feed.consecutive_failures == 0 and feed.last_error == ""


@pytest.mark.parametrize(
    ("url", "error"),
    [("http://10.0.0.5/feed.xml", "private network address"), ("ftp://ledger.example.com/feed", "only http"),
     ("http://localhost/feed", "internal host name")],
)  # fmt: skip
def test_the_form_refuses_addresses_that_would_never_be_fetched(admin_client, url, error):
    page = admin_client.post(
        reverse("admin:statements_feed_add"), {"url": url, "poll_interval_minutes": 30, "enabled": "on"}
    )
    assert page.status_code == 200
    assert error in page.content.decode()
    assert not Feed.objects.exists()


def test_the_form_adds_a_good_feed(admin_client):
    page = admin_client.post(
        reverse("admin:statements_feed_add"),
        {"url": "HTTPS://Ledger.Example.com/feed.xml", "poll_interval_minutes": 30, "enabled": "on"},
    )
    assert page.status_code == 302
    assert Feed.objects.get().url == "https://ledger.example.com/feed.xml"


def test_the_form_refuses_a_too_eager_interval(admin_client):
    page = admin_client.post(
        reverse("admin:statements_feed_add"),
        {"url": "https://ledger.example.com/feed.xml", "poll_interval_minutes": 1, "enabled": "on"},
    )
    assert "at most every 5 minutes" in page.content.decode()
