"""Merging two records of one person: their statements, the statements about them, then people's part."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from people.models import Person
from people.services import person_absorb
from statements.models import Statement

# Rows per UPDATE (and per history INSERT) when a merge moves many statements.
MOVE_BATCH = 500


def statements_move(statements, *, field: str, value, by=None, reason: str) -> int:
    """Point ``field`` of these statements at ``value``, each change in the statement's history."""
    rows = list(statements)
    now = timezone.now()
    for row in rows:
        setattr(row, field, value)
        row.updated_at = now
    bulk_update_with_history(
        rows,
        Statement,
        [field, "updated_at"],
        batch_size=MOVE_BATCH,
        default_user=by,
        default_change_reason=reason,
    )
    return len(rows)


@transaction.atomic
def person_merge(*, source: Person, target: Person, by=None) -> Person:
    """Move everything from ``source`` to ``target`` and keep ``source`` as a redirecting record."""
    if source.pk == target.pk:
        raise ValueError("Cannot merge a person into themselves.")
    statements_move(
        Statement.objects.filter(speaker=source),
        field="speaker",
        value=target,
        by=by,
        reason=f"Speaker record #{source.pk} merged into #{target.pk}",
    )
    # Statements about both keep one link to the survivor; the others' links move over.
    about = Statement.targets.through.objects
    about.filter(person=source, statement__targets=target).delete()
    about.filter(person=source).update(person=target)
    return person_absorb(source=source, target=target)
