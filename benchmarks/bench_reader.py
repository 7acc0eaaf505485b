"""The reader's heavier reads: bulk export, Popolo, stance over time, and the counted lists.

Requests go through Django's test Client in-process (full middleware, routing, views and
queries; no network), so the numbers are server time. Seed a separate database first:

    createdb -h 127.0.0.1 -U postgres onrecord_bench_reader
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/onrecord_bench_reader
    python manage.py migrate
    python manage.py seed_demo --statements 50000
    python benchmarks/bench_reader.py --requests 20

Prints, per case, the median and worst wall-clock time, the number of queries of one request,
and for exports the rows per second and the bytes written.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ["DJANGO_DEBUG"] = "false"  # DEBUG keeps every query in memory: not what production runs
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost")


def _body_size(response) -> int:
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def _time(client, url: str, runs: int) -> tuple[list[float], int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, size, queries = [], 0, 0
    for i in range(runs):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            size = _body_size(response)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
        if i == 0:
            queries = len(captured)
    return times, size, queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20, help="Requests per page case.")
    parser.add_argument("--exports", type=int, default=3, help="Runs per export case.")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.cache import cache
    from django.db.models import Count
    from django.test import Client

    from statements.models import Statement, StatementTopic

    total = Statement.objects.count()
    busiest = (
        StatementTopic.objects.values("statement__speaker", "topic__slug")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    client = Client()
    cases = [
        ("export csv (all)", "/api/v1/export/statements/?format=csv", args.exports, total),
        ("export jsonl (all)", "/api/v1/export/statements/?format=jsonl", args.exports, total),
        ("popolo", "/api/v1/export/popolo/", args.exports, None),
        (
            "stances api (busiest person+topic)",
            f"/api/v1/people/{busiest['statement__speaker']}/stances/?topic={busiest['topic__slug']}",
            args.requests,
            None,
        ),
        ("statements page 1 (count cached)", "/statements/", args.requests, None),
        ("statements page, topic filter", f"/statements/?topic={busiest['topic__slug']}", args.requests, None),
        ("articles page", "/articles/", args.requests, None),
        ("outlets page", "/outlets/", args.requests, None),
    ]
    from people.models import Person

    person = Person.objects.get(pk=busiest["statement__speaker"])
    cases.append(("person page (stance timelines)", person.get_absolute_url(), args.requests, None))
    print(f"{total:,} statements; busiest person/topic: {busiest['n']:,} statements")
    for name, url, runs, rows in cases:
        cache.clear()
        times, size, queries = _time(client, url, runs)
        median = statistics.median(times)
        line = f"{name:38s} median {median * 1000:8.1f} ms  max {max(times) * 1000:8.1f} ms  {queries:3d} queries"
        if rows:
            line += f"  {rows / median:,.0f} rows/s  {size / 1e6:.1f} MB"
        print(line)


if __name__ == "__main__":
    main()
