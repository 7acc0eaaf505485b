"""REST plumbing both apps' APIs use: errors, pagination, filters and links."""
