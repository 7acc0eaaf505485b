"""Output shapes for statements, articles, topics and outlets; the input shape for article submission."""

from __future__ import annotations

from rest_framework import serializers
from rest_framework.reverse import reverse

from common.api.links import page_url
from people.api.serializers import OrganizationRefSerializer, PersonRefSerializer, PositionRefSerializer
from statements.models import Article, Citation, Outlet, Statement, StatementTopic, Topic
from statements.quote_text import shown_statement, valid_spans


class OutletSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "name", "domain"]


class TopicRefSerializer(serializers.ModelSerializer):
    """A topic named inside another resource (a person's stances)."""

    class Meta:
        model = Topic
        fields = ["id", "name", "slug"]


class TopicSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    statement_count = serializers.SerializerMethodField(help_text="Public statements on this topic.")
    html_url = serializers.SerializerMethodField()

    class Meta:
        model = Topic
        fields = [
            "id",
            "name",
            "slug",
            "description",
            "keywords",
            "parent",
            "statement_count",
            "html_url",
            "updated_at",
        ]

    def get_html_url(self, topic) -> str:
        return page_url(self, "topic-detail", topic.slug, kind="slug")

    def get_statement_count(self, topic) -> int:
        return self.context.get("topic_statement_counts", {}).get(topic.pk, 0)


class StatementTopicSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(source="topic.slug")
    name = serializers.CharField(source="topic.name")

    class Meta:
        model = StatementTopic
        fields = ["slug", "name", "stance", "stance_confirmed", "relevance", "assigned_by"]

    def to_representation(self, link):
        # Hot path (every topic of every listed statement): plain attribute reads, same shape.
        return {
            "slug": link.topic.slug,
            "name": link.topic.name,
            "stance": link.stance,
            "stance_confirmed": link.stance_confirmed,
            "relevance": link.relevance,
            "assigned_by": link.assigned_by,
        }


class CitationSerializer(serializers.ModelSerializer):
    article = serializers.IntegerField(source="article_id", help_text="Article id.")
    title = serializers.CharField(source="article.title")
    url = serializers.URLField(
        source="article.url", allow_null=True, help_text="Where it was published, if known."
    )
    published = serializers.DateField(source="article.published", allow_null=True)
    outlet = OutletSerializer(source="article.outlet", allow_null=True)
    is_demo = serializers.BooleanField(
        source="article.is_demo", help_text="A sample article about fictional people."
    )

    class Meta:
        model = Citation
        fields = [
            "id",
            "article",
            "title",
            "url",
            "published",
            "outlet",
            "is_demo",
            "start",
            "end",
            "text",
            "cue",
        ]

    def to_representation(self, citation):
        # Hot path (every citation of every listed statement): plain attribute reads, same shape.
        article = citation.article
        outlet = article.outlet
        return {
            "id": citation.pk,
            "article": article.pk,
            "title": article.title,
            "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "outlet": {"id": outlet.pk, "name": outlet.name, "domain": outlet.domain} if outlet else None,
            "is_demo": article.is_demo,
            "start": citation.start,
            "end": citation.end,
            "text": citation.text,
            "cue": citation.cue,
        }


class OfficeAtTheTimeSerializer(serializers.Serializer):
    tenure = serializers.IntegerField(source="id")
    position = PositionRefSerializer()
    start = serializers.DateField(allow_null=True)
    end = serializers.DateField(allow_null=True)


