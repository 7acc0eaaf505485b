"""API views for statements, articles, topics and outlets. Thin: parse, call a selector or service, render."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse

from common.api.errors import ERROR_RESPONSES, error_body
from common.api.filters import AliasedOrderingFilter, UpdatedSinceFilterSet
from common.api.renderers import CSPBrowsableAPIRenderer, FastJSONRenderer
from common.api.strict import StrictQueryParamsMixin
from people import selectors as people_selectors
from people.models import Person
from statements import selectors
from statements.api import filters, statement_rows
from statements.api.export import export_response
from statements.api.renderers import StatementCSVRenderer
from statements.api.serializers import (
    ArticleAcceptedSerializer,
    ArticleDetailSerializer,
    ArticleOnRecordSerializer,
    ArticleSerializer,
    ArticleSubmitSerializer,
    OutletSerializer,
    SpeakerStanceCountSerializer,
    StatementSerializer,
    TopicSerializer,
)
from statements.api.throttles import ArticleSubmitThrottle
from statements.models import Article, Outlet, Statement
from statements.services.articles import IngestError, article_ingest
from statements.services.reconcile import article_resume

FORMAT_PARAMETER = OpenApiParameter(
    "format",
    OpenApiTypes.STR,
    enum=["json", "csv"],
    description="json (default) or csv. CSV of a list streams every matching statement, not one page; "
    "the header `Accept: text/csv` does the same.",
)


class StatementListMixin:
    """Everything a statement list needs: queryset, filters, ordering, CSV export.

    Shared by /statements/ and /people/{id}/statements/.
    """

    serializer_class = StatementSerializer
    filterset_class = filters.StatementFilterSet
    filter_backends = [DjangoFilterBackend, AliasedOrderingFilter]
    renderer_classes = [FastJSONRenderer, CSPBrowsableAPIRenderer, StatementCSVRenderer]
    ordering_fields = ["said_on", "updated_at", "id", "confidence"]
    ordering_aliases = {"said_on": "said_sort"}

    def get_queryset(self):
        # Rejected statements appear only when the client filters on review_status explicitly.
        return selectors.statement_list_api(include_rejected="review_status" in self.request.query_params)

    def get_default_ordering(self, request):
        if request.query_params.get("q", "").strip():
            return ["-search_rank", "-pk"]
        return ["-said_sort", "-pk"]

    def list(self, request, *args, **kwargs):
        format_ = getattr(request.accepted_renderer, "format", None)
        if format_ == "csv":
            return self.csv_export(self.filter_queryset(self.get_queryset()))
        if format_ != "json":  # the browsable API
            return super().list(request, *args, **kwargs)
        # JSON from plain rows, not model instances: the list's hot path.
        rows = self.paginate_queryset(selectors.statement_rows(self.filter_queryset(self.get_queryset())))
        return self.get_paginated_response(statement_rows.represent(rows, serializer=self.get_serializer()))

    def csv_export(self, queryset):
        # The same columns and file name as the bulk export (/export/statements/).
        return export_response(self.request, queryset, "csv")

    def finalize_response(self, request, response, *args, **kwargs):
        # Errors are JSON in the one error shape, even when CSV was asked for; so is the
        # description of the endpoint an OPTIONS request gets (it has no statement rows).
        renderer = getattr(request, "accepted_renderer", None)
        not_rows = getattr(response, "exception", False) or request.method == "OPTIONS"
        if not_rows and renderer is not None and renderer.format == "csv":
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)


@extend_schema_view(
    list=extend_schema(
        summary="List statements",
        description="Newest first (by date said), or by relevance when `q` is given. Rejected statements are "
        "hidden unless `review_status` is given. Cursor-paginated: follow `next`.",
        parameters=[FORMAT_PARAMETER],
        responses={200: StatementSerializer(many=True), **ERROR_RESPONSES},
    ),
    retrieve=extend_schema(summary="One statement", responses={200: StatementSerializer, **ERROR_RESPONSES}),
)
class StatementViewSet(StrictQueryParamsMixin, StatementListMixin, viewsets.ReadOnlyModelViewSet):
    def get_queryset(self):
        if self.action == "retrieve":
            # A statement asked for by id is shown whatever its review status (the status says it all).
            return selectors.statement_list_api(include_rejected=True)
        return super().get_queryset()


@extend_schema_view(
    list=extend_schema(
        summary="List articles", responses={200: ArticleSerializer(many=True), **ERROR_RESPONSES}
    ),
    retrieve=extend_schema(
        summary="One article, with its text", responses={200: ArticleDetailSerializer, **ERROR_RESPONSES}
    ),
)
class ArticleViewSet(StrictQueryParamsMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    filterset_class = filters.ArticleFilterSet
    filter_backends = [DjangoFilterBackend, AliasedOrderingFilter]
    ordering_fields = ["id", "published", "updated_at"]
    ordering = ["-pk"]

    def get_queryset(self):
        # Anyone may follow an article through the pipeline once signed in (the status URL a
        # submitter polls); the public sees an article only once it is extracted.
        if self.request.user.is_authenticated:
            qs = selectors.article_queryset()
        else:
            qs = selectors.article_queryset_public()
        return qs if self.action == "retrieve" else qs.defer("text")

    def get_serializer_class(self):
        if self.action == "retrieve":
            return ArticleDetailSerializer
        if self.action == "create":
            return ArticleSubmitSerializer
        return ArticleSerializer

    def get_permissions(self):
        if self.action == "create":
            return [permissions.IsAuthenticated()]
        return super().get_permissions()

    def get_throttles(self):
        if self.action == "create":
            return [*super().get_throttles(), ArticleSubmitThrottle()]
        return super().get_throttles()

    @extend_schema(
        summary="Submit an article",
        description="Give `url` (fetched, then extracted in the background), or `text` (+ `title`, "
        "`published`), or both (the text is used and the URL kept as its source). "
        "Answers 202 with a status URL for a new article, or 200 with the article already on record. "
        "Needs a token: `Authorization: Token <key>`.",
        request=ArticleSubmitSerializer,
        responses={
            202: ArticleAcceptedSerializer,
            200: ArticleOnRecordSerializer,
            401: OpenApiResponse(description="No or invalid token."),
            **ERROR_RESPONSES,
        },
    )
    def create(self, request, *args, **kwargs):
        submitted = ArticleSubmitSerializer(data=request.data)
        submitted.is_valid(raise_exception=True)
        data = submitted.validated_data
        try:
            result = article_ingest(
                url=data.get("url") or None,
                text=data.get("text") or None,
                title=data["title"],
                published=data["published"],
                author=data["author"],
                outlet_name=data["outlet_name"],
            )
        except IngestError as exc:
            return Response(error_body("invalid", str(exc)), status=status.HTTP_400_BAD_REQUEST)
        article = selectors.article_detail(pk=result.article.pk)
        status_url = reverse("api:article-detail", args=[article.pk], request=request)
        if not result.created:
            article.message = _already_on_record_message(article)
            body = ArticleOnRecordSerializer(article, context={"request": request}).data
            if not body["message"]:
                del body["message"]
            return Response(body, headers={"Location": status_url})
        body = {"id": article.pk, "status": article.status, "status_url": status_url}
        if result.waiting_for_queue:
            body["message"] = "Stored; it will be processed when the task queue is back."
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": status_url})


def _already_on_record_message(article) -> str:
    """For an article that is not moving: what happened, and what sending it again did."""
    if article.status == Article.Status.FAILED:
        return f"Already on record and failed: {article.error} An analyst can retry it from the admin."
    if article.status not in (Article.Status.QUEUED, Article.Status.FETCHED):
        return ""
    resumed = article_resume(article=article)
    if resumed is None:
        return ""
    if resumed:
        return "Already on record and stalled (no task was working on it): sent to the queue again."
    return "Already on record and stalled; the task queue is unreachable, it will be processed when it is back."


@extend_schema_view(
    list=extend_schema(summary="List topics", responses={200: TopicSerializer(many=True), **ERROR_RESPONSES}),
    retrieve=extend_schema(summary="One topic", responses={200: TopicSerializer, **ERROR_RESPONSES}),
)
class TopicViewSet(StrictQueryParamsMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = TopicSerializer
    filterset_class = filters.TopicFilterSet
    filter_backends = [DjangoFilterBackend, AliasedOrderingFilter]
    ordering_fields = ["name", "id", "updated_at"]
    ordering = ["name"]
    lookup_field = "slug"
    action_query_params = {"speakers": {"limit"}}

    def get_queryset(self):
        return selectors.public_topics().select_related("parent")

    def get_serializer_context(self):
        return {
            **super().get_serializer_context(),
            "topic_statement_counts": selectors.topic_statement_counts(),
        }

    @extend_schema(
        summary="Who spoke on a topic",
        description="One row per speaker with their statement counts by stance, most active first. "
        "Counts include every write up to the request.",
        parameters=[
            OpenApiParameter(
                "limit", OpenApiTypes.INT, description="How many speakers (default 100, max 500)."
            )
        ],
        responses={200: SpeakerStanceCountSerializer(many=True), **ERROR_RESPONSES},
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def speakers(self, request, slug=None):
        topic = self._topic(slug)
        limit = _bounded_int(request.query_params.get("limit"), name="limit", default=100, maximum=500)
        rows = selectors.topic_speakers_top(topic=topic, limit=limit)
        people = people_selectors.person_by_ids([row["statement__speaker"] for row in rows])
        data = [{"speaker": people[row["statement__speaker"]], **row} for row in rows]
        return Response(SpeakerStanceCountSerializer(data, many=True, context={"request": request}).data)

    def _topic(self, slug):
        try:
            return selectors.topic_get(slug=slug)
        except selectors.Topic.DoesNotExist:
            raise NotFound(f"No topic {slug!r}.") from None


@extend_schema_view(list=extend_schema(summary="List outlets"), retrieve=extend_schema(summary="One outlet"))
class OutletViewSet(StrictQueryParamsMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = OutletSerializer
    filterset_class = UpdatedSinceFilterSet
    filter_backends = [DjangoFilterBackend]

    def get_queryset(self):
        return Outlet.objects.all()


def _bounded_int(raw, *, name: str, default: int, maximum: int) -> int:
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValidationError({name: ["Must be a whole number."]}) from None
    if not 1 <= value <= maximum:
        raise ValidationError({name: [f"Must be between 1 and {maximum}."]})
    return value


@extend_schema(
    summary="Statements by one person",
    description="The same filters, ordering, pagination and CSV output as /statements/.",
    parameters=[FORMAT_PARAMETER],
    responses={200: StatementSerializer(many=True), **ERROR_RESPONSES},
)
class PersonStatementList(StrictQueryParamsMixin, StatementListMixin, generics.ListAPIView):
    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no person in the URL
            return Statement.objects.none()
        return super().get_queryset().filter(speaker_id=self.kwargs["pk"])

    def list(self, request, *args, **kwargs):
        if not Person.objects.filter(pk=self.kwargs["pk"]).exists():
            raise NotFound(f"No person with id {self.kwargs['pk']}.")
        return super().list(request, *args, **kwargs)
