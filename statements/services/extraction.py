"""From extracted records to rows: speakers resolved, statements upserted, citations kept exact.

Reports of one remark merge into one Statement: the natural key is the speaker plus the
normalised quote (``Statement.quote_key``, unique), and a near-identical printing of a
known remark by the same speaker (a trimmed word, an ellipsis) joins it as another Citation.
Re-running extraction over an article replaces the extractor's own rows for that article and
never touches a statement an analyst has verified, corrected or rejected.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from functools import lru_cache

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from extraction.names import looks_like_person_name
from extraction.types import ExtractedStatement, SpeakerType
from people.models import DatePrecision, Organization, Person
from people.normalize import normalize_name
from people.selectors import office_holder_on, people_by_alias, person_find, tenure_held_on
from people.services import (
    SpeakerRef,
    organization_get_or_create,
    person_get_or_create,
    position_get_or_create,
    position_is_complete,
    tenure_record_from_text,
)
from statements.ingest.dedupe import normalize_quote, same_remark
from statements.models import Article, Citation, Statement, StatementTopic, Topic

from .article_steps import article_ingest_day, article_publication_date
from .tenure_evidence import tenure_evidence_record

logger = logging.getLogger(__name__)

# How many of a speaker's statements to compare a new quote against when looking for the same remark.
SAME_REMARK_CANDIDATES = 500


def extraction_run(*, article: Article) -> list[ExtractedStatement]:
    """Run the extractor over the article's text (no database writes)."""
    from extraction import extract
    from extraction.nlp import load

    topics = list(Topic.objects.filter(is_suggested=False).values("name", "keywords"))
    # An unknown publication date stays unknown: dates then come from the text alone, and
    # statements without one are dated by the ingest day, saying so (statement_date).
    return extract(
        article.text,
        published=article.published,
        title=article.title or None,
        topics=topics,
        embed=topic_embedder(),
        nlp=load(settings.SPACY_MODEL),
    )


def extraction_prepare() -> None:
    """Load the spaCy pipeline now rather than on the first article (worker start-up)."""
    from extraction.nlp import load

    load(settings.SPACY_MODEL)


@lru_cache(maxsize=1)
def _load_embedder():
    from .embeddings import embeddings_available, load_embedder

    if not embeddings_available():
        return None
    try:
        return load_embedder()
    except Exception:  # the optional model is missing or broken: keywords alone still work
        logger.warning("topic embeddings unavailable; using keywords only", exc_info=True)
        return None


def topic_embedder():
    """The sentence embedder of the optional `embeddings` extra, or None."""
    return _load_embedder() if settings.TOPIC_EMBEDDINGS else None


def _speaker_key(person: Person | None, org: Organization | None, speaker_text: str) -> str:
    if person is not None:
        return f"person:{person.pk}"
    if org is not None:
        return f"org:{org.pk}"
    return f"text:{normalize_name(speaker_text)}"


def statement_quote_key(
    *, person: Person | None, organization: Organization | None, speaker_text: str, quote: str
) -> str:
    """A remark's natural key (``Statement.quote_key``): who said it and the normalised quote.

    Who is the person, else the body, else the speaker as written.
    """
    who = _speaker_key(person, organization, speaker_text)
    return hashlib.sha256(f"{who}\n{normalize_quote(quote)}".encode()).hexdigest()


def speaker_resolve(
    *, item: ExtractedStatement, article: Article, known: dict | None = None
) -> tuple[Person | None, Organization | None]:
    """The Person or Organization an extracted speaker denotes, created when new.

    ``known``: exact alias matches of the article's speaker names, looked up in one query
    (``people_by_alias``) before the article's statements are saved.
    """
    mention = item.speaker
    on = item.date or article_publication_date(article)
    if mention.type == SpeakerType.ORGANIZATION:
        name = mention.name or mention.text
        if not name or not name[:1].isupper():
            return None, None  # "environmental groups" is not a body one can look up
        return None, organization_get_or_create(name=name, country_code=mention.country)
    if mention.type != SpeakerType.PERSON:
        return None, None
    if not mention.name or not looks_like_person_name(mention.name):
        # Named only by office ("the French foreign minister"): whoever held it that day.
        return office_holder_on(role=mention.role, country_code=mention.country, on=on), None
    if len(mention.name.split()) == 1:
        # A surname the article never expanded: only an existing, unambiguous person will do.
        return person_find(name=mention.name, country_code=mention.country, known=known), None
    ref = SpeakerRef(
        name=mention.name,
        role=mention.role,
        role_is_former=mention.role_is_former,
        country=mention.country,
        organization=mention.organization,
    )
    person, _ = person_get_or_create(ref=ref, known=known)
    if mention.role and position_is_complete(
        title=mention.role, country_code=mention.country, has_organization=bool(mention.organization)
    ):
        # An office needs a country or a body to mean anything: "the president" alone is not one.
        org = (
            organization_get_or_create(name=mention.organization, country_code=mention.country)
            if mention.organization
            else None
        )
        position = position_get_or_create(title=mention.role, country_code=mention.country, organization=org)
        tenure = tenure_record_from_text(person=person, position=position, on=on, former=mention.role_is_former)
        if tenure is not None:
            tenure_evidence_record(tenure=tenure, article=article, seen_on=on, former=mention.role_is_former)
    return person, None


