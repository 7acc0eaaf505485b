"""Articles and outlets: ingestion state, failures with a retry, re-extraction."""

from django.contrib import admin, messages
from django.db.models import Count

from statements.models import Article, Outlet
from statements.services.articles import article_reextract, article_retry


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("__str__", "outlet", "published", "status", "statement_count", "extractor_version", "is_demo")
    list_filter = ("status", "origin", "language", "is_demo", "extractor_version", "outlet")
    search_fields = ("title", "url", "text")
    date_hierarchy = "published"
    list_select_related = ("outlet",)
    readonly_fields = (
        "content_hash", "status", "error", "language", "attempts", "extractor_version", "fetched_at", "created_at",
        "updated_at", "duplicate_of", "submitted_url",
    )
    raw_id_fields = ("feed",)
    actions = ["retry_failed", "reextract"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_citations=Count("citations"))

    @admin.display(description="Statements", ordering="n_citations")
    def statement_count(self, obj):
        return obj.n_citations

    @admin.action(description="Retry selected failed articles", permissions=["change"])
    def retry_failed(self, request, queryset):
        retried = 0
        for article in queryset.filter(status=Article.Status.FAILED):
            article_retry(article=article)
            retried += 1
        self.message_user(request, f"{retried} failed article(s) queued again.", messages.SUCCESS)

    @admin.action(description="Re-run extraction (keeps analysts' decisions)", permissions=["change"])
    def reextract(self, request, queryset):
        articles = queryset.exclude(text="").select_related(None).only("pk")
        queued = sum(article_reextract(article=article) for article in articles)
        self.message_user(request, f"Re-extraction queued for {queued} article(s).", messages.SUCCESS)


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ("name", "domain")
    search_fields = ("name", "domain")
