"""Layering: app → coding → models. coding/models never import Qt; app never touches the database."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "models": ("PySide6", "shiboken6", "app", "coding"),
    "coding": ("PySide6", "shiboken6", "app"),
    "app": ("sqlalchemy", "alembic", "sqlite3", "models"),
}


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(layer: str) -> None:
    violations = []
    for path in sorted((ROOT / layer).rglob("*.py")):
        for line, module in _imports(path):
            if module.split(".")[0] in FORBIDDEN[layer]:
                violations.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert violations == []


def test_app_runs_no_sql() -> None:
    offenders = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for needle in (".execute(", "session.", "SELECT ", "INSERT INTO", "UPDATE "):
            if needle in text:
                offenders.append(f"{path.relative_to(ROOT)}: {needle!r}")
    assert offenders == []


def test_the_domain_imports_without_qt() -> None:
    import subprocess
    import sys

    code = "import sys, coding, coding.cli.main, coding.demo; assert not any(m.startswith('PySide6') for m in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
