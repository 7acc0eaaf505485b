"""Reads for the analysts' review queue: filters, order, neighbours, counts, the statement in context.

Every read here costs a fixed number of queries at any table size: the queue is walked by
keyset on the (review_status, confidence, id) index, the number left is counted up to a cap,
and the grouped counts and the filter menus are cached.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from people.models import Country, Person, PersonAlias
from people.normalize import normalize_name
from statements.models import Article, Citation, Outlet, Statement, StatementTopic, Topic

Status = Statement.ReviewStatus

# Counting what is left stops here: beyond it the exact number does not change what to do next.
LEFT_COUNT_CAP = 1000
# The per-status totals and the filter menus are this many seconds old at most.
COUNTS_SECONDS = 60
MENUS_SECONDS = 300
# Suggestions offered while typing a speaker's name.
AUTOCOMPLETE_LIMIT = 10


@dataclass(frozen=True)
class QueueFilters:
    """What an analyst narrows the queue to; every value comes from the query string, unknown ones dropped."""

    status: str = Status.UNREVIEWED
    topic: str = ""
    outlet: str = ""
    country: str = ""
    extractor: str = ""
    kind: str = ""
    no_speaker: str = ""

    @classmethod
    def from_query(cls, query) -> QueueFilters:
        values = {f.name: (query.get(f.name) or "").strip()[:40] for f in fields(cls)}
        if values["status"] not in {*Status.values, "all"}:
            values["status"] = Status.UNREVIEWED
        for name in ("topic", "outlet"):
            if not values[name].isdigit():
                values[name] = ""
        if values["kind"] not in Statement.Kind.values:
            values["kind"] = ""
        values["country"] = values["country"].upper()[:2] if values["country"].isalpha() else ""
        values["no_speaker"] = "1" if values["no_speaker"] in {"1", "on", "true"} else ""
        return cls(**values)

    def query_string(self) -> str:
        return urlencode(
            {k: v for k, v in asdict(self).items() if v and not (k == "status" and v == Status.UNREVIEWED)}
        )

    def without_status(self) -> QueueFilters:
        return replace(self, status="all")

    def cache_key(self) -> str:
        return "|".join(f"{k}={v}" for k, v in sorted(asdict(self).items()))


def _filtered(filters: QueueFilters) -> QuerySet[Statement]:
    qs = Statement.objects.all()
    if filters.status != "all":
        qs = qs.filter(review_status=filters.status)
    if filters.topic:
        qs = qs.filter(
            Exists(StatementTopic.objects.filter(statement=OuterRef("pk"), topic_id=filters.topic))
        )
    if filters.outlet:
        qs = qs.filter(
            Exists(Citation.objects.filter(statement=OuterRef("pk"), article__outlet_id=filters.outlet))
        )
    if filters.country:
        qs = qs.filter(speaker__country_id=filters.country)
    if filters.extractor:
        qs = qs.filter(extractor_version=filters.extractor)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.no_speaker:
        qs = qs.filter(speaker__isnull=True, speaker_organization__isnull=True)
    return qs


def review_queue(filters: QueueFilters) -> QuerySet[Statement]:
    """The queue: least confident first (confidence is the calibrated chance the extractor is right)."""
    return _filtered(filters).order_by("confidence", "pk")


def review_neighbours(filters: QueueFilters, statement: Statement) -> tuple[int | None, int | None]:
    """Ids before and after ``statement`` in the queue's order (it need not be in the queue any more)."""
    qs = _filtered(filters)
    c, pk = statement.confidence, statement.pk
    after = qs.filter(Q(confidence__gt=c) | Q(confidence=c, pk__gt=pk)).order_by("confidence", "pk")
    before = qs.filter(Q(confidence__lt=c) | Q(confidence=c, pk__lt=pk)).order_by("-confidence", "-pk")
    return (
        before.values_list("pk", flat=True).first(),
        after.values_list("pk", flat=True).first(),
    )


def review_first(filters: QueueFilters) -> int | None:
    return review_queue(filters).values_list("pk", flat=True).first()


def review_left(filters: QueueFilters) -> tuple[int, bool]:
    """How many statements the filters leave, counted up to the cap: (count, more than the cap)."""
    ids = review_queue(filters).values_list("pk", flat=True)[: LEFT_COUNT_CAP + 1]
    n = Statement.objects.filter(pk__in=ids).count()
    return min(n, LEFT_COUNT_CAP), n > LEFT_COUNT_CAP


