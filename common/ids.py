"""Database ids as they arrive in URLs and query strings."""

# Ids are 64-bit: larger numbers are not ids (and must not reach the database as numbers).
MAX_ID = 2**63 - 1


def is_id(value: str) -> bool:
    """Whether `value` is written as a database id (ASCII digits, in range)."""
    return value.isascii() and value.isdigit() and 0 < int(value) <= MAX_ID
