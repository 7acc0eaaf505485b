"""The stance timeline of a person on a topic: a small server-rendered SVG, readable at phone width.

The drawing is 400 units wide and shown at most ~560 px wide (CSS), so at a 360 px phone its
13-unit labels are still about 12 px tall.
"""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils.html import format_html, format_html_join

from statements.stances import StanceHistory, StancePoint
from statements.templatetags.onrecord import STANCE_COLOURS

register = template.Library()

WIDTH = 400
PLOT_LEFT, PLOT_RIGHT = 82, 388
# Lanes, top to bottom: the y of each stance's row.
LANES = {"support": 34, "neutral": 66, "unclear": 66, "oppose": 98}
LANE_LABELS = ((34, "Supports"), (66, "Neutral/other"), (98, "Opposes"))
AXIS_Y, HEIGHT = 118, 140
# Points closer than this (in drawing units) on one lane are nudged apart so each stays clickable.
MIN_GAP = 7


def _x_of(day: dt.date, first: dt.date, last: dt.date) -> float:
    span = (last - first).days
    if span <= 0:
        return (PLOT_LEFT + PLOT_RIGHT) / 2
    return PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * (day - first).days / span


def _positions(points: list[StancePoint]) -> list[tuple[float, float]]:
    first, last = points[0].said_on, points[-1].said_on
    placed: list[tuple[float, float]] = []
    for point in points:
        x, y = _x_of(point.said_on, first, last), LANES.get(point.stance, 66)
        while any(abs(x - px) < MIN_GAP and py == y for px, py in placed):
            x += MIN_GAP
        placed.append((min(x, WIDTH - 6), y))
    return placed


def _point_svg(point: StancePoint, x: float, y: float):
    colour = STANCE_COLOURS.get(point.stance, "#5b6270")
    state = "confirmed" if point.confirmed else "suggested, not confirmed"
    label = f"{point.said_on:%d %b %Y}: {point.stance} ({state})"
    if point.confirmed:
        dot = format_html('<circle cx="{}" cy="{}" r="6" fill="{}"/>', f"{x:.1f}", y, colour)
    else:
        dot = format_html(
            '<circle cx="{}" cy="{}" r="5" fill="#fff" stroke="{}" stroke-width="2" stroke-dasharray="2 2"/>',
            f"{x:.1f}",
            y,
            colour,
        )
    return format_html('<a href="{}"><title>{}</title>{}</a>', point.statement.get_absolute_url(), label, dot)


def _axis(points: list[StancePoint]):
    first, last = points[0].said_on, points[-1].said_on
    parts = [
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" class="axis"/>', PLOT_LEFT, AXIS_Y, PLOT_RIGHT, AXIS_Y
        ),
        format_html('<text x="{}" y="{}" class="tick">{}</text>', PLOT_LEFT, HEIGHT - 4, f"{first:%b %Y}"),
    ]
    if last != first:
        parts.append(
            format_html(
                '<text x="{}" y="{}" class="tick" text-anchor="end">{}</text>',
                PLOT_RIGHT,
                HEIGHT - 4,
                f"{last:%b %Y}",
            )
        )
    for y, label in LANE_LABELS:
        parts.append(format_html('<text x="0" y="{}" class="lane">{}</text>', y + 4, label))
        parts.append(
            format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" class="grid"/>', PLOT_LEFT, y, PLOT_RIGHT, y)
        )
    return parts


@register.simple_tag
def stance_timeline_svg(history: StanceHistory):
    """Dots per statement on a support / neutral / oppose lane over time; shifts marked and numbered."""
    points = history.points
    if not points:
        return ""
    placed = _positions(points)
    where = {id(point): xy for point, xy in zip(points, placed, strict=True)}
    confirmed = [where[id(p)] for p in points if p.confirmed and p.stance in ("support", "oppose")]
    parts = _axis(points)
    if len(confirmed) > 1:
        path = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y}" for i, (x, y) in enumerate(confirmed))
        parts.append(format_html('<path d="{}" class="stance-path"/>', path))
    for number, shift in enumerate(history.shifts, start=1):
        x = (where[id(shift.before)][0] + where[id(shift.after)][0]) / 2
        parts.append(
            format_html('<line x1="{0}" y1="16" x2="{0}" y2="{1}" class="shift"/>', f"{x:.1f}", AXIS_Y)
        )
        parts.append(
            format_html(
                '<text x="{}" y="12" class="shift-label" text-anchor="middle">shift {}</text>',
                f"{x:.1f}",
                number,
            )
        )
    parts.extend(_point_svg(point, x, y) for point, (x, y) in zip(points, placed, strict=True))
    title = (
        f"{history.topic.name}: {len(points)} dated statements, {history.confirmed_count} with a confirmed stance, "
        f"{len(history.shifts)} shift{'s' if len(history.shifts) != 1 else ''}"
    )
    return format_html(
        '<svg class="stance-timeline" viewBox="0 0 {} {}" role="img"><title>{}</title>{}</svg>',
        WIDTH,
        HEIGHT,
        title,
        format_html_join("", "{}", ((part,) for part in parts)),
    )


@register.filter
def stance_word(stance: str) -> str:
    return {"support": "support", "oppose": "opposition", "neutral": "neutral", "unclear": "unclear"}.get(
        stance, stance
    )
