"""Production settings refuse to start without secrets and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env_extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_settings_need_a_secret_key(tmp_path):
    result = run_manage(
        "check",
        env_extra={
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_ALLOWED_HOSTS": "example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
        },
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_settings_pass_check_deploy(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_extra={
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": "x" * 20 + "a-long-random-production-secret-for-the-check-only",
            "DJANGO_ALLOWED_HOSTS": "onrecord.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
        },
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_wsgi_application_loads_views_and_freezes_the_startup_heap(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": "x" * 60,
            "DJANGO_ALLOWED_HOSTS": "onrecord.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
        }
    )
    code = "import gc, sys; import config.wsgi; print(gc.get_freeze_count() > 50_000, 'statements.api.views' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]


def test_broker_key_prefix_keeps_an_installation_apart_on_a_shared_redis():
    code = "from django.conf import settings; print(settings.CELERY_BROKER_TRANSPORT_OPTIONS.get('global_keyprefix'))"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ONRECORD_"))}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    plain = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    env["ONRECORD_BROKER_KEY_PREFIX"] = "onrecord-staging:"
    prefixed = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (plain.stdout.split()[-1], prefixed.stdout.split()[-1]) == ("None", "onrecord-staging:"), (
        plain.stderr + prefixed.stderr
    )
