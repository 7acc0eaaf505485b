"""Management commands a newcomer runs first: extract, ingest, load_samples, reextract."""

import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from people.models import Person
from statements.models import Article, Statement

TEXT = (
    "Croatian minister promises faster permits\n\n"
    "ZAGREB — Croatian Economy Minister Ivana Marjanovic Kos said on Wednesday that building permits "
    "would be issued within sixty days from January.\n\n"
    '"Investors have waited long enough," Marjanovic Kos said. "Sixty days is a promise, not a target."\n'
)


def test_extract_prints_json_and_writes_nothing(tmp_path, django_db_blocker):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = StringIO()
    with django_db_blocker.block():  # the command must not touch the database at all
        call_command("extract", str(path), "--format", "json", "--published", "2026-11-04", stdout=out)
    payload = json.loads(out.getvalue())
    assert payload["extractor_version"]
    statements = payload["statements"]
    assert statements
    for s in statements:
        assert s["speaker"]["name"] and s["quote"] and s["kind"] in {"direct", "indirect", "mixed"}
        assert s["date"] <= "2026-11-04"
        # the words, in order, inside the span as printed (a quotation around its cue is one statement)
        printed = iter(re.findall(r"\w+", TEXT[s["start"] : s["end"]]))
        assert all(w in printed for w in re.findall(r"\w+", s["quote"])), s["quote"]


def test_extract_rejects_a_bad_date_and_a_missing_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("extract", str(path), "--published", "04/11/2026")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("extract", str(tmp_path / "missing.txt"))


@pytest.mark.django_db
def test_ingest_command_is_idempotent_and_reports_bad_input(tmp_path, django_capture_on_commit_callbacks):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest", str(good), "--published", "2026-11-04", stdout=out)
    count = Statement.objects.count()
    assert count > 0 and "ingested as article" in out.getvalue()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest", str(good), stdout=out)
    assert "already on record" in out.getvalue()
    assert Statement.objects.count() == count and Article.objects.count() == 1
    err = StringIO()
    with pytest.raises(CommandError, match="could not be ingested"):
        call_command("ingest", str(binary), "http://192.168.0.1/x", str(tmp_path / "nope.txt"), stderr=err)
    assert "not UTF-8" in err.getvalue() and "No such file" in err.getvalue()
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_load_samples_twice_creates_no_duplicates(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_samples", stdout=StringIO())
    articles, statements, people = Article.objects.count(), Statement.objects.count(), Person.objects.count()
    assert articles >= 5 and statements >= 25
    assert Article.objects.filter(is_demo=True).count() == articles
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_samples", stdout=StringIO())
    assert (Article.objects.count(), Statement.objects.count(), Person.objects.count()) == (
        articles,
        statements,
        people,
    )
    assert not Article.objects.filter(status=Article.Status.FAILED).exists()
    kinds = set(Statement.objects.values_list("kind", flat=True))
    assert kinds == {"direct", "indirect", "mixed"}


@pytest.mark.django_db
def test_reextract_command_keeps_counts(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_samples", stdout=StringIO())
    before = Statement.objects.count()
    out = StringIO()
    call_command("reextract", "--all", stdout=out)
    assert "Re-extracted" in out.getvalue()
    assert Statement.objects.count() == before
