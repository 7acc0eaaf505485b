"""No text of the held-out evaluation articles in the project.

Scores on ../shared/eval only mean something while the project has never seen those articles:
a run of EIGHT words from any of them in a tracked file (a test sentence, a comment, a sample)
fails this test. Case, punctuation and whitespace are ignored; web boilerplate that every site
prints ("Leave a reply ...") is not evidence of copying and is allowed.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = Path(os.environ.get("ONRECORD_EVAL_DIR", ROOT.parent / "shared" / "eval"))
RUN = 8  # words: long enough that a shared run is a copy, short enough to catch a copied sentence
WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
# Lines every web page carries, whatever the article: sharing its words is not copying.
BOILERPLATE = [
    "Leave a Reply Your email address will not be published. Required fields are marked *",
    "Your email address will not be published",
    "Share this article Shareable URL Prev Post Next Post",
    "Follow us on Twitter Follow us on Facebook",
    "All rights reserved. This material may not be published, broadcast, rewritten or redistributed",
    "Sign up for our newsletter to get the latest news delivered to your inbox",
]


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'").replace("‘", "'"))


def runs(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def eval_runs(eval_dir: Path) -> dict[tuple[str, ...], str]:
    """Every RUN-word run of the eval texts, mapped to the file it comes from, boilerplate aside."""
    allowed = set().union(*(runs(b) for b in BOILERPLATE))
    out: dict[tuple[str, ...], str] = {}
    for path in sorted(eval_dir.rglob("*.txt")):
        for run in runs(path.read_text(encoding="utf-8", errors="replace")) - allowed:
            out.setdefault(run, str(path.relative_to(eval_dir)))
    return out


def tracked_files(root: Path) -> list[Path]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True, text=True
        )
    except (OSError, subprocess.CalledProcessError):  # an exported tree without git: every file but the venv
        return [
            p for p in root.rglob("*") if p.is_file() and not {".git", ".venv", "node_modules"} & set(p.parts)
        ]
    return [root / name for name in listed.stdout.split("\0") if name]


def copies(files: list[Path], eval_index: dict[tuple[str, ...], str]) -> list[str]:
    found = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # images and other binaries
        hits = sorted(runs(text) & eval_index.keys())
        if hits:
            found.append(f"{path}: {' '.join(hits[0])!r} (from {eval_index[hits[0]]}; {len(hits)} runs)")
    return found


@pytest.fixture(scope="module")
def eval_index():
    if not EVAL_DIR.is_dir() or not any(EVAL_DIR.rglob("*.txt")):
        message = f"the evaluation articles are not at {EVAL_DIR} (set ONRECORD_EVAL_DIR)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return eval_runs(EVAL_DIR)


def test_no_run_of_eight_eval_words_in_the_project(eval_index):
    assert copies(tracked_files(ROOT), eval_index) == []


def test_the_check_catches_a_copied_sentence_and_allows_boilerplate(tmp_path):
    eval_dir = tmp_path / "eval"
    eval_dir.mkdir()
    article = "The harbour master said the new cranes would arrive before the autumn storms.\nLeave a Reply\n"
    (eval_dir / "a.txt").write_text(article + "Your email address will not be published.\n", encoding="utf-8")
    index = eval_runs(eval_dir)
    copied = tmp_path / "copied.py"
    copied.write_text('# "The HARBOUR master said -- the new cranes would arrive"\n', encoding="utf-8")
    seven = tmp_path / "seven.py"
    seven.write_text("the harbour master said the new cranes\n", encoding="utf-8")
    footer = tmp_path / "footer.html"
    footer.write_text(
        "<p>Leave a reply</p><p>Your email address will not be published.</p>", encoding="utf-8"
    )
    assert [line.split(":")[0] for line in copies([copied, seven, footer], index)] == [str(copied)]
