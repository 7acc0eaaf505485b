"""The hand-built representations of hot serializers equal what their declared fields produce."""

import pytest
from rest_framework import serializers
from rest_framework.test import APIRequestFactory

from statements import selectors
from statements.api.serializers import CitationSerializer, StatementSerializer, StatementTopicSerializer
from tests import factories as f

pytestmark = pytest.mark.django_db


def declared(serializer_class, instance, context):
    serializer = serializer_class(instance, context=context)
    return serializers.ModelSerializer.to_representation(serializer, instance)


def test_fast_paths_match_the_declared_fields(record):
    ministry = f.organization("Ministry of Defence", country_code="PL")
    f.statement(None, "The ministry denied the report.", speaker_organization=ministry, said_on=None)
    context = {"request": APIRequestFactory().get("/api/v1/statements/")}
    statements = list(selectors.statement_list_api(include_rejected=True))
    assert len(statements) == 5
    for statement in statements:
        assert StatementSerializer(statement, context=context).data == declared(StatementSerializer, statement, context)
        for link in statement.topic_links:
            assert StatementTopicSerializer(link).data == declared(StatementTopicSerializer, link, {})
        for citation in statement.citation_list:
            assert CitationSerializer(citation).data == declared(CitationSerializer, citation, {})


def test_office_shape_matches_the_office_serializer(record):
    from people.api.serializers import OfficeSerializer, _office
    from people.models import Tenure

    for tenure in Tenure.objects.select_related("position__organization"):
        assert _office(tenure) == OfficeSerializer(tenure).data
