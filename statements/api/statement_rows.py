"""The statement list's JSON from plain rows: StatementSerializer's shape without model instances.

A page of 50 statements built from model instances made ~550 of them (statement, speaker,
body, tenure, position, topic links, topics, citations, articles, outlets) and then read them
back attribute by attribute: most of a list request's Python time. Here the page is one
``values()`` query with its joins, plus one for the page's topic links and one for its
citations, and each statement's dict is built straight from those rows. The shape is
StatementSerializer's (tests compare the two for the same statements).
"""

from __future__ import annotations

from collections import defaultdict

from common.api.links import page_url
from statements import selectors
from statements.quote_text import shown_quote, valid_spans


def _organization(row: dict, prefix: str) -> dict | None:
    if row[f"{prefix}id"] is None:
        return None
    return {
        "id": row[f"{prefix}id"],
        "name": row[f"{prefix}name"],
        "slug": row[f"{prefix}slug"],
        "kind": row[f"{prefix}kind"],
        "country": row[f"{prefix}country_id"],
    }


def _office(row: dict) -> dict | None:
    if row["tenure__id"] is None:
        return None
    start, end = row["tenure__start"], row["tenure__end"]
    return {
        "tenure": row["tenure__id"],
        "position": {
            "id": row["tenure__position__id"],
            "title": row["tenure__position__title"],
            "slug": row["tenure__position__slug"],
            "country": row["tenure__position__country_id"],
            "organization": _organization(row, "tenure__position__organization__"),
        },
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
    }


def _citation(row: dict) -> dict:
    published = row["article__published"]
    return {
        "id": row["id"],
        "article": row["article_id"],
        "title": row["article__title"],
        "url": row["article__url"],
        "published": published.isoformat() if published else None,
        "outlet": None
        if row["article__outlet__id"] is None
        else {
            "id": row["article__outlet__id"],
            "name": row["article__outlet__name"],
            "domain": row["article__outlet__domain"],
        },
        "is_demo": row["article__is_demo"],
        "start": row["start"],
        "end": row["end"],
        "text": row["text"],
        "cue": row["cue"],
    }


def represent(rows: list[dict], *, serializer) -> list[dict]:
    """StatementSerializer's representation of each row (``serializer`` gives links and dates)."""
    ids = [row["id"] for row in rows]
    topics, citations = defaultdict(list), defaultdict(list)
    for link in selectors.statement_row_topics(ids):
        topics[link["statement_id"]].append(
            {
                name: link[name]
                for name in ("slug", "name", "stance", "stance_confirmed", "relevance", "assigned_by")
            }
        )
    for citation in selectors.statement_row_citations(ids):
        citations[citation["statement_id"]].append(_citation(citation))
    datetime_field = serializer.fields["created_at"]
    return [
        {
            "id": row["id"],
            "quote": row["quote"],
            "quoted_spans": valid_spans(row["quote"], row["quoted_spans"]),
            "quote_with_marks": shown_quote(row["quote"], row["kind"], row["quoted_spans"]),
            "kind": row["kind"],
            "cue": row["cue"],
            "said_on": row["said_on"].isoformat() if row["said_on"] else None,
            "date_precision": row["date_precision"],
            "date_basis": row["date_basis"],
            "speaker": None
            if row["speaker__id"] is None
            else {
                "id": row["speaker__id"],
                "name": row["speaker__name"],
                "slug": row["speaker__slug"],
                "country": row["speaker__country_id"],
                "html_url": page_url(serializer, "person-detail", row["speaker__slug"], kind="slug"),
            },
            "speaker_text": row["speaker_text"],
            "speaker_organization": _organization(row, "speaker_organization__"),
            "office": _office(row),
            "topics": topics[row["id"]],
            "citations": citations[row["id"]],
            "platform": row["platform"],
            "confidence": row["confidence"],
            "review_status": row["review_status"],
            "extractor_version": row["extractor_version"],
            "html_url": page_url(serializer, "statement-detail", row["id"]),
            "created_at": datetime_field.to_representation(row["created_at"]),
            "updated_at": datetime_field.to_representation(row["updated_at"]),
        }
        for row in rows
    ]
