"""People and offices in the Popolo open data format (https://www.popoloproject.com/specs/).

Persons, organizations, posts (offices), memberships (tenures) and areas (countries), as one
JSON document. Dates carry their precision the Popolo way ("2023", "2023-05", "2023-05-01").
Each membership's `sources` say how it was found: the first is the tenure record itself with a
note naming the basis ("Found in article text (unverified)", "Entered or verified by an
analyst", ...); the caller may add the articles it was seen in.

`popolo_export` reads; `popolo_import` writes the same document back (a new record, or rows
missing from this one), so the format round-trips.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.db import transaction
from django.db.models import Prefetch

from people import services
from people.models import Country, DatePrecision, Organization, Person, PersonAlias, Position, Tenure

SLUG_SCHEME = "onrecord-slug"
WIKIDATA_SCHEME = "wikidata"
ISO_SCHEME = "iso3166-1-alpha-2"
# Source notes name the basis of a tenure: the Tenure.Source labels, read back on import.
BASIS_NOTES = dict(Tenure.Source.choices)
NOTE_BASIS = {label: value for value, label in Tenure.Source.choices}

# Given every exported tenure, the further sources of each (by tenure id), read in one go.
SourcesFor = Callable[[list[Tenure]], dict[int, list[dict]]]


def popolo_date(day: dt.date | None, precision: str) -> str | None:
    if day is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{day:%Y}"
    if precision == DatePrecision.MONTH:
        return f"{day:%Y-%m}"
    return day.isoformat()


def parse_popolo_date(value: str | None) -> tuple[dt.date | None, str]:
    """'2023' -> (2023-01-01, year); '2023-05' -> (2023-05-01, month); '2023-05-07' -> (…, day)."""
    if not value:
        return None, DatePrecision.DAY
    parts = value[:10].split("-")
    if len(parts) == 1:
        return dt.date(int(parts[0]), 1, 1), DatePrecision.YEAR
    if len(parts) == 2:
        return dt.date(int(parts[0]), int(parts[1]), 1), DatePrecision.MONTH
    return dt.date.fromisoformat(value[:10]), DatePrecision.DAY


def _person(person: Person) -> dict:
    item = {
        "id": f"person/{person.pk}",
        "name": person.name,
        "sort_name": person.sort_name or person.name,
        "other_names": [{"name": alias.name} for alias in person.aliases.all() if alias.name != person.name],
        "identifiers": [{"scheme": SLUG_SCHEME, "identifier": person.slug}],
    }
    if person.wikidata_id:
        item["identifiers"].append({"scheme": WIKIDATA_SCHEME, "identifier": person.wikidata_id})
    if person.description:
        item["summary"] = person.description
    if person.country_id:
        item["national_identity"] = person.country.name
    return item


def _organization(organization: Organization) -> dict:
    item = {
        "id": f"organization/{organization.pk}",
        "name": organization.name,
        "classification": organization.kind,
        "identifiers": [{"scheme": SLUG_SCHEME, "identifier": organization.slug}],
    }
    if organization.country_id:
        item["area_id"] = f"country/{organization.country_id}"
    return item


def _post(position: Position) -> dict:
    item = {
        "id": f"post/{position.pk}",
        "label": position.title,
        "role": position.title,
        "organization_id": f"organization/{position.organization_id}" if position.organization_id else None,
    }
    if position.country_id:
        item["area_id"] = f"country/{position.country_id}"
    return item


def _membership(tenure: Tenure, tenure_url: str, more_sources: list[dict]) -> dict:
    position = tenure.position
    item = {
        "id": f"membership/{tenure.pk}",
        "person_id": f"person/{tenure.person_id}",
        "post_id": f"post/{tenure.position_id}",
        "organization_id": f"organization/{position.organization_id}" if position.organization_id else None,
        "role": position.title,
        "start_date": popolo_date(tenure.start, tenure.start_precision),
        "end_date": popolo_date(tenure.end, tenure.end_precision),
        "sources": [{"url": tenure_url, "note": BASIS_NOTES[tenure.source]}],
    }
    if position.country_id:
        item["area_id"] = f"country/{position.country_id}"
    item["sources"].extend(more_sources)
    return {key: value for key, value in item.items() if value is not None}


def popolo_export(*, tenure_url: Callable[[Tenure], str], sources_for: SourcesFor | None = None) -> dict:
    """Everyone on record (merged records left out) with their offices: a fixed number of queries."""
    people = list(
        Person.objects.filter(merged_into__isnull=True)
        .select_related("country")
        .prefetch_related(Prefetch("aliases", queryset=PersonAlias.objects.order_by("name")))
        .order_by("pk")
    )
    tenures = list(
        Tenure.objects.filter(person__merged_into__isnull=True)
        .select_related("position__organization", "position__country")
        .order_by("pk")
    )
    more_sources = sources_for(tenures) if sources_for is not None else {}
    positions = {tenure.position_id: tenure.position for tenure in tenures}
    organizations = Organization.objects.filter(positions__in=list(positions)).distinct().order_by("pk")
    country_codes = {p.country_id for p in people} | {p.country_id for p in positions.values()}
    country_codes |= {o.country_id for o in organizations}
    countries = Country.objects.filter(code__in=[code for code in country_codes if code]).order_by("code")
    return {
        "persons": [_person(person) for person in people],
        "organizations": [_organization(organization) for organization in organizations],
        "posts": [_post(position) for position in sorted(positions.values(), key=lambda p: p.pk)],
        "memberships": [
            _membership(tenure, tenure_url(tenure), more_sources.get(tenure.pk, [])) for tenure in tenures
        ],
        "areas": [
            {
                "id": f"country/{country.code}",
                "name": country.name,
                "classification": "country",
                "identifiers": [{"scheme": ISO_SCHEME, "identifier": country.code}],
            }
            for country in countries
        ],
    }


def _country_of(area_id: str | None) -> str:
    return area_id.split("/", 1)[1] if area_id and area_id.startswith("country/") else ""


@transaction.atomic
def popolo_import(*, data: dict) -> dict[str, int]:
    """Create the persons, organisations, posts and memberships of a Popolo document.

    Persons are matched by their onrecord slug (then by name), organisations and posts by name
    within their country: importing a document twice adds nothing the second time.
    """
    countries = {country.name: country.code for country in Country.objects.all()}
    people = {item["id"]: _import_person(item, countries) for item in data.get("persons", [])}
    organizations = {
        item["id"]: services.organization_get_or_create(
            name=item["name"],
            country_code=_country_of(item.get("area_id")),
            kind=item.get("classification", ""),
        )
        for item in data.get("organizations", [])
    }
    posts = {
        item["id"]: services.position_get_or_create(
            title=item["label"],
            country_code=_country_of(item.get("area_id")),
            organization=organizations.get(item.get("organization_id")),
        )
        for item in data.get("posts", [])
    }
    created = 0
    for item in data.get("memberships", []):
        created += _import_membership(item, people, posts)
    return {
        "persons": len(people),
        "organizations": len(organizations),
        "posts": len(posts),
        "memberships": created,
    }


def _import_person(item: dict, countries: dict[str, str]) -> Person:
    slug = next((i["identifier"] for i in item.get("identifiers", []) if i["scheme"] == SLUG_SCHEME), "")
    person = Person.objects.filter(slug=slug).first() if slug else None
    if person is None:
        person = services.person_create(
            name=item["name"],
            country_code=countries.get(item.get("national_identity", ""), ""),
            description=item.get("summary", ""),
        )
        if slug and person.slug != slug:  # keep the document's address for the person
            person.slug = slug
            person.save(update_fields=["slug"])
    for other in item.get("other_names", []):
        services.person_alias_add(person=person, name=other["name"])
    wikidata = next(
        (i["identifier"] for i in item.get("identifiers", []) if i["scheme"] == WIKIDATA_SCHEME), ""
    )
    if wikidata and not person.wikidata_id:
        person.wikidata_id = wikidata
        person.save(update_fields=["wikidata_id"])
    return person


def _import_membership(item: dict, people: dict[str, Person], posts: dict[str, Position]) -> int:
    person, position = people.get(item["person_id"]), posts.get(item.get("post_id"))
    if person is None or position is None:
        raise ValueError(f"Membership {item.get('id')} names a person or post not in the document.")
    start, start_precision = parse_popolo_date(item.get("start_date"))
    end, end_precision = parse_popolo_date(item.get("end_date"))
    notes = [source.get("note", "") for source in item.get("sources", [])]
    basis = next((NOTE_BASIS[note] for note in notes if note in NOTE_BASIS), Tenure.Source.IMPORT)
    _, created = Tenure.objects.get_or_create(
        person=person,
        position=position,
        start=start,
        end=end,
        defaults={"start_precision": start_precision, "end_precision": end_precision, "source": basis},
    )
    return int(created)
