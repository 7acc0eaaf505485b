"""Ingest articles from files or URLs through the real pipeline."""

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from common.quiet import QuietCommand
from statements.models import Article
from statements.services.articles import IngestError, article_ingest
from statements.services.reconcile import article_resume


def _resume_hint(sent: bool) -> str:
    if sent:
        return "  it had stalled (no task was working on it): sent to the queue again."
    return (
        "  it has stalled and the task queue is unreachable; it will be processed when the queue is back "
        "(or run `manage.py requeue_stalled --older-than 0` then)."
    )


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
            failures += self._report(source, result)
        if failures:
            raise CommandError(f"{failures} of {len(sources)} could not be ingested.")

    def _report(self, source: str, result) -> int:
        """Say what happened to one source; 1 when it counts as a failure."""
        article = Article.objects.get(pk=result.article.pk)
        if result.waiting_for_queue:
            self.stdout.write(
                self.style.WARNING(
                    f"{source}: stored as article {article.pk}; will be processed when the queue is back "
                    "(the task queue is unreachable now)."
                )
            )
            return 0
        verb = "ingested" if result.created else "already on record"
        line = f"{source}: {verb} as article {article.pk} ({article.status}, {article.citations.count()} statements)"
        if article.status == Article.Status.FAILED:
            self.stderr.write(self.style.ERROR(f"{line}: {article.error}"))
            return 1
        self.stdout.write(self.style.SUCCESS(line))
        if not result.created and article.status in (Article.Status.QUEUED, Article.Status.FETCHED):
            resumed = article_resume(article=article)
            if resumed is not None:
                self.stdout.write(_resume_hint(resumed))
        return 0

    def _ingest_one(self, source: str, *, published, title, outlet):
        if source.startswith(("http://", "https://")) or "://" in source:
            return article_ingest(url=source, published=published)
        path = Path(source)
        if not path.is_file():
            raise IngestError("No such file (URLs must start with http:// or https://).")
        # Four bytes per character at most: a file over that is over the limit whatever it says.
        if path.stat().st_size > 4 * settings.INGEST_MAX_TEXT_CHARS:
            raise IngestError(
                f"The file is too large ({path.stat().st_size:,} bytes; articles are at most "
                f"{settings.INGEST_MAX_TEXT_CHARS:,} characters)."
            )
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
