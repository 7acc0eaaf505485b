"""Topics analysts define, and the suggestions the extractor makes about them."""

from django.db import transaction
from django.utils.text import slugify

from statements.models import StatementTopic, Topic


def topic_define(*, name: str, description: str = "", keywords: list[str] | None = None) -> Topic:
    """Create a topic or update its description and keywords; analysts' own edits win on later runs."""
    topic, created = Topic.objects.get_or_create(
        name=name,
        defaults={"slug": slugify(name)[:140], "description": description, "keywords": keywords or []},
    )
    if not created and not topic.keywords and keywords:
        topic.keywords = keywords
        topic.save(update_fields=["keywords", "updated_at"])
    return topic


@transaction.atomic
def statement_topic_set(*, statement, topic: Topic, stance: str) -> StatementTopic:
    """An analyst puts a statement in a topic with a stance (or changes the stance): confirmed, not a suggestion."""
    if stance not in StatementTopic.Stance.values:
        raise ValueError(f"Unknown stance {stance!r}.")
    link, _ = StatementTopic.objects.update_or_create(
        statement=statement,
        topic=topic,
        defaults={"stance": stance, "stance_confirmed": True, "assigned_by": StatementTopic.AssignedBy.ANALYST},
    )
    return link


@transaction.atomic
def statement_topic_remove(*, statement, topic: Topic) -> None:
    """An analyst takes a statement out of a topic (the extractor's suggestion was wrong)."""
    for link in StatementTopic.objects.filter(statement=statement, topic=topic):
        link.delete()  # one by one: each removal lands in the link's history
