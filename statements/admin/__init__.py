"""Admin for the statements app, one module per subject; importing registers them."""

from . import articles, feeds, statements, topics  # noqa: F401
