"""The API's ReDoc page, kept offline.

The ReDoc bundle (served from drf-spectacular-sidecar's static files) draws its vendor's logo
from a CDN in the sidebar; the page says images come only from here, so nothing leaves the
site (the bundle hides the logo when it fails to load). Web fonts are left out by the
template override in templates/drf_spectacular/redoc.html.
"""

from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularRedocView


class OfflineRedocView(SpectacularRedocView):
    """The page's Content-Security-Policy is the site's (django-csp), relaxed in config/urls.py
    for ReDoc's styles and blob: workers; img-src stays 'self' data: blob:, which blocks the logo."""

    @extend_schema(exclude=True)  # the docs page is not an API operation
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
