"""The statement list and form, and the review screen's views (see review.py).

The list answers in constant time at any table size: counts per row are correlated subqueries
over one page, filters are compact and never count the table (no facets), and the paginator
counts at most ``LIST_COUNT_CAP`` rows. Every write goes through the review services, so the
rules hold here too: no verifying without a speaker, a rejected statement stays rejected.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.contrib.admin.options import ShowFacets
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html

from common.admin_history import ReadableHistoryAdmin
from statements.models import Citation, Statement, StatementTopic
from statements.quote_text import shown_statement, with_marks
from statements.services import review

from .filters import (
    ConfidenceFilter,
    CountryFilter,
    ExtractorFilter,
    MissingSpeakerFilter,
    OutletFilter,
    TopicFilter,
)
from .review import ReviewScreen

Status = Statement.ReviewStatus

# Beyond this many rows the list says "10,000+" pages instead of counting them all.
LIST_COUNT_CAP = 10_000


class CappedCountPaginator(Paginator):
    """Counts up to the cap (one bounded query) instead of the whole filtered table."""

    @cached_property
    def count(self):
        # Only the ids: the per-row subqueries of the list's columns are not computed for the count.
        return self.object_list.order_by().values("pk")[:LIST_COUNT_CAP].count()


class ReviewActionForm(ActionForm):
    reason = forms.CharField(
        required=False,
        max_length=300,
        label="Reason (for reject)",
        widget=forms.TextInput(attrs={"size": 30}),
    )


class StatementForm(forms.ModelForm):
    """The full form, with the review rules checked before anything is saved."""

    class Meta:
        model = Statement
        fields = (
            "quote", "kind", "cue", "platform", "speaker", "speaker_organization", "speaker_text", "tenure",
            "targets", "said_on", "date_precision", "date_basis", "review_status", "reject_reason", "analyst_note",
        )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "quote" in self.fields:
            self.fields["quote"].help_text = (
                "The speaker's words. For reported speech with quoted words (mixed), put the "
                "speaker's own words in quotation marks; they are kept as quoted spans."
            )
        if self.instance.pk and "quote" in self.fields:
            # The words as the pages print them, so an analyst sees and edits the quoted spans.
            self.initial["quote"] = with_marks(self.instance.quote, self.instance.quoted_spans)

    def clean(self):
        data = super().clean()
        status = data.get("review_status")
        if status == Status.VERIFIED and not (data.get("speaker") or data.get("speaker_organization")):
            self.add_error("speaker", review.NO_SPEAKER_MESSAGE)
        if status == Status.REJECTED and not (data.get("reject_reason") or "").strip():
            self.add_error("reject_reason", "Say why the statement is rejected.")
        return data


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


def _first_citation(field: str):
    return Subquery(Citation.objects.filter(statement=OuterRef("pk")).order_by("pk").values(field)[:1])


@admin.register(Statement)
class StatementAdmin(ReadableHistoryAdmin):
    list_display = (
        "short_quote", "speaker_display", "source", "confidence_display", "kind", "said_on", "review_status",
        "citation_count", "review_link",
    )  # fmt: skip
    list_filter = (
        "review_status", MissingSpeakerFilter, ConfidenceFilter, "kind", OutletFilter, CountryFilter, TopicFilter,
        ExtractorFilter, "said_on",
    )  # fmt: skip
    search_fields = ("quote", "speaker_text", "speaker__name", "speaker__aliases__name")
    list_select_related = ("speaker", "speaker_organization")
    list_per_page = 50
    paginator = CappedCountPaginator
    show_full_result_count = False
    show_facets = ShowFacets.NEVER
    autocomplete_fields = ("speaker", "speaker_organization", "targets", "tenure")
    readonly_fields = (
        "quote_key", "created_at", "updated_at", "reviewed_by", "reviewed_at", "extractor_version", "confidence",
    )  # fmt: skip
    form = StatementForm
    inlines = [StatementTopicInline, CitationInline]
    action_form = ReviewActionForm
    actions = ["mark_verified", "mark_rejected", "mark_unrejected"]
    fieldsets = (
        (None, {"fields": ("quote", "kind", "cue", "platform")}),
        ("Speaker", {"fields": ("speaker", "speaker_organization", "speaker_text", "tenure", "targets")}),
        ("Date", {"fields": ("said_on", "date_precision", "date_basis")}),
        (
            "Review",
            {
                "fields": (
                    "review_status",
                    "reject_reason",
                    "analyst_note",
                    "reviewed_by",
                    "reviewed_at",
                    "confidence",
                )
            },
        ),
        (
            "Record",
            {
                "classes": ("collapse",),
                "fields": ("quote_key", "extractor_version", "created_at", "updated_at"),
            },
        ),
    )

    class Media:
        js = ("onrecord/filter-select.js",)
        css = {"all": ("onrecord/admin-lists.css",)}

    def get_urls(self):
        return ReviewScreen(self).urls() + super().get_urls()

    def get_queryset(self, request):
        counted = (
            Citation.objects.filter(statement=OuterRef("pk"))
            .order_by()
            .values("statement")
            .annotate(n=Count("pk"))
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_citations=Coalesce(Subquery(counted.values("n"), output_field=IntegerField()), 0),
                source_outlet=_first_citation("article__outlet__name"),
                source_title=_first_citation("article__title"),
            )
        )

    @admin.display(description="Quote")
    def short_quote(self, obj):
        shown = shown_statement(obj)
        return shown if len(shown) <= 90 else shown[:87] + "…"

    @admin.display(description="")
    def review_link(self, obj):
        return format_html(
            '<a href="{}">Review</a>', reverse("admin:statements_statement_review_one", args=[obj.pk])
        )

    @admin.display(description="Speaker", ordering="speaker__sort_name")
    def speaker_display(self, obj):
        if obj.speaker_id:
            return obj.speaker.name
        if obj.speaker_organization_id:
            return obj.speaker_organization.name
        return format_html('<em class="missing">{} (no speaker)</em>', obj.speaker_text or "unknown")

    @admin.display(description="Source")
    def source(self, obj):
        return obj.source_outlet or (obj.source_title or "")[:40]

    @admin.display(description="Confidence", ordering="confidence")
    def confidence_display(self, obj):
        return f"{obj.confidence:.2f}"

    @admin.display(description="Citations")
    def citation_count(self, obj):
        return obj.n_citations

    def save_model(self, request, obj, form, change):
        """Edits go through the review services (their rules hold here too)."""
        if not change:
            super().save_model(request, obj, form, change)
            return
        try:
            self._save_through_services(request, obj, form)
        except review.ReviewError as error:
            self.message_user(request, f"Not saved: {error}", messages.ERROR)
        obj.refresh_from_db()

    def _save_through_services(self, request, obj, form):
        changed = set(form.changed_data)
        edits = {name: form.cleaned_data[name] for name in changed & review.EDITABLE_FIELDS}
        status = form.cleaned_data.get("review_status") if "review_status" in changed else None
        original = Statement.objects.get(pk=obj.pk)
        if status and original.review_status == Status.REJECTED:
            original = review.statement_unreject(statement=original, reviewer=request.user)
        if edits:
            original = review.statement_edit(statement=original, reviewer=request.user, changes=edits)
        if status == Status.VERIFIED:
            review.statement_verify(statement=original, reviewer=request.user)
        elif status == Status.REJECTED:
            reason = form.cleaned_data.get("reject_reason", "")
            review.statement_reject(statement=original, reviewer=request.user, reason=reason)
        elif status == Status.CORRECTED and not edits:
            review.statement_mark_corrected(statement=original, reviewer=request.user)

    def _review(self, request, queryset, status, label):
        reason = request.POST.get("reason", "")
        changed, skipped = review.statements_review(
            statements=queryset, status=status, reviewer=request.user, reason=reason
        )
        self.message_user(request, f"{changed} statement(s) {label}.", messages.SUCCESS)
        if skipped:
            why = {
                Status.VERIFIED: "they have no speaker or are rejected",
                Status.REJECTED: "no reason was given",
            }.get(status, "they could not be changed")
            self.message_user(request, f"{skipped} statement(s) skipped: {why}.", messages.WARNING)

    @admin.action(description="Verify selected statements (those with a speaker)", permissions=["change"])
    def mark_verified(self, request, queryset):
        self._review(request, queryset, Status.VERIFIED, "verified")

    @admin.action(description="Reject selected statements (give the reason)", permissions=["change"])
    def mark_rejected(self, request, queryset):
        self._review(request, queryset, Status.REJECTED, "rejected")

    @admin.action(description="Un-reject selected statements (back to unreviewed)", permissions=["change"])
    def mark_unrejected(self, request, queryset):
        self._review(request, queryset, Status.UNREVIEWED, "un-rejected")


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ("statement", "article", "start", "end")
    search_fields = ("text", "speaker_text")
    list_select_related = ("statement", "article")
    raw_id_fields = ("statement", "article")
    show_full_result_count = False
