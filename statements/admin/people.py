"""People and their offices for analysts: search by any alias, see tenures inline, merge duplicates.

Registered here rather than in people.admin because merging moves a person's statements and a
tenure read from text lists the articles that showed it.
"""

from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from people.admin import PersonAliasInline, TenureInline
from people.models import Person, Tenure
from statements.models import TenureEvidence
from statements.services.person_merge import person_merge


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


class TenureEvidenceInline(admin.TabularInline):
    model = TenureEvidence
    extra = 0
    fields = ("article", "seen_on", "basis")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # written by extraction only


@admin.register(Tenure)
class TenureAdmin(SimpleHistoryAdmin):
    list_display = ("person", "position", "start", "end", "source")
    list_filter = ("source", "position__country")
    search_fields = ("person__name", "position__title")
    autocomplete_fields = ("person", "position")
    list_select_related = ("person", "position")
    inlines = [TenureEvidenceInline]
