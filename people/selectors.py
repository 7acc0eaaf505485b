"""Reads about people, offices and countries, with their related rows preloaded."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from common import record_version
from people.models import Country, Organization, Person, PersonAlias, Position, Tenure
from people.normalize import normalize_name

REJECTED = "rejected"


def _tenures_prefetch() -> Prefetch:
    return Prefetch(
        "tenures",
        queryset=Tenure.objects.select_related("position__organization", "position__country").order_by(
            "-start", "-id"
        ),
    )


def person_queryset() -> QuerySet[Person]:
    """People still on record (merged records are left out), with aliases and offices preloaded."""
    return (
        Person.objects.filter(merged_into__isnull=True)
        .select_related("country")
        .prefetch_related(Prefetch("aliases", queryset=PersonAlias.objects.order_by("name")), _tenures_prefetch())
    )


def person_statement_counts(person_ids) -> dict[int, int]:
    """Public statements per person, for a page of people: one query on the (speaker, said_on) index.

    Counting for a page rather than annotating the whole people table keeps lists fast when
    people have said hundreds of thousands of things between them.
    """
    from statements.models import Statement

    return dict(
        Statement.objects.filter(speaker_id__in=list(person_ids))
        .exclude(review_status=REJECTED)
        .values_list("speaker_id")
        .annotate(n=Count("id"))
        .order_by()
    )


def with_statement_counts(people) -> list[Person]:
    """The given people as a list, each with `statement_count` set (one query)."""
    people = list(people)
    counts = person_statement_counts(person.pk for person in people)
    for person in people:
        person.statement_count = counts.get(person.pk, 0)
    return people


def person_get(*, slug: str) -> Person:
    """A person by slug, following merges: the caller redirects when the result's slug differs."""
    person = Person.objects.select_related("merged_into").get(slug=slug)
    seen = {person.pk}
    while person.merged_into_id and person.merged_into_id not in seen:
        seen.add(person.merged_into_id)
        person = Person.objects.get(pk=person.merged_into_id)
    return person_queryset().get(pk=person.pk)


def people_matching(value: str) -> list[Person]:
    """People a reader may mean by `value`: an id, a slug, a full name or alias, or a surname.

    Merged records resolve to the record they were merged into.
    """
    from common.ids import is_id

    value = value.strip()
    if not value:
        return []
    if is_id(value):
        matches = Person.objects.filter(pk=int(value))
    else:
        key = normalize_name(value)
        matches = Person.objects.filter(
            Q(slug=value) | Q(aliases__normalized=key) | Q(aliases__normalized__endswith=f" {key}")
        )
    ids = {merged or pk for pk, merged in matches.values_list("pk", "merged_into")}
    return list(Person.objects.filter(pk__in=ids).select_related("country").order_by("sort_name", "name"))


def person_by_ids(ids) -> dict[int, Person]:
    return {person.pk: person for person in Person.objects.select_related("country").filter(pk__in=ids)}


def country_queryset() -> QuerySet[Country]:
    return Country.objects.all()


def country_list_with_counts() -> QuerySet[Country]:
    return Country.objects.annotate(person_count=Count("people", distinct=True))


def country_get(*, code: str) -> Country:
    return Country.objects.get(code=code.upper())


# Counting a whole country's statements reads them all: the counts are cached for the current
# record version (any write makes them stale at once), at most this long.
COUNTRY_COUNTS_SECONDS = 600


def people_of_country(*, country: Country, limit: int = 100) -> list[Person]:
    """People from a country with their statement counts, most quoted first (counts cached)."""
    people = list(Person.objects.filter(country=country, merged_into__isnull=True))
    counts = record_version.cached(
        f"onrecord:country:{country.code}:person-counts",
        lambda: person_statement_counts(person.pk for person in people),
        COUNTRY_COUNTS_SECONDS,
    )
    for person in people:
        person.statement_count = counts.get(person.pk, 0)
    people.sort(key=lambda person: (-person.statement_count, person.sort_name, person.name))
    return people[:limit]


def organization_queryset() -> QuerySet[Organization]:
    return Organization.objects.select_related("country")


def position_queryset() -> QuerySet[Position]:
    return Position.objects.select_related("organization__country", "country")


def tenure_queryset() -> QuerySet[Tenure]:
    return Tenure.objects.select_related(
        "person__country", "position__organization__country", "position__country"
    )


def tenures_covering(qs: QuerySet[Tenure], day: dt.date) -> QuerySet[Tenure]:
    """Tenures in force on a day; an unknown start or end counts as open on that side."""
    return qs.filter(Q(start__isnull=True) | Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day))


def position_holders(*, position: Position, at: dt.date | None = None) -> QuerySet[Tenure]:
    """Who held an office (on a given day, or ever when no day is given)."""
    qs = tenure_queryset().filter(position=position)
    if at is not None:
        qs = tenures_covering(qs, at)
    return qs.order_by("-start", "-id")


def current_tenures(person: Person, today: dt.date | None = None) -> list[Tenure]:
    """From prefetched tenures: no query."""
    today = today or dt.date.today()
    return [tenure for tenure in person.tenures.all() if tenure.covers(today)]


def past_tenures(person: Person, today: dt.date | None = None) -> list[Tenure]:
    today = today or dt.date.today()
    return [tenure for tenure in person.tenures.all() if tenure.end is not None and tenure.end < today]


def countries_with_people() -> QuerySet[Country]:
    """Countries someone on record comes from (for filter menus)."""
    return Country.objects.filter(Exists(Person.objects.filter(country=OuterRef("pk")))).only("code", "name")


def people_with_statements() -> QuerySet[Person]:
    """People who said something on record (for pickers), by sort name."""
    from statements.models import Statement

    return (
        Person.objects.filter(merged_into__isnull=True)
        .filter(Exists(Statement.objects.filter(speaker=OuterRef("pk"))))
        .only("slug", "name", "sort_name")
        .order_by("sort_name", "name")
    )
