"""Stance over time: confirmed support then oppose is one shift; suggestions never are."""

import datetime as dt

import pytest

from statements.models import StatementTopic
from statements.stances import person_stance_histories
from tests import factories as f

pytestmark = pytest.mark.django_db
SUPPORT, OPPOSE, NEUTRAL = "support", "oppose", "neutral"


def said(person, topic, stance, day, *, confirmed=True, quote=None):
    statement = f.statement(
        person, quote or f"Words said on {day} about {topic.name} ({stance}).", said_on=day
    )
    StatementTopic.objects.create(
        statement=statement, topic=topic, stance=stance, relevance=0.9, stance_confirmed=confirmed
    )
    return statement


@pytest.fixture
def helena(db):
    return f.person("Helena Marquardt-Oyelaran", country_code="DE")


def test_support_then_oppose_confirmed_is_one_shift_in_the_api(api, helena):
    energy = f.topic("Energy")
    first = said(helena, energy, SUPPORT, dt.date(2024, 2, 1))
    second = said(helena, energy, OPPOSE, dt.date(2025, 1, 10))
    body = api.get(f"/api/v1/people/{helena.pk}/stances/", {"topic": "energy"}).json()
    assert [point["statement"] for point in body["sequence"]] == [first.pk, second.pk]
    assert len(body["shifts"]) == 1
    shift = body["shifts"][0]
    assert (shift["from"], shift["to"]) == (SUPPORT, OPPOSE)
    assert shift["before"]["statement"] == first.pk and shift["after"]["statement"] == second.pk
    assert shift["after"]["html_url"].endswith(f"/statements/{second.pk}/")


def test_unconfirmed_stances_give_no_shift_but_stay_in_the_sequence(api, helena):
    energy = f.topic("Energy")
    said(helena, energy, SUPPORT, dt.date(2024, 2, 1), confirmed=False)
    said(helena, energy, OPPOSE, dt.date(2025, 1, 10), confirmed=False)
    body = api.get(f"/api/v1/people/{helena.pk}/stances/", {"topic": "energy"}).json()
    assert body["shifts"] == []
    assert [point["confirmed"] for point in body["sequence"]] == [False, False]


def test_a_suggestion_between_two_confirmed_stances_neither_makes_nor_breaks_a_shift(helena):
    energy = f.topic("Energy")
    said(helena, energy, SUPPORT, dt.date(2024, 1, 1))
    said(helena, energy, OPPOSE, dt.date(2024, 3, 1), confirmed=False)
    said(helena, energy, NEUTRAL, dt.date(2024, 4, 1))
    said(helena, energy, SUPPORT, dt.date(2024, 5, 1))
    (history,) = person_stance_histories(person_id=helena.pk, topic=energy)
    assert history.shifts == []


def test_there_and_back_is_two_shifts_in_date_order(helena):
    energy = f.topic("Energy")
    # Created out of order: the sequence is by date said, not by id.
    c = said(helena, energy, SUPPORT, dt.date(2025, 6, 1))
    a = said(helena, energy, SUPPORT, dt.date(2023, 6, 1))
    b = said(helena, energy, OPPOSE, dt.date(2024, 6, 1))
    (history,) = person_stance_histories(person_id=helena.pk, topic=energy)
    assert [(s.before.statement.pk, s.after.statement.pk) for s in history.shifts] == [
        (a.pk, b.pk),
        (b.pk, c.pk),
    ]


def test_analyst_assigned_stance_counts_as_confirmed_and_rejected_statements_do_not_count(helena):
    energy = f.topic("Energy")
    first = said(helena, energy, SUPPORT, dt.date(2024, 1, 1), confirmed=False)
    StatementTopic.objects.filter(statement=first).update(assigned_by="analyst")
    rejected = said(helena, energy, OPPOSE, dt.date(2024, 2, 1))
    rejected.review_status = "rejected"
    rejected.save()
    said(helena, energy, OPPOSE, dt.date(2024, 3, 1))
    (history,) = person_stance_histories(person_id=helena.pk, topic=energy)
    assert len(history.points) == 2
    assert len(history.shifts) == 1


def test_topic_is_required_and_checked(api, helena):
    said(helena, f.topic("Energy"), SUPPORT, dt.date(2024, 1, 1))
    missing = api.get(f"/api/v1/people/{helena.pk}/stances/")
    assert missing.status_code == 400 and "energy" in missing.json()["error"]["message"]
    unknown = api.get(f"/api/v1/people/{helena.pk}/stances/", {"topic": "nope"})
    assert unknown.status_code == 400
    assert api.get(f"/api/v1/people/{helena.pk}/stances/", {"topic": "energy", "x": "1"}).status_code == 400
    assert api.get("/api/v1/people/999999/stances/", {"topic": "energy"}).status_code == 404


