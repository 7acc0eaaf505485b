"""Write analysts' verified and corrected statements as gold files that ../shared/eval/score.py reads."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.services.gold import gold_export


class Command(BaseCommand):
    help = (
        "Export each article's verified and corrected statements as a gold JSON file with the article's "
        "text beside it, for scoring any extractor version with score.py."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Where to write the files (created when missing).")
        parser.add_argument(
            "--complete-only",
            action="store_true",
            help="Only articles whose every statement has been reviewed (precision then means something).",
        )

    def handle(self, *args, directory, complete_only, **options):
        target = Path(directory)
        if target.exists() and not target.is_dir():
            raise CommandError(f"{target} exists and is not a directory.")
        try:
            result = gold_export(directory=target, complete_only=complete_only)
        except OSError as exc:
            raise CommandError(f"Cannot write to {target}: {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {result.statements} gold statement(s) from {result.articles} article(s) to {target}"
                + (
                    f"; {result.incomplete} article(s) still have unreviewed statements."
                    if result.incomplete
                    else "."
                )
            )
        )
