"""Browsing pages: every statement (filtered, counted, paged), search, articles, outlets, countries.

No dead ends: each list links to its rows and each row back to its lists.
"""

from __future__ import annotations

import hashlib

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe
from rest_framework.exceptions import ValidationError

from common.paging import page_number
from people import selectors as people_selectors
from statements import browse, selectors
from statements.api.filters import StatementFilterSet
from statements.models import Outlet, Statement

PAGE_SIZE = 20
LIST_PAGE_SIZE = 50
# The search form's field labels, for error messages (the filter names are the API's).
SEARCH_LABELS = {
    "q": "Words",
    "speaker": "Speaker",
    "topic": "Topic",
    "country": "Country",
    "kind": "Kind",
    "said_after": "Said from",
    "said_before": "Said until",
}


def _filter_errors(form) -> list[tuple[str, str]]:
    return [
        (SEARCH_LABELS.get(field, field), error) for field, errors in form.errors.items() for error in errors
    ]


def statement_filter_context(request, *, listing_all: bool) -> dict:
    """Statements matching the query string's filters (the API's), one page, with the total.

    `listing_all`: with no filter given, list every statement (the /statements/ page) rather
    than nothing (the search page before a search).
    """
    params = request.GET.copy()
    params.pop("page", None)
    asked = any(value.strip() for value in params.values())
    filterset = StatementFilterSet(params, queryset=selectors.statement_list_public(), request=request)
    statements, has_next, total, errors = [], False, None, []
    page = page_number(request)
    if (asked or listing_all) and filterset.is_valid():
        try:
            qs = filterset.qs
            if params.get("q", "").strip():
                qs = qs.order_by("-search_rank", "-id")
            key = "onrecord:statement-count:" + hashlib.sha256(params.urlencode().encode()).hexdigest()
            total = browse.cached_count(qs.order_by(), key=key)
            statements, has_next = selectors.statement_page(qs, page=page, size=PAGE_SIZE)
        except ValidationError as exc:  # a filter that names nothing (an unknown topic)
            errors = [
                (SEARCH_LABELS.get(name, name), str(message[0])) for name, message in exc.detail.items()
            ]
    return {
        "filterset": filterset,
        "form": filterset.form,
        "form_errors": _filter_errors(filterset.form) + errors,
        "asked": asked,
        "statements": statements,
        "total": total,
        "page": page,
        "has_next": has_next,
        "query_string": params.urlencode(),
        "topics": selectors.public_topics().only("slug", "name"),
        "countries": people_selectors.countries_with_people(),
        "kinds": Statement.Kind.choices,
    }


@require_safe
def search(request):
    """Statements matching a query and filters (the API's filters, as a form)."""
    return render(request, "statements/search.html", statement_filter_context(request, listing_all=False))


@require_safe
def statement_list(request):
    """Every statement on record, newest first, with the search filters, a count and pages."""
    return render(
        request, "statements/statement_list.html", statement_filter_context(request, listing_all=True)
    )


@require_safe
def article_list(request):
    articles = browse.public_articles()
    page = Paginator(articles, LIST_PAGE_SIZE).get_page(page_number(request))
    return render(request, "statements/article_list.html", {"page": page})


@require_safe
def outlet_list(request):
    return render(request, "statements/outlet_list.html", {"outlets": browse.outlet_list_with_counts()})


@require_safe
def outlet_detail(request, pk):
    try:
        outlet = Outlet.objects.get(pk=pk)
    except Outlet.DoesNotExist:
        raise Http404("No such outlet.") from None
    articles = Paginator(browse.public_articles().filter(outlet=outlet), LIST_PAGE_SIZE)
    statements, _ = selectors.statement_page(
        browse.outlet_statements(selectors.statement_list_public(), outlet=outlet), page=1, size=10
    )
    return render(
        request,
        "statements/outlet_detail.html",
        {"outlet": outlet, "page": articles.get_page(page_number(request)), "statements": statements},
    )


@require_safe
def country_list(request):
    countries = people_selectors.country_list_with_counts().filter(person_count__gt=0).order_by("name")
    return render(request, "statements/country_list.html", {"countries": countries})
