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
from django.urls import reverse

from statements.models import Statement, StatementTopic, Topic

REJECTED = Statement.ReviewStatus.REJECTED
# The two stances between which a change of mind is a shift.
POLAR = (StatementTopic.Stance.SUPPORT, StatementTopic.Stance.OPPOSE)
# Pages tell this many of the latest shifts in words; the API lists every one.
SHIFTS_LISTED = 10
# What a point on the timeline reads, as plain values: a busy person has thousands of points,
# and model instances for each made their page several times slower.
POINT_VALUES = (
    "topic_id",
    "stance",
    "stance_confirmed",
    "assigned_by",
    "statement_id",
    "statement__quote",
    "statement__kind",
    "statement__quoted_spans",
    "statement__said_on",
    "statement__date_precision",
)


@dataclass(frozen=True)
class PointStatement:
    """The statement behind a point: what the chart, the shift list and the API show of it."""

    pk: int
    quote: str
    said_on: dt.date
    date_precision: str
    kind: str
    quoted_spans: list

    def get_absolute_url(self) -> str:
        return reverse("statement-detail", args=[self.pk])


@dataclass(frozen=True)
class StancePoint:
    statement: PointStatement
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
    person_id: int
    points: list[StancePoint] = field(default_factory=list)
    shifts: list[Shift] = field(default_factory=list)

    @property
    def confirmed_count(self) -> int:
        return sum(1 for point in self.points if point.confirmed)

    @property
    def listed_shifts(self) -> list[tuple[int, Shift]]:
        """The latest shifts with their numbers, for a page to tell in words (the API has them all)."""
        numbered = list(enumerate(self.shifts, start=1))
        return numbered[-SHIFTS_LISTED:]

    @property
    def unlisted_shift_count(self) -> int:
        return max(0, len(self.shifts) - SHIFTS_LISTED)


def is_confirmed(link: dict) -> bool:
    """An analyst confirmed the stance, or set it (an analyst's stance needs no confirming)."""
    return link["stance_confirmed"] or link["assigned_by"] == StatementTopic.AssignedBy.ANALYST


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
        .order_by("topic_id", "statement__said_on", "statement_id")
        .values(*POINT_VALUES)
    )
    if topic_ids is not None:
        links = links.filter(topic_id__in=topic_ids)
    return links


def person_stance_histories(*, person_id: int, topic: Topic | None = None) -> list[StanceHistory]:
    """One history per topic the person spoke on (or just `topic`), in date order: one query.

    Topics where the person changed their mind come first, then the busiest.
    """
    histories: dict[int, StanceHistory] = {}
    links = list(_links(person_id, [topic.pk] if topic else None))
    topics = {topic.pk: topic} if topic else Topic.objects.in_bulk({link["topic_id"] for link in links})
    for link in links:
        history = histories.get(link["topic_id"])
        if history is None:
            history = histories[link["topic_id"]] = StanceHistory(
                topic=topics[link["topic_id"]], person_id=person_id
            )
        statement = PointStatement(
            pk=link["statement_id"],
            quote=link["statement__quote"],
            said_on=link["statement__said_on"],
            date_precision=link["statement__date_precision"],
            kind=link["statement__kind"],
            quoted_spans=link["statement__quoted_spans"],
        )
        history.points.append(
            StancePoint(statement=statement, stance=link["stance"], confirmed=is_confirmed(link))
        )
    for history in histories.values():
        history.shifts = find_shifts(history.points)
    if topic is not None and topic.pk not in histories:
        return [StanceHistory(topic=topic, person_id=person_id)]
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
