"""Countries, organisations and offices for analysts; the inlines of a person's page.

Person and Tenure are registered by statements.admin.people: merging people moves their
statements, and a tenure read from text shows the articles it rests on.
"""

from django.contrib import admin

from .models import Country, Organization, PersonAlias, Position, Tenure


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


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "demonyms")
    search_fields = ("code", "name", "official_name")


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "country")
    # Only the countries that have organisations, not all 249.
    list_filter = ("kind", ("country", admin.RelatedOnlyFieldListFilter))
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("country",)


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ("title", "country", "organization")
    list_filter = (("country", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("title",)
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("country", "organization")
