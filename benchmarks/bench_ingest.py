"""Ingestion throughput through the real worker path: HTTP fetch → trafilatura → extraction → PostgreSQL.

Serves N small article pages (fictional politicians) from a local HTTP server on 127.0.0.1,
ingests their URLs with article_ingest, and lets real `celery -A config worker` processes
(prefork, consuming both the fetch and the extract queue) take them through the pipeline, first
with 1 worker process (-c 1), then with 2 (-c 2). Each run starts from a freshly migrated
database, so the runs do the same work.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/onrecord
    export CELERY_BROKER_URL=redis://127.0.0.1:6379/0
    python benchmarks/bench_ingest.py --articles 1000

The database named by --database (default onrecord_bench_ingest_<pid>) on the DATABASE_URL server is
dropped and created for every run, and dropped at the end. The run's queues live under their own
Redis key prefix (onrecord-bench-<pid>:), emptied before each run: a suite, another benchmark or a
developer's worker on the same Redis is never touched.

Prints, per worker count: articles per minute (a burst of N URLs at once, until every article
is extracted), queue latency (enqueue → task start, p50/p95) of that burst and of a trickle
of articles sent slower than the workers' capacity, and where worker time goes (fetch, page
parsing, extraction, database, the rest).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
METRICS_ENV = "BENCH_INGEST_METRICS"


# --- instrumentation, loaded into each worker with `--include benchmarks.bench_ingest` -----------


def _install_worker_probes(metrics_path: str) -> None:
    """Time each task and its parts (fetch, parse, extraction, SQL) and append one JSON line per task."""
    import threading as _threading

    from celery.signals import task_postrun, task_prerun
    from django.db import connection

    local = _threading.local()

    def timed(module, name: str, bucket: str) -> None:
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                parts = getattr(local, "parts", None)
                if parts is not None:
                    parts[bucket] = parts.get(bucket, 0.0) + time.perf_counter() - started

        setattr(module, name, wrapper)

    def sql_timer(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            parts = getattr(local, "parts", None)
            if parts is not None:
                parts["database"] = parts.get("database", 0.0) + time.perf_counter() - started

    import statements.ingest.fetch as fetch_module
    import statements.ingest.html as html_module
    import statements.services.extraction as extraction_module

    # The pipeline imports these names at call time, so replacing the module attributes is enough.
    timed(fetch_module, "fetch_url", "fetch")
    timed(html_module, "parse_article_html", "parse")
    timed(extraction_module, "extraction_run", "extraction")

    @task_prerun.connect(weak=False)
    def started(task_id, task, *args, **kwargs):
        local.parts = {}
        local.started = time.time()
        local.perf = time.perf_counter()
        if sql_timer not in connection.execute_wrappers:
            connection.execute_wrappers.append(sql_timer)

    @task_postrun.connect(weak=False)
    def finished(task_id, task, *args, **kwargs):
        sent = (getattr(task.request, "headers", None) or {}).get("bench_sent") or getattr(
            task.request, "bench_sent", None
        )
        record = {
            "task": task.name.rsplit(".", 1)[-1],
            "sent": sent,
            "started": local.started,
            "duration": time.perf_counter() - local.perf,
            **local.parts,
        }
        local.parts = None
        with open(metrics_path, "a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")


def _install_publish_stamp() -> None:
    """Stamp each task message with the time it was sent (in the benchmark and in workers)."""
    from celery.signals import before_task_publish

    @before_task_publish.connect(weak=False)
    def stamp(headers=None, **kwargs):
        if headers is not None:
            headers["bench_sent"] = time.time()


if os.environ.get(METRICS_ENV) and __name__ != "__main__":
    _install_publish_stamp()
    _install_worker_probes(os.environ[METRICS_ENV])


# --- the benchmark ------------------------------------------------------------------------------


def percentile(samples: list[float], pct: float) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))]


class Newsroom:
    """N article pages on 127.0.0.1, generated once, counted as they are requested."""

    def __init__(self, count: int):
        sys.path.insert(0, str(ROOT))
        from tests.ingest import corpus

        self.pages = {f"/news/{i}": corpus.article_html(i) for i in range(count)}
        self.hits = 0
        pages, newsroom = self.pages, self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802
                body = pages.get(self.path.split("?")[0])
                newsroom.hits += 1
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.host = f"127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()

    def url(self, i: int, run: str) -> str:
        return f"http://{self.host}/news/{i}?run={run}"


def database_url(name: str) -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, ""))


def database_recreate(name: str) -> None:
    import psycopg
    from django.core.management import call_command
    from django.db import connections

    connections.close_all()
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)


def queues_purge() -> None:
    import redis

    prefix = os.environ["ONRECORD_BROKER_KEY_PREFIX"]
    client = redis.Redis.from_url(os.environ["CELERY_BROKER_URL"])
    client.delete(*(prefix + key for key in ("fetch", "extract", "celery", "unacked", "unacked_index")))


def database_drop(name: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Workers:
    """`celery -A config worker -c N -Q fetch,extract` with the probes loaded."""

    def __init__(self, concurrency: int, metrics: Path, env: dict):
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("celery")), "-A", "config", "worker", "-P", "prefork",
             "-c", str(concurrency), "-Q", "fetch,extract", "-l", "info", "-n", f"bench{concurrency}@%h",
             "--include", "benchmarks.bench_ingest", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=ROOT, env={**env, METRICS_ENV: str(metrics)}, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, start_new_session=True,
        )  # fmt: skip
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip())

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any("ready." in line for line in self.lines):
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise SystemExit("The worker did not start:\n" + "\n".join(self.lines[-30:]))

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(120)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)


def wait_done(ids: list[int], timeout: float) -> tuple[float, dict]:
    from statements.models import Article

    waiting = {Article.Status.QUEUED, Article.Status.FETCHED}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not Article.objects.filter(pk__in=ids, status__in=waiting).exists():
            break
        time.sleep(0.25)
    done_at = time.perf_counter()
    counts = {}
    for status in Article.objects.filter(pk__in=ids).values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    return done_at, counts


def run(
    newsroom: Newsroom, *, concurrency: int, articles: int, trickle: int, database: str, env: dict
) -> dict:
    from statements.models import Citation, Statement
    from statements.services.articles import article_ingest

    database_recreate(database)
    queues_purge()
    metrics = Path(tempfile.gettempdir()) / f"onrecord_bench_ingest_{os.getpid()}_{concurrency}.jsonl"
    metrics.unlink(missing_ok=True)
    workers = Workers(concurrency, metrics, env)
    try:
        workers.wait_ready()
        tag = f"c{concurrency}"
        started = time.perf_counter()
        ids = [article_ingest(url=newsroom.url(i, tag)).article.pk for i in range(articles)]
        enqueued = time.perf_counter() - started
        done_at, statuses = wait_done(ids, timeout=3600)
        elapsed = done_at - started
        burst_records = [json.loads(line) for line in metrics.read_text().splitlines()]

        # Trickle: one article at a time, slower than the workers' throughput, for the latency of
        # the machinery itself rather than of a backlog.
        per_article = elapsed / max(articles, 1)
        gap = max(per_article * 3 / concurrency, 0.05)
        trickle_ids = []
        for i in range(articles, articles + trickle):
            trickle_ids.append(article_ingest(url=newsroom.url(i, tag)).article.pk)
            time.sleep(gap)
        wait_done(trickle_ids, timeout=600)
        all_records = [json.loads(line) for line in metrics.read_text().splitlines()]
        trickle_records = all_records[len(burst_records) :]
        statements, citations = Statement.objects.count(), Citation.objects.count()
    finally:
        workers.stop()
        metrics.unlink(missing_ok=True)
    return {
        "concurrency": concurrency,
        "articles": articles,
        "elapsed": elapsed,
        "enqueue_seconds": enqueued,
        "statuses": statuses,
        "statements": statements,
        "citations": citations,
        "burst": burst_records,
        "trickle": trickle_records,
    }


def latency_ms(records: list[dict], task: str) -> tuple[float, float, int]:
    waits = [(r["started"] - r["sent"]) * 1000 for r in records if r["task"] == task and r.get("sent")]
    return percentile(waits, 50), percentile(waits, 95), len(waits)


def report(result: dict) -> None:
    c, n, elapsed = result["concurrency"], result["articles"], result["elapsed"]
    print(f"\n== {c} worker process{'es' if c > 1 else ''} (-c {c}, queues fetch+extract) ==")
    print(f"articles: {n} in {elapsed:.1f} s  ->  {n / elapsed * 60:,.0f} articles/minute")
    print(
        f"  (enqueueing the {n} URLs took {result['enqueue_seconds']:.1f} s of that; end states {result['statuses']})"
    )
    print(f"  statements {result['statements']:,}, citations {result['citations']:,}")
    for label in ("burst", "trickle"):
        records = result[label]
        for task in ("fetch_article", "extract_article"):
            p50, p95, count = latency_ms(records, task)
            print(
                f"  queue latency {label:7} {task:16} p50 {p50:9.1f} ms  p95 {p95:9.1f} ms  ({count} tasks)"
            )
    records = result["burst"]
    total = sum(r["duration"] for r in records)
    parts = {
        key: sum(r.get(key, 0.0) for r in records) for key in ("fetch", "parse", "extraction", "database")
    }
    other = total - sum(parts.values())
    print(f"  worker time {total:.1f} s over {len(records)} tasks:")
    for key, seconds in [*parts.items(), ("other (Celery, Python, people resolution)", other)]:
        print(f"    {key:42} {seconds:8.1f} s  {seconds / total * 100 if total else 0:5.1f} %")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--trickle", type=int, default=40, help="Articles sent one by one for latency.")
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1, 2], help="Worker process counts to run."
    )
    parser.add_argument("--database", default=f"onrecord_bench_ingest_{os.getpid()}")
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit(
            "Set DATABASE_URL to a PostgreSQL server (postgres://...); the benchmark creates its own database."
        )
    if not os.environ.get("CELERY_BROKER_URL", "").startswith("redis"):
        raise SystemExit("Set CELERY_BROKER_URL to a Redis broker (redis://...).")

    newsroom = Newsroom(args.articles + args.trickle)
    os.environ["DATABASE_URL"] = database_url(args.database)
    os.environ["FETCH_ALLOW_PRIVATE_HOSTS"] = newsroom.host
    os.environ["ONRECORD_BROKER_KEY_PREFIX"] = f"onrecord-bench-{os.getpid()}:"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    os.environ["DJANGO_DEBUG"] = "false"
    # The workers' writes bump the record version: in a cache of this run's own, not a server's.
    os.environ["CACHE_URL"] = "locmemcache://"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    _install_publish_stamp()
    from django.conf import settings

    assert not settings.CELERY_TASK_ALWAYS_EAGER, "tasks must go through the broker"
    print(f"{args.articles} articles served from http://{newsroom.host}; database {args.database}; "
          f"broker {settings.CELERY_BROKER_URL}; CPUs {os.cpu_count()}")  # fmt: skip
    try:
        for concurrency in args.workers:
            report(run(newsroom, concurrency=concurrency, articles=args.articles, trickle=args.trickle,
                       database=args.database, env=env))  # fmt: skip
    finally:
        queues_purge()
        database_drop(args.database)


if __name__ == "__main__":
    main()
