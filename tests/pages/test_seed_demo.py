import pytest
from django.core.management import CommandError, call_command

from statements.models import Article, Citation, Statement, StatementTopic

pytestmark = pytest.mark.django_db


def test_seed_demo_makes_a_consistent_sample_record(client):
    call_command("seed_demo", statements=203, seed=3, batch_size=100, verbosity=0)
    assert Statement.objects.count() == 203
    assert Citation.objects.count() == 203
    assert not Article.objects.filter(is_demo=False).exists()
    assert StatementTopic.objects.filter(statement__isnull=False).count() >= 203
    for citation in Citation.objects.select_related("article", "statement")[:50]:
        assert citation.article.text[citation.start : citation.end] == citation.statement.quote == citation.text
    with_office = Statement.objects.filter(tenure__isnull=False).select_related("tenure")
    assert with_office.exists()
    for statement in with_office[:50]:
        assert statement.tenure.person_id == statement.speaker_id
        assert statement.tenure.covers(statement.said_on)
    # the pages show it, and say it is sample data
    html = client.get("/").content.decode()
    assert "sample articles about fictional politicians" in html


def test_seed_demo_runs_twice_without_collisions():
    call_command("seed_demo", statements=20, verbosity=0)
    call_command("seed_demo", statements=20, verbosity=0)
    assert Statement.objects.count() == 40


def test_seed_demo_refuses_nonsense():
    with pytest.raises(CommandError):
        call_command("seed_demo", statements=0, verbosity=0)
    with pytest.raises(CommandError):
        call_command("seed_demo", statements=10, batch_size=5, verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_seed_demo_after_load_samples_takes_free_slugs_for_offices_already_on_record():
    """F10: the samples' extraction records offices (FR foreign minister, ...) whose slugs seed_demo wants."""
    import importlib

    from people.models import Organization, Position
    from tests import factories as f

    # An earlier transactional test may have emptied the countries the migrations loaded.
    for code in importlib.import_module("statements.management.commands.seed_demo").COUNTRIES:
        f.country(code)

    call_command("load_samples", verbosity=0)  # committed: extracted on commit, offices on record
    assert Position.objects.exists()
    call_command("seed_demo", statements=2000, verbosity=0)
    assert Statement.objects.filter(citations__article__is_demo=True).count() >= 2000
    for model in (Position, Organization):
        slugs = list(model.objects.values_list("slug", flat=True))
        assert len(slugs) == len(set(slugs))
