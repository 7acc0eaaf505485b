"""A statement made citable and shareable: schema.org Quotation data, a citation line, a quote card.

Pure functions over a statement with its citations (preloaded): the view passes absolute URLs in.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from dataclasses import dataclass

from django.utils.html import escape

from statements.models import Citation, Statement
from statements.quote_text import shown_statement, shown_words

# json.dumps output inside <script>: these characters could end the element or start markup.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def speaker_name(statement: Statement) -> str:
    if statement.speaker_id and statement.speaker:
        return statement.speaker.name
    if statement.speaker_organization_id and statement.speaker_organization:
        return statement.speaker_organization.name
    return statement.speaker_text


def office_title(statement: Statement) -> str:
    tenure = statement.tenure if statement.tenure_id else None
    if tenure is None:
        return ""
    position = tenure.position
    organization = position.organization if position.organization_id else None
    return f"{position.title}, {organization.name}" if organization else position.title


def said_on_text(statement: Statement) -> str:
    day = statement.said_on
    if day is None:
        return "date unknown"
    if statement.date_precision == "year":
        return f"{day.year}"
    if statement.date_precision == "month":
        return day.strftime("%B %Y")
    return f"{day.day} {day.strftime('%B %Y')}"


def outlet_name(citation: Citation) -> str:
    article = citation.article
    return article.outlet.name if article.outlet_id and article.outlet else (article.title or "an article")


def quotation_jsonld(statement: Statement, citations: list[Citation], *, page_url: str) -> dict:
    """schema.org Quotation: the words, who spoke them, when, and the articles that reported them."""
    speaker: dict = {"@type": "Person", "name": speaker_name(statement)}
    if statement.speaker_organization_id and not statement.speaker_id:
        speaker["@type"] = "Organization"
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Quotation",
        "@id": page_url,
        "url": page_url,
        "text": shown_words(statement.quote, statement.kind, statement.quoted_spans),
        "spokenByCharacter": speaker,
        "isBasedOn": [_article_jsonld(citation) for citation in citations],
    }
    if statement.said_on:
        data["dateCreated"] = statement.said_on.isoformat()
    office = office_title(statement)
    if office:
        speaker["jobTitle"] = office
    return data


def _article_jsonld(citation: Citation) -> dict:
    article = citation.article
    item: dict = {"@type": "NewsArticle", "headline": article.title or "Untitled article"}
    if article.url:
        item["url"] = article.url
    if article.published:
        item["datePublished"] = article.published.isoformat()
    if article.outlet_id and article.outlet:
        item["publisher"] = {"@type": "Organization", "name": article.outlet.name}
    return item


def jsonld_script_body(data: dict) -> str:
    """The JSON for a <script type="application/ld+json"> element, safe against early close."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_SCRIPT_ESCAPES)


def citation_line(
    statement: Statement, citations: list[Citation], *, page_url: str, retrieved: dt.date
) -> str:
    """'Name (Office), 3 March 2025, quoted in Outlet, URL; onrecord statement 12, <page>, retrieved …'."""
    office = office_title(statement)
    who = f"{speaker_name(statement)} ({office})" if office else speaker_name(statement)
    first = citations[0] if citations else None
    if first is None:
        source = "source not on record"
    else:
        url = first.article.url or "pasted text, no URL"
        source = f"quoted in {outlet_name(first)}, {url}"
    retrieved_text = f"{retrieved.day} {retrieved.strftime('%B %Y')}"
    return (
        f"{who}, {said_on_text(statement)}, {source}; onrecord statement {statement.pk}, {page_url}, "
        f"retrieved {retrieved_text}."
    )


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class CardLayout:
    """The quote card: 1200×630 (the size sharing sites show), text wrapped by character count."""

    width: int = 1200
    height: int = 630
    margin: int = 72
    quote_size: int = 46
    # Characters per line at quote_size in a serif face (about half an em per character).
    chars_per_line: int = 40
    max_lines: int = 6
    # The line under the speaker's name, at 24px sans-serif, fits this many characters.
    details_chars: int = 86


CARD = CardLayout()


def quote_card_svg(statement: Statement, citations: list[Citation], *, is_demo: bool) -> str:
    """The quote, speaker, office, date and source as an SVG image (no fonts or images fetched)."""
    # Marks as on the pages: around a direct quote, around a mixed statement's quoted words, and
    # none around reported speech (which is the reporter's wording, not the speaker's).
    lines = textwrap.wrap(shown_statement(statement), CARD.chars_per_line) or [""]
    if len(lines) > CARD.max_lines:
        lines = lines[: CARD.max_lines]
        lines[-1] = lines[-1].rstrip(" ,.;:”") + "…" + ("”" if statement.kind == Statement.Kind.DIRECT else "")
    line_height = round(CARD.quote_size * 1.25)
    # The quote sits in the middle of the space between the header line and the speaker's name.
    space_top, space_bottom = CARD.margin + 24, CARD.height - CARD.margin - 130
    block = CARD.quote_size + (len(lines) - 1) * line_height
    top = round(space_top + (space_bottom - space_top - block) / 2 + CARD.quote_size)
    quote = "".join(
        f'<tspan x="{CARD.margin}" y="{top + i * line_height}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    office = office_title(statement)
    details = " · ".join(part for part in (office, said_on_text(statement)) if part)
    source = f"Reported by {outlet_name(citations[0])}" if citations else "Source not on record"
    details, source = (_fit(text, CARD.details_chars) for text in (details, source))
    bottom = CARD.height - CARD.margin
    sans = "font-family=\"'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif\""
    demo = (
        f'<rect x="{CARD.width - CARD.margin - 250}" y="{CARD.margin - 40}" width="250" height="48" rx="8" '
        'fill="#fff3bf"/>'
        f'<text x="{CARD.width - CARD.margin - 125}" y="{CARD.margin - 8}" text-anchor="middle" '
        f'font-size="26" font-weight="700" fill="#5c4400" {sans}>SAMPLE DATA</text>'
        if is_demo
        else ""
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{CARD.width}" height="{CARD.height}" '
        f'viewBox="0 0 {CARD.width} {CARD.height}" role="img" font-family="Georgia, \'DejaVu Serif\', serif">'
        f"<title>{escape(speaker_name(statement))}: {escape(shown_statement(statement))}</title>"
        f'<rect width="{CARD.width}" height="{CARD.height}" fill="#fbfaf7"/>'
        f'<rect width="12" height="{CARD.height}" fill="#1d3557"/>'
        f"{demo}"
        f'<text font-size="{CARD.quote_size}" fill="#14171c">{quote}</text>'
        f'<text x="{CARD.margin}" y="{bottom - 88}" font-size="36" font-weight="700" fill="#1d3557" {sans}>'
        f"{escape(speaker_name(statement))}</text>"
        f'<text x="{CARD.margin}" y="{bottom - 48}" font-size="24" fill="#4a5260" {sans}>{escape(details)}</text>'
        f'<text x="{CARD.margin}" y="{bottom - 10}" font-size="24" fill="#4a5260" {sans}>{escape(source)}</text>'
        f'<text x="{CARD.margin}" y="{CARD.margin - 8}" font-size="24" fill="#1d3557" font-weight="700" '
        f"{sans}>onrecord · statement {statement.pk}</text>"
        "</svg>"
    )
