"""No function in product code is over 80 lines: long functions hide steps that deserve names.

Product code is every Python file of the project except tests/, benchmarks/, migrations and
the virtualenv. The length counts from the `def` line (decorators aside) to the last line.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 80
NOT_PRODUCT = {"tests", "benchmarks", "migrations", ".venv", "node_modules", "static"}


def product_files() -> list[Path]:
    return sorted(
        path
        for path in ROOT.rglob("*.py")
        if not NOT_PRODUCT.intersection(path.relative_to(ROOT).parts)
        and not any(part.startswith(".") for part in path.relative_to(ROOT).parts)
    )


def long_functions(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1
            if length > MAX_LINES:
                found.append(f"{path.relative_to(root)}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_the_check_sees_the_product_code():
    names = {str(path.relative_to(ROOT)) for path in product_files()}
    assert {"manage.py", "extraction/__init__.py", "people/models.py", "statements/models.py"} <= names
    assert not any(name.startswith(("tests/", "benchmarks/")) or "/migrations/" in name for name in names)


def test_long_functions_are_found(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_LINES))
    (tmp_path / "long.py").write_text(f"def too_long():\n{body}\n")
    (tmp_path / "short.py").write_text("def fine():\n    return 1\n")
    assert [line.split()[1] for line in long_functions(tmp_path / "long.py", tmp_path)] == ["too_long"]
    assert long_functions(tmp_path / "short.py", tmp_path) == []


def test_no_function_in_product_code_is_over_80_lines():
    offenders = [line for path in product_files() for line in long_functions(path)]
    assert not offenders, "split these into named steps:\n" + "\n".join(offenders)
