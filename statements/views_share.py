"""A statement for sharing and citing: the quote card image and the statement page's sharing data."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.views.decorators.http import require_safe

from statements import selectors, sharing
from statements.models import Statement
from statements.quote_text import shown_statement

# Cards change only when the statement does; sharing sites fetch them often.
CARD_MAX_AGE_SECONDS = 3600


def share_context(request, statement: Statement, citations) -> dict:
    """What the statement page needs to be cited and shared: JSON-LD, Open Graph, citation line."""
    page_url = request.build_absolute_uri(statement.get_absolute_url())
    card_url = request.build_absolute_uri(reverse("statement-card", args=[statement.pk]))
    jsonld = sharing.quotation_jsonld(statement, citations, page_url=page_url)
    return {
        "page_url": page_url,
        "card_url": card_url,
        "share_title": f"{sharing.speaker_name(statement)}: {Truncator(shown_statement(statement)).chars(120)}",
        "citation_line": sharing.citation_line(
            statement, citations, page_url=page_url, retrieved=dt.date.today()
        ),
        "jsonld": mark_safe(sharing.jsonld_script_body(jsonld)),  # noqa: S308 - JSON with <, >, & escaped
    }


@require_safe
def statement_card(request, pk):
    """The quote card as SVG: quote, speaker, office, date, source, and "sample data" when so."""
    try:
        statement = selectors.statement_detail(pk=pk)
    except Statement.DoesNotExist:
        raise Http404("No such statement.") from None
    citations = statement.citation_list
    svg = sharing.quote_card_svg(statement, citations, is_demo=selectors.statement_has_demo_source(statement))
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={CARD_MAX_AGE_SECONDS}"
    # An SVG opened on its own must not run anything: no scripts, no outside requests.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response
