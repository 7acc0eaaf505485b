"""People and offices for analysts: search by any alias, see tenures inline, merge duplicates."""

from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from .models import Country, Organization, Person, PersonAlias, Position, Tenure
from .services import person_merge


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 1
    fields = ("name",)


class TenureInline(admin.TabularInline):
    model = Tenure
    extra = 0
    fields = ("position", "start", "start_precision", "end", "end_precision", "source")
    autocomplete_fields = ("position",)
    fk_name = "person"


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ("name", "country", "description", "merged_into", "updated_at")
    list_filter = ("country",)
    search_fields = ("name", "aliases__name", "wikidata_id")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("country", "merged_into")
    list_select_related = ("country", "merged_into")
    inlines = [PersonAliasInline, TenureInline]
    actions = ["merge_into_first"]

    @admin.action(description="Merge selected people into the oldest record", permissions=["change"])
    def merge_into_first(self, request, queryset):
        people = list(queryset.order_by("pk"))
        if len(people) < 2:
            self.message_user(request, "Select at least two people to merge.", messages.WARNING)
            return
        target = people[0]
        for source in people[1:]:
            person_merge(source=source, target=target)
        self.message_user(request, f"Merged {len(people) - 1} record(s) into {target}.", messages.SUCCESS)


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "demonyms")
    search_fields = ("code", "name", "official_name")


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "country")
    list_filter = ("kind", "country")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("country",)


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ("title", "country", "organization")
    list_filter = ("country",)
    search_fields = ("title",)
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("country", "organization")


@admin.register(Tenure)
class TenureAdmin(SimpleHistoryAdmin):
    list_display = ("person", "position", "start", "end", "source")
    list_filter = ("source", "position__country")
    search_fields = ("person__name", "position__title")
    autocomplete_fields = ("person", "position")
    list_select_related = ("person", "position")
    raw_id_fields = ("source_article",)
