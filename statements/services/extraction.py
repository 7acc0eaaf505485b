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
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.text import slugify

from extraction.names import looks_like_person_name
from extraction.types import ExtractedStatement, SpeakerType
from people.models import DatePrecision, Organization, Person
from people.normalize import normalize_name
from people.selectors import office_holder_on, people_by_alias, person_find, tenures_held_on
from people.services import (
    SpeakerRef,
    lookups_cached,
    organization_get_or_create,
    person_get_or_create,
    position_get_or_create,
    position_is_complete,
    tenure_record_from_text,
)
from statements.ingest.dedupe import normalize_quote, same_remark
from statements.models import Article, Citation, Statement, StatementTopic, TenureEvidence, Topic
from statements.quote_text import valid_spans

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
    *, item: ExtractedStatement, article: Article, known: dict | None = None, evidence: dict | None = None
) -> tuple[Person | None, Organization | None]:
    """The Person or Organization an extracted speaker denotes, created when new.

    ``known``: exact alias matches of the article's speaker names, looked up in one query
    (``people_by_alias``) before the article's statements are saved. ``evidence``: where to
    collect the article's tenure evidence, by tenure, to be written at once; without it each
    is written now.
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
        tenure = tenure_record_from_text(
            person=person, position=position, on=on, former=mention.role_is_former
        )
        if tenure is not None and evidence is None:
            tenure_evidence_record(tenure=tenure, article=article, seen_on=on, former=mention.role_is_former)
        elif tenure is not None:
            # The first sighting in the article is the one kept, as tenure_evidence_record keeps it.
            basis = TenureEvidence.Basis.FORMER if mention.role_is_former else TenureEvidence.Basis.IN_OFFICE
            evidence.setdefault(
                tenure.pk, TenureEvidence(tenure=tenure, article=article, seen_on=on, basis=basis)
            )
    return person, None


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
    return (
        m.type,
        m.name,
        m.text if not m.name else "",
        m.role,
        m.role_is_former,
        m.country,
        m.organization,
        on,
    )


@dataclass
class _Entry:
    """One extracted statement to save: its speaker resolved, then the Statement it goes to."""

    item: ExtractedStatement
    printed: str
    person: Person | None
    org: Organization | None
    key: str
    statement: Statement | None = None
    # The statement is inserted by this save (its topic links are new too).
    fresh: bool = False


@dataclass
class _Save:
    """One article's save: what it looked up once, and the rows it writes together."""

    article: Article
    version: str
    citations: dict[tuple[int, int], Citation]
    speakers: dict = field(default_factory=dict)
    topics: dict = field(default_factory=dict)
    evidence: dict = field(default_factory=dict)
    # Per speaker, the newest statements first (pk or unsaved Statement, quote): same-remark candidates.
    remarks: dict = field(default_factory=dict)
    # Statements read so far, by pk: a remark reached twice is one object, its changes seen.
    loaded: dict[int, Statement] = field(default_factory=dict)
    new: list[Statement] = field(default_factory=list)


def _article_citations(article: Article) -> dict[tuple[int, int], Citation]:
    """The article's citations by span, each with its statement's review status (one query)."""
    rows = Citation.objects.filter(article=article).annotate(review_status=F("statement__review_status"))
    return {(c.start, c.end): c for c in rows}


def _entries_resolve(save: _Save, extracted: Sequence[ExtractedStatement], known: dict) -> list[_Entry]:
    """The statements worth saving, in saving order, their speakers resolved (each mention once)."""
    article = save.article
    decided = [
        (c.start, c.end)
        for c in save.citations.values()
        if c.review_status != Statement.ReviewStatus.UNREVIEWED
    ]
    # Named speakers first: the offices they record let "the Danish climate minister" resolve.
    ordered = sorted(extracted, key=lambda item: not looks_like_person_name(item.speaker.name or ""))
    entries = []
    with lookups_cached():
        for item in ordered:
            printed = article.text[item.start : item.end]
            if not quote_fits_span(item.quote, printed):
                logger.warning(
                    "article %s: dropping a statement whose offsets do not match its quote", article.pk
                )
                continue
            if any(start < item.end and item.start < end for start, end in decided):
                # An analyst verified, corrected (perhaps re-spanned) or rejected these words: their decision
                # stands, and the extractor's own span of them is not added again as a new statement.
                continue
            cache_key = _speaker_cache_key(item, article)
            if cache_key not in save.speakers:
                save.speakers[cache_key] = speaker_resolve(
                    item=item, article=article, known=known, evidence=save.evidence
                )
            person, org = save.speakers[cache_key]
            speaker_text = (item.speaker.text or item.speaker.name or "")[:300]
            key = statement_quote_key(
                person=person,
                organization=org,
                speaker_text=item.speaker.name or speaker_text,
                quote=item.quote,
            )
            entries.append(_Entry(item=item, printed=printed, person=person, org=org, key=key))
    return entries


