"""The layers hold: import-linter's contracts (pyproject.toml, [tool.importlinter]) all kept.

`make test` runs `lint-imports` too; this test makes a plain `pytest` check the same.
"""

import subprocess
import sys
import tomllib
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


def test_every_page_module_is_named_in_the_contracts():
    """A new statements/views_*.py must join the face lists, or the contracts would not see it."""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    faces = next(c for c in contracts if c["name"] == "faces reach tasks only through services")
    no_faces = next(c for c in contracts if c["name"] == "extraction and ingestion import no faces")
    for app in ("people", "statements"):
        for path in sorted((ROOT / app).glob("views*.py")):
            module = f"{app}.{path.stem}"
            assert module in faces["source_modules"], f"{module} missing from the faces contract"
            assert module in no_faces["forbidden_modules"], f"{module} missing from the no-faces contract"
