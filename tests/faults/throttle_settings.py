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
