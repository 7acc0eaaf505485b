"""Bulk export of statements: every matching statement, streamed as CSV or JSON Lines, with its sources.

GET /api/v1/export/statements/?format=csv|jsonl&<the statement list's filters>

Rows are read in chunks (a fixed number of queries per chunk) and written as they come, so a
file of a million statements never sits in memory. The file name says what was filtered and when.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils.text import slugify
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer

from common.api.errors import ERROR_RESPONSES
from common.api.strict import StrictQueryParamsMixin
from statements import selectors
from statements.api import filters
from statements.api.renderers import csv_lines
from statements.models import Statement
from statements.quote_text import bare_quote

EXPORT_CHUNK = 2000
# Longest filter part of a file name; the rest of the filters are in the query the user kept.
FILENAME_FILTERS_CHARS = 80
NO_URL = "(pasted text, no URL)"
EXPORT_COLUMNS = [
    "id",
    "onrecord_url",
    "said_on",
    "date_precision",
    "date_basis",
    "speaker",
    "speaker_as_written",
    "speaker_country",
    "office",
    "kind",
    "quote",
    "topics",
    "stances",
    "review_status",
    "outlet",
    "outlet_domain",
    "article_title",
    "article_published",
    "article_url",
    "article_onrecord_url",
    "source_count",
    "sample_data",
]
FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


class _Links:
    """Absolute page URLs, with each pattern resolved once per export."""

    def __init__(self, request):
        self.statement = request.build_absolute_uri(reverse("statement-detail", args=[987654321]))
        self.article = request.build_absolute_uri(reverse("article-detail", args=[987654321]))

    def of(self, template: str, pk: int) -> str:
        return template.replace("987654321", str(pk), 1)


def _speaker(statement: Statement) -> tuple[str, str]:
    if statement.speaker is not None:
        return statement.speaker.name, statement.speaker.country_id or ""
    if statement.speaker_organization is not None:
        return statement.speaker_organization.name, statement.speaker_organization.country_id or ""
    return statement.speaker_text, ""


def export_record(statement: Statement, links: _Links) -> dict:
    """One statement with its first source spelled out, from preloaded relations (no queries)."""
    name, country = _speaker(statement)
    citations = statement.citation_list
    first = citations[0].article if citations else None
    outlet = first.outlet if first is not None else None
    return {
        "id": statement.pk,
        "onrecord_url": links.of(links.statement, statement.pk),
        "said_on": statement.said_on.isoformat() if statement.said_on else "",
        "date_precision": statement.date_precision,
        "date_basis": statement.date_basis,
        "speaker": name,
        "speaker_as_written": statement.speaker_text,
        "speaker_country": country,
        "office": statement.tenure.position.title if statement.tenure is not None else "",
        "kind": statement.kind,
        "quote": bare_quote(statement.quote),
        "topics": ";".join(link.topic.slug for link in statement.topic_links),
        "stances": ";".join(
            f"{link.topic.slug}:{link.stance}{'' if link.stance_confirmed else '?'}"
            for link in statement.topic_links
        ),
        "review_status": statement.review_status,
        "outlet": outlet.name if outlet is not None else "",
        "outlet_domain": outlet.domain if outlet is not None else "",
        "article_title": first.title if first is not None else "",
        "article_published": first.published.isoformat() if first is not None and first.published else "",
        "article_url": (first.url or NO_URL) if first is not None else "",
        "article_onrecord_url": links.of(links.article, first.pk) if first is not None else "",
        "source_count": len(citations),
        "sample_data": any(citation.article.is_demo for citation in citations),
    }


def _jsonl(records: Iterator[dict]) -> Iterator[str]:
    for record in records:
        yield json.dumps(record, ensure_ascii=False) + "\n"


def export_filename(params, fmt: str, today: dt.date) -> str:
    """'onrecord-statements-topic-energy-country-de-2026-11-27.csv'."""
    parts = [
        slugify(f"{name}-{value}")
        for name, value in sorted(params.items())
        if name != "format" and str(value).strip()
    ]
    described = "-".join(part for part in parts if part)[:FILENAME_FILTERS_CHARS].strip("-")
    return (
        "-".join(part for part in ("onrecord-statements", described, today.isoformat()) if part) + f".{fmt}"
    )


@extend_schema(
    summary="Export statements (CSV or JSON Lines)",
    description="Every statement matching the filters (the same as /statements/), streamed as one file: "
    "`format=csv` (spreadsheet cells that would start a formula are defused with a leading ') or "
    "`format=jsonl` (one JSON object per line). Columns: " + ", ".join(EXPORT_COLUMNS) + ". "
    f"`article_url` is `{NO_URL}` for pasted text; stances ending in `?` are unconfirmed suggestions. "
    "Content-Disposition names the file after the filters and the date.",
    parameters=[
        OpenApiParameter(
            "format", OpenApiTypes.STR, enum=list(FORMATS), required=True, description="csv or jsonl."
        )
    ],
    responses={(200, "text/csv"): OpenApiResponse(description="The file."), **ERROR_RESPONSES},
)
class StatementExportView(StrictQueryParamsMixin, generics.ListAPIView):
    filterset_class = filters.StatementFilterSet
    filter_backends = [DjangoFilterBackend]
    pagination_class = None
    renderer_classes = [JSONRenderer]  # for errors; the file itself is streamed as it is written

    def perform_content_negotiation(self, request, force=False):
        # `format` picks the file type here, not a DRF renderer: errors are always JSON.
        renderer = JSONRenderer()
        return renderer, renderer.media_type

    def get_queryset(self):
        return selectors.statement_list_public(
            include_rejected="review_status" in self.request.query_params
        ).order_by("-said_on", "-id")

    def list(self, request, *args, **kwargs):
        fmt = request.query_params.get("format", "")
        if fmt not in FORMATS:
            raise ValidationError({"format": [f"Choose one of: {', '.join(FORMATS)}."]})
        return export_response(request, self.filter_queryset(self.get_queryset()), fmt)


def export_response(request, queryset, fmt: str) -> StreamingHttpResponse:
    """The statements of `queryset` streamed as a CSV or JSON Lines attachment."""
    links = _Links(request)
    records = (export_record(s, links) for s in queryset.iterator(chunk_size=EXPORT_CHUNK))
    if fmt == "csv":
        body = csv_lines(EXPORT_COLUMNS, ([record[c] for c in EXPORT_COLUMNS] for record in records))
    else:
        body = _jsonl(records)
    response = StreamingHttpResponse(body, content_type=FORMATS[fmt])
    filename = export_filename(request.query_params, fmt, dt.date.today())
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
