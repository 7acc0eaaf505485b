"""Pair quotation marks into quoted spans.

News text mixes curly and straight marks, uses NYT-style doubled apostrophes (''), leaves a
mark out now and then, and runs a quotation over several paragraphs with an opening mark on
each paragraph and a closing mark only on the last. Pairing is done paragraph by paragraph so
that one missing mark cannot flip every later quote inside out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_ONLY = {"“", "„", "«", "``"}
CLOSE_ONLY = {"”", "»"}
MARK = re.compile(r"``|''|[“”„«»\"]")
# British-style single quotes: an opening ‘ and a closing ’ not followed by a letter (which
# would make it an apostrophe, as in "don’t").
SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘(?=\S)(.+?)(?<=\S)’(?![\w’])")
WORD = re.compile(r"\w+(?:[’'-]\w+)*")
# A paragraph that closes a quotation it never opened, after this many words, continues the last one.
MISSING_OPEN_MIN_WORDS = 3


@dataclass
class Quote:
    start: int  # offset of the opening mark (or of the paragraph, when it has none)
    end: int  # offset just past the closing mark (or the paragraph's end)
    paragraph: int
    closed: bool = True
    continues: bool = False  # runs on into the next paragraph
    run: int = -1  # quotes that form one multi-paragraph quotation share a run id
    block: bool = False  # a paragraph set apart without marks after "X added:" (colon.block_quotes)

    def inner(self, text: str) -> str:
        return text[self.start : self.end].strip("“”„«»\"'` ,")

    def n_words(self, text: str) -> int:
        return len(WORD.findall(text[self.start : self.end]))


def _family(mark: str) -> str:
    """Straight marks ("  '' ``) and typographic ones (“ ” „ « ») are two styles of marking."""
    return "straight" if mark[0] in "\"'`" else "typographic"


def _role(para: str, i: int, mark: str) -> str:
    """'open', 'close' or 'either' for a mark at position i of a paragraph."""
    if mark in OPEN_ONLY:
        # '... is 51 percent.“' at the paragraph's end: a closing mark set the wrong way round
        return "either" if i > 0 and not para[i + len(mark) :].strip() else "open"
    if mark in CLOSE_ONLY:
        return "close"
    before = para[i - 1] if i > 0 else " "
    after = para[i + len(mark)] if i + len(mark) < len(para) else " "
    opens = before.isspace() or before in "([{—–-/:" or i == 0
    closes = after.isspace() or after in ".,;:!?)]}—–-" or i + len(mark) >= len(para)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _marks(para: str):
    for m in MARK.finditer(para):
        mark = m.group()
        # a lone apostrophe pair inside a word ("rock''n") is not a quotation mark
        if (
            mark == "''"
            and m.start() > 0
            and para[m.start() - 1].isalnum()
            and m.end() < len(para)
            and para[m.end()].isalnum()
        ):
            continue
        yield m.start(), m.end(), _role(para, m.start(), mark)


def _excerpt_marker(para: str, nxt: str) -> bool:
    """A paragraph opened with a lone straight mark before one opened with a curly mark ('"Kevin
    was asleep.' before '“Here he is,” she said.'): the mark sets off an excerpt of another
    article, narration to read like the rest, not one person's quotation. (A run of paragraphs
    each opened with a straight mark is a quotation over several paragraphs, a transcript.)"""
    return para.startswith('"') and para.count('"') == 1 and nxt[:1] in ("“", "”")


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Quoted spans in the given paragraphs of ``text``, in text order."""
    quotes: list[Quote] = []
    run_id = 0
    open_run = False  # the previous paragraph ended inside a quotation
    for p, (ps, pe) in enumerate(paragraphs):
        para = text[ps:pe]
        marks = list(_marks(para))
        nxt = paragraphs[p + 1] if p + 1 < len(paragraphs) else None
        nxt_text = text[nxt[0] : nxt[1]] if nxt else ""
        if _excerpt_marker(para, nxt_text):
            marks = marks[1:]
        start = None
        first_in_para = True
        for ms, me, role in marks:
            if start is None:
                if role in ("open", "either") or (first_in_para and ms == 0):
                    # a paragraph that opens with a closing mark (”Fear. …) opens a quotation
                    start = ms
                elif (
                    role == "close"
                    and first_in_para
                    and len(WORD.findall(para[:ms])) >= MISSING_OPEN_MIN_WORDS
                    and open_run
                ):
                    # the opening mark was left out: the quotation ran from the paragraph start
                    quotes.append(Quote(ps, ps + me, p, run=run_id))
                first_in_para = False
                continue
            if role in ("close", "either"):
                quotes.append(Quote(ps + start, ps + me, p))
                start = None
            else:  # an opening mark while a quotation is open: the last one was never closed
                quotes.append(Quote(ps + start, ps + ms, p, closed=False))
                start = ms
        continues = False
        if start is not None:
            # unclosed at the paragraph's end: a multi-paragraph quotation if the next paragraph
            # opens with a mark, otherwise a missing closing mark
            nxt_mark = MARK.match(nxt_text)
            continues = bool(nxt_mark) and _family(nxt_mark.group()) == _family(para[start])
            quotes.append(Quote(ps + start, pe, p, closed=False, continues=continues))
        if not marks:
            for m in SINGLE.finditer(para):
                quotes.append(Quote(ps + m.start(), ps + m.end(), p))
        open_run = continues
    # number the runs: a quotation that continues joins the first quote of the next paragraph
    prev_continues = False
    last_par = -2
    for q in quotes:
        if not (prev_continues and q.paragraph == last_par + 1):
            run_id += 1
        q.run = run_id
        prev_continues = q.continues
        last_par = q.paragraph
    return quotes


def quoted_letters(text: str, quotes: list[Quote], start: int, end: int) -> tuple[int, int]:
    """(letters inside quotes, letters outside) within [start, end): decides direct/mixed/indirect."""
    ins = out = 0
    pos = start
    for q in quotes:
        if q.end <= start:
            continue
        if q.start >= end:
            break
        out += sum(c.isalpha() for c in text[pos : max(pos, q.start)])
        a, b = max(start, q.start), min(end, q.end)
        ins += sum(c.isalpha() for c in text[a:b])
        pos = max(pos, b)
    out += sum(c.isalpha() for c in text[pos:end])
    return ins, out
