"""Load the bundled sample articles (fictional politicians) through the real ingestion pipeline."""

import json
from pathlib import Path

from common.quiet import QuietCommand
from statements.models import Article
from statements.services.articles import article_ingest
from statements.services.topics import topic_define

SAMPLES_DIR = Path(__file__).resolve().parents[2] / "samples"


class Command(QuietCommand):
    help = "Ingest the sample articles shipped with onrecord. Safe to run again: nothing is duplicated."

    def handle(self, *args, **options):
        manifest = json.loads((SAMPLES_DIR / "manifest.json").read_text(encoding="utf-8"))
        for topic in manifest["topics"]:
            topic_define(name=topic["name"], description=topic["description"], keywords=topic["keywords"])
        for entry in manifest["articles"]:
            result = article_ingest(
                text=(SAMPLES_DIR / entry["file"]).read_text(encoding="utf-8"),
                published=entry["published"],
                outlet_name=entry["outlet"],
                origin=Article.Origin.FILE,
                is_demo=True,
            )
            article = Article.objects.get(pk=result.article.pk)
            state = "loaded" if result.created else "already loaded"
            self.stdout.write(
                f"{entry['file']}: {state} (article {article.pk}, {article.status}, "
                f"{article.citations.count()} statements)"
            )
            if article.status == Article.Status.FAILED:
                self.stderr.write(self.style.ERROR(f"  {article.error}"))
        self.stdout.write(self.style.SUCCESS("Sample articles are demo data about fictional politicians."))
