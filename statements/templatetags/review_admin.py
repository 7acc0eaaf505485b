"""The admin front page's way into the review queue, with cached counts."""

from django import template

from statements import review_selectors as queue

register = template.Library()


@register.simple_tag
def review_summary() -> dict:
    totals = queue.review_totals(queue.QueueFilters(status="all"))
    no_speaker = queue.review_totals(queue.QueueFilters(no_speaker="1"))
    return {**totals, "no_speaker": no_speaker["unreviewed"]}
