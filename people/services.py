"""Writes for people: find-or-create persons from a mention, organisations, offices and tenures, merging.

Speaker resolution is the heart of it. A mention from an article ("Dmitri Medvedev", role
"former President", country "RU") becomes one Person row across every article that names them:
exact alias match first, then a fuzzy match on aliases sharing the surname, with a threshold
high enough that two different people with one surname are never merged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify
from rapidfuzz import fuzz

from .models import Country, DatePrecision, Organization, Person, PersonAlias, Position, Tenure
from .normalize import normalize_name

# How long after texts last showed someone in an office we still assume they hold it.
LAST_HOLDER_WINDOW = dt.timedelta(days=180)

# Name particles kept lower case in sort names ("van der Leyen" sorts under L).
_PARTICLES = {"van", "von", "der", "de", "da", "di", "del", "la", "le", "bin", "al"}


def looks_like_person_name(name: str) -> bool:
    """'Helena Vasconcelos Brito' yes; "Denmark's climate minister", 'officials', 'He' no.

    Every word capitalised (name particles and hyphenated parts allowed), no possessive, 1-6 words.
    Guards the people table against descriptions an extractor could not resolve to a name.
    """
    words = name.split()
    if not 1 <= len(words) <= 6 or "'s" in name or "’s" in name:
        return False
    for word in words:
        if word.lower() in _PARTICLES:
            continue
        if not word[:1].isupper() or (len(word) > 1 and word.isupper() and len(words) == 1):
            return False
    return not (len(words) == 1 and words[0].lower() in _PRONOUNS)


_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who"}


@dataclass(frozen=True)
class SpeakerRef:
    """What the extractor says about a speaker, independent of the extraction library's types."""

    name: str
    type: str = "person"
    role: str = ""
    role_is_former: bool = False
    country: str = ""
    organization: str = ""


def _create_with_unique_slug(model, *, slug_base: str, lookup: dict, **fields):
    """Create a row with a free slug; when a concurrent writer wins, return theirs or take the next slug.

    Two workers can pick the same free slug for different rows at once: the loser retries with a
    new slug; when the loser's row itself now exists (same natural key), it returns that one.
    """
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return model.objects.create(slug=_unique_slug(model, slug_base), **fields)
        except IntegrityError:
            existing = model.objects.filter(**lookup).first()
            if existing is not None:
                return existing
    raise IntegrityError(f"Could not find a free slug for {model.__name__} {slug_base!r}")


def _unique_slug(model, base: str, field: str = "slug") -> str:
    base = (slugify(base) or "item")[:200]
    slug, n = base, 2
    while model.objects.filter(**{field: slug}).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def sort_name_for(name: str) -> str:
    parts = name.split()
    if len(parts) < 2:
        return name
    surname_start = len(parts) - 1
    while surname_start > 1 and parts[surname_start - 1].lower() in _PARTICLES:
        surname_start -= 1
    return " ".join(parts[surname_start:]) + ", " + " ".join(parts[:surname_start])


def country_get(code: str) -> Country | None:
    if not code:
        return None
    return Country.objects.filter(code=code.upper()).first()


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


def person_find(*, name: str, country_code: str = "", known: dict[str, list[Person]] | None = None) -> Person | None:
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
        for a in PersonAlias.objects.filter(normalized__endswith=" " + key, person__merged_into__isnull=True)
        .select_related("person")[:10]
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


def person_alias_add(*, person: Person, name: str) -> None:
    if not normalize_name(name):
        return
    try:
        with transaction.atomic():
            PersonAlias.objects.get_or_create(person=person, normalized=normalize_name(name), defaults={"name": name})
    except IntegrityError:  # a concurrent writer added the same alias
        pass


def person_create(*, name: str, country_code: str = "", description: str = "") -> Person:
    # lookup by id never matches: two people with one name are two rows, each with its own slug
    person = _create_with_unique_slug(
        Person,
        slug_base=name,
        lookup={"pk": None},
        name=name,
        sort_name=sort_name_for(name),
        country=country_get(country_code),
        description=description[:300],
    )
    person_alias_add(person=person, name=name)
    return person


def person_get_or_create(*, ref: SpeakerRef, known: dict[str, list[Person]] | None = None) -> tuple[Person, bool]:
    """The person ``ref`` names, found (and given this spelling as an alias) or created.

    ``known``: exact alias matches looked up beforehand for the article's names; a person
    created here is added to it, so the article's later mentions find them without a query.
    """
    key = normalize_name(ref.name)
    person = person_find(name=ref.name, country_code=ref.country, known=known)
    created = False
    if person is None:
        person = person_create(name=ref.name, country_code=ref.country)
        created = True
        if known is not None and key:
            known[key] = [person]
    else:
        # Found by this very alias: nothing to add. Otherwise a new spelling of a known person.
        if known is None or all(p.pk != person.pk for p in known.get(key, [])):
            person_alias_add(person=person, name=ref.name)
            if known is not None and key:
                known.setdefault(key, []).append(person)
        if person.country_id is None and ref.country:
            country = country_get(ref.country)
            if country:
                person.country = country
                person.save(update_fields=["country", "updated_at"])
    return person, created


