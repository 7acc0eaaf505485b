"""One spelling per article URL, and the URL rules applied before anything is stored."""

import pytest

from statements.ingest.fetch import FetchRefused
from statements.ingest.urls import canonicalize_url, validate_url


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        (
            "HTTPS://News.Example.com:443/story/?utm_source=x&b=2&a=1#top",
            "https://news.example.com/story?a=1&b=2",
        ),
        ("http://news.example.com:80/story", "http://news.example.com/story"),
        ("https://news.example.com:8443/story", "https://news.example.com:8443/story"),
        ("https://news.example.com/", "https://news.example.com"),
        ("https://news.example.com", "https://news.example.com"),
        ("https://news.example.com/politics/", "https://news.example.com/politics"),
        ("https://news.example.com/politics//", "https://news.example.com/politics"),
        ("https://news.example.com/a/./b/../c", "https://news.example.com/a/c"),
        ("https://news.example.com/%7euser/%2f", "https://news.example.com/~user/%2F"),
        (
            "https://news.example.com/s?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref=home&cmpid=5&utm_medium=e&id=9",
            "https://news.example.com/s?id=9",
        ),
        ("https://news.example.com/s?UTM_Campaign=x&page=2", "https://news.example.com/s?page=2"),
        ("https://news.example.com/s?z=1&a=2&a=1", "https://news.example.com/s?a=1&a=2&z=1"),
        ("https://news.example.com/s?q=", "https://news.example.com/s?q="),
        ("https://news.example.com/s?q=a+b", "https://news.example.com/s?q=a+b"),
        ("https://bücher.example/ä", "https://xn--bcher-kva.example/%C3%A4"),
        ("  https://news.example.com/story  ", "https://news.example.com/story"),
    ],
)
def test_canonicalize_url(given, canonical):
    assert canonicalize_url(given) == canonical


def test_canonicalize_url_is_idempotent():
    url = "HTTPS://News.Example.com:443/a/b/?utm_source=x&z=1&a=%7e#f"
    once = canonicalize_url(url)
    assert canonicalize_url(once) == once


def test_shared_links_to_one_story_are_one_url():
    variants = [
        "https://news.example.com/2026/05/budget-vote",
        "https://NEWS.example.com/2026/05/budget-vote/",
        "https://news.example.com:443/2026/05/budget-vote?utm_source=twitter&utm_medium=social",
        "https://news.example.com/2026/05/budget-vote#comments",
        "https://news.example.com/2026/05/budget-vote?fbclid=IwAR0abc",
    ]
    assert len({canonicalize_url(v) for v in variants}) == 1


def test_validate_url_returns_a_cleaned_url():
    assert validate_url(" HTTPS://News.Example.com/Story?x=1#frag ") == "https://news.example.com/Story?x=1"
    assert validate_url("https://[2606:4700:4700::1111]/") == "https://[2606:4700:4700::1111]/"


def test_validate_url_allows_configured_private_fixture_hosts(settings):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = ["127.0.0.1:8765"]
    assert validate_url("http://127.0.0.1:8765/story") == "http://127.0.0.1:8765/story"
    with pytest.raises(FetchRefused):
        validate_url("http://127.0.0.1:8766/story")
    with pytest.raises(FetchRefused):
        validate_url("http://127.0.0.1/story")


def test_validate_url_rereads_settings_each_call(settings):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = ["[::1]:9000"]
    assert validate_url("http://[::1]:9000/")
    settings.FETCH_ALLOW_PRIVATE_HOSTS = []
    with pytest.raises(FetchRefused):
        validate_url("http://[::1]:9000/")


@pytest.mark.parametrize(
    "bad", [None, 42, "", "not a url at all", "http://[::1", "news.example.com/story", "https:///story"]
)
def test_canonicalize_url_refuses_what_it_cannot_read(bad):
    with pytest.raises(FetchRefused):
        canonicalize_url(bad)
