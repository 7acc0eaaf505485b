"""The topic tallies kept by triggers agree with counting the links, after every kind of write."""

import datetime as dt

import pytest
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from people.models import Person
from statements import selectors, topic_tallies
from statements.models import Statement, StatementTopic, Topic, TopicTally
from statements.services.person_merge import person_merge
from statements.services.review import statement_edit, statement_reject, statement_unreject
from tests import factories as f

pytestmark = pytest.mark.django_db


def _counted_links(topic):
    return StatementTopic.objects.filter(topic=topic).exclude(statement__review_status="rejected")


def _speakers_by_counting(topic):
    stance = StatementTopic.Stance
    rows = (
        _counted_links(topic)
        .filter(statement__speaker__isnull=False)
        .values("statement__speaker")
        .annotate(total=Count("id"), **{v: Count("id", filter=Q(stance=v)) for v in stance.values})
        .order_by("-total", "statement__speaker")
    )
    return list(rows)


def _timeline_by_counting(topic):
    return list(
        _counted_links(topic)
        .filter(statement__said_on__isnull=False)
        .annotate(month=TruncMonth("statement__said_on"))
        .values("month", "stance")
        .annotate(n=Count("id"))
        .order_by("month", "stance")
    )


def _person_stances_by_counting(person_id):
    return list(
        StatementTopic.objects.filter(statement__speaker_id=person_id, topic__is_suggested=False)
        .exclude(statement__review_status="rejected")
        .values("topic__slug", "topic__name")
        .annotate(**selectors.stance_counts())
        .order_by("-total", "topic__name")
    )


def _assert_agree(*topics):
    for topic in topics:
        assert selectors.topic_speaker_counts(topic=topic) == _speakers_by_counting(topic)
        assert selectors._topic_timeline(topic) == _timeline_by_counting(topic)
    for person in Person.objects.all():
        assert selectors._person_topic_stances(person.pk) == _person_stances_by_counting(person.pk)
    expected = {t.pk: n for t in Topic.objects.all() if (n := _counted_links(t).count())}
    assert selectors.topic_statement_counts() == expected


def test_tallies_follow_every_kind_of_write():
    r = f.small_record()
    energy, defence = r["energy"], r["defence"]
    _assert_agree(energy, defence)

    s = f.statement(r["jonas"], "Tariffs must fall.", said_on=dt.date(2025, 7, 9), topics={energy: "oppose"})
    f.statement(None, "An official said no.", topics={energy: "neutral"})  # no person named
    f.statement(r["amelie"], "Undated remark.", said_on=None, topics={defence: "support"})
    _assert_agree(energy, defence)

    link = StatementTopic.objects.get(statement=s, topic=energy)
    link.stance, link.stance_confirmed = "support", True  # an analyst changed the stance
    link.save()
    StatementTopic.objects.filter(pk=link.pk).update(topic=defence)  # moved to another topic
    _assert_agree(energy, defence)

    statement_reject(statement=r["s1"], reviewer=None, reason="A headline, not a statement.")
    statement_unreject(statement=r["rejected"], reviewer=None)
    statement_edit(statement=r["s2"], reviewer=None, changes={"said_on": dt.date(2019, 1, 1)})
    _assert_agree(energy, defence)

    person_merge(source=r["jonas"], target=r["amelie"])  # QuerySet.update of the speaker
    Statement.objects.filter(pk=r["s3"].pk).update(speaker=None)
    _assert_agree(energy, defence)

    StatementTopic.objects.filter(statement=r["s2"], topic=defence).delete()
    Statement.objects.get(pk=r["s3"].pk).delete()
    Person.objects.filter(pk=r["amelie"].pk).delete()  # statements keep their text, lose the speaker
    _assert_agree(energy, defence)

    folded = topic_tallies.compact()
    assert TopicTally.objects.count() == TopicTally.objects.exclude(n=0).count() <= folded
    _assert_agree(energy, defence)

    Topic.objects.filter(pk=defence.pk).delete()
    topic_tallies.compact()
    assert not TopicTally.objects.filter(topic_id=defence.pk).exists()
    _assert_agree(energy)


def test_rebuild_counts_what_is_on_record():
    r = f.small_record()
    TopicTally.objects.all().delete()
    topic_tallies.rebuild()
    _assert_agree(r["energy"], r["defence"])


def test_compacted_tallies_hold_one_row_per_speaker_or_month_and_stance():
    r = f.small_record()
    for i in range(30):
        f.statement(
            r["jonas"],
            f"Energy point {i}.",
            said_on=dt.date(2025, 5, 1 + i % 28),
            topics={r["energy"]: "oppose"},
        )
    assert TopicTally.objects.filter(topic_id=r["energy"].pk).count() > 60
    topic_tallies.compact()
    # amelie/support, jonas/oppose (now 31), 2025-03/support, 2024-02/oppose, 2025-05/oppose
    assert TopicTally.objects.filter(topic_id=r["energy"].pk).count() == 5
    _assert_agree(r["energy"])
