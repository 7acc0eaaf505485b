"""When a statement was made, from the words around its cue and the publication date.

"on Tuesday" is the latest Tuesday on or before publication; "last month" and "earlier this
month" give a month; "last year" a year; nothing gives the publication date. A date is never
after publication. Without a publication date only a date the text gives in full (with its
year) is a date; anything else is unknown, and says so (``DateBasis.UNKNOWN``), never passed off
as the publication date. Plain regular expressions: dateparser is an order of magnitude slower and
news uses few forms.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .types import DateBasis, DatePrecision

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)

PATTERNS = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("dmy", re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+(\d{4}))?\b", re.I)),
    ("mdy", re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b", re.I)),
    (
        "my",
        re.compile(
            r"\b(?:in|since|during|until|by|of|early|late|mid-?)\s+" + _MONTH + r"(?:\s+(\d{4}))?\b", re.I
        ),
    ),
    ("yesterday", re.compile(r"\byesterday\b", re.I)),
    ("today", re.compile(r"\b(?:today|this (?:morning|afternoon|evening)|tonight)\b", re.I)),
    (
        "weekday",
        re.compile(
            r"\b(?:on |last |this |late |early )?(monday|tuesday|wednesday|thursday|friday|saturday"
            r"|sunday)\b",
            re.I,
        ),
    ),
    ("lastweek", re.compile(r"\blast week(?:end)?\b", re.I)),
    ("thisweek", re.compile(r"\b(?:earlier|later) this week\b", re.I)),
    ("lastmonth", re.compile(r"\blast month\b", re.I)),
    ("thismonth", re.compile(r"\b(?:earlier|later) (?:this|in the) month\b", re.I)),
    ("lastyear", re.compile(r"\blast year\b", re.I)),
    ("thisyear", re.compile(r"\b(?:earlier|later) this year\b", re.I)),
    (
        "ago",
        re.compile(
            r"\b(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten) (day|week|month|year)s? ago\b", re.I
        ),
    ),
]
SMALL = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def _month_start(d: date) -> date:
    return d.replace(day=1)


def _prev_month(d: date) -> date:
    return (d.replace(day=1) - timedelta(days=1)).replace(day=1)


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_date(text: str, published: date | None) -> tuple[date | None, str, str, str]:
    """(date, precision, basis, words) for the earliest date phrase in ``text``.

    Falls back to the publication date. A date after publication is pulled back a year (a
    "March 3" in a January article means last March) or dropped.
    """
    if published is None:
        return _find_full_date(text)
    best = None
    for kind, rx in PATTERNS:
        m = rx.search(text)
        if m and (best is None or m.start() < best[1].start()):
            best = (kind, m)
    if best is None:
        return published, DatePrecision.DAY, DateBasis.PUBLISHED, ""
    kind, m = best
    words = m.group(0).strip()
    p = published
    d, prec, basis = None, DatePrecision.DAY, DateBasis.RELATIVE
    if kind == "iso":
        d, basis = _safe(int(m.group(1)), int(m.group(2)), int(m.group(3))), DateBasis.EXPLICIT
    elif kind in ("dmy", "mdy"):
        day, mon = (m.group(1), m.group(2)) if kind == "dmy" else (m.group(2), m.group(1))
        mon_i = MONTHS[mon.lower().rstrip(".")]
        year = int(m.group(3)) if m.group(3) else p.year
        d, basis = _safe(year, mon_i, int(day)), DateBasis.EXPLICIT
        if d and d > p and not m.group(3):
            d = _safe(year - 1, mon_i, int(day))
    elif kind == "my":
        mon_i = MONTHS[m.group(1).lower().rstrip(".")]
        year = int(m.group(2)) if m.group(2) else p.year
        d, prec, basis = date(year, mon_i, 1), DatePrecision.MONTH, DateBasis.EXPLICIT
        if d > p and not m.group(2):
            d = date(year - 1, mon_i, 1)
    elif kind == "yesterday":
        d = p - timedelta(days=1)
    elif kind == "today":
        d = p
    elif kind == "weekday":
        wd = WEEKDAYS.index(m.group(1).lower())
        back = (p.weekday() - wd) % 7
        if words.lower().startswith("last ") and back == 0:
            back = 7
        d = p - timedelta(days=back)
    elif kind == "lastweek":
        # a week is not a day: the month it fell in is as precise as the words allow
        d, prec = _month_start(p - timedelta(days=7)), DatePrecision.MONTH
    elif kind == "thisweek":
        d = p
    elif kind == "lastmonth":
        d, prec = _prev_month(p), DatePrecision.MONTH
    elif kind == "thismonth":
        d, prec = _month_start(p), DatePrecision.MONTH
    elif kind == "lastyear":
        d, prec = date(p.year - 1, 1, 1), DatePrecision.YEAR
    elif kind == "thisyear":
        d, prec = date(p.year, 1, 1), DatePrecision.YEAR
    elif kind == "ago":
        g = m.group(1).lower()
        n = int(g) if g.isdigit() else SMALL[g]
        unit = m.group(2).lower()
        if unit == "day":
            d = p - timedelta(days=n)
        elif unit == "week":
            d = p - timedelta(days=7 * n)
        elif unit == "month":
            d = p.replace(day=1)
            for _ in range(n):
                d = _prev_month(d)
            prec = DatePrecision.MONTH
        else:
            d, prec = date(p.year - n, 1, 1), DatePrecision.YEAR
    if d is None or d > p:
        return p, DatePrecision.DAY, DateBasis.PUBLISHED, ""
    return d, prec, basis, words


def _find_full_date(text: str) -> tuple[date | None, str, str, str]:
    """With no publication date: the first date the text gives with its year, else unknown."""
    best = None
    for kind, rx in PATTERNS[:4]:  # iso, dmy, mdy, my: the only forms that can carry a year
        for m in rx.finditer(text):
            year = m.group(1) if kind == "iso" else m.group(3) if kind in ("dmy", "mdy") else m.group(2)
            if year and (best is None or m.start() < best[1].start()):
                best = (kind, m)
                break
    if best is None:
        return None, DatePrecision.DAY, DateBasis.UNKNOWN, ""
    kind, m = best
    if kind == "iso":
        d, prec = _safe(int(m.group(1)), int(m.group(2)), int(m.group(3))), DatePrecision.DAY
    elif kind == "my":
        d, prec = date(int(m.group(2)), MONTHS[m.group(1).lower().rstrip(".")], 1), DatePrecision.MONTH
    else:
        day, mon = (m.group(1), m.group(2)) if kind == "dmy" else (m.group(2), m.group(1))
        d, prec = _safe(int(m.group(3)), MONTHS[mon.lower().rstrip(".")], int(day)), DatePrecision.DAY
    if d is None:
        return None, DatePrecision.DAY, DateBasis.UNKNOWN, ""
    return d, prec, DateBasis.EXPLICIT, m.group(0).strip()

