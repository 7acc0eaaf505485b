"""Plain text through `manage.py ingest`: every statement is linked to the person the text names,
and a hyphenated or particle surname is stored whole, never as spaCy's tokens joined with spaces."""

from io import StringIO

import pytest
from django.core.management import call_command

from people.models import Person
from statements.models import Statement

pytestmark = pytest.mark.django_db

ARTICLE = """Irish health minister promises shorter waiting lists

DUBLIN — Health Minister Aoife Brennan-Kiely said on Tuesday that waiting lists for hip operations would be halved by the end of next year.

Brennan-Kiely told reporters outside Leinster House that 12 new surgical theatres would open in regional hospitals. "Nobody should wait two years to walk without pain," she said.

Finance spokesman Pieter van der Berg-Hollis said the plan had not been costed. Van der Berg-Hollis told the Dail that the theatres had no staff to run them.

"The minister is promising buildings, not operations," van der Berg-Hollis said.
"""
NAMED = {"Aoife Brennan-Kiely", "Pieter van der Berg-Hollis"}


def test_ingested_text_links_every_statement_to_the_person_it_names(
    tmp_path, django_capture_on_commit_callbacks
):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest", str(path), "--published", "2026-11-04", stdout=out)
    assert "ingested as article" in out.getvalue()
    statements = list(Statement.objects.select_related("speaker"))
    assert len(statements) >= 6
    assert all(s.speaker is not None for s in statements), [(s.speaker_text, s.quote) for s in statements]
    assert {s.speaker.name for s in statements} == NAMED
    assert set(Person.objects.values_list("name", flat=True)) == NAMED
    assert not [s.speaker_text for s in statements if " - " in s.speaker_text]
    by_speaker = {name: [s.quote for s in statements if s.speaker.name == name] for name in NAMED}
    assert any("waiting lists for hip operations" in q for q in by_speaker["Aoife Brennan-Kiely"])
    assert any("promising buildings, not operations" in q for q in by_speaker["Pieter van der Berg-Hollis"])
