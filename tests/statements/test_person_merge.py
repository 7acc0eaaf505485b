"""Merging two records of one person: statements by and about them, offices and names all move."""

import datetime as dt

import pytest

from people.models import Person
from statements.models import TenureEvidence
from statements.services.person_merge import person_merge
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_merge_moves_statements_by_and_about_offices_and_names_and_leaves_a_redirect():
    keep = f.person("Helena Vasconcelos Brito", country_code="PT")
    dupe = f.person("H. Vasconcelos-Brito", country_code="", description="Finance minister.")
    critic = f.person("Tomasz Wierzbicki", country_code="PL")
    said = f.statement(dupe, "The budget will balance by next spring.")
    about_dupe = f.statement(critic, "Her numbers do not add up.")
    about_dupe.targets.add(dupe)
    about_both = f.statement(critic, "Both of them promised the same thing.")
    about_both.targets.add(dupe, keep)
    office = f.tenure(dupe, f.position("Minister of Finance", country_code="PT"), dt.date(2024, 1, 1))
    TenureEvidence.objects.create(tenure=office, article=said.citations.get().article, seen_on=dt.date(2024, 2, 1))
    earlier_redirect = f.person("Helena V. Brito", country_code="PT", merged_into=dupe)

    assert person_merge(source=dupe, target=keep) == keep

    said.refresh_from_db()
    office.refresh_from_db()
    dupe.refresh_from_db()
    keep.refresh_from_db()
    earlier_redirect.refresh_from_db()
    assert said.speaker == keep
    assert list(about_dupe.targets.all()) == [keep]
    assert list(about_both.targets.all()) == [keep]
    assert office.person == keep and office.evidence.count() == 1
    assert dupe.merged_into == keep and earlier_redirect.merged_into == keep
    assert keep.description == "Finance minister."
    assert set(keep.aliases.values_list("name", flat=True)) >= {"Helena Vasconcelos Brito", "H. Vasconcelos-Brito"}
    assert not dupe.aliases.exists()


def test_a_person_cannot_be_merged_into_themselves():
    keep = f.person("Helena Vasconcelos Brito", country_code="PT")
    with pytest.raises(ValueError):
        person_merge(source=keep, target=keep)
    assert Person.objects.get(pk=keep.pk).merged_into is None
