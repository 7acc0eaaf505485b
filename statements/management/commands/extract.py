"""Print the statements extracted from text files as JSON. Writes nothing to the database.

One file: ``extract FILE [--format json|text] [--published YYYY-MM-DD]``.
Many files: ``extract --manifest FILE``, where FILE is JSON Lines of ``{"path", "published"}``;
one compact JSON result per input line is printed, in order, with the model loaded once.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

# Articles parsed together in one nlp.pipe stream: large enough to keep the parser busy,
# small enough that a manifest of thousands of articles never sits in memory at once.
MANIFEST_CHUNK = 16


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"Cannot read {path}: {exc}") from exc


def _parse_date(value: str | None, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"{where}published must be YYYY-MM-DD, not {value!r}") from exc


def _manifest_entries(manifest: Path) -> list[tuple[Path, dt.date | None]]:
    """Every (path, published) of the manifest, checked before any article is extracted."""
    entries = []
    for n, line in enumerate(_read_text(manifest).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{manifest}:{n}: "
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CommandError(f"{where}not JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or not isinstance(row.get("path"), str) or not row["path"]:
            raise CommandError(f'{where}each line must be an object with a "path"')
        path = Path(
            row["path"]
        )  # relative paths are relative to the working directory, as on the command line
        if not path.is_file():
            raise CommandError(f"{where}Cannot read {path}: no such file")
        entries.append((path, _parse_date(row.get("published"), where)))
    return entries


def _chunks(entries, size: int) -> Iterator[list]:
    for i in range(0, len(entries), size):
        yield entries[i : i + size]


class Command(BaseCommand):
    help = "Extract statements from text files and print them (JSON or text). Nothing is stored."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="A UTF-8 text file holding one article.")
        parser.add_argument("--format", choices=["json", "text"], default="json")
        parser.add_argument("--published", help="Publication date, YYYY-MM-DD (default: today).")
        parser.add_argument(
            "--manifest",
            help='JSON Lines of {"path", "published"}: one JSON result per line, in order.',
        )

    def handle(self, *args, file, format, published, manifest, **options):
        if bool(file) == bool(manifest):
            raise CommandError("Give either one FILE or --manifest FILE.")
        if manifest:
            self._handle_manifest(Path(manifest))
            return
        self._handle_one(Path(file), format, published)

    def _nlp(self):
        from django.conf import settings

        from extraction.nlp import load

        return load(settings.SPACY_MODEL)

    def _handle_one(self, path: Path, format: str, published: str | None) -> None:
        from extraction import EXTRACTOR_VERSION, extract

        text = _read_text(path)
        published_on = _parse_date(published, "--") or dt.date.today()
        statements = extract(text, published=published_on, nlp=self._nlp())
        if format == "json":
            payload = {
                "extractor_version": EXTRACTOR_VERSION,
                "statements": [s.as_dict() for s in statements],
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1))
            return
        for s in statements:
            date = s.date.isoformat() if s.date else "?"
            self.stdout.write(f"[{s.kind}] {s.speaker.name or s.speaker.text} ({s.cue}, {date}): {s.quote}\n")

    def _handle_manifest(self, manifest: Path) -> None:
        from extraction import EXTRACTOR_VERSION, extract_many

        entries = _manifest_entries(manifest)
        nlp = self._nlp()
        for chunk in _chunks(entries, MANIFEST_CHUNK):
            pairs = [(_read_text(path), published or dt.date.today()) for path, published in chunk]
            for (path, _), statements in zip(chunk, extract_many(pairs, nlp=nlp), strict=True):
                payload = {
                    "path": str(path),
                    "extractor_version": EXTRACTOR_VERSION,
                    "statements": [s.as_dict() for s in statements],
                }
                self.stdout.write(json.dumps(payload, ensure_ascii=False))
            self.stdout.flush()
