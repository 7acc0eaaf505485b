"""What the record keeps of an extracted quotation: the statement holds the speaker's words, the
citation the text as printed (marks included) with its offsets; re-saving finds the same rows."""

import pytest

from statements.models import Citation, Statement
from statements.services.extraction import article_statements_save
from tests import factories

pytestmark = pytest.mark.django_db

TEXT = (
    "Harbour fees to rise\n\n"
    "“Ships do not sail themselves,” Port Commissioner Tomas Ekwall said on Monday. "
    "“The fares,” he added, “will rise by a tenth in May.”\n"
)


def test_statement_keeps_the_words_and_the_citation_the_printed_text(extract):
    article = factories.article(TEXT)
    extracted = extract(TEXT, published="2026-03-20")
    assert [s.quote for s in extracted] == [
        "Ships do not sail themselves",
        "The fares will rise by a tenth in May.",
    ]
    article_statements_save(article=article, extracted=extracted, version="t")
    rows = {c.statement.quote: c for c in Citation.objects.select_related("statement")}
    assert set(rows) == {"Ships do not sail themselves", "The fares will rise by a tenth in May."}
    for citation in rows.values():
        assert citation.text == TEXT[citation.start : citation.end]
        assert citation.text.startswith("“") and citation.text.endswith("”")
    assert (
        rows["The fares will rise by a tenth in May."].text
        == "“The fares,” he added, “will rise by a tenth in May.”"
    )
    keys = set(Statement.objects.values_list("quote_key", flat=True))

    article_statements_save(article=article, extracted=extract(TEXT, published="2026-03-20"), version="t")
    assert set(Statement.objects.values_list("quote_key", flat=True)) == keys
    assert Citation.objects.count() == 2


def test_a_quote_whose_words_are_not_in_its_span_is_not_saved(extract):
    article = factories.article(TEXT)
    (first, _second) = extract(TEXT, published="2026-03-20")
    first.quote = "Ships sail themselves gladly"
    article_statements_save(article=article, extracted=[first], version="t")
    assert not Statement.objects.exists()
