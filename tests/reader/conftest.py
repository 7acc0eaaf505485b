import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests import factories as f


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def record(db):
    return f.small_record()
