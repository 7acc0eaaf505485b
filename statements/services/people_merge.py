"""Merging several records of one person into the one an editor chose, and joining the offices that doubles.

``person_merge`` moves one record's rows; this runs it for each record in one transaction and
then joins the tenures the merge left twice (the same office, overlapping dates), moving the
statements and the evidence that pointed at the joined ones.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import transaction

from people.models import Person, Tenure
from statements.models import Statement, TenureEvidence

from .person_merge import person_merge, statements_move

# Which record of an office wins when two are joined: what an analyst entered, then imports, then text.
_SOURCE_RANK = {Tenure.Source.ANALYST: 0, Tenure.Source.IMPORT: 1, Tenure.Source.TEXT: 2}
_ONE_DAY = dt.timedelta(days=1)


@transaction.atomic
def people_merge(*, keep: Person, others: list[Person], by=None) -> Person:
    """Merge ``others`` into ``keep`` (all or nothing); their pages then redirect to ``keep``'s."""
    others = [other for other in others if other.pk != keep.pk]
    if not others:
        raise ValueError("Choose at least one other record to merge into the one kept.")
    if keep.merged_into_id:
        raise ValueError(f"{keep} was itself merged into another record: keep that one instead.")
    for other in others:
        person_merge(source=other, target=keep, by=by)
    tenures_join(person=keep, by=by)
    return keep


def _overlap(a: Tenure, b: Tenure) -> bool:
    """b starts no earlier than a (callers sort); unknown ends and starts count as overlapping."""
    return a.end is None or b.start is None or b.start <= a.end + _ONE_DAY


def _absorb(survivor: Tenure, other: Tenure, by=None) -> None:
    """Move what points at ``other`` to ``survivor``, widen its dates when both are of one kind, delete ``other``."""
    if survivor.source == other.source or survivor.source == Tenure.Source.TEXT:
        if other.start is not None and (survivor.start is None or other.start < survivor.start):
            survivor.start, survivor.start_precision = other.start, other.start_precision
        if survivor.end is not None and (other.end is None or other.end > survivor.end):
            survivor.end, survivor.end_precision = other.end, other.end_precision
    statements_move(
        Statement.objects.filter(tenure=other),
        field="tenure",
        value=survivor,
        by=by,
        reason=f"Office record #{other.pk} joined into #{survivor.pk}",
    )
    seen = TenureEvidence.objects.filter(tenure=survivor).values("article")
    TenureEvidence.objects.filter(tenure=other, article__in=seen).delete()
    TenureEvidence.objects.filter(tenure=other).update(tenure=survivor)
    other.delete()


@transaction.atomic
def tenures_join(*, person: Person, by=None) -> int:
    """Join this person's tenures of one office whose dates overlap or touch; returns how many were joined."""
    by_position: dict[int, list[Tenure]] = defaultdict(list)
    for tenure in Tenure.objects.filter(person=person).select_for_update().order_by("pk"):
        by_position[tenure.position_id].append(tenure)
    joined = 0
    for tenures in by_position.values():
        tenures.sort(key=lambda t: (t.start or dt.date.min, _SOURCE_RANK[t.source]))
        current = tenures[0]
        for other in tenures[1:]:
            if not _overlap(current, other):
                current = other
                continue
            survivor, absorbed = sorted([current, other], key=lambda t: _SOURCE_RANK[t.source])
            _absorb(survivor, absorbed, by=by)
            survivor.save()
            current = survivor
            joined += 1
    return joined