def _same_remark_statement(*, person: Person | None, org: Organization | None, quote: str) -> Statement | None:
    if person is None and org is None:
        return None
    candidates = Statement.objects.filter(speaker=person) if person else Statement.objects.filter(speaker_organization=org)
    for pk, other in candidates.order_by("-id").values_list("pk", "quote")[:SAME_REMARK_CANDIDATES]:
        if same_remark(quote, other):
            return Statement.objects.get(pk=pk)
    return None


def _topics_save(statement: Statement, item: ExtractedStatement, *, topics: dict, new: bool) -> None:
    """Topic links for a statement; ``topics`` caches Topic rows by name for the article's run."""
    linked: set[int] = set()
    for suggestion in item.topics:
        if suggestion.topic not in topics:
            topics[suggestion.topic] = Topic.objects.filter(name=suggestion.topic).first()
        topic = topics[suggestion.topic]
        if topic is None:
            if not suggestion.suggested:
                continue
            topic, _ = Topic.objects.get_or_create(
                slug=slugify(suggestion.topic)[:140] or "topic",
                defaults={"name": suggestion.topic[:120], "is_suggested": True},
            )
            topics[suggestion.topic] = topic
        if topic.pk in linked:
            continue  # two suggestions naming one topic
        linked.add(topic.pk)
        # A statement created in this run has no links yet: nothing to look up.
        link = None if new else StatementTopic.objects.filter(statement=statement, topic=topic).first()
        if link and (link.assigned_by == StatementTopic.AssignedBy.ANALYST or link.stance_confirmed):
            continue  # an analyst decided: keep it
        values = {
            "relevance": round(float(suggestion.score), 3),
            "stance": suggestion.stance,
            "stance_confidence": round(float(suggestion.stance_confidence), 3),
            "assigned_by": StatementTopic.AssignedBy.MODEL,
        }
        if new:
            StatementTopic.objects.create(statement=statement, topic=topic, **values)
        else:
            StatementTopic.objects.update_or_create(statement=statement, topic=topic, defaults=values)


def _targets_save(statement: Statement, item: ExtractedStatement, speaker: Person | None) -> None:
    for name in item.targets:
        if len(name.split()) < 2:
            continue
        target = person_find(name=name)
        if target is not None and target != speaker:
            statement.targets.add(target)


def statement_date(*, item: ExtractedStatement, article: Article) -> tuple:
    """(said_on, precision, basis) to store: the date the text or the publication date gives,
    else the ingest day as an upper bound, labelled as such (never as the publication date)."""
    if item.date is not None:
        return item.date, item.date_precision, item.date_basis
    if article.published is not None:
        return article.published, DatePrecision.DAY, Statement.DateBasis.PUBLISHED
    return article_ingest_day(article), DatePrecision.DAY, Statement.DateBasis.INGESTED


def _speaker_cache_key(item: ExtractedStatement, article: Article) -> tuple:
    m = item.speaker
    on = item.date or article_publication_date(article)
    return (m.type, m.name, m.text if not m.name else "", m.role, m.role_is_former, m.country, m.organization, on)


