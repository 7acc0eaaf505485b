"""Print the statements extracted from text files as JSON. Writes nothing to the database.

One file: ``extract FILE [--format json|text] [--published YYYY-MM-DD] [--title TITLE]``.
Many files: ``extract --manifest FILE``, where FILE is JSON Lines of ``{"path", "published"}``;
one compact JSON result per input line is printed, in order, with the model loaded once.

Text is read as people paste it: HTML left in it is stripped first (offsets point into the
stripped text), and a text not in English gives no statements and a warning saying so (on
standard error and in the result's ``warnings``). Without a publication date, statements the
text does not date are left undated.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from django.core.management.base import CommandError

from common.quiet import QuietCommand

# Articles parsed together in one nlp.pipe stream: large enough to keep the parser busy,
# small enough that a manifest of thousands of articles never sits in memory at once.
MANIFEST_CHUNK = 16


def _read_text(path: Path) -> str:
    """The article's text, with any HTML left in it stripped."""
    from extraction.text import strip_html

    try:
        return strip_html(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"Cannot read {path}: {exc}") from exc


def _language_warnings(text: str) -> tuple[str, list[str]]:
    """The text's language code, and the warning to give when the rules cannot read it."""
    from extraction.language import detect_language

    language = detect_language(text)
    return language.code, ([] if language.supported else [language.message()])


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


class Command(QuietCommand):
    help = (
        "Extract statements from text files and print them (JSON or text). Nothing is stored. HTML left in "
        "the text is stripped first (offsets point into the stripped text); a text not in English is reported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="A UTF-8 text file holding one article.")
        parser.add_argument("--format", choices=["json", "text"], default="json")
        parser.add_argument(
            "--published",
            help="Publication date, YYYY-MM-DD. Without it, statements the text does not date are undated.",
        )
        parser.add_argument("--title", help="The article's title, when its first line is not the headline.")
        parser.add_argument(
            "--manifest",
            help='JSON Lines of {"path", "published"}: one JSON result per line, in order.',
        )

    def handle(self, *args, file, format, published, manifest, title, **options):
        if bool(file) == bool(manifest):
            raise CommandError("Give either one FILE or --manifest FILE.")
        if manifest:
            self._handle_manifest(Path(manifest))
            return
        self._handle_one(Path(file), format, published, title)

    def _nlp(self):
        from django.conf import settings

        from extraction.nlp import load

        return load(settings.SPACY_MODEL)

    def _handle_one(self, path: Path, format: str, published: str | None, title: str | None) -> None:
        from extraction import EXTRACTOR_VERSION, extract

        text = _read_text(path)
        published_on = _parse_date(published, "--")
        language, warnings = _language_warnings(text)
        for warning in warnings:
            self.stderr.write(self.style.WARNING(f"{path}: {warning}"))
        statements = [] if warnings else extract(text, published=published_on, title=title, nlp=self._nlp())
        if format == "json":
            payload = {
                "extractor_version": EXTRACTOR_VERSION,
                "language": language,
                "warnings": warnings,
                "statements": [s.as_dict() for s in statements],
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1))
            return
        for s in statements:
            date = s.date.isoformat() if s.date else "date unknown"
            self.stdout.write(f"[{s.kind}] {s.speaker.name or s.speaker.text} ({s.cue}, {date}): {s.with_marks()}\n")

    def _handle_manifest(self, manifest: Path) -> None:
        from extraction import EXTRACTOR_VERSION, extract_many

        entries = _manifest_entries(manifest)
        nlp = self._nlp()
        for chunk in _chunks(entries, MANIFEST_CHUNK):
            texts = [_read_text(path) for path, _ in chunk]
            checks = [_language_warnings(text) for text in texts]
            # A text the rules cannot read is not parsed: an empty text gives no statements.
            pairs = [
                (text if not warnings else "", published)
                for text, (_, warnings), (_, published) in zip(texts, checks, chunk, strict=True)
            ]
            results = extract_many(pairs, nlp=nlp)
            for (path, _), (language, warnings), statements in zip(chunk, checks, results, strict=True):
                for warning in warnings:
                    self.stderr.write(self.style.WARNING(f"{path}: {warning}"))
                payload = {
                    "path": str(path),
                    "extractor_version": EXTRACTOR_VERSION,
                    "language": language,
                    "warnings": warnings,
                    "statements": [s.as_dict() for s in statements],
                }
                self.stdout.write(json.dumps(payload, ensure_ascii=False))
            self.stdout.flush()
