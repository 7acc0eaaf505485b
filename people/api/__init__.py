"""REST API for people, countries, organisations, positions and tenures (under /api/v1/)."""
