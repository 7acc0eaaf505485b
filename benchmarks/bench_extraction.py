"""Statement extraction against spaCy's own parse of the same articles, in one run.

    python benchmarks/bench_extraction.py                 # the labelled test articles, repeated to ~200
    python benchmarks/bench_extraction.py a.txt b.txt     # these files (repeated to --n)

Prints articles/second for (a) spaCy's parse alone (``nlp.pipe`` over the article texts with the
pipes and batch size extraction uses), (a2) the same parse of only the body paragraphs that
extraction hands to spaCy (so (b)/(a2) is the cost of the rules themselves) and (b) the whole
extraction (``extract_many``), their time ratios, and peak memory of each. Timing runs without tracing. Memory is measured in a second pass
of each with tracemalloc (peak Python-heap allocation during the pass, which includes the parse's
numpy arrays); ru_maxrss, the process's resident peak, is printed at the end for reference.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extraction import extract_many  # noqa: E402
from extraction import nlp as nlp_mod  # noqa: E402

ARTICLES = ROOT / "tests" / "extraction" / "articles"


def load_batch(files: list[str], n: int) -> list[tuple[str, str]]:
    if files:
        base = [(Path(f).read_text(encoding="utf-8"), date.today().isoformat()) for f in files]
    else:
        base = []
        for gold in sorted(ARTICLES.glob("*.json")):
            g = json.loads(gold.read_text(encoding="utf-8"))
            base.append(((ARTICLES / g["text_file"]).read_text(encoding="utf-8"), g["published"]))
    reps = max(1, -(-n // len(base)))
    return (base * reps)[:n] if n >= len(base) else base


def parse_only(nlp, batch, batch_size):
    for _ in nlp.pipe([t for t, _ in batch], batch_size=batch_size):
        pass


def body_paragraphs(batch) -> list[str]:
    """The paragraphs extraction hands to spaCy: the body without headline and furniture."""
    from extraction.text import split_body

    out = []
    for text, _ in batch:
        out.extend(text[s:e] for s, e in split_body(text).paragraphs)
    return out


def parse_paragraphs(nlp, paragraphs, batch_size):
    for _ in nlp.pipe(paragraphs, batch_size=batch_size):
        pass


def extraction(nlp, batch, batch_size):
    extract_many(batch, nlp=nlp, batch_size=batch_size)


def timed(fn, *args, repeat: int = 3) -> float:
    """Best of ``repeat`` wall-clock runs: the least disturbed by other load on the machine."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - t0)
    return best


def traced_peak(fn, *args) -> int:
    gc.collect()
    tracemalloc.start()
    fn(*args)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", help="article text files (default: the labelled test articles)")
    ap.add_argument("--n", type=int, default=200, help="articles in the batch (default 200)")
    ap.add_argument("--batch-size", type=int, default=nlp_mod.BATCH_SIZE)
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each, best kept (default 3)")
    ap.add_argument("--model", default=nlp_mod.DEFAULT_MODEL)
    a = ap.parse_args()

    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    nlp = nlp_mod.load(a.model)
    batch = load_batch(a.files, a.n)
    n = len(batch)
    words = sum(len(t.split()) for t, _ in batch)
    print(f"model {a.model}, pipes {nlp.pipe_names}, batch size {a.batch_size}")
    print(f"{n} articles, {words} words")

    extraction(nlp, batch[: min(n, 20)], a.batch_size)  # warm up: first calls allocate caches

    paragraphs = body_paragraphs(batch)
    t_parse = timed(parse_only, nlp, batch, a.batch_size, repeat=a.repeat)
    t_paras = timed(parse_paragraphs, nlp, paragraphs, a.batch_size, repeat=a.repeat)
    t_extract = timed(extraction, nlp, batch, a.batch_size, repeat=a.repeat)
    m_parse = traced_peak(parse_only, nlp, batch, a.batch_size)
    m_extract = traced_peak(extraction, nlp, batch, a.batch_size)
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    print(f"(a) spaCy parse alone : {n / t_parse:8.1f} articles/s  ({t_parse:.2f} s)  "
          f"peak traced memory {m_parse / 2**20:7.1f} MiB")
    print(f"(a2) parse of the body paragraphs extraction feeds spaCy: {n / t_paras:8.1f} articles/s ({t_paras:.2f} s)")
    print(f"(b) whole extraction  : {n / t_extract:8.1f} articles/s  ({t_extract:.2f} s)  "
          f"peak traced memory {m_extract / 2**20:7.1f} MiB")
    print(f"ratio (b)/(a) time    : {t_extract / t_parse:.2f}x   (b)/(a2): {t_extract / t_paras:.2f}x")
    print(f"process ru_maxrss     : {rss1 / 1024:.0f} MiB (was {rss0 / 1024:.0f} MiB before loading the model)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
