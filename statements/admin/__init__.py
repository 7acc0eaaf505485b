"""Admin for the statements app, one module per subject; importing registers them."""

from . import articles, feed_sources, people, statements, topics  # noqa: F401
