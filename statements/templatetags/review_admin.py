"""The admin front page's way into the review queue: what is left (fresh, counted up to a cap), totals (cached)."""

from django import template

from statements import review_selectors as queue

register = template.Library()


@register.simple_tag
def review_summary() -> dict:
    left, more = queue.review_left(queue.QueueFilters())
    no_speaker, no_speaker_more = queue.review_left(queue.QueueFilters(no_speaker="1"))
    return {
        "left": f"{left}+" if more else str(left),
        "plural": "" if left == 1 and not more else "s",
        "no_speaker": f"{no_speaker}+" if no_speaker_more else str(no_speaker),
        "totals": queue.review_totals(queue.QueueFilters(status="all")),
        "totals_seconds": queue.COUNTS_SECONDS,
    }
