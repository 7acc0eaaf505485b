import datetime as dt

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from statements.models import StatementTopic
from tests import factories as f

SUPPORT = StatementTopic.Stance.SUPPORT
OPPOSE = StatementTopic.Stance.OPPOSE


@pytest.fixture(autouse=True)
def _clear_cache():
    # Throttle counters and the demo flag live in the cache: no test sees another's.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def record(db):
    """Two fictional ministers, an office each, two topics and a handful of statements."""
    energy = f.topic("Energy")
    defence = f.topic("Defence")
    courier = f.outlet("The Example Courier", "courier.example")
    ministry = f.organization("Ministry of Foreign Affairs", country_code="FR")
    foreign_minister = f.position("Minister of Foreign Affairs", country_code="FR", org=ministry)
    finance_minister = f.position("Minister of Finance", country_code="DE")
    amelie = f.person("Amélie Durocher", country_code="FR", aliases=("Durocher",))
    jonas = f.person("Jonas Brenneke", country_code="DE")
    amelie_office = f.tenure(amelie, foreign_minister, dt.date(2023, 5, 1))
    jonas_office = f.tenure(jonas, finance_minister, dt.date(2021, 1, 1), dt.date(2024, 6, 30))
    story = f.article(
        "PARIS — Foreign Minister Amélie Durocher said on Monday: \u201cWe will build the interconnector "
        "with our neighbours.\u201d Her German counterpart disagreed.",
        title="Minister backs interconnector",
        source=courier,
        published=dt.date(2025, 3, 4),
    )
    s1 = f.statement(
        amelie,
        "We will build the interconnector with our neighbours.",
        said_on=dt.date(2025, 3, 3),
        in_article=story,
        office=amelie_office,
        topics={energy: SUPPORT},
    )
    s2 = f.statement(
        jonas,
        "The interconnector is a waste of money and of time.",
        said_on=dt.date(2024, 2, 10),
        office=jonas_office,
        topics={energy: OPPOSE, defence: SUPPORT},
        kind="indirect",
    )
    s3 = f.statement(amelie, "Our troops will stay as long as they are needed.", said_on=dt.date(2024, 11, 2), topics={defence: SUPPORT})
    rejected = f.statement(jonas, "Chapter four of the report.", review_status="rejected", topics={energy: SUPPORT})
    return {
        "energy": energy,
        "defence": defence,
        "courier": courier,
        "ministry": ministry,
        "foreign_minister": foreign_minister,
        "finance_minister": finance_minister,
        "amelie": amelie,
        "jonas": jonas,
        "story": story,
        "s1": s1,
        "s2": s2,
        "s3": s3,
        "rejected": rejected,
    }
