"""The move of Tenure.source_article to statements.TenureEvidence keeps every existing link."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("people", "0003_load_countries"), ("statements", "0008_statement_stored_search_vector")]
AFTER = [("people", "0004_tenure_source_article_moved"), ("statements", "0009_tenure_evidence")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_the_latest_schema():
    """Leave the database as the other tests on this worker expect it: every migration applied."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_the_latest_schema")
def test_source_articles_become_evidence_rows():
    apps = _migrate(BEFORE)
    Person = apps.get_model("people", "Person")
    Position = apps.get_model("people", "Position")
    Tenure = apps.get_model("people", "Tenure")
    Article = apps.get_model("statements", "Article")
    person = Person.objects.create(name="Ole Brandt Vind", sort_name="Vind, Ole Brandt", slug="ole-brandt-vind")
    office = Position.objects.create(title="Climate Minister", normalized="climate minister", slug="climate-dk")
    story = Article.objects.create(text="Some words.", content_hash="a" * 64, status="extracted")
    seen = Tenure.objects.create(
        person=person, position=office, start=dt.date(2026, 3, 1), end=dt.date(2026, 4, 1), source_article=story
    )
    former = Tenure.objects.create(
        person=person, position=office, start=None, end=dt.date(2025, 12, 31), source_article=story
    )
    Tenure.objects.create(person=person, position=office, start=dt.date(2020, 1, 1), source="analyst")

    apps = _migrate(AFTER)
    rows = apps.get_model("statements", "TenureEvidence").objects.order_by("seen_on")
    assert [(r.tenure_id, r.article_id, r.seen_on, r.basis) for r in rows] == [
        (former.pk, story.pk, dt.date(2026, 1, 1), "former"),
        (seen.pk, story.pk, dt.date(2026, 3, 1), "in_office"),
    ]

    apps = _migrate(BEFORE)  # and back: the link returns to the tenure
    Tenure = apps.get_model("people", "Tenure")
    assert Tenure.objects.get(pk=seen.pk).source_article_id == story.pk
    assert Tenure.objects.filter(source_article__isnull=True).count() == 1
