"""Bulk import: a directory of .txt/.html files or a JSON Lines file, each item through article_ingest.

    manage.py import archive/                     # *.txt, *.html, *.htm, recursively
    manage.py import export.jsonl --dry-run       # {"url", "title", "text", "published", "outlet"} a line

--dry-run runs every item through the same checks inside a transaction that is rolled back, so
nothing is stored and no task is enqueued, and the report is the one a real run would give.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import CommandError
from django.db import DatabaseError, transaction
from tqdm import tqdm

from common.quiet import QuietCommand
from statements.ingest.html import ParseError, parse_article_html
from statements.models import Article
from statements.services.articles import IngestError, article_ingest

FILE_SUFFIXES = {".txt", ".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
JSONL_FIELDS = {"url", "title", "text", "published", "outlet"}
MAX_REASONS_SHOWN = 50


@dataclass(frozen=True)
class Item:
    label: str  # where it came from: a file name or "export.jsonl line 12"
    fields: dict | None = None
    problem: str = ""  # set when the item could not even be read


class _DryRunRollback(Exception):
    """Raised at the end of a dry run to roll its transaction back."""


def _read_file(path: Path, outlet: str) -> dict:
    limit = settings.FETCH_MAX_BYTES
    if path.stat().st_size > limit:
        raise IngestError(f"The file is larger than the {limit / (1024 * 1024):g} MB limit for one article.")
    raw = path.read_bytes()
    if path.suffix.lower() == ".txt":
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise IngestError("The file is not UTF-8 text (binary data, or another encoding?).") from None
        return {"text": text, "outlet_name": outlet}
    page = parse_article_html(raw, url="", content_type="text/html")
    return {
        "text": page.text,
        "title": page.title,
        "published": page.published,
        "author": page.author,
        "outlet_name": outlet or page.site_name,
    }


def _line_limit() -> int:
    # A line holds one article: its text at four bytes a character at most, JSON escapes and fields.
    return 8 * settings.INGEST_MAX_TEXT_CHARS + 64 * 1024


def _json_lines(path: Path) -> Iterator[tuple[int, str, str]]:
    """(line number, text, problem) for each non-blank line; a line that is not UTF-8 or is far too
    long is reported by number and skipped (the other lines are imported), never read whole."""
    limit = _line_limit()
    with path.open("rb") as lines:
        number = 0
        while raw := lines.readline(limit + 1):
            number += 1
            if len(raw) > limit and not raw.endswith(b"\n"):
                while (rest := lines.readline(limit)) and not rest.endswith(b"\n"):
                    pass
                yield (
                    number,
                    "",
                    f"The line is longer than {limit:,} bytes (articles are at most "
                    f"{settings.INGEST_MAX_TEXT_CHARS:,} characters).",
                )
                continue
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield (
                    number,
                    "",
                    (
                        f"The line is not UTF-8 (byte 0x{raw[exc.start]:02x} at byte {exc.start + 1}); "
                        "save the file as UTF-8. The other lines are imported."
                    ),
                )
                continue
            yield number, line, ""


def _from_json_line(line: str) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(f"Not valid JSON ({exc.msg} at column {exc.colno}).") from None
    if not isinstance(record, dict):
        raise IngestError("Each line must be a JSON object with url, title, text, published, outlet.")
    unknown = set(record) - JSONL_FIELDS
    if unknown:
        raise IngestError(
            f"Unknown field(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(JSONL_FIELDS))}."
        )
    for name, value in record.items():
        if value is not None and not isinstance(value, str):
            raise IngestError(f"The field {name!r} must be a string, not {type(value).__name__}.")
    url, text = (record.get("url") or "").strip(), record.get("text") or ""
    outlet = (record.get("outlet") or "").strip()
    fields = {"title": record.get("title") or "", "published": record.get("published") or None}
    if text.strip():
        # The words are what an archive holds; with a URL as well, the URL names the outlet.
        fields |= {"text": text, "outlet_name": outlet or (urlsplit(url).hostname or "").removeprefix("www.")}
    else:
        fields |= {"url": url}
    return fields


class Command(QuietCommand):
    help = (
        "Import articles from a directory of .txt/.html files or from a JSON Lines file "
        "(fields: url, title, text, published, outlet). Each article is stored once."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH", help="A directory of .txt/.html files, or a .jsonl file.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every item and report; store nothing."
        )
        parser.add_argument("--outlet", default="", help="Outlet name for files that do not name one.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, path, dry_run, outlet, no_progress, **options):
        # Items are read one at a time as they are imported: an archive need not fit in memory.
        sources, total = self._sources(Path(path))
        items = self._items(Path(path), sources, outlet=outlet)
        counts = {"created": 0, "duplicate": 0, "failed": 0}
        reasons: list[str] = []
        # A real run commits article by article (a crash keeps what was done, workers start at once);
        # a dry run holds everything in one transaction and rolls it back.
        try:
            with transaction.atomic() if dry_run else nullcontext():
                progress = tqdm(
                    items, total=total, desc="importing", unit="article", disable=no_progress or None
                )
                for item in progress:
                    outcome, reason = self._import_one(item, done=sum(counts.values()))
                    counts[outcome] += 1
                    if reason:
                        reasons.append(f"{item.label}: {reason}")
                if dry_run:
                    raise _DryRunRollback
        except _DryRunRollback:
            pass
        prefix = "dry run (nothing stored): would have " if dry_run else ""
        summary = (
            f"{prefix}created {counts['created']}, duplicate {counts['duplicate']}, failed {counts['failed']}"
        )
        self.stdout.write(summary)
        for reason in reasons[:MAX_REASONS_SHOWN]:
            self.stderr.write(f"  failed: {reason}")
        if len(reasons) > MAX_REASONS_SHOWN:
            self.stderr.write(f"  ... and {len(reasons) - MAX_REASONS_SHOWN} more failures")
        if counts["failed"]:
            raise CommandError(
                f"{counts['failed']} of {sum(counts.values())} items could not be imported (reasons above)."
            )

    def _sources(self, path: Path) -> tuple[list[Path] | None, int]:
        """The files to import (None for a JSON Lines file) and how many items there are."""
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FILE_SUFFIXES)
            if not files:
                raise CommandError(f"{path} has no .txt or .html files.")
            return files, len(files)
        if not path.is_file():
            raise CommandError(f"{path} does not exist.")
        if path.suffix.lower() not in JSONL_SUFFIXES:
            raise CommandError(f"{path} is neither a directory nor a JSON Lines (.jsonl) file.")
        with path.open("rb") as lines:
            return None, sum(1 for line in lines if line.strip())

    def _items(self, path: Path, files: list[Path] | None, *, outlet: str) -> Iterator[Item]:
        if files is not None:
            for file in files:
                label = str(file.relative_to(path))
                try:
                    yield Item(label, _read_file(file, outlet))
                except (IngestError, ParseError, OSError) as exc:
                    yield Item(label, problem=str(exc))
            return
        for number, line, problem in _json_lines(path):
            label = f"{path.name} line {number}"
            if problem:
                yield Item(label, problem=problem)
                continue
            try:
                fields = _from_json_line(line)
            except IngestError as exc:
                yield Item(label, problem=str(exc))
                continue
            if outlet and not fields.get("outlet_name") and "text" in fields:
                fields["outlet_name"] = outlet
            yield Item(label, fields)

    def _import_one(self, item: Item, *, done: int) -> tuple[str, str]:
        if item.problem:
            return "failed", item.problem
        try:
            # Its own transaction (a savepoint in a dry run): a refused article leaves the others alone.
            with transaction.atomic():
                result = article_ingest(origin=Article.Origin.IMPORT, **item.fields)
        except IngestError as exc:
            return "failed", str(exc)
        except DatabaseError as exc:
            raise CommandError(
                f"The database stopped answering at {item.label}, after {done} items ({exc}). "
                "Everything imported before it is kept: run the same command again when the database "
                "is back (items on record count as duplicates)."
            ) from exc
        return ("created" if result.created else "duplicate"), ""
