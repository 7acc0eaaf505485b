"""One very long article extracted whole: time, peak traced memory, and that nothing was cut.

    python benchmarks/bench_long_article.py            # a generated article of about 2 MB
    python benchmarks/bench_long_article.py --mb 0.5   # smaller or larger

The article is generated here from a few sentence patterns about fictional politicians, with
"Follow ... on Twitter" and "Sign up for our newsletter" lines in its middle (page furniture that
must not end it) and one paragraph of about 60,000 characters without a line break (more than
one spaCy piece). It prints the article's size, the share of it extraction read as body, the
statements found in its first and last tenth, the wall time, the peak memory traced by
tracemalloc during extraction (Python heap, including spaCy's arrays) and the process's
ru_maxrss.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extraction import extract  # noqa: E402
from extraction import nlp as nlp_mod  # noqa: E402
from extraction.text import split_body  # noqa: E402

FIRST = ["Maria", "Tomas", "Ilse", "Rafael", "Nadia", "Jonas", "Petra", "Kofi", "Leila", "Anders"]
LAST = ["van den Heuvel-Smit", "Okafor", "Lindqvist", "Moreau-Díaz", "Petrescu", "Haddad", "Brandt", "Ekdal"]
OFFICES = [
    "Finance Minister",
    "Health Minister",
    "Senator",
    "Opposition leader",
    "Mayor",
    "Housing Secretary",
]
SUBJECTS = [
    "the budget",
    "rail fares",
    "the hospital plan",
    "the new tax",
    "the harbour bridge",
    "school meals",
]
PATTERNS = [
    '"We will not cut {subj} while I am in office," {office} {name} said on Tuesday. '
    '"People were promised better, and they will get it."',
    "{office} {name} said that {subj} would cost less than the opposition claimed, "
    "although the ministry has not published its figures.",
    "{surname} told reporters that the government had no plan for {subj} and called the "
    'proposal "a promise written in sand."',
    "The committee met for three hours on Wednesday to discuss {subj}, and a vote is expected "
    "before the end of the month, according to the agenda published by the clerk.",
    'Asked about {subj}, {surname} was blunt: "It is late, it is over budget and nobody in the '
    'cabinet wants to say so."',
]
FURNITURE = ["Follow {first} {surname} on Twitter", "Sign up for our newsletter", "Share this article"]


def paragraph(rng: random.Random) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return rng.choice(PATTERNS).format(
        office=rng.choice(OFFICES), name=f"{first} {last}", surname=last, subj=rng.choice(SUBJECTS)
    )


def article(size: int, seed: int = 7) -> str:
    """A generated article of about ``size`` characters, furniture lines and one long paragraph inside."""
    rng = random.Random(seed)
    parts = ["Cabinet split over spending plans"]
    n = len(parts[0])
    long_done = False
    while n < size:
        if rng.random() < 0.01:
            para = rng.choice(FURNITURE).format(first=rng.choice(FIRST), surname=rng.choice(LAST))
        elif not long_done and n > size // 3:
            para = " ".join(paragraph(rng) for _ in range(300))  # one paragraph of ~60,000 characters
            long_done = True
        else:
            para = paragraph(rng)
        parts.append(para)
        n += len(para) + 2
    return "\n\n".join(parts) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=2.0, help="article size in MB (default 2)")
    ap.add_argument("--model", default=nlp_mod.DEFAULT_MODEL)
    a = ap.parse_args()
    nlp = nlp_mod.load(a.model)
    extract("Warm-up text.\n\nThe minister said the plan was fine.", published=date(2025, 1, 1), nlp=nlp)
    text = article(int(a.mb * 1_000_000))
    body = split_body(text)
    body_chars = sum(e - s for s, e in body.paragraphs)
    print(
        f"article: {len(text):,} characters, {len(text.split()):,} words, {len(body.paragraphs):,} pieces parsed"
    )
    print(
        f"body read: {body_chars:,} characters ({100 * body_chars / len(text):.1f} % of the text; "
        f"the rest is line breaks, the headline and {sum(1 for *_, w in body.skipped if w == 'furniture')} furniture lines)"
    )
    print(f"longest piece handed to spaCy: {max(e - s for s, e in body.paragraphs):,} characters")
    gc.collect()
    tracemalloc.start()
    t0 = time.perf_counter()
    statements = extract(text, published=date(2025, 3, 20), nlp=nlp)
    elapsed = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    tenth = len(text) // 10
    print(
        f"statements: {len(statements):,} ({sum(s.start < tenth for s in statements):,} in the first tenth, "
        f"{sum(s.start > len(text) - tenth for s in statements):,} in the last)"
    )
    print(f"time (traced, so slower than untraced): {elapsed:.1f} s")
    print(f"peak traced memory during extraction: {peak / 2**20:.1f} MiB")
    print(f"process ru_maxrss: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
