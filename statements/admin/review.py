"""The review screen: one statement at a time, its article beside it, each decision a keystroke or two.

Custom views of the statement admin (same login, permissions and look). Every write goes
through a service in ``statements.services``; every read through ``statements.review_selectors``.
The keyboard and selection handling is progressive enhancement in static/onrecord/review.js:
each action is also a plain form that works without it.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_GET, require_POST

from statements import review_selectors as queue
from statements.models import Article, Citation, Statement
from statements.services import corrections, review, topics

from .review_input import (
    REJECT_REASONS,
    int_field,
    reject_reason,
    speaker_chosen,
    statement_changes,
    topic_changes,
)

Status = Statement.ReviewStatus


class ReviewScreen:
    """The views, bound to the statement ModelAdmin for its site, permissions and templates."""

    def __init__(self, model_admin):
        self.model_admin = model_admin

    def urls(self) -> list:
        def view(func):
            return self.model_admin.admin_site.admin_view(self._guarded(func))

        return [
            path("review/", view(self.start), name="statements_statement_review"),
            path("review/people/", view(self.people), name="statements_statement_review_people"),
            path("review/<int:pk>/", view(self.screen), name="statements_statement_review_one"),
            path("review/<int:pk>/decide/", view(self.decide), name="statements_statement_review_decide"),
            path("review/<int:pk>/edit/", view(self.edit), name="statements_statement_review_edit"),
            path(
                "review/<int:pk>/topics/", view(self.edit_topics), name="statements_statement_review_topics"
            ),
            path("review/<int:pk>/span/", view(self.span), name="statements_statement_review_span"),
            path("review/<int:pk>/add/", view(self.add), name="statements_statement_review_add"),
            path("review/<int:pk>/revert/", view(self.revert), name="statements_statement_review_revert"),
        ]

    def _guarded(self, func):
        def guarded(request, *args, **kwargs):
            if not self.model_admin.has_change_permission(request):
                raise PermissionDenied
            return func(request, *args, **kwargs)

        return guarded

    # Navigation ---------------------------------------------------------------------------

    @staticmethod
    def _url(pk: int | None, filters: queue.QueueFilters) -> str:
        base = (
            reverse("admin:statements_statement_review_one", args=[pk])
            if pk
            else reverse("admin:statements_statement_review")
        )
        qs = filters.query_string()
        return f"{base}?{qs}" if qs else base

    def _back(self, request, pk: int, error: review.ReviewError | None = None) -> HttpResponseRedirect:
        if error is not None:
            messages.error(request, str(error))
        return HttpResponseRedirect(self._url(pk, queue.QueueFilters.from_query(request.GET)))

    def _onward(self, request, statement: Statement) -> HttpResponseRedirect:
        """After a decision: the next statement in the queue, or the queue's start when none is left."""
        filters = queue.QueueFilters.from_query(request.GET)
        _, after = queue.review_neighbours(filters, statement)
        return HttpResponseRedirect(self._url(after or queue.review_first(filters), filters))

    # Pages --------------------------------------------------------------------------------

    @method_decorator(require_GET)
    def start(self, request):
        filters = queue.QueueFilters.from_query(request.GET)
        first = queue.review_first(filters)
        if first is not None:
            return HttpResponseRedirect(self._url(first, filters))
        return self._render(request, "admin/statements/review_empty.html", filters, {})

    @method_decorator(require_GET)
    def screen(self, request, pk: int):
        filters = queue.QueueFilters.from_query(request.GET)
        try:
            statement = queue.review_statement(pk=pk)
        except Statement.DoesNotExist:
            raise Http404("No such statement.") from None
        citations = list(statement.citations.all())
        chosen = request.GET.get("citation", "")
        citation = next((c for c in citations if str(c.pk) == chosen), citations[0] if citations else None)
        before, after = queue.review_neighbours(filters, statement)
        versions = list(statement.history.order_by("-history_id").values_list("history_id", flat=True)[:2])
        return self._render(
            request,
            "admin/statements/review.html",
            filters,
            {
                "statement": statement,
                "citations": citations,
                "citation": citation,
                "runs": queue.article_marked(citation.article, citation) if citation else [],
                "previous_url": self._url(before, filters) if before else "",
                "next_url": self._url(after, filters) if after else "",
                "undo_version": versions[1] if len(versions) > 1 else None,
                "has_speaker": review.has_speaker(statement),
                "reject_reasons": REJECT_REASONS,
                "stances": Statement.topics.through.Stance.choices,
                "tenures": list(statement.speaker.tenures.all()) if statement.speaker_id else [],
            },
        )

    def _render(self, request, template: str, filters: queue.QueueFilters, extra: dict):
        left, more = queue.review_left(filters)
        totals = queue.review_totals(filters)
        context = {
            **self.model_admin.admin_site.each_context(request),
            "opts": Statement._meta,
            "title": "Review statements",
            "filters": filters,
            "query": filters.query_string(),
            "left": left,
            "left_more": more,
            "status_menu": [(value, label, totals[value]) for value, label in Status.choices],
            "menus": queue.review_menus(),
            "kinds": Statement.Kind.choices,
            **extra,
        }
        return TemplateResponse(request, template, context)

    @method_decorator(require_GET)
    def people(self, request):
        return JsonResponse({"results": queue.people_autocomplete(request.GET.get("q", ""))})

    # Decisions and corrections -------------------------------------------------------------

    @method_decorator(require_POST)
    def decide(self, request, pk: int):
        statement = get_object_or_404(Statement, pk=pk)
        action = request.POST.get("action")
        try:
            if action == "verify":
                review.statement_verify(statement=statement, reviewer=request.user)
            elif action == "reject":
                review.statement_reject(
                    statement=statement, reviewer=request.user, reason=reject_reason(request.POST)
                )
            elif action == "unreject":
                review.statement_unreject(statement=statement, reviewer=request.user)
                return self._back(request, pk)
            else:
                raise review.ReviewError("Unknown action.")
        except review.ReviewError as error:
            return self._back(request, pk, error)
        messages.success(request, f"Statement #{pk} {'verified' if action == 'verify' else 'rejected'}.")
        return self._onward(request, statement)

    @method_decorator(require_POST)
    def edit(self, request, pk: int):
        statement = get_object_or_404(Statement.objects.select_related("speaker"), pk=pk)
        try:
            with transaction.atomic():
                changes = statement_changes(request.POST, statement)
                review.statement_edit(statement=statement, reviewer=request.user, changes=changes)
        except review.ReviewError as error:
            return self._back(request, pk, error)
        return self._back(request, pk)

    @method_decorator(require_POST)
    def edit_topics(self, request, pk: int):
        statement = get_object_or_404(Statement, pk=pk)
        try:
            with transaction.atomic():
                stances, removed = topic_changes(request.POST)
                for topic, stance in stances.items():
                    topics.statement_topic_set(statement=statement, topic=topic, stance=stance)
                for topic in removed:
                    topics.statement_topic_remove(statement=statement, topic=topic)
                if stances or removed:
                    review.statement_mark_corrected(statement=statement, reviewer=request.user)
        except review.ReviewError as error:
            return self._back(request, pk, error)
        return self._back(request, pk)

    @method_decorator(require_POST)
    def span(self, request, pk: int):
        citation = get_object_or_404(Citation, pk=request.POST.get("citation") or 0, statement_id=pk)
        try:
            corrections.citation_span_correct(
                citation=citation,
                start=int_field(request.POST, "start"),
                end=int_field(request.POST, "end"),
                reviewer=request.user,
            )
        except review.ReviewError as error:
            return self._back(request, pk, error)
        messages.success(request, "The quote now covers the words you selected.")
        return self._back(request, pk)

    @method_decorator(require_POST)
    def add(self, request, pk: int):
        article = get_object_or_404(Article, pk=request.POST.get("article") or 0)
        try:
            with transaction.atomic():
                added = corrections.statement_add_from_span(
                    article=article,
                    start=int_field(request.POST, "start"),
                    end=int_field(request.POST, "end"),
                    reviewer=request.user,
                    speaker=speaker_chosen(request.POST, prefix="add_"),
                    kind=request.POST.get("kind") or Statement.Kind.DIRECT,
                )
        except review.ReviewError as error:
            return self._back(request, pk, error)
        messages.success(request, f"Statement #{added.pk} added from your selection.")
        return HttpResponseRedirect(self._url(added.pk, queue.QueueFilters.from_query(request.GET)))

    @method_decorator(require_POST)
    def revert(self, request, pk: int):
        statement = get_object_or_404(Statement, pk=pk)
        try:
            review.statement_revert(
                statement=statement, history_id=int_field(request.POST, "history_id"), reviewer=request.user
            )
        except review.ReviewError as error:
            return self._back(request, pk, error)
        messages.success(request, "Change undone.")
        return self._back(request, pk)
