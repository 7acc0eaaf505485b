"""Analysts' decisions as a labelled set: each article's verified and corrected statements as gold files.

The files have the shape ``score.py`` reads (a JSON file per article with ``text_file``,
``published`` and ``statements`` of ``speaker``/``quote``/``kind``/``date``, the article's
text in a file beside it), so any extractor version can be scored against what analysts confirmed.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from pathlib import Path

from django.utils.text import slugify

from statements.models import Citation, Statement

Status = Statement.ReviewStatus
GOLD_STATUSES = (Status.VERIFIED, Status.CORRECTED)
# A date is gold only when the text gave it; a date taken from the publication day says nothing.
_DATE_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


@dataclass(frozen=True)
class GoldExport:
    articles: int
    statements: int
    incomplete: int  # articles exported with statements still unreviewed


def _gold_citations():
    return (
        Citation.objects.filter(statement__review_status__in=GOLD_STATUSES)
        .exclude(article__text="")
        .select_related("article", "statement__speaker__country", "statement__speaker_organization")
        .prefetch_related("statement__statement_topics__topic")
        .order_by("article_id", "start")
    )


def _speaker(statement: Statement) -> str:
    if statement.speaker_id:
        return statement.speaker.name
    if statement.speaker_organization_id:
        return statement.speaker_organization.name
    return statement.speaker_text


# The record's quote is the speaker's words: no quotation marks or trailing comma from the printed span.
_PRINTED_EDGES = " \t\n\"'“”‘’«»„‚‹›,"


def quote_words(printed: str) -> str:
    return printed.strip(_PRINTED_EDGES) or printed


def gold_statement(citation: Citation) -> dict:
    statement = citation.statement
    row = {"speaker": _speaker(statement), "quote": quote_words(citation.text), "kind": statement.kind}
    if statement.said_on and statement.date_basis != Statement.DateBasis.PUBLISHED:
        row["date"] = statement.said_on.strftime(_DATE_FORMATS.get(statement.date_precision, "%Y-%m-%d"))
    confirmed = [link for link in statement.statement_topics.all() if link.stance_confirmed]
    if len(confirmed) == 1:
        row["topic"], row["stance"] = confirmed[0].topic.name, confirmed[0].stance
    row["review_status"] = statement.review_status
    row["statement_id"] = statement.pk
    return row


def _people(citations: list[Citation]) -> list[dict]:
    seen: dict[int, dict] = {}
    for citation in citations:
        person = citation.statement.speaker
        if person is not None and person.pk not in seen:
            seen[person.pk] = {"name": person.name, "country": person.country_id or ""}
    return list(seen.values())


def gold_export(*, directory: Path, complete_only: bool = False) -> GoldExport:
    """Write ``NNNNNN-title.json`` and ``.txt`` per article with verified or corrected statements."""
    directory.mkdir(parents=True, exist_ok=True)
    articles = statements = incomplete = 0
    for _article_id, group in itertools.groupby(
        _gold_citations().iterator(chunk_size=500), lambda c: c.article_id
    ):
        citations = list(group)
        article = citations[0].article
        unreviewed = article.citations.filter(statement__review_status=Status.UNREVIEWED).exists()
        if unreviewed and complete_only:
            continue
        stem = f"{article.pk:06d}-{slugify(article.title)[:60] or 'article'}"
        (directory / f"{stem}.txt").write_text(article.text, encoding="utf-8")
        document = {
            "text_file": f"{stem}.txt",
            "published": article.published.isoformat() if article.published else "",
            "source": {"article_id": article.pk, "url": article.url or "", "title": article.title},
            "complete": not unreviewed,
            "people": _people(citations),
            "statements": [gold_statement(citation) for citation in citations],
        }
        (directory / f"{stem}.json").write_text(
            json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        articles += 1
        statements += len(citations)
        incomplete += unreviewed
    return GoldExport(articles=articles, statements=statements, incomplete=incomplete)
