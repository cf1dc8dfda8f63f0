"""What the import contracts cannot see: the window runs no SQL text, and the domain loads without Qt.

Which package may import which (app → coding → models; coding and models never import PySide6 or
shiboken6; app never imports sqlalchemy, alembic, sqlite3 or models; the feature packages of coding
independent but for the named dependencies) is checked by `lint-imports` in `make lint`, from the
contracts in pyproject.toml's [tool.importlinter].
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
