"""Celery tasks of the statements app, one module per subject; importing here registers them."""

from . import articles, polling, reconcile  # noqa: F401
