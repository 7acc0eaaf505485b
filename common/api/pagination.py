"""Cursor pagination with a client-chosen, capped page size.

Cursor pages stay fast on deep pages (no OFFSET) and stable while new statements arrive.
"""

from rest_framework.pagination import CursorPagination


class StandardCursorPagination(CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = "-pk"

    def get_ordering(self, request, queryset, view):
        ordering = list(super().get_ordering(request, queryset, view))
        # The cursor keeps an offset among rows sharing the first key: a unique final key makes
        # that order stable between requests.
        if not any(field.lstrip("-") in ("id", "pk") for field in ordering):
            descending = ordering[0].startswith("-") if ordering else True
            ordering.append("-pk" if descending else "pk")
        return tuple(ordering)
