"""Print the statements extracted from a text file as JSON. Writes nothing to the database."""

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import CommandError

from common.quiet import QuietCommand


class Command(QuietCommand):
    help = (
        "Extract statements from a text file and print them (JSON or text). Nothing is stored. HTML left in "
        "the text is stripped first (offsets point into the stripped text); a text not in English is reported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A UTF-8 text file holding one article.")
        parser.add_argument("--format", choices=["json", "text"], default="json")
        parser.add_argument(
            "--published",
            help="Publication date, YYYY-MM-DD. Without it, statements the text does not date are undated.",
        )
        parser.add_argument("--title", help="The article's title, when its first line is not the headline.")

    def handle(self, *args, file, format, published, title, **options):
        from django.conf import settings

        from extraction import EXTRACTOR_VERSION, extract
        from extraction.language import detect_language
        from extraction.nlp import load
        from extraction.text import strip_html

        path = Path(file)
        try:
            text = strip_html(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        try:
            published_on = dt.date.fromisoformat(published) if published else None
        except ValueError as exc:
            raise CommandError(f"--published must be YYYY-MM-DD, not {published!r}") from exc
        language = detect_language(text)
        warnings = [] if language.supported else [language.message()]
        for warning in warnings:
            self.stderr.write(self.style.WARNING(f"{path}: {warning}"))
        statements = (
            extract(text, published=published_on, title=title, nlp=load(settings.SPACY_MODEL))
            if language.supported
            else []
        )
        if format == "json":
            payload = {
                "extractor_version": EXTRACTOR_VERSION,
                "language": language.code,
                "warnings": warnings,
                "statements": [s.as_dict() for s in statements],
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1))
            return
        for s in statements:
            date = s.date.isoformat() if s.date else "date unknown"
            self.stdout.write(f"[{s.kind}] {s.speaker.name or s.speaker.text} ({s.cue}, {date}): {s.quote}\n")
