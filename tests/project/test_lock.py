"""The lock files `make install` uses agree with pyproject.toml: pinned, hash-checked, CPU-only torch."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
LOCKS = {
    "base.txt": PYPROJECT["project"]["dependencies"],
    "dev.txt": PYPROJECT["project"]["dependencies"] + PYPROJECT["project"]["optional-dependencies"]["dev"],
    "embeddings.txt": PYPROJECT["project"]["dependencies"]
    + PYPROJECT["project"]["optional-dependencies"]["dev"]
    + PYPROJECT["project"]["optional-dependencies"]["embeddings"],
}
PIN = re.compile(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==([^\s;\\]+)")


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked(name: str) -> dict[str, str]:
    """Package → version, and every entry carries at least one sha256 hash."""
    lines = (ROOT / "requirements" / name).read_text().splitlines()
    text = "\n".join(line for line in lines if line.strip() and not line.startswith("#"))
    entries = re.split(r"\n(?=[A-Za-z0-9])", text)
    pins = {}
    for entry in entries:
        match = PIN.match(entry)
        assert match, f"{name}: not an exact pin: {entry.splitlines()[0]}"
        assert "--hash=sha256:" in entry, f"{name}: {match.group(1)} has no hash"
        pins[_key(match.group(1))] = match.group(2)
    return pins


@pytest.mark.parametrize("name", sorted(LOCKS))
def test_every_pin_in_pyproject_is_locked_at_that_version(name):
    pins = locked(name)
    for requirement in LOCKS[name]:
        package, version = PIN.match(requirement).groups()
        assert pins.get(_key(package), "").split("+")[0] == version, (
            f"requirements/{name} does not lock {requirement}: run `make lock`"
        )


def test_torch_is_the_cpu_build_without_cuda_packages():
    pins = locked("embeddings.txt")
    assert pins["torch"] == "2.13.0+cpu"
    assert not [p for p in pins if p.startswith(("nvidia-", "triton", "cuda-"))]
    assert "torch" not in locked("dev.txt")
