"""Playwright driving Debian's chromium against pytest-django's live_server.

Skipped when /usr/bin/chromium is missing, except under CI=true where that is a failure.
Every page a test visits is saved full-page as NAME.png: into a temporary directory by default,
into ONRECORD_SCREENSHOTS_DIR when set (`make screenshots` sets it to docs/screenshots/, the
only way the tracked pictures change).
"""

import datetime as dt
import os
from pathlib import Path

import pytest
from django.core.cache import cache

from statements.models import StatementTopic
from tests import factories as f

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        message = "needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)"
        if IN_CI:
            pytest.fail(f"{message} (CI=true: browser tests must run, not skip)", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # The sync API runs an event loop in this thread; Django then refuses ORM calls from it
    # (the tests create their data here) unless told the calls are deliberate.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()


@pytest.fixture
def page(browser, live_server):
    cache.clear()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def screenshots_dir(tmp_path_factory) -> Path:
    chosen = os.environ.get("ONRECORD_SCREENSHOTS_DIR")
    if not chosen:
        return tmp_path_factory.mktemp("screenshots")
    path = Path(chosen).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def shoot(screenshots_dir):
    """shoot(page, "name") saves a full-page screenshot as name.png in screenshots_dir."""

    def save(tab, name: str) -> Path:
        path = screenshots_dir / f"{name}.png"
        tab.screenshot(path=str(path), full_page=True)
        return path

    return save


@pytest.fixture
def newsroom(transactional_db):
    """A small record: four fictional politicians, three topics, statements over eighteen months."""
    support, oppose, neutral = (
        StatementTopic.Stance.SUPPORT,
        StatementTopic.Stance.OPPOSE,
        StatementTopic.Stance.NEUTRAL,
    )
    energy = f.topic("Energy")
    defence = f.topic("Defence")
    housing = f.topic("Housing")
    for topic, text in [
        (energy, "Power supply, prices, grids and the move away from fossil fuels."),
        (defence, "Armed forces, military aid, alliances and defence spending."),
        (housing, "Rents, building, mortgages and social housing."),
    ]:
        topic.description = text
        topic.save(update_fields=["description"])
    courier = f.outlet("The Northern Courier", "northern-courier.example")
    ledger = f.outlet("The Morning Ledger", "morning-ledger.example")
    fm = f.position(
        "Minister of Foreign Affairs",
        country_code="FR",
        org=f.organization("Ministry of Foreign Affairs", country_code="FR"),
    )
    em = f.position(
        "Minister of Energy",
        country_code="DE",
        org=f.organization("Ministry of Energy", country_code="DE", kind="ministry"),
    )
    mp = f.position("Member of Parliament", country_code="DE")
    pm = f.position("Prime Minister", country_code="PL")
    amelie = f.person(
        "Amélie Durocher",
        country_code="FR",
        aliases=("Durocher",),
        description="French foreign minister (fictional).",
    )
    jonas = f.person("Jonas Brenneke", country_code="DE", description="German energy minister (fictional).")
    zofia = f.person("Zofia Wierzbicka", country_code="PL", description="Polish prime minister (fictional).")
    harriet = f.person(
        "Harriet Ashcombe", country_code="GB", description="British opposition MP (fictional)."
    )
    amelie_fm = f.tenure(amelie, fm, dt.date(2023, 5, 1))
    f.tenure(jonas, mp, dt.date(2017, 10, 1), dt.date(2021, 12, 7))
    jonas_em = f.tenure(jonas, em, dt.date(2021, 12, 8))
    zofia_pm = f.tenure(zofia, pm, dt.date(2022, 3, 1))

    story = f.article(
        "Neighbours split over the Baltic interconnector\n\n"
        "PARIS — The future of the Baltic power interconnector divided European ministers on Monday. "
        "Foreign Minister Amélie Durocher said: \u201cWe will build the interconnector with our neighbours, "
        "and we will finish it on time.\u201d\n\n"
        "German Energy Minister Jonas Brenneke disagreed. \u201cThe interconnector is a waste of money "
        "that our grid does not need,\u201d he told reporters in Berlin.\n\n"
        "Polish Prime Minister Zofia Wierzbicka said her government was studying the plan and would "
        "decide after the summer. Talks resume next month.",
        title="Neighbours split over the Baltic interconnector",
        source=courier,
        published=dt.date(2025, 3, 4),
        is_demo=True,
    )
    made = {
        "s1": f.statement(
            amelie,
            "We will build the interconnector with our neighbours, and we will finish it on time.",
            said_on=dt.date(2025, 3, 3),
            in_article=story,
            office=amelie_fm,
            topics={energy: support},
        ),
        "s2": f.statement(
            jonas,
            "The interconnector is a waste of money that our grid does not need,",
            said_on=dt.date(2025, 3, 3),
            in_article=story,
            office=jonas_em,
            topics={energy: oppose},
        ),
        "s3": f.statement(
            zofia,
            "her government was studying the plan and would decide after the summer",
            said_on=dt.date(2025, 3, 3),
            in_article=story,
            office=zofia_pm,
            kind="indirect",
            topics={energy: neutral},
        ),
    }
    months = [dt.date(2023, 10, 5) + dt.timedelta(days=31 * i) for i in range(17)]
    lines = [
        (amelie, amelie_fm, defence, support, "Our troops will stay in the east as long as they are needed."),
        (jonas, jonas_em, energy, oppose, "Gas prices will not come down by decree."),
        (zofia, zofia_pm, defence, support, "Poland will spend three percent of its output on defence."),
        (harriet, None, housing, oppose, "Rent controls have failed every city that tried them."),
        (amelie, amelie_fm, energy, support, "Nuclear power keeps our lights on and our air clean."),
        (zofia, zofia_pm, housing, support, "We will build one hundred thousand homes for young families."),
    ]
    for i, month in enumerate(months):
        who, office, topic, stance, quote = lines[i % len(lines)]
        made[f"m{i}"] = f.statement(
            who,
            f"{quote[:-1]}, and I said so again in {month:%B %Y}.",
            said_on=month,
            office=office,
            topics={topic: stance},
            in_article=f.article(
                f"BRUSSELS — Ministers met again this week. {who.name} spoke to reporters after the meeting. "
                "The session lasted four hours.",
                title=f"{who.name} on {topic.name.lower()}",
                source=ledger,
                published=month,
                is_demo=True,
            ),
        )
    return {
        "amelie": amelie,
        "jonas": jonas,
        "zofia": zofia,
        "harriet": harriet,
        "energy": energy,
        "story": story,
        **made,
    }
