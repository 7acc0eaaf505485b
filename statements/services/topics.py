"""Topics analysts define, and the suggestions the extractor makes about them."""

from django.utils.text import slugify

from statements.models import Topic


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


