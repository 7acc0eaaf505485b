"""Celery tasks of the statements app, one module per subject; importing here registers them."""

from . import articles, feeds  # noqa: F401