def _remarks_of(save: _Save, entry: _Entry) -> list | None:
    """The speaker's newest statements (pk, quote), read once per article; None without a speaker."""
    if entry.person is None and entry.org is None:
        return None
    speaker = ("person", entry.person.pk) if entry.person else ("org", entry.org.pk)
    if speaker not in save.remarks:
        rows = (
            Statement.objects.filter(speaker=entry.person)
            if entry.person
            else Statement.objects.filter(speaker_organization=entry.org)
        )
        save.remarks[speaker] = list(rows.order_by("-id").values_list("pk", "quote")[:SAME_REMARK_CANDIDATES])
    return save.remarks[speaker]


def _same_remark_statement(save: _Save, entry: _Entry) -> Statement | None:
    """A statement of the same speaker that reports the same remark, newest first."""
    remarks = _remarks_of(save, entry)
    for ref, other in remarks or ():
        if not same_remark(entry.item.quote, other):
            continue
        if isinstance(ref, Statement):
            return ref
        if ref not in save.loaded:
            save.loaded[ref] = Statement.objects.get(pk=ref)
        return save.loaded[ref]
    return None


def _statement_new(save: _Save, entry: _Entry, said_on, precision, basis) -> Statement:
    item = entry.item
    speaker_text = (item.speaker.text or item.speaker.name or "")[:300]
    statement = Statement(
        speaker=entry.person,
        speaker_organization=entry.org,
        speaker_text=(item.speaker.name or speaker_text)[:300],
        quote=item.quote,
        quoted_spans=valid_spans(item.quote, item.quoted_spans),
        quote_key=entry.key,
        kind=item.kind,
        cue=item.cue[:60],
        said_on=said_on,
        date_precision=precision,
        date_basis=basis,
        platform=item.platform[:40],
        confidence=item.confidence,
        extractor_version=save.version,
    )
    save.new.append(statement)
    remarks = _remarks_of(save, entry)
    if remarks is not None:
        # The newest statement of its speaker now: later reports in the article are compared with it first.
        remarks.insert(0, (statement, item.quote))
        del remarks[SAME_REMARK_CANDIDATES:]
    return statement


def _statements_match(save: _Save, entries: list[_Entry]) -> None:
    """Each entry's statement: known by its key (one query for the article), the same remark by
    its speaker, or a new one (inserted by ``_statements_insert``)."""
    by_key = Statement.objects.in_bulk({entry.key for entry in entries}, field_name="quote_key")
    save.loaded.update((statement.pk, statement) for statement in by_key.values())
    for entry in entries:
        said_on, precision, basis = statement_date(item=entry.item, article=save.article)
        statement = by_key.get(entry.key) or _same_remark_statement(save, entry)
        if statement is None:
            statement = by_key[entry.key] = _statement_new(save, entry, said_on, precision, basis)
        elif not statement.is_locked and _dates_better(said_on, basis, statement):
            # The earliest report dates the remark; a known date beats an ingest day.
            statement.said_on, statement.date_precision, statement.date_basis = said_on, precision, basis
            if statement.pk is not None:
                statement.save(update_fields=["said_on", "date_precision", "date_basis", "updated_at"])
        entry.statement, entry.fresh = statement, statement.pk is None


def _statements_insert(save: _Save, entries: list[_Entry]) -> None:
    """Insert the article's new statements, with their offices and history, in one go.

    When another worker saved one of the same remarks meanwhile, the batch is undone and each is
    inserted on its own; a remark that exists now is used as found.
    """
    if not save.new:
        return
    held = tenures_held_on((s.speaker_id, s.said_on) for s in save.new if s.speaker_id)
    for statement in save.new:
        statement.tenure = held.get((statement.speaker_id, statement.said_on))
    try:
        with transaction.atomic():
            Statement.objects.bulk_create(save.new)
            Statement.history.bulk_history_create(save.new, default_change_reason=None)
        return
    except IntegrityError:
        pass
    for statement in save.new:
        statement.pk = None
        try:
            with transaction.atomic():
                statement.save(force_insert=True)
        except IntegrityError:  # another worker saved the same remark a moment ago
            existing = Statement.objects.get(quote_key=statement.quote_key)
            for entry in entries:
                if entry.statement is statement:
                    entry.statement, entry.fresh = existing, False


def _topic(save: _Save, suggestion) -> Topic | None:
    """The suggested topic's row (looked up once per article), created when the extractor proposes a new one."""
    if suggestion.topic not in save.topics:
        save.topics[suggestion.topic] = Topic.objects.filter(name=suggestion.topic).first()
    topic = save.topics[suggestion.topic]
    if topic is None and suggestion.suggested:
        topic, _ = Topic.objects.get_or_create(
            slug=slugify(suggestion.topic)[:140] or "topic",
            defaults={"name": suggestion.topic[:120], "is_suggested": True},
        )
        save.topics[suggestion.topic] = topic
    return topic


def _link_values(suggestion) -> dict:
    return {
        "relevance": round(float(suggestion.score), 3),
        "stance": suggestion.stance,
        "stance_confidence": round(float(suggestion.stance_confidence), 3),
        "assigned_by": StatementTopic.AssignedBy.MODEL,
    }


