import pytest
from django.core.cache import cache

from tests import factories as f


@pytest.fixture(autouse=True)
def _clear_cache():
    # The demo-banner flag and topic aggregates are cached: no test sees another's.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def record(db):
    return f.small_record()
