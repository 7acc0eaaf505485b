"""Development on one machine: SQLite, tasks run in-process, debug on."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-local-development-key-not-for-production")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
REST_FRAMEWORK = {  # noqa: F405
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {"anon": env("API_ANON_THROTTLE", default="10000/minute")},
}
# Serve static files from the app folders without collectstatic.
WHITENOISE_USE_FINDERS = True
# Re-scanning the static files on every request is for development only (`make run`).
WHITENOISE_AUTOREFRESH = DEBUG
