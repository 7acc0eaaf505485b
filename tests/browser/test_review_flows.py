"""An analyst's paths through the admin in a real browser: review by keyboard, correct by selecting, merge, undo.

The keystrokes each flow takes are counted in the tests (KEYS_*), so the numbers in the
issue's note are the ones checked here.
"""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from people.models import Person
from statements.models import Citation, Statement
from tests import factories as f

pytestmark = pytest.mark.browser
PASSWORD = "a-long-test-password-for-the-browser"
STORY = (
    "Port authority split over night ferries\n\n"
    "TALLINN — Harbour Minister Kersti Raudsepp said on Wednesday: \u201cNight ferries will run all year, "
    "because the islands cannot wait for summer.\u201d\n\n"
    "Opposition leader Madis Lepik disagreed. \u201cThe night service is a luxury we cannot afford,\u201d "
    "he told the port committee. Raudsepp replied that the budget for the service was already agreed."
)

# Keystrokes (and clicks) each flow takes on the review screen, as the tests below perform them.
KEYS_VERIFY = ["v"]
KEYS_REJECT = ["r", "Enter"]  # the first reason is preselected; arrow keys choose another
KEYS_SPEAKER_FIX = ["s", "M", "a", "d", "Enter"]  # type until the list shows the person, Enter picks


@pytest.fixture
def desk(transactional_db, page):
    User.objects.create_superuser("desk", "desk@example.org", PASSWORD)
    courier = f.outlet("The Harbour Courier", "harbour-courier.example")
    article = f.article(STORY, title="Port authority split over night ferries", source=courier)
    kersti = f.person("Kersti Raudsepp", country_code="DE", description="Harbour minister (fictional).")
    madis = f.person("Madis Lepik", country_code="DE", description="Opposition leader (fictional).")
    night = f.statement(
        kersti,
        "Night ferries will run all year, because the islands cannot wait for summer.",
        in_article=article,
    )
    luxury = f.statement(None, "The night service is a luxury we cannot afford,", in_article=article)
    Statement.objects.filter(pk=luxury.pk).update(confidence=0.2)
    Statement.objects.filter(pk=night.pk).update(confidence=0.7)
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("desk")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#review-queue-box")).to_contain_text("2 statements to review")
    return {"article": article, "kersti": kersti, "madis": madis, "night": night, "luxury": luxury}


def press(page, keys):
    for key in keys:
        page.keyboard.press(key)


def select_words(page, start: int, end: int):
    """Select article characters start..end the way a mouse drag would leave the selection."""
    page.evaluate(
        """([start, end]) => {
          const root = document.getElementById('article-text');
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          let pos = 0, node, started = false;
          while ((node = walker.nextNode())) {
            const len = node.textContent.length;
            if (!started && start <= pos + len) { range.setStart(node, start - pos); started = true; }
            if (end <= pos + len) { range.setEnd(node, end - pos); break; }
            pos += len;
          }
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }""",
        [start, end],
    )


def test_review_fix_speaker_verify_and_reject_by_keyboard(page, shoot, desk):
    page.get_by_role("link", name="Start reviewing (least confident first)").click()
    expect(page.locator("#review-quote")).to_have_text("“The night service is a luxury we cannot afford”")
    expect(page.locator("#quote-mark")).to_have_text("The night service is a luxury we cannot afford,")
    expect(page.locator("#no-speaker")).to_be_visible()
    expect(page.locator("#verify")).to_be_disabled()
    shoot(page, "admin-review")
    # j / k walk the queue.
    page.keyboard.press("j")
    expect(page.locator("#review-quote")).to_contain_text("Night ferries will run all year")
    page.keyboard.press("k")
    expect(page.locator("#review-quote")).to_have_text("“The night service is a luxury we cannot afford”")

    # No speaker: "v" does nothing but the page says why.
    press(page, KEYS_VERIFY)
    expect(page.locator("#no-speaker")).to_be_visible()
    # Speaker fix: s, type, pick from the list with Enter.
    press(page, KEYS_SPEAKER_FIX[:-1])
    expect(page.locator(".autocomplete-list li").first).to_contain_text("Madis Lepik")
    shoot(page, "admin-review-speaker")
    press(page, KEYS_SPEAKER_FIX[-1:])
    expect(page.locator("#review-status")).to_contain_text("Corrected by an analyst")
    luxury = Statement.objects.get(pk=desk["luxury"].pk)
    assert luxury.speaker == desk["madis"] and luxury.speaker_text == "Madis Lepik"

    # Verify: one key, and the next statement in the queue opens.
    press(page, KEYS_VERIFY)
    expect(page.locator("#review-quote")).to_contain_text("Night ferries will run all year")
    assert Statement.objects.get(pk=desk["luxury"].pk).review_status == "corrected"  # a correction stays one

    # Reject with a reason: r, Enter.
    press(page, KEYS_REJECT)
    expect(page.locator(".messagelist")).to_contain_text("rejected")
    night = Statement.objects.get(pk=desk["night"].pk)
    assert night.review_status == "rejected" and night.reject_reason.startswith("Not speech")
    page.goto(f"/admin/statements/statement/review/{night.pk}/?status=all")
    expect(page.locator("#review-status")).to_contain_text("Reason: Not speech")
    expect(page.locator("#unreject")).to_be_visible()
    shoot(page, "admin-review-rejected")

    page.goto("/admin/")
    expect(page.locator("#review-queue-box")).to_contain_text("0 statements to review")
    shoot(page, "admin-index")
    page.goto("/admin/statements/statement/")
    expect(page.locator("#result_list")).to_contain_text("The Harbour Courier")
    page.locator("select.filter-select[aria-label='source']").select_option(label="The Harbour Courier")
    expect(page).to_have_url(re.compile(r"outlet="))
    shoot(page, "admin-statement-list")


