"""GET /api/v1/people/{id}/stances/?topic=SLUG: a person's stance on a topic over time, with shifts."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from common.api.errors import ERROR_RESPONSES
from common.api.links import page_url
from common.api.strict import StrictQueryParamsMixin
from people.api.serializers import PersonRefSerializer
from people.models import Person
from statements import selectors, stances
from statements.api.serializers import TopicRefSerializer
from statements.models import StatementTopic, Topic
from statements.quote_text import bare_quote


class StancePointSerializer(serializers.Serializer):
    statement = serializers.IntegerField(help_text="Statement id.")
    said_on = serializers.DateField()
    date_precision = serializers.CharField()
    stance = serializers.ChoiceField(choices=StatementTopic.Stance.choices)
    confirmed = serializers.BooleanField(
        help_text="Confirmed by an analyst. Unconfirmed (suggested) stances never make a shift."
    )
    quote = serializers.CharField()
    html_url = serializers.URLField()

    def to_representation(self, point: stances.StancePoint):
        statement = point.statement
        return {
            "statement": statement.pk,
            "said_on": statement.said_on.isoformat(),
            "date_precision": statement.date_precision,
            "stance": point.stance,
            "confirmed": point.confirmed,
            "quote": bare_quote(statement.quote),
            "html_url": page_url(self, "statement-detail", statement.pk),
        }


class ShiftSerializer(serializers.Serializer):
    def get_fields(self):
        # "from" is a Python keyword: the fields are declared here rather than as attributes.
        return {
            "from": serializers.ChoiceField(choices=StatementTopic.Stance.choices),
            "to": serializers.ChoiceField(choices=StatementTopic.Stance.choices),
            "before": StancePointSerializer(help_text="The last confirmed statement with the old stance."),
            "after": StancePointSerializer(help_text="The first confirmed statement with the new stance."),
        }

    def to_representation(self, shift: stances.Shift):
        point = StancePointSerializer(context=self.context)
        return {
            "from": shift.from_stance,
            "to": shift.to_stance,
            "before": point.to_representation(shift.before),
            "after": point.to_representation(shift.after),
        }


class StanceHistorySerializer(serializers.Serializer):
    person = PersonRefSerializer()
    topic = TopicRefSerializer()
    sequence = StancePointSerializer(
        many=True, help_text="Dated stances, oldest first (undated ones left out)."
    )
    shifts = ShiftSerializer(
        many=True, help_text="Changes between support and oppose among confirmed stances."
    )


@extend_schema(
    summary="A person's stance on a topic over time",
    description="The dated sequence of the person's stances on the topic (confirmed and suggested, each marked) "
    "and every shift between support and oppose among the confirmed ones, with the two statements that show "
    "it. Each shift is `{from, to, before, after}`.",
    parameters=[
        OpenApiParameter("topic", OpenApiTypes.STR, required=True, description="Topic slug, e.g. energy.")
    ],
    responses={200: StanceHistorySerializer, **ERROR_RESPONSES},
)
class PersonStanceView(StrictQueryParamsMixin, APIView):
    action_query_params = {None: {"topic"}}

    def get(self, request, pk: int):
        person = Person.objects.filter(pk=pk, merged_into__isnull=True).select_related("country").first()
        if person is None:
            raise NotFound(f"No person with id {pk}.")
        topic = self._topic(request, person)
        history = stances.person_stance_histories(person_id=person.pk, topic=topic)[0]
        context = {"request": request}
        return Response(
            {
                "person": PersonRefSerializer(person, context=context).data,
                "topic": TopicRefSerializer(topic).data,
                "sequence": StancePointSerializer(history.points, many=True, context=context).data,
                "shifts": ShiftSerializer(history.shifts, many=True, context=context).data,
            }
        )

    def _topic(self, request, person: Person) -> Topic:
        slug = request.query_params.get("topic", "").strip()
        spoken_on = ", ".join(topic.slug for topic in stances.person_topics_spoken_on(person_id=person.pk))
        hint = f" Topics this person spoke on: {spoken_on}." if spoken_on else ""
        if not slug:
            raise ValidationError({"topic": [f"Give a topic slug.{hint}"]})
        try:
            return selectors.topic_get(slug=slug)
        except Topic.DoesNotExist:
            raise ValidationError({"topic": [f"No topic {slug!r}.{hint}"]}) from None
