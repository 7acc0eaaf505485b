"""Load test against a running server (`make serve`) on this machine: reads, and ingestion at once.

    make serve PORT=8000 &                                   # or gunicorn -c config/gunicorn.conf.py ...
    python benchmarks/load_test.py --clients 16 --seconds 20            # every read URL, one at a time
    python benchmarks/load_test.py --mix --clients 16 --ingest 2 --seconds 30   # all at once + ingestion

Threads, each with its own keep-alive HTTP/1.1 connection (http.client), send requests for a
bounded time (and at most --max-requests per URL). Per URL it prints requests/s, p50/p95/p99
latency and errors (any status but the expected one, or a failed connection).

Read URLs (resolved from the API first): the statement list, a filtered list, a search, the
people and country lists, a topic page, a person page and a statement page. In --each mode (the
default) every URL gets all the clients for --seconds, like `ab -k -c N`; --mix spreads the
clients over all URLs at once. --ingest N adds N clients that submit new articles (text, so
nothing is fetched) through the API with a token, so the record changes while it is being read:
each submission bumps the record version and the next reads are cache misses.

Only 127.0.0.1 / localhost are accepted as the target.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Bounds: no run longer than this, and no more than this many requests per URL.
MAX_SECONDS = 300
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))]


class Client:
    """One keep-alive connection; reconnects when the server closes it."""

    def __init__(self, host: str, port: int, token: str = ""):
        self.host, self.port, self.token = host, port, token
        self.conn = None

    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        headers = {"Accept": "*/*", "Connection": "keep-alive"}
        if body is not None:
            headers.update({"Content-Type": "application/json", "Authorization": f"Token {self.token}"})
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                return response.status, response.read()
            except (http.client.HTTPException, ConnectionError, TimeoutError, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.error_samples: dict[str, str] = {}

    def add(self, name: str, ms: float, error: str | None) -> None:
        with self.lock:
            self.times[name].append(ms)
            if error:
                self.errors[name] += 1
                self.error_samples.setdefault(name, error)


def read_urls(client: Client) -> dict[str, str]:
    """The URLs read, with real ids and slugs taken from the API."""
    # the newest statement with a linked speaker (the newest may be a group's, "environmental groups")
    _, body = client.request("GET", "/api/v1/statements/?page_size=50")
    statement = next(s for s in json.loads(body)["results"] if s["speaker"])
    _, body = client.request("GET", "/api/v1/topics/?page_size=1")
    topic = json.loads(body)["results"][0]["slug"]
    speaker = statement["speaker"]["slug"]
    country = statement["speaker"]["country"] or "FR"
    # A content word (stop words like "have" are dropped by PostgreSQL's parser: no match).
    words = [w.strip(".,;:!?\"'").lower() for w in statement["quote"].split()]
    word = max(words, key=len)
    return {
        "API statement list": "/api/v1/statements/",
        "API filtered list": f"/api/v1/statements/?topic={topic}&stance=oppose&country={country}",
        "API search": f"/api/v1/statements/?q={word}",
        "API people list": "/api/v1/people/",
        "API country list": "/api/v1/countries/",
        "topic page": f"/topics/{topic}/",
        "person page": f"/people/{speaker}/",
        "statement page": f"/statements/{statement['id']}/",
        "search page": f"/search/?q={word}",
    }


def article_body(n: int, run: str) -> bytes:
    from tests.ingest.corpus import article_fields

    fields = article_fields(n)
    text = f"{fields['headline']} ({run})\n\n" + "\n\n".join(fields["paragraphs"])
    return json.dumps(
        {"text": text, "title": f"{fields['headline']} ({run})", "published": fields["published"].isoformat()}
    ).encode()


def ensure_token() -> str:
    """A token for the ingest clients, made in the server's database (same DATABASE_URL)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django

    django.setup()
    from django.contrib.auth.models import User
    from rest_framework.authtoken.models import Token

    user, _ = User.objects.get_or_create(username="load-test")
    return Token.objects.get_or_create(user=user)[0].key


