"""Small helpers that create test data through the ORM: fictional people, real countries and offices.

Every person, quote and article here is invented for the test suite.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools

from django.utils.text import slugify

from people.models import Country, Organization, Person, PersonAlias, Position, Tenure
from statements.models import Article, Citation, Outlet, Statement, StatementTopic, Topic
from statements.services.extraction import statement_quote_key

_counter = itertools.count(1)

COUNTRY_NAMES = {
    "FR": "France",
    "DE": "Germany",
    "IT": "Italy",
    "GB": "United Kingdom",
    "NG": "Nigeria",
    "BR": "Brazil",
    "PL": "Poland",
    "US": "United States",
}


def country(code: str = "FR") -> Country:
    # Countries come from a data migration; get_or_create keeps the helpers usable either way.
    obj, _ = Country.objects.get_or_create(code=code, defaults={"name": COUNTRY_NAMES.get(code, code)})
    return obj


def person(
    name: str | None = None, *, country_code: str = "FR", aliases: tuple[str, ...] = (), **extra
) -> Person:
    name = name or f"Test Person {next(_counter)}"
    parts = name.split()
    obj = Person.objects.create(
        name=name,
        sort_name=f"{parts[-1]}, {' '.join(parts[:-1])}" if len(parts) > 1 else name,
        slug=extra.pop("slug", None) or f"{slugify(name)}-{next(_counter)}",
        country=country(country_code) if country_code else None,
        **extra,
    )
    for alias in (name, *aliases):
        PersonAlias.objects.create(person=obj, name=alias)
    return obj


def organization(
    name: str = "Ministry of Foreign Affairs", *, country_code: str = "FR", kind: str = "ministry"
) -> Organization:
    return Organization.objects.create(
        name=name, slug=f"{slugify(name)}-{next(_counter)}", kind=kind, country=country(country_code)
    )


def position(
    title: str = "Minister of Foreign Affairs", *, country_code: str = "FR", org: Organization | None = None
) -> Position:
    return Position.objects.create(
        title=title,
        slug=f"{slugify(title)}-{next(_counter)}",
        country=country(country_code),
        organization=org,
    )


def tenure(who: Person, where: Position, start: dt.date | None = None, end: dt.date | None = None) -> Tenure:
    return Tenure.objects.create(
        person=who, position=where, start=start, end=end, source=Tenure.Source.ANALYST
    )


def outlet(name: str = "The Example Courier", domain: str | None = None) -> Outlet:
    domain = domain or f"{slugify(name)}-{next(_counter)}.example"
    obj, _ = Outlet.objects.get_or_create(domain=domain, defaults={"name": name})
    return obj


def article(
    text: str = "",
    *,
    title: str = "A test article",
    published: dt.date | None = dt.date(2025, 3, 4),
    source: Outlet | None = None,
    is_demo: bool = False,
    status: str = Article.Status.EXTRACTED,
    url: str | None = None,
) -> Article:
    n = next(_counter)
    text = text or f"Article body number {n}. Nothing was said here yet."
    return Article.objects.create(
        url=url if url is not None else f"https://news.example/{n}",
        content_hash=hashlib.sha256(f"{n}:{text}".encode()).hexdigest(),
        title=title,
        outlet=source,
        published=published,
        text=text,
        status=status,
        is_demo=is_demo,
        extractor_version="test-1",
    )


def topic(name: str = "Energy", *, slug: str | None = None, suggested: bool = False) -> Topic:
    obj, _ = Topic.objects.get_or_create(
        slug=slug or slugify(name),
        defaults={"name": name, "is_suggested": suggested, "keywords": [name.lower()]},
    )
    return obj


def statement(
    speaker: Person | None = None,
    quote: str | None = None,
    *,
    said_on: dt.date | None = dt.date(2025, 3, 3),
    kind: str = Statement.Kind.DIRECT,
    topics: dict[Topic, str] | None = None,
    in_article: Article | None = None,
    office: Tenure | None = None,
    review_status: str = Statement.ReviewStatus.UNREVIEWED,
    speaker_organization: Organization | None = None,
) -> Statement:
    """A statement with one citation. When no article is given, one is written around the quote."""
    quote = quote or f"We will keep our promise number {next(_counter)}."
    speaker_text = (
        speaker.name if speaker else (speaker_organization.name if speaker_organization else "An official")
    )
    obj = Statement.objects.create(
        speaker=speaker,
        speaker_organization=speaker_organization,
        speaker_text=speaker_text,
        quote=quote,
        quote_key=statement_quote_key(
            person=speaker, organization=speaker_organization, speaker_text=speaker_text, quote=quote
        ),
        kind=kind,
        cue="said",
        said_on=said_on,
        tenure=office,
        review_status=review_status,
        confidence=0.9,
        extractor_version="test-1",
    )
    cite(obj, in_article)
    for t, stance in (topics or {}).items():
        StatementTopic.objects.create(statement=obj, topic=t, stance=stance, relevance=0.8)
    return obj


def cite(obj: Statement, in_article: Article | None = None) -> Citation:
    """Cite a statement in an article; the quote is appended to a new article's text when needed."""
    if in_article is None:
        in_article = article(
            f"The debate went on for hours on Monday. {obj.speaker_text} said: \u201c{obj.quote}\u201d "
            "Critics answered within the hour. The vote is expected next week."
        )
    start = in_article.text.find(obj.quote)
    if start < 0:
        in_article.text = f"{in_article.text} {obj.speaker_text} said: \u201c{obj.quote}\u201d".strip()
        in_article.save(update_fields=["text"])
        start = in_article.text.find(obj.quote)
    return Citation.objects.create(
        statement=obj,
        article=in_article,
        start=start,
        end=start + len(obj.quote),
        text=obj.quote,
        speaker_text=obj.speaker_text,
        cue="said",
    )


