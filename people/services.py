"""Writes for people: find-or-create persons from a mention, organisations, offices and tenures, merging.

Speaker resolution is the heart of it. A mention from an article ("Dmitri Medvedev", role
"former President", country "RU") becomes one Person row across every article that names them:
exact alias match first, then a fuzzy match on aliases sharing the surname, with a threshold
high enough that two different people with one surname are never merged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q

from extraction.names import PARTICLES

from .models import (
    Country,
    DatePrecision,
    Organization,
    Person,
    PersonAlias,
    PersonSlugRedirect,
    Position,
    Tenure,
)
from .normalize import clean_display_name, normalize_name, slug_for
from .selectors import country_get, person_find

# Rows read once per block of ``lookups_cached``: None outside one (every call queries).
_lookups: ContextVar[dict | None] = ContextVar("people_lookups", default=None)


@contextmanager
def lookups_cached() -> Iterator[None]:
    """Within the block, each country, organisation, office and person's tenures of an office is read once.

    For one article's speakers, inside its transaction: rows this block creates or changes are
    the cached ones themselves, so later lookups see them.
    """
    token = _lookups.set({})
    try:
        yield
    finally:
        _lookups.reset(token)


def _cached(kind: str, key, compute: Callable):
    cache = _lookups.get()
    if cache is None:
        return compute()
    rows = cache.setdefault(kind, {})
    if key not in rows:
        rows[key] = compute()
    return rows[key]


def _country(code: str) -> Country | None:
    return _cached("country", code.upper(), lambda: country_get(code=code)) if code else None


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
    base = (slug_for(base) or "item")[:200]
    slug, n = base, 2
    while model.objects.filter(**{field: slug}).exists() or (
        model is Person and PersonSlugRedirect.objects.filter(slug=slug).exists()  # an old address
    ):
        slug = f"{base}-{n}"
        n += 1
    return slug


def sort_name_for(name: str) -> str:
    parts = name.split()
    if len(parts) < 2:
        return name
    surname_start = len(parts) - 1
    # particles belong to the surname: "Ursula von der Leyen" sorts as "von der Leyen, Ursula"
    while surname_start > 1 and parts[surname_start - 1].lower() in PARTICLES:
        surname_start -= 1
    return " ".join(parts[surname_start:]) + ", " + " ".join(parts[:surname_start])


def person_alias_add(*, person: Person, name: str) -> None:
    name = clean_display_name(name)
    if not normalize_name(name):
        return
    try:
        with transaction.atomic():
            PersonAlias.objects.get_or_create(
                person=person, normalized=normalize_name(name), defaults={"name": name}
            )
    except IntegrityError:  # a concurrent writer added the same alias
        pass


def person_create(*, name: str, country_code: str = "", description: str = "") -> Person:
    name = clean_display_name(name)
    # lookup by id never matches: two people with one name are two rows, each with its own slug
    person = _create_with_unique_slug(
        Person,
        slug_base=name,
        lookup={"pk": None},
        name=name,
        sort_name=sort_name_for(name),
        country=_country(country_code),
        description=description[:300],
    )
    person_alias_add(person=person, name=name)
    return person


def person_get_or_create(
    *, ref: SpeakerRef, known: dict[str, list[Person]] | None = None
) -> tuple[Person, bool]:
    """The person ``ref`` names, found (and given this spelling as an alias) or created.

    ``known``: exact alias matches looked up beforehand for the article's names
    (``people_by_alias``); a person created or given an alias here is added to it, so the
    article's later mentions find them without a query.
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
            country = _country(ref.country)
            if country:
                person.country = country
                person.save(update_fields=["country", "updated_at"])
    return person, created


def organization_get_or_create(*, name: str, country_code: str = "", kind: str = "") -> Organization:
    return _cached(
        "organization",
        (normalize_name(name), country_code.upper()),
        lambda: _organization_get_or_create(name=name, country_code=country_code, kind=kind),
    )


def _organization_get_or_create(*, name: str, country_code: str, kind: str) -> Organization:
    country = _country(country_code)
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


# Titles that name a role within some body, not an office on their own: "Leader" of what?
# With a country alone they are not an office either ("Chief (DK)").
TITLES_NEEDING_AN_ORGANIZATION = frozenset(
    "leader chief head chair chairman chairwoman chairperson director spokesperson spokesman spokeswoman "
    "secretary member official adviser advisor deputy president of the board".split()
)


class IncompletePositionError(ValueError):
    """An office that would belong to nothing: no country and no organisation, or a bare role word."""


