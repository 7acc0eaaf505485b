"""article_statements_save with hand-made extractor output: speakers, offices, merging, citations."""

import dataclasses
import datetime as dt

import pytest

from extraction.types import ExtractedStatement, SpeakerMention, SpeakerType
from people.models import Organization, Person, Tenure
from statements.models import Article, Citation, Statement, TenureEvidence
from statements.services.extraction import article_statements_save

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 11, 10)


def make_article(text: str, n: int) -> Article:
    return Article.objects.create(text=text, content_hash=f"{n:064d}", status=Article.Status.FETCHED, published=DAY)


def item(text: str, quote: str, speaker: SpeakerMention, kind="indirect") -> ExtractedStatement:
    start = text.index(quote)
    return ExtractedStatement(speaker=speaker, quote=quote, kind=kind, cue="said", start=start, end=start + len(quote), date=DAY)


def test_description_resolves_to_the_office_holder_named_elsewhere_in_the_article():
    text = (
        "The Danish climate minister said the tax would be a model for Europe. "
        "Danish Climate Minister Ole Brandt Vind said half the money would go back to farms."
    )
    article = make_article(text, 1)
    described = SpeakerMention(name="Denmark's climate minister", role="Climate Minister", country="DK")
    named = SpeakerMention(name="Ole Brandt Vind", role="Climate Minister", country="DK")
    article_statements_save(
        article=article,
        extracted=[
            item(text, "the tax would be a model for Europe", described),
            item(text, "half the money would go back to farms", named),
        ],
        version="t",
    )
    person = Person.objects.get()
    assert person.name == "Ole Brandt Vind" and person.country_id == "DK"
    assert set(Statement.objects.values_list("speaker", flat=True)) == {person.pk}
    assert all(s.tenure and s.tenure.position.title == "Climate Minister" for s in Statement.objects.all())


def test_groups_and_lower_case_bodies_create_no_rows():
    text = "Environmental groups said the declaration lacked deadlines and teeth."
    article = make_article(text, 2)
    article_statements_save(
        article=article,
        extracted=[
            item(text, "the declaration lacked deadlines and teeth", SpeakerMention(
                name="environmental groups", type=SpeakerType.ORGANIZATION))
        ],
        version="t",
    )
    statement = Statement.objects.get()
    assert statement.speaker is None and statement.speaker_organization is None
    assert statement.speaker_text == "environmental groups"
    assert not Person.objects.exists() and not Organization.objects.exists()


def test_the_same_remark_in_two_outlets_is_one_statement_with_two_citations():
    first = 'Kari Lundeby said: "The sea will be our power station, and we will build it together."'
    second = 'Norway\'s energy minister Kari Lundeby: "The sea will be our power station ... we will build it together"'
    speaker = SpeakerMention(name="Kari Lundeby", role="Energy Minister", country="NO")
    a1, a2 = make_article(first, 3), make_article(second, 4)
    article_statements_save(
        article=a1,
        extracted=[item(first, '"The sea will be our power station, and we will build it together."', speaker, "direct")],
        version="t",
    )
    article_statements_save(
        article=a2,
        extracted=[item(second, '"The sea will be our power station ... we will build it together"', speaker, "direct")],
        version="t",
    )
    statement = Statement.objects.get()
    assert statement.citations.count() == 2
    for citation in Citation.objects.all():
        assert citation.article.text[citation.start : citation.end] == citation.text


def test_two_different_remarks_are_never_merged():
    text = "Kari Lundeby said taxes would rise by two percent. Kari Lundeby said taxes would not rise by two percent."
    article = make_article(text, 5)
    speaker = SpeakerMention(name="Kari Lundeby", country="NO")
    article_statements_save(
        article=article,
        extracted=[
            item(text, "taxes would rise by two percent", speaker),
            item(text, "taxes would not rise by two percent", speaker),
        ],
        version="t",
    )
    assert Statement.objects.count() == 2


def test_offsets_that_do_not_match_the_quote_are_dropped_not_stored():
    text = "Kari Lundeby said the budget was balanced this year."
    article = make_article(text, 6)
    bad = ExtractedStatement(
        speaker=SpeakerMention(name="Kari Lundeby"), quote="the budget was balanced", kind="indirect",
        cue="said", start=0, end=10, date=DAY,
    )
    assert article_statements_save(article=article, extracted=[bad], version="t") == 0
    assert not Statement.objects.exists()


def test_an_office_read_from_text_keeps_the_article_that_showed_it():
    text = "Danish Climate Minister Ole Brandt Vind said half the money would go back to farms."
    first = make_article(text, 10)
    named = SpeakerMention(name="Ole Brandt Vind", role="Climate Minister", country="DK")
    article_statements_save(article=first, extracted=[item(text, "half the money would go back to farms", named)], version="t")
    later = make_article(text + " He repeated it.", 11)
    later_day = DAY + dt.timedelta(days=30)
    quote = item(text, "half the money would go back to farms", named)
    article_statements_save(
        article=later, extracted=[dataclasses.replace(quote, date=later_day)], version="t"
    )
    article_statements_save(article=later, extracted=[dataclasses.replace(quote, date=later_day)], version="t")
    tenure = Tenure.objects.get()
    # Open after the last article (last_seen): a later source or an analyst ends it.
    assert (tenure.start, tenure.end, tenure.last_seen, tenure.source) == (DAY, None, later_day, Tenure.Source.TEXT)
    rows = list(TenureEvidence.objects.filter(tenure=tenure).values_list("article", "seen_on", "basis"))
    assert rows == [(first.pk, DAY, "in_office"), (later.pk, later_day, "in_office")]  # re-running adds nothing


def test_a_former_office_is_recorded_as_such():
    text = "Former Finance Minister Ilse Vaarkamp said the budget rules were too tight."
    article = make_article(text, 12)
    former = SpeakerMention(name="Ilse Vaarkamp", role="Finance Minister", role_is_former=True, country="NL")
    article_statements_save(article=article, extracted=[item(text, "the budget rules were too tight", former)], version="t")
    tenure = Tenure.objects.get()
    assert tenure.start is None and tenure.end == DAY - dt.timedelta(days=1)
    evidence = TenureEvidence.objects.get()
    assert (evidence.tenure, evidence.article, evidence.seen_on, evidence.basis) == (tenure, article, DAY, "former")
