"""Feeds: which are polled, which are failing and why, and the two things an editor does about it."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.html import format_html

from statements.ingest.fetch import FetchRefused
from statements.ingest.urls import validate_url
from statements.models import Feed
from statements.services.feed_polling import feed_enable, feed_poll_enqueue


class FeedForm(forms.ModelForm):
    class Meta:
        model = Feed
        fields = ("url", "title", "outlet", "enabled", "poll_interval_minutes")

    def clean_url(self):
        try:
            return validate_url(self.cleaned_data["url"])
        except FetchRefused as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean_poll_interval_minutes(self):
        minutes = self.cleaned_data["poll_interval_minutes"]
        if minutes < 5:
            raise forms.ValidationError(
                "Poll at most every 5 minutes: sites block readers that ask more often."
            )
        return minutes


class HealthFilter(admin.SimpleListFilter):
    title = "health"
    parameter_name = "health"

    def lookups(self, request, model_admin):
        return [("ok", "Working"), ("failing", "Failing"), ("disabled", "Disabled")]

    def queryset(self, request, queryset):
        if self.value() == "ok":
            return queryset.filter(enabled=True, consecutive_failures=0)
        if self.value() == "failing":
            return queryset.filter(enabled=True, consecutive_failures__gt=0)
        if self.value() == "disabled":
            return queryset.filter(enabled=False)
        return queryset


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    form = FeedForm
    list_display = (
        "__str__",
        "outlet",
        "state",
        "last_polled_at",
        "next_poll_at",
        "article_count",
        "short_error",
    )
    list_filter = (HealthFilter, "enabled", "outlet")
    search_fields = ("url", "title", "last_error")
    list_select_related = ("outlet",)
    readonly_fields = (
        "etag", "last_modified", "last_polled_at", "next_poll_at", "consecutive_failures", "last_error",
        "entries_seen", "created_at",
    )  # fmt: skip
    actions = ["poll_now", "re_enable"]

    class Media:
        css = {"all": ["onrecord/feed-admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_articles=Count("articles"))

    @admin.display(description="State", ordering="consecutive_failures")
    def state(self, feed):
        # Classes, not style attributes: the Content-Security-Policy allows no inline styles.
        if not feed.enabled:
            return format_html('<strong class="feed-state-disabled">{}</strong>', "Disabled")
        if feed.consecutive_failures:
            return format_html(
                '<strong class="feed-state-failing">Failing ({} in a row)</strong>', feed.consecutive_failures
            )
        return format_html('<span class="feed-state-working">{}</span>', "Working")

    @admin.display(description="Articles", ordering="n_articles")
    def article_count(self, feed):
        return feed.n_articles

    @admin.display(description="Last error")
    def short_error(self, feed):
        return (feed.last_error[:120] + "…") if len(feed.last_error) > 120 else feed.last_error

    @admin.action(description="Poll now", permissions=["change"])
    def poll_now(self, request, queryset):
        sent = sum(feed_poll_enqueue(feed=feed) for feed in queryset)
        skipped = queryset.count() - sent
        self.message_user(request, f"{sent} feed(s) will be polled now.", messages.SUCCESS)
        if skipped:
            self.message_user(
                request, f"{skipped} disabled feed(s) skipped: re-enable them first.", messages.WARNING
            )

    @admin.action(description="Re-enable (reset failures, poll at the next minute)", permissions=["change"])
    def re_enable(self, request, queryset):
        feeds = list(queryset.filter(Q(enabled=False) | Q(consecutive_failures__gt=0)))
        for feed in feeds:
            feed_enable(feed=feed)
        self.message_user(
            request, f"{len(feeds)} feed(s) re-enabled at {timezone.localtime():%H:%M}.", messages.SUCCESS
        )
