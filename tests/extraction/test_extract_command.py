"""manage.py extract --manifest: many articles in, one JSON line out per article, in order."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

FIRST = (
    "ZAGREB — Croatian Economy Minister Ivana Marjanovic Kos said on Wednesday that building permits "
    "would be issued within sixty days from January.\n"
)
SECOND = '"Harbours do not dredge themselves," said Port Commissioner Tomas Ekwall. "We start in May."\n'


def _manifest(tmp_path, rows):
    path = tmp_path / "manifest.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_manifest_prints_one_result_per_article_in_order(tmp_path, nlp, django_db_blocker):
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    rows = [
        {"path": str(tmp_path / "b.txt"), "published": "2026-05-02"},
        {"path": str(tmp_path / "a.txt"), "published": "2026-11-04"},
        {"path": str(tmp_path / "b.txt"), "published": ""},
    ]
    out = StringIO()
    with django_db_blocker.block():
        call_command("extract", "--manifest", str(_manifest(tmp_path, rows)), stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["path"] for r in lines] == [r["path"] for r in rows]
    assert {s["speaker"]["name"] for s in lines[0]["statements"]} == {"Tomas Ekwall"}
    assert {s["speaker"]["name"] for s in lines[1]["statements"]} == {"Ivana Marjanovic Kos"}
    assert lines[1]["statements"][0]["date"] == "2026-11-04"
    # without a publication date the same statements come out undated, and say so
    assert {(s["date"], s["date_basis"]) for s in lines[2]["statements"]} == {(None, "unknown")}
    dated = {"date", "date_basis"}
    assert [{k: v for k, v in s.items() if k not in dated} for s in lines[0]["statements"]] == [
        {k: v for k, v in s.items() if k not in dated} for s in lines[2]["statements"]
    ]


def test_manifest_errors_name_the_line(tmp_path):
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    good = {"path": str(tmp_path / "a.txt"), "published": "2026-11-04"}
    with pytest.raises(CommandError, match=r"manifest.jsonl:2: .*no such file"):
        call_command("extract", "--manifest", str(_manifest(tmp_path, [good, {"path": "nowhere.txt"}])))
    with pytest.raises(CommandError, match=r":2: published must be YYYY-MM-DD"):
        call_command("extract", "--manifest", str(_manifest(tmp_path, [good, {**good, "published": "4/11"}])))
    with pytest.raises(CommandError, match=r":1: each line must be an object"):
        call_command("extract", "--manifest", str(_manifest(tmp_path, [["a.txt"]])))
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad.jsonl:1: not JSON"):
        call_command("extract", "--manifest", str(bad))


def test_one_file_or_a_manifest(tmp_path):
    with pytest.raises(CommandError, match="either one FILE or --manifest"):
        call_command("extract")
    path = tmp_path / "a.txt"
    path.write_text(FIRST, encoding="utf-8")
    with pytest.raises(CommandError, match="either one FILE or --manifest"):
        call_command("extract", str(path), "--manifest", str(_manifest(tmp_path, [])))
