"""Safe fetching: every refusal, proven against a real HTTP server that counts its requests."""

import contextlib
import socket
import threading

import pytest

from statements.ingest.fetch import FetchFailed, FetchRefused, fetch_url
from statements.ingest.urls import validate_url

from .webserver import Answer

PAGE = b"<html><head><title>Budget vote</title></head><body><p>Minister Ilse Varga spoke.</p></body></html>"

_real_getaddrinfo = socket.getaddrinfo


class _Resolver(dict):
    """host name → addresses, plus the list of lookups made."""

    def __init__(self):
        super().__init__()
        self.lookups: list[str] = []


@pytest.fixture
def resolver(monkeypatch):
    """Make chosen host names resolve to chosen addresses; count lookups of those names."""
    table = _Resolver()
    lookups = table.lookups

    def getaddrinfo(host, port, *args, **kwargs):
        if host in table:
            lookups.append(host)
            infos = []
            for ip in table[host]:
                family = socket.AF_INET6 if ":" in ip else socket.AF_INET
                sockaddr = (ip, port, 0, 0) if family == socket.AF_INET6 else (ip, port)
                infos.append((family, socket.SOCK_STREAM, 6, "", sockaddr))
            return infos
        return _real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return table


@pytest.fixture
def connections(monkeypatch):
    """Every TCP connection attempt the fetcher makes, as (host, port)."""
    attempts: list[tuple[str, int]] = []
    real = socket.create_connection

    def create_connection(address, *args, **kwargs):
        attempts.append(address)
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", create_connection)
    return attempts


# --- what is fetched ----------------------------------------------------------------------------


def test_fetches_an_allowed_page_with_an_onrecord_user_agent(site):
    site.routes["/story"] = Answer(body=PAGE)
    result = fetch_url(site.url("/story"))
    assert result.status_code == 200
    assert result.content == PAGE
    assert result.url == result.final_url == site.url("/story")
    assert result.content_type.startswith("text/html")
    assert result.encoding == "utf-8"
    assert result.headers["content-type"].startswith("text/html")
    assert "onrecord" in site.requests[0].headers["user-agent"]


def test_custom_user_agent_and_headers_are_sent(site):
    site.routes["/story"] = Answer(body=PAGE)
    fetch_url(site.url("/story"), user_agent="onrecord-test/1", headers={"X-Check": "yes"})
    assert site.requests[0].headers["user-agent"] == "onrecord-test/1"
    assert site.requests[0].headers["x-check"] == "yes"


def test_conditional_get_answered_304_returns_empty_content(site):
    def answer(seen):
        if seen.headers.get("if-none-match") == '"v1"':
            return Answer(304, content_type=None, headers={"ETag": '"v1"'})
        return Answer(body=PAGE, headers={"ETag": '"v1"'})

    site.routes["/story"] = answer
    first = fetch_url(site.url("/story"))
    assert first.headers["etag"] == '"v1"'
    second = fetch_url(site.url("/story"), headers={"If-None-Match": '"v1"', "If-Modified-Since": ""})
    assert second.status_code == 304
    assert second.not_modified
    assert second.content == b""


def test_follows_up_to_three_redirects(site):
    site.routes["/a"] = Answer(301, headers={"Location": "/b"})
    site.routes["/b"] = Answer(302, headers={"Location": site.url("/c")})
    site.routes["/c"] = Answer(307, headers={"Location": "/final"})
    site.routes["/final"] = Answer(body=PAGE)
    result = fetch_url(site.url("/a"))
    assert result.final_url == site.url("/final")
    assert result.url == site.url("/a")
    assert result.content == PAGE


def test_refuses_a_fourth_redirect(site):
    for name, target in [("/a", "/b"), ("/b", "/c"), ("/c", "/d"), ("/d", "/final")]:
        site.routes[name] = Answer(302, headers={"Location": target})
    site.routes["/final"] = Answer(body=PAGE)
    with pytest.raises(FetchRefused, match="redirects more than 3 times"):
        fetch_url(site.url("/a"))
    assert site.hits("/final") == 0


def test_accepts_the_types_the_caller_asks_for(site):
    site.routes["/feed"] = Answer(body=b"<rss/>", content_type="application/rss+xml")
    with pytest.raises(FetchRefused):
        fetch_url(site.url("/feed"))
    assert fetch_url(site.url("/feed"), accept=("application/rss+xml",)).content == b"<rss/>"


def test_text_without_a_content_type_is_accepted(site):
    site.routes["/plain"] = Answer(body=PAGE, content_type=None)
    assert fetch_url(site.url("/plain")).content == PAGE


