"""The test suite. DATABASE_URL / CELERY_BROKER_URL switch to PostgreSQL / Redis when set."""

import os
import uuid

from .base import *  # noqa: F403
from .base import CELERY_BROKER_TRANSPORT_OPTIONS, DATABASES, env

# One id per suite run, inherited by the worker subprocesses and xdist workers the run starts:
# its test database and its Redis keys carry it, so two runs on one machine (two clones in CI, or a
# developer's own `make worker` beside the suite) never share a database, a queue or a delivery.
TEST_RUN_ID = os.environ.setdefault("ONRECORD_TEST_RUN_ID", uuid.uuid4().hex[:10])
DATABASES["default"].setdefault("TEST", {})["NAME"] = f"test_onrecord_{TEST_RUN_ID}"
CELERY_BROKER_TRANSPORT_OPTIONS = {
    **CELERY_BROKER_TRANSPORT_OPTIONS,
    "global_keyprefix": f"onrecord-test-{TEST_RUN_ID}:",
}

# The search tests run on both databases: when the suite runs on PostgreSQL, an in-memory
# SQLite database is set up beside it for them (only tests that ask for it use it).
if "sqlite" not in DATABASES["default"]["ENGINE"]:
    # Tables straight from the models (no migrations: their data steps address the default
    # database); the search tests add the FTS5 index themselves (statements.search_index).
    DATABASES["sqlite"] = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": ":memory:",
        "TEST": {"MIGRATE": False},
    }
# One process: the local-memory cache is shared by everything a test does.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "onrecord-tests"}
}
SECRET_KEY = "test-secret-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests run tasks eagerly; the tests of the real worker path start a worker against Redis.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = False
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute"}}  # noqa: F405
API_SUBMIT_THROTTLE = "100000/hour"
FETCH_ALLOW_PRIVATE_HOSTS = []
TOPIC_EMBEDDINGS = env.bool("TOPIC_EMBEDDINGS", default=False)
# Serve static files from the app folders without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
