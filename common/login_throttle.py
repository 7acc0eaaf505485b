"""A lockout for the admin login: too many failed attempts and the form answers 429 for a while.

Failures are counted in the shared default cache (Redis in production), so the limit holds across
every web process and machine. Two counters: per address and user name (one person guessing one
account's password), and per address alone (one address trying many accounts). A successful login
clears the first. Counting is by failure, so people who type their password right are never slowed.
"""

from __future__ import annotations

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

# Failed logins allowed per address and user name, and per address, within the window.
LOGIN_FAILURES_PER_ACCOUNT = 5
LOGIN_FAILURES_PER_ADDRESS = 20
LOGIN_LOCKOUT_SECONDS = 15 * 60


def _key(*parts: str) -> str:
    digest = hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"login-failures:{digest}"


def _keys(request) -> tuple[str, str]:
    address = request.META.get("REMOTE_ADDR", "")
    username = (request.POST.get("username") or "").strip().casefold()[:150]
    return _key("account", address, username), _key("address", address)


def _limits() -> tuple[int, int]:
    return (
        getattr(settings, "LOGIN_FAILURES_PER_ACCOUNT", LOGIN_FAILURES_PER_ACCOUNT),
        getattr(settings, "LOGIN_FAILURES_PER_ADDRESS", LOGIN_FAILURES_PER_ADDRESS),
    )


def _count_failure(key: str) -> None:
    # add() then incr(): atomic on Redis and the other shared backends; the window starts at the first failure.
    cache.add(key, 0, timeout=LOGIN_LOCKOUT_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, timeout=LOGIN_LOCKOUT_SECONDS)


def login_throttled(view):
    """Wrap a login view (the admin's): POSTs past the failure limits get a 429 page instead."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        account_key, address_key = _keys(request)
        per_account, per_address = _limits()
        if (cache.get(account_key) or 0) >= per_account or (cache.get(address_key) or 0) >= per_address:
            response = TemplateResponse(
                request,
                "admin/login_locked.html",
                {"minutes": LOGIN_LOCKOUT_SECONDS // 60, "title": "Too many failed logins"},
                status=429,
            )
            response["Retry-After"] = str(LOGIN_LOCKOUT_SECONDS)
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 302 and request.user.is_authenticated:
            cache.delete(account_key)
        elif response.status_code == 200:  # the form again, with its error: a failed attempt
            _count_failure(account_key)
            _count_failure(address_key)
        return response

    return wrapped