def run_clients(targets, *, host, port, clients, seconds, max_requests, ingest, token, stats) -> float:
    """`clients` readers cycling through `targets` and `ingest` writers, until time or count runs out."""
    deadline = time.perf_counter() + seconds
    sent: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    run = f"load {time.time_ns():x}"
    counter = iter(range(10**9))

    def take(name: str) -> bool:
        with lock:
            if sent[name] >= max_requests:
                return False
            sent[name] += 1
            return True

    def reader(offset: int) -> None:
        client = Client(host, port)
        i = offset
        while time.perf_counter() < deadline:
            name, path = targets[i % len(targets)]
            i += 1
            if not take(name):
                if all(sent[n] >= max_requests for n, _ in targets):
                    return
                continue
            timed(stats, name, client.request, "GET", path, expect=200)

    def writer() -> None:
        client = Client(host, port, token)
        while time.perf_counter() < deadline and take("ingest (POST article)"):
            body = article_body(next(counter), run)
            timed(
                stats, "ingest (POST article)", client.request, "POST", "/api/v1/articles/", body, expect=202
            )

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(clients)]
    threads += [threading.Thread(target=writer) for _ in range(ingest)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def timed(stats: Stats, name: str, call, *call_args, expect: int) -> None:
    started = time.perf_counter()
    try:
        status, body = call(*call_args)
        error = None if status == expect else f"HTTP {status}: {body[:120]!r}"
    except Exception as exc:  # a refused or dropped connection is an error of the run, not a crash
        error = f"{type(exc).__name__}: {exc}"
    stats.add(name, (time.perf_counter() - started) * 1000, error)


def report(stats: Stats, elapsed: dict[str, float]) -> None:
    print(f"{'URL':<24} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6}")
    for name, times in stats.times.items():
        rate = len(times) / elapsed.get(name, elapsed["*"])
        print(
            f"{name:<24} {len(times):>8} {rate:>8.1f} {statistics.median(times):>8.1f} "
            f"{percentile(times, 95):>8.1f} {percentile(times, 99):>8.1f} {stats.errors[name]:>6}"
        )
    for name, sample in stats.error_samples.items():
        print(f"  first error on {name}: {sample}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument(
        "--seconds", type=float, default=15.0, help=f"per URL (--each) or in all (--mix); ≤ {MAX_SECONDS}"
    )
    parser.add_argument("--max-requests", type=int, default=20_000, help="per URL")
    parser.add_argument("--mix", action="store_true", help="all URLs at once instead of one after another")
    parser.add_argument("--ingest", type=int, default=0, help="clients submitting new articles meanwhile")
    parser.add_argument("--only", nargs="*", help="names of the URLs to read (default: all)")
    args = parser.parse_args()
    parts = urlsplit(args.base)
    if parts.hostname not in LOCAL_HOSTS:
        parser.error("the load test only runs against this machine (127.0.0.1 / localhost)")
    seconds = min(args.seconds, MAX_SECONDS)
    host, port = parts.hostname, parts.port or 80
    token = ensure_token() if args.ingest else ""
    urls = read_urls(Client(host, port))
    targets = [(name, path) for name, path in urls.items() if not args.only or name in args.only]
    print(f"load average before: {os.getloadavg()}  clients: {args.clients}  ingest clients: {args.ingest}")
    for name, path in targets:
        print(f"  {name:<22} {path}")
    stats, elapsed = Stats(), {}
    common = dict(host=host, port=port, clients=args.clients, max_requests=args.max_requests, stats=stats)
    if args.mix:
        elapsed["*"] = run_clients(targets, seconds=seconds, ingest=args.ingest, token=token, **common)
    else:
        for target in targets:
            elapsed[target[0]] = run_clients(
                [target], seconds=seconds, ingest=args.ingest, token=token, **common
            )
        elapsed["*"] = sum(elapsed.values())
    if args.ingest and not args.mix:
        elapsed["ingest (POST article)"] = elapsed["*"]
    print(f"load average after: {os.getloadavg()}")
    report(stats, elapsed)


if __name__ == "__main__":
    main()
