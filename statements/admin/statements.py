"""The analysts' review queue: filter, read in context, verify or reject in bulk, correct."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from statements.models import Citation, Statement, StatementTopic
from statements.services.review import statement_correct, statements_review


class CitationInline(admin.TabularInline):
    model = Citation
    extra = 0
    fields = ("article", "start", "end", "text", "speaker_text", "cue")
    readonly_fields = fields
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


class StatementTopicInline(admin.TabularInline):
    model = StatementTopic
    extra = 0
    fields = ("topic", "stance", "stance_confidence", "relevance", "assigned_by", "stance_confirmed")
    readonly_fields = ("stance_confidence", "relevance")
    autocomplete_fields = ("topic",)


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    list_display = ("short_quote", "speaker_display", "kind", "said_on", "review_status", "citation_count")
    list_filter = ("review_status", "kind", "date_basis", "said_on", "speaker__country", "topics")
    search_fields = ("quote", "speaker_text", "speaker__name", "speaker__aliases__name")
    date_hierarchy = "said_on"
    list_select_related = ("speaker", "speaker_organization")
    autocomplete_fields = ("speaker", "speaker_organization", "targets", "tenure")
    readonly_fields = ("quote_key", "created_at", "updated_at", "reviewed_by", "reviewed_at", "extractor_version")
    inlines = [StatementTopicInline, CitationInline]
    actions = ["mark_verified", "mark_rejected", "mark_unreviewed"]
    fieldsets = (
        (None, {"fields": ("quote", "kind", "cue", "platform")}),
        ("Speaker", {"fields": ("speaker", "speaker_organization", "speaker_text", "tenure", "targets")}),
        ("Date", {"fields": ("said_on", "date_precision", "date_basis")}),
        ("Review", {"fields": ("review_status", "analyst_note", "reviewed_by", "reviewed_at", "confidence")}),
        ("Record", {"classes": ("collapse",), "fields": ("quote_key", "extractor_version", "created_at", "updated_at")}),
    )

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).annotate(n_citations=Count("citations", distinct=True))

    @admin.display(description="Quote")
    def short_quote(self, obj):
        return obj.quote if len(obj.quote) <= 90 else obj.quote[:87] + "…"

    @admin.display(description="Speaker", ordering="speaker__sort_name")
    def speaker_display(self, obj):
        if obj.speaker_id:
            return obj.speaker.name
        if obj.speaker_organization_id:
            return obj.speaker_organization.name
        return format_html("<em>{}</em>", obj.speaker_text or "unknown")

    @admin.display(description="Citations", ordering="n_citations")
    def citation_count(self, obj):
        return obj.n_citations

    def save_model(self, request, obj, form, change):
        changed = set(form.changed_data)
        if change and changed - {"review_status", "analyst_note"}:
            statement_correct(statement=obj, reviewer=request.user, fields={})  # edits lock the statement
            return
        if "review_status" in changed:
            obj.reviewed_by, obj.reviewed_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)

    def _review(self, request, queryset, status, label):
        count = statements_review(statements=queryset, status=status, reviewer=request.user)
        self.message_user(request, f"{count} statement(s) marked {label}.", messages.SUCCESS)

    @admin.action(description="Mark selected statements as verified", permissions=["change"])
    def mark_verified(self, request, queryset):
        self._review(request, queryset, Statement.ReviewStatus.VERIFIED, "verified")

    @admin.action(description="Mark selected statements as rejected (not a statement)", permissions=["change"])
    def mark_rejected(self, request, queryset):
        self._review(request, queryset, Statement.ReviewStatus.REJECTED, "rejected")

    @admin.action(description="Send selected statements back to unreviewed", permissions=["change"])
    def mark_unreviewed(self, request, queryset):
        self._review(request, queryset, Statement.ReviewStatus.UNREVIEWED, "unreviewed")


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ("statement", "article", "start", "end")
    search_fields = ("text", "speaker_text")
    list_select_related = ("statement", "article")
    raw_id_fields = ("statement", "article")
