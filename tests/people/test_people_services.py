"""Speaker resolution: one Person per real person across articles, never two people merged."""

import datetime as dt

import pytest

from people.models import Person, Tenure
from people.normalize import normalize_name
from people.selectors import country_get, office_holder_on, person_find, tenure_held_on
from people.services import (
    SpeakerRef,
    person_absorb,
    person_get_or_create,
    position_get_or_create,
    sort_name_for,
    tenure_record_from_text,
)

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 11, 3)


def test_normalize_folds_diacritics_case_and_punctuation():
    assert normalize_name("Lars Løkke  Rasmussen") == "lars lokke rasmussen"
    assert normalize_name("JOAQUÍN Errázuriz-Vial") == "joaquin errazuriz vial"


def test_spelling_variants_and_diacritics_find_the_same_person():
    person, created = person_get_or_create(ref=SpeakerRef(name="Dmitri Volkanov", country="RU"))
    assert created
    assert person_find(name="Dmitry Volkanov") == person
    assert person_find(name="DMITRI VOLKANOV") == person
    soren, _ = person_get_or_create(ref=SpeakerRef(name="Søren Kjærsgaard Holm", country="DK"))
    assert person_find(name="Soren Kjaersgaard Holm") == soren
    assert person_find(name="Kjærsgaard Holm") == soren


def test_different_people_with_one_surname_are_not_merged():
    anna, _ = person_get_or_create(ref=SpeakerRef(name="Anna Lindqvist", country="SE"))
    erik, created = person_get_or_create(ref=SpeakerRef(name="Erik Lindqvist", country="SE"))
    assert created and anna != erik
    assert person_find(name="Lindqvist") is None  # ambiguous surname: no guess


def test_lone_surname_matches_only_an_unambiguous_person():
    person, _ = person_get_or_create(ref=SpeakerRef(name="Tomasz Wielgosz", country="PL"))
    assert person_find(name="Wielgosz") == person


def test_country_is_filled_in_when_a_later_article_gives_it():
    person, _ = person_get_or_create(ref=SpeakerRef(name="Mirela Vasquez Ortun"))
    assert person.country is None
    again, created = person_get_or_create(ref=SpeakerRef(name="Mirela Vasquez Ortun", country="CL"))
    assert not created and again.country_id == "CL"


def test_sort_name_keeps_particles_with_the_surname():
    assert sort_name_for("Ingrid van der Brink") == "van der Brink, Ingrid"
    assert sort_name_for("Plato") == "Plato"


def test_tenure_from_text_widens_as_articles_show_the_person_in_office():
    person, _ = person_get_or_create(ref=SpeakerRef(name="Ruta Kalnina", country="LV"))
    position = position_get_or_create(title="defence minister", country_code="LV")
    assert position.title == "Defence Minister"
    first = tenure_record_from_text(person=person, position=position, on=DAY)
    later = tenure_record_from_text(person=person, position=position, on=DAY + dt.timedelta(days=30))
    assert first.pk == later.pk
    first.refresh_from_db()
    # Open after the last article: a later source or an analyst ends it.
    assert (first.start, first.end, first.last_seen, first.source) == (
        DAY,
        None,
        DAY + dt.timedelta(days=30),
        Tenure.Source.TEXT,
    )
    assert tenure_held_on(person=person, on=DAY + dt.timedelta(days=10)) == first


def test_former_office_is_recorded_as_ended_before_the_article():
    person, _ = person_get_or_create(ref=SpeakerRef(name="Gordon Lachance", country="CA"))
    position = position_get_or_create(title="Prime Minister", country_code="CA")
    tenure = tenure_record_from_text(person=person, position=position, on=DAY, former=True)
    assert tenure.end < DAY
    assert tenure_held_on(person=person, on=DAY) is None


