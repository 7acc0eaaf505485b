"""Template helpers: quotes in their article context, highlighted articles, stance labels, the timeline SVG."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from statements import quote_text

register = template.Library()

# A sentence ends at . ! ? or … (possibly followed by a closing quote) before whitespace, or at a blank line.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+|\n\s*\n")
STANCE_LABELS = {"support": "Supports", "oppose": "Opposes", "neutral": "Neutral", "unclear": "Stance unclear"}
STANCE_COLOURS = {"support": "#1a7f4b", "oppose": "#b3261e", "neutral": "#5b6270", "unclear": "#a8adb7"}


@register.filter
def stance_label(stance: str) -> str:
    return STANCE_LABELS.get(stance, stance)


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def context_window(text: str, start: int, end: int, sentences: int = 2) -> tuple[str, str, str]:
    """The quote's text and up to `sentences` sentences on each side: (before, quote, after)."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    starts = _sentence_starts(text)
    before_starts = [s for s in starts if s <= start]
    window_start = before_starts[max(0, len(before_starts) - 1 - sentences)] if before_starts else 0
    after_starts = [s for s in starts if s >= end]
    window_end = after_starts[sentences] if len(after_starts) > sentences else len(text)
    return text[window_start:start], text[start:end], text[end:window_end].rstrip()


@register.simple_tag
def quote_in_context(text: str, start: int, end: int, sentences: int = 2):
    """The quote highlighted with a few sentences before and after it, escaped."""
    if not text or end <= start:
        return ""
    before, quote, after = context_window(text, start, end, sentences)
    lead = "… " if text[: start - len(before)].strip() else ""
    tail = " …" if text[end + len(after) :].strip() else ""
    return format_html("{}{}<mark>{}</mark>{}{}", lead, before, quote, after, tail)


