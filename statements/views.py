"""HTML pages about statements, topics, articles and search; the health check."""

from django.conf import settings
from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from statements import selectors


@require_safe
def home(request):
    return render(
        request,
        "statements/home.html",
        {"statements": selectors.statement_list_public()[:20], "topics": selectors.topic_list_public()},
    )


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without context processors: the database may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())


def _check_database() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means "not healthy"
        return f"{type(exc).__name__}: {exc}"
    return None


def _check_broker() -> str | None:
    from config.celery_app import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


@never_cache
@require_safe
def health(request):
    """200 when the database (and the broker, when one is configured) answers; 503 otherwise."""
    checks = {"database": _check_database()}
    if settings.CELERY_BROKER_URL:
        checks["broker"] = _check_broker()
    healthy = all(error is None for error in checks.values())
    body = {
        "status": "ok" if healthy else "unavailable",
        "checks": {name: ("ok" if error is None else error) for name, error in checks.items()},
    }
    return JsonResponse(body, status=200 if healthy else 503)


@require_safe
def topic_list(request):
    return render(request, "statements/topic_list.html", {"topics": selectors.topic_list_public()})


@require_safe
def search(request):
    query = request.GET.get("q", "").strip()
    results = selectors.statement_search(selectors.statement_list_public(), query)[:50] if query else []
    return render(request, "statements/search.html", {"query": query, "statements": results})
