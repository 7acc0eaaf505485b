import pytest

from .webserver import WebServer


@pytest.fixture
def web():
    """A live HTTP server on 127.0.0.1 that is NOT on the allow-list (fetching it must be refused)."""
    server = WebServer().start()
    yield server
    server.stop()


@pytest.fixture
def site(web, settings):
    """The same server, allowed as a private fixture host (as FETCH_ALLOW_PRIVATE_HOSTS does in tests)."""
    settings.FETCH_ALLOW_PRIVATE_HOSTS = [web.host]
    return web


@pytest.fixture
def other_web():
    """A second server on another 127.0.0.1 port, never allowed."""
    server = WebServer().start()
    yield server
    server.stop()