@register.simple_tag
def highlighted_article(text: str, citations):
    """The article text in paragraphs, each cited span marked and linked to its statement.

    Overlapping spans are not nested: the later one is left unmarked (it is still listed on the page).
    """
    spans, last_end = [], -1
    for citation in sorted(citations, key=lambda c: (c.start, c.end)):
        if citation.start >= last_end and citation.end <= len(text):
            spans.append(citation)
            last_end = citation.end
    out, cursor = [], 0
    for citation in spans:
        out.append(escape(text[cursor : citation.start]))
        speaker = citation.statement.speaker.name if citation.statement.speaker else citation.statement.speaker_text
        out.append(
            format_html(
                '<mark id="c{}"><a href="{}" title="Statement by {}">{}</a></mark>',
                citation.pk,
                citation.statement.get_absolute_url(),
                speaker,
                text[citation.start : citation.end],
            )
        )
        cursor = citation.end
    out.append(escape(text[cursor:]))
    html = "".join(str(part) for part in out)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", html) if p.strip()]
    return mark_safe("".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs))  # noqa: S308 - parts escaped above


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    months, current = [], first.replace(day=1)
    while current <= last:
        months.append(current)
        current = (current.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return months


# The timeline is drawn 400 units wide and shown at most 600 px wide (CSS): its 13-unit labels
# stay about 11 px tall on a 340 px phone screen and under 20 px on a desktop.
TIMELINE_WIDTH, TIMELINE_HEIGHT = 400, 170
# Widest bar (units): one month of data is a bar, not a block across the chart.
MAX_BAR_WIDTH = 40
# Room one month label ("Mar 2025", about 60 units at 13px) needs, with a gap, in units.
LABEL_WIDTH = 84


def _month_labels(months: list[dt.date], slot: float) -> dict[int, str]:
    """Which bars get a label: every month when they fit, else every few (years only when many)."""
    step = max(1, -(-LABEL_WIDTH // int(slot or 1)))
    if len(months) > 24:
        return {i: str(m.year) for i, m in enumerate(months) if m.month == 1 or i == 0}
    return {i: m.strftime("%b %Y") for i, m in enumerate(months) if i % step == 0}


def _bar_parts(month: dt.date, counts: dict[str, int], *, x: float, bar_w: float, base: float, plot_h: float, peak: int):
    y = base
    for stance in ("support", "oppose", "neutral", "unclear"):
        n = counts.get(stance, 0)
        if not n:
            continue
        h = plot_h * n / peak
        y -= h
        yield format_html(
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {} {}</title></rect>',
            f"{x:.1f}",
            f"{y:.1f}",
            f"{bar_w:.1f}",
            f"{h:.1f}",
            STANCE_COLOURS[stance],
            month.strftime("%b %Y"),
            n,
            STANCE_LABELS[stance].lower(),
        )


@register.simple_tag
def timeline_svg(rows: list[dict], width: int = TIMELINE_WIDTH, height: int = TIMELINE_HEIGHT):
    """Stacked bars of statements per month by stance, as inline SVG with a text alternative."""
    if not rows:
        return ""
    counts: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        month = row["month"].date() if isinstance(row["month"], dt.datetime) else row["month"]
        counts[month][row["stance"]] += row["n"]
    months = _months(min(counts), max(counts))[-60:]  # at most five years of bars
    peak = max(sum(counts[m].values()) for m in months) or 1
    left, bottom, top = 34, 24, 10
    plot_h, slot = height - bottom - top, (width - left - 4) / len(months)
    bar_w = min(slot - 2, MAX_BAR_WIDTH)
    base = height - bottom
    parts = [
        format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" class="axis"/>', left, base, width, base),
        format_html('<text x="{}" y="{}" class="tick" text-anchor="end">{}</text>', left - 6, top + 10, peak),
        format_html('<text x="{}" y="{}" class="tick" text-anchor="end">0</text>', left - 6, base),
    ]
    labels = _month_labels(months, slot)
    for i, month in enumerate(months):
        x = left + i * slot + (slot - bar_w) / 2
        parts.extend(_bar_parts(month, counts[month], x=x, bar_w=bar_w, base=base, plot_h=plot_h, peak=peak))
        if i in labels:
            anchor = "middle" if len(months) <= 24 else "start"
            label_x = x + bar_w / 2 if anchor == "middle" else x
            parts.append(
                format_html(
                    '<text x="{}" y="{}" class="tick" text-anchor="{}">{}</text>',
                    f"{min(max(label_x, left + 30), width - 30):.1f}" if anchor == "middle" else f"{label_x:.1f}",
                    height - 6,
                    anchor,
                    labels[i],
                )
            )
    summary = ", ".join(f"{m.strftime('%b %Y')}: {sum(counts[m].values())}" for m in months if counts[m])
    return format_html(
        '<figure class="timeline"><svg viewBox="0 0 {} {}" role="img" aria-labelledby="timeline-title">'
        '<title id="timeline-title">Statements per month: {}</title>{}</svg>'
        "<figcaption>Statements per month, coloured by stance. {}</figcaption></figure>",
        width,
        height,
        summary,
        mark_safe("".join(str(p) for p in parts)),  # noqa: S308 - each part built with format_html
        _legend(),
    )


def _legend():
    return mark_safe(  # noqa: S308 - constant markup
        "".join(
            f'<span class="legend-item"><span class="swatch swatch-{s}"></span>{STANCE_LABELS[s]}</span>'
            for s in ("support", "oppose", "neutral", "unclear")
        )
    )


@register.filter
def quote_shown(statement) -> str:
    """A statement's words as pages print them: a direct quote in marks, a mixed statement's quoted
    words in marks, reported speech without any (quote_text.shown_quote)."""
    return quote_text.shown_statement(statement)


@register.filter
def bare_quote(text: str) -> str:
    """The quote without stored quotation marks or a trailing comma: templates add one pair."""
    return quote_text.bare_quote(text)
