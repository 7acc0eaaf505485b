"""API views for people, countries, organisations, positions and tenures."""

from __future__ import annotations

import datetime as dt

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError

from common.api.errors import ERROR_RESPONSES
from common.api.filters import AliasedOrderingFilter
from common.api.strict import StrictQueryParamsMixin
from people import selectors
from people.api import filters
from people.api.serializers import (
    CountrySerializer,
    OrganizationSerializer,
    PersonSerializer,
    PositionSerializer,
    TenureSerializer,
)

FILTERS = [DjangoFilterBackend, AliasedOrderingFilter]


@extend_schema_view(
    list=extend_schema(summary="List people", responses={200: PersonSerializer(many=True), **ERROR_RESPONSES}),
    retrieve=extend_schema(summary="One person", responses={200: PersonSerializer, **ERROR_RESPONSES}),
)
class PersonViewSet(StrictQueryParamsMixin, viewsets.ReadOnlyModelViewSet):
    """People on record with aliases, country, and offices (current and past). Merged records are left out.

    Served at /api/v1/people/ by statements.api.people, which adds each person's statement count.
    """

    serializer_class = PersonSerializer
    filterset_class = filters.PersonFilterSet
    filter_backends = FILTERS
    ordering_fields = ["sort_name", "id", "updated_at"]
    ordering = ["sort_name", "pk"]

    def get_queryset(self):
        return selectors.person_queryset()


@extend_schema_view(
    list=extend_schema(summary="List countries", responses={200: CountrySerializer(many=True), **ERROR_RESPONSES}),
    retrieve=extend_schema(summary="One country", responses={200: CountrySerializer, **ERROR_RESPONSES}),
)
class CountryViewSet(StrictQueryParamsMixin, viewsets.ReadOnlyModelViewSet):
    """ISO 3166-1 countries. The lookup is the alpha-2 code, in either case."""

    serializer_class = CountrySerializer
    filter_backends = [AliasedOrderingFilter]
    ordering_fields = ["code", "name"]
    ordering = ["code"]
    lookup_value_regex = "[A-Za-z]{2}"

    def get_queryset(self):
        return selectors.country_queryset()

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()


@extend_schema_view(
    list=extend_schema(summary="List organisations"),
    retrieve=extend_schema(summary="One organisation"),
)
class OrganizationViewSet(StrictQueryParamsMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = OrganizationSerializer
    filterset_class = filters.OrganizationFilterSet
    filter_backends = FILTERS
    ordering_fields = ["name", "id", "updated_at"]
    ordering = ["name", "pk"]

    def get_queryset(self):
        return selectors.organization_queryset()


@extend_schema_view(
    list=extend_schema(summary="List positions (offices)"),
    retrieve=extend_schema(summary="One position"),
)
class PositionViewSet(StrictQueryParamsMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = PositionSerializer
    filterset_class = filters.PositionFilterSet
    filter_backends = FILTERS
    ordering_fields = ["title", "id", "updated_at"]
    ordering = ["title", "pk"]

    action_query_params = {"holders": {"at"}}

    def get_queryset(self):
        return selectors.position_queryset()

    @extend_schema(
        summary="Who held this office",
        description="Tenures of this position, latest first; with `at`, only those in force on that date.",
        parameters=[OpenApiParameter("at", OpenApiTypes.DATE, description="A date, YYYY-MM-DD.")],
        responses={200: TenureSerializer(many=True), **ERROR_RESPONSES},
    )
    @action(detail=True, methods=["get"], filter_backends=[], serializer_class=TenureSerializer)
    def holders(self, request, pk=None):
        position = self.get_object()
        at = _parse_date(request.query_params.get("at"), name="at")
        page = self.paginate_queryset(selectors.position_holders(position=position, at=at))
        return self.get_paginated_response(TenureSerializer(page, many=True, context={"request": request}).data)


@extend_schema_view(list=extend_schema(summary="List tenures"), retrieve=extend_schema(summary="One tenure"))
class TenureViewSet(StrictQueryParamsMixin, viewsets.ReadOnlyModelViewSet):
    """Who held which office, from when to when."""

    serializer_class = TenureSerializer
    filterset_class = filters.TenureFilterSet
    filter_backends = FILTERS
    ordering_fields = ["id", "updated_at"]
    ordering = ["-pk"]

    def get_queryset(self):
        return selectors.tenure_queryset()


def _parse_date(raw: str | None, *, name: str) -> dt.date | None:
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise ValidationError({name: ["Use a date as YYYY-MM-DD."]}) from None



