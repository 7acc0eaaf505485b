"""The reader's new paths in a real browser: lists, stance over time, sharing, the phone, offline."""

import datetime as dt
import json
import re

import pytest
from playwright.sync_api import expect

from statements.models import StatementTopic
from tests import factories as f

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 667}
# Smallest rendered height (px) of a chart label we call readable on a phone.
READABLE_PX = 10


@pytest.fixture
def changed_mind(newsroom):
    """Amélie Durocher: confirmed support, then confirmed opposition on housing; one suggestion."""
    housing = f.topic("Housing")
    amelie = newsroom["amelie"]
    for day, stance, confirmed, quote in [
        (dt.date(2023, 11, 14), "support", True, "Rent caps protect families and we will extend them."),
        (dt.date(2024, 4, 2), "support", True, "Rent caps have worked in every district that used them."),
        (dt.date(2024, 10, 21), "oppose", True, "Rent caps have frozen building: we will phase them out."),
        (dt.date(2025, 2, 7), "neutral", False, "We are studying what to do about rents."),
    ]:
        statement = f.statement(amelie, quote, said_on=day)
        StatementTopic.objects.create(
            statement=statement, topic=housing, stance=stance, relevance=0.9, stance_confirmed=confirmed
        )
    return newsroom


def _outside_requests(page, live_server) -> list[str]:
    """URLs the page fetched from elsewhere: asked for, and not refused by the browser (CSP) first.

    The list fills as the page loads; read it after the page settled.
    """
    local = (live_server.url, "data:", f"blob:{live_server.url}")
    asked: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(local) else asked.append(r.url))
    page.on("requestfailed", lambda r: asked.remove(r.url) if r.failure == "csp" and r.url in asked else None)
    return asked


def test_statements_list_filters_counts_and_pages(page, shoot, newsroom):
    page.goto("/")
    page.get_by_role("link", name="More statements →").click()
    expect(page).to_have_url(re.compile(r"/statements/$"))
    expect(page.get_by_role("heading", level=2, name=re.compile(r"^20 statements$"))).to_be_visible()
    expect(page.locator("#main article.statement")).to_have_count(20)
    shoot(page, "statements")
    page.get_by_label("Topic", exact=True).select_option("energy")
    page.get_by_role("button", name="Search", exact=True).last.click()
    expect(page.get_by_role("heading", level=2, name=re.compile(r"statements match"))).to_be_visible()
    download = page.locator("p.export a", has_text="CSV")
    assert "topic=energy" in download.get_attribute("href")


def test_articles_outlets_and_countries(page, shoot, newsroom):
    page.goto("/articles/")
    expect(page.get_by_role("heading", level=1, name="Articles")).to_be_visible()
    shoot(page, "articles")
    page.locator(".plain-list a", has_text="The Morning Ledger").first.click()
    expect(page.get_by_role("heading", level=1, name="The Morning Ledger")).to_be_visible()
    expect(page.locator("article.statement").first).to_be_visible()
    shoot(page, "outlet")
    page.goto("/countries/")
    page.get_by_role("link", name="Poland").click()
    expect(page).to_have_url(re.compile(r"/countries/pl/$"))
    page.goto("/outlets/")
    shoot(page, "outlets")


def test_person_page_shows_a_change_of_mind(page, shoot, changed_mind, screenshots_dir):
    page.goto(changed_mind["amelie"].get_absolute_url())
    history = page.locator(".stance-history", has=page.get_by_role("heading", name=re.compile("Housing")))
    expect(history.locator(".shifts li")).to_have_count(1)
    expect(history.locator(".shifts")).to_contain_text("Shift 1: from support to opposition.")
    expect(history.locator("svg .shift-label")).to_have_text("shift 1")
    expect(history.locator('svg circle[stroke-dasharray="2 2"]')).to_have_count(1)  # the suggestion
    history.scroll_into_view_if_needed()
    shoot(page, "person-stances")

    page.set_viewport_size(PHONE)
    page.goto(changed_mind["amelie"].get_absolute_url())
    labels = history.locator("svg text")
    heights = [box["height"] for box in (labels.nth(i).bounding_box() for i in range(labels.count())) if box]
    assert heights and min(heights) >= READABLE_PX, heights
    history.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots_dir / "person-stances-mobile.png"))


def test_topic_chart_labels_are_readable_on_a_phone(page, newsroom, screenshots_dir):
    page.set_viewport_size(PHONE)
    page.goto("/topics/energy/")
    ticks = page.locator("figure.timeline svg text")
    heights = [ticks.nth(i).bounding_box()["height"] for i in range(ticks.count())]
    assert heights and min(heights) >= READABLE_PX, heights
    page.locator("figure.timeline").screenshot(path=str(screenshots_dir / "topic-chart-mobile.png"))


def test_statement_page_is_citable_and_shareable(page, shoot, newsroom, screenshots_dir):
    statement = newsroom["s2"]
    page.goto(statement.get_absolute_url())
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["@type"] == "Quotation" and data["spokenByCharacter"]["name"] == "Jonas Brenneke"
    assert data["text"] == "The interconnector is a waste of money that our grid does not need"
    card = page.locator("img.card-preview")
    card.scroll_into_view_if_needed()
    expect(card).to_be_visible()
    # A lazy image is fetched once near the viewport: wait for it to arrive rather than race it.
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=card.element_handle())
    assert page.evaluate("img => img.naturalWidth", card.element_handle()) == 1200
    citation = page.get_by_label("Citation (select and copy)")
    expect(citation).to_have_value(
        re.compile(
            rf"^Jonas Brenneke \(Minister of Energy, Ministry of Energy\), 3 March 2025, quoted in The Northern Courier, .*onrecord statement {statement.pk}, "
        )
    )
    expect(page.locator(".permalink")).to_have_count(0)  # no "Details" link to the page itself
    page.locator("p.sources a", has_text="The Northern Courier").first.click()
    expect(page.get_by_role("heading", level=1, name="The Northern Courier")).to_be_visible()
    page.goto(statement.get_absolute_url())
    shoot(page, "statement-share")
    page.set_viewport_size({"width": 1200, "height": 630})
    page.goto(f"/statements/{statement.pk}/card.svg")
    page.screenshot(path=str(screenshots_dir / "quote-card.png"))


def test_home_on_a_phone_shows_a_statement_in_the_first_screen(page, newsroom, screenshots_dir):
    page.set_viewport_size(PHONE)
    page.goto("/")
    first = page.locator("#main article.statement").first
    box = first.bounding_box()
    assert box["y"] < PHONE["height"], f"first statement starts at {box['y']}px, below the first screen"
    assert page.locator("input[type=search]:visible").count() == 1
    page.screenshot(path=str(screenshots_dir / "home-mobile.png"))


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/statements/",
        "/articles/",
        "/outlets/",
        "/countries/",
        "/topics/energy/",
        "/search/?q=interconnector",
    ],
)
def test_pages_load_nothing_from_elsewhere(page, live_server, newsroom, url):
    outside = _outside_requests(page, live_server)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert outside == []


def test_redoc_works_offline(page, live_server, newsroom, screenshots_dir):
    outside = _outside_requests(page, live_server)
    page.goto("/api/redoc/")
    expect(page.locator("h1", has_text="onrecord API")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("A person's stance on a topic over time").first).to_be_attached()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(screenshots_dir / "redoc.png"))  # the first screen: the whole page is very long
    assert outside == [], outside
    assert page.request.get("/favicon.ico").ok
