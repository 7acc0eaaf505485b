"""Settings for Celery worker subprocesses started by the exactly-once tests and the benchmark.

The test settings, talking to the real broker, with a short visibility timeout so a task whose
worker was killed is handed to another worker within seconds instead of an hour.
"""

from config.settings.test import *  # noqa: F403
from config.settings.test import CELERY_BROKER_TRANSPORT_OPTIONS, env

CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_TRANSPORT_OPTIONS = {
    **CELERY_BROKER_TRANSPORT_OPTIONS,
    "visibility_timeout": env.int("TEST_VISIBILITY_TIMEOUT", default=4),
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
FETCH_ALLOW_PRIVATE_HOSTS = env.list("FETCH_ALLOW_PRIVATE_HOSTS", default=[])
