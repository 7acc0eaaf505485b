"""Query-string filters for people, organisations, positions and tenures."""

from __future__ import annotations

import django_filters
from django.db.models import Q

from common.api.filters import UpdatedSinceFilterSet
from common.ids import MAX_ID, is_id
from people import selectors
from people.models import Organization, Person, PersonAlias, Position, Tenure
from people.normalize import normalize_name


class PersonFilterSet(UpdatedSinceFilterSet):
    country = django_filters.CharFilter(
        field_name="country_id", method="filter_country", help_text="ISO 3166-1 alpha-2 code, e.g. DE."
    )
    name = django_filters.CharFilter(
        method="filter_name",
        help_text="Part of the name or of any alias; case and accents do not matter (soren finds Søren).",
    )
    position = django_filters.CharFilter(
        method="filter_position", help_text="Has held this office at some time: position id or slug."
    )

    class Meta:
        model = Person
        fields = ["country"]

    def filter_country(self, queryset, name, value):
        return queryset.filter(country_id=value.strip().upper())

    def filter_name(self, queryset, name, value):
        # Accent- and case-blind: "soren" finds "Søren" through the aliases' normalised keys.
        key = normalize_name(value)
        if not key:
            return queryset
        ids = PersonAlias.objects.filter(normalized__contains=key).values("person_id")
        return queryset.filter(Q(pk__in=ids) | Q(name__icontains=value.strip()))

    def filter_position(self, queryset, name, value):
        value = value.strip()
        position = Q(tenures__position_id=int(value)) if is_id(value) else Q(tenures__position__slug=value)
        return queryset.filter(position).distinct()


class OrganizationFilterSet(UpdatedSinceFilterSet):
    country = django_filters.CharFilter(method="filter_country", help_text="ISO 3166-1 alpha-2 code.")
    kind = django_filters.ChoiceFilter(choices=Organization.Kind.choices, help_text="Kind of organisation.")

    class Meta:
        model = Organization
        fields = ["kind"]

    def filter_country(self, queryset, name, value):
        return queryset.filter(country_id=value.strip().upper())


class PositionFilterSet(UpdatedSinceFilterSet):
    country = django_filters.CharFilter(method="filter_country", help_text="ISO 3166-1 alpha-2 code.")
    organization = django_filters.CharFilter(
        method="filter_organization", help_text="Organisation id or slug."
    )
    title = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", help_text="Part of the title."
    )

    class Meta:
        model = Position
        fields = ["title"]

    def filter_country(self, queryset, name, value):
        return queryset.filter(country_id=value.strip().upper())

    def filter_organization(self, queryset, name, value):
        value = value.strip()
        return (
            queryset.filter(organization_id=int(value))
            if is_id(value)
            else queryset.filter(organization__slug=value)
        )


class TenureFilterSet(UpdatedSinceFilterSet):
    person = django_filters.NumberFilter(
        field_name="person_id", min_value=1, max_value=MAX_ID, help_text="Person id."
    )
    position = django_filters.NumberFilter(
        field_name="position_id", min_value=1, max_value=MAX_ID, help_text="Position id."
    )
    active_on = django_filters.DateFilter(
        method="filter_active_on", help_text="Only tenures in force on this date (YYYY-MM-DD)."
    )

    class Meta:
        model = Tenure
        fields = ["person", "position"]

    def filter_active_on(self, queryset, name, value):
        return selectors.tenures_covering(queryset, value)
