"""Ingest articles from files or URLs through the real pipeline."""

import datetime as dt
from pathlib import Path

from django.core.management.base import CommandError

from common.quiet import QuietCommand
from statements.models import Article
from statements.services.articles import IngestError, article_ingest


class Command(QuietCommand):
    help = "Ingest articles given as local text files or http(s) URLs. The same article twice is stored once."

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="+", metavar="FILE_OR_URL")
        parser.add_argument("--published", help="Publication date YYYY-MM-DD for files without one.")
        parser.add_argument("--title", default="", help="Title for a single file (default: its first line).")
        parser.add_argument("--outlet", default="", help="Outlet name for files.")

    def handle(self, *args, sources, published, title, outlet, **options):
        failures = 0
        for source in sources:
            try:
                result = self._ingest_one(source, published=published, title=title, outlet=outlet)
            except IngestError as exc:
                failures += 1
                self.stderr.write(self.style.ERROR(f"{source}: {exc}"))
                continue
            article = Article.objects.get(pk=result.article.pk)
            verb = "ingested" if result.created else "already on record"
            count = article.citations.count()
            line = f"{source}: {verb} as article {article.pk} ({article.status}, {count} statements)"
            if article.status == Article.Status.FAILED:
                failures += 1
                self.stderr.write(self.style.ERROR(f"{line}: {article.error}"))
            else:
                self.stdout.write(self.style.SUCCESS(line))
        if failures:
            raise CommandError(f"{failures} of {len(sources)} could not be ingested.")

    def _ingest_one(self, source: str, *, published, title, outlet):
        if source.startswith(("http://", "https://")) or "://" in source:
            return article_ingest(url=source, published=published)
        path = Path(source)
        if not path.is_file():
            raise IngestError("No such file (URLs must start with http:// or https://).")
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise IngestError("The file is not UTF-8 text (binary data?).") from exc
        if published:
            try:
                dt.date.fromisoformat(published)
            except ValueError as exc:
                raise IngestError(f"--published must be YYYY-MM-DD, not {published!r}") from exc
        return article_ingest(
            text=text, title=title, published=published, outlet_name=outlet, origin=Article.Origin.FILE
        )
