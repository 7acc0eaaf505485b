"""Reading the review screen's small forms: each posts only the fields it edits.

Parsing lives here so the views stay thin; every problem becomes a ReviewError whose message
the screen shows as it is.
"""

from __future__ import annotations

import datetime as dt

from people.models import DatePrecision, Person
from people.services import person_create
from statements.models import Statement, StatementTopic, Topic
from statements.review_selectors import person_by_name
from statements.services.review import ReviewError

REJECT_REASONS = [
    "Not speech: a scare quote, a title or a phrase nobody said",
    "Page furniture: headline, caption, byline or a link",
    "Not this speaker's words and no speaker can be named",
    "The same remark is already on record",
    "Not a public figure's statement",
]


def reject_reason(post) -> str:
    """The preset reason chosen, or the analyst's own words when they gave some."""
    own = (post.get("reason_text") or "").strip()
    if own:
        return own
    preset = post.get("reason") or ""
    return preset if preset in REJECT_REASONS else ""


def int_field(post, name: str) -> int:
    try:
        return int(post.get(name, ""))
    except ValueError:
        raise ReviewError(f"{name.replace('_', ' ').capitalize()} is not a number.") from None


def speaker_chosen(post, *, prefix: str = "") -> Person:
    """The person named in a speaker field: chosen from the list, matched exactly, or new when asked."""
    chosen = (post.get(f"{prefix}speaker_id") or "").strip()
    name = " ".join((post.get(f"{prefix}speaker_name") or "").split())
    if chosen.isdigit():
        person = Person.objects.filter(pk=int(chosen), merged_into__isnull=True).first()
        if person is None:
            raise ReviewError("That person is no longer on record (merged or deleted): choose again.")
        return person
    if not name:
        raise ReviewError("Name the speaker.")
    if post.get(f"{prefix}new_person"):
        return person_create(name=name[:200])
    person = person_by_name(name)
    if person is None:
        raise ReviewError(
            f"No single person on record is called “{name}”: choose from the list, or add a new person."
        )
    return person


def statement_changes(post, statement: Statement) -> dict:
    """Field changes posted for a statement (only the fields the form sent)."""
    changes: dict = {}
    if "speaker_name" in post or "speaker_id" in post:
        changes["speaker"] = speaker_chosen(post)
    if "kind" in post:
        if post["kind"] not in Statement.Kind.values:
            raise ReviewError("Choose a kind from the list.")
        changes["kind"] = post["kind"]
    if "said_on" in post:
        try:
            changes["said_on"] = dt.date.fromisoformat(post["said_on"]) if post["said_on"] else None
        except ValueError:
            raise ReviewError("The date is not a date (use YYYY-MM-DD).") from None
    if "date_precision" in post:
        if post["date_precision"] not in DatePrecision.values:
            raise ReviewError("Choose a date precision from the list.")
        changes["date_precision"] = post["date_precision"]
    if "tenure" in post:
        changes["tenure"] = _tenure_chosen(post["tenure"], changes.get("speaker") or statement.speaker)
    if "analyst_note" in post:
        changes["analyst_note"] = post["analyst_note"].strip()
    return changes


def _tenure_chosen(value: str, speaker: Person | None):
    if not value:
        return None
    if speaker is None or not value.isdigit():
        raise ReviewError("Choose an office the speaker held.")
    tenure = speaker.tenures.filter(pk=int(value)).first()
    if tenure is None:
        raise ReviewError("That office is not one of the speaker's.")
    return tenure


def topic_changes(post) -> tuple[dict[Topic, str], list[Topic]]:
    """Stances set (topic -> stance) and topics removed, from the topics form."""
    stances: dict[Topic, str] = {}
    removed: list[Topic] = []
    ids = {int(k.split("-", 1)[1]) for k in post if k.startswith("stance-") and k.split("-", 1)[1].isdigit()}
    add = post.get("add_topic") or ""
    if add.isdigit():
        ids.add(int(add))
    topics = Topic.objects.in_bulk(ids)
    for topic_id, topic in topics.items():
        stance = post.get(f"stance-{topic_id}") or post.get("add_stance") or StatementTopic.Stance.UNCLEAR
        if stance == "remove":
            removed.append(topic)
        elif stance in StatementTopic.Stance.values:
            stances[topic] = stance
        else:
            raise ReviewError("Choose a stance from the list.")
    return stances, removed
