"""The anonymous throttle holds across processes (gunicorn workers, machines): its counts are in the
shared cache. Two separate Python processes, each with its own memory, share one budget."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest

from .services import ROOT, database_url

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

RATE, REQUESTS_EACH = 10, 8

CLIENT = """
import django, sys
django.setup()
from django.test import Client
client = Client(REMOTE_ADDR="203.0.113.7")
print(" ".join(str(client.get("/api/v1/").status_code) for _ in range(int(sys.argv[1]))))
"""


def test_two_processes_share_one_anonymous_budget():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.faults.throttle_settings",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": database_url(),
        "THROTTLE_CACHE_URL": os.environ["CELERY_BROKER_URL"],
        "THROTTLE_RUN": uuid.uuid4().hex[:8],
        "THROTTLE_RATE": f"{RATE}/minute",
    }
    processes = [
        subprocess.Popen([sys.executable, "-c", CLIENT, str(REQUESTS_EACH)], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]  # fmt: skip
    codes = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err[-2000:]
        codes += out.split()
    assert len(codes) == 2 * REQUESTS_EACH
    # Per-process counting would let all 16 through (8 each, under 10 each); shared counting lets 10.
    # The count is one atomic counter in Redis (common.api.throttles), so racing processes lose none.
    allowed = codes.count("200")
    assert allowed == RATE and codes.count("429") == 2 * REQUESTS_EACH - RATE, codes
