"""Analysts' decisions on statements: verify, reject, un-reject, edit, revert.

Every decision locks the statement against re-extraction (``Statement.is_locked``) and lands in
its history with the analyst's name. Two rules hold whatever the entry point (review screen,
change form, list action, command):

- a statement with no speaker (neither a person nor an organisation) cannot be verified;
- a rejected statement stays rejected until someone un-rejects it explicitly: editing it
  records the edit but neither publishes it again nor marks it "corrected".
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from people.selectors import tenure_held_on
from statements.models import Statement
from statements.quote_text import record_words, with_marks

from .extraction import statement_quote_key

Status = Statement.ReviewStatus

# Fields an analyst edits; changing any of them makes an unreviewed or verified statement "corrected".
EDITABLE_FIELDS = frozenset(
    {
        "speaker",
        "speaker_organization",
        "speaker_text",
        "quote",
        "kind",
        "cue",
        "said_on",
        "date_precision",
        "date_basis",
        "tenure",
        "platform",
        "analyst_note",
    }
)
# Editing only these is a note, not a correction of what was extracted.
_NOTE_FIELDS = frozenset({"analyst_note"})


class ReviewError(ValueError):
    """A review step that cannot be taken, with a message that says what to do instead."""


NO_SPEAKER_MESSAGE = "A statement without a speaker cannot be verified: name the speaker first."
REJECTED_MESSAGE = "This statement is rejected: un-reject it first."


def review_stamp(statement: Statement, reviewer) -> None:
    statement.reviewed_by = reviewer
    statement.reviewed_at = timezone.now()
    statement._history_user = reviewer


def _locked(statement: Statement) -> Statement:
    """The row again, locked for this transaction, with the caller's unsaved edits kept out."""
    return Statement.objects.select_for_update().get(pk=statement.pk)


def has_speaker(statement: Statement) -> bool:
    return statement.speaker_id is not None or statement.speaker_organization_id is not None


@transaction.atomic
def statement_verify(*, statement: Statement, reviewer) -> Statement:
    """The analyst confirms the statement as extracted (or as they corrected it)."""
    statement = _locked(statement)
    if statement.review_status == Status.REJECTED:
        raise ReviewError(REJECTED_MESSAGE)
    if not has_speaker(statement):
        raise ReviewError(NO_SPEAKER_MESSAGE)
    if statement.review_status != Status.CORRECTED:  # a corrected one stays marked as corrected
        statement.review_status = Status.VERIFIED
    review_stamp(statement, reviewer)
    statement.save(update_fields=["review_status", "reviewed_by", "reviewed_at", "updated_at"])
    return statement


@transaction.atomic
def statement_reject(*, statement: Statement, reviewer, reason: str) -> Statement:
    """Not a statement (or not this speaker's): hidden from the public, kept for the record."""
    reason = (reason or "").strip()
    if not reason:
        raise ReviewError("Say why the statement is rejected.")
    statement = _locked(statement)
    statement.review_status = Status.REJECTED
    statement.reject_reason = reason[:300]
    review_stamp(statement, reviewer)
    statement.save(
        update_fields=["review_status", "reject_reason", "reviewed_by", "reviewed_at", "updated_at"]
    )
    return statement


@transaction.atomic
def statement_unreject(*, statement: Statement, reviewer) -> Statement:
    """Take a rejection back: the statement returns to the queue, unreviewed."""
    statement = _locked(statement)
    if statement.review_status != Status.REJECTED:
        return statement
    statement.review_status = Status.UNREVIEWED
    statement.reject_reason = ""
    review_stamp(statement, reviewer)
    statement.save(
        update_fields=["review_status", "reject_reason", "reviewed_by", "reviewed_at", "updated_at"]
    )
    return statement


def _speaker_follow(statement: Statement, changed: set[str]) -> None:
    """A new speaker brings their name and the office they held that day, unless both were given."""
    if "speaker" in changed and statement.speaker_id:
        statement.speaker_organization = None
        if "speaker_text" not in changed:
            statement.speaker_text = statement.speaker.name[:300]
    if "speaker_organization" in changed and statement.speaker_organization_id:
        statement.speaker = None
        if "speaker_text" not in changed:
            statement.speaker_text = statement.speaker_organization.name[:300]
    if changed & {"speaker", "speaker_organization", "said_on"} and "tenure" not in changed:
        on = statement.said_on
        statement.tenure = (
            tenure_held_on(person=statement.speaker, on=on) if statement.speaker and on else None
        )


