"""Cursor pagination with a client-chosen, capped page size.

Cursor pages stay fast on deep pages (no OFFSET) and stable while new statements arrive.
"""

from rest_framework.pagination import CursorPagination


class StandardCursorPagination(CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    # Every model we list has a unique "-id" tie-breaker appended by get_ordering below.
    ordering = "-id"

    def get_ordering(self, request, queryset, view):
        ordering = list(super().get_ordering(request, queryset, view))
        # A cursor needs a unique, stable final key; add the primary key unless present.
        if not any(field.lstrip("-") in ("id", "pk") for field in ordering):
            descending = ordering[0].startswith("-") if ordering else True
            ordering.append("-id" if descending else "id")
        return tuple(ordering)
