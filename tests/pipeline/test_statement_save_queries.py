"""Saving an article's statements costs a fixed number of queries, whatever the number of statements.

Speakers are resolved once per mention; statements, topic links, citations and tenure evidence are
read and written for the whole article at once. Only a speaker never seen before costs more: the
person row, its first alias and their history (NEW_SPEAKER_QUERIES each, at most).
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from extraction.types import ExtractedStatement, SpeakerMention, TopicSuggestion
from statements.models import Article, Citation, Statement, StatementTopic
from statements.services.extraction import article_statements_save
from statements.services.topics import topic_define

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 11, 10)
PAIR = ["Maren Solbakk", "Tobias Lindqvist"]
NEWCOMERS = ["Ilse Varga", "Karel Novotny", "Sanna Aalto", "Ruben Serrano", "Lotte Brandt", "Elias Dvorak"]
# A new person: the slug checks, the row, its first alias, their history and the savepoints around
# them (13), and the read of their tenures of the office.
NEW_SPEAKER_QUERIES = 14
SUBJECTS = ["harbour budget", "rail link", "energy levy", "housing plan", "pension reform", "fishing quota",
            "school meals scheme", "border crossing", "wind farm tender", "hospital merger", "ferry subsidy",
            "forest strategy", "road toll", "grain reserve", "museum loan", "tram extension"]  # fmt: skip
# Different remarks, none a near-copy of another (they would merge into one statement).
REMARKS = [f"the {subject} {verdict}" for subject, verdict in zip(
    SUBJECTS, ["was overdue", "cost too much", "came too late", "was a fair deal", "needed a vote",
               "was settled law", "had worked well", "should wait a year", "was rushed", "saved money",
               "lacked a plan", "was popular", "was unfair", "helped farmers", "made sense", "had failed"],
    strict=True,
)]  # fmt: skip


def article_with(remarks: list[tuple[str, str]], n: int) -> tuple[Article, list[ExtractedStatement]]:
    """An article where each (speaker, remark) is one sentence, and the extractor's output for it."""
    text = " ".join(f"Norway's Finance Minister {who} said {what}." for who, what in remarks)
    article = Article.objects.create(
        text=text, content_hash=f"{n:064d}", status=Article.Status.FETCHED, published=DAY
    )
    items = []
    for who, what in remarks:
        start = text.index(what)
        speaker = SpeakerMention(name=who, role="Finance Minister", country="NO")
        topics = [TopicSuggestion(topic="Budget", score=0.8, stance="support", stance_confidence=0.7)]
        items.append(
            ExtractedStatement(
                speaker=speaker, quote=what, kind="indirect", cue="said", start=start,
                end=start + len(what), date=DAY, topics=topics,
            )
        )  # fmt: skip
    return article, items


def queries_to_save(remarks: list[tuple[str, str]], n: int) -> int:
    article, items = article_with(remarks, n)
    with CaptureQueriesContext(connection) as ctx:
        kept = article_statements_save(article=article, extracted=items, version="t")
    assert kept == len(remarks) == Citation.objects.filter(article=article).count()
    return len(ctx.captured_queries)


@pytest.fixture
def budget_topic():
    return topic_define(name="Budget", keywords=["budget"])


def test_six_statements_cost_the_queries_of_two(budget_topic):
    # The two speakers, their office and tenure are on record already (an earlier article).
    queries_to_save([(who, f"the {who} plan was sound") for who in PAIR], 1)
    two = queries_to_save([(PAIR[i % 2], REMARKS[i]) for i in range(2)], 2)
    six = queries_to_save([(PAIR[i % 2], REMARKS[2 + i]) for i in range(6)], 3)
    assert six == two
    assert Statement.objects.count() == 2 + 2 + 6
    assert StatementTopic.objects.filter(topic=budget_topic).count() == 10


def test_new_speakers_cost_a_bounded_number_of_queries_each(budget_topic):
    two = queries_to_save([(NEWCOMERS[i], REMARKS[i]) for i in range(2)], 4)
    six = queries_to_save([(NEWCOMERS[i], REMARKS[8 + i]) for i in range(6)], 5)
    # Two of the six speakers are known by now: four are new.
    assert two <= six <= two + 4 * NEW_SPEAKER_QUERIES
    assert Statement.objects.count() == 8
