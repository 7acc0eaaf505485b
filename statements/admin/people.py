"""People and their offices for analysts: search by any alias, edit names and offices inline, merge duplicates.

Registered here rather than in people.admin because merging moves a person's statements and a
tenure read from text lists the articles that showed it. Merging is an editor's action: the
records are shown side by side with what each would bring, the editor picks the one that stays,
and everything happens in one transaction (statements.services.people_merge).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from common.admin_history import ReadableHistoryAdmin
from people.admin import PersonAliasInline, TenureInline
from people.models import Person, Tenure
from statements import review_selectors
from statements.models import TenureEvidence
from statements.services.people_merge import people_merge

from .filters import SelectFilter


class PersonCountryFilter(SelectFilter):
    """Only countries someone on record comes from, as a drop-down."""

    title = "country"
    parameter_name = "country"

    def lookups(self, request, model_admin):
        return review_selectors.review_menus()["countries"]

    def queryset(self, request, queryset):
        return queryset.filter(country_id=self.value()) if self.value() else queryset


@admin.register(Person)
class PersonAdmin(ReadableHistoryAdmin):
    list_display = ("name", "country", "description", "wikidata_id", "merged_into", "updated_at")
    list_filter = (PersonCountryFilter,)
    search_fields = ("name", "aliases__name", "wikidata_id")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("country", "merged_into")
    list_select_related = ("country", "merged_into")
    show_full_result_count = False
    fields = ("name", "sort_name", "slug", "country", "description", "wikidata_id", "merged_into")
    inlines = [PersonAliasInline, TenureInline]
    actions = ["merge_people"]

    class Media:
        js = ("onrecord/filter-select.js",)

    def has_merge_permission(self, request):
        return request.user.has_perm("people.merge_person")

    def get_urls(self):
        merge = self.admin_site.admin_view(self.merge_view)
        return [path("merge/", merge, name="people_person_merge")] + super().get_urls()

    @admin.action(description="Merge selected people (choose which record stays)…", permissions=["merge"])
    def merge_people(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        if len(ids) < 2:
            self.message_user(request, "Select at least two people to merge.", messages.WARNING)
            return None
        query = "&".join(f"ids={pk}" for pk in ids)
        return HttpResponseRedirect(f"{reverse('admin:people_person_merge')}?{query}")

    def merge_view(self, request):
        if not self.has_merge_permission(request):
            raise PermissionDenied
        ids = [int(v) for v in request.POST.getlist("ids") or request.GET.getlist("ids") if v.isdigit()]
        people = review_selectors.merge_preview(ids=ids)
        if len(people) < 2:
            self.message_user(
                request, "Choose at least two records still on record to merge.", messages.WARNING
            )
            return HttpResponseRedirect(reverse("admin:people_person_changelist"))
        if request.method == "POST":
            keep = next((p for p in people if str(p.pk) == request.POST.get("keep")), None)
            if keep is None:
                self.message_user(request, "Choose the record to keep.", messages.ERROR)
            else:
                people_merge(keep=keep, others=[p for p in people if p.pk != keep.pk], by=request.user)
                self.message_user(
                    request,
                    f"Merged {len(people) - 1} record(s) into {keep}; their pages now redirect to it.",
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:people_person_change", args=[keep.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Merge records of one person",
            "people": people,
            # The record with the most statements is the likeliest to be the one to keep.
            "suggested": max(people, key=lambda p: (p.n_statements, -p.pk)).pk,
        }
        return TemplateResponse(request, "admin/people/person_merge.html", context)


class TenureEvidenceInline(admin.TabularInline):
    model = TenureEvidence
    extra = 0
    fields = ("article", "seen_on", "basis")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # written by extraction only


@admin.register(Tenure)
class TenureAdmin(ReadableHistoryAdmin):
    list_display = ("person", "position", "start", "end", "source")
    list_filter = ("source",)
    search_fields = ("person__name", "position__title")
    autocomplete_fields = ("person", "position")
    list_select_related = ("person", "position")
    inlines = [TenureEvidenceInline]
