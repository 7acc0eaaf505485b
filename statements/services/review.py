"""Analysts' decisions on statements: verify, reject, correct. Each one locks the row against re-extraction."""

from django.db import transaction
from django.utils import timezone

from statements.models import Statement


@transaction.atomic
def statements_review(*, statements, status: str, reviewer, note: str = "") -> int:
    """Mark statements verified or rejected in bulk; returns how many changed."""
    if status not in {Statement.ReviewStatus.VERIFIED, Statement.ReviewStatus.REJECTED, Statement.ReviewStatus.UNREVIEWED}:
        raise ValueError(f"Not a bulk review status: {status}")
    changed = 0
    # Row by row (not .update()) so every decision lands in the statement's history.
    # Re-select by id: the caller's queryset may carry annotations FOR UPDATE cannot lock.
    ids = list(statements.values_list("pk", flat=True))
    for statement in Statement.objects.filter(pk__in=ids).order_by("pk").select_for_update():
        statement.review_status = status
        statement.reviewed_by = reviewer
        statement.reviewed_at = timezone.now()
        if note:
            statement.analyst_note = note
        statement.save(update_fields=["review_status", "reviewed_by", "reviewed_at", "analyst_note", "updated_at"])
        changed += 1
    return changed


def statement_correct(*, statement: Statement, reviewer, fields: dict) -> Statement:
    """An analyst edited the statement: keep the edit and mark it corrected."""
    for name, value in fields.items():
        setattr(statement, name, value)
    statement.review_status = Statement.ReviewStatus.CORRECTED
    statement.reviewed_by = reviewer
    statement.reviewed_at = timezone.now()
    statement.save()
    return statement
