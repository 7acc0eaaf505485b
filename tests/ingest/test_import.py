"""manage.py import: directories and JSON Lines, duplicates, clear failures, and a dry run that stores nothing."""

import datetime as dt
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from common import record_version
from statements.models import Article, Outlet

from . import corpus

pytestmark = pytest.mark.django_db

HARBOUR_PAGE = Path(__file__).parent / "pages" / "harbour_budget.html"


def _text(i: int) -> str:
    fields = corpus.article_fields(i)
    return fields["headline"] + "\n\n" + "\n\n".join(fields["paragraphs"])


def _run(*args) -> tuple[str, str, CommandError | None]:
    out, err = StringIO(), StringIO()
    error = None
    try:
        call_command("import", *args, "--no-progress", stdout=out, stderr=err)
    except CommandError as exc:
        error = exc
    return out.getvalue(), err.getvalue(), error


@pytest.fixture
def archive(tmp_path) -> Path:
    (tmp_path / "a.txt").write_text(_text(1), encoding="utf-8")
    (tmp_path / "b.txt").write_text(_text(2), encoding="utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "copy-of-a.TXT").write_text("  " + _text(1).upper() + "\n", encoding="utf-8")
    (tmp_path / "harbour.html").write_bytes(HARBOUR_PAGE.read_bytes())
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00\x00binary\x00junk")
    (tmp_path / "empty.html").write_bytes(b"<html><body><nav>Home</nav></body></html>")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7 ignored")
    return tmp_path


def test_imports_a_directory_once_with_a_summary_and_reasons(archive, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as enqueued:
        out, err, error = _run(str(archive), "--outlet", "Ledger Archive")
    assert "created 3, duplicate 1, failed 2" in out
    assert "broken.txt: The file is not UTF-8 text" in err
    assert "empty.html: The page has too little article text" in err
    assert "notes.pdf" not in err
    assert error is not None and "2 of 6 items could not be imported" in str(error)

    assert Article.objects.count() == 3
    assert set(Article.objects.values_list("origin", flat=True)) == {Article.Origin.IMPORT}
    tasks = [callback for callback in enqueued if callback is not record_version.bump]  # the cache's own
    assert len(tasks) == 3, "one extraction task per new article, after commit"
    harbour = Article.objects.get(title="Varga defends harbour budget")
    assert harbour.published == dt.date(2026, 3, 14)
    assert harbour.author == "Tomas Reed"
    assert "SECRET" not in harbour.text
    assert Article.objects.filter(outlet__name="Ledger Archive").count() == 3, (
        "--outlet names every file's outlet"
    )
    assert harbour.outlet.name == "Ledger Archive"


def test_a_second_import_finds_only_duplicates(archive):
    _run(str(archive))
    out, _, _ = _run(str(archive))
    assert "created 0, duplicate 4, failed 2" in out
    assert Article.objects.count() == 3


def test_dry_run_reports_the_same_and_stores_nothing(archive, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as enqueued:
        out, err, error = _run(str(archive), "--dry-run")
    assert "dry run (nothing stored): would have created 3, duplicate 1, failed 2" in out
    assert "broken.txt" in err
    assert error is not None
    assert Article.objects.count() == 0
    assert Outlet.objects.count() == 0
    assert enqueued == []


def _jsonl(tmp_path, lines) -> Path:
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines), "utf-8")
    return path


def test_imports_json_lines(tmp_path, django_capture_on_commit_callbacks):
    future = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    path = _jsonl(
        tmp_path,
        [
            {"title": "Rail link", "text": _text(3), "published": "2026-03-04", "outlet": "Northern Ledger"},
            {"url": "https://ledger.example.com/news/7?utm_source=x", "title": "Energy levy"},
            {
                "url": "https://www.ledger.example.com/news/8",
                "text": _text(8),
                "published": "2026-03-09T10:00:00Z",
            },
            "",
            {"title": "Rail link again", "text": _text(3)},
            {"url": "https://ledger.example.com/news/7"},
            "{not json",
            '["a", "list"]',
            {"text": _text(4), "author": "someone"},
            {"text": _text(5), "published": future},
            {"text": _text(6), "published": "last Tuesday"},
            {"url": "http://localhost/admin"},
            {"title": "nothing else"},
            {"text": 42},
        ],
    )
    with django_capture_on_commit_callbacks(execute=False):
        out, err, error = _run(str(path))
    assert "created 3, duplicate 2, failed 8" in out
    assert "export.jsonl line 7: Not valid JSON" in err
    assert "line 8: Each line must be a JSON object" in err
    assert "line 9: Unknown field(s) author" in err
    assert "line 10: The publication date" in err and "future" in err
    assert "line 11: The publication date 'last Tuesday' is not a date" in err
    assert "line 12: Refused:" in err
    assert "line 13: Nothing to ingest" in err
    assert "line 14: The field 'text' must be a string" in err
    assert error is not None

    rail = Article.objects.get(title="Rail link")
    assert (rail.published, rail.outlet.name, rail.status) == (
        dt.date(2026, 3, 4),
        "Northern Ledger",
        "fetched",
    )
    queued = Article.objects.get(url="https://ledger.example.com/news/7")
    assert (queued.status, queued.title, queued.origin) == ("queued", "Energy levy", "import")
    with_both = Article.objects.get(published=dt.date(2026, 3, 9))
    assert with_both.outlet.name == "ledger.example.com"


def test_a_clean_json_lines_import_exits_normally(tmp_path):
    path = _jsonl(tmp_path, [{"text": _text(9)}, {"text": _text(10)}])
    out, err, error = _run(str(path))
    assert error is None
    assert out.strip() == "created 2, duplicate 0, failed 0"
    assert err == ""


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing.jsonl", "does not exist"), ("data.csv", "neither a directory nor a JSON Lines")],
)
def test_bad_paths_are_refused_clearly(tmp_path, name, message):
    path = tmp_path / name
    if name.endswith(".csv"):
        path.write_text("a,b\n")
    with pytest.raises(CommandError, match=message):
        call_command("import", str(path), "--no-progress", stdout=StringIO())


