"""Names found by first name, surname, any alias and without accents; slugs keep every letter."""

import importlib

import pytest
from django.apps import apps

from people import services
from people.models import Person, PersonAlias, PersonSlugRedirect
from people.normalize import normalize_name, slug_for
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    soren = services.person_create(name="Søren Kjærsgaard-Holm", country_code="DE")
    helena = services.person_create(name="Helena Vasconcelos Brito", country_code="BR")
    f.statement(soren, "The harbour will reopen in spring.")
    f.statement(helena, "Our budget is balanced.")
    return {"soren": soren, "helena": helena}


def test_slugs_transliterate_instead_of_dropping_letters(people):
    assert people["soren"].slug == "soren-kjaersgaard-holm"
    assert slug_for("Łukasz Żółw") == "lukasz-zolw"
    assert normalize_name("Søren  KJÆRSGAARD-Holm") == "soren kjaersgaard holm"


@pytest.mark.parametrize("name", ["soren", "Soren", "Søren", "Kjærsgaard", "kjaersgaard-holm"])
def test_api_people_name_is_accent_blind(api, people, name):
    body = api.get("/api/v1/people/", {"name": name}).json()
    assert [p["name"] for p in body["results"]] == ["Søren Kjærsgaard-Holm"]


@pytest.mark.parametrize(
    "speaker", ["Helena", "Brito", "Vasconcelos", "Vasconcelos Brito", "helena-vasconcelos-brito"]
)
def test_speaker_by_first_name_surname_middle_name_or_slug(api, client, people, speaker):
    body = api.get("/api/v1/statements/", {"speaker": speaker}).json()
    assert [s["speaker"]["name"] for s in body["results"]] == ["Helena Vasconcelos Brito"]
    assert "Our budget is balanced." in client.get("/search/", {"speaker": speaker}).content.decode()


@pytest.mark.parametrize("speaker", ["Søren", "soren", "SØREN"])
def test_speaker_without_accents(api, people, speaker):
    body = api.get("/api/v1/statements/", {"speaker": speaker}).json()
    assert [s["speaker"]["name"] for s in body["results"]] == ["Søren Kjærsgaard-Holm"]


def test_any_alias_finds_the_person(api, people):
    services.person_alias_add(person=people["helena"], name="Lena Brito")
    body = api.get("/api/v1/statements/", {"speaker": "Lena"}).json()
    assert [s["speaker"]["name"] for s in body["results"]] == ["Helena Vasconcelos Brito"]


def test_old_slug_redirects_and_is_never_reused(client, people):
    PersonSlugRedirect.objects.create(slug="sren-kjrsgaard-holm", person=people["soren"])
    response = client.get("/people/sren-kjrsgaard-holm/")
    assert response.status_code == 301 and response["Location"] == "/people/soren-kjaersgaard-holm/"
    assert services._unique_slug(Person, "sren kjrsgaard holm") == "sren-kjrsgaard-holm-2"


def test_migration_remakes_slugs_that_lost_letters_and_rekeys_aliases(client, db):
    old = Person.objects.create(name="Søren Kjærsgaard-Holm", slug="sren-kjrsgaard-holm-3", sort_name="x")
    kept = Person.objects.create(name="Amélie Durocher", slug="amelie-durocher", sort_name="x")
    chosen = Person.objects.create(name="Ærø Ødegård", slug="the-island-one", sort_name="x")
    alias = PersonAlias.objects.create(person=old, name="Søren")
    PersonAlias.objects.filter(pk=alias.pk).update(normalized="sren")  # as the old rule stored it
    migration = importlib.import_module("people.migrations.0006_transliterated_names_and_slugs")
    migration.forwards(apps, None)
    old.refresh_from_db()
    kept.refresh_from_db()
    chosen.refresh_from_db()
    assert old.slug == "soren-kjaersgaard-holm"
    assert kept.slug == "amelie-durocher" and chosen.slug == "the-island-one"  # not made by the old rule
    assert PersonAlias.objects.get(pk=alias.pk).normalized == "soren"
    assert client.get("/people/sren-kjrsgaard-holm-3/")["Location"] == "/people/soren-kjaersgaard-holm/"
