"""Public answers from the cache, with validators a browser or CDN can revalidate.

An anonymous GET (no session, no Authorization header) of a public URL is answered from the
shared cache when the same URL was answered under the current record version; otherwise the
view runs and a 200 answer is stored. Every such answer carries an ETag and, when it can be
trusted to the second, a Last-Modified; a request whose validator still holds gets a 304
without touching the page cache or the database. ``Cache-Control: public, max-age`` lets a
CDN hold a page for a short while.

Staff and token clients, writes, streaming answers, answers that set cookies and anything
under the excluded prefixes (the admin, the health check) go straight to the view and are
marked private.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe
from rest_framework.settings import api_settings

from common import record_version

# Headers made here (or per request by the server and outer middleware) are not stored.
_NOT_STORED = {"etag", "last-modified", "cache-control", "expires", "date", "set-cookie", "x-cache"}


class PublicCacheMiddleware:
    """Innermost middleware: outer ones (security headers, sessions) still run on every answer."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.max_age = settings.HTTP_CACHE_MAX_AGE
        self.timeout = settings.HTTP_CACHE_SECONDS
        self.excluded = tuple(settings.HTTP_CACHE_EXCLUDED_PREFIXES)
        self.negotiated = tuple(settings.HTTP_CACHE_NEGOTIATED_PREFIXES)

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self._uncached(request)
        version = record_version.current()
        key = self._key(request, version)
        etag = f'"{key.rsplit(":", 1)[1][:32]}"'
        last_modified = _trusted_last_modified(version)
        if _not_modified(request, etag, last_modified):
            if _over_api_rate(request):
                return self._uncached(request)
            return self._validated(HttpResponseNotModified(), etag, last_modified, hit="REVALIDATED")
        stored = cache.get(key)
        if stored is not None and _over_api_rate(request):
            return self._uncached(request)  # the view answers 429 in the API's error shape
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return self._validated(response, etag, last_modified, hit="HIT")
        response = self.get_response(request)
        if not self._cacheable_response(request, response):
            if not response.has_header("Cache-Control"):
                response["Cache-Control"] = "private, no-cache"
            return response
        if request.path.startswith(self.negotiated):
            patch_vary_headers(response, ["Accept"])
        headers = [(name, value) for name, value in response.items() if name.lower() not in _NOT_STORED]
        # HEAD answers may have lost their body on the way (test client, some servers): store GETs.
        if request.method == "GET" and not record_version.has_uncommitted_writes():
            cache.set(key, (response.status_code, headers, response.content), self.timeout)
        return self._validated(response, etag, last_modified, hit="MISS")

    def _uncached(self, request):
        response = self.get_response(request)
        if request.method in ("GET", "HEAD") and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-cache"
        return response

    def _cacheable_request(self, request) -> bool:
        if request.method not in ("GET", "HEAD") or request.path.startswith(self.excluded):
            return False
        if "HTTP_AUTHORIZATION" in request.META:
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            return False
        return not record_version.has_uncommitted_writes()

    def _cacheable_response(self, request, response) -> bool:
        return (
            response.status_code == 200
            # A page that used the CSRF token holds one visitor's token; its cookie is set by
            # the CSRF middleware only after this one, so ask the request, not the response.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )

    def _key(self, request, version: str) -> str:
        """What the answer depends on: the record, the day (offices held "now"), the URL, and
        for content-negotiated URLs the Accept header."""
        accept = request.META.get("HTTP_ACCEPT", "") if request.path.startswith(self.negotiated) else ""
        material = "\n".join(
            (version, dt.date.today().isoformat(), request.build_absolute_uri(), accept)
        ).encode()
        return "onrecord:page:" + hashlib.blake2b(material, digest_size=20).hexdigest()

    def _validated(self, response, etag: str, last_modified: float | None, *, hit: str):
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        response["Cache-Control"] = f"public, max-age={self.max_age}"
        response["X-Cache"] = hit
        return response


def _trusted_last_modified(version: str) -> float | None:
    """The version's second, only once that second is over.

    A second write within the same second would otherwise carry the same Last-Modified, and a
    client revalidating with If-Modified-Since would be told its older page still holds.
    """
    changed = record_version.changed_at(version)
    return int(changed) if int(changed) < int(time.time()) else None


def _not_modified(request, etag: str, last_modified: float | None) -> bool:
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:  # takes precedence over If-Modified-Since (RFC 9110 13.2.2)
        tags = parse_etags(if_none_match)
        return "*" in tags or etag in tags or f"W/{etag}" in tags
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and last_modified is not None and last_modified <= since


def _over_api_rate(request) -> bool:
    """Whether an API client is past its rate: an answer from the cache must not get round the throttle.

    Asked only when the cache would answer (a miss runs the view, whose throttle counts it), so
    each request is counted once; a client past its rate is sent on to the view for its 429.
    """
    if not request.path.startswith("/api/"):
        return False
    return not all(
        throttle_class().allow_request(request, None) for throttle_class in api_settings.DEFAULT_THROTTLE_CLASSES
    )