def test_a_directory_without_articles_is_refused(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(CommandError, match="no .txt or .html files"):
        call_command("import", str(tmp_path), "--no-progress", stdout=StringIO())


def test_a_file_larger_than_the_page_limit_is_refused(tmp_path, settings):
    settings.FETCH_MAX_BYTES = 2000
    (tmp_path / "small.txt").write_text(_text(11), encoding="utf-8")
    (tmp_path / "huge.txt").write_text(_text(12) * 20, encoding="utf-8")
    out, err, error = _run(str(tmp_path))
    assert "created 1, duplicate 0, failed 1" in out
    assert "huge.txt: The file is larger than the" in err
    assert error is not None and "1 of 2 items" in str(error)


def test_a_line_that_is_not_utf8_is_named_and_skipped_and_the_others_imported(tmp_path):
    """F11: one latin-1 line does not refuse the whole file, and the report names it."""
    good = [json.dumps({"title": f"Report {i}", "text": _text(20 + i)}).encode() for i in range(3)]
    latin1 = json.dumps({"title": "Café budget", "text": _text(30)}, ensure_ascii=False).encode("latin-1")
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join([good[0], latin1, good[1], good[2]]) + b"\n")
    out, err, error = _run(str(path))
    assert "created 3, duplicate 0, failed 1" in out
    assert "mixed.jsonl line 2: The line is not UTF-8 (byte 0xe9" in err
    assert "save the file as UTF-8" in err
    assert error is not None and "1 of 4 items could not be imported" in str(error)
    assert Article.objects.count() == 3


def test_a_line_longer_than_any_article_is_refused_without_reading_it_whole(tmp_path, settings):
    settings.INGEST_MAX_TEXT_CHARS = 2000
    path = tmp_path / "long.jsonl"
    huge = json.dumps({"title": "Huge", "text": "word " * 20_000})
    path.write_text("\n".join([huge, json.dumps({"title": "Small", "text": _text(40)})]) + "\n", "utf-8")
    out, err, _ = _run(str(path))
    assert "created 1, duplicate 0, failed 1" in out
    assert "long.jsonl line 1: The line is longer than" in err


def test_a_database_outage_stops_the_import_with_where_and_what_to_do(tmp_path, monkeypatch):
    import importlib

    from django.db import OperationalError

    command = importlib.import_module("statements.management.commands.import")
    real_ingest, calls = command.article_ingest, []

    def ingest_until_the_database_goes(**fields):
        calls.append(fields)
        if len(calls) == 3:
            raise OperationalError("server closed the connection unexpectedly")
        return real_ingest(**fields)

    path = _jsonl(tmp_path, [{"title": f"R{i}", "text": _text(50 + i)} for i in range(5)])
    monkeypatch.setattr(command, "article_ingest", ingest_until_the_database_goes, raising=True)
    _, _, error = _run(str(path))
    assert "stopped answering at export.jsonl line 3, after 2 items" in str(error)
    assert "run the same command again" in str(error)
    assert Article.objects.count() == 2
