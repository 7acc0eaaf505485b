"""Query strings checked strictly: a parameter the endpoint does not know is an error, not ignored.

A client that misspells a filter (`?date_from=` for `?said_after=`) would otherwise get the
whole unfiltered list and believe it filtered. Every API view mixes in StrictQueryParamsMixin:
before the handler runs, the query string is checked against what this endpoint reads
(its filterset, ordering, pagination and format parameters, plus any the view names itself).
"""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter, SearchFilter

# Actions that address one row: they take no filters and no pages.
DETAIL_ACTIONS = frozenset({"retrieve", "create", "update", "partial_update", "destroy"})
# Read by DRF's content negotiation on every endpoint.
ALWAYS_ALLOWED = frozenset({"format"})


def filterset_params(view, request) -> set[str]:
    """Names the view's django-filter FilterSet reads (none when the view has no filter backend for it)."""
    names: set[str] = set()
    for backend_class in getattr(view, "filter_backends", None) or []:
        if issubclass(backend_class, DjangoFilterBackend):
            filterset_class = getattr(view, "filterset_class", None)
            if filterset_class is not None:
                names.update(filterset_class.base_filters)
            else:
                names.update(getattr(view, "filterset_fields", None) or ())
        elif issubclass(backend_class, OrderingFilter):
            names.add(backend_class.ordering_param)
        elif issubclass(backend_class, SearchFilter):
            names.add(backend_class.search_param)
    return names


def pagination_params(view) -> set[str]:
    paginator = getattr(view, "paginator", None)
    if paginator is None:
        return set()
    names = {
        getattr(paginator, attribute, None)
        for attribute in (
            "cursor_query_param",
            "page_query_param",
            "page_size_query_param",
            "limit_query_param",
        )
    }
    names.add(getattr(paginator, "offset_query_param", None))
    return {name for name in names if name}


# Answer 400, naming what is allowed, when the query string has a parameter the endpoint ignores.
# Views may add names per action with `action_query_params = {"holders": {"at"}}` (a plain APIView
# without actions uses the key None). No docstring on purpose: the OpenAPI generator would show it
# as the description of every view that has none of its own.
class StrictQueryParamsMixin:

    action_query_params: dict[str | None, set[str]] = {}

    def allowed_query_params(self, request) -> set[str]:
        action = getattr(self, "action", None)
        allowed = set(ALWAYS_ALLOWED) | set(self.action_query_params.get(action, ()))
        if action not in DETAIL_ACTIONS:
            allowed |= filterset_params(self, request) | pagination_params(self)
        return allowed

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        allowed = self.allowed_query_params(request)
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            listed = ", ".join(sorted(allowed))
            raise ValidationError(
                {name: [f"Unknown parameter {name!r}. This endpoint accepts: {listed}."] for name in unknown}
            )
