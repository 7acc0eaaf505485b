"""Search means the same on SQLite (FTS5) and PostgreSQL (tsvector): phrases, exclusions, or, ranking.

Every test here runs on both databases: SQLite always (the default database, or an in-memory
one beside PostgreSQL), PostgreSQL when DATABASE_URL names one.
"""

import hashlib

import pytest
from django.conf import settings
from django.db import connection, connections

from statements import search_index, search_syntax, selectors
from statements.models import Statement

ALIASES = ["default", *(["sqlite"] if "sqlite" in settings.DATABASES else [])]
pytestmark = pytest.mark.django_db(databases=ALIASES)

QUOTES = {
    "phrase": "The offshore wind farm will open in May.",
    "apart": "Offshore drilling stops; the wind decides the rest.",
    "cable": "The wind farm needs a new cable to the coast.",
    "station": "The power station closes next winter.",
    "repeated": "Wind, wind and more wind: our future is wind.",
    "farms": "Three farms were sold at auction.",
}


def _ensure_index(alias: str) -> None:
    if alias != "default":  # the SQLite database beside PostgreSQL is made without migrations
        with connections[alias].cursor() as cursor:
            for sql in (search_index.CREATE_TABLE, *search_index.TRIGGERS.values(), search_index.REBUILD):
                cursor.execute(sql)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def search(request):
    """search(query) -> the keys of the matching QUOTES, best ranked first, on one database."""
    vendor = request.param
    alias = "default" if connection.vendor == vendor else vendor
    if alias not in settings.DATABASES:
        pytest.skip(f"no {vendor} database in this run")
    _ensure_index(alias)
    ids = {}
    for key, quote in QUOTES.items():
        statement = Statement.objects.using(alias).create(
            speaker_text="Maren Halvorsen",
            quote=quote,
            quote_key=hashlib.sha256(quote.encode()).hexdigest(),
            kind=Statement.Kind.DIRECT,
        )
        ids[statement.pk] = key

    def run(query: str) -> list[str]:
        qs = selectors.statement_search(Statement.objects.using(alias), query).order_by("-search_rank", "pk")
        return [ids[pk] for pk in qs.values_list("pk", flat=True)]

    return run


def test_a_phrase_matches_only_the_phrase(search):
    assert search('"offshore wind"') == ["phrase"]
    assert sorted(search("offshore wind")) == ["apart", "phrase"]
    assert search('"power station"') == ["station"]


def test_a_minus_excludes_a_word_or_a_phrase(search):
    assert "cable" not in search("wind -cable") and "phrase" in search("wind -cable")
    assert sorted(search('wind -"offshore wind"')) == ["apart", "cable", "repeated"]


def test_or_takes_either(search):
    assert sorted(search("cable or station")) == ["cable", "station"]
    assert sorted(search("offshore wind OR power station")) == ["apart", "phrase", "station"]


def test_words_are_stemmed(search):
    assert sorted(search("farm")) == ["cable", "farms", "phrase"]


def test_results_are_ranked(search):
    assert search("wind")[0] == "repeated"


def test_only_exclusions_give_everything_else(search):
    assert sorted(search("-wind")) == ["farms", "station"]


@pytest.mark.parametrize(
    "query",
    ['"', '""', "-", "or", "OR OR", "AND", "NOT wind", "NEAR(wind farm)", "wind*", "^wind", "quote:wind",
     "(((", '"unclosed phrase', "wind -", "!!!", "'); DROP TABLE x; --", "*", "a\"b", "-(wind)", "wind OR"],
)  # fmt: skip
def test_no_input_is_an_error(search, query):
    assert isinstance(search(query), list)


def test_the_syntax_is_read_as_postgresql_reads_it():
    groups = search_syntax.parse('offshore "wind farm" -cable or "power station" -"coal"')
    assert [(g.include, g.exclude) for g in groups] == [
        (['"offshore"', '"wind farm"'], ['"cable"']),
        (['"power station"'], ['"coal"']),
    ]
    assert search_syntax.group_match(groups[0]) == '("offshore" AND "wind farm") NOT "cable"'
    assert search_syntax.parse('say "a ""quoted"" word') == [
        search_syntax.Group(include=['"say"', '"a"', '"quoted"', '"word"'])
    ]
    assert search_syntax.parse("!!! or ---") == []


def test_the_api_and_the_page_answer_every_query(client):
    for query in ['"', "NEAR(", "wind -", '"unclosed', "-", "or"]:
        assert client.get("/api/v1/statements/", {"q": query}).status_code in (200, 400)
        assert client.get("/search/", {"q": query}).status_code in (200, 400)


def test_triggers_a_table_rebuild_dropped_are_put_back_after_migrate():
    alias = "default" if connection.vendor == "sqlite" else "sqlite"
    _ensure_index(alias)
    with connections[alias].cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {search_index.TABLE}_insert")  # as a SQLite table rebuild does
    Statement.objects.using(alias).create(
        speaker_text="Ines Vidal", quote="The ferries run every hour.", quote_key="ferries", kind="direct"
    )
    assert not selectors.statement_search(Statement.objects.using(alias), "ferries").exists()

    search_index.repair_after_migrate(sender=None, using=alias)

    assert selectors.statement_search(Statement.objects.using(alias), "ferries").count() == 1
    Statement.objects.using(alias).create(
        speaker_text="Ines Vidal", quote="More ferries in summer.", quote_key="summer", kind="direct"
    )
    assert selectors.statement_search(Statement.objects.using(alias), "ferries").count() == 2
