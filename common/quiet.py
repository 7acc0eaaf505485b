"""Commands print their result and their errors; libraries' chatter only with -v 2 or more.

Loading the extractor's models logs "Loading SentenceTransformer model ..." and draws a
weights progress bar; each in-process task logs its success; an in-memory broker has kombu
warn about a missing host name. None of it helps someone running `manage.py ingest`.
"""

from __future__ import annotations

import logging
import os
import sys

from django.core.management.base import BaseCommand

# Library loggers and the level they are raised to at the default verbosity.
NOISY_LOGGERS = {
    "kombu.connection": logging.ERROR,
    "celery.app.trace": logging.WARNING,
    "celery.worker": logging.WARNING,
    "sentence_transformers": logging.WARNING,
    "transformers": logging.ERROR,
    "huggingface_hub": logging.WARNING,
    "trafilatura": logging.WARNING,
}
# The verbosity (-v) from which everything is shown again.
CHATTY_VERBOSITY = 2


def quiet_libraries(*, verbosity: int) -> None:
    if verbosity >= CHATTY_VERBOSITY:
        return
    for name, level in NOISY_LOGGERS.items():
        logging.getLogger(name).setLevel(level)
    # Read by huggingface_hub (and so transformers) when first imported...
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    # ...and switched off directly when they are already loaded.
    if "transformers" in sys.modules:
        sys.modules["transformers"].utils.logging.disable_progress_bar()
    if "huggingface_hub" in sys.modules:
        sys.modules["huggingface_hub"].utils.disable_progress_bars()


class QuietCommand(BaseCommand):
    """A management command that keeps libraries quiet unless run with -v 2 or more."""

    def execute(self, *args, **options):
        quiet_libraries(verbosity=options.get("verbosity", 1))
        return super().execute(*args, **options)
