"""People in the API with how much they said: people's serializer and view plus a statement count.

people's API knows nothing of statements; the count is added here, counted for one page of
people at a time (one query), never annotated over the whole table.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.response import Response

from common.api.errors import ERROR_RESPONSES
from people.api.serializers import PersonSerializer
from people.api.views import PersonViewSet
from statements import selectors


class PersonWithStatementCountSerializer(PersonSerializer):
    statement_count = serializers.SerializerMethodField(help_text="Public statements by this person.")

    class Meta(PersonSerializer.Meta):
        fields = [
            *PersonSerializer.Meta.fields[: PersonSerializer.Meta.fields.index("html_url")],
            "statement_count",
            *PersonSerializer.Meta.fields[PersonSerializer.Meta.fields.index("html_url") :],
        ]

    def get_statement_count(self, person) -> int:
        return self.context.get("person_statement_counts", {}).get(person.pk, 0)


@extend_schema_view(
    list=extend_schema(
        summary="List people",
        responses={200: PersonWithStatementCountSerializer(many=True), **ERROR_RESPONSES},
    ),
    retrieve=extend_schema(
        summary="One person", responses={200: PersonWithStatementCountSerializer, **ERROR_RESPONSES}
    ),
)
class PersonWithStatementCountViewSet(PersonViewSet):
    serializer_class = PersonWithStatementCountSerializer

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self.statement_counts = selectors.person_statement_counts(person.pk for person in page)
        return page

    def retrieve(self, request, *args, **kwargs):
        person = self.get_object()
        self.statement_counts = selectors.person_statement_counts([person.pk])
        return Response(self.get_serializer(person).data)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["person_statement_counts"] = getattr(self, "statement_counts", {})
        return context
