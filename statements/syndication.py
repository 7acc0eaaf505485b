"""Atom feeds: the newest statements of one person, or on one topic."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator

from people.models import Person
from statements import selectors
from statements.models import Topic
from statements.quote_text import shown_statement

FEED_SIZE = 50


class _StatementFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, statement):
        speaker = statement.speaker.name if statement.speaker else statement.speaker_text
        return f"{speaker}: {Truncator(shown_statement(statement)).chars(90)}"

    def item_description(self, statement):
        sources = ", ".join(
            (c.article.outlet.name if c.article.outlet else (c.article.title or "article"))
            for c in statement.citation_list
        )
        demo = (
            " (Sample article about fictional politicians.)"
            if selectors.statement_has_demo_source(statement)
            else ""
        )
        dated = statement.said_on and statement.date_basis not in ("ingested", "unknown")
        said = statement.said_on.isoformat() if dated else "date unknown"
        # Atom puts this in <summary type="html">: readers render it as HTML, so every value from
        # articles, outlets and analysts is escaped as text (XML escaping alone is undone by the reader).
        return escape(
            f"{shown_statement(statement)} — {statement.speaker_text}, {said}. Reported by: {sources or 'unknown'}.{demo}"
        )

    def item_link(self, statement):
        return statement.get_absolute_url()

    def item_pubdate(self, statement):
        return statement.created_at

    def item_updateddate(self, statement):
        return statement.updated_at

    def item_author_name(self, statement):
        return statement.speaker.name if statement.speaker else statement.speaker_text


class PersonFeed(_StatementFeed):
    def get_object(self, request, slug):
        person = get_object_or_404(Person, slug=slug)
        if person.merged_into_id:
            raise Http404("This person was merged into another record.")
        return person

    def title(self, person):
        return f"{person.name} on record"

    def subtitle(self, person):
        return f"New statements by {person.name}, with their sources."

    def link(self, person):
        return person.get_absolute_url()

    def items(self, person):
        return selectors.feed_statements(
            selectors.statements_for_person(person_id=person.pk), limit=FEED_SIZE
        )


class TopicFeed(_StatementFeed):
    def get_object(self, request, slug):
        try:
            return selectors.topic_get(slug=slug)
        except Topic.DoesNotExist:
            raise Http404("No such topic.") from None

    def title(self, topic):
        return f"{topic.name}: who said what"

    def subtitle(self, topic):
        return f"New statements on {topic.name}, with their sources."

    def link(self, topic):
        return topic.get_absolute_url()

    def items(self, topic):
        return selectors.feed_statements(selectors.statements_for_topic(topic=topic), limit=FEED_SIZE)