def organization_get_or_create(*, name: str, country_code: str = "", kind: str = "") -> Organization:
    country = country_get(country_code)
    key = normalize_name(name)
    existing = Organization.objects.filter(normalized=key).order_by("id")
    if country:
        existing = existing.filter(Q(country=country) | Q(country__isnull=True))
    org = existing.first()
    if org:
        return org
    return _create_with_unique_slug(
        Organization,
        slug_base=f"{name} {country.code if country else ''}",
        lookup={"normalized": key, "country": country},
        name=name,
        kind=kind or Organization.Kind.OTHER,
        country=country,
    )


def position_get_or_create(*, title: str, country_code: str = "", organization: Organization | None = None) -> Position:
    country = country_get(country_code)
    title = _title_case_role(title)
    key = normalize_name(title)
    position = Position.objects.filter(normalized=key, country=country, organization=organization).first()
    if position:
        return position
    return _create_with_unique_slug(
        Position,
        slug_base=f"{title} {country.code if country else ''}",
        lookup={"normalized": key, "country": country, "organization": organization},
        title=title,
        country=country,
        organization=organization,
    )


def _title_case_role(role: str) -> str:
    small = {"of", "the", "for", "and", "on", "in"}
    words = role.split()
    return " ".join(w if (w.isupper() or (i and w.lower() in small)) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def tenure_record_from_text(
    *, person: Person, position: Position, on: dt.date, former: bool = False, article=None
) -> Tenure | None:
    """Record what an article says about an office: held on ``on``, or (former) held before it.

    Tenures read from text span the dates texts have shown the person in office; each new
    article widens the span. They stay marked as found in text until an analyst verifies them.
    """
    if former:
        if Tenure.objects.filter(person=person, position=position).exists():
            return None
        return Tenure.objects.create(
            person=person,
            position=position,
            start=None,
            end=on - dt.timedelta(days=1),
            end_precision=DatePrecision.YEAR,
            source=Tenure.Source.TEXT,
            source_article=article,
        )
    tenures = list(Tenure.objects.filter(person=person, position=position).order_by("start"))
    for tenure in tenures:
        if tenure.covers(on):
            return tenure
    text_tenures = [t for t in tenures if t.source == Tenure.Source.TEXT and t.start is not None]
    if text_tenures:
        # Widen the nearest text-derived tenure to include this date.
        tenure = min(text_tenures, key=lambda t: min(abs((t.start - on).days), abs(((t.end or on) - on).days)))
        tenure.start = min(tenure.start, on)
        tenure.end = max(tenure.end or on, on)
        tenure.save(update_fields=["start", "end", "updated_at"])
        return tenure
    if any(t.source != Tenure.Source.TEXT for t in tenures):
        return None  # an analyst's or imported record says otherwise: do not contradict it
    return Tenure.objects.create(
        person=person, position=position, start=on, end=on, source=Tenure.Source.TEXT, source_article=article
    )


def tenure_held_on(*, person: Person, on: dt.date) -> Tenure | None:
    """The office this person held on this date (the most specific, latest-starting one)."""
    return (
        Tenure.objects.filter(person=person)
        .filter(Q(start__isnull=True) | Q(start__lte=on), Q(end__isnull=True) | Q(end__gte=on))
        .select_related("position")
        .order_by("-start")
        .first()
    )


def office_holder_on(*, role: str, country_code: str, on: dt.date) -> Person | None:
    """Who held the office named by ``role`` in ``country_code`` on ``on``: "the French foreign minister".

    A tenure covering the date decides. Failing that, the last person texts showed in the office
    within ``LAST_HOLDER_WINDOW`` before the date, provided nobody else was shown in it since.
    """
    if not role or not country_code:
        return None
    tenures = Tenure.objects.filter(
        position__normalized=normalize_name(role), position__country_id=country_code.upper()
    ).select_related("person")
    covering = {
        t.person_id: t.person
        for t in tenures.filter(Q(start__isnull=True) | Q(start__lte=on), Q(end__isnull=True) | Q(end__gte=on))
    }
    if covering:
        return next(iter(covering.values())) if len(covering) == 1 else None
    recent = list(
        tenures.filter(end__lt=on, end__gte=on - LAST_HOLDER_WINDOW, source=Tenure.Source.TEXT).order_by("-end")[:1]
    )
    if recent and not tenures.filter(start__gt=recent[0].end, start__lte=on).exclude(person=recent[0].person).exists():
        return recent[0].person
    return None


@transaction.atomic
def person_merge(*, source: Person, target: Person) -> Person:
    """Move everything from ``source`` to ``target`` and keep ``source`` as a redirecting alias."""
    if source.pk == target.pk:
        raise ValueError("Cannot merge a person into themselves.")
    from statements.models import Statement

    Statement.objects.filter(speaker=source).update(speaker=target)
    for statement in Statement.objects.filter(targets=source):
        statement.targets.remove(source)
        statement.targets.add(target)
    Tenure.objects.filter(person=source).update(person=target)
    for alias in list(source.aliases.all()):
        person_alias_add(person=target, name=alias.name)
    person_alias_add(person=target, name=source.name)
    source.aliases.all().delete()
    if target.country_id is None and source.country_id:
        target.country_id = source.country_id
    if not target.description and source.description:
        target.description = source.description
    target.save()
    source.merged_into = target
    source.save(update_fields=["merged_into", "updated_at"])
    Person.objects.filter(merged_into=source).update(merged_into=target)
    return target
