"""What a missing model or scorer means: a skip on a developer's machine, a failure under CI=true."""

import os

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def missing(reason: str):
    """Skip locally; fail in CI, where a missing piece is a broken install, not a choice."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: it must be installed)", pytrace=False)
    pytest.skip(reason)
