"""Print the statements extracted from a text file as JSON. Writes nothing to the database."""

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import CommandError

from common.quiet import QuietCommand


class Command(QuietCommand):
    help = "Extract statements from a text file and print them (JSON or text). Nothing is stored."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A UTF-8 text file holding one article.")
        parser.add_argument("--format", choices=["json", "text"], default="json")
        parser.add_argument("--published", help="Publication date, YYYY-MM-DD (default: today).")

    def handle(self, *args, file, format, published, **options):
        from django.conf import settings

        from extraction import EXTRACTOR_VERSION, extract
        from extraction.nlp import load

        path = Path(file)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        try:
            published_on = dt.date.fromisoformat(published) if published else dt.date.today()
        except ValueError as exc:
            raise CommandError(f"--published must be YYYY-MM-DD, not {published!r}") from exc
        statements = extract(text, published=published_on, nlp=load(settings.SPACY_MODEL))
        if format == "json":
            payload = {"extractor_version": EXTRACTOR_VERSION, "statements": [s.as_dict() for s in statements]}
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1))
            return
        for s in statements:
            date = s.date.isoformat() if s.date else "?"
            self.stdout.write(f"[{s.kind}] {s.speaker.name or s.speaker.text} ({s.cue}, {date}): {s.quote}\n")
