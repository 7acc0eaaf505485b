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
from statements.models import Citation, StatementTopic
from statements.quote_text import bare_quote, shown_quote

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
    "quote_with_marks",
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


# Read as plain values, not model instances: building ~10 objects per statement made the export
# run at ~1,000 rows/s; plain rows stream many times faster (benchmarks/bench_reader.py).
STATEMENT_VALUES = (
    "pk",
    "said_on",
    "date_precision",
    "date_basis",
    "speaker_text",
    "kind",
    "quote",
    "quoted_spans",
    "review_status",
    "speaker__name",
    "speaker__country_id",
    "speaker_organization__name",
    "speaker_organization__country_id",
    "tenure__position__title",
)
TOPIC_VALUES = ("statement_id", "topic__slug", "stance", "stance_confirmed")
SOURCE_VALUES = (
    "statement_id",
    "article_id",
    "article__title",
    "article__url",
    "article__published",
    "article__is_demo",
    "article__outlet__name",
    "article__outlet__domain",
)


def _batches(rows: Iterator[dict], size: int) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _grouped(queryset, ids: list[int], fields: tuple[str, ...]) -> dict[int, list[dict]]:
    grouped: dict[int, list[dict]] = {}
    for row in queryset.filter(statement_id__in=ids).values(*fields):
        grouped.setdefault(row["statement_id"], []).append(row)
    return grouped


def export_records(queryset, links: _Links, *, chunk: int = EXPORT_CHUNK) -> Iterator[dict]:
    """Every statement of `queryset` as an export record: three queries per chunk of statements."""
    rows = queryset.prefetch_related(None).values(*STATEMENT_VALUES).iterator(chunk_size=chunk)
    topic_links = StatementTopic.objects.filter(topic__is_suggested=False).order_by(
        "-relevance", "topic__name"
    )
    citations = Citation.objects.order_by("article__published", "id")
    for batch in _batches(rows, chunk):
        ids = [row["pk"] for row in batch]
        topics = _grouped(topic_links, ids, TOPIC_VALUES)
        sources = _grouped(citations, ids, SOURCE_VALUES)
        for row in batch:
            yield export_record(row, topics.get(row["pk"], []), sources.get(row["pk"], []), links)


def export_record(row: dict, topics: list[dict], sources: list[dict], links: _Links) -> dict:
    """One statement with its first source spelled out."""
    name = row["speaker__name"] or row["speaker_organization__name"] or row["speaker_text"]
    country = (
        row["speaker__country_id"] if row["speaker__name"] else row["speaker_organization__country_id"]
    ) or ""
    first = sources[0] if sources else None
    return {
        "id": row["pk"],
        "onrecord_url": links.of(links.statement, row["pk"]),
        "said_on": row["said_on"].isoformat() if row["said_on"] else "",
        "date_precision": row["date_precision"],
        "date_basis": row["date_basis"],
        "speaker": name,
        "speaker_as_written": row["speaker_text"],
        "speaker_country": country,
        "office": row["tenure__position__title"] or "",
        "kind": row["kind"],
        "quote": bare_quote(row["quote"]),
        "quote_with_marks": shown_quote(row["quote"], row["kind"], row["quoted_spans"]),
        "topics": ";".join(link["topic__slug"] for link in topics),
        "stances": ";".join(
            f"{link['topic__slug']}:{link['stance']}{'' if link['stance_confirmed'] else '?'}"
            for link in topics
        ),
        "review_status": row["review_status"],
        "outlet": (first["article__outlet__name"] or "") if first else "",
        "outlet_domain": (first["article__outlet__domain"] or "") if first else "",
        "article_title": first["article__title"] if first else "",
        "article_published": first["article__published"].isoformat()
        if first and first["article__published"]
        else "",
        "article_url": (first["article__url"] or NO_URL) if first else "",
        "article_onrecord_url": links.of(links.article, first["article_id"]) if first else "",
        "source_count": len(sources),
        "sample_data": any(source["article__is_demo"] for source in sources),
    }


def serialized_export_record(item: dict, request) -> dict:
    """An export record from a statement as the API serialises it (for single-statement CSV)."""
    speaker = item.get("speaker") or {}
    organization = item.get("speaker_organization") or {}
    citations = item.get("citations") or []
    first = citations[0] if citations else None
    outlet = (first or {}).get("outlet") or {}
    article_page = ""
    if first is not None:
        article_page = reverse("article-detail", args=[first["article"]])
        article_page = request.build_absolute_uri(article_page) if request is not None else article_page
    return {
        "id": item["id"],
        "onrecord_url": item.get("html_url", ""),
        "said_on": item.get("said_on") or "",
        "date_precision": item.get("date_precision", ""),
        "date_basis": item.get("date_basis", ""),
        "speaker": speaker.get("name") or organization.get("name") or item.get("speaker_text", ""),
        "speaker_as_written": item.get("speaker_text", ""),
        "speaker_country": speaker.get("country") or organization.get("country") or "",
        "office": ((item.get("office") or {}).get("position") or {}).get("title", ""),
        "kind": item.get("kind", ""),
        "quote": bare_quote(item.get("quote", "")),
        "quote_with_marks": item.get("quote_with_marks", ""),
        "topics": ";".join(t["slug"] for t in item.get("topics") or []),
        "stances": ";".join(
            f"{t['slug']}:{t['stance']}{'' if t['stance_confirmed'] else '?'}"
            for t in item.get("topics") or []
        ),
        "review_status": item.get("review_status", ""),
        "outlet": outlet.get("name", ""),
        "outlet_domain": outlet.get("domain", ""),
        "article_title": (first or {}).get("title", ""),
        "article_published": (first or {}).get("published") or "",
        "article_url": ((first.get("url") or NO_URL) if first is not None else ""),
        "article_onrecord_url": article_page,
        "source_count": len(citations),
        "sample_data": any(c.get("is_demo") for c in citations),
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
    records = export_records(queryset, links)
    if fmt == "csv":
        body = csv_lines(EXPORT_COLUMNS, ([record[c] for c in EXPORT_COLUMNS] for record in records))
    else:
        body = _jsonl(records)
    response = StreamingHttpResponse(body, content_type=FORMATS[fmt])
    filename = export_filename(request.query_params, fmt, dt.date.today())
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