# --- refused before any request: the URL itself -------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "ftp://news.example.com/story",
        "file:///etc/passwd",
        "gopher://news.example.com/",
        "javascript:alert(1)",
        "data:text/html,<p>hi</p>",
        "news.example.com/story",
        "//news.example.com/story",
    ],
)
def test_refuses_non_http_schemes(url):
    with pytest.raises(FetchRefused, match="only http and https"):
        fetch_url(url)


@pytest.mark.parametrize(
    "url", ["http://news.example.com:8080/", "https://news.example.com:22/", "http://a.com:0/"]
)
def test_refuses_ports_other_than_80_and_443(url):
    with pytest.raises(FetchRefused, match="ports 80 and 443"):
        fetch_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        "http://",
        "http:///story",
        "http://news example.com/",
        "http://news.example.com/\nHost: evil",
        "http://news.example.com:99999/",
        "http://news.example.com:http/",
        "http://[::1/",
        "http://exa_mple..com/",
        "http://-bad-.example/",
        "https://" + "a" * 2100 + ".com/",
    ],
)
def test_refuses_malformed_urls(url):
    with pytest.raises(FetchRefused, match="^Refused: "):
        fetch_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://user:secret@news.example.com/",
        "http://user@news.example.com/",
        "http://:secret@news.example.com/",
        "http://news.example.com@127.0.0.1/",
    ],
)
def test_refuses_credentials_in_the_url(url):
    with pytest.raises(FetchRefused, match="user name or password"):
        fetch_url(url)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://127.0.0.1/", "loopback address (127.0.0.1)"),
        ("http://127.8.9.10/", "loopback address"),
        ("http://10.0.0.5/", "private network address (10.0.0.5)"),
        ("http://172.16.3.4/", "private network address"),
        ("http://192.168.1.1/", "private network address (192.168.1.1)"),
        ("http://169.254.169.254/latest/meta-data/", "link-local address (169.254.169.254)"),
        ("http://100.64.0.1/", "carrier-grade NAT address"),
        ("http://0.0.0.0/", "unspecified address"),
        ("http://224.0.0.1/", "multicast address"),
        ("http://240.0.0.1/", "address (240.0.0.1)"),
        ("http://255.255.255.255/", "(255.255.255.255)"),
        ("http://2130706433/", "loopback address (127.0.0.1)"),
        ("http://0x7f000001/", "loopback address (127.0.0.1)"),
        ("http://0177.0.0.1/", "loopback address (127.0.0.1)"),
        ("http://127.1/", "loopback address (127.0.0.1)"),
        ("http://[::1]/", "loopback address (::1)"),
        ("http://[::]/", "unspecified address"),
        ("http://[fe80::1]/", "link-local address"),
        ("http://[fe80::1%25eth0]/", "link-local address"),
        ("http://[fc00::5]/", "private network address"),
        ("http://[fd12:3456::1]/", "private network address"),
        ("http://[ff02::1]/", "multicast address"),
        ("http://[::ffff:127.0.0.1]/", "loopback address (127.0.0.1, written as ::ffff:7f00:1)"),
        ("http://[::ffff:10.0.0.5]/", "private network address (10.0.0.5"),
        ("http://[2002:7f00:1::]/", "loopback address (127.0.0.1"),
        ("http://[2002:c0a8:101::1]/", "private network address (192.168.1.1"),
        ("http://[64:ff9b::a00:5]/", "private network address (10.0.0.5"),
        ("http://[64:ff9b::7f00:1]/", "loopback address (127.0.0.1"),
    ],
)
def test_refuses_literal_non_public_addresses(url, shown):
    with pytest.raises(FetchRefused, match="^Refused: the address points to ") as refused:
        fetch_url(url)
    assert shown in str(refused.value)


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/",
        "http://LOCALHOST./",
        "http://admin.localhost/",
        "http://printer.local/",
        "http://metadata.google.internal/computeMetadata/v1/",
        "http://intranet/",
        "http://router.lan/",
        "http://nas.home.arpa/",
    ],
)
def test_refuses_internal_host_names(url):
    with pytest.raises(FetchRefused, match="internal host name"):
        fetch_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://[2606:4700:4700::1111]/story",
        "https://8.8.8.8/",
        "https://news.example.com/a?b=1",
        "HTTPS://News.Example.COM/",
    ],
)
def test_public_addresses_pass_validation(url):
    assert validate_url(url).startswith("https://")


# --- refused at the address: the server must never see the request -----------------------------


def test_refuses_a_private_test_server_that_is_not_allowed(web):
    web.routes["/story"] = Answer(body=PAGE)
    with pytest.raises(FetchRefused, match="standard web ports"):
        fetch_url(web.url("/story"))
    assert web.hits() == 0


def test_allow_list_entry_is_for_its_port_only(site, other_web, settings):
    other_web.routes["/story"] = Answer(body=PAGE)
    assert [site.host] == settings.FETCH_ALLOW_PRIVATE_HOSTS
    with pytest.raises(FetchRefused):
        fetch_url(other_web.url("/story"))
    assert other_web.hits() == 0


