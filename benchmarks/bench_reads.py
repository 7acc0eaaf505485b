"""Read-path latency: the statements API list, a filtered list, a topic page and a search.

Requests go through Django's test Client in-process (full middleware, URL routing, views,
serializers, templates and PostgreSQL queries; no network or WSGI server), so the numbers are
server time per request. Seed a separate database first:

    createdb -h 127.0.0.1 -U postgres onrecord_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/onrecord_bench
    python manage.py migrate
    python manage.py seed_demo --statements 100000
    python benchmarks/bench_reads.py --requests 200

Prints p50/p95/p99 wall-clock time per case, the median CPU time of this process (the Django
side: views, ORM, serializers, templates; PostgreSQL's work is in the wall time only) and the
row counts involved. Targets (100k statements): API list
p50 <= 25 ms and p99 <= 100 ms, topic page p50 <= 100 ms; (1M) search p95 <= 250 ms.
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


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def measure(client, url: str, requests: int, warmup: int, before=None) -> tuple[list[float], list[float]]:
    """Wall-clock times, and this process's CPU times (Django and Python; not PostgreSQL's), in ms."""
    for _ in range(warmup):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
    timings, cpu = [], []
    for _ in range(requests):
        if before:
            before()
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return timings, cpu


def busiest_search_term(total: int) -> tuple[str, int]:
    """A word matching about 2.5% of statements (~25,000 at 1M), counted with the real search."""
    from statements import selectors
    from statements.models import Statement

    target = total * 0.025
    best = None
    for term in ["interconnector", "frigates", "conscription", "tariffs", "vaccine", "rent", "coal", "wages", "budget"]:
        n = selectors.statement_search(Statement.objects.all(), term).count()
        if n and (best is None or abs(n - target) < abs(best[1] - target)):
            best = (term, n)
    return best or ("budget", 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200, help="Timed requests per case.")
    parser.add_argument("--warmup", type=int, default=10, help="Untimed requests per case first.")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from config.startup import freeze_heap_after_startup
    from statements.models import Statement, StatementTopic, Topic

    if connection.vendor != "postgresql":
        sys.exit("Run against PostgreSQL: set DATABASE_URL=postgres://.../onrecord_bench")
    total = Statement.objects.count()
    if not total:
        sys.exit("No statements: run `manage.py seed_demo --statements 100000` on this database first.")
    topic = Topic.objects.filter(slug="energy").first() or Topic.objects.first()
    on_topic = StatementTopic.objects.filter(topic=topic).count()
    stance_rows = StatementTopic.objects.filter(topic=topic, stance="oppose", statement__speaker__country_id="FR").count()
    term, term_rows = busiest_search_term(total)
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        pg_version = cursor.fetchone()[0].split(",")[0]

    cases = [
        ("API list, newest first (page 50)", "/api/v1/statements/", f"{total:,} statements"),
        (
            "API filtered list (topic+stance+country+date)",
            f"/api/v1/statements/?topic={topic.slug}&stance=oppose&country=FR&said_after=2020-01-01",
            f"{stance_rows:,} matching",
        ),
        ("Topic page (HTML, who said what)", f"/topics/{topic.slug}/", f"{on_topic:,} statements on {topic.name}"),
        ("Topic page, aggregates not cached", f"/topics/{topic.slug}/", "cache cleared before each request", True),
        ("API search, ranked (page 50)", f"/api/v1/statements/?q={term}", f"{term_rows:,} match '{term}'"),
        ("HTML search page", f"/search/?q={term}", f"{term_rows:,} match '{term}'"),
    ]
    client = Client()
    # As config/wsgi.py does in every web process: views loaded, start-up heap frozen.
    freeze_heap_after_startup()
    print(f"onrecord read benchmark: {total:,} statements, {pg_version}, {os.cpu_count()} CPUs")
    print(f"Django test Client in-process; {args.requests} timed requests per case after {args.warmup} warm-up.")
    print(f"{'case':48} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'cpu p50':>8}  rows")
    print("load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    for label, url, rows, *cold in cases:
        cache.clear()  # throttle counters; the demo banner flag is re-read once
        timings, cpu = measure(client, url, args.requests, args.warmup, before=cache.clear if cold else None)
        print(
            f"{label:48} {statistics.median(timings):8.1f} {percentile(timings, 95):8.1f} "
            f"{percentile(timings, 99):8.1f} {statistics.median(cpu):8.1f}  {rows}"
        )
    print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
