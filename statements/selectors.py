"""Reads about statements, articles, topics, feeds and what people said, related rows preloaded.

Views and API views call these and nothing else, so each page costs a fixed number of queries
however many rows it shows.
"""

from __future__ import annotations

import datetime as dt

from django.db import connections
from django.db.models import (
    Count,
    DateField,
    Exists,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from common import record_version
from people.models import Country, Person
from statements.models import Article, Citation, Feed, Statement, StatementTopic, Topic, TopicTally

REJECTED = Statement.ReviewStatus.REJECTED


def stance_counts() -> dict:
    """Annotations over StatementTopic rows: how many in all, and how many of each stance."""
    stance = StatementTopic.Stance
    return {
        "total": Count("id"),
        **{value: Count("id", filter=Q(stance=value)) for value in stance.values},
    }


def public_topics() -> QuerySet[Topic]:
    """Topics an analyst accepted; extractor suggestions stay out of public pages."""
    return Topic.objects.filter(is_suggested=False)


def _statement_topics_prefetch() -> Prefetch:
    return Prefetch(
        "statement_topics",
        queryset=StatementTopic.objects.filter(topic__is_suggested=False)
        .select_related("topic")
        .order_by("-relevance", "topic__name"),
        to_attr="topic_links",
    )


# What a citation in a list shows; the article text (large) stays in the database.
CITATION_LIST_FIELDS = (
    "statement_id",
    "start",
    "end",
    "text",
    "cue",
    "article__id",
    "article__title",
    "article__url",
    "article__published",
    "article__is_demo",
    "article__outlet__id",
    "article__outlet__name",
    "article__outlet__domain",
)


def _citations_prefetch() -> Prefetch:
    return Prefetch(
        "citations",
        queryset=Citation.objects.select_related("article__outlet")
        .only(*CITATION_LIST_FIELDS)
        .order_by("article__published", "id"),
        to_attr="citation_list",
    )


def statement_queryset() -> QuerySet[Statement]:
    """Every statement with what a list or detail shows preloaded (speaker, office, topics, sources).

    Topics land in `topic_links` and citations in `citation_list`: plain lists (to_attr), which
    spares Django a related-manager queryset per row."""
    # Countries are shown by code (the *_id columns): joining the country tables would only
    # slow the planner down.
    return Statement.objects.select_related(
        "speaker", "speaker_organization", "tenure__position__organization"
    ).prefetch_related(_statement_topics_prefetch(), _citations_prefetch())


_ORGANIZATION = ("id", "name", "slug", "kind", "country_id")
# What a statement list row shows, read with values(): no model instances (statements/api/statement_rows.py).
STATEMENT_ROW_FIELDS = (
    *("id", "quote", "quoted_spans", "kind", "cue", "said_on", "date_precision", "date_basis", "speaker_text", "platform"),
    *("confidence", "review_status", "extractor_version", "created_at", "updated_at"),
    *("speaker__id", "speaker__name", "speaker__slug", "speaker__country_id"),
    *(f"speaker_organization__{name}" for name in _ORGANIZATION),
    *("tenure__id", "tenure__start", "tenure__end"),
    *(f"tenure__position__{name}" for name in ("id", "title", "slug", "country_id")),
    *(f"tenure__position__organization__{name}" for name in _ORGANIZATION),
)
CITATION_ROW_FIELDS = (
    *("id", "statement_id", "article_id", "start", "end", "text", "cue"),
    *("article__title", "article__url", "article__published", "article__is_demo"),
    *("article__outlet__id", "article__outlet__name", "article__outlet__domain"),
)


def statement_rows(qs: QuerySet[Statement]) -> QuerySet:
    """The statements of ``qs`` as dicts of STATEMENT_ROW_FIELDS (and its annotations, for ordering)."""
    return qs.prefetch_related(None).values(*STATEMENT_ROW_FIELDS, *qs.query.annotations)


def statement_row_topics(ids: list[int]) -> QuerySet:
    """The public topic links of these statements, in the order a statement shows them."""
    return (
        StatementTopic.objects.filter(statement_id__in=ids, topic__is_suggested=False)
        .order_by("-relevance", "topic__name")
        .values("statement_id", "stance", "stance_confirmed", "relevance", "assigned_by", slug=F("topic__slug"), name=F("topic__name"))
    )


def statement_row_citations(ids: list[int]) -> QuerySet:
    return Citation.objects.filter(statement_id__in=ids).order_by("article__published", "id").values(*CITATION_ROW_FIELDS)


def statement_list_public(*, include_rejected: bool = False) -> QuerySet[Statement]:
    """Statements shown to the public: rejected ones are hidden unless asked for."""
    qs = statement_queryset()
    if not include_rejected:
        qs = qs.exclude(review_status=REJECTED)
    return qs


def said_sort_expression():
    """Said-on date with unknown dates sorting last, on every database.

    Cursor pagination needs a non-NULL sort key. An expression index built from this exact
    expression (migration 0003) serves "newest first" lists without sorting the table.
    """
    return Coalesce("said_on", Value(dt.date(1, 1, 1), output_field=DateField()))


def statement_list_api(*, include_rejected: bool = False) -> QuerySet[Statement]:
    return statement_list_public(include_rejected=include_rejected).annotate(said_sort=said_sort_expression())


def statement_search(qs: QuerySet[Statement], query: str) -> QuerySet[Statement]:
    """Full-text search on the quote, web-search syntax ("a phrase", -word, or), ranked.

    Annotates ``search_rank`` (higher is better) for ordering. PostgreSQL: the stored
    ``quote_search`` tsvector column and its GIN index (migration 0008) with
    websearch_to_tsquery and ts_rank. SQLite: the FTS5 index (migration 0013) with the same
    syntax translated by ``statements.search_syntax`` and bm25 ranking.
    """
    query = query.strip()
    if not query:
        return qs
    if connections[qs.db].vendor == "postgresql":
        return _postgres_search(qs, query)
    return _sqlite_search(qs, query)


def _postgres_search(qs: QuerySet[Statement], query: str) -> QuerySet[Statement]:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField

    vector = RawSQL(f'"{Statement._meta.db_table}"."quote_search"', [], output_field=SearchVectorField())
    search_query = SearchQuery(query, config="english", search_type="websearch")
    # float8, so a cursor can carry the rank exactly (ts_rank returns float4).
    rank = Cast(SearchRank(vector, search_query), FloatField())
    return qs.annotate(search_document=vector, search_rank=rank).filter(search_document=search_query)


def _sqlite_search(qs: QuerySet[Statement], query: str) -> QuerySet[Statement]:
    from statements import search_index, search_syntax

    groups = search_syntax.parse(query)
    if not groups:  # nothing but punctuation or operators: no words to find (as on PostgreSQL)
        return qs.annotate(search_rank=Value(0.0, output_field=FloatField())).none()
    matching = f"SELECT rowid FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH %s"
    condition = Q()
    for group in groups:
        expression = search_syntax.group_match(group)
        if expression is None:  # only exclusions: everything without them
            condition |= ~Q(pk__in=RawSQL(matching, [search_syntax.any_match(group.exclude)]))
        else:
            condition |= Q(pk__in=RawSQL(matching, [expression]))
    positive = [e for e in map(search_syntax.group_match, groups) if e is not None]
    rank = (
        RawSQL(
            f"SELECT -bm25({search_index.TABLE}) FROM {search_index.TABLE} WHERE {search_index.TABLE} "
            f'MATCH %s AND rowid = "{Statement._meta.db_table}"."id"',
            [" OR ".join(f"({e})" for e in positive)],
            output_field=FloatField(),
        )
        if positive
        else Value(0.0, output_field=FloatField())
    )
    return qs.filter(condition).annotate(search_rank=Coalesce(rank, Value(0.0), output_field=FloatField()))


def statement_detail(*, pk: int) -> Statement:
    return statement_queryset().get(pk=pk)


def statements_for_person(*, person_id: int, include_rejected: bool = False) -> QuerySet[Statement]:
    return statement_list_public(include_rejected=include_rejected).filter(speaker_id=person_id)


def person_statement_counts(person_ids) -> dict[int, int]:
    """Public statements per person, for a page of people: one query on the (speaker, said_on) index.

    Counting for a page rather than annotating the whole people table keeps lists fast when
    people have said hundreds of thousands of things between them.
    """
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


def people_with_statements() -> QuerySet[Person]:
    """People who said something on record (for pickers), by sort name."""
    return (
        Person.objects.filter(merged_into__isnull=True)
        .filter(Exists(Statement.objects.filter(speaker=OuterRef("pk"))))
        .only("slug", "name", "sort_name")
        .order_by("sort_name", "name")
    )


def statements_for_topic(*, topic: Topic) -> QuerySet[Statement]:
    return statement_list_public().filter(statement_topics__topic=topic)


def topic_statement_counts() -> dict[int, int]:
    """Public statements per topic id, from the topic tallies (cached for the record version)."""
    return _cached(
        "onrecord:topic-statement-counts",
        lambda: {
            row["topic_id"]: row["total"]
            for row in TopicTally.objects.filter(month__isnull=True)
            .values("topic_id")
            .annotate(total=Sum("n"))
            .filter(total__gt=0)
            .order_by()
        },
    )


def topic_list_public() -> list[Topic]:
    """Public topics with `statement_count` set, busiest first."""
    counts = topic_statement_counts()
    topics = list(public_topics().select_related("parent"))
    for topic in topics:
        topic.statement_count = counts.get(topic.pk, 0)
    topics.sort(key=lambda topic: (-topic.statement_count, topic.name))
    return topics


def topic_get(*, slug: str) -> Topic:
    return public_topics().select_related("parent").get(slug=slug)


def topic_speaker_counts(*, topic: Topic) -> list[dict]:
    """Who spoke on a topic: one row per speaker with statement counts by stance, most first.

    Read from the topic tallies (a few rows per speaker), not from the topic's links. Rows have
    the keys of ``stance_counts()`` and ``statement__speaker``.
    """
    rows: dict[int, dict] = {}
    tallies = (
        TopicTally.objects.filter(topic_id=topic.pk, month__isnull=True, speaker_id__isnull=False)
        .values_list("speaker_id", "stance")
        .annotate(n=Sum("n"))
        .order_by()
    )
    for speaker_id, stance, n in tallies:
        row = rows.setdefault(
            speaker_id,
            {"statement__speaker": speaker_id, "total": 0, **dict.fromkeys(StatementTopic.Stance.values, 0)},
        )
        row[stance] += n
        row["total"] += n
    counted = [row for row in rows.values() if row["total"] > 0]
    counted.sort(key=lambda row: (-row["total"], row["statement__speaker"]))
    return counted


def article_queryset() -> QuerySet[Article]:
    """Articles with their outlet and the number of statements cited in them (one query).

    The count is a correlated subquery, so a page of 50 articles counts 50 articles' citations
    instead of grouping the whole citation table.
    """
    cited = (
        Citation.objects.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(n=Count("statement", distinct=True))
        .values("n")
    )
    return Article.objects.select_related("outlet").annotate(
        statement_count=Coalesce(Subquery(cited, output_field=IntegerField()), 0)
    )


def article_queryset_public() -> QuerySet[Article]:
    """Articles the public may see: only once extracted (a queued or failed one is still in the pipeline)."""
    return article_queryset().filter(status=Article.Status.EXTRACTED)


def article_detail(*, pk: int, public: bool = False) -> Article:
    return (article_queryset_public() if public else article_queryset()).get(pk=pk)


def article_citations(*, article: Article) -> QuerySet[Citation]:
    """The statements cited in an article, in reading order, rejected ones left out."""
    return (
        Citation.objects.filter(article=article)
        .exclude(statement__review_status=REJECTED)
        .select_related("statement__speaker", "statement__speaker_organization")
        .order_by("start")
    )


def statement_has_demo_source(statement: Statement) -> bool:
    """Uses the prefetched citations: no query."""
    return any(citation.article.is_demo for citation in statement.citation_list)


# --- pages --------------------------------------------------------------------------------


def statement_page(qs: QuerySet[Statement], *, page: int, size: int) -> tuple[list[Statement], bool]:
    """One page of a list without COUNT(*) (slow on big tables): fetch one extra row to know if more follow."""
    offset = (page - 1) * size
    rows = list(qs[offset : offset + size + 1])
    return rows[:size], len(rows) > size


# Topic aggregates scan every statement on the topic: they are cached for the current record
# version (a write makes them stale at once), at most this long.
TOPIC_AGGREGATE_SECONDS = 600


def _cached(key: str, compute):
    return record_version.cached(key, compute, TOPIC_AGGREGATE_SECONDS)


def topic_speakers_page(*, topic: Topic, page: int, size: int) -> tuple[list[dict], bool]:
    """One page of a topic's speakers with counts by stance (cached: see TOPIC_AGGREGATE_SECONDS)."""
    rows = _cached(
        f"onrecord:topic:{topic.pk}:speakers:{page}:{size}",
        lambda: topic_speaker_counts(topic=topic)[(page - 1) * size : page * size + 1],
    )
    return rows[:size], len(rows) > size


def topic_statements_by_speakers(
    *, topic: Topic, speaker_ids: list[int], per_speaker: int
) -> QuerySet[Statement]:
    """The latest few statements on a topic of each given speaker.

    One small index walk per speaker (speaker, said_on), glued with UNION ALL into one query for
    the ids, then one query (plus prefetches) for the rows: cheap however much each one said.
    """
    if not speaker_ids:
        return statement_queryset().none()
    on_topic = Exists(StatementTopic.objects.filter(statement=OuterRef("pk"), topic=topic))
    # Each LIMITed walk sits in an IN (...) subquery: compound parts cannot carry LIMIT on SQLite.
    per_person = [
        Statement.objects.filter(
            pk__in=Statement.objects.filter(on_topic, speaker_id=speaker_id)
            .exclude(review_status=REJECTED)
            .order_by("-said_on", "-id")
            .values("pk")[:per_speaker]
        )
        .order_by()
        .values_list("pk", flat=True)
        for speaker_id in speaker_ids
    ]
    ids = list(per_person[0].union(*per_person[1:], all=True)) if len(per_person) > 1 else list(per_person[0])
    return statement_queryset().filter(pk__in=ids).order_by("speaker_id", "-said_on", "-id")


def topic_speakers_top(*, topic: Topic, limit: int) -> list[dict]:
    """The `limit` most active speakers on a topic with counts by stance (cached)."""
    return _cached(
        f"onrecord:topic:{topic.pk}:speakers-top:{limit}", lambda: topic_speaker_counts(topic=topic)[:limit]
    )


def topic_timeline(*, topic: Topic) -> list[dict]:
    """Statements on a topic per month and stance: [{"month": date, "stance": str, "n": int}] (cached)."""
    return _cached(f"onrecord:topic:{topic.pk}:timeline", lambda: _topic_timeline(topic))


def _topic_timeline(topic: Topic) -> list[dict]:
    return [
        row
        for row in TopicTally.objects.filter(topic_id=topic.pk, month__isnull=False)
        .values("month", "stance")
        .annotate(n=Sum("n"))
        .order_by("month", "stance")
        if row["n"]
    ]


def person_topic_stances(*, person_id: int) -> list[dict]:
    """Per topic, how many statements a person made and with which stance, busiest topic first (cached)."""
    return _cached(f"onrecord:person:{person_id}:topic-stances", lambda: _person_topic_stances(person_id))


def _person_topic_stances(person_id: int) -> list[dict]:
    """From the person's topic tallies (a few rows per topic), not from their statements' links."""
    topics = {topic.pk: topic for topic in public_topics().only("slug", "name")}
    rows: dict[int, dict] = {}
    tallies = (
        TopicTally.objects.filter(speaker_id=person_id, month__isnull=True, topic_id__in=topics)
        .values_list("topic_id", "stance")
        .annotate(n=Sum("n"))
        .order_by()
    )
    for topic_id, stance, n in tallies:
        topic = topics[topic_id]
        row = rows.setdefault(
            topic_id,
            {"topic__slug": topic.slug, "topic__name": topic.name, "total": 0}
            | dict.fromkeys(StatementTopic.Stance.values, 0),
        )
        row[stance] += n
        row["total"] += n
    counted = [row for row in rows.values() if row["total"] > 0]
    counted.sort(key=lambda row: (-row["total"], row["topic__name"]))
    return counted


def statements_with_topic(qs: QuerySet[Statement], *, slug: str) -> QuerySet[Statement]:
    return qs.filter(Exists(StatementTopic.objects.filter(statement=OuterRef("pk"), topic__slug=slug)))


def statements_of_country(*, code: str) -> QuerySet[Statement]:
    return statement_list_public().filter(
        Q(speaker__country_id=code) | Q(speaker_organization__country_id=code)
    )


def statement_citations(*, statement: Statement) -> list[Citation]:
    """All citations of a statement with their article text (for the quote in context)."""
    return list(
        Citation.objects.filter(statement=statement)
        .select_related("article__outlet")
        .order_by("article__published", "id")
    )


def feed_statements(qs: QuerySet[Statement], *, limit: int = 50) -> list[Statement]:
    """The statements most recently put on record (ids grow with time; the primary key is indexed)."""
    return list(qs.order_by("-id")[:limit])


def feeds_due(*, now: dt.datetime | None = None) -> QuerySet[Feed]:
    """Enabled feeds whose next poll time has come (or was never set)."""
    now = now or timezone.now()
    return Feed.objects.filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now), enabled=True)


def tenure_evidence_by_tenure(tenure_ids) -> dict[int, list]:
    """The articles that showed each tenure (found in text), oldest first: one query for all."""
    from statements.models import TenureEvidence

    evidence: dict[int, list] = {}
    rows = (
        TenureEvidence.objects.filter(tenure_id__in=list(tenure_ids))
        .select_related("article__outlet")
        .only("tenure_id", "seen_on", "basis", "article__title", "article__url", "article__outlet__name")
        .order_by("seen_on", "id")
    )
    for row in rows:
        evidence.setdefault(row.tenure_id, []).append(row)
    return evidence