def test_refuses_a_redirect_to_a_port_that_is_not_allowed(site, other_web):
    other_web.routes["/secret"] = Answer(body=b"internal admin page")
    site.routes["/story"] = Answer(302, headers={"Location": other_web.url("/secret")})
    with pytest.raises(FetchRefused, match=r"^Refused: "):
        fetch_url(site.url("/story"))
    assert site.hits("/story") == 1
    assert other_web.hits() == 0


@pytest.mark.parametrize(
    "location",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost/",
        "file:///etc/passwd",
        "http://a:b@x.com/",
    ],
)
def test_refuses_redirects_to_forbidden_addresses(site, location):
    site.routes["/story"] = Answer(301, headers={"Location": location})
    with pytest.raises(FetchRefused, match="^Refused: "):
        fetch_url(site.url("/story"))


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        ("10.0.0.5", "private network address (10.0.0.5)"),
        ("192.168.1.1", "private network address (192.168.1.1)"),
        ("127.0.0.1", "loopback address (127.0.0.1)"),
        ("169.254.169.254", "link-local address (169.254.169.254)"),
        ("100.100.100.200", "carrier-grade NAT address"),
        ("::1", "loopback address (::1)"),
        ("::ffff:127.0.0.1", "loopback address (127.0.0.1, written as ::ffff:7f00:1)"),
        ("::ffff:10.0.0.5", "private network address (10.0.0.5"),
        ("fd00::1", "private network address (fd00::1)"),
        ("2002:a00:5::", "private network address (10.0.0.5"),
        ("64:ff9b::c0a8:101", "private network address (192.168.1.1"),
    ],
)
def test_refuses_a_host_name_that_resolves_to_a_non_public_address(resolver, connections, address, shown):
    resolver["news.example.com"] = [address]
    with pytest.raises(FetchRefused, match="^Refused: the address news.example.com resolves to ") as refused:
        fetch_url("https://news.example.com/story")
    assert shown in str(refused.value)
    assert connections == [], "no connection may be attempted to a refused address"


def test_every_resolved_address_must_be_public(resolver, connections):
    resolver["news.example.com"] = ["93.184.216.34", "10.0.0.5"]
    with pytest.raises(FetchRefused, match=r"private network address \(10.0.0.5\)"):
        fetch_url("https://news.example.com/story")
    assert connections == []


def test_a_name_resolving_to_loopback_is_stopped_at_connect_time(resolver, connections):
    """The name passes the URL check; the address check when connecting stops it."""
    resolver["rebind.example.com"] = ["127.0.0.1"]
    assert validate_url("http://rebind.example.com/story")
    with pytest.raises(FetchRefused, match="loopback address"):
        fetch_url("http://rebind.example.com/story")
    assert connections == []


def test_connects_to_the_address_it_checked_and_resolves_once(site, resolver, connections, settings):
    """The vetted address is the one connected to (no second lookup to rebind); Host keeps the name."""
    settings.FETCH_ALLOW_PRIVATE_HOSTS = [f"pinned.example.com:{site.port}"]
    resolver["pinned.example.com"] = ["127.0.0.1"]
    site.routes["/story"] = Answer(body=PAGE)
    result = fetch_url(f"http://pinned.example.com:{site.port}/story")
    assert result.content == PAGE
    assert resolver.lookups == ["pinned.example.com"]
    assert connections == [("127.0.0.1", site.port)]
    assert site.requests[0].headers["host"] == f"pinned.example.com:{site.port}"


def test_redirect_to_a_name_resolving_privately_is_refused_before_the_request(site, resolver, connections):
    resolver["cdn.example.com"] = ["192.168.1.1"]
    site.routes["/story"] = Answer(302, headers={"Location": "https://cdn.example.com/story"})
    with pytest.raises(
        FetchRefused, match=r"cdn.example.com resolves to a private network address \(192.168.1.1\)"
    ):
        fetch_url(site.url("/story"))
    assert connections == [("127.0.0.1", site.port)], "only the allowed first hop was connected to"


def test_unknown_host_name_is_a_clear_permanent_failure(resolver):
    with pytest.raises(FetchFailed, match="could not be found") as failed:
        fetch_url("https://no-such-host.invalid-tld-for-tests.example/")
    assert failed.value.retryable is False


# --- size, type, time and status --------------------------------------------------------------


def test_refuses_a_page_declared_larger_than_the_limit(site):
    site.routes["/huge"] = Answer(body=b"<p>" + b"x" * 20_000 + b"</p>")
    with pytest.raises(FetchRefused, match="larger than the") as refused:
        fetch_url(site.url("/huge"), max_bytes=10_000)
    assert refused.value.retryable is False


