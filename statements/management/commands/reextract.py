"""Run extraction again over chosen articles, e.g. after the extractor improved."""


from django.db.models import Q

from common.quiet import QuietCommand
from extraction import EXTRACTOR_VERSION
from statements.models import Article
from statements.services.article_steps import article_extract


class Command(QuietCommand):
    help = (
        "Re-extract statements. Updates statements without duplicates; never overwrites what an "
        "analyst verified, corrected or rejected."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Article ids (default: see --outdated/--all).")
        parser.add_argument("--outdated", action="store_true", help=f"Articles not extracted by {EXTRACTOR_VERSION}.")
        parser.add_argument("--all", action="store_true", help="Every extracted or failed article with text.")

    def handle(self, *args, ids, outdated, all, **options):
        articles = Article.objects.exclude(text="").filter(
            status__in=[Article.Status.EXTRACTED, Article.Status.FAILED, Article.Status.FETCHED]
        )
        if ids:
            articles = articles.filter(pk__in=ids)
        elif outdated:
            articles = articles.filter(~Q(extractor_version=EXTRACTOR_VERSION))
        elif not all:
            self.stderr.write("Give article ids, --outdated or --all.")
            return
        done = 0
        for article_id in articles.order_by("pk").values_list("pk", flat=True):
            status = article_extract(article_id=article_id, force=True)
            done += 1
            self.stdout.write(f"article {article_id}: {status}")
        self.stdout.write(self.style.SUCCESS(f"Re-extracted {done} articles with extractor {EXTRACTOR_VERSION}."))
