"""Query-string filters for the statements, articles and topics endpoints (django-filter).

Every filter carries help_text: drf-spectacular turns it into the OpenAPI parameter description.
"""

from __future__ import annotations

import django_filters
from django.core.validators import RegexValidator
from django.db.models import Exists, OuterRef, Q
from rest_framework.exceptions import ValidationError

from common.api.filters import UpdatedSinceFilterSet
from common.ids import MAX_ID, is_id
from people import selectors as people_selectors
from people.models import Organization, Position
from statements import selectors
from statements.models import Article, Citation, Outlet, Statement, StatementTopic, Topic

# Checked by the form, so the HTML search shows it as a form error and the API answers 400.
COUNTRY_CODE = RegexValidator(r"^\s*[A-Za-z]{2}\s*$", "Use an ISO 3166-1 alpha-2 code such as FR.")


def _id_or_slug(value: str) -> Q:
    value = value.strip()
    return Q(pk=int(value)) if is_id(value) else Q(slug=value)


class StatementFilterSet(UpdatedSinceFilterSet):
    speaker = django_filters.CharFilter(
        method="filter_speaker",
        help_text="Speaker: person id, slug, full name, alias or surname (e.g. 42, maria-oyelaran, Oyelaran).",
    )
    country = django_filters.CharFilter(
        method="filter_country",
        validators=[COUNTRY_CODE],
        help_text="ISO 3166-1 alpha-2 code of the speaker's country (person or organisation), e.g. FR.",
    )
    position = django_filters.CharFilter(
        method="filter_position",
        help_text="Office held when the statement was made: position id or slug.",
    )
    organization = django_filters.CharFilter(
        method="filter_organization",
        help_text="Organisation id or slug: statements made by it, or by someone holding one of its offices.",
    )
    topic = django_filters.CharFilter(method="filter_topic_and_stance", help_text="Topic slug, e.g. energy.")
    stance = django_filters.ChoiceFilter(
        choices=StatementTopic.Stance.choices,
        method="filter_topic_and_stance",
        help_text="Stance on the topic given by `topic` (or on any topic when no topic is given).",
    )
    kind = django_filters.ChoiceFilter(
        choices=Statement.Kind.choices, help_text="Direct quote, reported speech, or mixed."
    )
    review_status = django_filters.MultipleChoiceFilter(
        choices=Statement.ReviewStatus.choices,
        help_text="Review status; repeat for several. Rejected statements are only listed when asked for here.",
    )
    said_after = django_filters.DateFilter(
        field_name="said_on", lookup_expr="gte", help_text="Said on or after this date (YYYY-MM-DD)."
    )
    said_before = django_filters.DateFilter(
        field_name="said_on", lookup_expr="lte", help_text="Said on or before this date (YYYY-MM-DD)."
    )
    outlet = django_filters.CharFilter(
        method="filter_outlet", help_text="Reported by this outlet: outlet id or domain (e.g. example.com)."
    )
    article = django_filters.NumberFilter(
        method="filter_article",
        min_value=1,
        max_value=MAX_ID,
        help_text="Cited in this article (article id).",
    )
    q = django_filters.CharFilter(
        method="filter_search",
        help_text='Full-text search in the quote (web-search syntax: words, "phrases", -excluded, OR). '
        "Results are ranked by relevance unless `ordering` is given.",
    )

    class Meta:
        model = Statement
        fields = ["kind", "review_status"]

    def filter_speaker(self, queryset, name, value):
        # A slug, a full name or alias, or a surname ("Brenneke" finds "Jonas Brenneke"): everyone it may mean.
        return queryset.filter(speaker_id__in=[person.pk for person in people_selectors.people_matching(value)])

    def filter_country(self, queryset, name, value):
        code = value.strip().upper()
        return queryset.filter(Q(speaker__country_id=code) | Q(speaker_organization__country_id=code))

    # Slugs and domains are resolved to ids in a query of their own first: with literal ids the
    # planner reads its statistics for exactly those rows and picks the right plan (a busy topic
    # and a quiet one need different plans); behind a join it can only guess an average.

    def filter_position(self, queryset, name, value):
        position_ids = list(Position.objects.filter(_id_or_slug(value)).values_list("pk", flat=True))
        return queryset.filter(tenure__position__in=position_ids)

    def filter_organization(self, queryset, name, value):
        organizations = list(Organization.objects.filter(_id_or_slug(value)).values_list("pk", flat=True))
        return queryset.filter(
            Q(speaker_organization__in=organizations) | Q(tenure__position__organization__in=organizations)
        )

    def filter_topic_and_stance(self, queryset, name, value):
        return queryset  # applied together in filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        # topic and stance describe the same StatementTopic row: apply both at once, as one EXISTS
        # (a join would repeat a statement once per matching topic).
        topic_slug = self.form.cleaned_data.get("topic")
        stance = self.form.cleaned_data.get("stance")
        if not (topic_slug or stance):
            return queryset
        topics = Topic.objects.filter(is_suggested=False)
        if topic_slug:
            topics = topics.filter(slug=topic_slug.strip())
        topic_ids = list(topics.values_list("pk", flat=True))
        if topic_slug and not topic_ids:
            # Like a bad country: a topic that does not exist is a mistake to report, not an empty list.
            raise ValidationError({"topic": [f"No topic {topic_slug.strip()!r}: use a slug from /api/v1/topics/."]})
        links = StatementTopic.objects.filter(statement=OuterRef("pk"), topic_id__in=topic_ids)
        if stance:
            links = links.filter(stance=stance)
        return queryset.filter(Exists(links))

    def filter_outlet(self, queryset, name, value):
        value = value.strip().lower()
        if is_id(value):
            outlet_ids = [int(value)]
        else:
            outlet_ids = list(Outlet.objects.filter(domain=value).values_list("pk", flat=True))
        cited = Citation.objects.filter(statement=OuterRef("pk"), article__outlet_id__in=outlet_ids)
        return queryset.filter(Exists(cited))

    def filter_article(self, queryset, name, value):
        return queryset.filter(Exists(Citation.objects.filter(statement=OuterRef("pk"), article_id=value)))

    def filter_search(self, queryset, name, value):
        return selectors.statement_search(queryset, value)


class ArticleFilterSet(UpdatedSinceFilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=Article.Status.choices, help_text="Processing status; repeat for several."
    )
    outlet = django_filters.CharFilter(method="filter_outlet", help_text="Outlet id or domain.")
    published_after = django_filters.DateFilter(
        field_name="published", lookup_expr="gte", help_text="Published on or after (YYYY-MM-DD)."
    )
    published_before = django_filters.DateFilter(
        field_name="published", lookup_expr="lte", help_text="Published on or before (YYYY-MM-DD)."
    )
    is_demo = django_filters.BooleanFilter(
        help_text="Only sample articles about fictional politicians (true) or only real ones (false)."
    )

    class Meta:
        model = Article
        fields = ["status", "is_demo"]

    def filter_outlet(self, queryset, name, value):
        value = value.strip().lower()
        return (
            queryset.filter(outlet_id=int(value)) if is_id(value) else queryset.filter(outlet__domain=value)
        )


class TopicFilterSet(UpdatedSinceFilterSet):
    parent = django_filters.CharFilter(field_name="parent__slug", help_text="Slug of the parent topic.")

    class Meta:
        model = Topic
        fields = ["parent"]


