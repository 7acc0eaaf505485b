"""Score extracted statements against labelled gold files, by word overlap.

The rules are those of the project's evaluation scorer, so numbers compare:

- a predicted statement is correct when at least half of its words lie inside one gold quote
  whose speaker it names (the surname alone is enough; diacritics and "Jr."/"II" are ignored;
  a joint gold speaker "A and B" is matched by either);
- a gold statement is found when correct predictions cover at least half of its words;
- precision = correct / predicted, recall = found / gold; speaker accuracy counts, among
  predictions that land inside some gold quote, those with the right speaker;
- a gold statement with a "date" is dated right when the prediction's ISO date starts with it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

WORD = re.compile(r"\w+", re.UNICODE)
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
JOINT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


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


def same_speaker(pred: str, gold: str) -> bool:
    return any(_same_person(pred, g) for g in JOINT.split(gold or "") if g.strip())


def _same_person(pred: str, gold: str) -> bool:
    p, g = name_words(pred), name_words(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    return p[-1] == g[-1] and (set(p) <= set(g) or set(g) <= set(p))


def _overlap(a: list[str], b: list[str]) -> int:
    return sum((Counter(a) & Counter(b)).values())


def _speaker_name(st: dict) -> str:
    sp = st.get("speaker")
    if isinstance(sp, dict):
        return sp.get("name") or ""
    return sp or ""


def score_one(gold: dict, pred: dict) -> dict:
    """Counts for one article: gold is the labelled JSON, pred the extractor's JSON."""
    golds = [(g["speaker"], words(g["quote"]), g) for g in gold["statements"]]
    covered = [Counter() for _ in golds]
    row = Counter()
    for p in pred.get("statements", []):
        row["predicted"] += 1
        name, pw = _speaker_name(p), words(p.get("quote") or "")
        if not pw:
            continue
        best = best_any = None
        for i, (gname, gw, _) in enumerate(golds):
            ov = _overlap(pw, gw)
            if ov * 2 < len(pw):
                continue
            if best_any is None or ov > best_any[0]:
                best_any = (ov, i)
            if same_speaker(name, gname) and (best is None or ov > best[0]):
                best = (ov, i)
        if best_any is not None:
            row["text_hits"] += 1
            row["speaker_hits"] += same_speaker(name, golds[best_any[1]][0])
        if best is not None:
            row["correct"] += 1
            i = best[1]
            covered[i] |= Counter(pw) & Counter(golds[i][1])
            g = golds[i][2]
            if g.get("date"):
                row["date_total"] += 1
                row["date_hits"] += str(p.get("date") or "").startswith(g["date"])
    row["gold"] = len(golds)
    missed = []
    for c, (_, gw, g) in zip(covered, golds, strict=True):
        if sum(c.values()) * 2 >= len(gw):
            row["found"] += 1
        else:
            missed.append(g)
    out = dict(row)
    out["missed"] = missed
    return out


def total(rows: list[dict]) -> dict:
    """Precision, recall, F1 and speaker accuracy over many articles."""
    t = Counter()
    for r in rows:
        t.update({k: v for k, v in r.items() if isinstance(v, int)})
    p = t["correct"] / t["predicted"] if t["predicted"] else 0.0
    r = t["found"] / t["gold"] if t["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    sa = t["speaker_hits"] / t["text_hits"] if t["text_hits"] else 0.0
    keys = ("predicted", "correct", "gold", "found", "date_total", "date_hits")
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "speaker_accuracy": round(sa, 3),
            **{k: t[k] for k in keys}}
