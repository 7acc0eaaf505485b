"""Popolo output: valid against the Popolo schemas, honest about how each tenure was found, round-trips."""

import datetime as dt
import json
from pathlib import Path

import pytest
from jsonschema import Draft3Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT3

from people.models import Organization, Person, PersonAlias, Position, Tenure
from people.popolo import popolo_import
from statements.models import TenureEvidence
from tests import factories as f

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).resolve().parents[1] / "popolo_schemas"
URL = "/api/v1/export/popolo/"
KINDS = {
    "persons": "person",
    "organizations": "organization",
    "posts": "post",
    "memberships": "membership",
    "areas": "area",
}


def _registry() -> tuple[Registry, dict]:
    schemas = {path.stem: json.loads(path.read_text()) for path in SCHEMAS.glob("*.json")}
    registry = Registry().with_resources(
        (schema["id"].rstrip("#"), DRAFT3.create_resource(schema)) for schema in schemas.values()
    )
    registry = registry.with_resources(
        (schema["id"], DRAFT3.create_resource(schema)) for schema in schemas.values()
    )
    return registry, schemas


@pytest.fixture
def popolo_record(record):
    # A tenure read from an article, with an unknown end, and one with month precision.
    helena = f.person("Helena Ørsted-Brito", country_code="DE", aliases=("Helena Brito",))
    minister = f.position(
        "Minister of Energy", country_code="DE", org=f.organization("Ministry of Energy", country_code="DE")
    )
    tenure = Tenure.objects.create(
        person=helena,
        position=minister,
        start=dt.date(2024, 5, 1),
        start_precision="month",
        source=Tenure.Source.TEXT,
    )
    TenureEvidence.objects.create(tenure=tenure, article=record["story"], seen_on=dt.date(2025, 3, 4))
    return record


def test_every_item_validates_against_the_popolo_schemas(api, popolo_record):
    data = api.get(URL).json()
    registry, schemas = _registry()
    for key, kind in KINDS.items():
        assert data[key], key
        validator = Draft3Validator(schemas[kind], registry=registry, format_checker=FormatChecker())
        for item in data[key]:
            errors = list(validator.iter_errors(item))
            assert not errors, (kind, item, [e.message for e in errors])
            # Nothing outside the spec's vocabulary.
            assert set(item) <= set(schemas[kind]["properties"]), (
                kind,
                set(item) - set(schemas[kind]["properties"]),
            )


def test_validator_is_not_a_rubber_stamp():
    registry, schemas = _registry()
    validator = Draft3Validator(schemas["membership"], registry=registry, format_checker=FormatChecker())
    assert list(validator.iter_errors({"start_date": "5 May 2024"}))
    assert list(validator.iter_errors({"sources": [{"note": "no url"}]}))
    assert list(
        Draft3Validator(schemas["person"], registry=registry).iter_errors({"id": "x"})
    )  # name required


def test_memberships_say_how_they_were_found_with_dates_in_their_precision(api, popolo_record):
    data = api.get(URL).json()
    by_person = {p["id"]: p for p in data["persons"]}
    helena = next(
        m for m in data["memberships"] if by_person[m["person_id"]]["name"] == "Helena Ørsted-Brito"
    )
    assert helena["start_date"] == "2024-05" and "end_date" not in helena
    notes = [source["note"] for source in helena["sources"]]
    assert notes[0] == "Found in article text (unverified)"
    assert any(source["url"] == popolo_record["story"].url for source in helena["sources"])
    assert helena["sources"][0]["url"].endswith(f"/api/v1/tenures/{helena['id'].split('/')[1]}/")
    amelie = next(m for m in data["memberships"] if by_person[m["person_id"]]["name"] == "Amélie Durocher")
    assert (
        amelie["start_date"] == "2023-05-01"
        and amelie["sources"][0]["note"] == "Entered or verified by an analyst"
    )
    jonas = next(m for m in data["memberships"] if by_person[m["person_id"]]["name"] == "Jonas Brenneke")
    assert jonas["end_date"] == "2024-06-30"


def _people_and_tenures() -> set:
    return {
        (
            t.person.name,
            t.person.country_id,
            tuple(sorted(PersonAlias.objects.filter(person=t.person).values_list("name", flat=True))),
            t.position.title,
            t.position.country_id,
            t.position.organization.name if t.position.organization else None,
            t.start,
            t.start_precision,
            t.end,
            t.end_precision,
            t.source,
        )
        for t in Tenure.objects.select_related("person", "position__organization")
    }


def test_round_trip_people_and_tenures(api, popolo_record):
    data = api.get(URL).json()
    before = _people_and_tenures()
    Tenure.objects.all().delete()
    Person.objects.all().delete()
    Position.objects.all().delete()
    Organization.objects.all().delete()
    counts = popolo_import(data=data)
    assert counts["memberships"] == len(data["memberships"]) == len(before)
    assert _people_and_tenures() == before
    # Importing the same document again adds nothing.
    assert popolo_import(data=data)["memberships"] == 0


def test_popolo_is_strict_and_in_the_schema(api, popolo_record):
    assert api.get(URL, {"bogus": 1}).status_code == 400
    schema = api.get("/api/schema/", {"format": "json"}).json()
    assert "/api/v1/export/popolo/" in schema["paths"]
    assert "/api/v1/export/statements/" in schema["paths"]


def test_popolo_query_count_is_fixed(api, popolo_record, django_assert_max_num_queries):
    for i in range(10):
        who = f.person(f"Extra Person {i}", country_code="IT")
        f.tenure(who, f.position(f"Office {i}", country_code="IT"), dt.date(2020, 1, 1))
    with django_assert_max_num_queries(8):
        assert api.get(URL).status_code == 200
