"""Admin for the statements app, one module per subject; importing registers them."""

from django.contrib import admin

from . import articles, feed_sources, people, statements, topics  # noqa: F401

# The front page leads to the review queue before the list of models.
admin.site.index_template = "admin/onrecord_index.html"
