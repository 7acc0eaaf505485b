"""add_analyst makes working review accounts; export_gold writes what score.py scores."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.urls import reverse

from statements.models import Statement
from statements.services import review
from statements.services.gold import quote_words

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
STORY = (
    "Island council votes on new ferry\n\n"
    "VISBY — Harbour Minister Sanna Lindqvist said on Tuesday that the island would get a second ferry "
    "before the summer season.\n\n"
    "\u201cTwo boats are the least a growing island needs,\u201d Lindqvist told the council. "
    "\u201cThe order will be signed this month.\u201d\n"
)


def test_add_analyst_makes_an_account_that_can_sign_in_and_review(client, monkeypatch):
    monkeypatch.setenv("NEW_ANALYST_PASSWORD", "tide-chart-lantern-42")
    call_command("add_analyst", "maren", "--password-from-env", "NEW_ANALYST_PASSWORD")
    user = User.objects.get(username="maren")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Analysts"]
    assert client.login(username="maren", password="tide-chart-lantern-42")
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:statements_statement_review")).status_code == 200
    call_command("add_analyst", "maren", "--editor", "--keep-password")
    assert set(User.objects.get(username="maren").groups.values_list("name", flat=True)) == {
        "Analysts",
        "Editors",
    }


def test_add_analyst_refuses_a_missing_or_weak_password(monkeypatch):
    with pytest.raises(CommandError, match="not set"):
        call_command("add_analyst", "olle", "--password-from-env", "NO_SUCH_VARIABLE_HERE")
    monkeypatch.setenv("WEAK", "123")
    with pytest.raises(CommandError, match="Password refused"):
        call_command("add_analyst", "olle", "--password-from-env", "WEAK")
    assert not User.objects.filter(username="olle").exists()


def test_export_gold_writes_one_gold_statement_per_decision_and_scores(tmp_path, ingest):
    article = ingest(text=STORY, published="2026-10-06").article
    statements = list(Statement.objects.filter(citations__article=article).order_by("pk"))
    assert len(statements) >= 2
    reviewer = User.objects.create_user("gold", is_staff=True)
    review.statement_verify(statement=statements[0], reviewer=reviewer)
    review.statement_edit(statement=statements[1], reviewer=reviewer, changes={"analyst_note": "checked"})
    review.statement_verify(statement=statements[1], reviewer=reviewer)
    for extra in statements[2:]:
        review.statement_reject(statement=extra, reviewer=reviewer, reason="test")
    call_command("export_gold", str(tmp_path))
    (gold_file,) = tmp_path.glob("*.json")
    gold = json.loads(gold_file.read_text())
    assert (tmp_path / gold["text_file"]).read_text() == article.text
    assert gold["published"] == "2026-10-06"
    assert len(gold["statements"]) == 2
    assert {row["quote"] for row in gold["statements"]} == {
        quote_words(c.text) for s in statements[:2] for c in s.citations.all()
    }
    assert not any(row["quote"].endswith(",") for row in gold["statements"])
    if not SCORE.exists():
        pytest.skip(f"{SCORE} is not here")
    command = (
        f"{sys.executable} {ROOT / 'manage.py'} extract --format json --published {{published}} {{text}}"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    out = subprocess.run(
        [sys.executable, str(SCORE), str(tmp_path), "--cmd", command],
        capture_output=True, text=True, timeout=300, cwd=ROOT, env=env, check=True,
    )  # fmt: skip
    assert '"gold": 2' in out.stdout, out.stdout + out.stderr
    assert '"found": 2' in out.stdout, out.stdout + out.stderr
