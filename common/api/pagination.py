"""Cursor pagination with a client-chosen, capped page size, strictly checked.

Cursor pages stay fast on deep pages (no OFFSET) and stable while new statements arrive.
A page size that is not a positive whole number, or a cursor this server did not hand out,
is a 400 naming the problem: never a silent fallback to the default, never a 404.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination


class StandardCursorPagination(CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = "-pk"

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        raw = raw.strip()
        if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        f"Must be a whole number from 1 to {self.max_page_size} (larger sizes are capped)."
                    ]
                }
            )
        return min(int(raw), self.max_page_size)

    def _invalid_cursor(self) -> ValidationError:
        message = "Invalid cursor: pass back the `next` or `previous` link of a page unchanged."
        return ValidationError({self.cursor_query_param: [message]})

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except NotFound:
            raise self._invalid_cursor() from None

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except (DjangoValidationError, ValueError, TypeError):
            # A well-formed cursor whose position does not fit the ordering field (a forged
            # or edited cursor): the database value conversion refuses it.
            if request.query_params.get(self.cursor_query_param):
                raise self._invalid_cursor() from None
            raise

    def get_ordering(self, request, queryset, view):
        ordering = list(super().get_ordering(request, queryset, view))
        # The cursor keeps an offset among rows sharing the first key: a unique final key makes
        # that order stable between requests.
        if not any(field.lstrip("-") in ("id", "pk") for field in ordering):
            descending = ordering[0].startswith("-") if ordering else True
            ordering.append("-pk" if descending else "pk")
        return tuple(ordering)
