"""The labelled articles in articles/: overall quality, offsets and dates."""

import importlib.util
import json
import re
from datetime import date
from pathlib import Path

import pytest

from extraction import EXTRACTOR_VERSION, extract_many, scoring

ARTICLES = Path(__file__).parent / "articles"
SHARED_SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"


def _gold():
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.json"))]


@pytest.fixture(scope="module")
def run(nlp):
    gold = _gold()
    texts = [((ARTICLES / g["text_file"]).read_text(encoding="utf-8"), g["published"]) for g in gold]
    return gold, texts, extract_many(texts, nlp=nlp)


def test_gold_files_are_consistent():
    gold = _gold()
    assert len(gold) >= 15
    for g in gold:
        text = (ARTICLES / g["text_file"]).read_text(encoding="utf-8")
        date.fromisoformat(g["published"])
        for st in g["statements"]:
            assert st["quote"] in text, (g["text_file"], st["quote"])
            assert st["kind"] in ("direct", "indirect", "mixed")


def test_quality_on_the_labelled_set(run):
    gold, _texts, results = run
    rows = [scoring.score_one(g, {"statements": [s.as_dict() for s in r]}) for g, r in zip(gold, results, strict=True)]
    total = scoring.total(rows)
    assert total["f1"] >= 0.85, total
    assert total["speaker_accuracy"] >= 0.9, total
    assert total["date_hits"] >= 0.8 * total["date_total"], total


def test_quotes_are_spans_of_the_text_and_dates_not_after_publication(run):
    _gold_docs, texts, results = run
    for (text, published), statements in zip(texts, results, strict=True):
        pub = date.fromisoformat(published)
        for st in statements:
            printed = iter(re.findall(r"\w+", text[st.start:st.end]))  # the words, in order, in the citation
            assert st.quote and all(w in printed for w in re.findall(r"\w+", st.quote)), st.quote
            assert st.date is None or st.date <= pub, (st.quote, st.date, pub)


def test_output_is_json_serialisable(run):
    _gold_docs, _texts, results = run
    payload = {"statements": [s.as_dict() for r in results for s in r], "extractor_version": EXTRACTOR_VERSION}
    assert json.loads(json.dumps(payload))["extractor_version"] == EXTRACTOR_VERSION


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="the shared evaluation scorer is not beside the repository")
def test_own_scorer_agrees_with_the_shared_one(run):
    spec = importlib.util.spec_from_file_location("shared_score", SHARED_SCORER)
    shared = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shared)
    gold, _texts, results = run
    for g, r in zip(gold, results, strict=True):
        pred = {"statements": [s.as_dict() for s in r]}
        mine, theirs = scoring.score_one(g, pred), shared.score_one(g, pred)
        for key in ("correct", "found", "text_hits", "speaker_hits", "date_hits"):
            assert mine.get(key, 0) == theirs[key], (g["text_file"], key)
