"""Merging two records of one person: their statements, the statements about them, then people's part."""

from __future__ import annotations

from django.db import transaction

from people.models import Person
from people.services import person_absorb
from statements.models import Statement


@transaction.atomic
def person_merge(*, source: Person, target: Person) -> Person:
    """Move everything from ``source`` to ``target`` and keep ``source`` as a redirecting record."""
    if source.pk == target.pk:
        raise ValueError("Cannot merge a person into themselves.")
    Statement.objects.filter(speaker=source).update(speaker=target)
    # Statements about both keep one link to the survivor; the others' links move over.
    about = Statement.targets.through.objects
    about.filter(person=source, statement__targets=target).delete()
    about.filter(person=source).update(person=target)
    return person_absorb(source=source, target=target)
