"""Per-view relaxations of the site's Content-Security-Policy (django-csp), written as the header.

django-csp's own decorators leave the relaxation as an attribute of the response, which a cached
answer replayed by common.http_cache no longer has. Writing the whole header on the response
keeps it with the cached copy; django-csp leaves a header that is already there alone.
"""

from __future__ import annotations

from functools import wraps

from csp.constants import HEADER
from csp.utils import build_policy


def csp_relax(response, update: dict[str, list[str]]):
    """Set the site's policy with ``update`` added to its directives on ``response``."""
    response[HEADER] = build_policy(update=update)
    return response


def csp_relaxed(update: dict[str, list[str]]):
    """View decorator: the view's answers carry the site's policy plus ``update``."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            return csp_relax(view(request, *args, **kwargs), update)

        return wrapped

    return decorator
