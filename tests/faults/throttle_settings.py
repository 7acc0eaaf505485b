"""Settings for the processes of the cross-process throttle test: the cache is Redis, as in production."""

import os

from config.settings.test import *  # noqa: F403
from config.settings.test import REST_FRAMEWORK, TEST_RUN_ID

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["THROTTLE_CACHE_URL"],
        "KEY_PREFIX": f"onrecord-test-{TEST_RUN_ID}-throttle-{os.environ['THROTTLE_RUN']}",
    }
}
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": os.environ["THROTTLE_RATE"]}}
ALLOWED_HOSTS = ["testserver"]
# The throttle budgets the work the views do: a repeated anonymous GET answered from the page
# cache (common/http_cache.py) never reaches DRF or its throttle. The processes here repeat one
# URL to count against the budget, so they go past the page cache to the view every time.
HTTP_CACHE_EXCLUDED_PREFIXES = ["/"]
