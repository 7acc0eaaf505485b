"""Article text and metadata from page bytes, and clear errors for pages that are not articles."""

import datetime as dt
from pathlib import Path

import pytest

from statements.ingest.html import ParseError, parse_article_html

PAGES = Path(__file__).parent / "pages"
URL = "https://ledger.example.com/politics/varga-harbour-budget"


@pytest.fixture
def harbour_page() -> bytes:
    return (PAGES / "harbour_budget.html").read_bytes()


def _article(body: str, head: str = "", lang: str = "en") -> bytes:
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>{head}</head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>{body}</article>"
        "<footer>© 2026 The Northern Ledger</footer></body></html>"
    ).encode()


LONG_PARAGRAPHS = (
    "<h1>Coastal towns wait for the harbour</h1>"
    "<p>Deputy Minister Karel Novotny said on Monday that the coastal towns had waited long enough for "
    "the harbour and that work would start before the summer, whatever the opposition decided.</p>"
    '<p>"We will not let another year pass," Novotny told the regional assembly in a speech that was '
    "interrupted twice by protesters from the fishing villages.</p>"
)


def test_reads_the_article_and_its_metadata(harbour_page):
    page = parse_article_html(
        harbour_page, url=URL + "?utm_source=feed", content_type="text/html; charset=utf-8"
    )
    assert page.title == "Varga defends harbour budget"
    assert page.published == dt.date(2026, 3, 14)
    assert page.author == "Tomas Reed"
    assert page.language == "en"
    assert page.site_name == "The Northern Ledger"
    assert page.canonical_url == URL
    assert "Finance Minister Ilse Varga on Friday defended" in page.text
    assert '"We are not gambling with public money.' in page.text
    assert "The budget passed by 87 votes to 62" in page.text


def test_page_furniture_and_scripts_stay_out_of_the_text(harbour_page):
    text = parse_article_html(harbour_page, url=URL).text
    for furniture in (
        "Read more",
        "Ten things about harbours",
        "newsletter",
        "All rights reserved",
        "cookies",
        "Sport",
        "SECRET_SCRIPT_TEXT",
        "SECRET_INLINE_SCRIPT",
        "document.write",
        "color:red",
    ):
        assert furniture not in text, furniture


def test_paragraphs_are_separate_lines_without_stray_spaces(harbour_page):
    text = parse_article_html(harbour_page, url=URL).text
    assert "\n\n" not in text
    assert all(line == line.strip() and "  " not in line for line in text.splitlines())
    assert len(text.splitlines()) >= 4


def test_a_publication_date_in_the_future_is_ignored():
    tomorrow = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    head = f"<meta property='article:published_time' content='{tomorrow}T08:00:00Z'>"
    page = parse_article_html(_article(LONG_PARAGRAPHS, head), url=URL)
    assert page.published is None


def test_a_canonical_url_on_another_site_is_ignored():
    head = "<link rel='canonical' href='https://other-paper.example.org/their-story'>"
    assert "other-paper" not in parse_article_html(_article(LONG_PARAGRAPHS, head), url=URL).canonical_url
    head = "<link rel='canonical' href='https://ledger.example.com/politics/harbour'>"
    page = parse_article_html(_article(LONG_PARAGRAPHS, head), url="https://www.ledger.example.com/x")
    assert page.canonical_url == "https://ledger.example.com/politics/harbour"


def test_language_falls_back_to_the_html_lang_attribute():
    assert parse_article_html(_article(LONG_PARAGRAPHS, lang="en-GB"), url=URL).language == "en"


def test_charset_from_the_content_type_header_is_used():
    body = LONG_PARAGRAPHS.replace("Karel Novotny", "Zoë Müller-Åkesson")
    raw = (
        "<html><head><title>Harbour</title></head><body><article>" + body + "</article></body></html>"
    ).encode("latin-1", errors="replace")
    text = parse_article_html(raw, url=URL, content_type="text/html; charset=ISO-8859-1").text
    assert "Zoë Müller-Åkesson" in text


def test_charset_declared_in_the_page_is_used_when_the_header_has_none():
    body = LONG_PARAGRAPHS.replace("Karel Novotny", "Zoë Müller")
    raw = (
        "<html><head><meta charset='windows-1252'><title>Harbour</title></head><body><article>"
        + body
        + "</article></body></html>"
    ).encode("cp1252")
    assert "Zoë Müller" in parse_article_html(raw, url=URL, content_type="text/html").text


def test_an_unknown_charset_name_does_not_crash():
    raw = _article(LONG_PARAGRAPHS)
    assert (
        "Novotny"
        in parse_article_html(raw, url=URL, content_type="text/html; charset=x-no-such-charset").text
    )


def test_plain_text_pages_are_taken_as_they_are():
    text = "Harbour vote\n\n" + "Minister Ilse Varga said the harbour would be built. " * 5
    page = parse_article_html(text.encode(), url=URL, content_type="text/plain; charset=utf-8")
    assert page.title == "Harbour vote"
    assert page.text.startswith("Harbour vote\nMinister Ilse Varga")


@pytest.mark.parametrize(
    ("content", "content_type", "message"),
    [
        (b"", "text/html", "empty"),
        (b"   \n ", "text/html", "empty"),
        (b"<html><body></body></html>", "text/html", "No article text"),
        (
            b"<html><head><script>var x = 'a long script that is not an article at all';</script></head>"
            b"<body><nav><a href='/a'>Home</a><a href='/b'>World</a></nav></body></html>",
            "text/html",
            "article text",
        ),
        (bytes(range(256)) * 40, "text/html", "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 400, "", "binary"),
        (b"short note", "text/plain", "too little text"),
    ],
)
def test_pages_without_an_article_raise_parse_error(content, content_type, message):
    with pytest.raises(ParseError, match=message):
        parse_article_html(content, url=URL, content_type=content_type)


def test_a_login_wall_is_named_as_such():
    wall = _article(
        "<h1>Exclusive: the Varga memo</h1><p>Finance Minister Ilse Varga wrote to the cabinet...</p>"
        "<div class='paywall'>Subscribe to continue reading. Already a subscriber? Log in.</div>"
    )
    with pytest.raises(ParseError, match="login or subscription wall"):
        parse_article_html(wall, url=URL)


def test_never_fetches_anything(monkeypatch, harbour_page):
    import trafilatura.downloads

    def refuse(*args, **kwargs):
        raise AssertionError("trafilatura tried to fetch a URL")

    monkeypatch.setattr(trafilatura.downloads, "fetch_url", refuse)
    monkeypatch.setattr(trafilatura.downloads, "fetch_response", refuse)
    assert parse_article_html(harbour_page, url=URL).title


def test_a_utf16_page_is_read():
    page = _article(LONG_PARAGRAPHS).decode().encode("utf-16")
    assert "Karel Novotny" in parse_article_html(page, url=URL).text


def test_an_extractor_crash_is_a_parse_error_not_a_worker_crash(monkeypatch):
    import statements.ingest.html as html_module

    def explode(*args, **kwargs):
        raise ValueError("Unicode strings with encoding declaration are not supported")

    monkeypatch.setattr(html_module.trafilatura, "bare_extraction", explode)
    with pytest.raises(ParseError, match="could not be read .ValueError"):
        parse_article_html(_article(LONG_PARAGRAPHS), url=URL)


def test_absurdly_nested_html_is_refused_cleanly():
    page = ("<div>" * 5000 + LONG_PARAGRAPHS + "</div>" * 5000).encode()
    with pytest.raises(ParseError):
        parse_article_html(page, url=URL)
