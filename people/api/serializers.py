"""Output shapes for people, countries, organisations, offices and tenures.

Nested serializers read only preloaded relations: the selectors decide the queries.
"""

from __future__ import annotations

import datetime as dt

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from common.api.links import page_url
from people.models import Country, Organization, Person, Position, Tenure


class CountrySerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ["code", "name", "official_name", "demonyms"]


class CountryRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ["code", "name"]


class OrganizationRefSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country_id", allow_null=True, help_text="ISO 3166-1 alpha-2 code.")

    class Meta:
        model = Organization
        fields = ["id", "name", "slug", "kind", "country"]


class OrganizationSerializer(serializers.ModelSerializer):
    country = CountryRefSerializer(allow_null=True)

    class Meta:
        model = Organization
        fields = ["id", "name", "slug", "kind", "country", "updated_at"]


class PositionRefSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country_id", allow_null=True, help_text="ISO 3166-1 alpha-2 code.")
    organization = OrganizationRefSerializer(allow_null=True)

    class Meta:
        model = Position
        fields = ["id", "title", "slug", "country", "organization"]


class PositionSerializer(PositionRefSerializer):
    class Meta(PositionRefSerializer.Meta):
        fields = [*PositionRefSerializer.Meta.fields, "updated_at"]


class PersonRefSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country_id", allow_null=True, help_text="ISO 3166-1 alpha-2 code.")
    html_url = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = ["id", "name", "slug", "country", "html_url"]

    def get_html_url(self, person) -> str:
        return page_url(self, "person-detail", person.slug, kind="slug")


class OfficeSerializer(serializers.ModelSerializer):
    """A tenure seen from its holder: the office and the dates."""

    position = PositionRefSerializer()

    class Meta:
        model = Tenure
        fields = ["id", "position", "start", "start_precision", "end", "end_precision", "last_seen", "source"]


class TenureSerializer(serializers.ModelSerializer):
    person = PersonRefSerializer()
    position = PositionRefSerializer()

    class Meta:
        model = Tenure
        fields = [
            "id",
            "person",
            "position",
            "start",
            "start_precision",
            "end",
            "end_precision",
            "last_seen",
            "source",
            "updated_at",
        ]


class PersonSerializer(PersonRefSerializer):
    country = CountryRefSerializer(allow_null=True)
    aliases = serializers.SerializerMethodField()
    current_offices = serializers.SerializerMethodField()
    past_offices = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = [
            "id",
            "name",
            "sort_name",
            "slug",
            "country",
            "description",
            "wikidata_id",
            "aliases",
            "current_offices",
            "past_offices",
            "html_url",
            "updated_at",
        ]

    def get_aliases(self, person) -> list[str]:
        return [alias.name for alias in person.aliases.all()]

    @extend_schema_field(OfficeSerializer(many=True))
    def get_current_offices(self, person):
        today = dt.date.today()
        return [_office(t) for t in person.tenures.all() if t.covers(today)]

    @extend_schema_field(OfficeSerializer(many=True))
    def get_past_offices(self, person):
        """Offices not held today (ended, or not yet begun)."""
        today = dt.date.today()
        return [_office(t) for t in person.tenures.all() if not t.covers(today)]


def _office(tenure: Tenure) -> dict:
    """OfficeSerializer's shape, built directly: people lists show several offices per person."""
    position = tenure.position
    organization = position.organization
    return {
        "id": tenure.pk,
        "position": {
            "id": position.pk,
            "title": position.title,
            "slug": position.slug,
            "country": position.country_id,
            "organization": None
            if organization is None
            else {
                "id": organization.pk,
                "name": organization.name,
                "slug": organization.slug,
                "kind": organization.kind,
                "country": organization.country_id,
            },
        },
        "start": tenure.start.isoformat() if tenure.start else None,
        "start_precision": tenure.start_precision,
        "end": tenure.end.isoformat() if tenure.end else None,
        "end_precision": tenure.end_precision,
        "last_seen": tenure.last_seen.isoformat() if tenure.last_seen else None,
        "source": tenure.source,
    }