def _changes_save(row, values: dict) -> None:
    """Write only the fields whose values changed, and nothing (no history row) when none did."""
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    for name in changed:
        setattr(row, name, values[name])
    if changed:
        row.save(update_fields=changed)


def _link_update(links: dict, statement: Statement, topic: Topic, values: dict) -> None:
    """Set a known statement's link to a topic, unless an analyst decided it."""
    link = links.get((statement.pk, topic.pk))
    if link is None:
        links[(statement.pk, topic.pk)], _ = StatementTopic.objects.update_or_create(
            statement=statement, topic=topic, defaults=values
        )
    elif not (link.assigned_by == StatementTopic.AssignedBy.ANALYST or link.stance_confirmed):
        _changes_save(link, values)  # unless an analyst decided it


def _topics_save(save: _Save, entries: list[_Entry]) -> None:
    """Topic links: a new statement's in one insert; a known statement's compared with what it has."""
    known = [e.statement.pk for e in entries if not e.fresh and not e.statement.is_locked and e.item.topics]
    links = {
        (link.statement_id, link.topic_id): link
        for link in StatementTopic.objects.filter(statement__in=known)
    }
    fresh: dict[tuple[int, int], StatementTopic] = {}
    for entry in entries:
        if entry.statement.is_locked:
            continue
        linked: set[int] = set()
        for suggestion in entry.item.topics:
            topic = _topic(save, suggestion)
            if topic is None or topic.pk in linked:
                continue  # not a topic on record, or two suggestions naming one topic
            linked.add(topic.pk)
            values = _link_values(suggestion)
            if entry.fresh:
                # A later report of the same new remark sets the link again, as an update would.
                fresh[(entry.statement.pk, topic.pk)] = StatementTopic(
                    statement=entry.statement, topic=topic, **values
                )
            else:
                _link_update(links, entry.statement, topic, values)
    if fresh:
        rows = StatementTopic.objects.bulk_create(fresh.values())
        StatementTopic.history.bulk_history_create(rows, default_change_reason=None)


def _citations_save(save: _Save, entries: list[_Entry]) -> set[int]:
    """One citation per entry's span: the article's own updated when it changed, the new ones in one insert."""
    kept, new = set(), {}
    for entry in entries:
        item = entry.item
        fields = {
            "statement_id": entry.statement.pk,
            "text": entry.printed,  # the citation keeps the text as printed; the statement keeps the words
            "speaker_text": (item.speaker.text or item.speaker.name)[:300],
            "cue": item.cue[:60],
            "extractor_version": save.version,
        }
        span = (item.start, item.end)
        citation = save.citations.get(span)
        if citation is None:
            # The article row is locked by the caller: no other run can create this span meanwhile.
            # A span reported twice keeps its last report, as an update would.
            new[span] = Citation(article=save.article, start=item.start, end=item.end, **fields)
        else:
            _changes_save(citation, fields)
            kept.add(citation.pk)
    kept.update(c.pk for c in Citation.objects.bulk_create(new.values()))
    return kept


def _stale_citations_remove(save: _Save, kept: set[int]) -> None:
    """Remove the extractor's earlier citations this run did not find again, and statements left with none."""
    if all(c.pk in kept for c in save.citations.values()):
        # Only extraction adds unreviewed citations, under the article's lock; an analyst's are never stale.
        return
    stale = (
        Citation.objects.filter(article=save.article)
        .exclude(pk__in=kept)
        .exclude(
            statement__review_status__in=[
                Statement.ReviewStatus.VERIFIED,
                Statement.ReviewStatus.CORRECTED,
                Statement.ReviewStatus.REJECTED,
            ]
        )
    )
    orphan_candidates = set(stale.values_list("statement_id", flat=True))
    stale.delete()
    Statement.objects.filter(
        pk__in=orphan_candidates, citations__isnull=True, review_status=Statement.ReviewStatus.UNREVIEWED
    ).delete()


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


# Inside the caller's transaction (the article row locked) no savepoint of its own is needed.
@transaction.atomic(savepoint=False)
def article_statements_save(
    *, article: Article, extracted: Sequence[ExtractedStatement], version: str
) -> int:
    """Replace the extractor's statements for this article with ``extracted``; returns how many were kept.

    The queries do not grow with the number of statements: speakers are resolved once per
    mention, then statements, topic links, citations and tenure evidence are read and written
    for the whole article at once.
    """
    # Every speaker name of the article looked up at once, not one query per new speaker.
    known = people_by_alias(item.speaker.name for item in extracted if item.speaker.name)
    save = _Save(article=article, version=version, citations=_article_citations(article))
    entries = _entries_resolve(save, extracted, known)
    _statements_match(save, entries)
    _statements_insert(save, entries)
    for entry in entries:
        if not entry.statement.is_locked:
            _targets_save(entry.statement, entry.item, entry.person)
    _topics_save(save, entries)
    kept = _citations_save(save, entries)
    # A tenure seen twice keeps its first sighting, in the article or before it.
    TenureEvidence.objects.bulk_create(save.evidence.values(), ignore_conflicts=True)
    _stale_citations_remove(save, kept)
    return len(kept)
