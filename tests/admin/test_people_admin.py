"""People in the admin: merge with a preview and a choice of survivor, clean aliases, Wikidata ids, roles."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.urls import reverse

from people.models import Person, Tenure
from statements.models import Statement, TenureEvidence
from statements.services.people_merge import tenures_join
from tests import factories as f

pytestmark = pytest.mark.django_db
MERGE = "admin:people_person_merge"


def _user(client, name, *groups):
    user = User.objects.create_user(name, password="pw-for-tests-only", is_staff=True)
    user.groups.add(*Group.objects.filter(name__in=groups))
    client.force_login(user)
    return user


@pytest.fixture
def twins():
    orla = f.person("Orla Tierney", country_code="GB", description="Irish housing minister (fictional).")
    orla2 = f.person("Orla Tierney", country_code="GB", aliases=("O. Tierney",))
    minister = f.position("Minister for Housing", country_code="GB")
    kept_office = f.tenure(orla, minister, dt.date(2023, 1, 1))
    text_office = Tenure.objects.create(
        person=orla2, position=minister, start=dt.date(2022, 6, 1), end=dt.date(2024, 2, 1), source="text"
    )
    said = f.statement(orla2, "Every family deserves a warm home.", office=text_office)
    TenureEvidence.objects.create(
        tenure=text_office, article=said.citations.get().article, seen_on=dt.date(2024, 2, 1)
    )
    f.statement(orla, "We will build where people want to live.")
    f.statement(orla, "Rents will be capped in the cities.")
    return {"orla": orla, "orla2": orla2, "kept_office": kept_office, "said": said}


def test_merge_preview_shows_what_moves_and_the_editor_chooses(client, twins):
    _user(client, "ed", "Analysts", "Editors")
    orla, orla2 = twins["orla"], twins["orla2"]
    response = client.post(
        reverse("admin:people_person_changelist"),
        {"action": "merge_people", "_selected_action": [orla.pk, orla2.pk]},
    )
    preview = client.get(response["Location"])
    html = preview.content.decode()
    assert preview.context["suggested"] == orla.pk  # most statements
    assert "2 as speaker" in html and "1 as speaker" in html and "Minister for Housing" in html
    # The editor keeps the newer record this time.
    done = client.post(reverse(MERGE), {"ids": [orla.pk, orla2.pk], "keep": orla2.pk})
    assert done["Location"] == reverse("admin:people_person_change", args=[orla2.pk])
    orla.refresh_from_db()
    assert orla.merged_into == orla2
    assert Statement.objects.filter(speaker=orla2).count() == 3
    moved = Statement.objects.get(speaker=orla2, quote="Rents will be capped in the cities.").history.first()
    assert moved.history_user.username == "ed" and "merged into" in moved.history_change_reason
    # Two records of one office became one, and what pointed at either points at it.
    (office,) = Tenure.objects.filter(person=orla2)
    assert office.source == "analyst" and office.start == dt.date(2023, 1, 1)
    twins["said"].refresh_from_db()
    assert twins["said"].tenure == office and TenureEvidence.objects.get().tenure == office
    # The old page redirects; the names carry no stray punctuation.
    assert client.get(orla.get_absolute_url())["Location"] == orla2.get_absolute_url()
    page = client.get(orla2.get_absolute_url()).content.decode()
    assert "Also written: O. Tierney</p>" in page


def test_an_analyst_cannot_merge_delete_or_edit_topics(client, twins):
    _user(client, "ana", "Analysts")
    orla, orla2 = twins["orla"], twins["orla2"]
    assert client.get(reverse(MERGE), {"ids": [orla.pk, orla2.pk]}).status_code == 403
    assert client.post(reverse(MERGE), {"ids": [orla.pk, orla2.pk], "keep": orla.pk}).status_code == 403
    response = client.post(
        reverse("admin:people_person_changelist"),
        {"action": "merge_people", "_selected_action": [orla.pk, orla2.pk]},
    )
    assert response.status_code == 200 and "merge_people" not in response.content.decode()
    statement = twins["said"]
    assert (
        client.post(
            reverse("admin:statements_statement_delete", args=[statement.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert client.get(reverse("admin:statements_topic_add")).status_code == 403
    assert (
        Person.objects.get(pk=orla2.pk).merged_into is None
        and Statement.objects.filter(pk=statement.pk).exists()
    )
    # The analyst can still review and correct.
    assert (
        client.get(reverse("admin:statements_statement_review_one", args=[statement.pk])).status_code == 200
    )


def test_an_editor_can_delete_and_edit_topics(client, twins):
    _user(client, "edi", "Analysts", "Editors")
    assert client.get(reverse("admin:statements_topic_add")).status_code == 200
    statement = twins["said"]
    client.post(reverse("admin:statements_statement_delete", args=[statement.pk]), {"post": "yes"})
    assert not Statement.objects.filter(pk=statement.pk).exists()


def test_aliases_lose_stray_punctuation():
    from people.services import person_alias_add

    person = f.person("Ciaran Moylett", aliases=())
    person_alias_add(person=person, name="C. Moylett,")
    person_alias_add(person=person, name="Ciaran Moylett Jr.")
    assert set(person.aliases.values_list("name", flat=True)) == {
        "Ciaran Moylett",
        "C. Moylett",
        "Ciaran Moylett Jr.",
    }


def test_wikidata_id_is_validated():
    person = f.person("Idris Calloway")
    person.wikidata_id = "Q12x"
    with pytest.raises(ValidationError):
        person.full_clean()
    person.wikidata_id = "Q4242"
    person.full_clean()


def test_tenures_join_keeps_separate_spells_apart():
    person = f.person("Bram Okafor", country_code="NG")
    post = f.position("Minister of Works", country_code="NG")
    f.tenure(person, post, dt.date(2015, 1, 1), dt.date(2016, 1, 1))
    f.tenure(person, post, dt.date(2020, 1, 1), None)
    Tenure.objects.create(
        person=person, position=post, start=dt.date(2021, 3, 1), end=dt.date(2021, 3, 1), source="text"
    )
    assert tenures_join(person=person) == 1
    assert sorted((t.start, t.end) for t in person.tenures.all()) == [
        (dt.date(2015, 1, 1), dt.date(2016, 1, 1)),
        (dt.date(2020, 1, 1), None),
    ]


def test_history_reads_well(admin_client):
    from statements.services import review

    statement = f.statement(f.person("Ines Marwood"), "The ferry will run all winter.")
    admin = User.objects.get(username="admin")
    review.statement_reject(statement=statement, reviewer=admin, reason="A headline")
    review.statement_unreject(statement=statement, reviewer=admin)
    html = admin_client.get(
        reverse("admin:statements_statement_history", args=[statement.pk])
    ).content.decode()
    assert "Deleted user" not in html and "pk=None" not in html
    assert "Rejected (not a statement)" in html and "A headline" in html