def position_is_complete(*, title: str, country_code: str = "", has_organization: bool = False) -> bool:
    """Whether title + country/organisation name an office: positions always belong to something."""
    if has_organization:
        return True
    return bool(country_code) and normalize_name(title) not in TITLES_NEEDING_AN_ORGANIZATION


def position_get_or_create(
    *, title: str, country_code: str = "", organization: Organization | None = None
) -> Position:
    if not position_is_complete(
        title=title, country_code=country_code, has_organization=organization is not None
    ):
        raise IncompletePositionError(
            f"{title!r} needs an organisation{'' if country_code else ' or a country'} to be an office."
        )
    title = _title_case_role(title)
    return _cached(
        "position",
        (normalize_name(title), country_code.upper(), organization.pk if organization else None),
        lambda: _position_get_or_create(title=title, country_code=country_code, organization=organization),
    )


def _position_get_or_create(*, title: str, country_code: str, organization: Organization | None) -> Position:
    country = _country(country_code)
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
    return " ".join(
        w if (w.isupper() or (i and w.lower() in small)) else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


def tenure_record_from_text(
    *, person: Person, position: Position, on: dt.date, former: bool = False
) -> Tenure | None:
    """Record what an article says about an office: held on ``on``, or (former) held before it.

    Tenures read from text start on the first date texts showed the person in office and stay
    open (no end) after the last one, kept in ``last_seen``: a serving minister is not a former
    one the day after the latest article. A later text calling them former, or an analyst, ends
    it. They stay marked as found in text until an analyst verifies them.
    Returns the tenure the text supports (the caller records which article showed it), or None.
    """
    tenures = _tenures_of(person, position)
    if former:
        return _tenure_end_from_text(person=person, position=position, on=on, tenures=tenures)
    for tenure in tenures:
        if tenure.covers(on):
            if tenure.source == Tenure.Source.TEXT and (tenure.last_seen is None or tenure.last_seen < on):
                tenure.last_seen = on
                tenure.save(update_fields=["last_seen", "updated_at"])
            return tenure
    text_tenures = [t for t in tenures if t.source == Tenure.Source.TEXT and t.start is not None]
    if text_tenures:
        # Widen the nearest text-derived tenure to include this date.
        tenure = min(
            text_tenures, key=lambda t: min(abs((t.start - on).days), abs(((t.end or on) - on).days))
        )
        tenure.start = min(tenure.start, on)
        tenure.last_seen = max(tenure.last_seen or on, on)
        if tenure.end is not None and tenure.end < on:
            tenure.end = None  # seen in office after its recorded end: open again
        tenure.save(update_fields=["start", "end", "last_seen", "updated_at"])
        return tenure
    if any(t.source != Tenure.Source.TEXT for t in tenures):
        return None  # an analyst's or imported record says otherwise: do not contradict it
    tenure = Tenure.objects.create(
        person=person, position=position, start=on, end=None, last_seen=on, source=Tenure.Source.TEXT
    )
    tenures.append(tenure)
    return tenure


def _tenures_of(person: Person, position: Position) -> list[Tenure]:
    """The person's tenures of the office, earliest start first (unknown starts last, as PostgreSQL
    orders them); within ``lookups_cached`` the same list, kept up to date, for every call."""
    tenures = _cached(
        "tenures",
        (person.pk, position.pk),
        lambda: list(Tenure.objects.filter(person=person, position=position).order_by("start")),
    )
    # A tenure widened earlier in the block may start sooner now: the order is by start.
    tenures.sort(key=lambda t: (t.start is None, t.start or dt.date.min))
    return tenures


def _tenure_end_from_text(
    *, person: Person, position: Position, on: dt.date, tenures: list[Tenure]
) -> Tenure | None:
    """A text calls the person a former holder on ``on``: end their open text tenure, or record one."""
    open_text = [
        t
        for t in tenures
        if t.source == Tenure.Source.TEXT and t.end is None and (t.start is None or t.start < on)
    ]
    if open_text:
        tenure = open_text[-1]
        tenure.end = on - dt.timedelta(days=1)
        tenure.save(update_fields=["end", "updated_at"])
        return tenure
    if tenures:
        return None
    tenure = Tenure.objects.create(
        person=person,
        position=position,
        start=None,
        end=on - dt.timedelta(days=1),
        end_precision=DatePrecision.YEAR,
        source=Tenure.Source.TEXT,
    )
    tenures.append(tenure)
    return tenure


@transaction.atomic
def person_absorb(*, source: Person, target: Person) -> Person:
    """people's half of a merge: offices, names and details move to ``target``; ``source`` redirects to it.

    Other apps move their own rows first (statements.services.person_merge does, then calls this).
    """
    if source.pk == target.pk:
        raise ValueError("Cannot merge a person into themselves.")
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
