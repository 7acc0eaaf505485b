"""Reads about people, offices and countries, with their related rows preloaded."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from rapidfuzz import fuzz

from people.models import Country, Organization, Person, PersonAlias, PersonSlugRedirect, Position, Tenure
from people.normalize import normalize_name

# How long after texts last showed someone in an office we still assume they hold it.
LAST_HOLDER_WINDOW = dt.timedelta(days=180)


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
        .prefetch_related(
            Prefetch("aliases", queryset=PersonAlias.objects.order_by("name")), _tenures_prefetch()
        )
    )


def person_get(*, slug: str) -> Person:
    """A person by slug, following old slugs and merges: the caller redirects when the result's slug differs."""
    person = Person.objects.filter(slug=slug).first()
    if person is None:  # an old address: the slug changed since
        redirect = PersonSlugRedirect.objects.select_related("person").filter(slug=slug).first()
        if redirect is None:
            raise Person.DoesNotExist(f"No person with slug {slug!r}.")
        person = redirect.person
    seen = {person.pk}
    while person.merged_into_id and person.merged_into_id not in seen:
        seen.add(person.merged_into_id)
        person = Person.objects.get(pk=person.merged_into_id)
    return person_queryset().get(pk=person.pk)


def people_matching(value: str) -> list[Person]:
    """People a reader may mean by `value`: an id, a slug, a full name or alias, or words of one.

    Accents and case do not matter ("soren" finds "Søren"), and a first name or surname alone
    finds everyone who has it.

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
        if not key:
            return []
        # The whole name, or any whole word(s) of it: first name, surname, a middle name, any alias.
        matches = Person.objects.filter(
            Q(slug=value)
            | Q(aliases__normalized=key)
            | Q(aliases__normalized__endswith=f" {key}")
            | Q(aliases__normalized__startswith=f"{key} ")
            | Q(aliases__normalized__contains=f" {key} ")
        )
    ids = {merged or pk for pk, merged in matches.values_list("pk", "merged_into")}
    return list(Person.objects.filter(pk__in=ids).select_related("country").order_by("sort_name", "name"))


def person_by_ids(ids) -> dict[int, Person]:
    return {person.pk: person for person in Person.objects.select_related("country").filter(pk__in=ids)}


def country_queryset() -> QuerySet[Country]:
    return Country.objects.all()


def country_list_with_counts() -> QuerySet[Country]:
    """Countries, each with `person_count`: how many people on record come from it."""
    return Country.objects.annotate(person_count=Count("people", distinct=True))


def country_get(*, code: str) -> Country | None:
    """The country with this ISO alpha-2 code (either case), or None when the code is empty or unknown."""
    if not code:
        return None
    return Country.objects.filter(code=code.upper()).first()


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


def countries_with_people() -> QuerySet[Country]:
    """Countries someone on record comes from (for filter menus)."""
    return Country.objects.filter(Exists(Person.objects.filter(country=OuterRef("pk")))).only("code", "name")


# People sharing one exact alias that are worth telling apart by country.
EXACT_MATCHES = 5


def people_by_alias(names) -> dict[str, list[Person]]:
    """People by normalised alias for many names at once: one query for a whole article's speakers.

    Every name's key is in the result (an empty list: nobody has that alias yet), so
    ``person_find(..., known=...)`` can skip its own exact lookup.
    """
    keys = {key for key in map(normalize_name, names) if key}
    found: dict[str, list[Person]] = {key: [] for key in keys}
    if not keys:
        return found
    aliases = (
        PersonAlias.objects.filter(normalized__in=keys, person__merged_into__isnull=True)
        .select_related("person")
        .order_by("person_id")
    )
    for alias in aliases:
        people = found[alias.normalized]
        if len(people) < EXACT_MATCHES and all(p.pk != alias.person_id for p in people):
            people.append(alias.person)
    return found


def _exact_matches(key: str, known: dict[str, list[Person]] | None) -> list[Person]:
    if known is not None and key in known:
        return known[key]
    people = Person.objects.filter(Q(aliases__normalized=key), merged_into__isnull=True).distinct()
    return list(people.order_by("id")[:EXACT_MATCHES])


def person_find(
    *, name: str, country_code: str = "", known: dict[str, list[Person]] | None = None
) -> Person | None:
    """The Person this name denotes, or None. Exact alias first, then fuzzy on the same surname.

    ``known``: exact matches looked up beforehand (``people_by_alias``) for a batch of names.
    """
    key = normalize_name(name)
    if not key:
        return None
    exact = _exact_matches(key, known)
    if exact:
        return _prefer_country(exact, country_code)
    words = key.split()
    # "Vasconcelos Brito" for "Helena Vasconcelos Brito": a compound surname without the first name.
    tails = {
        a.person_id: a.person
        for a in PersonAlias.objects.filter(
            normalized__endswith=" " + key, person__merged_into__isnull=True
        ).select_related("person")[:10]
    }
    if len(words) > 1 and len(tails) == 1:
        return next(iter(tails.values()))
    surname = words[-1]
    candidates = PersonAlias.objects.filter(
        Q(normalized=surname) | Q(normalized__endswith=" " + surname), person__merged_into__isnull=True
    ).select_related("person")[:200]
    threshold = settings.SPEAKER_MATCH_THRESHOLD
    scored: list[tuple[float, Person]] = []
    for alias in candidates:
        other = alias.normalized.split()
        if len(words) == 1 or len(other) == 1:
            # A bare surname matches only when it is the only person with that surname.
            scored.append((100.0 if len(words) == 1 else 0.0, alias.person))
            continue
        # First names must agree closely ("dmitri"/"dmitry"); surnames are already equal.
        score = fuzz.ratio(" ".join(words[:-1]), " ".join(other[:-1]))
        if score >= threshold or (score >= threshold - 15 and fuzz.ratio(key, alias.normalized) >= threshold):
            scored.append((score, alias.person))
    people = {p.pk: p for s, p in scored if s > 0}
    if len(people) == 1:
        return next(iter(people.values()))
    if len(people) > 1 and len(words) > 1:
        best = max(scored, key=lambda sp: sp[0])
        return best[1]
    return None


def _prefer_country(people: list[Person], country_code: str) -> Person:
    if country_code:
        for person in people:
            if person.country_id == country_code.upper():
                return person
    return people[0]


def tenure_held_on(*, person: Person, on: dt.date) -> Tenure | None:
    """The office this person held on this date (the most specific, latest-starting one)."""
    return (
        Tenure.objects.filter(person=person)
        .filter(Q(start__isnull=True) | Q(start__lte=on), Q(end__isnull=True) | Q(end__gte=on))
        .select_related("position")
        .order_by("-start")
        .first()
    )


def tenures_held_on(pairs) -> dict[tuple[int, dt.date], Tenure | None]:
    """``tenure_held_on`` for many (person id, date) pairs at once: one query for all of them."""
    pairs = set(pairs)
    by_person: dict[int, list[Tenure]] = {}
    for tenure in Tenure.objects.filter(person_id__in={person for person, _ in pairs}):
        by_person.setdefault(tenure.person_id, []).append(tenure)
    held = {}
    for person, on in pairs:
        covering = [
            t
            for t in by_person.get(person, [])
            if (t.start is None or t.start <= on) and (t.end is None or t.end >= on)
        ]
        # Latest start first, an unknown start before any known one (PostgreSQL's DESC puts NULLs first).
        covering.sort(key=lambda t: (t.start is None, t.start or dt.date.min, t.pk), reverse=True)
        held[(person, on)] = covering[0] if covering else None
    return held


def office_holder_on(*, role: str, country_code: str, on: dt.date) -> Person | None:
    """Who held the office named by ``role`` in ``country_code`` on ``on``: "the French foreign minister".

    A verified (analyst's or imported) tenure covering the date decides. Failing that, tenures
    found in text that cover the date (they stay open after the last article) and whose holder
    texts showed in office within ``LAST_HOLDER_WINDOW`` before it: the one who took the office
    last wins, since nobody recorded the predecessor leaving.
    """
    if not role or not country_code:
        return None
    tenures = Tenure.objects.filter(
        position__normalized=normalize_name(role), position__country_id=country_code.upper()
    ).select_related("person")
    covering = list(tenures_covering(tenures, on))
    verified = {t.person_id: t.person for t in covering if t.source != Tenure.Source.TEXT}
    if verified:
        return next(iter(verified.values())) if len(verified) == 1 else None
    recent = [
        t for t in covering if t.start is not None and (t.last_seen or t.start) >= on - LAST_HOLDER_WINDOW
    ]
    if not recent:
        return None
    latest_start = max(t.start for t in recent)
    holders = {t.person_id: t.person for t in recent if t.start == latest_start}
    return next(iter(holders.values())) if len(holders) == 1 else None


def person_other_names(person: Person) -> list[str]:
    """The person's other spellings for "Also written": one per spelling, without the name itself.

    Reads the prefetched aliases (no query).
    """
    seen = {normalize_name(person.name)}
    names = []
    for alias in person.aliases.all():
        key = normalize_name(alias.name)
        if key and key not in seen:
            seen.add(key)
            names.append(alias.name)
    return names
