"""Celery tasks of the statements app, one module per subject; importing here registers them."""

from . import articles, polling, reconcile, summaries  # noqa: F401
