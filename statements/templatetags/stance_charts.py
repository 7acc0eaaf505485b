"""The stance timeline of a person on a topic: a small server-rendered SVG, readable at phone width.

The drawing is 400 units wide and shown at most ~560 px wide (CSS), so at a 360 px phone its
13-unit labels are still about 12 px tall.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

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
# Statements on one lane closer than this (drawing units), both confirmed or both suggested, are
# drawn as one dot with their count: hundreds of statements stay a readable, clickable chart.
MIN_GAP = 7
# More shifts than this are drawn as lines without numbers (the numbers would overlap).
MAX_NUMBERED_SHIFTS = 8


@dataclass
class Dot:
    x: float
    y: int
    stance: str
    confirmed: bool
    points: list[StancePoint] = field(default_factory=list)


def _x_of(day: dt.date, first: dt.date, last: dt.date) -> float:
    span = (last - first).days
    if span <= 0:
        return (PLOT_LEFT + PLOT_RIGHT) / 2
    return PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * (day - first).days / span


def _dots(points: list[StancePoint]) -> tuple[list[Dot], dict[int, Dot]]:
    """Points grouped into dots (one pass), and the dot of each point (by id)."""
    first, last = points[0].said_on, points[-1].said_on
    dots: dict[tuple, Dot] = {}
    dot_of: dict[int, Dot] = {}
    for point in points:
        x, y = _x_of(point.said_on, first, last), LANES.get(point.stance, 66)
        key = (y, point.stance, point.confirmed, int((x - PLOT_LEFT) // MIN_GAP))
        dot = dots.get(key)
        if dot is None:
            dot = dots[key] = Dot(x=x, y=y, stance=point.stance, confirmed=point.confirmed)
        dot.points.append(point)
        dot_of[id(point)] = dot
    return list(dots.values()), dot_of


def _dot_svg(dot: Dot):
    colour = STANCE_COLOURS.get(dot.stance, "#5b6270")
    state = "confirmed" if dot.confirmed else "suggested, not confirmed"
    first = dot.points[0]
    if len(dot.points) == 1:
        label = f"{first.said_on:%d %b %Y}: {dot.stance} ({state})"
    else:
        label = f"{len(dot.points)} statements from {first.said_on:%d %b %Y}: {dot.stance} ({state})"
    # A dot for several statements is a little larger (up to twice the size).
    radius = (
        min(6 + 2 * math.log2(len(dot.points)), 12)
        if dot.confirmed
        else min(5 + 2 * math.log2(len(dot.points)), 10)
    )
    if dot.confirmed:
        circle = format_html(
            '<circle cx="{}" cy="{}" r="{}" fill="{}"/>', f"{dot.x:.1f}", dot.y, f"{radius:.1f}", colour
        )
    else:
        circle = format_html(
            '<circle cx="{}" cy="{}" r="{}" fill="#fff" stroke="{}" stroke-width="2" stroke-dasharray="2 2"/>',
            f"{dot.x:.1f}",
            dot.y,
            f"{radius:.1f}",
            colour,
        )
    return format_html(
        '<a href="{}"><title>{}</title>{}</a>', first.statement.get_absolute_url(), label, circle
    )


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
    dots, dot_of = _dots(points)
    parts = _axis(points)
    path_dots: list[Dot] = []
    for point in points:  # the line joins confirmed support/oppose dots in date order
        dot = dot_of[id(point)]
        if (
            point.confirmed
            and point.stance in ("support", "oppose")
            and (not path_dots or path_dots[-1] is not dot)
        ):
            path_dots.append(dot)
    if len(path_dots) > 1:
        path = " ".join(f"{'M' if i == 0 else 'L'}{d.x:.1f},{d.y}" for i, d in enumerate(path_dots))
        parts.append(format_html('<path d="{}" class="stance-path"/>', path))
    numbered = len(history.shifts) <= MAX_NUMBERED_SHIFTS
    for number, shift in enumerate(history.shifts, start=1):
        x = f"{(dot_of[id(shift.before)].x + dot_of[id(shift.after)].x) / 2:.1f}"
        parts.append(format_html('<line x1="{0}" y1="16" x2="{0}" y2="{1}" class="shift"/>', x, AXIS_Y))
        if numbered:
            parts.append(
                format_html(
                    '<text x="{}" y="12" class="shift-label" text-anchor="middle">shift {}</text>', x, number
                )
            )
    parts.extend(_dot_svg(dot) for dot in dots)
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
