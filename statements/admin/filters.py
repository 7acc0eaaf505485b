"""Compact list filters for the statement list: each costs one small query (or none), never a table scan."""

from django.contrib import admin
from django.db.models import Exists, OuterRef

from statements import review_selectors
from statements.models import Citation, StatementTopic


class SelectFilter(admin.SimpleListFilter):
    """A filter shown as a drop-down instead of a list of links (for filters with many choices)."""

    template = "admin/onrecord/filter_select.html"


class MissingSpeakerFilter(admin.SimpleListFilter):
    title = "speaker"
    parameter_name = "speaker_missing"

    def lookups(self, request, model_admin):
        return [("yes", "Missing"), ("no", "Named")]

    def queryset(self, request, queryset):
        missing = {"speaker__isnull": True, "speaker_organization__isnull": True}
        if self.value() == "yes":
            return queryset.filter(**missing)
        if self.value() == "no":
            return queryset.exclude(**missing)
        return queryset


# Confidence is a calibrated probability of being right: these bands read as "probably wrong" to "sure".
CONFIDENCE_BANDS = {
    "low": ("Below 0.3", 0.0, 0.3),
    "doubtful": ("0.3 – 0.6", 0.3, 0.6),
    "likely": ("0.6 – 0.8", 0.6, 0.8),
    "high": ("0.8 and above", 0.8, 1.01),
}


class ConfidenceFilter(admin.SimpleListFilter):
    title = "confidence"
    parameter_name = "confidence_band"

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _low, _high) in CONFIDENCE_BANDS.items()]

    def queryset(self, request, queryset):
        band = CONFIDENCE_BANDS.get(self.value() or "")
        if band is None:
            return queryset
        return queryset.filter(confidence__gte=band[1], confidence__lt=band[2])


class CountryFilter(SelectFilter):
    """Only countries someone on record comes from, not all 249."""

    title = "speaker's country"
    parameter_name = "country"

    def lookups(self, request, model_admin):
        return review_selectors.review_menus()["countries"]

    def queryset(self, request, queryset):
        return queryset.filter(speaker__country_id=self.value()) if self.value() else queryset


class OutletFilter(SelectFilter):
    title = "source"
    parameter_name = "outlet"

    def lookups(self, request, model_admin):
        return [(str(pk), name) for pk, name in review_selectors.review_menus()["outlets"]]

    def queryset(self, request, queryset):
        if not (self.value() or "").isdigit():
            return queryset
        return queryset.filter(
            Exists(Citation.objects.filter(statement=OuterRef("pk"), article__outlet_id=int(self.value())))
        )


class TopicFilter(SelectFilter):
    title = "topic"
    parameter_name = "topic"

    def lookups(self, request, model_admin):
        return [(str(pk), name) for pk, name in review_selectors.review_menus()["topics"]]

    def queryset(self, request, queryset):
        if not (self.value() or "").isdigit():
            return queryset
        return queryset.filter(
            Exists(StatementTopic.objects.filter(statement=OuterRef("pk"), topic_id=int(self.value())))
        )


class ExtractorFilter(SelectFilter):
    title = "extractor version"
    parameter_name = "extractor"

    def lookups(self, request, model_admin):
        return [(version, version) for version in review_selectors.review_menus()["extractors"]]

    def queryset(self, request, queryset):
        return queryset.filter(extractor_version=self.value()) if self.value() else queryset