def small_record() -> dict:
    """Two fictional ministers, an office each, two topics and a handful of statements."""
    energy = topic("Energy")
    defence = topic("Defence")
    courier = outlet("The Example Courier", "courier.example")
    ministry = organization("Ministry of Foreign Affairs", country_code="FR")
    foreign_minister = position("Minister of Foreign Affairs", country_code="FR", org=ministry)
    finance_minister = position("Minister of Finance", country_code="DE")
    amelie = person("Amélie Durocher", country_code="FR", aliases=("Durocher",))
    jonas = person("Jonas Brenneke", country_code="DE")
    amelie_office = tenure(amelie, foreign_minister, dt.date(2023, 5, 1))
    jonas_office = tenure(jonas, finance_minister, dt.date(2021, 1, 1), dt.date(2024, 6, 30))
    story = article(
        "PARIS — Foreign Minister Amélie Durocher said on Monday: \u201cWe will build the interconnector "
        "with our neighbours.\u201d Her German counterpart disagreed.",
        title="Minister backs interconnector",
        source=courier,
        published=dt.date(2025, 3, 4),
    )
    s1 = statement(
        amelie,
        "We will build the interconnector with our neighbours.",
        said_on=dt.date(2025, 3, 3),
        in_article=story,
        office=amelie_office,
        topics={energy: StatementTopic.Stance.SUPPORT},
    )
    s2 = statement(
        jonas,
        "The interconnector is a waste of money and of time.",
        said_on=dt.date(2024, 2, 10),
        office=jonas_office,
        topics={energy: StatementTopic.Stance.OPPOSE, defence: StatementTopic.Stance.SUPPORT},
        kind="indirect",
    )
    s3 = statement(
        amelie,
        "Our troops will stay as long as they are needed.",
        said_on=dt.date(2024, 11, 2),
        topics={defence: StatementTopic.Stance.SUPPORT},
    )
    rejected = statement(
        jonas,
        "Chapter four of the report.",
        review_status="rejected",
        topics={energy: StatementTopic.Stance.SUPPORT},
    )
    return {
        "energy": energy,
        "defence": defence,
        "courier": courier,
        "ministry": ministry,
        "foreign_minister": foreign_minister,
        "finance_minister": finance_minister,
        "amelie": amelie,
        "jonas": jonas,
        "story": story,
        "s1": s1,
        "s2": s2,
        "s3": s3,
        "rejected": rejected,
    }