def review_totals(filters: QueueFilters) -> dict[str, int]:
    """Statements per review status under the filters (status aside): one grouped count, cached."""
    key = f"onrecord:review:totals:{filters.without_status().cache_key()}"
    totals = cache.get(key)
    if totals is None:
        rows = (
            _filtered(filters.without_status())
            .values_list("review_status")
            .annotate(n=Count("pk"))
            .order_by()
        )
        totals = {status: 0 for status in Status.values} | dict(rows)
        cache.set(key, totals, COUNTS_SECONDS)
    return totals


def review_menus() -> dict:
    """Choices for the queue's filters (small tables; extractor versions read from articles), cached."""
    key = "onrecord:review:menus"
    menus = cache.get(key)
    if menus is None:
        menus = {
            "topics": list(
                Topic.objects.filter(is_suggested=False).order_by("name").values_list("pk", "name")
            ),
            "outlets": list(Outlet.objects.order_by("name").values_list("pk", "name")),
            "countries": list(
                Country.objects.filter(Exists(Person.objects.filter(country=OuterRef("pk"))))
                .order_by("name")
                .values_list("code", "name")
            ),
            "extractors": sorted(
                set(
                    Article.objects.exclude(extractor_version="")
                    .values_list("extractor_version", flat=True)
                    .distinct()
                ),
                reverse=True,
            ),
        }
        cache.set(key, menus, MENUS_SECONDS)
    return menus


def review_statement(*, pk: int) -> Statement:
    """One statement with everything the review screen shows: speaker, office, topics, citations, articles."""
    return (
        Statement.objects.select_related(
            "speaker__country", "speaker_organization", "tenure__position", "reviewed_by"
        )
        .prefetch_related(
            Prefetch(
                "statement_topics",
                queryset=StatementTopic.objects.select_related("topic").order_by("topic__name"),
            ),
            Prefetch(
                "citations",
                queryset=Citation.objects.select_related("article__outlet").order_by("pk"),
            ),
            Prefetch("speaker__tenures", queryset=_tenures()),
        )
        .get(pk=pk)
    )


def _tenures():
    from people.models import Tenure

    return Tenure.objects.select_related("position").order_by("-start")


def article_marked(article: Article, citation: Citation) -> list[tuple[str, str]]:
    """The article's text in runs: ("text", words) and ("mark", the cited words), for highlighting."""
    text = article.text
    return [
        ("text", text[: citation.start]),
        ("mark", text[citation.start : citation.end]),
        ("text", text[citation.end :]),
    ]


def people_autocomplete(term: str) -> list[dict]:
    """People whose name or any alias starts with, or has a word starting with, ``term``."""
    key = normalize_name(term)
    if len(key) < 2:
        return []
    alias_hits = PersonAlias.objects.filter(
        Q(normalized__startswith=key) | Q(normalized__contains=f" {key}"), person=OuterRef("pk")
    )
    people = (
        Person.objects.filter(merged_into__isnull=True)
        .filter(Exists(alias_hits))
        .select_related("country")
        .order_by("sort_name", "name")[:AUTOCOMPLETE_LIMIT]
    )
    return [
        {
            "id": person.pk,
            "name": person.name,
            "detail": ", ".join(
                filter(None, [person.country.name if person.country else "", person.description])
            ),
        }
        for person in people
    ]


def person_by_name(name: str) -> Person | None:
    """The one person on record whose name or alias is exactly ``name``; None when none or several."""
    matches = list(
        Person.objects.filter(merged_into__isnull=True, aliases__normalized=normalize_name(name)).distinct()[
            :2
        ]
    )
    return matches[0] if len(matches) == 1 else None


def merge_preview(*, ids: list[int]) -> list[Person]:
    """The records an editor is about to merge, each with what would move: statements, mentions, offices, names."""
    return list(
        Person.objects.filter(pk__in=ids, merged_into__isnull=True)
        .select_related("country")
        .prefetch_related("aliases", Prefetch("tenures", queryset=_tenures()))
        .annotate(
            n_statements=_count(Statement.objects.filter(speaker=OuterRef("pk")), "speaker"),
            n_mentions=_count(Statement.targets.through.objects.filter(person=OuterRef("pk")), "person"),
        )
        .order_by("pk")
    )


def _count(qs: QuerySet, group: str):
    """Rows of ``qs`` (correlated on ``group``) as a subquery: counted for each outer row, not over the table."""
    counted = qs.order_by().values(group).annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
