"""The API's ReDoc page, kept offline.

The ReDoc bundle (served from drf-spectacular-sidecar's static files) draws its vendor's logo
from a CDN in the sidebar; the page says images come only from here, so nothing leaves the
site (the bundle hides the logo when it fails to load). Web fonts are left out by the
template override in templates/drf_spectacular/redoc.html.
"""

from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularRedocView

OFFLINE_IMAGES = "img-src 'self' data: blob:"


class OfflineRedocView(SpectacularRedocView):
    @extend_schema(exclude=True)  # the docs page is not an API operation
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        response.setdefault("Content-Security-Policy", OFFLINE_IMAGES)
        return response
