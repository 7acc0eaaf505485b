"""Commands print their result and errors; library chatter (kombu, model loading) only with -v 2."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from common.quiet import NOISY_LOGGERS, quiet_libraries

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def restore_levels():
    saved = {name: logging.getLogger(name).level for name in NOISY_LOGGERS}
    yield
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def test_default_verbosity_silences_library_chatter(restore_levels):
    ours = logging.getLogger("statements").level
    quiet_libraries(verbosity=1)
    assert logging.getLogger("kombu.connection").level == logging.ERROR  # the no-hostname warning
    assert logging.getLogger("sentence_transformers").getEffectiveLevel() >= logging.WARNING  # model loading
    assert logging.getLogger("celery.app.trace").level == logging.WARNING  # "Task ... succeeded"
    assert logging.getLogger("statements").level == ours  # our own loggers are left alone


def test_verbose_leaves_everything_on(restore_levels):
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.NOTSET)
    quiet_libraries(verbosity=2)
    assert all(logging.getLogger(name).level == logging.NOTSET for name in NOISY_LOGGERS)


def test_the_in_memory_broker_has_a_host_name():
    if settings.CELERY_BROKER_URL.startswith("memory://"):
        assert settings.CELERY_BROKER_URL == "memory://localhost/"
        assert settings.CELERY_TASK_ALWAYS_EAGER


@pytest.mark.slow
def test_ingest_prints_its_result_and_nothing_else(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(
        "Minister promises new ferries\n\n"
        "Transport Minister Odile Ferrand-Sauvy said on Monday that the government would buy four new "
        "ferries for the islands.\n\n"
        "\u201cThe islands have waited long enough,\u201d Ferrand-Sauvy told reporters.\n"
    )
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "CELERY_BROKER_URL": "",
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v", "0"], env=env, cwd=ROOT, check=True, capture_output=True)
    done = subprocess.run(
        [*manage, "ingest", str(article), "--published", "2025-03-04"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith(f"{article}: ingested as article 1 (extracted, ")
    assert len(done.stdout.strip().splitlines()) == 1
    assert done.stderr == ""
