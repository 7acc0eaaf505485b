import pytest
from rest_framework.test import APIClient

from tests import factories as f


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def record(db):
    return f.small_record()
