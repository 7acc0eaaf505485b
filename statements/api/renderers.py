"""CSV output for statements: one row per statement, written with the csv module.

A CSV request for a list streams every matching statement (statements.api.export) instead of
one page: researchers want the whole set in one file. This renderer writes the same columns for
a single statement.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from rest_framework.renderers import BaseRenderer


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
    """text/csv for statements: a detail or a page of results, in the bulk export's columns."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        from statements.api.export import EXPORT_COLUMNS, serialized_export_record

        if data is None:
            return b""
        if isinstance(data, dict) and "results" not in data and "id" not in data:
            # Not statements: an error in the one error shape, or OPTIONS metadata. They stay JSON.
            return _as_json(data, renderer_context)
        rows = data.get("results", [data]) if isinstance(data, dict) else data
        request = (renderer_context or {}).get("request")
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(EXPORT_COLUMNS)
        for item in rows:
            record = serialized_export_record(item, request)
            writer.writerow([_safe_cell(record[column]) for column in EXPORT_COLUMNS])
        return buffer.getvalue().encode("utf-8")


def _as_json(data, renderer_context) -> bytes:
    from common.api.renderers import FastJSONRenderer

    response = (renderer_context or {}).get("response")
    if response is not None:
        response["Content-Type"] = "application/json"
    return FastJSONRenderer().render(data, "application/json", renderer_context)
