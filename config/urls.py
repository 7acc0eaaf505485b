"""Project URLs: HTML pages, the REST API (/api/v1/), its schema and docs, admin, health."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from common.api import errors as api_errors
from common.api.docs import OfflineRedocView
from common.csp import csp_relaxed
from common.login_throttle import login_throttled
from people.api import urls as people_api_urls
from statements import views as statement_views
from statements.api import urls as statements_api_urls

# One browsable API root listing every collection; each app keeps its own routes.
_api_root = DefaultRouter()
_api_root.registry.extend(statements_api_urls.router.registry + people_api_urls.router.registry)
api_v1 = [
    path("", _api_root.get_api_root_view(), name="api-root"),
    path("", include(statements_api_urls)),
    path("", include(people_api_urls)),
]

# Swagger UI (its script served as a file by the split view) and ReDoc set inline styles and ReDoc
# runs its search in a blob: worker; scripts stay 'self' only.
_docs_csp = csp_relaxed({"style-src": ["'unsafe-inline'"], "worker-src": ["'self'", "blob:"]})
# ReDoc's bundle draws its maker's logo from their host: img-src stays ours, so the logo is
# blocked (one expected report) and nothing leaves the site (common/api/docs.py).
_redoc_csp = csp_relaxed(
    {"style-src": ["'unsafe-inline'"], "worker-src": ["'self'", "blob:"], "img-src": ["blob:"]}
)

urlpatterns = [
    # Before admin/: the admin's own login view, behind the failed-login lockout.
    path("admin/login/", login_throttled(admin.site.login)),
    path("admin/", admin.site.urls),
    path("api/v1/", include((api_v1, "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", _docs_csp(SpectacularSwaggerSplitView.as_view(url_name="api-schema")), name="api-docs"),
    path("api/redoc/", _redoc_csp(OfflineRedocView.as_view(url_name="api-schema")), name="api-redoc"),
    path("health/", statement_views.health, name="health"),
    # Browsers ask for /favicon.ico whatever the page says.
    path("favicon.ico", lambda request: redirect(static("favicon.ico"), permanent=True)),
    path("", include("statements.urls")),
]


def handler404(request, exception=None):
    # API clients get the API's JSON error shape; people get the HTML page.
    if request.path.startswith("/api/"):
        return api_errors.json_not_found(request, exception)
    return statement_views.page_not_found(request, exception)


def handler500(request):
    if request.path.startswith("/api/"):
        return api_errors.json_server_error(request)
    return statement_views.server_error(request)


if settings.DEBUG:  # pragma: no cover - development only
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
