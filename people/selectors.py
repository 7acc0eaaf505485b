"""Reads about people, offices and countries, with their related rows preloaded."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from people.models import Country, Organization, Person, PersonAlias, Position, Tenure

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


def person_list_with_counts() -> QuerySet[Person]:
    return person_queryset().annotate(
        statement_count=Count("statements", filter=~Q(statements__review_status=REJECTED))
    )


def person_get(*, slug: str) -> Person:
    """A person by slug, following merges: the caller redirects when the result's slug differs."""
    person = Person.objects.select_related("merged_into").get(slug=slug)
    seen = {person.pk}
    while person.merged_into_id and person.merged_into_id not in seen:
        seen.add(person.merged_into_id)
        person = Person.objects.get(pk=person.merged_into_id)
    return person_queryset().get(pk=person.pk)


def person_by_ids(ids) -> dict[int, Person]:
    return {person.pk: person for person in Person.objects.select_related("country").filter(pk__in=ids)}


def country_queryset() -> QuerySet[Country]:
    return Country.objects.all()


def country_list_with_counts() -> QuerySet[Country]:
    return Country.objects.annotate(person_count=Count("people", distinct=True))


def country_get(*, code: str) -> Country:
    return Country.objects.get(code=code.upper())


def people_of_country(*, country: Country) -> QuerySet[Person]:
    return person_list_with_counts().filter(country=country).order_by("-statement_count", "sort_name", "name")


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
