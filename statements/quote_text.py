"""A quote as the pages print it: the speaker's words without the marks around them.

Older statements were stored with their quotation marks and a trailing comma ('"… need,"'),
newer ones without; pages add exactly one pair of marks, so the stored ones come off here.
"""

from __future__ import annotations

# Opening mark -> the closing marks that pair with it.
_PAIRS = {
    '"': '"',
    "“": "”",
    "”": "”",
    "„": "“”",
    "«": "»",
    "»": "«",
    "‘": "’",
    "'": "'",
    "‹": "›",
}
_TRAILING = " ,;:\u00a0"


def bare_quote(text: str | None) -> str:
    """'“We will build it,”' -> 'We will build it'. Words inside are left as they are.

    A surrounding pair is taken off only when it encloses the whole text (the inside holds no
    other closing mark of the same kind), so '"Yes," she said, "no"' keeps its marks.
    """
    text = (text or "").strip().rstrip(_TRAILING)
    if len(text) >= 2 and text[0] in _PAIRS and text[-1] in _PAIRS[text[0]]:
        inside = text[1:-1]
        if not any(mark in inside for mark in _PAIRS[text[0]]) and text[0] not in inside:
            text = inside.strip()
    return text.rstrip(_TRAILING)
