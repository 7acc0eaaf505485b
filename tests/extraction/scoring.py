"""Score extracted statements against labelled gold files, by word overlap (test-only).

The rules are the documented ones of the project's evaluation scorer, so numbers compare (a test
checks that they agree on the labelled set):

- a predicted statement is correct when at least half of its words lie inside one gold quote
  whose speaker it names (the surname alone is enough; diacritics and "Jr."/"II" are ignored;
  a joint gold speaker "A and B" is matched by either; a gold speaker printed as a description,
  "the ministry", accepts any named speaker);
- a gold statement is found when correct predictions cover at least half of its words;
- precision = correct / predicted, recall = found / gold; speaker accuracy counts, among
  predictions that land inside some gold quote, those with the right speaker;
- a gold statement with a "date" is dated right when the prediction's ISO date starts with it.

And the strict figures: ``exact_speaker`` (the speaker named exactly as the gold names them,
case, accents and Jr. aside; a one-word gold name needs the same surname), ``span_f1`` (mean word
F1 of each correct prediction against its gold quote), ``kind_accuracy`` (direct / indirect /
mixed as the gold has it) and ``marked_quotes`` (predicted quotes still inside their marks).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

WORD = re.compile(r"\w+", re.UNICODE)
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
JOINT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
DESCRIPTION = re.compile(r"^(?:the|a|an|his|her|their|its|one|some|two|three|several|many)\b|^[a-z]")
MARKS = "\"'“”‘’«»"


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("ø", "o").replace("Ø", "O").casefold()


def words(s: str) -> list[str]:
    return WORD.findall(fold(s))


def name_words(s: str) -> list[str]:
    w = words(s)
    while len(w) > 1 and w[-1] in SUFFIXES:
        w.pop()
    return w


def is_description(gold: str) -> bool:
    return bool(DESCRIPTION.match((gold or "").strip()))


def same_speaker(pred: str, gold: str) -> bool:
    if is_description(gold):
        return bool(words(pred))
    return any(_same_person(pred, g) for g in JOINT.split(gold or "") if g.strip())


def _same_person(pred: str, gold: str) -> bool:
    p, g = name_words(pred), name_words(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    return p[-1] == g[-1] and (set(p) <= set(g) or set(g) <= set(p))


def _exact_words(s: str) -> list[str]:
    w = " ".join(fold(s).replace(".", " ").split()).split(" ")
    while len(w) > 1 and w[-1] in SUFFIXES:
        w.pop()
    return w


def exact_speaker(pred: str, gold: str) -> bool:
    if is_description(gold):
        return bool(words(pred))
    p = _exact_words(pred)
    if not p or not p[0]:
        return False
    for g in JOINT.split(gold or ""):
        gw = _exact_words(g)
        if g.strip() and (p == gw or (len(gw) == 1 and p[-1] == gw[0])):
            return True
    return False


def marked(quote: str) -> bool:
    q = (quote or "").strip().rstrip(",.;:")
    return len(q) > 1 and q[0] in MARKS and q[-1] in MARKS


def word_f1(a: list[str], b: list[str]) -> float:
    ov = _overlap(a, b)
    if not ov:
        return 0.0
    p, r = ov / len(a), ov / len(b)
    return 2 * p * r / (p + r)


def _overlap(a: list[str], b: list[str]) -> int:
    return sum((Counter(a) & Counter(b)).values())


def _speaker_name(st: dict) -> str:
    sp = st.get("speaker")
    if isinstance(sp, dict):
        return sp.get("name") or ""
    return sp or ""


def match(gold: dict, pred: dict) -> list[dict]:
    """Per prediction: the gold statement it lands in (``text_hit``), whether its speaker is right
    there (``speaker_ok``, ``exact_ok``), and the gold it is correct for (``correct``, ``gold_index``)."""
    golds = [(g["speaker"], words(g["quote"])) for g in gold["statements"]]
    out = []
    for p in pred.get("statements", []):
        name, pw = _speaker_name(p), words(p.get("quote") or "")
        best = best_any = None
        for i, (gname, gw) in enumerate(golds):
            ov = _overlap(pw, gw) if pw else 0
            if not pw or ov * 2 < len(pw):
                continue
            if best_any is None or ov > best_any[0]:
                best_any = (ov, i)
            if same_speaker(name, gname) and (best is None or ov > best[0]):
                best = (ov, i)
        hit = best_any is not None
        out.append(
            {
                "words": pw,
                "text_hit": hit,
                "speaker_ok": hit and same_speaker(name, golds[best_any[1]][0]),
                "exact_ok": hit and exact_speaker(name, golds[best_any[1]][0]),
                "correct": best is not None,
                "gold_index": best[1] if best is not None else None,
            }
        )
    return out


def score_one(gold: dict, pred: dict) -> dict:
    """Counts for one article: gold is the labelled JSON, pred the extractor's JSON."""
    golds = [(words(g["quote"]), g) for g in gold["statements"]]
    covered = [Counter() for _ in golds]
    row = Counter()
    span = 0.0
    for p, m in zip(pred.get("statements", []), match(gold, pred), strict=True):
        row["predicted"] += 1
        row["marked_quotes"] += marked(p.get("quote") or "")
        row["text_hits"] += m["text_hit"]
        row["speaker_hits"] += m["speaker_ok"]
        row["exact_hits"] += m["exact_ok"]
        if not m["correct"]:
            continue
        row["correct"] += 1
        gw, g = golds[m["gold_index"]]
        covered[m["gold_index"]] |= Counter(m["words"]) & Counter(gw)
        span += word_f1(m["words"], gw)
        if g.get("kind"):
            row["kind_total"] += 1
            row["kind_hits"] += p.get("kind") == g["kind"]
        if g.get("date"):
            row["date_total"] += 1
            row["date_hits"] += str(p.get("date") or "").startswith(g["date"])
    row["gold"] = len(golds)
    missed = []
    for c, (gw, g) in zip(covered, golds, strict=True):
        if sum(c.values()) * 2 >= len(gw):
            row["found"] += 1
        else:
            missed.append(g)
    out = dict(row)
    out["span_f1_sum"] = span
    out["missed"] = missed
    return out


def total(rows: list[dict]) -> dict:
    """Precision, recall, F1, speaker accuracy and the strict figures over many articles."""
    t = Counter()
    span = 0.0
    for r in rows:
        t.update({k: v for k, v in r.items() if isinstance(v, int)})
        span += r["span_f1_sum"]
    p = t["correct"] / t["predicted"] if t["predicted"] else 0.0
    r = t["found"] / t["gold"] if t["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0

    def ratio(a: float, b: float) -> float:
        return round(a / b, 3) if b else 0.0

    keys = ("predicted", "correct", "gold", "found", "date_total", "date_hits", "marked_quotes")
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
        "speaker_accuracy": ratio(t["speaker_hits"], t["text_hits"]),
        "exact_speaker": ratio(t["exact_hits"], t["text_hits"]),
        "span_f1": ratio(span, t["correct"]),
        "kind_accuracy": ratio(t["kind_hits"], t["kind_total"]),
        **{k: t[k] for k in keys},
    }
