"""Score the extractor on a labelled set in one process, with the evaluation scorer's own rules.

    python benchmarks/score_extraction.py ../shared/eval/polnear-dev
    python benchmarks/score_extraction.py tests/extraction/articles --verbose

Loads spaCy once and runs ``extract`` over every article (``published`` from the gold file), then
scores with ``score_one``/``total`` of the evaluation scorer (``--scorer``, default
``../shared/eval/score.py`` beside the repository), imported as it is, so the figures are the
scorer's. Prints one JSON line of totals, like ``score.py``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def load_scorer(path: Path):
    """The evaluation scorer as a module (its rules are used as they are, never copied)."""
    if not path.exists():
        sys.exit(f"no scorer at {path}: pass --scorer")
    spec = importlib.util.spec_from_file_location("eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_set(gold_dir: Path) -> list[tuple[dict, str]]:
    """(gold, article text) for every gold file of a labelled set, in name order."""
    out = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "statements" not in gold or "text_file" not in gold:
            continue
        out.append((gold, (gold_dir / gold["text_file"]).read_text(encoding="utf-8")))
    return out


def extract_set(items: list[tuple[dict, str]], model: str | None = None):
    """The extractor's statements for each article, the model loaded once."""
    from extraction import extract_many
    from extraction import nlp as nlp_mod

    nlp = nlp_mod.load(model or nlp_mod.DEFAULT_MODEL)
    return extract_many([(text, gold.get("published") or None) for gold, text in items], nlp=nlp)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--verbose", action="store_true", help="list the missed gold statements per article")
    a = ap.parse_args()
    scorer = load_scorer(a.scorer)
    items = load_set(a.gold_dir)
    results = extract_set(items)
    rows = []
    for (gold, _text), statements in zip(items, results, strict=True):
        row = scorer.score_one(gold, {"statements": [s.as_dict() for s in statements]})
        rows.append(row)
        if a.verbose:
            print(
                f"{gold['text_file']}: found {row['found']}/{row['gold']}, correct {row['correct']}/{row['predicted']}"
            )
            for missed in row["missed"]:
                print("   missed", missed)
    print(json.dumps(scorer.total(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
