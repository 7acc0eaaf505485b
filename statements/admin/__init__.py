"""Admin for the statements app, one module per subject; importing registers them."""

from . import articles, statements, topics  # noqa: F401
