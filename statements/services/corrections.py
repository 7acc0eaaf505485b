"""Corrections made by selecting words in an article: a quote's span, a statement the extractor missed.

Offsets always point into ``Article.text`` and the citation keeps the words exactly as printed
there. A span an analyst has decided on is never overwritten or re-added by re-extraction
(see ``extraction.article_statements_save``).
"""

from __future__ import annotations

from django.db import transaction

from people.models import Person
from people.selectors import tenure_held_on
from people.services import person_create
from statements.models import Article, Citation, Statement
from statements.quote_text import record_words

from .article_steps import article_publication_date
from .extraction import statement_quote_key
from .review import ReviewError, review_stamp, statement_rekey

# Marks and spaces a selection often takes in at its edges; the record keeps the words inside.
_EDGE_CHARS = " \t\n\"'“”‘’«»„‚‹›"
# A selection shorter than this is a slip of the mouse, not a quote.
MIN_SPAN_CHARS = 3


def span_trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Validate a selection in ``text`` and shrink it past surrounding spaces and quotation marks."""
    if not (0 <= start < end <= len(text)):
        raise ReviewError(f"The selection {start}–{end} is outside the article ({len(text)} characters).")
    while start < end and text[start] in _EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in _EDGE_CHARS:
        end -= 1
    if end - start < MIN_SPAN_CHARS:
        raise ReviewError("Select the words of the quote in the article text.")
    return start, end


def _span_free(article: Article, start: int, end: int, *, exclude_pk: int | None = None) -> None:
    taken = Citation.objects.filter(article=article, start=start, end=end).exclude(pk=exclude_pk)
    other = taken.values_list("statement_id", flat=True).first()
    if other:
        raise ReviewError(f"Statement #{other} already cites exactly these words.")


def _mark_corrected(statement: Statement, reviewer) -> None:
    if statement.review_status != Statement.ReviewStatus.REJECTED:
        statement.review_status = Statement.ReviewStatus.CORRECTED
    review_stamp(statement, reviewer)


@transaction.atomic
def citation_span_correct(*, citation: Citation, start: int, end: int, reviewer) -> Citation:
    """Move a citation to the words the analyst selected; the statement's quote follows its first citation."""
    citation = Citation.objects.select_for_update().select_related("article").get(pk=citation.pk)
    text = citation.article.text
    start, end = span_trim(text, start, end)
    if (start, end) == (citation.start, citation.end):
        return citation
    _span_free(citation.article, start, end, exclude_pk=citation.pk)
    citation.start, citation.end, citation.text = start, end, text[start:end]
    citation.save(update_fields=["start", "end", "text"])
    statement = Statement.objects.select_for_update().get(pk=citation.statement_id)
    first = statement.citations.order_by("pk").values_list("pk", flat=True).first()
    if first == citation.pk:
        statement.quote, statement.quoted_spans = record_words(citation.text, statement.kind)
        statement_rekey(statement)
    _mark_corrected(statement, reviewer)
    statement.save()
    return citation


@transaction.atomic
def statement_add_from_span(
    *,
    article: Article,
    start: int,
    end: int,
    reviewer,
    speaker: Person | None = None,
    new_speaker_name: str = "",
    kind: str = Statement.Kind.DIRECT,
) -> Statement:
    """Record a statement the extractor missed: the selected words, said by a known or a new person."""
    if kind not in Statement.Kind.values:
        raise ReviewError(f"Unknown kind {kind!r}.")
    start, end = span_trim(article.text, start, end)
    _span_free(article, start, end)
    if speaker is None:
        name = " ".join(new_speaker_name.split())
        if not name:
            raise ReviewError("Name the speaker: choose a person or give a new person's name.")
        speaker = person_create(name=name[:200])
    printed = article.text[start:end]
    quote, quoted_spans = record_words(printed, kind)
    said_on = article_publication_date(article)
    key = statement_quote_key(person=speaker, organization=None, speaker_text=speaker.name, quote=quote)
    statement = Statement.objects.select_for_update().filter(quote_key=key).first()
    if statement is None:
        statement = Statement(
            speaker=speaker,
            speaker_text=speaker.name[:300],
            quote=quote,
            quoted_spans=quoted_spans,
            quote_key=key,
            kind=kind,
            said_on=said_on,
            date_basis=Statement.DateBasis.PUBLISHED,
            tenure=tenure_held_on(person=speaker, on=said_on),
            confidence=1.0,
        )
    _mark_corrected(statement, reviewer)
    statement.save()
    Citation.objects.create(
        statement=statement,
        article=article,
        start=start,
        end=end,
        text=printed,
        speaker_text=speaker.name[:300],
    )
    return statement