class StatementSerializer(serializers.ModelSerializer):
    speaker = PersonRefSerializer(allow_null=True)
    speaker_organization = OrganizationRefSerializer(allow_null=True)
    office = OfficeAtTheTimeSerializer(
        source="tenure", allow_null=True, help_text="Office held when it was said."
    )
    topics = StatementTopicSerializer(source="topic_links", many=True)
    citations = CitationSerializer(source="citation_list", many=True)
    html_url = serializers.SerializerMethodField()
    quoted_spans = serializers.ListField(
        child=serializers.ListField(child=serializers.IntegerField(), min_length=2, max_length=2),
        help_text=(
            "For a mixed statement, [start, end) character ranges of `quote` that are the speaker's own "
            "words, printed inside quotation marks; empty for direct (all quoted) and indirect (none)."
        ),
    )
    quote_with_marks = serializers.SerializerMethodField(
        help_text="`quote` as the pages print it: a direct quote, or a mixed statement's quoted spans, in marks."
    )

    class Meta:
        model = Statement
        fields = [
            "id",
            "quote",
            "quoted_spans",
            "quote_with_marks",
            "kind",
            "cue",
            "said_on",
            "date_precision",
            "date_basis",
            "speaker",
            "speaker_text",
            "speaker_organization",
            "office",
            "topics",
            "citations",
            "platform",
            "confidence",
            "review_status",
            "extractor_version",
            "html_url",
            "created_at",
            "updated_at",
        ]

    def get_html_url(self, statement) -> str:
        return page_url(self, "statement-detail", statement.pk)

    def get_quote_with_marks(self, statement) -> str:
        return shown_statement(statement)

    def to_representation(self, statement):
        """The declared shape, built with plain attribute reads: the list endpoints' hot path.

        The declared fields above stay the contract (and the OpenAPI schema); tests compare both.
        """
        fields = self.fields
        speaker = statement.speaker
        organization = statement.speaker_organization
        tenure = statement.tenure
        return {
            "id": statement.pk,
            "quote": statement.quote,
            "quoted_spans": valid_spans(statement.quote, statement.quoted_spans),
            "quote_with_marks": shown_statement(statement),
            "kind": statement.kind,
            "cue": statement.cue,
            "said_on": statement.said_on.isoformat() if statement.said_on else None,
            "date_precision": statement.date_precision,
            "date_basis": statement.date_basis,
            "speaker": None
            if speaker is None
            else {
                "id": speaker.pk,
                "name": speaker.name,
                "slug": speaker.slug,
                "country": speaker.country_id,
                "html_url": page_url(self, "person-detail", speaker.slug, kind="slug"),
            },
            "speaker_text": statement.speaker_text,
            "speaker_organization": None if organization is None else _organization_ref(organization),
            "office": None
            if tenure is None
            else {
                "tenure": tenure.pk,
                "position": _position_ref(tenure.position),
                "start": tenure.start.isoformat() if tenure.start else None,
                "end": tenure.end.isoformat() if tenure.end else None,
            },
            "topics": fields["topics"].to_representation(statement.topic_links),
            "citations": fields["citations"].to_representation(statement.citation_list),
            "platform": statement.platform,
            "confidence": statement.confidence,
            "review_status": statement.review_status,
            "extractor_version": statement.extractor_version,
            "html_url": page_url(self, "statement-detail", statement.pk),
            "created_at": fields["created_at"].to_representation(statement.created_at),
            "updated_at": fields["updated_at"].to_representation(statement.updated_at),
        }


def _organization_ref(organization) -> dict:
    return {
        "id": organization.pk,
        "name": organization.name,
        "slug": organization.slug,
        "kind": organization.kind,
        "country": organization.country_id,
    }


def _position_ref(position) -> dict:
    organization = position.organization
    return {
        "id": position.pk,
        "title": position.title,
        "slug": position.slug,
        "country": position.country_id,
        "organization": None if organization is None else _organization_ref(organization),
    }


class ArticleSerializer(serializers.ModelSerializer):
    outlet = OutletSerializer(allow_null=True)
    statement_count = serializers.IntegerField(read_only=True, help_text="Statements cited in this article.")
    statements_url = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "title",
            "outlet",
            "author",
            "published",
            "language",
            "origin",
            "status",
            "error",
            "extractor_version",
            "is_demo",
            "statement_count",
            "statements_url",
            "created_at",
            "updated_at",
        ]

    def get_statements_url(self, article) -> str:
        url = reverse("api:statement-list", request=self.context.get("request"))
        return f"{url}?article={article.pk}"


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "text"]


class ArticleSubmitSerializer(serializers.Serializer):
    """A URL to fetch, or the text of an article, or both (the text with its source URL)."""

    url = serializers.CharField(
        required=False, allow_blank=True, max_length=2000, help_text="Article URL to fetch."
    )
    text = serializers.CharField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        help_text="Article body text; with `url`, nothing is fetched.",
    )
    title = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")
    published = serializers.DateField(required=False, allow_null=True, default=None, help_text="YYYY-MM-DD.")
    author = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")
    outlet_name = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")


class ArticleAcceptedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Article.Status.choices)
    status_url = serializers.URLField(
        help_text="Poll this URL to follow the article through fetch and extraction."
    )
    message = serializers.CharField(
        required=False, help_text="Present when the task queue is unreachable: stored, processed when it is back."
    )


class ArticleOnRecordSerializer(ArticleSerializer):
    """The answer to a submission already on record: the article, and for a stuck one what was done."""

    message = serializers.CharField(
        required=False,
        read_only=True,
        help_text="Present when the article failed (why) or had stalled (it was sent to the queue again).",
    )

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "message"]


class SpeakerStanceCountSerializer(serializers.Serializer):
    speaker = PersonRefSerializer()
    total = serializers.IntegerField()
    support = serializers.IntegerField()
    oppose = serializers.IntegerField()
    neutral = serializers.IntegerField()
    unclear = serializers.IntegerField()
