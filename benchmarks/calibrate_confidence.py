"""Fit the confidence table of extraction/calibration.py on a labelled set, and report reliability.

    python benchmarks/calibrate_confidence.py ../shared/eval/polnear-dev           # report only
    python benchmarks/calibrate_confidence.py ../shared/eval/polnear-dev --write   # and rewrite the table

Each predicted statement is marked right or wrong with the evaluation scorer's own functions
(``words``, ``overlap``, ``same_speaker`` of ``--scorer``, imported as they are): right when at
least half of its words lie in one gold statement whose speaker it names. The table is the
share of right statements per feature key (calibration.features), each level shrunk toward the
level above it. Printed: the reliability of the fitted table on the set it was fitted on, and,
more honestly, of tables fitted on half the articles and applied to the other half (two folds).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from score_extraction import DEFAULT_SCORER, extract_set, load_scorer, load_set  # noqa: E402

from extraction import calibration  # noqa: E402

BINS = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01]
TABLE_START = "# --- fitted table (benchmarks/calibrate_confidence.py --write) ---\n"
TABLE_END = "# --- end of fitted table ---\n"


def is_right(scorer, gold: dict, pred: dict) -> bool:
    """The scorer's rule for one prediction: half its words in a gold quote whose speaker it names."""
    pw = scorer.words(pred.get("quote") or "")
    name = pred["speaker"]["name"] if isinstance(pred.get("speaker"), dict) else pred.get("speaker") or ""
    if not pw:
        return False
    for g in gold["statements"]:
        if scorer.overlap(pw, scorer.words(g["quote"])) * 2 >= len(pw) and scorer.same_speaker(
            name, g["speaker"]
        ):
            return True
    return False


def samples(scorer, items, results) -> list[tuple[int, tuple, bool]]:
    """(article index, feature key, right?) for every predicted statement."""
    out = []
    for n, ((gold, text), statements) in enumerate(zip(items, results, strict=True)):
        for st in statements:
            out.append((n, calibration.features(st, text), is_right(scorer, gold, st.as_dict())))
    return out


def fit(rows: list[tuple[int, tuple, bool]]) -> list[dict[tuple, float]]:
    """One table per level of calibration.LEVEL_DEPTHS, each shrunk toward the level above."""
    m = calibration.PRIOR_WEIGHT
    total = sum(right for _, _, right in rows)
    levels = [{(): round((total + 1) / (len(rows) + 2), 3)}]
    for depth in calibration.LEVEL_DEPTHS[1:]:
        counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
        for _, key, right in rows:
            c = counts[key[:depth]]
            c[0] += right
            c[1] += 1
        table = {}
        for k, (right, n) in counts.items():
            prior = calibration.probability(k + ("",) * 5, levels)
            table[k] = round((right + m * prior) / (n + m), 3)
        levels.append(table)
    return levels


def reliability(pairs: list[tuple[float, bool]]) -> list[tuple[str, float, float, int]]:
    """(bin, mean predicted, observed share right, count) per probability bin."""
    out = []
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        inside = [(p, r) for p, r in pairs if lo <= p < hi]
        if inside:
            mean_p = sum(p for p, _ in inside) / len(inside)
            obs = sum(r for _, r in inside) / len(inside)
            out.append((f"{lo:.1f}-{min(hi, 1.0):.1f}", mean_p, obs, len(inside)))
    return out


def print_table(title: str, pairs: list[tuple[float, bool]]) -> None:
    print(f"\n{title}")
    print("| bin | mean predicted | observed right | statements |")
    print("|---|---|---|---|")
    for name, mean_p, obs, n in reliability(pairs):
        print(f"| {name} | {mean_p:.2f} | {obs:.2f} | {n} |")
    ece = sum(n * abs(mp - ob) for _, mp, ob, n in reliability(pairs)) / len(pairs)
    brier = sum((p - r) ** 2 for p, r in pairs) / len(pairs)
    print(f"expected calibration error {ece:.3f}, Brier score {brier:.3f}, {len(pairs)} statements")


def _tuple(key: tuple) -> str:
    inner = ", ".join(json.dumps(x) for x in key)
    return f"({inner},)" if len(key) == 1 else f"({inner})"


def write_table(levels: list[dict[tuple, float]], fitted_on: str) -> None:
    path = ROOT / "extraction" / "calibration.py"
    source = path.read_text(encoding="utf-8")
    body = [f"FITTED_ON = {json.dumps(fitted_on)}\n", "LEVELS: list[dict[tuple, float]] = [\n"]
    for table in levels:
        body.append("    {\n")
        # written as ruff formats it: double quotes, a one-word tuple with its comma
        body.extend(f"        {_tuple(k)}: {v},\n" for k, v in sorted(table.items()))
        body.append("    },\n")
    body.append("]\n")
    pattern = re.compile(re.escape(TABLE_START) + ".*?" + re.escape(TABLE_END), re.DOTALL)
    path.write_text(pattern.sub(lambda _: TABLE_START + "".join(body) + TABLE_END, source), encoding="utf-8")
    print(f"\nwrote the table to {path.relative_to(ROOT)}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--write", action="store_true", help="rewrite the table in extraction/calibration.py")
    a = ap.parse_args()
    scorer = load_scorer(a.scorer)
    items = load_set(a.gold_dir)
    rows = samples(scorer, items, extract_set(items))
    print(f"{len(rows)} predicted statements in {len(items)} articles, {sum(r for *_, r in rows)} right")

    before = [(calibration.probability(key), right) for _, key, right in rows]
    print_table("Table in extraction/calibration.py now (before fitting):", before)
    levels = fit(rows)
    print_table(
        "Fitted, on the articles it was fitted on:",
        [(calibration.probability(k, levels), r) for _, k, r in rows],
    )
    held_out = []
    for fold in (0, 1):
        train = [row for row in rows if row[0] % 2 != fold]
        fold_levels = fit(train)
        held_out += [(calibration.probability(k, fold_levels), r) for n, k, r in rows if n % 2 == fold]
    print_table("Fitted on half the articles, applied to the other half (two folds):", held_out)
    if a.write:
        write_table(levels, f"{a.gold_dir.name}: {len(items)} articles, {len(rows)} predicted statements")
    return 0


if __name__ == "__main__":
    sys.exit(main())
