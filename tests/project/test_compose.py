"""docker-compose.yml and the Dockerfile describe the production shape; no engine is needed to check them."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def load_compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_the_production_services():
    services = load_compose()["services"]
    assert set(services) == {"postgres", "redis", "web", "worker", "beat"}


def test_app_services_share_settings_and_wait_for_healthy_backends():
    services = load_compose()["services"]
    for name in ("web", "worker", "beat"):
        svc = services[name]
        assert svc["build"] == "."
        assert svc["environment"]["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
        assert svc["environment"]["CELERY_BROKER_URL"].startswith("redis://redis:")
        assert svc["environment"]["DATABASE_URL"].startswith("postgres://")
        assert svc["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert svc["depends_on"]["redis"]["condition"] == "service_healthy"
    assert "gunicorn" in services["web"]["command"]
    assert "celery" in services["worker"]["command"] and "worker" in services["worker"]["command"]
    assert "beat" in services["beat"]["command"]
    assert services["postgres"]["image"].startswith("postgres:15")
    assert services["redis"]["image"].startswith("redis:7")
    assert "healthcheck" in services["postgres"] and "healthcheck" in services["redis"]


def test_compose_declares_its_volumes():
    compose = load_compose()
    used = {
        v.split(":", 1)[0]
        for svc in compose["services"].values()
        for v in svc.get("volumes", [])
        if not v.startswith((".", "/"))
    }
    assert used <= set(compose["volumes"])


def test_no_secret_is_baked_into_compose():
    text = (ROOT / "docker-compose.yml").read_text()
    assert "DJANGO_SECRET_KEY:" not in text
    assert "${POSTGRES_PASSWORD:?" in text


def test_dockerfile_runs_gunicorn_as_unprivileged_user():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert dockerfile.startswith("#") and "FROM python:3.11" in dockerfile
    assert "USER onrecord" in dockerfile
    assert "gunicorn" in dockerfile
    assert "pip install --require-hashes -r requirements/base.txt" in dockerfile  # the locked versions


def test_web_runs_the_make_serve_server_and_shares_the_cache_with_the_worker():
    services = load_compose()["services"]
    assert "gunicorn -c config/gunicorn.conf.py config.wsgi:application" in services["web"]["command"]
    assert (ROOT / "config" / "gunicorn.conf.py").exists()
    # The worker's writes bump the record version the web processes read: one cache for both.
    assert services["web"]["environment"]["CACHE_URL"] == services["worker"]["environment"]["CACHE_URL"]
    assert services["web"]["environment"]["CACHE_URL"].startswith("redis://redis:")
    makefile = (ROOT / "Makefile").read_text()
    assert "gunicorn -c config/gunicorn.conf.py config.wsgi:application" in makefile


def test_gunicorn_config_scales_with_the_cpus_and_can_be_overridden(monkeypatch):
    import runpy

    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    monkeypatch.setattr("multiprocessing.cpu_count", lambda: 3)
    conf = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    assert conf["workers"] == 6 and conf["threads"] >= 2 and conf["worker_class"] == "gthread"
    assert conf["preload_app"] is True  # the frozen start-up heap is shared by the forked workers
    monkeypatch.setenv("WEB_CONCURRENCY", "1")
    monkeypatch.setenv("GUNICORN_THREADS", "8")
    conf = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    assert (conf["workers"], conf["threads"]) == (1, 8)
