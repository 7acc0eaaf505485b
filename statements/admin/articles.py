"""Articles and outlets: add through the ingest pipeline, follow an article through it, retry, re-extract.

The add form asks for what a person has (title, text or URL, publication date) and hands it to
``article_ingest``, the service the API and the CLI use: same checks, same messages, and the
article is fetched and extracted like any other. The change page shows where the article is in
the pipeline and refreshes itself until the run ends (static/onrecord/article-progress.js).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from statements import selectors
from statements.models import Article, Outlet
from statements.services import articles as article_services

Status = Article.Status
# The pipeline is still working on an article in these states.
RUNNING = {Status.QUEUED, Status.FETCHED}


class ArticleSubmitForm(forms.Form):
    title = forms.CharField(
        required=False, max_length=500, help_text="Taken from the page or the text when empty."
    )
    url = forms.CharField(
        required=False,
        max_length=2000,
        label="URL",
        help_text="Fetched in the background unless you paste the text.",
    )
    text = forms.CharField(
        required=False, strip=False, widget=forms.Textarea(attrs={"rows": 16, "cols": 90}), label="Text"
    )
    published = forms.DateField(
        required=False, help_text="YYYY-MM-DD; dates like “last month” are read from it."
    )

    def clean(self):
        data = super().clean()
        try:
            article_services.article_input_check(
                url=data.get("url") or "", text=data.get("text") or None, published=data.get("published")
            )
        except article_services.IngestError as exc:
            raise forms.ValidationError(str(exc)) from None
        return data


def article_progress(article: Article) -> dict:
    """Where the article is in the pipeline, in words, for the change page and its refresh."""
    running = article.status in RUNNING or article.extraction_started_at is not None
    labels = {
        Status.QUEUED: "Queued: waiting to be fetched",
        Status.FETCHED: "Fetched: waiting for extraction",
        Status.EXTRACTED: f"Extracted: {article.statement_count} statement(s) by extractor {article.extractor_version}",
        Status.FAILED: f"Failed: {article.error}",
        Status.DUPLICATE: "Duplicate of an article already on record",
    }
    label = labels.get(article.status, article.get_status_display())
    if article.extraction_started_at is not None:
        label = (
            f"Extracting since {article.extraction_started_at:%H:%M:%S} (run {article.extraction_count + 1})"
        )
    return {
        "status": article.status,
        "label": label,
        "statements": article.statement_count,
        "runs": article.extraction_count,
        "running": running,
    }


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "outlet",
        "published",
        "status",
        "statement_count",
        "extractor_version",
        "is_demo",
    )
    list_filter = ("status", "origin", "language", "is_demo", "extractor_version", "outlet")
    search_fields = ("title", "url")
    list_select_related = ("outlet",)
    show_full_result_count = False
    readonly_fields = (
        "pipeline", "content_hash", "status", "error", "language", "attempts", "extractor_version", "fetched_at",
        "created_at", "updated_at", "duplicate_of", "submitted_url", "extraction_count",
    )  # fmt: skip
    raw_id_fields = ("feed",)
    actions = ["retry_failed", "reextract"]

    class Media:
        js = ("onrecord/article-progress.js",)

    def get_queryset(self, request):
        return selectors.article_queryset()

    def get_readonly_fields(self, request, obj=None):
        # Citation offsets point into the text: once in, the text and its source do not change here.
        return (*self.readonly_fields, "url", "origin", "text")

    def get_urls(self):
        progress = self.admin_site.admin_view(self.progress_view)
        return [
            path("<int:pk>/progress/", progress, name="statements_article_progress"),
        ] + super().get_urls()

    @admin.display(description="Statements", ordering="statement_count")
    def statement_count(self, obj):
        return obj.statement_count

    @admin.display(description="Pipeline")
    def pipeline(self, obj):
        state = article_progress(obj)
        return format_html(
            '<span id="article-progress" data-url="{}" data-running="{}">{}</span>',
            reverse("admin:statements_article_progress", args=[obj.pk]),
            "1" if state["running"] else "",
            state["label"],
        )

    def progress_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return JsonResponse(article_progress(get_object_or_404(self.get_queryset(request), pk=pk)))

    def add_view(self, request, form_url="", extra_context=None):
        """Articles come in through the ingest service, never as a bare row."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArticleSubmitForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                result = article_services.article_ingest(
                    url=data["url"] or None,
                    text=data["text"] or None,
                    title=data["title"],
                    published=data["published"],
                )
            except article_services.IngestError as exc:
                form.add_error(None, str(exc))
            else:
                return self._added(request, result)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Add an article",
            "form": form,
            "has_view_permission": self.has_view_permission(request),
        }
        return TemplateResponse(request, "admin/statements/article_add.html", context)

    def _added(self, request, result):
        article = self.get_queryset(request).get(pk=result.article.pk)
        if not result.created:
            self.message_user(
                request, f"This article is already on record (#{article.pk}).", messages.WARNING
            )
        elif result.waiting_for_queue:
            self.message_user(
                request,
                f"Article #{article.pk} stored; it will be processed when the task queue is back.",
                messages.WARNING,
            )
        else:
            self.message_user(request, f"Article #{article.pk} added. {article_progress(article)['label']}.")
        return HttpResponseRedirect(reverse("admin:statements_article_change", args=[article.pk]))

    @admin.action(description="Retry selected failed articles", permissions=["change"])
    def retry_failed(self, request, queryset):
        outcomes = [
            article_services.article_retry(article=article)
            for article in queryset.filter(status=Status.FAILED)
        ]
        self._report(request, "Retried", [article.pk for article in outcomes])

    @admin.action(description="Re-run extraction (keeps analysts' decisions)", permissions=["change"])
    def reextract(self, request, queryset):
        before = dict(queryset.exclude(text="").values_list("pk", "extraction_count"))
        for article in queryset.filter(pk__in=before).select_related(None).only("pk"):
            article_services.article_reextract(article=article)
        self._report(request, "Re-extraction of", list(before), runs_before=before)

    def _report(self, request, verb: str, ids: list[int], runs_before: dict | None = None):
        """Say what became of each article (with an eager queue, the run is over by now), not only "queued"."""
        if not ids:
            self.message_user(request, f"{verb} nothing: no article selected could be.", messages.WARNING)
            return
        for article in selectors.article_queryset().filter(pk__in=ids).order_by("pk"):
            state = article_progress(article)
            if runs_before is not None and article.extraction_count == runs_before.get(article.pk):
                state["label"] = "queued; its page shows the progress and the outcome"
            level = messages.ERROR if article.status == Status.FAILED else messages.SUCCESS
            self.message_user(request, f"{verb} #{article.pk} {article}: {state['label']}.", level)


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ("name", "domain")
    search_fields = ("name", "domain")
