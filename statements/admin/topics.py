"""Topics analysts define; suggested topics wait here for acceptance."""

from django.contrib import admin, messages

from common.admin_history import ReadableHistoryAdmin
from statements.models import Topic


@admin.register(Topic)
class TopicAdmin(ReadableHistoryAdmin):
    list_display = ("name", "slug", "parent", "is_suggested")
    list_filter = ("is_suggested",)
    search_fields = ("name", "description")
    prepopulated_fields = {"slug": ("name",)}
    actions = ["accept_suggestions"]

    @admin.action(description="Accept selected suggested topics", permissions=["change"])
    def accept_suggestions(self, request, queryset):
        count = queryset.filter(is_suggested=True).update(is_suggested=False)
        self.message_user(request, f"{count} topic(s) accepted.", messages.SUCCESS)
