"""REST API for statements, articles, topics and outlets (mounted under /api/v1/)."""
