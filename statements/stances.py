"""Stance over time: a person's dated stances on a topic and where they changed their mind.

A shift is a change between support and oppose (either way) in the sequence of *confirmed*
stances, with the last statement before and the first after it. Suggested stances (the
extractor's guess, not yet confirmed by an analyst) stay in the sequence, marked as such, but
never make or break a shift; neutral and unclear stances sit between without ending one.
Statements without a date cannot be placed in time and are left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q

from statements.models import Statement, StatementTopic, Topic

REJECTED = Statement.ReviewStatus.REJECTED
# The two stances between which a change of mind is a shift.
POLAR = (StatementTopic.Stance.SUPPORT, StatementTopic.Stance.OPPOSE)
# What a point on the timeline reads: not the statement's other columns.
POINT_FIELDS = (
    "stance",
    "stance_confirmed",
    "assigned_by",
    "topic__name",
    "topic__slug",
    "statement__quote",
    "statement__said_on",
    "statement__date_precision",
)


@dataclass(frozen=True)
class StancePoint:
    statement: Statement
    stance: str
    confirmed: bool

    @property
    def said_on(self) -> dt.date:
        return self.statement.said_on


@dataclass(frozen=True)
class Shift:
    before: StancePoint
    after: StancePoint

    @property
    def from_stance(self) -> str:
        return self.before.stance

    @property
    def to_stance(self) -> str:
        return self.after.stance


@dataclass
class StanceHistory:
    topic: Topic
    points: list[StancePoint] = field(default_factory=list)
    shifts: list[Shift] = field(default_factory=list)

    @property
    def confirmed_count(self) -> int:
        return sum(1 for point in self.points if point.confirmed)


def is_confirmed(link: StatementTopic) -> bool:
    """An analyst confirmed the stance, or set it (an analyst's stance needs no confirming)."""
    return link.stance_confirmed or link.assigned_by == StatementTopic.AssignedBy.ANALYST


def find_shifts(points: list[StancePoint]) -> list[Shift]:
    """Every change between support and oppose among the confirmed points, in date order."""
    shifts, last = [], None
    for point in points:
        if not point.confirmed or point.stance not in POLAR:
            continue
        if last is not None and point.stance != last.stance:
            shifts.append(Shift(before=last, after=point))
        last = point
    return shifts


def _links(person_id: int, topic_ids: list[int] | None):
    links = (
        StatementTopic.objects.filter(
            statement__speaker_id=person_id, statement__said_on__isnull=False, topic__is_suggested=False
        )
        .exclude(statement__review_status=REJECTED)
        .select_related("topic", "statement")
        .only(*POINT_FIELDS)
        .order_by("topic__name", "statement__said_on", "statement_id")
    )
    if topic_ids is not None:
        links = links.filter(topic_id__in=topic_ids)
    return links


def person_stance_histories(*, person_id: int, topic: Topic | None = None) -> list[StanceHistory]:
    """One history per topic the person spoke on (or just `topic`), in date order: one query.

    Topics where the person changed their mind come first, then the busiest.
    """
    histories: dict[int, StanceHistory] = {}
    for link in _links(person_id, [topic.pk] if topic else None):
        history = histories.setdefault(link.topic_id, StanceHistory(topic=link.topic))
        history.points.append(
            StancePoint(statement=link.statement, stance=link.stance, confirmed=is_confirmed(link))
        )
    for history in histories.values():
        history.shifts = find_shifts(history.points)
    if topic is not None and topic.pk not in histories:
        return [StanceHistory(topic=topic)]
    return sorted(histories.values(), key=lambda h: (-len(h.shifts), -len(h.points), h.topic.name))


def person_topics_spoken_on(*, person_id: int) -> list[Topic]:
    """Public topics the person has a dated, public statement on (to name them in an error)."""
    return list(
        Topic.objects.filter(
            Q(is_suggested=False),
            Q(statement_topics__statement__speaker_id=person_id),
            ~Q(statement_topics__statement__review_status=REJECTED),
        )
        .distinct()
        .order_by("name")
    )
