"""Admin latency over HTTP: the review screen and the statement list, against a running server.

Measures what an analyst waits for: full HTTP round trips to a real server (runserver or
gunicorn), signed in as staff, against a seeded PostgreSQL database. Seed and serve first:

    createdb -h 127.0.0.1 -U postgres onrecord_admin
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/onrecord_admin DJANGO_DEBUG=false
    python manage.py migrate && python manage.py seed_demo --statements 100000
    BENCH_PASSWORD=... python manage.py add_analyst bench --password-from-env BENCH_PASSWORD
    python manage.py runserver 127.0.0.1:8765 --noreload &
    BENCH_PASSWORD=... python benchmarks/bench_admin.py --base-url http://127.0.0.1:8765

Prints p50/p95/max wall-clock milliseconds per page. Target (100k statements): every page
p95 <= 300 ms.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

PAGES = [
    ("review: first in queue (redirect + page)", "/admin/statements/statement/review/"),
    ("review: no speaker filter", "/admin/statements/statement/review/?no_speaker=1"),
    ("review: all statuses, kind filter", "/admin/statements/statement/review/?status=all&kind=indirect"),
    ("statement list", "/admin/statements/statement/"),
    (
        "statement list: unreviewed, by confidence",
        "/admin/statements/statement/?review_status__exact=unreviewed&o=4",
    ),
    ("statement list: missing speaker", "/admin/statements/statement/?speaker_missing=yes"),
    ("statement list: page 20", "/admin/statements/statement/?p=20"),
    ("admin front page", "/admin/"),
]


def opener_signed_in(base: str, username: str, password: str):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = f"{base}/admin/login/?next=/admin/"
    page = opener.open(login).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": username, "password": password, "next": "/admin/"}
    ).encode()
    request = urllib.request.Request(login, data=data, headers={"Referer": login})
    response = opener.open(request)
    if "/admin/login/" in response.geturl():
        sys.exit("Sign-in failed: check the user and BENCH_PASSWORD.")
    return opener


def measure(opener, url: str, requests: int, warmup: int) -> list[float]:
    for _ in range(warmup):
        opener.open(url).read()
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = opener.open(url)
        response.read()
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status == 200, (url, response.status)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base-url", default="http://127.0.0.1:8765")
    parser.add_argument("--username", default="bench")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()
    password = os.environ.get("BENCH_PASSWORD")
    if not password:
        sys.exit("Set BENCH_PASSWORD to the benchmark user's password.")
    base = args.base_url.rstrip("/")
    opener = opener_signed_in(base, args.username, password)
    print(f"{'page':48} {'p50':>8} {'p95':>8} {'max':>8}  (ms, {args.requests} requests over HTTP)")
    for label, path in PAGES:
        timings = measure(opener, base + path, args.requests, args.warmup)
        p95 = sorted(timings)[max(0, round(0.95 * (len(timings) - 1)))]
        print(f"{label:48} {statistics.median(timings):8.1f} {p95:8.1f} {max(timings):8.1f}")


if __name__ == "__main__":
    main()
