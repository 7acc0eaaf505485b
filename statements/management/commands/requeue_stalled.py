"""Send again every article owed a step (fetch or extraction) that no task is working on."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from statements.services.reconcile import articles_requeue_stalled, stall_threshold


class Command(BaseCommand):
    help = (
        "Re-enqueue articles left queued/fetched with no live task (broker outage, lost task, dead worker). "
        "Safe to run any time: the steps are idempotent, and running extractions are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            metavar="MINUTES",
            help=f"Only articles whose task was sent at least this long ago "
            f"(default: RECONCILE_STALLED_AFTER_MINUTES, now {int(stall_threshold().total_seconds() // 60)}). "
            "0 sends every stalled article now.",
        )

    def handle(self, *args, older_than, **options):
        if older_than is not None and older_than < 0:
            raise CommandError("--older-than must be 0 or more minutes.")
        window = dt.timedelta(minutes=older_than) if older_than is not None else None
        report = articles_requeue_stalled(older_than=window)
        self.stdout.write(
            f"Requeued {report.total} article(s): {report.requeued['fetch']} to fetch, "
            f"{report.requeued['extract']} to extract; {report.failed} failed after too many tries."
        )
        if report.broker_down:
            raise CommandError(
                "The task queue is unreachable; nothing more was sent. Run this again when it is back."
            )
