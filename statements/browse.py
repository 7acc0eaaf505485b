"""Reads for the browsing pages: lists of articles, outlets and countries with their counts."""

from __future__ import annotations

from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from common import record_version
from statements.models import Article, Citation, Outlet, Statement
from statements.selectors import TOPIC_AGGREGATE_SECONDS, article_queryset

# Articles readers browse: read and extracted, not duplicates or failures.
PUBLIC_ARTICLE_STATUSES = (Article.Status.EXTRACTED,)


def public_articles() -> QuerySet[Article]:
    return article_queryset().filter(status__in=PUBLIC_ARTICLE_STATUSES).defer("text")


def outlet_list_with_counts() -> QuerySet[Outlet]:
    """Outlets that published an article on record, with their article counts, busiest first."""
    articles = (
        Article.objects.filter(outlet=OuterRef("pk"), status__in=PUBLIC_ARTICLE_STATUSES)
        .order_by()
        .values("outlet")
        .annotate(n=Count("id"))
        .values("n")
    )
    return (
        Outlet.objects.annotate(article_count=Coalesce(Subquery(articles, output_field=IntegerField()), 0))
        .filter(article_count__gt=0)
        .order_by("-article_count", "name")
    )


def outlet_statements(qs: QuerySet[Statement], *, outlet: Outlet) -> QuerySet[Statement]:
    return qs.filter(Exists(Citation.objects.filter(statement=OuterRef("pk"), article__outlet=outlet)))


def cached_count(qs: QuerySet, *, key: str) -> int:
    """COUNT(*) of a list, cached for the record version: a big unfiltered count is not cheap."""
    return record_version.cached(key, qs.count, TOPIC_AGGREGATE_SECONDS)