def test_fix_a_span_and_add_a_missed_statement_by_selecting(page, shoot, desk):
    night, article = desk["night"], desk["article"]
    page.goto(f"/admin/statements/statement/review/{night.pk}/")
    words = "Night ferries will run all year"
    start = article.text.index(words)
    # The selection takes in the opening quotation mark: the record keeps the words inside it.
    select_words(page, start - 1, start + len(words))
    expect(page.locator("#fix-span")).to_be_enabled()
    page.keyboard.press("f")
    expect(page.locator("#review-quote")).to_have_text(f"\u201c{words}\u201d")  # a direct quote, in marks
    expect(page.locator("#quote-mark")).to_have_text(words)
    citation = Citation.objects.get(statement=night)
    assert (citation.start, citation.end, citation.text) == (start, start + len(words), words)

    missed = "the budget for the service was already agreed"
    at = article.text.index(missed)
    select_words(page, at, at + len(missed))
    page.keyboard.press("a")
    # reported speech: offered as such, and shown without quotation marks
    expect(page.locator("#add-words")).to_have_text(missed)
    expect(page.locator("#add-kind")).to_have_value("indirect")
    page.keyboard.type("Kers")
    expect(page.locator("#add-form .autocomplete-list li").first).to_contain_text("Kersti Raudsepp")
    shoot(page, "admin-review-add")
    page.keyboard.press("Enter")
    expect(page.locator("#review-quote")).to_have_text(missed)
    added = Statement.objects.get(quote=missed)
    assert added.speaker == desk["kersti"] and added.review_status == "corrected" and added.kind == "indirect"
    shoot(page, "admin-review-added")


def test_undo_a_change(page, shoot, desk):
    luxury = desk["luxury"]
    page.goto(f"/admin/statements/statement/review/{luxury.pk}/")
    page.locator("#kind").select_option("indirect")
    page.get_by_role("button", name="Save details").click()
    expect(page.locator("#kind")).to_have_value("indirect")
    assert Statement.objects.get(pk=luxury.pk).kind == "indirect"
    page.keyboard.press("u")
    expect(page.locator(".messagelist")).to_contain_text("Change undone")
    expect(page.locator("#kind")).to_have_value("direct")
    assert Statement.objects.get(pk=luxury.pk).review_status == "unreviewed"
    page.get_by_role("link", name="History").click()
    expect(page.locator("#change-history")).to_contain_text("Reverted to the version of")
    expect(page.locator("#change-history")).not_to_contain_text("Deleted user")
    shoot(page, "admin-statement-history")


def test_merge_two_people(page, shoot, desk):
    twin = f.person("Kersti Raudsep", country_code="DE", aliases=("K. Raudsep",))
    f.statement(twin, "The harbour will stay open at night.", said_on=dt.date(2025, 2, 1))
    page.goto("/admin/people/person/?q=Raudsep")
    for name in ("Kersti Raudsepp", "Kersti Raudsep"):
        row = page.locator("#result_list tbody tr", has=page.get_by_role("link", name=name, exact=True))
        row.locator("input.action-select").check()
    page.locator("select[name=action]").select_option("merge_people")
    page.get_by_role("button", name="Go").click()
    expect(page.get_by_role("heading", name="Merge records of one person")).to_be_visible()
    expect(page.locator(".merge-card")).to_have_count(2)
    shoot(page, "admin-person-merge")
    page.get_by_label("Keep Kersti Raudsepp").check()
    page.get_by_role("button", name="Merge into the chosen record").click()
    expect(page.locator(".messagelist")).to_contain_text("Merged 1 record(s) into Kersti Raudsepp")
    twin.refresh_from_db()
    assert twin.merged_into == desk["kersti"]
    assert Person.objects.get(pk=desk["kersti"].pk).statements.count() == 2


def test_add_an_article_in_the_admin(page, shoot, desk):
    page.goto("/admin/statements/article/add/")
    page.get_by_label("Title").fill("Ferry fares frozen")
    page.get_by_label("URL").fill("https://news.invalid/ferry-fares")
    page.get_by_label("Text").fill(
        "Ferry fares frozen for the winter\n\nTALLINN — Harbour Minister Kersti Raudsepp said on Monday that "
        "fares would not rise before spring. \u201cNobody should pay more to get home,\u201d she said."
    )
    page.get_by_label("Published").fill("2026-10-05")
    page.get_by_role("button", name="Add article").click()
    expect(page.locator("#article-add-errors")).to_contain_text("internal host name")
    shoot(page, "admin-article-add-refused")
    page.get_by_label("URL").fill("")
    page.get_by_role("button", name="Add article").click()
    expect(page.locator("#article-progress")).to_contain_text("Extracted:")
    shoot(page, "admin-article-added")
    assert Statement.objects.filter(quote__contains="Nobody should pay more").exists()