def test_office_holder_on_a_date():
    person, _ = person_get_or_create(ref=SpeakerRef(name="Aaron Whitcombe", country="CA"))
    position = position_get_or_create(title="Defence Minister", country_code="CA")
    Tenure.objects.create(person=person, position=position, start=dt.date(2025, 5, 1), source=Tenure.Source.ANALYST)
    assert office_holder_on(role="defence minister", country_code="CA", on=DAY) == person
    assert office_holder_on(role="defence minister", country_code="CA", on=dt.date(2024, 1, 1)) is None
    assert office_holder_on(role="defence minister", country_code="FR", on=DAY) is None


def test_absorb_moves_offices_and_names_and_leaves_a_redirect():
    keep, _ = person_get_or_create(ref=SpeakerRef(name="Helena Vasconcelos Brito"))
    dupe = Person.objects.create(name="H. Vasconcelos-Brito", slug="h-vasconcelos-brito", country_id="PT")
    tenure = tenure_record_from_text(
        person=dupe, position=position_get_or_create(title="Finance Minister", country_code="PT"), on=DAY
    )
    person_absorb(source=dupe, target=keep)
    dupe.refresh_from_db()
    keep.refresh_from_db()
    tenure.refresh_from_db()
    assert dupe.merged_into == keep
    assert tenure.person == keep
    assert keep.country_id == "PT"  # filled from the duplicate, which knew it
    assert not dupe.aliases.exists()
    assert person_find(name="H. Vasconcelos-Brito") == keep
    with pytest.raises(ValueError):
        person_absorb(source=keep, target=keep)


def test_country_get_takes_either_case_and_answers_none_for_unknown_or_empty():
    assert country_get(code="pt").code == "PT"
    assert country_get(code="PT").code == "PT"
    assert country_get(code="") is None
    assert country_get(code="QQ") is None


def test_office_named_alone_goes_to_the_last_holder_texts_showed():
    person, _ = person_get_or_create(ref=SpeakerRef(name="Ilse Vaarkamp", country="NL"))
    position = position_get_or_create(title="Finance Minister", country_code="NL")
    tenure_record_from_text(person=person, position=position, on=DAY)
    later = DAY + dt.timedelta(days=20)
    assert office_holder_on(role="finance minister", country_code="NL", on=later) == person
    assert office_holder_on(role="finance minister", country_code="NL", on=DAY + dt.timedelta(days=400)) is None
    successor, _ = person_get_or_create(ref=SpeakerRef(name="Joost Dammers", country="NL"))
    tenure_record_from_text(person=successor, position=position, on=DAY + dt.timedelta(days=10))
    assert office_holder_on(role="finance minister", country_code="NL", on=later) == successor


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Helena Vasconcelos Brito", True),
        ("Ingrid van der Brink", True),
        ("Maria van den Heuvel-Smit", True),
        ("Beata Rutkowska-Lis", True),
        ("Medvedev", True),
        ("Denmark's climate minister", False),
        ("environmental groups", False),
        ("He", False),
        ("NATO", False),
        ("the minister", False),
    ],
)
def test_looks_like_person_name(name, expected):
    from extraction.names import looks_like_person_name

    assert looks_like_person_name(name) is expected


def test_an_articles_speakers_are_looked_up_in_one_query(db, django_assert_num_queries):
    from people.selectors import people_by_alias
    from people.services import SpeakerRef, person_get_or_create
    from tests import factories

    known_person = factories.person("Maren Halvorsen", country_code="NO", aliases=("M. Halvorsen",))
    with django_assert_num_queries(1):
        known = people_by_alias(["Maren Halvorsen", "M. Halvorsen", "Tobias Kessler", ""])
    assert known["maren halvorsen"] == [known_person] and known["tobias kessler"] == []

    with django_assert_num_queries(0):  # found by the very alias looked up: nothing to ask or add
        assert person_get_or_create(ref=SpeakerRef(name="Maren Halvorsen"), known=known) == (known_person, False)
    created, was_new = person_get_or_create(ref=SpeakerRef(name="Tobias Kessler", country="DE"), known=known)
    assert was_new and known["tobias kessler"] == [created]
    with django_assert_num_queries(0):  # the article's next mention of the new person
        assert person_get_or_create(ref=SpeakerRef(name="Tobias Kessler"), known=known) == (created, False)
