"""Extraction stays readable: no function longer than a screen, and no Django in the library."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "extraction"
MAX_FUNCTION_LINES = 80  # the project's limit for product code


def _functions():
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                yield path.name, node


def test_no_function_over_the_limit():
    long = [
        f"{name}:{f.lineno} {f.name} ({f.end_lineno - f.lineno + 1} lines)"
        for name, f in _functions()
        if f.end_lineno - f.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []


def test_the_library_imports_no_django_and_no_app():
    apps = ("django", "rest_framework", "celery", "people", "statements", "common", "config")
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and not node.level
                else []
            )
            bad += [f"{path.name}: {n}" for n in names if n.split(".")[0] in apps]
    assert bad == []
