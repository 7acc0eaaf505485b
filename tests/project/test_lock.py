"""The lock files install what pyproject.toml pins: a pin added without `make lock` fails here.

`make install` installs requirements/dev.txt with --require-hashes and then the project without
its dependencies, so a dependency missing from the lock would be missing on a fresh machine.
"""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def _name(raw: str) -> str:
    return re.sub(r"[-_.]+", "-", raw).lower()


def _pins(lines) -> dict[str, str]:
    pins = {}
    for line in lines:
        match = PIN.match(line.strip())
        if match:
            pins[_name(match.group(1))] = match.group(2)
    return pins


def _project_pins(*extras: str) -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in extras:
        wanted += project["optional-dependencies"][extra]
    return _pins(wanted)


def _locked(name: str) -> dict[str, str]:
    return _pins((ROOT / "requirements" / name).read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(
    ("lock", "extras"), [("dev.txt", ("dev",)), ("embeddings.txt", ("dev", "embeddings"))]
)
def test_every_pin_of_pyproject_is_locked_at_its_version(lock, extras):
    locked = _locked(lock)
    missing = {
        name: version
        for name, version in _project_pins(*extras).items()
        # a local version label (torch's +cpu) is the same release
        if locked.get(name, "").split("+")[0] != version.split("+")[0]
    }
    assert not missing, f"run `make lock`: requirements/{lock} lacks {missing}"


def test_the_pin_parser_reads_extras_and_hash_continuations():
    assert _pins(["psycopg[binary]==3.3.9", "torch==2.13.0+cpu \\", "  --hash=sha256:ab"]) == {
        "psycopg": "3.3.9",
        "torch": "2.13.0+cpu",
    }
