"""CSV output for statements: one row per statement, written with the csv module.

A CSV request for a list streams every matching statement (in chunks, a fixed number of
queries per chunk) instead of one page: researchers want the whole set in one file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from rest_framework.renderers import BaseRenderer

STATEMENT_CSV_COLUMNS = [
    "id",
    "said_on",
    "speaker",
    "speaker_country",
    "office",
    "kind",
    "quote",
    "topics",
    "stances",
    "first_citation_url",
]


def statement_csv_row(statement) -> list:
    """A statement as CSV cells, from preloaded relations only (no queries)."""
    speaker = statement.speaker
    organization = statement.speaker_organization
    if speaker is not None:
        name, country = speaker.name, speaker.country_id or ""
    elif organization is not None:
        name, country = organization.name, organization.country_id or ""
    else:
        name, country = statement.speaker_text, ""
    office = statement.tenure.position.title if statement.tenure_id and statement.tenure else ""
    links = statement.topic_links
    citations = statement.citation_list
    first_url = next((c.article.url for c in citations if c.article.url), "")
    return [
        statement.pk,
        statement.said_on.isoformat() if statement.said_on else "",
        name,
        country,
        office,
        statement.kind,
        statement.quote,
        ";".join(link.topic.slug for link in links),
        ";".join(f"{link.topic.slug}:{link.stance}" for link in links),
        first_url,
    ]


class _Echo:
    """A file-like object whose write() hands the line back, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


# Spreadsheet programs run a cell as a formula when it starts with one of these, also after
# leading spaces or line breaks (they trim them); a leading tab or carriage return is a known
# variant of the same trick (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@")
_CONTROL_STARTS = ("\t", "\r")


def _safe_cell(value):
    """The value, defused with a leading apostrophe when a spreadsheet would run it as a formula."""
    if not isinstance(value, str):
        return value
    if value.startswith(_CONTROL_STARTS) or value.lstrip(" \t\r\n\u00a0\u3000\ufeff").startswith(
        _FORMULA_STARTS
    ):
        return "'" + value
    return value


def csv_lines(header: list[str], rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([_safe_cell(cell) for cell in row])


class StatementCSVRenderer(BaseRenderer):
    """text/csv for statements. Renders serialized statements (a detail or a page of results)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        rows = data.get("results", [data]) if isinstance(data, dict) else data
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(STATEMENT_CSV_COLUMNS)
        for item in rows:
            writer.writerow([_safe_cell(cell) for cell in _serialized_row(item)])
        return buffer.getvalue().encode("utf-8")


def _serialized_row(item: dict) -> list:
    speaker = item.get("speaker") or {}
    organization = item.get("speaker_organization") or {}
    office = item.get("office") or {}
    topics = item.get("topics") or []
    citations = item.get("citations") or []
    return [
        item.get("id"),
        item.get("said_on") or "",
        speaker.get("name") or organization.get("name") or item.get("speaker_text", ""),
        speaker.get("country") or organization.get("country") or "",
        (office.get("position") or {}).get("title", ""),
        item.get("kind", ""),
        item.get("quote", ""),
        ";".join(t["slug"] for t in topics),
        ";".join(f"{t['slug']}:{t['stance']}" for t in topics),
        next((c["url"] for c in citations if c.get("url")), ""),
    ]