def _words_follow(statement: Statement, printed: str | None) -> None:
    """The stored words after an edit of the quote (given as printed, marks and all) or the kind:
    marks off, a mixed statement's quoted fragments kept as spans."""
    if printed is None:  # only the kind changed, or a version restored: its words as shown
        mixed = statement.kind == Statement.Kind.MIXED
        printed = with_marks(statement.quote, statement.quoted_spans) if mixed else statement.quote
    statement.quote, statement.quoted_spans = record_words(printed, statement.kind)
    if not statement.quote:
        raise ReviewError("Give the speaker's words.")


def statement_rekey(statement: Statement) -> None:
    """Recompute the natural key after the speaker or the quote changed; refuse to collide."""
    key = statement_quote_key(
        person=statement.speaker,
        organization=statement.speaker_organization,
        speaker_text=statement.speaker_text,
        quote=statement.quote,
    )
    if key == statement.quote_key:
        return
    twin = (
        Statement.objects.filter(quote_key=key).exclude(pk=statement.pk).values_list("pk", flat=True).first()
    )
    if twin:
        raise ReviewError(
            f"Statement #{twin} already records these words by this speaker: reject this one as a duplicate."
        )
    statement.quote_key = key


@transaction.atomic
def statement_edit(*, statement: Statement, reviewer, changes: dict) -> Statement:
    """Apply an analyst's edits. The statement becomes "corrected", unless it is rejected: then it stays so."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ReviewError(f"Not editable here: {', '.join(sorted(unknown))}.")
    fresh = _locked(statement)
    words_before = (fresh.quote, fresh.quoted_spans)
    changed = {name for name, value in changes.items() if name != "quote" and getattr(fresh, name) != value}
    for name in changed:
        setattr(fresh, name, changes[name])
    if "quote" in changes or "kind" in changed:
        _words_follow(fresh, printed=changes.get("quote"))
        if (fresh.quote, fresh.quoted_spans) != words_before:
            changed.add("quote")
    if not changed:
        return fresh
    _speaker_follow(fresh, changed)
    if not fresh.speaker_text.strip():
        raise ReviewError("Give the speaker as written (or choose a person).")
    statement_rekey(fresh)
    if fresh.review_status != Status.REJECTED and changed - _NOTE_FIELDS:
        fresh.review_status = Status.CORRECTED
    review_stamp(fresh, reviewer)
    fresh.save()
    return fresh


def statements_review(
    *, statements: Iterable[Statement], status: str, reviewer, reason: str = ""
) -> tuple[int, int]:
    """Verify, reject or un-reject many statements; returns (changed, skipped with the reason why)."""
    ids = [statement.pk for statement in statements]
    changed = skipped = 0
    for statement in Statement.objects.filter(pk__in=ids).order_by("pk"):
        try:
            with transaction.atomic():
                if status == Status.VERIFIED:
                    statement_verify(statement=statement, reviewer=reviewer)
                elif status == Status.REJECTED:
                    statement_reject(statement=statement, reviewer=reviewer, reason=reason)
                elif status == Status.UNREVIEWED:
                    statement_unreject(statement=statement, reviewer=reviewer)
                else:
                    raise ValueError(f"Not a bulk review status: {status}")
        except ReviewError:
            skipped += 1
        else:
            changed += 1
    return changed, skipped


# What a revert restores: the fields an analyst edits plus the decision itself.
REVERTED_FIELDS = EDITABLE_FIELDS | {"review_status", "reject_reason", "quoted_spans"}


@transaction.atomic
def statement_revert(*, statement: Statement, history_id: int, reviewer) -> Statement:
    """Put the statement back as it was in one of its historical versions (itself a new version)."""
    version = statement.history.filter(history_id=history_id).first()
    if version is None:
        raise ReviewError("That version is not in this statement's history.")
    fresh = _locked(statement)
    for name in REVERTED_FIELDS:
        attname = Statement._meta.get_field(name).attname
        setattr(fresh, attname, getattr(version, attname))
    _words_follow(fresh, printed=None)  # a version from before quoted spans: its marks come off
    statement_rekey(fresh)
    review_stamp(fresh, reviewer)
    fresh._change_reason = f"Reverted to the version of {version.history_date:%Y-%m-%d %H:%M}"
    fresh.save()
    return fresh


@transaction.atomic
def statement_mark_corrected(*, statement: Statement, reviewer) -> Statement:
    """Record that an analyst changed something about the statement (its topics, a citation)."""
    fresh = _locked(statement)
    if fresh.review_status != Status.REJECTED:
        fresh.review_status = Status.CORRECTED
    review_stamp(fresh, reviewer)
    fresh.save(update_fields=["review_status", "reviewed_by", "reviewed_at", "updated_at"])
    return fresh