def test_refuses_a_streamed_page_that_grows_past_the_limit(site):
    site.routes["/huge"] = Answer(body=b"<p>" + b"x" * 300_000 + b"</p>", stream=True)
    with pytest.raises(FetchRefused, match="larger than the"):
        fetch_url(site.url("/huge"), max_bytes=100_000)


def test_the_default_limit_comes_from_settings(site, settings):
    settings.FETCH_MAX_BYTES = 1000
    site.routes["/big"] = Answer(body=b"y" * 5000, content_type="text/plain", stream=True)
    with pytest.raises(FetchRefused, match="larger than the"):
        fetch_url(site.url("/big"))


@pytest.mark.parametrize(
    ("content_type", "described"),
    [
        ("application/pdf", "a PDF document"),
        ("image/png", "an image"),
        ("video/mp4", "a video"),
        ("application/octet-stream", "application/octet-stream"),
        ("application/zip", "application/zip"),
    ],
)
def test_refuses_binary_content_types(site, content_type, described):
    site.routes["/file"] = Answer(body=b"%PDF-1.7\x00\x01\x02", content_type=content_type)
    with pytest.raises(FetchRefused, match="not a web page") as refused:
        fetch_url(site.url("/file"))
    assert described in str(refused.value)


def test_refuses_binary_data_without_a_content_type(site):
    site.routes["/file"] = Answer(body=b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 200, content_type=None)
    with pytest.raises(FetchRefused, match="binary data"):
        fetch_url(site.url("/file"))


def test_a_site_that_does_not_answer_in_time_fails_retryably(site, settings):
    settings.FETCH_TIMEOUT = 0.5
    site.routes["/slow"] = Answer(body=PAGE, delay=2)
    with pytest.raises(FetchFailed, match="took longer than") as failed:
        fetch_url(site.url("/slow"))
    assert failed.value.retryable is True


def test_a_site_that_drips_the_page_hits_the_total_time_limit(site, settings):
    settings.FETCH_TIMEOUT = 0.6
    site.routes["/drip"] = Answer(body=b"<p>" + b"z" * 2000 + b"</p>", drip=0.1)
    with pytest.raises(FetchFailed, match="took longer than"):
        fetch_url(site.url("/drip"))


def test_connection_refused_fails_retryably(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.FETCH_ALLOW_PRIVATE_HOSTS = [f"127.0.0.1:{port}"]
    with pytest.raises(FetchFailed, match="Could not connect") as failed:
        fetch_url(f"http://127.0.0.1:{port}/")
    assert failed.value.retryable is True


@pytest.mark.parametrize(
    ("status", "retryable", "words"),
    [
        (404, False, "does not exist"),
        (410, False, "does not exist"),
        (403, False, "behind a login"),
        (400, False, "answered 400"),
        (429, True, "try again later"),
        (500, True, "try again later"),
        (503, True, "try again later"),
    ],
)
def test_http_errors_say_whether_to_retry(site, status, retryable, words):
    site.routes["/story"] = Answer(status, body=b"no")
    with pytest.raises(FetchFailed, match=words) as failed:
        fetch_url(site.url("/story"))
    assert failed.value.retryable is retryable


def test_a_site_that_does_not_accept_the_connection_hits_the_connect_timeout(settings):
    """A listening socket with a full accept queue: the handshake never completes."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    port = server.getsockname()[1]
    pending = []
    try:
        for _ in range(3):  # fill the accept queue; later connection attempts are left hanging
            client = socket.socket()
            client.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                client.connect(("127.0.0.1", port))
            pending.append(client)
        settings.FETCH_ALLOW_PRIVATE_HOSTS = [f"127.0.0.1:{port}"]
        settings.FETCH_CONNECT_TIMEOUT = 0.3
        with pytest.raises(FetchFailed, match=r"Could not connect to 127.0.0.1 within 0.3 seconds") as failed:
            fetch_url(f"http://127.0.0.1:{port}/")
        assert failed.value.retryable is True
    finally:
        for client in pending:
            client.close()
        server.close()


def test_a_name_lookup_that_hangs_hits_the_connect_timeout(monkeypatch, settings):
    release = threading.Event()

    def hanging(host, port, *args, **kwargs):
        if host == "slow-dns.example.com":
            release.wait(5)
            raise socket.gaierror(socket.EAI_AGAIN, "temporary failure")
        return _real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", hanging)
    settings.FETCH_CONNECT_TIMEOUT = 0.2
    try:
        with pytest.raises(
            FetchFailed, match="Looking up the address slow-dns.example.com took longer"
        ) as failed:
            fetch_url("https://slow-dns.example.com/story")
        assert failed.value.retryable is True
    finally:
        release.set()
