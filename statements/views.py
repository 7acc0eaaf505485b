"""HTML pages about statements, topics, articles and search; the health check.

Each view parses the request, calls selectors, renders: a fixed number of queries per page.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from common.paging import page_number
from people import selectors as people_selectors
from statements import selectors
from statements.models import Article, Statement, StatementTopic, Topic
from statements.views_share import share_context

PAGE_SIZE = 20
_SLUG = re.compile(r"[-\w]{1,220}")
SPEAKERS_PER_TOPIC_PAGE = 12
STATEMENTS_PER_SPEAKER = 3


@require_safe
def home(request):
    return render(
        request,
        "statements/home.html",
        {"statements": selectors.statement_list_public()[:10], "topics": selectors.topic_list_public()[:12]},
    )


@require_safe
def topic_list(request):
    return render(request, "statements/topic_list.html", {"topics": selectors.topic_list_public()})


@require_safe
def topic_detail(request, slug):
    """Who said what on a topic: speakers (most active first) with their stance and latest statements."""
    try:
        topic = selectors.topic_get(slug=slug)
    except Topic.DoesNotExist:
        raise Http404("No such topic.") from None
    page = page_number(request)
    rows, has_next = selectors.topic_speakers_page(topic=topic, page=page, size=SPEAKERS_PER_TOPIC_PAGE)
    speaker_ids = [row["statement__speaker"] for row in rows]
    people = people_selectors.person_by_ids(speaker_ids)
    statements_by_speaker: dict[int, list[Statement]] = {pk: [] for pk in speaker_ids}
    for statement in selectors.topic_statements_by_speakers(
        topic=topic, speaker_ids=speaker_ids, per_speaker=STATEMENTS_PER_SPEAKER
    ):
        statements_by_speaker[statement.speaker_id].append(statement)
    speakers = [
        {
            "person": people[row["statement__speaker"]],
            "counts": row,
            "statements": statements_by_speaker[row["statement__speaker"]],
        }
        for row in rows
    ]
    return render(
        request,
        "statements/topic_detail.html",
        {
            "topic": topic,
            "speakers": speakers,
            "timeline": selectors.topic_timeline(topic=topic),
            "page": page,
            "has_next": has_next,
            "stances": StatementTopic.Stance,
        },
    )


@require_safe
def statement_detail(request, pk):
    try:
        statement = selectors.statement_detail(pk=pk)
    except Statement.DoesNotExist:
        raise Http404("No such statement.") from None
    citations = selectors.statement_citations(statement=statement)
    return render(
        request,
        "statements/statement_detail.html",
        {
            "statement": statement,
            "citations": citations,
            "is_demo": any(c.article.is_demo for c in citations),
            **share_context(request, statement, citations),
        },
    )


@require_safe
def article_detail(request, pk):
    try:
        article = selectors.article_detail(pk=pk, public=not request.user.is_staff)
    except Article.DoesNotExist:
        raise Http404("No such article.") from None
    return render(
        request,
        "statements/article_detail.html",
        {"article": article, "citations": list(selectors.article_citations(article=article))},
    )


@require_safe
def compare(request):
    """Two people side by side on one topic. People are given by name (or slug), topics by slug."""
    topic_slug = _slug_param(request, "topic")
    names = [request.GET.get(name, "").replace("\x00", "").strip()[:200] for name in ("a", "b")]
    errors, columns, topic, chosen = [], [], None, []
    if topic_slug:
        try:
            topic = selectors.topic_get(slug=topic_slug)
        except Topic.DoesNotExist:
            errors.append(f"There is no topic “{topic_slug}”.")
    for name in names:
        if not name:
            continue
        matches = people_selectors.people_matching(name)
        if len(matches) == 1:
            chosen.append(matches[0])
        elif not matches:
            errors.append(f"Nobody called “{name}” is on record.")
        else:
            listed = "; ".join(f"{p.name} ({p.country_id or 'no country'})" for p in matches[:5])
            errors.append(f"Several people match “{name}”: {listed}. Give the full name.")
    if topic and len(chosen) == 2 and not errors:
        for person in chosen:
            qs = selectors.statements_for_topic(topic=topic).filter(speaker=person)
            statements, more = selectors.statement_page(qs, page=1, size=PAGE_SIZE)
            # The person's stance counts per topic are cached; take this topic's row.
            rows = selectors.person_topic_stances(person_id=person.pk)
            row = next((r for r in rows if r["topic__slug"] == topic.slug), {})
            stances = {stance: row.get(stance, 0) for stance in StatementTopic.Stance.values}
            columns.append({"person": person, "statements": statements, "more": more, "stances": stances})
    return render(
        request,
        "statements/compare.html",
        {
            "topic": topic,
            "columns": columns,
            "errors": errors,
            "selected": {"a": names[0], "b": names[1], "topic": topic_slug},
            "topics": selectors.public_topics().only("slug", "name"),
            "people": selectors.people_with_statements(),
        },
    )


def _slug_param(request, name: str) -> str:
    """A slug from the query string; anything else (spaces, NUL bytes, ...) names nothing."""
    value = request.GET.get(name, "").strip()
    return value if _SLUG.fullmatch(value) else ("" if not value else "-")


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
        with app.connection_for_write(url=settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


@never_cache
@require_safe
def health(request):
    """200 when the database (and the broker, when one is configured) answers; 503 otherwise.

    Also reports the pipeline: articles stalled past the reconciler's threshold, and when a worker
    last ran the periodic reconciler (its heartbeat).
    """
    checks = {"database": _check_database()}
    if settings.CELERY_BROKER_URL:
        checks["broker"] = _check_broker()
    healthy = all(error is None for error in checks.values())
    body = {
        "status": "ok" if healthy else "unavailable",
        "checks": {name: ("ok" if error is None else error) for name, error in checks.items()},
    }
    if checks["database"] is None:
        # Reported, not a 503: a slow pipeline must not take the site out of the load balancer.
        body["pipeline"] = _pipeline_status()
    return JsonResponse(body, status=200 if healthy else 503)


def _pipeline_status() -> dict:
    from statements.services.reconcile import pipeline_status

    try:
        return pipeline_status()
    except Exception as exc:  # the cache (Redis) may be down while the database answers
        return {"error": f"{type(exc).__name__}: {exc}"}
