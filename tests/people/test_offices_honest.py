"""Offices told honestly: text tenures stay open after the last article, bare roles are not offices."""

import datetime as dt
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from people.models import Position, Tenure
from people.selectors import current_tenures, office_holder_on, person_queryset
from people.services import (
    IncompletePositionError,
    SpeakerRef,
    person_get_or_create,
    position_get_or_create,
    tenure_record_from_text,
)

pytestmark = pytest.mark.django_db
DAY = dt.date(2025, 3, 3)


@pytest.fixture
def minister():
    person, _ = person_get_or_create(ref=SpeakerRef(name="Ruta Kalnina", country="LV"))
    return person, position_get_or_create(title="Defence Minister", country_code="LV")


def test_a_holder_stays_current_after_the_last_article(minister):
    person, position = minister
    tenure_record_from_text(person=person, position=position, on=DAY)
    tenure_record_from_text(person=person, position=position, on=DAY + dt.timedelta(days=40))
    for later in (DAY + dt.timedelta(days=41), DAY + dt.timedelta(days=2000)):
        assert [t.position for t in current_tenures(person_queryset().get(pk=person.pk), today=later)] == [
            position
        ]


def test_a_later_text_calling_them_former_ends_it(minister):
    person, position = minister
    tenure = tenure_record_from_text(person=person, position=position, on=DAY)
    ended = tenure_record_from_text(
        person=person, position=position, on=DAY + dt.timedelta(days=90), former=True
    )
    assert ended.pk == tenure.pk
    ended.refresh_from_db()
    assert ended.end == DAY + dt.timedelta(days=89) and ended.last_seen == DAY
    assert current_tenures(person_queryset().get(pk=person.pk), today=DAY + dt.timedelta(days=100)) == []


def test_api_current_offices_stay_after_the_last_article(minister):
    from rest_framework.test import APIClient

    person, position = minister
    tenure_record_from_text(person=person, position=position, on=dt.date(2020, 1, 1))
    body = APIClient().get(f"/api/v1/people/{person.pk}/").json()
    assert [o["position"]["title"] for o in body["current_offices"]] == ["Defence Minister"]


def test_the_newest_text_holder_is_the_office_holder(minister):
    person, position = minister
    successor, _ = person_get_or_create(ref=SpeakerRef(name="Janis Berzins", country="LV"))
    tenure_record_from_text(person=person, position=position, on=DAY)
    tenure_record_from_text(person=successor, position=position, on=DAY + dt.timedelta(days=10))
    assert (
        office_holder_on(role="defence minister", country_code="LV", on=DAY + dt.timedelta(days=20))
        == successor
    )
    assert (
        office_holder_on(role="defence minister", country_code="LV", on=DAY + dt.timedelta(days=5)) == person
    )


@pytest.mark.parametrize(
    ("title", "country", "ok"),
    [
        ("Leader", "DK", False),
        ("Chief", "", False),
        ("Prime Minister", "", False),
        ("Prime Minister", "DK", True),
    ],
)
def test_positions_always_belong_to_a_country_or_organisation(title, country, ok):
    if ok:
        assert position_get_or_create(title=title, country_code=country).country_id == country
    else:
        with pytest.raises(IncompletePositionError):
            position_get_or_create(title=title, country_code=country)
        assert not Position.objects.exists()


def test_data_check_lists_positions_that_belong_to_nothing(db):
    call_command("check", databases=["default"])  # clean data passes
    Position.objects.create(title="Leader", slug="leader")
    out = StringIO()
    # A warning lists the rows without stopping commands (migrate runs these checks too).
    call_command("check", databases=["default"], stdout=out, stderr=out)
    assert re.search(r"people.W001.*1 position\(s\) belong to no country", out.getvalue())
    with pytest.raises(SystemCheckError, match=r"people.W001"):
        call_command("check", databases=["default"], fail_level="WARNING")


def test_migration_reopens_text_tenures(minister):
    import importlib

    from django.apps import apps

    person, position = minister
    tenure = Tenure.objects.create(
        person=person, position=position, start=DAY, end=DAY + dt.timedelta(days=9)
    )
    analyst = Tenure.objects.create(
        person=person,
        position=position,
        start=DAY - dt.timedelta(days=900),
        end=DAY - dt.timedelta(days=1),
        source=Tenure.Source.ANALYST,
    )
    importlib.import_module("people.migrations.0007_tenure_last_seen").reopen_text_tenures(apps, None)
    tenure.refresh_from_db()
    analyst.refresh_from_db()
    assert (tenure.end, tenure.last_seen) == (None, DAY + dt.timedelta(days=9))
    assert analyst.end == DAY - dt.timedelta(days=1)
