"""gunicorn for `make serve` and the compose file's web service.

Workers and threads: the Django side of a request is CPU-bound Python (one thread of a process
runs at a time), so processes give the parallelism: two per CPU, so one runs while the other
waits on PostgreSQL or Redis. Threads (4 per process) cover the rest of the waiting: slow
clients, keep-alive connections held by a proxy or CDN, and answers served from the cache in a
millisecond or two, which would otherwise queue behind a slow request in a sync worker. On the
2-CPU development machine that is 4 processes × 4 threads; benchmarks/README.md ("Under load
over HTTP") has what it serves. Override with WEB_CONCURRENCY (processes) and GUNICORN_THREADS.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Processes per CPU: one runs while another waits on the database.
PROCESSES_PER_CPU = 2
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * PROCESSES_PER_CPU))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
worker_class = "gthread"
# Load Django, the URLconf and the views once in the master, freeze that heap
# (config/wsgi.py) and fork: the workers share those pages and start at once. The master opens
# no database or cache connection, so none is shared across the fork.
preload_app = True
# Keep-alive connections from a proxy or CDN are reused instead of re-opened per request.
keepalive = 5
# A request that runs longer than this is stuck: the worker is replaced.
timeout = 30
graceful_timeout = 20
# Recycle a worker after this many requests (with jitter, so they do not restart together):
# bounds the memory a long-running process can gather.
max_requests = 20_000
max_requests_jitter = 2_000
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

