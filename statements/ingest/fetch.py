"""Fetching a page from the open web without letting a crafted URL reach inside the network.

Every hop (the first request and each redirect, followed here, at most three) is validated by
`validate_url`; then, when the connection is opened, the host name is resolved and EVERY address
it resolves to must be public. The socket is opened to that vetted address itself, so a DNS
answer that changes between the check and the connection (DNS rebinding) cannot slip through;
TLS still verifies the certificate against the host name, and the Host header is unchanged.

Limits: connect within 5 s, the whole fetch within 30 s, at most FETCH_MAX_BYTES of (decoded)
body, only the content types the caller accepts. Settings are read at call time.
"""

from __future__ import annotations

import functools
import os
import socket
import ssl
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass, field
from fnmatch import fnmatch
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from django.conf import settings

from .addresses import address_refusal, host_allowed, parse_ip
from .errors import FetchError, FetchFailed, FetchRefused
from .urls import validate_url

__all__ = ["FetchError", "FetchFailed", "FetchRefused", "FetchResult", "fetch_url"]

MAX_REDIRECTS = 3
DEFAULT_ACCEPT = ("text/html", "application/xhtml+xml", "text/plain")
_REDIRECT_CODES = (301, 302, 303, 307, 308)
_RETRYABLE_CLIENT_ERRORS = (408, 425, 429)


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    status_code: int
    headers: dict[str, str] = field(repr=False)
    content_type: str
    content: bytes = field(repr=False)
    encoding: str | None

    @property
    def not_modified(self) -> bool:
        return self.status_code == 304


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write ends by the fetch's deadline.

    httpx's read timeout is per read: a server sending one header line (or one body byte) a second
    never trips it. Bounding each socket operation by the time left bounds the whole fetch,
    status line and headers included.
    """

    def __init__(self, stream: httpcore.NetworkStream, deadline: float):
        self._stream, self._deadline = stream, deadline

    def _left(self, timeout: float | None, error: type[Exception]) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise error("total time limit reached")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        tls = self._stream.start_tls(ssl_context, server_hostname, self._left(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(tls, self._deadline)

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves, vets and pins: connects only to addresses that passed the public-address check."""

    def __init__(self, allowed: list[str], deadline: float):
        self.allowed = allowed
        self.deadline = deadline

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        addresses = _vetted_addresses(host, port, self.allowed)
        last_error: Exception | None = None
        for address in addresses:
            try:
                stream = super().connect_tcp(address, port, timeout, local_address, socket_options)
                return _DeadlineStream(stream, self.deadline)
            except httpcore.ConnectTimeout:
                raise
            except httpcore.ConnectError as exc:
                last_error = exc
        raise last_error or httpcore.ConnectError(f"no address to connect to for {host}")


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """Certificate-verifying TLS settings, built once per process (loading the CA bundle is slow)."""
    return httpx.create_ssl_context(trust_env=False)


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool built on the guarded backend."""

    def __init__(self, allowed: list[str], deadline: float):
        super().__init__(verify=_ssl_context(), trust_env=False)
        # httpx does not take a network backend as an argument; the pool is where it plugs in.
        self._pool = httpcore.ConnectionPool(
            ssl_context=_ssl_context(),
            network_backend=_GuardedBackend(allowed, deadline),
            max_connections=4,
        )


_resolvers: dict[int, ThreadPoolExecutor] = {}


def _resolve(host: str, port: int) -> list:
    """getaddrinfo within the connect timeout (the C resolver cannot be interrupted, so it runs in a
    thread that is left behind if it hangs). One pool per process: threads do not survive a fork."""
    pool = _resolvers.get(os.getpid())
    if pool is None:
        pool = _resolvers[os.getpid()] = ThreadPoolExecutor(max_workers=8, thread_name_prefix="onrecord-dns")
    connect_timeout, _ = _timeouts()
    try:
        return pool.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM).result(connect_timeout)
    except FutureTimeout:
        raise FetchFailed(
            f"Looking up the address {host} took longer than {connect_timeout:g} seconds."
        ) from None


def _vetted_addresses(host: str, port: int, allowed: list[str]) -> list[str]:
    """The addresses `host` resolves to, in resolver order, if every one of them may be contacted."""
    check_each = not host_allowed(host, port, allowed)
    literal = parse_ip(host)
    if literal is not None:
        infos = [(None, None, None, None, (str(literal), port))]
    else:
        try:
            infos = _resolve(host, port)
        except socket.gaierror as exc:
            permanent = exc.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME))
            raise FetchFailed(
                f"The address {host} could not be found (the name does not resolve).", retryable=not permanent
            ) from None
    addresses: list[str] = []
    for *_, sockaddr in infos:
        ip = parse_ip(str(sockaddr[0]))
        if ip is None:
            continue
        if check_each and not host_allowed(str(ip), port, allowed):
            refusal = address_refusal(ip)
            if refusal:
                raise FetchRefused(f"Refused: the address {host} resolves to {refusal}.")
        if str(ip) not in addresses:
            addresses.append(str(ip))
    if not addresses:
        raise FetchFailed(f"The address {host} could not be found (no usable address).")
    return addresses


def _timeouts() -> tuple[float, float]:
    return float(getattr(settings, "FETCH_CONNECT_TIMEOUT", 5.0)), float(
        getattr(settings, "FETCH_TIMEOUT", 30.0)
    )


@contextmanager
def _network_errors(url: str, total: float) -> Iterator[None]:
    """httpx's exceptions as FetchFailed with a sentence a person understands."""
    host = urlsplit(url).hostname or url
    connect, _ = _timeouts()
    try:
        yield
    except FetchError:
        raise
    except httpx.ConnectTimeout:
        raise FetchFailed(f"Could not connect to {host} within {connect:g} seconds.") from None
    except httpx.TimeoutException:
        raise FetchFailed(f"{host} took longer than {total:g} seconds to send the page.") from None
    except httpx.ConnectError as exc:
        if isinstance(exc.__context__, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY" in str(exc):
            raise FetchFailed(
                f"The security certificate of {host} is not valid, so the page was not fetched.",
                retryable=False,
            ) from None
        raise FetchFailed(f"Could not connect to {host} ({exc}).") from None
    except httpx.HTTPError as exc:
        raise FetchFailed(f"The connection to {host} failed ({exc.__class__.__name__}: {exc}).") from None


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _describe_type(media: str) -> str:
    if media == "application/pdf":
        return "a PDF document"
    for prefix, words in (("image/", "an image"), ("video/", "a video"), ("audio/", "an audio file")):
        if media.startswith(prefix):
            return f"{words} ({media})"
    return f"a file of type {media}"


def _looks_like_text(sample: bytes) -> bool:
    return b"\x00" not in sample[:1024]


def _status_error(response: httpx.Response, url: str) -> FetchFailed:
    code = response.status_code
    said = f"The site answered {code} {response.reason_phrase}".rstrip()
    if code in (404, 410):
        return FetchFailed(f"{said}: the page {url} does not exist (any more).", retryable=False)
    if code in (401, 403):
        return FetchFailed(
            f"{said}: the page is behind a login or the site refuses onrecord.", retryable=False
        )
    if code in _RETRYABLE_CLIENT_ERRORS:
        return FetchFailed(f"{said}: the site is busy; onrecord will try again later.", retryable=True)
    if 400 <= code < 500:
        return FetchFailed(f"{said} for {url}.", retryable=False)
    if code >= 500:
        return FetchFailed(f"{said}: the site has a problem; onrecord will try again later.", retryable=True)
    return FetchFailed(f"{said}, which onrecord does not understand.", retryable=False)


def _read_body(response: httpx.Response, *, max_bytes: int, accept: Iterable[str], deadline: float) -> bytes:
    media = _media_type(response.headers.get("content-type", ""))
    if media and not any(fnmatch(media, pattern) for pattern in accept):
        raise FetchRefused(
            f"Refused: the address serves {_describe_type(media)}, not a web page onrecord can read."
        )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchRefused(
            f"Refused: the page is {_megabytes(int(declared))}, larger than the {_megabytes(max_bytes)} limit."
        )
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise FetchRefused(f"Refused: the page is larger than the {_megabytes(max_bytes)} limit.")
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("total time limit reached")
        if not media and len(body) >= 1024 and not _looks_like_text(body):
            break
    if not media and not _looks_like_text(bytes(body)):
        raise FetchRefused("Refused: the address serves binary data without a content type, not a web page.")
    return bytes(body)


def fetch_url(
    url: str,
    *,
    max_bytes: int | None = None,
    user_agent: str | None = None,
    headers: dict | None = None,
    accept: Iterable[str] = DEFAULT_ACCEPT,
) -> FetchResult:
    """GET `url` safely, following up to three redirects, and return the body.

    Raises FetchRefused (policy: private address, bad scheme/port, too large, wrong type, too
    many redirects) or FetchFailed (network, timeout, HTTP error; `.retryable` says whether to
    try again). A 304 answer to a conditional request returns status 304 and empty content.
    """
    accept = tuple(accept)
    max_bytes = max_bytes or settings.FETCH_MAX_BYTES
    allowed = list(settings.FETCH_ALLOW_PRIVATE_HOSTS)
    connect_timeout, total_timeout = _timeouts()
    deadline = time.monotonic() + total_timeout
    request_headers = {
        "User-Agent": user_agent or settings.FETCH_USER_AGENT,
        "Accept": ", ".join([*accept, "*/*;q=0.1"]),
        **{name: value for name, value in (headers or {}).items() if value},
    }
    current = validate_url(url)
    transport = _GuardedTransport(allowed, deadline)
    with httpx.Client(transport=transport, trust_env=False, follow_redirects=False) as client:
        for hop in range(MAX_REDIRECTS + 1):
            remaining = max(deadline - time.monotonic(), 0.001)
            timeout = httpx.Timeout(remaining, connect=min(connect_timeout, remaining))
            with (
                _network_errors(current, total_timeout),
                client.stream("GET", current, headers=request_headers, timeout=timeout) as response,
            ):
                location = response.headers.get("location")
                if response.status_code in _REDIRECT_CODES and location:
                    if hop == MAX_REDIRECTS:
                        raise FetchRefused(f"Refused: the page redirects more than {MAX_REDIRECTS} times.")
                    current = validate_url(urljoin(current, location))
                    continue
                common = {
                    "url": url,
                    "final_url": current,
                    "status_code": response.status_code,
                    "headers": {name.lower(): value for name, value in response.headers.items()},
                    "content_type": response.headers.get("content-type", ""),
                    "encoding": response.charset_encoding,
                }
                if response.status_code == 304:
                    return FetchResult(content=b"", **common)
                if not 200 <= response.status_code < 300:
                    raise _status_error(response, current)
                content = _read_body(response, max_bytes=max_bytes, accept=accept, deadline=deadline)
                return FetchResult(content=content, **common)
    raise AssertionError("unreachable: the redirect loop returns or raises")  # pragma: no cover