def test_stances_query_count_does_not_grow(api, helena, django_assert_max_num_queries):
    energy = f.topic("Energy")
    for i in range(12):
        said(helena, energy, SUPPORT if i % 2 else OPPOSE, dt.date(2024, 1, 1) + dt.timedelta(days=20 * i))
    with django_assert_max_num_queries(5):
        body = api.get(f"/api/v1/people/{helena.pk}/stances/", {"topic": "energy"}).json()
    assert len(body["shifts"]) == 11


def test_timeline_svg_marks_shift_and_suggestions(helena):
    from statements.templatetags.stance_charts import stance_timeline_svg

    energy = f.topic("Energy")
    said(helena, energy, SUPPORT, dt.date(2024, 2, 1))
    said(helena, energy, OPPOSE, dt.date(2025, 1, 10))
    said(helena, energy, NEUTRAL, dt.date(2025, 2, 10), confirmed=False)
    (history,) = person_stance_histories(person_id=helena.pk, topic=energy)
    svg = str(stance_timeline_svg(history))
    assert svg.count(">shift 1<") == 1 and "shift 2" not in svg
    assert svg.count('stroke-dasharray="2 2"') == 1  # the one suggestion is drawn hollow
    assert "Feb 2024" in svg and "Feb 2025" in svg


def test_person_page_shows_the_shift_in_words_and_on_the_chart(client, helena):
    energy = f.topic("Energy")
    said(helena, energy, SUPPORT, dt.date(2024, 2, 1), quote="We must build the wind farms now.")
    said(helena, energy, OPPOSE, dt.date(2025, 1, 10), quote="The wind farms cost far too much.")
    html = client.get(helena.get_absolute_url()).content.decode()
    assert "Stance over time" in html
    assert "Shift 1: from support to opposition." in html
    assert html.count(">shift 1</text>") == 1
    assert "1 shift</span>" in html


def test_person_page_with_suggestions_only_shows_no_shift(client, helena):
    energy = f.topic("Energy")
    said(helena, energy, SUPPORT, dt.date(2024, 2, 1), confirmed=False)
    said(helena, energy, OPPOSE, dt.date(2025, 1, 10), confirmed=False)
    html = client.get(helena.get_absolute_url()).content.decode()
    assert "Shift 1" not in html and ">shift 1</text>" not in html
    assert "No confirmed stance yet" in html


def test_person_page_tells_seen_in_office_apart_from_verified(client, db):
    from people.models import Tenure
    from people.services import position_get_or_create, tenure_record_from_text
    from statements.models import TenureEvidence

    who = f.person("Ruta Kalnina", country_code="DE")
    f.tenure(who, f.position("Member of Parliament", country_code="DE"), dt.date(2019, 1, 1))
    minister = position_get_or_create(title="Defence Minister", country_code="DE")
    story = f.article(
        "Defence Minister Ruta Kalnina spoke.", title="Kalnina speaks", source=f.outlet("The Ledger")
    )
    tenure = tenure_record_from_text(person=who, position=minister, on=dt.date(2025, 3, 3))
    tenure_record_from_text(person=who, position=minister, on=dt.date(2025, 6, 12))
    TenureEvidence.objects.create(tenure=tenure, article=story, seen_on=dt.date(2025, 3, 3))
    html = client.get(who.get_absolute_url()).content.decode()
    assert "Verified" in html and "Member of Parliament" in html
    assert "seen in office from 3 Mar 2025 to 12 Jun 2025" in html
    assert "taken as current until a later source says otherwise" in html
    assert f'href="{story.get_absolute_url()}">The Ledger, 3 Mar 2025</a>' in html
    assert Tenure.objects.get(pk=tenure.pk).end is None


def test_person_page_query_count_does_not_grow_with_topics(client, helena, django_assert_max_num_queries):
    for name in ("Energy", "Defence", "Housing", "Rail", "Tax", "Water"):
        topic = f.topic(name)
        for i in range(4):
            said(helena, topic, SUPPORT if i % 2 else OPPOSE, dt.date(2024, 1, 1) + dt.timedelta(days=30 * i))
    with django_assert_max_num_queries(20):
        assert client.get(helena.get_absolute_url()).status_code == 200


def test_many_statements_and_shifts_stay_a_small_readable_chart(client, helena):
    from statements.templatetags.stance_charts import stance_timeline_svg

    energy = f.topic("Energy")
    for i in range(300):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=i)
        said(helena, energy, SUPPORT if i % 2 else OPPOSE, day, quote=f"Remark {i} on energy.")
    (history,) = person_stance_histories(person_id=helena.pk, topic=energy)
    assert len(history.shifts) == 299
    svg = str(stance_timeline_svg(history))
    assert svg.count("<circle") <= 2 * (400 // 7)  # grouped into dots, not one per statement
    assert "statements from" in svg  # a grouped dot says how many it holds
    assert ">shift 1<" not in svg  # too many to number on the chart
    html = client.get(helena.get_absolute_url()).content.decode()
    assert "The latest 10 of 299 shifts" in html and 'value="299"' in html
    assert f"/api/v1/people/{helena.pk}/stances/?topic=energy" in html
