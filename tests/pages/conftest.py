import pytest

from tests import factories as f


@pytest.fixture
def record(db):
    return f.small_record()
