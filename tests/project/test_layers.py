"""The layers hold: import-linter's contracts (pyproject.toml, [tool.importlinter]) all kept.

`make test` runs `lint-imports` too; this test makes a plain `pytest` check the same.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTRACTS = [
    "extraction is a pure library: no Django, no project package",
    "common is neutral plumbing: it imports no app",
    "people imports nothing of statements",
    "extraction and ingestion import no faces",
    "faces reach tasks only through services",
]


def test_import_contracts_are_kept():
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for name in CONTRACTS:
        assert f"{name} KEPT" in result.stdout, f"contract missing from pyproject.toml: {name}"
