"""python -m extraction prints the same JSON as the manage.py command."""

import json
from pathlib import Path

from extraction import EXTRACTOR_VERSION
from extraction.__main__ import main

ARTICLE = Path(__file__).parent / "articles" / "uk-housing-pledge.txt"


def test_cli_prints_statements_json(nlp, capsys):
    assert main(["--published", "2025-04-10", str(ARTICLE)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["extractor_version"] == EXTRACTOR_VERSION
    assert out["statements"], out
    first = out["statements"][0]
    assert {"speaker", "quote", "kind", "cue", "start", "end", "date", "date_precision"} <= set(first)
    assert first["speaker"]["name"] == "Helen Marsh"
