"""Filters every API list shares: incremental sync and strictly checked ordering."""

import datetime as dt

import django_filters
from django import forms
from django_filters.fields import IsoDateTimeField
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter

# Real time zones lie within UTC-12:00 and UTC+14:00; Python takes up to ±23:59, PostgreSQL only
# ±15:59 (a larger offset is a DataError there). Anything past ±14:00 is a mistake: say so.
MAX_UTC_OFFSET = dt.timedelta(hours=14)


class UtcDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time, refused when its offset is no real time zone, returned in UTC."""

    def clean(self, value):
        moment = super().clean(value)
        if moment is None:
            return None
        offset = moment.utcoffset()
        if offset is not None and abs(offset) > MAX_UTC_OFFSET:
            raise forms.ValidationError("The UTC offset must be between -14:00 and +14:00.", code="invalid")
        return moment.astimezone(dt.UTC)


class UtcDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


class UpdatedSinceFilterSet(django_filters.FilterSet):
    """Incremental sync: rows changed at or after a moment (ISO 8601 date-time)."""

    updated_since = UtcDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Only rows created or changed at or after this ISO 8601 date-time, "
        "e.g. 2025-01-31T12:00:00Z. Use the newest updated_at you have seen to sync incrementally.",
    )


class AliasedOrderingFilter(OrderingFilter):
    """OrderingFilter whose public field names may map to other (annotated) names, strictly checked.

    The statements list is ordered by a NULL-safe date key (`said_sort`) that clients know as
    `said_on`; a view may also supply a request-dependent default (rank order when searching).
    Unknown fields are an error, not silently ignored.
    """

    def remove_invalid_fields(self, queryset, fields, view, request):
        allowed = [field for field, _ in self.get_valid_fields(queryset, view, {"request": request})]
        aliases = getattr(view, "ordering_aliases", {})
        ordering = []
        for term in filter(None, (field.strip() for field in fields)):
            name = term.lstrip("-")
            if name not in allowed:
                raise ValidationError(
                    {
                        "ordering": [
                            f"Cannot order by {name!r}; use one of: {', '.join(allowed)} (prefix - to reverse)."
                        ]
                    }
                )
            ordering.append(("-" if term.startswith("-") else "") + aliases.get(name, name))
        return ordering

    def get_default_ordering(self, view):
        request = getattr(view, "request", None)
        if request is not None and hasattr(view, "get_default_ordering"):
            return view.get_default_ordering(request)
        return super().get_default_ordering(view)
