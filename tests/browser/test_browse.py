"""A reader's paths through the site in a real browser, with a screenshot of every page visited."""

import re
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_home_to_topic_to_person_to_statement_to_article(page, shoot, newsroom):
    page.goto("/")
    expect(page.get_by_role("heading", name="What politicians said, on record")).to_be_visible()
    expect(page.get_by_role("note").first).to_contain_text("fictional politicians")
    shoot(page, "home")

    page.get_by_role("complementary").get_by_role("link", name="Energy").click()
    expect(page).to_have_url(re.compile(r"/topics/energy/$"))
    expect(page.get_by_role("heading", name="Energy: who said what")).to_be_visible()
    expect(page.locator("figure.timeline svg")).to_be_visible()
    expect(page.locator(".speaker-block")).to_have_count(3)
    shoot(page, "topic")

    page.locator(".speaker-block h3").get_by_role("link", name="Jonas Brenneke").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jonas Brenneke")
    offices = page.locator(".offices")
    expect(offices).to_contain_text("Minister of Energy")
    expect(offices).to_contain_text("Member of Parliament")
    shoot(page, "person")

    quote = "The interconnector is a waste of money"
    page.locator("article.statement", has_text=quote).get_by_role("link", name="Details").click()
    expect(page).to_have_url(re.compile(rf"/statements/{newsroom['s2'].pk}/$"))
    expect(page.locator(".notice-demo")).to_contain_text("Nobody said it")
    expect(page.locator(".citation mark")).to_have_text(
        "The interconnector is a waste of money that our grid does not need,"
    )
    expect(page.locator(".citation blockquote")).to_contain_text(
        "German Energy Minister Jonas Brenneke disagreed."
    )
    shoot(page, "statement")

    page.locator(".citation figcaption a", has_text="Neighbours split").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Neighbours split over the Baltic interconnector"
    )
    expect(page.locator(".article-text mark")).to_have_count(3)
    shoot(page, "article")
    page.locator(".article-text mark a").first.click()
    expect(page).to_have_url(re.compile(rf"/statements/{newsroom['s1'].pk}/$"))


def test_search_then_filter(page, shoot, newsroom):
    page.goto("/")
    page.get_by_label("Search statements", exact=True).first.fill("interconnector")
    page.get_by_label("Search statements", exact=True).first.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=interconnector"))
    results = page.locator("#main article.statement")
    expect(results).to_have_count(2)
    shoot(page, "search")

    page.get_by_label("Country", exact=True).select_option("DE")
    page.get_by_role("button", name="Search", exact=True).last.click()
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Jonas Brenneke")

    page.get_by_label("Words").fill("")
    page.get_by_label("Country", exact=True).select_option("")
    page.get_by_label("Topic", exact=True).select_option("defence")
    page.get_by_label("Said from").fill("2024-06-01")
    page.get_by_role("button", name="Search", exact=True).last.click()
    expect(results.first).to_contain_text("Defence")
    for date in results.locator("time").all():
        assert date.get_attribute("datetime") >= "2024-06-01"
    shoot(page, "search-filtered")

    page.get_by_label("Said from").fill("")
    page.goto(page.url.replace("said_after=2024-06-01", "said_after=not-a-date"))
    expect(page.get_by_role("alert")).to_contain_text("Please correct the search")
    shoot(page, "search-error")


def test_follow_a_person_feed(page, shoot, newsroom):
    page.goto(newsroom["amelie"].get_absolute_url())
    link = page.get_by_role("link", name=re.compile("Atom feed"))
    expect(link).to_be_visible()
    shoot(page, "person-feed-link")
    response = page.request.get(link.get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.body())
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert titles[0] == "Amélie Durocher on record"
    assert any("interconnector" in t for t in titles[1:])
    assert page.locator('link[rel="alternate"][type="application/atom+xml"]').count() == 1


def test_compare_two_people(page, shoot, newsroom):
    page.goto("/compare/")
    page.get_by_label("First person").fill("Amélie Durocher")
    page.get_by_label("Second person").fill("Brenneke")
    page.get_by_label("Topic", exact=True).select_option("energy")
    page.get_by_role("button", name="Compare").click()
    columns = page.locator(".compare-col")
    expect(columns).to_have_count(2)
    expect(columns.nth(0)).to_contain_text("support")
    expect(columns.nth(1)).to_contain_text("oppose")
    shoot(page, "compare")


def test_api_docs_work_offline(page, shoot, newsroom, live_server):
    outside = []
    page.on("request", lambda r: None if r.url.startswith(live_server.url) else outside.append(r.url))
    page.goto("/api/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("onrecord API")
    expect(page.locator(".opblock-tag", has_text="statements")).to_be_visible()
    shoot(page, "api-docs")
    assert not [u for u in outside if u.startswith("http")], outside


def test_keyboard_skip_link_and_small_screen(page, shoot, newsroom):
    page.goto("/topics/energy/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/topics/energy/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page scrolls sideways on a phone ({width}px)"
    shoot(page, "topic-mobile")
