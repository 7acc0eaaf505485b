"""History pages in the admin that read well: who changed what, as a list of field diffs.

django-simple-history shows an empty foreign key as "Deleted user (pk=None)"; here an empty
value reads as "—", and choices show their labels instead of their stored values.
"""

from __future__ import annotations

from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

EMPTY = "—"


class ReadableHistoryHelper(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value):
        if isinstance(value, DeletedObject) and value.pk is None:
            return EMPTY
        field = self.model._meta.get_field(change.field)
        if getattr(field, "choices", None) and not isinstance(value, list):
            return dict(field.flatchoices).get(value, value if value not in (None, "") else EMPTY)
        if value in (None, ""):
            return EMPTY
        return super().prepare_delta_change_value(change, value)


class ReadableHistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin whose history page lists each version's changes readably."""

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistoryHelper(self.model, historical_record)
