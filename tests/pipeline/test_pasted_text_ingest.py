"""Pasted text through the real pipeline: HTML, lead-first texts, other languages, unknown dates."""

import pytest

from statements.models import Article, Citation, Statement
from statements.services.articles import article_text_clean, headline_guess

pytestmark = pytest.mark.django_db

LEAD_FIRST = (
    "Transport Minister Anneke Drost-Vermeulen said on Monday that night trains to the coast would return in May.\n\n"
    '"People asked for them, and they will have them," Drost-Vermeulen told reporters at the station.\n'
)


def test_html_is_stripped_before_the_text_is_stored_so_offsets_point_into_it(ingest):
    html = (
        "<h1>Night trains return</h1>\n<p>Transport Minister <b>Anneke Drost-Vermeulen</b> said on Monday "
        "that night trains to the coast would return in May.</p>\n<p>&ldquo;People asked for them, and they "
        "will have them,&rdquo; Drost-Vermeulen told reporters.</p>"
    )
    article = ingest(text=html, published="2026-11-02").article
    assert "<" not in article.text and "&ldquo;" not in article.text
    assert article.text.startswith("Night trains return\n\nTransport Minister Anneke Drost-Vermeulen said")
    assert article.status == Article.Status.EXTRACTED
    citations = Citation.objects.filter(article=article)
    assert citations.count() >= 2
    for citation in citations:
        assert article.text[citation.start : citation.end] == citation.text
        assert "<" not in citation.text


def test_clean_text_without_html_is_not_touched_by_the_stripping():
    text = "Budget vote passes\n\nThe minister said that a < b and <tweet 123> stays as written in the text."
    assert article_text_clean(text) == text


def test_a_lead_sentence_first_line_is_kept_as_body_and_not_taken_as_the_title(ingest):
    assert headline_guess(LEAD_FIRST).endswith("…")
    article = ingest(text=LEAD_FIRST, published="2026-11-02").article
    assert (
        article.title == "Transport Minister Anneke Drost-Vermeulen said on Monday that night trains to the…"
    )
    quotes = list(Statement.objects.filter(citations__article=article).values_list("quote", flat=True))
    assert any("night trains to the coast would return in May" in q for q in quotes), quotes


def test_a_headline_first_line_is_still_the_title():
    assert (
        headline_guess("Night trains return to the coast\n\n" + LEAD_FIRST)
        == "Night trains return to the coast"
    )


def test_a_french_article_is_stored_with_its_language_and_failed_with_a_message(ingest):
    text = (
        "Le ministre des Finances, Paul Marchetti, a déclaré mardi que le gouvernement ne reculerait pas sur "
        "la réforme des retraites. « Nous irons jusqu'au bout », a-t-il dit devant les députés, malgré les "
        "manifestations dans plusieurs villes du pays."
    )
    article = ingest(text=text, published="2026-11-02").article
    assert article.language == "fr"
    assert article.status == Article.Status.FAILED
    assert "French" in article.error and "English" in article.error
    assert not Statement.objects.exists()


def test_an_english_article_records_its_language(ingest, demo_text):
    assert ingest(text=demo_text, published="2026-11-03").article.language == "en"


def test_without_a_publication_date_no_statement_claims_one(ingest):
    text = (
        "Budget row deepens\n\nFinance Minister Ilse Vaarkamp said on Tuesday that the budget was fair to all.\n\n"
        "On 3 March 2024, Vaarkamp said that taxes would not rise before the election.\n"
    )
    article = ingest(text=text).article
    assert article.published is None and article.status == Article.Status.EXTRACTED
    rows = {
        (s.said_on.isoformat(), s.date_basis) for s in Statement.objects.filter(citations__article=article)
    }
    ingest_day = article.fetched_at.date().isoformat()
    assert rows == {(ingest_day, Statement.DateBasis.INGESTED), ("2024-03-03", Statement.DateBasis.EXPLICIT)}


def test_the_statement_page_says_when_a_date_is_only_the_ingest_day(client, ingest):
    text = "Budget row deepens\n\nFinance Minister Ilse Vaarkamp said on Tuesday that the budget was fair to all.\n"
    ingest(text=text)
    statement = Statement.objects.get()
    assert statement.date_basis == Statement.DateBasis.INGESTED
    page = client.get(statement.get_absolute_url()).content.decode()
    assert "publication date of the article" not in page.lower()
    assert "publication date is unknown" in page


def test_the_api_shows_the_language_and_the_message(client, ingest, django_user_model):
    # a failed article is shown to signed-in users (the submitter following it), not the public
    client.force_login(django_user_model.objects.create_user("submitter", password="x"))
    text = (
        "Die Finanzministerin Petra Lindholm sagte am Dienstag, die Regierung werde an der Rentenreform "
        "festhalten, trotz der Proteste in mehreren Städten des Landes und der Kritik der Opposition."
    )
    article = ingest(text=text, published="2026-11-02").article
    row = client.get(f"/api/v1/articles/{article.pk}/").json()
    assert row["language"] == "de" and row["status"] == "failed"
    assert "German" in row["error"]