def _statement_upsert(
    *, item: ExtractedStatement, article: Article, version: str, speakers: dict, topics: dict, known: dict
) -> Statement:
    # One article names the same speaker many times: resolve each distinct mention once.
    cache_key = _speaker_cache_key(item, article)
    if cache_key not in speakers:
        speakers[cache_key] = speaker_resolve(item=item, article=article, known=known)
    person, org = speakers[cache_key]
    speaker_text = (item.speaker.text or item.speaker.name or "")[:300]
    key = statement_quote_key(
        person=person, organization=org, speaker_text=item.speaker.name or speaker_text, quote=item.quote
    )
    said_on, precision, basis = statement_date(item=item, article=article)
    statement = Statement.objects.filter(quote_key=key).first() or _same_remark_statement(
        person=person, org=org, quote=item.quote
    )
    new = statement is None
    if statement is None:
        try:
            with transaction.atomic():
                statement = Statement.objects.create(
                    speaker=person,
                    speaker_organization=org,
                    speaker_text=(item.speaker.name or speaker_text)[:300],
                    quote=item.quote,
                    quote_key=key,
                    kind=item.kind,
                    cue=item.cue[:60],
                    said_on=said_on,
                    date_precision=precision,
                    date_basis=basis,
                    tenure=tenure_held_on(person=person, on=said_on) if person else None,
                    platform=item.platform[:40],
                    confidence=item.confidence,
                    extractor_version=version,
                )
        except IntegrityError:  # another worker saved the same remark a moment ago
            statement, new = Statement.objects.get(quote_key=key), False
    elif not statement.is_locked and _dates_better(said_on, basis, statement):
        # The earliest report dates the remark; a known date beats an ingest day.
        statement.said_on, statement.date_precision, statement.date_basis = said_on, precision, basis
        statement.save(update_fields=["said_on", "date_precision", "date_basis", "updated_at"])
    if not statement.is_locked:
        _topics_save(statement, item, topics=topics, new=new)
        _targets_save(statement, item, person)
    return statement


def _decided_spans(article: Article) -> list[tuple[int, int]]:
    """Spans of this article's citations whose statements an analyst has decided on."""
    return list(
        Citation.objects.filter(article=article)
        .exclude(statement__review_status=Statement.ReviewStatus.UNREVIEWED)
        .values_list("start", "end")
    )


def _dates_better(said_on, basis: str, statement: Statement) -> bool:
    unknown = (Statement.DateBasis.INGESTED, Statement.DateBasis.UNKNOWN)
    if basis in unknown:
        return statement.said_on is None
    if statement.said_on is None or statement.date_basis in unknown:
        return True
    return said_on < statement.said_on


_WORD = re.compile(r"\w+")


def _words_of(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def quote_fits_span(quote: str, printed: str) -> bool:
    """Every word of the quote appears in the printed span, in order (marks and an interrupting
    cue may sit between them): the check a statement passes before it is stored."""
    words = _words_of(quote)
    rest = iter(_words_of(printed))
    return bool(words) and all(any(w == p for p in rest) for w in words)


@transaction.atomic
def article_statements_save(*, article: Article, extracted: Sequence[ExtractedStatement], version: str) -> int:
    """Replace the extractor's statements for this article with ``extracted``; returns how many were kept."""
    kept: set[int] = set()
    speakers: dict = {}
    # Every speaker name of the article looked up at once, not one query per new speaker.
    known = people_by_alias(item.speaker.name for item in extracted if item.speaker.name)
    topics: dict = {}
    decided = _decided_spans(article)
    # Named speakers first: the offices they record let "the Danish climate minister" resolve.
    ordered = sorted(extracted, key=lambda item: not looks_like_person_name(item.speaker.name or ""))
    for item in ordered:
        printed = article.text[item.start : item.end]
        if not quote_fits_span(item.quote, printed):
            logger.warning("article %s: dropping a statement whose offsets do not match its quote", article.pk)
            continue
        if any(start < item.end and item.start < end for start, end in decided):
            # An analyst verified, corrected (perhaps re-spanned) or rejected these words: their decision stands,
            # and the extractor's own span of them is not added again as a new statement.
            continue
        existing = Citation.objects.filter(article=article, start=item.start, end=item.end).select_related("statement")
        citation = existing.first()
        statement = _statement_upsert(
            item=item, article=article, version=version, speakers=speakers, topics=topics, known=known
        )
        fields = {
            "statement": statement,
            "text": printed,  # the citation keeps the text as printed; the statement keeps the words
            "speaker_text": (item.speaker.text or item.speaker.name)[:300],
            "cue": item.cue[:60],
            "extractor_version": version,
        }
        if citation is None:
            # The article row is locked by the caller: no other run can create this span meanwhile.
            citation = Citation.objects.create(article=article, start=item.start, end=item.end, **fields)
        else:
            for name, value in fields.items():
                setattr(citation, name, value)
            citation.save(update_fields=list(fields))
        kept.add(citation.pk)
    stale = Citation.objects.filter(article=article).exclude(pk__in=kept).exclude(
        statement__review_status__in=[
            Statement.ReviewStatus.VERIFIED,
            Statement.ReviewStatus.CORRECTED,
            Statement.ReviewStatus.REJECTED,
        ]
    )
    orphan_candidates = set(stale.values_list("statement_id", flat=True))
    stale.delete()
    Statement.objects.filter(
        pk__in=orphan_candidates, citations__isnull=True, review_status=Statement.ReviewStatus.UNREVIEWED
    ).delete()
    return len(kept)
