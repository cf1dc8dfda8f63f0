"""Regression guard: PySide6 6.12.0 on CPython 3.11 aborts with ``Fatal Python error: none_dealloc``
after a few thousand calls of methods that return None. On CPython 3.12 and 3.13 the same script runs
clean with 6.12.0, so pyproject.toml keeps PySide6 below 6.12 on Python 3.11 only (environment markers).

The first test runs the script on this interpreter with the PySide6 installed here: run it on a new
Python or a new PySide6 release before moving the bound."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

PYPROJECT = Path(__file__).resolve().parents[3] / "pyproject.toml"

SCRIPT = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for i in range(20_000):
    label.setText(str(i))      # returns None
    label.setToolTip("tip")    # returns None
print("survived", label.text())
"""


def test_twenty_thousand_calls_returning_none_do_not_abort() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert "none_dealloc" not in result.stderr
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived 19999"


def _pyside_allows(python: str, version: str) -> bool:
    """Whether pyproject's PySide6 requirements admit ``version`` on Python ``python`` (e.g. "3.11")."""
    dependencies = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    environment = {"python_version": python, "python_full_version": f"{python}.0"}
    applicable = [
        requirement
        for requirement in map(Requirement, dependencies)
        if requirement.name == "PySide6"
        and (requirement.marker is None or requirement.marker.evaluate(environment))
    ]
    assert len(applicable) == 1, f"exactly one PySide6 requirement must apply on Python {python}"
    return applicable[0].specifier.contains(version)


@pytest.mark.parametrize(
    ("python", "version", "allowed"),
    [
        ("3.11", "6.12.0", False),  # aborts: the known regression
        ("3.11", "6.11.3", True),
        ("3.12", "6.12.0", True),  # verified with the script above
        ("3.13", "6.12.0", True),
    ],
)
def test_pyproject_keeps_the_broken_release_off_python_3_11(python: str, version: str, allowed: bool) -> None:
    assert _pyside_allows(python, version) is allowed


def test_installed_pyside_is_allowed_on_this_python() -> None:
    import PySide6

    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert _pyside_allows(python, str(Version(PySide6.__version__))), (
        f"PySide6 {PySide6.__version__} on Python {python}: not what pyproject.toml allows here"
    )
